import 'reflect-metadata';
import { loadConfig } from '@app/config';
import { GovernanceConfig } from './governance.config.js';

describe('GovernanceConfig LOG_FORMAT', () => {
  it('should leave it unset by default (the logger picks pretty on a terminal, else JSON)', () => {
    expect(loadConfig('governance', GovernanceConfig, {}).LOG_FORMAT).toBeUndefined();
    expect(loadConfig('governance', GovernanceConfig, { LOG_FORMAT: '' }).LOG_FORMAT).toBeUndefined();
  });

  it('should accept pretty and json', () => {
    expect(loadConfig('governance', GovernanceConfig, { LOG_FORMAT: 'pretty' }).LOG_FORMAT).toBe('pretty');
    expect(loadConfig('governance', GovernanceConfig, { LOG_FORMAT: 'json' }).LOG_FORMAT).toBe('json');
  });

  it('should fail at start on any other value, naming the variable and not echoing the value', () => {
    const load = () => loadConfig('governance', GovernanceConfig, { LOG_FORMAT: 'yaml-ish' });
    expect(load).toThrow(
      'Invalid configuration for governance:\n  - LOG_FORMAT must be one of the following values: pretty, json',
    );
    expect(load).not.toThrow(/yaml-ish/);
  });
});
