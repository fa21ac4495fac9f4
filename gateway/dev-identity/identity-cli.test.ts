import { describe, expect, it } from 'vitest';
import { isDongseonError } from '../../domain/errors/index.js';
import { describeSampleUsers, parseIdentityArguments } from './identity-cli.js';

describe('npm run identity', () => {
  it.each([
    [['list'], { kind: 'list' }],
    [['mint', 'police-officer'], { kind: 'mint', user: 'police-officer', ttlSeconds: 8 * 3600 }],
    [['mint', 'moj-officer', '--ttl', '600'], { kind: 'mint', user: 'moj-officer', ttlSeconds: 600 }],
  ])('%j', (args, command) => {
    expect(parseIdentityArguments(args)).toEqual(command);
  });

  it.each([
    [[]],
    [['sign']],
    [['mint']],
    [['mint', 'mayor']],
    [['mint', 'police-officer', '--ttl']],
    [['mint', 'police-officer', '--ttl', '1.5']],
    [['mint', 'police-officer', '--ttl', '99999999']],
    [['mint', 'police-officer', '--for', '600']],
  ])('refuses %j with the usage', (args) => {
    try {
      parseIdentityArguments(args);
      expect.unreachable();
    } catch (error) {
      expect(isDongseonError(error, 'DS_INVALID_INPUT')).toBe(true);
      expect((error as Error).message).toContain('usage: npm run identity');
    }
  });

  it('lists every sample user with agency, clearance and scopes', () => {
    const listing = describeSampleUsers();
    for (const name of ['police-officer', 'police-investigator', 'moj-officer', 'city-operator', 'signals-engineer', 'fire-dispatcher', 'civic-developer', 'edge-node']) {
      expect(listing).toContain(name);
    }
    expect(listing).toMatch(/police-investigator\s+police\s+clearance 3/);
  });
});
