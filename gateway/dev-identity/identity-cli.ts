import { fileURLToPath } from 'node:url';
import { DongseonError } from '../../domain/errors/index.js';
import { runProcess } from '../../runtime/config.js';
import { createDevIdentityProvider } from '../../runtime/identity/dev-identity-provider.js';
import { sampleUserNames, sampleUsers, type SampleUserName } from '../../runtime/identity/sample-users.js';
import { devTokenTtlSeconds } from '../http/dev-token-route.js';
import { loadOrCreateDevKeyPair } from './dev-key-store.js';

export type IdentityCommand =
  | { readonly kind: 'list' }
  | { readonly kind: 'mint'; readonly user: SampleUserName; readonly ttlSeconds: number };

export const identityUsage = `usage: npm run identity -- list
       npm run identity -- mint <sample-user> [--ttl seconds]   (${devTokenTtlSeconds.min}–${devTokenTtlSeconds.max}, default ${devTokenTtlSeconds.default})`;

const usageError = (problem: string) => new DongseonError('DS_INVALID_INPUT', `${problem}\n${identityUsage}`);

export function parseIdentityArguments(args: readonly string[]): IdentityCommand {
  const [command, ...rest] = args;
  if (command === 'list' && rest.length === 0) return { kind: 'list' };
  if (command !== 'mint') throw usageError(command === undefined ? 'no command given' : `unknown command "${command}"`);
  const [user, ...options] = rest;
  if (!user || !sampleUserNames.includes(user as SampleUserName)) {
    throw usageError(`unknown sample user "${user ?? ''}"; one of: ${sampleUserNames.join(', ')}`);
  }
  let ttlSeconds: number = devTokenTtlSeconds.default;
  if (options.length > 0) {
    const [flag, value, ...extra] = options;
    const seconds = Number(value);
    if (flag !== '--ttl' || extra.length > 0 || !Number.isInteger(seconds) || seconds < devTokenTtlSeconds.min || seconds > devTokenTtlSeconds.max) {
      throw usageError(`unexpected options: ${options.join(' ')}`);
    }
    ttlSeconds = seconds;
  }
  return { kind: 'mint', user: user as SampleUserName, ttlSeconds };
}

export function describeSampleUsers(): string {
  const rows = sampleUserNames.map((name) => {
    const user = sampleUsers[name];
    return `${name.padEnd(20)} ${user.agency.padEnd(8)} clearance ${user.clearance}  ${user.scopes.join(' ') || '(no scopes)'}`;
  });
  return [`${'sample user'.padEnd(20)} ${'agency'.padEnd(8)} clearance  scopes`, ...rows].join('\n');
}

/** Prints sample users, or a development access token for one of them; the token alone goes to stdout. */
export async function runIdentityCommand(args: readonly string[], out: (line: string) => void = console.log): Promise<void> {
  const command = parseIdentityArguments(args);
  if (command.kind === 'list') {
    out(describeSampleUsers());
    return;
  }
  const provider = await createDevIdentityProvider(await loadOrCreateDevKeyPair());
  out(await provider.mintToken(sampleUsers[command.user], { ttlSeconds: command.ttlSeconds }));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runProcess(() => runIdentityCommand(process.argv.slice(2)));
