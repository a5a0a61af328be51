import { IsIn, IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { Secret } from './secret.decorator.js';
import { ConfigValidationError, describeConfig, loadConfig } from './load-config.js';

class SampleConfig {
  @IsInt() @Min(1) @Max(65535) PORT = 8000;
  @IsIn(['a', 'b']) MODE = 'a';
  @IsOptional() @IsString() @Secret() SAMPLE_KEY?: string;
}

describe(loadConfig.name, () => {
  it('should apply defaults and coerce env strings', () => {
    const c = loadConfig('sample', SampleConfig, { PORT: '9000' });
    expect(c.PORT).toBe(9000);
    expect(c.MODE).toBe('a');
  });

  it('should reject invalid values naming the variable', () => {
    expect(() => loadConfig('sample', SampleConfig, { MODE: 'zzz' })).toThrow(ConfigValidationError);
    expect(() => loadConfig('sample', SampleConfig, { MODE: 'zzz' })).toThrow(/MODE/);
  });

  it('should refuse a missing secret in production', () => {
    expect(() => loadConfig('sample', SampleConfig, { NODE_ENV: 'production' })).toThrow(
      /SAMPLE_KEY is required/,
    );
    expect(loadConfig('sample', SampleConfig, { NODE_ENV: 'production', SAMPLE_KEY: 'k' }).SAMPLE_KEY).toBe(
      'k',
    );
  });

  it('should mask secrets when described', () => {
    const c = loadConfig('sample', SampleConfig, { SAMPLE_KEY: 'hunter2' });
    expect(JSON.stringify(describeConfig(c))).not.toContain('hunter2');
  });
});

class AmbientConfig {
  @IsOptional() @IsString() @Secret({ requiredInProduction: false }) CLOUD_KEY?: string;
}

describe('optional secrets', () => {
  it('should allow an ambient-credential secret to be absent in production yet still mask it', () => {
    expect(() => loadConfig('ambient', AmbientConfig, { NODE_ENV: 'production' })).not.toThrow();
    const c = loadConfig('ambient', AmbientConfig, { CLOUD_KEY: 'k-123' });
    expect(JSON.stringify(describeConfig(c))).not.toContain('k-123');
  });
});
