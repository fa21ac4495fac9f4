import type { AccessRule } from '../../domain/access/index.js';
import { cctvFieldAccessRule } from '../graph-access-rule.js';

/** The `@access` rule of `Query.plateHistory`, as the cctv SDL declares it. */
export const plateHistoryAccessRule = (sdl?: string): AccessRule => cctvFieldAccessRule('Query.plateHistory', sdl);
