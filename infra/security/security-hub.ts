import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importJWK, SignJWT } from 'jose';
import { loadOrCreateDevKeyPair } from '../../gateway/dev-identity/dev-key-store.js';
import { subgraphUrlVariable } from '../../gateway/gateway-config.js';
import { stackEndpoints } from '../../runtime/endpoints/stack-endpoints.js';
import { accessTokenAlgorithm, accessTokenAudience, accessTokenIssuer } from '../../runtime/identity/access-token.js';
import { generateDevKeyPair, type DevKeyPair } from '../../runtime/identity/dev-identity-provider.js';
import { claimsFromIdentity } from '../../runtime/identity/identity-claims.js';
import { sampleUsers, type SampleUserName } from '../../runtime/identity/sample-users.js';
import { subgraphNames, type SubgraphName } from '../../schema/subgraph-names.js';
import { pipelineEnvironment } from '../services/pipeline-processes.js';
import { spawnService, stopServices, waitForHealth, type RunningService } from '../services/service-processes.js';
import { freePorts } from '../stack/ports.js';

export interface SecurityGatewayOptions {
  /** DS_ENV=production: trusted documents only, no introspection, a configured public JWK. */
  readonly production: boolean;
  /** DS_DEV_IDENTITY=on (development only): POST /dev/token, signing with the checkout's dev key pair. */
  readonly devIdentity?: boolean;
  /** Where the gateway finds each subgraph; by default a closed port, so a probe that gets past the gateway fails there. */
  readonly subgraphUrls?: Partial<Readonly<Record<SubgraphName, string>>>;
}

/** The gateway process as `npm start` runs it (`gateway/main.ts` under tsx), on free loopback ports, for probes. */
export interface SecurityGateway {
  /** e.g. http://127.0.0.1:40123 */
  readonly origin: string;
  readonly realtimeOrigin: string;
  readonly auditDir: string;
  readonly running: RunningService;
  /** An access token for a sample user, signed with the key this gateway trusts; `times` in seconds since the epoch. */
  tokenFor(user: SampleUserName, times?: { readonly iat: number; readonly exp: number }): Promise<string>;
  /** What the process printed: its last lines, as the operator's log shows them. */
  output(): readonly string[];
  close(): Promise<void>;
}

const host = '127.0.0.1';

export async function startSecurityGateway(options: SecurityGatewayOptions): Promise<SecurityGateway> {
  const [port, realtimePort, closedPort] = await freePorts(3) as [number, number, number];
  const auditDir = await mkdtemp(join(tmpdir(), 'dongseon-security-audit-'));
  // The dev key pair is the one the gateway itself loads when dev identity is on; otherwise a key pair of this run.
  const keys: DevKeyPair = options.devIdentity ? await loadOrCreateDevKeyPair() : await generateDevKeyPair();
  const subgraphUrls = Object.fromEntries(subgraphNames.map((name) => [
    subgraphUrlVariable(name), options.subgraphUrls?.[name] ?? `http://${host}:${closedPort}/graphql`,
  ]));
  const env = pipelineEnvironment(stackEndpoints(), {
    DS_ENV: options.production ? 'production' : 'development',
    DS_GATEWAY_HOST: host,
    DS_GATEWAY_PORT: String(port),
    DS_REALTIME_PORT: String(realtimePort),
    DS_AUDIT_DIR: auditDir,
    DS_DEV_IDENTITY: options.devIdentity ? 'on' : 'off',
    ...(options.devIdentity ? {} : { DS_JWT_PUBLIC_JWK: JSON.stringify(keys.publicJwk) }),
    ...subgraphUrls,
  });
  const origin = `http://${host}:${port}`;
  const running = spawnService({ name: options.production ? 'gateway (production)' : 'gateway', entry: 'gateway/main.ts', env: {}, healthUrl: `${origin}/health` }, env);
  try {
    await waitForHealth(running, 120_000);
  } catch (error) {
    await stopServices([running]);
    await rm(auditDir, { recursive: true, force: true });
    throw error;
  }
  const privateKey = await importJWK(keys.privateJwk, accessTokenAlgorithm);
  return {
    origin,
    realtimeOrigin: `http://${host}:${realtimePort}`,
    auditDir,
    running,
    async tokenFor(user, times) {
      const now = Math.floor(Date.now() / 1000);
      return new SignJWT({ ...claimsFromIdentity(sampleUsers[user]) })
        .setProtectedHeader({ alg: accessTokenAlgorithm }).setIssuer(accessTokenIssuer).setAudience(accessTokenAudience)
        .setIssuedAt(times?.iat ?? now).setExpirationTime(times?.exp ?? now + 600)
        .sign(privateKey);
    },
    output: () => [...running.recentOutput],
    async close() {
      await stopServices([running]);
      await rm(auditDir, { recursive: true, force: true });
    },
  };
}
