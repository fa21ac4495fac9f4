import { describe, expect, it } from 'vitest';
import { loadStackConfig } from './stack-config.js';
import { displayUrl, endpointsFor } from './stack-endpoints.js';

const localPassword = () => 'generated-password';

describe('stack endpoints', () => {
  it('points at the local stack by default', () => {
    expect(endpointsFor(loadStackConfig({}), localPassword)).toEqual({
      redisUrl: 'redis://127.0.0.1:16379',
      neo4j: { uri: 'bolt://127.0.0.1:17687', user: 'neo4j', password: 'generated-password' },
      mqttUrl: 'mqtt://127.0.0.1:11883',
    });
  });

  it('points at external servers named in the environment and never reads the local password for them', () => {
    const config = loadStackConfig({
      REDIS_URL: 'redis://cache:6379',
      NEO4J_URI: 'bolt://graph:7687',
      NEO4J_PASSWORD: 'theirs',
      MQTT_URL: 'mqtts://broker:8883',
      MQTT_ADMIN_PASSWORD: 'theirs too',
    });
    const unreadable = () => {
      throw new Error('the local password must not be read');
    };
    expect(endpointsFor(config, unreadable)).toEqual({
      redisUrl: 'redis://cache:6379',
      neo4j: { uri: 'bolt://graph:7687', user: 'neo4j', password: 'theirs' },
      mqttUrl: 'mqtts://broker:8883',
    });
  });

  it('masks passwords in URLs it displays', () => {
    expect(displayUrl('redis://:s3cret@cache:6379/1')).toBe('redis://:***@cache:6379/1');
    expect(displayUrl('mqtt://hub:s3cret@broker:1883')).toBe('mqtt://hub:***@broker:1883');
    expect(displayUrl('bolt://127.0.0.1:17687')).toBe('bolt://127.0.0.1:17687');
  });
});
