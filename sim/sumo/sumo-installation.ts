import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { DongseonError } from '../../domain/errors/index.js';
import { findExecutable, lastLines, runCommand } from '../../runtime/processes/executables.js';

/** Where Debian's `sumo` and `sumo-tools` put SUMO's data and Python tools. */
export const sumoHome = process.env.SUMO_HOME ?? '/usr/share/sumo';
export const sumoTool = (name: string): string => join(sumoHome, 'tools', name);

/** The SUMO binaries and tools a build uses. */
export interface SumoInstallation {
  readonly sumo: string;
  readonly netgenerate: string;
  readonly randomTrips: string;
  readonly python: string;
  readonly version: string;
}

const binaries = ['sumo', 'duarouter', 'netgenerate'] as const;
const packages = ['sumo', 'sumo-tools'] as const;

async function aptGet(args: readonly string[]): Promise<void> {
  const result = await runCommand('apt-get', ['-o', 'DPkg::Lock::Timeout=120', ...args], { env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (result.exitCode !== 0) {
    throw new DongseonError('DS_STACK_DEPENDENCY_MISSING', `apt-get ${args[0]} failed while installing SUMO (exit ${result.exitCode}):\n${lastLines(result.output)}`);
  }
}

const fileExists = (path: string) => access(path).then(() => true, () => false);

async function missingParts(): Promise<string[]> {
  const missing: string[] = binaries.filter((binary) => findExecutable(binary) === undefined);
  if (!(await fileExists(sumoTool('randomTrips.py')))) missing.push('randomTrips.py');
  if (findExecutable('python3') === undefined) missing.push('python3');
  return missing;
}

let installed: Promise<SumoInstallation> | undefined;

/**
 * Returns the SUMO installation, installing Debian's `sumo` and `sumo-tools` first when anything is missing
 * (root and apt-get needed; once per process). Idempotent: with SUMO present it only asks `sumo --version`.
 */
export function ensureSumo(): Promise<SumoInstallation> {
  installed ??= locateOrInstall();
  return installed;
}

async function locateOrInstall(): Promise<SumoInstallation> {
  const missing = await missingParts();
  if (missing.length > 0) {
    if (findExecutable('apt-get') === undefined || process.getuid?.() !== 0) {
      throw new DongseonError('DS_STACK_DEPENDENCY_MISSING', `SUMO is incomplete (missing ${missing.join(', ')}); install Debian packages ${packages.join(' ')} (needs root and apt-get).`);
    }
    console.error(`sim: SUMO is incomplete (missing ${missing.join(', ')}); installing Debian packages ${packages.join(' ')}`);
    await aptGet(['update']);
    await aptGet(['install', '-y', '--no-install-recommends', ...packages, 'python3']);
    const stillMissing = await missingParts();
    if (stillMissing.length > 0) throw new DongseonError('DS_STACK_DEPENDENCY_MISSING', `installed ${packages.join(' ')} but ${stillMissing.join(', ')} still missing`);
  }
  const sumo = findExecutable('sumo') as string;
  const probe = await runCommand(sumo, ['--version']);
  const version = /Version (\S+)/.exec(probe.output)?.[1];
  if (probe.exitCode !== 0 || version === undefined) throw new DongseonError('DS_STACK_DEPENDENCY_MISSING', `sumo --version failed:\n${lastLines(probe.output)}`);
  return {
    sumo,
    netgenerate: findExecutable('netgenerate') as string,
    randomTrips: sumoTool('randomTrips.py'),
    python: findExecutable('python3') as string,
    version,
  };
}

/** Runs a SUMO binary or tool; a failure carries its last lines of output. */
export async function runSumoCommand(what: string, command: string, args: readonly string[], cwd?: string): Promise<string> {
  const result = await runCommand(command, args, { ...(cwd ? { cwd } : {}), env: { ...process.env, SUMO_HOME: sumoHome } });
  if (result.exitCode !== 0) throw new DongseonError('DS_SIM_SUMO_FAILED', `${what} failed (exit ${result.exitCode}):\n${lastLines(result.output, 20)}`);
  return result.output;
}
