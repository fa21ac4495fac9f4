process.env.APOLLO_TELEMETRY_DISABLED = '1';

import { once } from 'node:events';
import { Redis } from 'ioredis';
import type { JWK } from 'jose';
import { openAuditLog } from '../runtime/audit/open-audit-log.js';
import { runProcess } from '../runtime/config.js';
import { defaultAccessTokenTimeLimits, importAccessTokenPublicKey } from '../runtime/identity/access-token.js';
import { createDevIdentityProvider } from '../runtime/identity/dev-identity-provider.js';
import { sampleUserNames, sampleUsers } from '../runtime/identity/sample-users.js';
import { displayUrl } from '../runtime/endpoints/stack-endpoints.js';
import { createGateway } from './create-gateway.js';
import { loadOrCreateDevKeyPair } from './dev-identity/dev-key-store.js';
import { caseNumberHeaderName, purposeHeaderName } from './gateway-context.js';
import { loadGatewayConfig } from './gateway-config.js';
import { gatewayPlugins } from './gateway-plugins.js';
import { loadGraphContract } from './graph-contract.js';
import { consolePath, consoleResources } from './http/console-files.js';
import { devTokenPath } from './http/dev-token-route.js';
import { graphiqlPath, graphiqlResources } from './http/graphiql-page.js';
import { graphqlPath, startGatewayHttpServer } from './http/gateway-http-server.js';
import { createRedisTokenBucket } from './rate-limit/redis-token-bucket.js';
import { openAlertFeed, openHitDecisionFeed } from './realtime/alert-feed.js';
import { realtimePath, startRealtimeServer } from './realtime/realtime-server.js';

async function main(): Promise<void> {
  const config = loadGatewayConfig();
  const devKeys = config.production ? undefined : await loadOrCreateDevKeyPair();
  const publicKey = await importAccessTokenPublicKey((config.jwtPublicJwk ?? devKeys?.publicJwk) as JWK);
  const tokenTimeLimits = { ...defaultAccessTokenTimeLimits, maxLifetimeSeconds: config.accessTokenMaxLifetimeSeconds };
  const devIdentity = config.devIdentity && devKeys ? await createDevIdentityProvider(devKeys) : undefined;
  const contract = loadGraphContract();
  const auditLog = await openAuditLog(config.audit);
  if (auditLog.tornTail) console.error(`audit log: a crash-torn last line was set aside: ${JSON.stringify(auditLog.tornTail)}`);

  // Rate limiting must never wait on Redis: commands fail fast while it is away, and the limit fails open.
  const rateRedis = new Redis(config.redisUrl, { enableOfflineQueue: false, maxRetriesPerRequest: 0, commandTimeout: 250 });
  const alertRedis = new Redis(config.redisUrl);
  for (const client of [rateRedis, alertRedis]) client.on('error', (error: Error) => console.error(`[redis ${displayUrl(config.redisUrl)}] ${error.message}`));

  const gateway = await createGateway({
    supergraphSdl: contract.supergraphSdl,
    subgraphUrls: config.subgraphUrls,
    identitySecret: config.identitySecret,
    subgraphTimeoutMs: config.subgraphTimeoutMs,
    production: config.production,
    plugins: gatewayPlugins({
      publicKey,
      tokenTimeLimits,
      production: config.production,
      trustedDocuments: contract.trustedDocuments,
      limits: config.limits,
      policy: contract.policy,
      rateLimit: { bucket: createRedisTokenBucket(rateRedis), ...config.rateLimit },
      audit: { log: auditLog, supergraphSdl: contract.supergraphSdl },
    }),
  });
  const graphiql = config.graphiql
    ? graphiqlResources({
      graphqlPath,
      ...(devIdentity ? { devTokenPath } : {}),
      devUsers: devIdentity ? sampleUserNames.map((name) => ({ name, label: `${name} (${sampleUsers[name].agency}, clearance ${sampleUsers[name].clearance})` })) : [],
      purposeHeader: purposeHeaderName,
      caseNumberHeader: caseNumberHeaderName,
      contract,
      production: config.production,
    })
    : undefined;
  const hostInUrl = config.host.includes(':') ? `[${config.host}]` : config.host;
  const operationsConsole = consoleResources({
    realtimeUrl: `ws://${hostInUrl}:${config.realtimePort}${realtimePath}`,
    ...(devIdentity ? { devTokenPath } : {}),
    devUsers: devIdentity ? sampleUserNames.map((name) => ({ name, label: `${name} (${sampleUsers[name].agency}, clearance ${sampleUsers[name].clearance})` })) : [],
  });
  const http = await startGatewayHttpServer(
    {
      gateway, bodyLimitBytes: config.bodyLimitBytes, ...(graphiql ? { graphiql } : {}), ...(operationsConsole ? { console: operationsConsole } : {}),
      ...(devIdentity ? { devIdentity } : {}),
    },
    { host: config.host, port: config.port },
  );
  const feed = await openAlertFeed(alertRedis);
  // A connection of its own: each feed blocks on its XREAD.
  const decisionRedis = alertRedis.duplicate();
  const decisions = await openHitDecisionFeed(decisionRedis);
  const realtime = await startRealtimeServer(
    { publicKey, tokenTimeLimits, feed, decisions, audit: auditLog, production: config.production }, { host: config.host, port: config.realtimePort },
  );

  console.log([
    `Dongseon gateway (${config.production ? 'production' : 'development'})`,
    `  GraphQL    ${http.origin}${graphqlPath}`,
    ...(graphiql ? [`  GraphiQL   ${http.origin}${graphiqlPath}`] : []),
    operationsConsole ? `  console    ${http.origin}${consolePath}` : '  console    not built (npm run console:build)',
    ...(devIdentity ? [`  dev tokens POST ${http.origin}${devTokenPath}  (npm run identity -- mint <sample-user>)`] : []),
    `  alerts     ${realtime.origin.replace(/^http/, 'ws')}${realtimePath}  (graphql-ws)`,
    `  Redis      ${displayUrl(config.redisUrl)}`,
    `  audit log  ${auditLog.dir}  (npm run audit -- verify)`,
    ...Object.entries(config.subgraphUrls).map(([name, url]) => `  ${name.padEnd(10)} ${displayUrl(url)}`),
  ].join('\n'));

  const signal = await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
  console.log(`${String(signal[0] ?? 'signal')} received; stopping`);
  await Promise.all([http.close(), realtime.close()]);
  await Promise.all([feed.close(), decisions.close(), gateway.stop()]);
  await auditLog.close();
  await Promise.all([rateRedis.quit(), alertRedis.quit(), decisionRedis.quit()]);
}

await runProcess(main);
