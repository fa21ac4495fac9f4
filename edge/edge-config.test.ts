import { describe, expect, it } from 'vitest';
import { generateDevKeyPair } from '../runtime/identity/dev-identity-provider.js';
import { loadEdgeConfig, readValidationPolicyOf } from './edge-config.js';

const neo4j = {
  NEO4J_URI: 'bolt://graph.example:7687', NEO4J_PASSWORD: 'pw',
  DS_EDGE_PSEUDONYM_SECRET: Buffer.alloc(32, 7).toString('base64'),
  DS_EDGE_MQTT_PASSWORD: 'p'.repeat(32),
  DS_HOTLIST_KEYS: JSON.stringify({ k1: Buffer.alloc(32, 1).toString('base64') }), DS_HOTLIST_ACTIVE_KEY: 'k1',
};

describe('loadEdgeConfig', () => {
  it('fills the defaults around the municipality', () => {
    const config = loadEdgeConfig({ DS_EDGE_MUNICIPALITY: 'suwon', ...neo4j });
    expect(config).toMatchObject({ DS_EDGE_PORT: 8480, DS_EDGE_BODY_LIMIT_BYTES: 1024 * 1024, DS_EDGE_CAMERA_SILENCE_S: 300 });
    expect(readValidationPolicyOf(config)).toEqual({ maxFutureSkewMs: 120_000, maxAgeMs: 86_400_000, maxBatchItems: 1000 });
  });

  it('names each bad variable', () => {
    expect(() => loadEdgeConfig({ DS_EDGE_MUNICIPALITY: 'su/won', DS_EDGE_MAX_BATCH_ITEMS: '5000', ...neo4j }))
      .toThrow(/DS_EDGE_MUNICIPALITY[\s\S]*DS_EDGE_MAX_BATCH_ITEMS|DS_EDGE_MAX_BATCH_ITEMS[\s\S]*DS_EDGE_MUNICIPALITY/);
    expect(() => loadEdgeConfig({ ...neo4j })).toThrow(/DS_EDGE_MUNICIPALITY/);
    expect(() => loadEdgeConfig({ ...neo4j, DS_EDGE_MUNICIPALITY: 'osan', DS_EDGE_PSEUDONYM_SECRET: 'c2hvcnQ=' })).toThrow(/DS_EDGE_PSEUDONYM_SECRET/);
  });

  it('takes an edge operator token of 32 to 200 printable characters only', () => {
    expect(loadEdgeConfig({ ...neo4j, DS_EDGE_MUNICIPALITY: 'osan' }).DS_EDGE_OPERATOR_TOKEN).toBeUndefined();
    expect(loadEdgeConfig({ ...neo4j, DS_EDGE_MUNICIPALITY: 'osan', DS_EDGE_OPERATOR_TOKEN: 'x'.repeat(32) }).DS_EDGE_OPERATOR_TOKEN).toBe('x'.repeat(32));
    for (const token of ['short', `${'x'.repeat(31)} `, 'x'.repeat(201)]) {
      expect(() => loadEdgeConfig({ ...neo4j, DS_EDGE_MUNICIPALITY: 'osan', DS_EDGE_OPERATOR_TOKEN: token })).toThrow(/DS_EDGE_OPERATOR_TOKEN/);
    }
  });

  it('needs the node\'s broker password (the broker takes no anonymous client), of printable characters', () => {
    expect(() => loadEdgeConfig({ ...neo4j, DS_EDGE_MUNICIPALITY: 'osan', DS_EDGE_MQTT_PASSWORD: '' })).toThrow(/DS_EDGE_MQTT_PASSWORD/);
    expect(() => loadEdgeConfig({ ...neo4j, DS_EDGE_MUNICIPALITY: 'osan', DS_EDGE_MQTT_PASSWORD: 'short' })).toThrow(/DS_EDGE_MQTT_PASSWORD/);
    expect(() => loadEdgeConfig({ ...neo4j, DS_EDGE_MUNICIPALITY: 'osan', DS_EDGE_MQTT_USERNAME: 'edge osan' })).toThrow(/DS_EDGE_MQTT_USERNAME/);
    expect(loadEdgeConfig({ ...neo4j, DS_EDGE_MUNICIPALITY: 'osan' }).DS_EDGE_MQTT_USERNAME).toBeUndefined();
  });

  it('bug: DS_EDGE_MUNICIPALITY=Suwon passed the config check and failed later with a code that did not name the variable', () => {
    let failure: unknown;
    try {
      loadEdgeConfig({ ...neo4j, DS_EDGE_MUNICIPALITY: 'Suwon' });
    } catch (error) {
      failure = error;
    }
    expect(failure).toMatchObject({ code: 'DS_CONFIG_INVALID', details: { variables: ['DS_EDGE_MUNICIPALITY'] } });
    expect((failure as Error).message).toMatch(/DS_EDGE_MUNICIPALITY: expected a municipality id of lower-case letters/);
  });

  it('takes the history-search verification key as a public JWK only', async () => {
    const { privateJwk, publicJwk } = await generateDevKeyPair();
    expect(loadEdgeConfig({ DS_EDGE_MUNICIPALITY: 'osan', ...neo4j }).DS_EDGE_HISTORY_PUBLIC_JWK).toBeUndefined();
    expect(loadEdgeConfig({ DS_EDGE_MUNICIPALITY: 'osan', ...neo4j, DS_EDGE_HISTORY_PUBLIC_JWK: JSON.stringify(publicJwk) }).DS_EDGE_HISTORY_PUBLIC_JWK)
      .toMatchObject({ kty: 'EC', crv: 'P-256' });
    expect(() => loadEdgeConfig({ DS_EDGE_MUNICIPALITY: 'osan', ...neo4j, DS_EDGE_HISTORY_PUBLIC_JWK: JSON.stringify(privateJwk) }))
      .toThrow(/DS_EDGE_HISTORY_PUBLIC_JWK\.d: must be a public key/);
  });
});
