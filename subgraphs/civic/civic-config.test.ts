import { describe, expect, it } from 'vitest';
import { isDongseonError } from '../../domain/errors/index.js';
import { loadConfig } from '../../runtime/config.js';
import { civicConfigSchema, neo4jEndpointOf } from './civic-config.js';

const secret = 'a-test-secret-that-is-long-enough-for-hs256';

describe('civic configuration', () => {
  it('takes an external Neo4j as named', () => {
    const config = loadConfig('civic subgraph', civicConfigSchema, {
      DS_IDENTITY_HEADER_SECRET: secret, NEO4J_URI: 'bolt://graph.example:7687', NEO4J_PASSWORD: 'pw',
    });
    expect(config.DS_CIVIC_PORT).toBe(4106);
    expect(neo4jEndpointOf(config)).toEqual({ uri: 'bolt://graph.example:7687', user: 'neo4j', password: 'pw' });
  });

  it('stops on an external Neo4j without its password, and on a short secret', () => {
    try {
      loadConfig('civic subgraph', civicConfigSchema, { DS_IDENTITY_HEADER_SECRET: 'short', NEO4J_URI: 'bolt://graph.example:7687' });
      expect.unreachable();
    } catch (error) {
      expect(isDongseonError(error, 'DS_CONFIG_INVALID')).toBe(true);
      expect((error as Error).message).toMatch(/DS_IDENTITY_HEADER_SECRET: /);
    }
    try {
      loadConfig('civic subgraph', civicConfigSchema, { DS_IDENTITY_HEADER_SECRET: secret, NEO4J_URI: 'bolt://graph.example:7687' });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(/NEO4J_PASSWORD: required when NEO4J_URI is set/);
    }
  });
});
