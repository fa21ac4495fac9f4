import { describe, expect, it } from 'vitest';
import { generateDevKeyPair } from '../../runtime/identity/dev-identity-provider.js';
import { edgeHistoryOptionsOf, loadCctvConfig } from './cctv-config.js';

const base = { DS_IDENTITY_HEADER_SECRET: 's'.repeat(32), NEO4J_URI: 'bolt://graph.example:7687', NEO4J_PASSWORD: 'pw' };
const edgeUrls = JSON.stringify({ suwon: 'http://127.0.0.1:8481', osan: 'https://osan-edge.example/' });

describe('loadCctvConfig', () => {
  it('leaves history search off without edge nodes', async () => {
    const config = loadCctvConfig(base);
    expect(config).toMatchObject({ DS_CCTV_PORT: 4101, DS_CCTV_EDGE_TIMEOUT_MS: 5000 });
    expect(await edgeHistoryOptionsOf(config)).toBeUndefined();
  });

  it('asks every configured edge node, signing with the private key', async () => {
    const { privateJwk } = await generateDevKeyPair();
    const config = loadCctvConfig({ ...base, DS_CCTV_EDGE_URLS: edgeUrls, DS_CCTV_HISTORY_SIGNING_JWK: JSON.stringify(privateJwk), DS_CCTV_EDGE_TIMEOUT_MS: '2000' });
    expect(await edgeHistoryOptionsOf(config)).toMatchObject({
      edges: [{ municipalityId: 'suwon', url: 'http://127.0.0.1:8481' }, { municipalityId: 'osan', url: 'https://osan-edge.example/' }],
      timeoutMs: 2000,
    });
  });

  it('names each bad variable', async () => {
    const { publicJwk } = await generateDevKeyPair();
    expect(() => loadCctvConfig({ ...base, DS_CCTV_EDGE_URLS: edgeUrls })).toThrow(/DS_CCTV_HISTORY_SIGNING_JWK: required with DS_CCTV_EDGE_URLS/);
    expect(() => loadCctvConfig({ ...base, DS_CCTV_EDGE_URLS: edgeUrls, DS_CCTV_HISTORY_SIGNING_JWK: JSON.stringify(publicJwk) })).toThrow(/DS_CCTV_HISTORY_SIGNING_JWK/);
    expect(() => loadCctvConfig({ ...base, DS_CCTV_EDGE_URLS: '{"Suwon": "http://127.0.0.1:8481"}' })).toThrow(/DS_CCTV_EDGE_URLS/);
    expect(() => loadCctvConfig({ ...base, DS_CCTV_EDGE_URLS: '{"suwon": "ftp://edge"}' })).toThrow(/DS_CCTV_EDGE_URLS/);
    expect(() => loadCctvConfig({ ...base, DS_CCTV_EDGE_URLS: 'suwon=http://edge' })).toThrow(/DS_CCTV_EDGE_URLS: expected JSON/);
  });
});
