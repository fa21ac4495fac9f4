import { z } from 'zod';
import { auditConfigSchema } from '../../runtime/audit/audit-config.js';
import { portVariable } from '../../runtime/config.js';
import { identitySecretVariable } from '../../runtime/identity/identity-header.js';
import { subgraphNames, type SubgraphName } from '../../schema/subgraph-names.js';

/** The port variable of each subgraph, as its own main reads it (DS_CCTV_PORT, …). */
export const subgraphPortVariable = (name: SubgraphName) => `DS_${name.toUpperCase()}_PORT` as `DS_${Uppercase<SubgraphName>}_PORT`;

/** Police keys of a benchmark run live under their own prefix, so its seed and its entries are its alone. */
export const benchPoliceKeyPrefixPattern = /^ds:police:bench-[0-9a-f-]{8,36}:$/;

const portShape = Object.fromEntries(subgraphNames.map((name) => [subgraphPortVariable(name), portVariable])) as
  Record<ReturnType<typeof subgraphPortVariable>, typeof portVariable>;

/** The environment of the process that serves all the subgraphs for the gateway benchmark. */
export const subgraphsProcessConfigSchema = z.object({
  DS_IDENTITY_HEADER_SECRET: identitySecretVariable,
  DS_BENCH_POLICE_KEY_PREFIX: z.string().regex(benchPoliceKeyPrefixPattern, { message: 'expected ds:police:bench-<id>:' }),
  ...portShape,
  /** Where the audit subgraph reads a log; the benchmark asks it nothing. */
  DS_AUDIT_DIR: auditConfigSchema.shape.DS_AUDIT_DIR,
});

export interface SubgraphsProcessSettings {
  readonly identitySecret: string;
  readonly policeKeyPrefix: string;
  readonly ports: Readonly<Record<SubgraphName, number>>;
}

export function subgraphsProcessEnv(settings: SubgraphsProcessSettings): Record<string, string> {
  return {
    DS_IDENTITY_HEADER_SECRET: settings.identitySecret,
    DS_BENCH_POLICE_KEY_PREFIX: settings.policeKeyPrefix,
    ...Object.fromEntries(subgraphNames.map((name) => [subgraphPortVariable(name), String(settings.ports[name])])),
  };
}
