import { describe, expect, it } from 'vitest';
import { isDongseonError } from '../../domain/errors/index.js';
import { localRedisUrl } from '../../runtime/endpoints/stack-endpoints.js';
import { loadConfig } from '../../runtime/config.js';
import { policeConfigSchema } from './police-config.js';

const secret = 'a-test-secret-that-is-long-enough-for-hs256';

describe('police configuration', () => {
  it('defaults the port, host and the local Redis', () => {
    expect(loadConfig('police subgraph', policeConfigSchema, { DS_IDENTITY_HEADER_SECRET: secret })).toEqual({
      DS_IDENTITY_HEADER_SECRET: secret, DS_POLICE_HOST: '127.0.0.1', DS_POLICE_PORT: 4102, REDIS_URL: localRedisUrl,
    });
  });

  it('stops on a short secret, a bad port or a non-Redis URL, naming each variable', () => {
    try {
      loadConfig('police subgraph', policeConfigSchema, { DS_IDENTITY_HEADER_SECRET: 'short', DS_POLICE_PORT: '0', REDIS_URL: 'http://x' });
      expect.unreachable();
    } catch (error) {
      expect(isDongseonError(error, 'DS_CONFIG_INVALID')).toBe(true);
      const { message } = error as Error;
      expect(message).toMatch(/DS_IDENTITY_HEADER_SECRET: expected a secret of at least 32 bytes/);
      expect(message).toMatch(/DS_POLICE_PORT: /);
      expect(message).toMatch(/REDIS_URL: expected a URL with scheme redis or rediss/);
    }
  });
});
