import { describe, expect, it } from 'vitest';
import { createGatewayTester } from '../testing/gateway-tester.js';
import { wantedSubgraph } from '../testing/test-subgraphs.js';

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
  });

  it('asks for a token to paste when dev identity is off', async () => {
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph], graphiql: true });
    const page = await gateway.request('/graphiql');
    expect(page.text).toContain('"devTokenPath":null');
    expect((await gateway.request('/dev/token', { method: 'POST', body: '{"user":"police-officer"}' })).status).toBe(404);
  });
});
