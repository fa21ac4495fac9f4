import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildClientSchema, type IntrospectionQuery } from 'graphql';
import { describe, expect, it, vi } from 'vitest';
import { schemaDir } from '../../schema/compose-supergraph.js';
import { documentHash } from '../../schema/trusted-documents.js';
import { createGatewayTester } from '../testing/gateway-tester.js';
import { wantedSubgraph } from '../testing/test-subgraphs.js';
import { graphiqlResources } from './graphiql-page.js';

const configOf = (html: string) => JSON.parse(/<script type="application\/json" id="dongseon-graphiql-config">(.*?)<\/script>/s.exec(html)?.[1] ?? 'null');
const referencedUrls = (html: string) => [...html.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"/g)].map((match) => match[1] ?? '');

describe('GraphiQL', () => {
  it('is served with every script and stylesheet from the gateway itself, none from a CDN', async () => {
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph], graphiql: true, devIdentity: true });
    const page = await gateway.request('/graphiql');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const urls = referencedUrls(page.text);
    expect(urls).toEqual([
      '/graphiql/assets/graphiql.min.css', '/graphiql/assets/sign-in.css',
      '/graphiql/assets/react.production.min.js', '/graphiql/assets/react-dom.production.min.js',
      '/graphiql/assets/graphiql.min.js', '/graphiql/assets/sign-in.js',
    ]);
    expect(page.text).not.toMatch(/https?:\/\//);
    for (const url of urls) {
      const asset = await gateway.request(url);
      expect(asset.status, url).toBe(200);
      expect(asset.headers.get('content-type'), url).toMatch(url.endsWith('.css') ? /^text\/css/ : /^text\/javascript/);
      expect(asset.text.length, url).toBeGreaterThan(100);
    }
  });

  it('offers the sample users for the dev sign-in when dev identity is on', async () => {
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph], graphiql: true, devIdentity: true });
    const page = await gateway.request('/graphiql');
    const config = JSON.parse(/<script type="application\/json" id="dongseon-graphiql-config">(.*?)<\/script>/s.exec(page.text)?.[1] ?? 'null');
    expect(config).toMatchObject({ graphqlPath: '/graphql', devTokenPath: '/dev/token', purposeHeader: 'x-dongseon-purpose', caseNumberHeader: 'x-dongseon-case-number' });
    expect(config.devUsers.map((user: { name: string }) => user.name)).toContain('police-investigator');
    expect(config.defaultDevUser).toBe('police-investigator');
  });

  it('serves the API schema as an asset and the trusted documents as tabs', async () => {
    const query = 'query WantedList {\n  wantedVehicles {\n    id\n  }\n}';
    await using gateway = await createGatewayTester({
      subgraphs: [wantedSubgraph], graphiql: true, production: true, trustedDocuments: { [documentHash(query)]: query },
    });
    const config = configOf((await gateway.request('/graphiql')).text);
    expect(config).toMatchObject({ trustedOnly: true, devTokenPath: null, schemaPath: '/graphiql/assets/schema.json' });
    expect(config.tabs).toEqual([{
      title: 'WantedList', hash: documentHash(query), query, variables: '',
      access: [],
    }]);
    const schema = buildClientSchema((await gateway.request(config.schemaPath)).body as IntrospectionQuery);
    expect(Object.keys(schema.getQueryType()?.getFields() ?? {})).toContain('wantedVehicles');
  });

  it('serves a Hangul font of its own, for Hangul only, and goes without it when the font is not installed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'dongseon-graphiql-font-'));
    try {
      const fontFile = join(dir, 'hangul.ttf');
      await writeFile(fontFile, 'not really a font, but bytes to serve');
      const options = {
        graphqlPath: '/graphql', devUsers: [], purposeHeader: 'x-p', caseNumberHeader: 'x-c', production: false,
        contract: { supergraphSdl: readFileSync(`${schemaDir}supergraph.graphql`, 'utf8'), trustedDocuments: {}, policy: { types: new Map(), fields: new Map() } },
      };
      const font = graphiqlResources({ ...options, hangulFontFile: fontFile }).get('/graphiql/assets/hangul.ttf');
      expect(font?.contentType).toBe('font/ttf');
      expect(font?.body.toString()).toBe('not really a font, but bytes to serve');
      const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
      expect(graphiqlResources({ ...options, hangulFontFile: join(dir, 'missing.ttf') }).has('/graphiql/assets/hangul.ttf')).toBe(false);
      expect(errors).toHaveBeenCalledWith(expect.stringContaining('fonts-nanum'));
      errors.mockRestore();
      const css = readFileSync(new URL('./graphiql-sign-in.css', import.meta.url), 'utf8');
      expect(css).toMatch(/@font-face \{ font-family: 'Dongseon Hangul'; src: url\('hangul\.ttf'\)[^}]*unicode-range: U\+1100-11FF/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('asks for a token to paste when dev identity is off', async () => {
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph], graphiql: true });
    const page = await gateway.request('/graphiql');
    expect(page.text).toContain('"devTokenPath":null');
    expect((await gateway.request('/dev/token', { method: 'POST', body: '{"user":"police-officer"}' })).status).toBe(404);
  });
});
