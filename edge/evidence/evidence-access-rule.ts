import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { accessPolicyFromSdl, type AccessRule } from '../../domain/access/index.js';
import { DongseonError } from '../../domain/errors/index.js';

const cctvSdlFile = new URL('../../schema/cctv.graphql', import.meta.url);

/** The `@access` rule the graph declares on `Hit.evidence`, read from the cctv SDL, so edge and subgraph cannot drift. */
export function evidenceAccessRule(sdl: string = readFileSync(cctvSdlFile, 'utf8')): AccessRule {
  const rule = accessPolicyFromSdl(parse(sdl)).fields.get('Hit.evidence');
  if (!rule?.personalData) {
    throw new DongseonError('DS_CONFIG_INVALID', 'schema/cctv.graphql must declare Hit.evidence with @access(personalData: true)');
  }
  return rule;
}
