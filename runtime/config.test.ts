import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { isDongseonError } from '../domain/errors/index.js';
import { loadConfig, portVariable, urlVariable } from './config.js';

const schema = z.object({
  REDIS_URL: urlVariable(['redis', 'rediss']),
  GATEWAY_PORT: portVariable.default(4000),
});

describe('loadConfig', () => {
  it('returns typed, defaulted values', () => {
    expect(loadConfig('test', schema, { REDIS_URL: 'redis://127.0.0.1:6379' })).toEqual({ REDIS_URL: 'redis://127.0.0.1:6379', GATEWAY_PORT: 4000 });
  });

  it('stops with a message naming each bad variable and what it expects', () => {
    try {
      loadConfig('gateway', schema, { REDIS_URL: 'http://x', GATEWAY_PORT: '99999' });
      expect.unreachable();
    } catch (error) {
      expect(isDongseonError(error, 'DS_CONFIG_INVALID')).toBe(true);
      const message = (error as Error).message;
      expect(message).toContain('gateway: invalid configuration');
      expect(message).toMatch(/REDIS_URL: expected a URL with scheme redis or rediss/);
      expect(message).toMatch(/GATEWAY_PORT: /);
    }
  });
});
