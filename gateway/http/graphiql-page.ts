import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Supergraph } from '@apollo/federation-internals';
import { introspectionFromSchema } from 'graphql';
import type { AccessPolicy } from '../../domain/access/index.js';
import { graphiqlTabs } from './graphiql-tabs.js';

export interface StaticResource {
  readonly contentType: string;
  readonly body: Buffer;
  readonly headers: Readonly<Record<string, string>>;
}

export interface GraphiqlOptions {
  readonly graphqlPath: string;
  /** The dev sign-in endpoint; absent, the page asks for a token to paste instead. */
  readonly devTokenPath?: string;
  readonly devUsers: readonly { readonly name: string; readonly label: string }[];
  /** The sample user the page signs in as when it opens in development; graphiqlDefaultDevUser unless given. */
  readonly defaultDevUser?: string;
  readonly purposeHeader: string;
  readonly caseNumberHeader: string;
  /** What the gateway serves: the page's schema docs and its tabs (one per trusted document) come from it. */
  readonly contract: { readonly supergraphSdl: string; readonly trustedDocuments: Readonly<Record<string, string>>; readonly policy: AccessPolicy };
  /** Production: the page sends trusted documents by hash and nothing else. */
  readonly production: boolean;
  /** Where the Hangul font is read from; the default is Debian's fonts-nanum. */
  readonly hangulFontFile?: string;
}

/**
 * GraphiQL's editors and inputs show Korean (purposes, case numbers, place names): the page serves its own Hangul
 * font, so a browser without a Korean system font draws no boxes. A monospaced face, for the editors.
 */
export const hangulFont = { file: '/usr/share/fonts/truetype/nanum/NanumGothicCoding.ttf', debianPackage: 'fonts-nanum' } as const;

export const graphiqlPath = '/graphiql';
/** The sample user the page signs in as in development: an investigator may run most of the trusted documents. */
const graphiqlDefaultDevUser = 'police-investigator';
const assetsPath = `${graphiqlPath}/assets`;

const require = createRequire(import.meta.url);
const packageFile = (packageName: string, file: string) => join(dirname(require.resolve(`${packageName}/package.json`)), file);
const ownFile = (file: string) => fileURLToPath(new URL(file, import.meta.url));

const javascript = 'text/javascript; charset=utf-8';
const css = 'text/css; charset=utf-8';

/** Every file the page loads, from this installation: the page works offline and trusts no CDN. */
const assetFiles: Readonly<Record<string, { path: string; contentType: string }>> = {
  'react.production.min.js': { path: packageFile('react', 'umd/react.production.min.js'), contentType: javascript },
  'react-dom.production.min.js': { path: packageFile('react-dom', 'umd/react-dom.production.min.js'), contentType: javascript },
  'graphiql.min.js': { path: packageFile('graphiql', 'graphiql.min.js'), contentType: javascript },
  'graphiql.min.css': { path: packageFile('graphiql', 'graphiql.min.css'), contentType: css },
  'sign-in.js': { path: ownFile('./graphiql-sign-in.js'), contentType: javascript },
  'sign-in.css': { path: ownFile('./graphiql-sign-in.css'), contentType: css },
};

/** Scripts only from this origin; GraphiQL sets inline styles, hence 'unsafe-inline' for styles alone. */
export const graphiqlContentSecurityPolicy = [
  "default-src 'none'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data:",
  "font-src 'self' data:", "connect-src 'self'", "base-uri 'none'", "form-action 'none'", "frame-ancestors 'none'",
].join('; ');

/** A JSON data island: never executed, and `<` escaped so no value can close the script element. */
const jsonIsland = (value: unknown) => JSON.stringify(value).replaceAll('<', '\\u003c');

function renderPage(options: GraphiqlOptions): string {
  const config = {
    graphqlPath: options.graphqlPath,
    devTokenPath: options.devTokenPath ?? null,
    devUsers: options.devUsers,
    defaultDevUser: options.devTokenPath ? (options.devUsers.find((user) => user.name === (options.defaultDevUser ?? graphiqlDefaultDevUser)) ?? options.devUsers[0])?.name ?? null : null,
    purposeHeader: options.purposeHeader,
    caseNumberHeader: options.caseNumberHeader,
    schemaPath: `${assetsPath}/schema.json`,
    trustedOnly: options.production,
    tabs: graphiqlTabs(options.contract.trustedDocuments, apiSchemaOf(options.contract.supergraphSdl), options.contract.policy),
  };
  return `<!doctype html>
<html lang="ko">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Dongseon · GraphiQL</title>
<link rel="stylesheet" href="${assetsPath}/graphiql.min.css">
<link rel="stylesheet" href="${assetsPath}/sign-in.css">
</head>
<body>
<header id="dongseon-sign-in"></header>
<main id="graphiql">Loading GraphiQL…</main>
<script type="application/json" id="dongseon-graphiql-config">${jsonIsland(config)}</script>
<script src="${assetsPath}/react.production.min.js"></script>
<script src="${assetsPath}/react-dom.production.min.js"></script>
<script src="${assetsPath}/graphiql.min.js"></script>
<script src="${assetsPath}/sign-in.js"></script>
</body>
</html>
`;
}

const apiSchemaOf = (supergraphSdl: string) => Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();

/**
 * The page and its assets by URL path, read once at start-up. The schema travels as an asset rather than by
 * introspection: GraphiQL would introspect before anyone signs in (a 401), and production refuses introspection. It
 * is the API schema the repository publishes (schema/api-schema.graphql), and only served while GraphiQL is on.
 */
export function graphiqlResources(options: GraphiqlOptions): ReadonlyMap<string, StaticResource> {
  const resources = new Map<string, StaticResource>();
  const cached = { 'cache-control': 'public, max-age=3600' };
  resources.set(`${assetsPath}/schema.json`, {
    contentType: 'application/json; charset=utf-8',
    body: Buffer.from(JSON.stringify(introspectionFromSchema(apiSchemaOf(options.contract.supergraphSdl)))),
    headers: { 'cache-control': 'no-cache' },
  });
  const fontFile = options.hangulFontFile ?? hangulFont.file;
  if (existsSync(fontFile)) {
    resources.set(`${assetsPath}/hangul.ttf`, { contentType: 'font/ttf', body: readFileSync(fontFile), headers: cached });
  } else {
    console.error(`GraphiQL: ${fontFile} is missing (Debian package ${hangulFont.debianPackage}); Korean text falls back to the browser's own fonts`);
  }
  resources.set(graphiqlPath, {
    contentType: 'text/html; charset=utf-8',
    body: Buffer.from(renderPage(options)),
    headers: { 'content-security-policy': graphiqlContentSecurityPolicy, 'cache-control': 'no-store' },
  });
  for (const [name, file] of Object.entries(assetFiles)) {
    resources.set(`${assetsPath}/${name}`, { contentType: file.contentType, body: readFileSync(file.path), headers: cached });
  }
  return resources;
}
