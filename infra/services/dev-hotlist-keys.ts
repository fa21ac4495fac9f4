import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stackDir } from '../../runtime/endpoints/stack-paths.js';

export const devHotlistKeysFile = join(stackDir, 'identity', 'hotlist-keys.json');

/**
 * The hotlist key ring of the local hub (police and edge nodes), made once per checkout under the git-ignored
 * .stack/ so published digests stay valid across restarts. Never used outside development.
 */
export function devHotlistKeyEnvironment(): { DS_HOTLIST_KEYS: string; DS_HOTLIST_ACTIVE_KEY: string } {
  if (!existsSync(devHotlistKeysFile)) {
    const keys = { 'dev-1': randomBytes(32).toString('base64') };
    mkdirSync(dirname(devHotlistKeysFile), { recursive: true });
    writeFileSync(devHotlistKeysFile, `${JSON.stringify({ active: 'dev-1', keys })}\n`, { mode: 0o600 });
  }
  const stored = JSON.parse(readFileSync(devHotlistKeysFile, 'utf8')) as { active: string; keys: Record<string, string> };
  return { DS_HOTLIST_KEYS: JSON.stringify(stored.keys), DS_HOTLIST_ACTIVE_KEY: stored.active };
}
