import { describe, expect, it } from 'vitest';
import { isDongseonError } from '../../domain/errors/index.js';
import { loadConfig } from '../../runtime/config.js';
import { neo4jEndpointOf, trackingConfigSchema } from './tracking-config.js';

const secret = 'a-test-secret-that-is-long-enough-for-hs256';

describe('tracking configuration', () => {
  it('takes an external Neo4j as named, with the default port', () => {
    const config = loadConfig('tracking subgraph', trackingConfigSchema, {
      DS_IDENTITY_HEADER_SECRET: secret, NEO4J_URI: 'neo4j+s://graph.example', NEO4J_USER: 'tracking', NEO4J_PASSWORD: 'pw',
    });
    expect(config.DS_TRACKING_PORT).toBe(4105);
    expect(neo4jEndpointOf(config)).toEqual({ uri: 'neo4j+s://graph.example', user: 'tracking', password: 'pw' });
  });

  it('stops on a URI that is no Bolt URI and on an external Neo4j without its password', () => {
    try {
      loadConfig('tracking subgraph', trackingConfigSchema, { DS_IDENTITY_HEADER_SECRET: secret, NEO4J_URI: 'http://graph.example' });
      expect.unreachable();
    } catch (error) {
      expect(isDongseonError(error, 'DS_CONFIG_INVALID')).toBe(true);
      expect((error as Error).message).toMatch(/NEO4J_URI: expected a URL with scheme bolt/);
    }
    try {
      loadConfig('tracking subgraph', trackingConfigSchema, { DS_IDENTITY_HEADER_SECRET: secret, NEO4J_URI: 'bolt://graph.example:7687' });
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toMatch(/NEO4J_PASSWORD: required when NEO4J_URI is set/);
    }
  });
});
