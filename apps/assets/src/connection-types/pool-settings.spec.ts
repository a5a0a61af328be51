import {
  DEFAULT_POOL_SETTINGS,
  POOL_SETTINGS_RANGES,
  POOL_SETTINGS_SCHEMA,
  validatePoolSettings,
  type PoolSettings,
} from './pool-settings.js';

describe(validatePoolSettings.name, () => {
  it('should return the defaults when pool is absent', () => {
    expect(validatePoolSettings(undefined)).toEqual({ ok: true, value: DEFAULT_POOL_SETTINGS });
    expect(DEFAULT_POOL_SETTINGS).toEqual({
      max_connections: 10,
      min_connections: 0,
      idle_timeout_ms: 30_000,
      connection_timeout_ms: 10_000,
      max_lifetime_ms: 1_800_000,
    });
  });

  it('should fill in defaults around the given fields', () => {
    expect(validatePoolSettings({ max_connections: 25 })).toEqual({
      ok: true,
      value: { ...DEFAULT_POOL_SETTINGS, max_connections: 25 },
    });
  });

  it('should keep base values a partial update does not mention', () => {
    const base: PoolSettings = { ...DEFAULT_POOL_SETTINGS, max_connections: 40, min_connections: 4 };
    expect(validatePoolSettings({ idle_timeout_ms: 60_000 }, base)).toEqual({
      ok: true,
      value: { ...base, idle_timeout_ms: 60_000 },
    });
  });

  it.each(Object.entries(POOL_SETTINGS_RANGES))('should enforce the range of %s', (field, range) => {
    const atMin = validatePoolSettings({ max_connections: 100, [field]: range.min });
    const atMax = validatePoolSettings({ max_connections: 100, min_connections: 0, [field]: range.max });
    expect(atMin.ok).toBe(true);
    expect(atMax.ok).toBe(true);
    for (const value of [range.min - 1, range.max + 1, range.min + 0.5, String(range.min)]) {
      const result = validatePoolSettings({ max_connections: 100, [field]: value });
      expect(result.ok ? [] : result.errors.map((e) => e.field)).toEqual([`pool.${field}`]);
    }
  });

  it('should reject min_connections above max_connections', () => {
    expect(validatePoolSettings({ min_connections: 5, max_connections: 4 })).toEqual({
      ok: false,
      errors: [
        { field: 'pool.min_connections', message: 'must be less than or equal to pool.max_connections' },
      ],
    });
    // The default max (10) counts when only min is given.
    expect(validatePoolSettings({ min_connections: 11 }).ok).toBe(false);
    expect(validatePoolSettings({ min_connections: 10 }).ok).toBe(true);
  });

  it('should name unknown fields and reject non-objects', () => {
    expect(validatePoolSettings({ maxConnections: 5 })).toEqual({
      ok: false,
      errors: [{ field: 'pool.maxConnections', message: 'is not an allowed field' }],
    });
    expect(validatePoolSettings([1, 2])).toEqual({
      ok: false,
      errors: [{ field: 'pool', message: 'must be object' }],
    });
  });

  it('should publish a closed schema with the defaults', () => {
    expect(POOL_SETTINGS_SCHEMA['additionalProperties']).toBe(false);
    const props = POOL_SETTINGS_SCHEMA['properties'] as Record<
      string,
      { default: number; minimum: number; maximum: number }
    >;
    expect(props['max_lifetime_ms']).toMatchObject({
      default: 1_800_000,
      minimum: 60_000,
      maximum: 86_400_000,
    });
  });
});
