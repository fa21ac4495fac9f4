import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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
  readonly purposeHeader: string;
  readonly caseNumberHeader: string;
}

export const graphiqlPath = '/graphiql';
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
    purposeHeader: options.purposeHeader,
    caseNumberHeader: options.caseNumberHeader,
  };
  return `<!doctype html>
<html lang="en">
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

/** The page and its assets by URL path, read once at start-up. */
export function graphiqlResources(options: GraphiqlOptions): ReadonlyMap<string, StaticResource> {
  const resources = new Map<string, StaticResource>();
  resources.set(graphiqlPath, {
    contentType: 'text/html; charset=utf-8',
    body: Buffer.from(renderPage(options)),
    headers: { 'content-security-policy': graphiqlContentSecurityPolicy, 'cache-control': 'no-store' },
  });
  for (const [name, file] of Object.entries(assetFiles)) {
    resources.set(`${assetsPath}/${name}`, { contentType: file.contentType, body: readFileSync(file.path), headers: { 'cache-control': 'public, max-age=3600' } });
  }
  return resources;
}
