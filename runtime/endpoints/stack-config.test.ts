import { describe, expect, it } from 'vitest';
import { isDongseonError } from '../../domain/errors/index.js';
import { cacheRootOf, loadStackConfig } from './stack-config.js';

function configError(env: Record<string, string>): { message: string; variables: unknown } {
  try {
    loadStackConfig(env);
  } catch (error) {
    if (isDongseonError(error, 'DS_CONFIG_INVALID')) return { message: error.message, variables: error.details.variables };
    throw error;
  }
  throw new Error('expected the configuration to be rejected');
}

describe('stack configuration', () => {
  it('runs every server locally when no variable is set', () => {
    expect(loadStackConfig({})).toEqual({});
  });

  it('treats an empty variable as unset', () => {
    expect(loadStackConfig({ REDIS_URL: '', MQTT_URL: '' })).toEqual({});
  });

  it('accepts external servers', () => {
    const env = {
      REDIS_URL: 'rediss://:secret@cache.internal:6380/2',
      NEO4J_URI: 'neo4j+s://graph.internal:7687',
      NEO4J_USER: 'hub',
      NEO4J_PASSWORD: 'secret',
      MQTT_URL: 'mqtt://broker.internal:1883',
      MQTT_ADMIN_USERNAME: 'dongseon-admin',
      MQTT_ADMIN_PASSWORD: 'secret',
    };
    expect(loadStackConfig(env)).toEqual(env);
  });

  it.each([
    ['REDIS_URL', { REDIS_URL: 'http://cache:6379' }, 'expected a URL with scheme redis or rediss'],
    ['REDIS_URL', { REDIS_URL: 'not a url' }, 'expected a URL with scheme redis or rediss'],
    ['NEO4J_URI', { NEO4J_URI: 'http://graph:7474', NEO4J_PASSWORD: 'x' }, 'expected a URL with scheme bolt'],
    ['MQTT_URL', { MQTT_URL: 'tcp://broker:1883' }, 'expected a URL with scheme mqtt or mqtts or ws or wss'],
    ['NEO4J_PASSWORD', { NEO4J_URI: 'bolt://graph:7687' }, 'required when NEO4J_URI is set'],
    ['NEO4J_PASSWORD', { NEO4J_PASSWORD: 'x' }, 'only used with NEO4J_URI'],
    ['NEO4J_USER', { NEO4J_USER: 'hub' }, 'only used with NEO4J_URI'],
    ['MQTT_ADMIN_PASSWORD', { MQTT_URL: 'mqtts://broker:8883' }, 'required when MQTT_URL names an external broker'],
    ['MQTT_ADMIN_PASSWORD', { MQTT_ADMIN_PASSWORD: 'x' }, 'only used with an external MQTT_URL'],
    ['MQTT_ADMIN_USERNAME', { MQTT_URL: 'mqtt://127.0.0.1:11883', MQTT_ADMIN_USERNAME: 'admin' }, 'only used with an external MQTT_URL'],
    ['DS_NEO4J_JIT', { DS_NEO4J_JIT: 'c2' }, 'Invalid option: expected one of "quick"|"full"'],
  ])('names %s when it is wrong', (variable, env, expected) => {
    const { message, variables } = configError(env);
    expect(variables).toEqual([variable]);
    expect(message).toContain(`${variable}: ${expected}`);
  });

  it('caches downloads under XDG_CACHE_HOME when set', () => {
    expect(cacheRootOf(loadStackConfig({ XDG_CACHE_HOME: '/var/cache/ci' }))).toBe('/var/cache/ci');
    expect(cacheRootOf(loadStackConfig({}))).toMatch(/\/\.cache$/);
  });
});
