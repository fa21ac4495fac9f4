import type { AccessRule } from '../../domain/access/index.js';
import { cctvFieldAccessRule } from '../graph-access-rule.js';

/** The `@access` rule of `Hit.evidence`, as the cctv SDL declares it. */
export const evidenceAccessRule = (sdl?: string): AccessRule => cctvFieldAccessRule('Hit.evidence', sdl);
