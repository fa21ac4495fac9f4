import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { accessPolicyFromSdl, type AccessRule } from '../domain/access/index.js';
import { DongseonError } from '../domain/errors/index.js';

const cctvSdlFile = new URL('../schema/cctv.graphql', import.meta.url);

/**
 * The `@access` rule the graph declares on a cctv field (`Type.field`), read from the cctv SDL: the edge node
 * enforces the very rule the cctv subgraph does, on the identity the region signed, so the two cannot drift apart.
 */
export function cctvFieldAccessRule(coordinate: string, sdl: string = readFileSync(cctvSdlFile, 'utf8')): AccessRule {
  const rule = accessPolicyFromSdl(parse(sdl)).fields.get(coordinate);
  if (!rule?.personalData) {
    throw new DongseonError('DS_CONFIG_INVALID', `schema/cctv.graphql must declare ${coordinate} with @access(personalData: true)`);
  }
  return rule;
}
