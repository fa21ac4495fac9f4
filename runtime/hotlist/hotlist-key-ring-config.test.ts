import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';
import { hotlistKeyRingConfigSchema, hotlistKeyRingOf } from './hotlist-key-ring-config.js';

const secret = () => randomBytes(32).toString('base64');

describe('the hotlist key ring configuration', () => {
  it('builds a ring whose active key is DS_HOTLIST_ACTIVE_KEY', () => {
    const config = loadConfig('edge', hotlistKeyRingConfigSchema, { DS_HOTLIST_KEYS: JSON.stringify({ a: secret(), b: secret() }), DS_HOTLIST_ACTIVE_KEY: 'b' });
    const ring = hotlistKeyRingOf(config);
    expect(ring.activeKeyId).toBe('b');
    expect([...ring.hashers.keys()]).toEqual(['a', 'b']);
  });

  it.each([
    ['not JSON', { DS_HOTLIST_KEYS: 'a=1', DS_HOTLIST_ACTIVE_KEY: 'a' }, 'DS_HOTLIST_KEYS'],
    ['a short key', { DS_HOTLIST_KEYS: JSON.stringify({ a: randomBytes(16).toString('base64') }), DS_HOTLIST_ACTIVE_KEY: 'a' }, 'DS_HOTLIST_KEYS'],
    ['an unknown active key', { DS_HOTLIST_KEYS: JSON.stringify({ a: secret() }), DS_HOTLIST_ACTIVE_KEY: 'b' }, 'DS_HOTLIST_ACTIVE_KEY'],
  ])('refuses %s, naming the variable', (_, env, variable) => {
    expect(() => loadConfig('edge', hotlistKeyRingConfigSchema, env)).toThrow(expect.objectContaining({ code: 'DS_CONFIG_INVALID', message: expect.stringContaining(variable) }));
  });
});
