import { existsSync } from 'node:fs';
import { access, rm, writeFile } from 'node:fs/promises';
import { DongseonError } from '../../domain/errors/index.js';
import { findExecutable, lastLines, runCommand } from '../../runtime/processes/executables.js';

const policyFile = '/usr/sbin/policy-rc.d';
let listsUpdated = false;
let queue: Promise<unknown> = Promise.resolve();

/**
 * Returns the path of `binary`, installing Debian `packageName` first when it is missing. Installs run one at a
 * time (dpkg holds a lock) and `apt-get update` runs at most once per process.
 */
export function ensureDebianPackage(binary: string, packageName: string): Promise<string> {
  const result = queue.then(() => installIfMissing(binary, packageName));
  queue = result.catch(() => undefined);
  return result;
}

async function installIfMissing(binary: string, packageName: string): Promise<string> {
  const existing = findExecutable(binary);
  if (existing !== undefined) return existing;
  assertCanInstall(binary, packageName);
  console.error(`stack: ${binary} is missing; installing Debian package ${packageName}`);
  await withServicesHeldBack(async () => {
    if (!listsUpdated) {
      await aptGet(['update'], packageName);
      listsUpdated = true;
    }
    await aptGet(['install', '-y', '--no-install-recommends', packageName], packageName);
  });
  const installed = findExecutable(binary);
  if (installed === undefined) {
    throw new DongseonError('DS_STACK_DEPENDENCY_MISSING', `Installed ${packageName} but ${binary} is still not on PATH.`, {
      binary,
      packageName,
    });
  }
  return installed;
}

/**
 * Makes sure `files` exist, installing Debian `packageNames` in one apt-get run when any is missing: for packages
 * that provide data rather than a binary (the plate renderer's fonts).
 */
export function ensureDebianFiles(files: readonly string[], packageNames: readonly string[]): Promise<void> {
  const result = queue.then(() => installFilesIfMissing(files, packageNames));
  queue = result.catch(() => undefined);
  return result;
}

async function installFilesIfMissing(files: readonly string[], packageNames: readonly string[]): Promise<void> {
  const missing = () => files.filter((file) => !existsSync(file));
  if (missing().length === 0) return;
  const what = `${missing().join(', ')}`;
  const packages = packageNames.join(' ');
  assertCanInstall(what, packages);
  console.error(`stack: ${what} missing; installing Debian packages ${packages}`);
  await withServicesHeldBack(async () => {
    if (!listsUpdated) {
      await aptGet(['update'], packages);
      listsUpdated = true;
    }
    await aptGet(['install', '-y', '--no-install-recommends', ...packageNames], packages);
  });
  const still = missing();
  if (still.length > 0) {
    throw new DongseonError('DS_STACK_DEPENDENCY_MISSING', `Installed ${packages} but ${still.join(', ')} still missing.`, { packageName: packages });
  }
}

function assertCanInstall(binary: string, packageName: string): void {
  const hint = `Install ${packageName} yourself (it provides ${binary}), or point the stack at an external server.`;
  if (findExecutable('apt-get') === undefined) {
    throw new DongseonError('DS_STACK_DEPENDENCY_MISSING', `${binary} is missing and apt-get is unavailable. ${hint}`, {
      binary,
      packageName,
    });
  }
  if (process.getuid?.() !== 0) {
    throw new DongseonError('DS_STACK_DEPENDENCY_MISSING', `${binary} is missing and installing it needs root. ${hint}`, {
      binary,
      packageName,
    });
  }
}

async function aptGet(args: readonly string[], packageName: string): Promise<void> {
  const result = await runCommand('apt-get', ['-o', 'DPkg::Lock::Timeout=120', ...args], {
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.exitCode !== 0) {
    throw new DongseonError(
      'DS_STACK_DEPENDENCY_MISSING',
      `apt-get ${args[0]} failed while installing ${packageName} (exit ${result.exitCode}):\n${lastLines(result.output)}`,
      { packageName },
    );
  }
}

/**
 * Debian's maintainer scripts start a package's service right after installing it (redis on 6379, mosquitto on
 * 1883). We run our own instances and must not leave system-wide servers behind, so while installing we hold
 * services back with a policy-rc.d, unless the machine already has one (containers usually do).
 */
async function withServicesHeldBack(install: () => Promise<void>): Promise<void> {
  const alreadyPresent = await access(policyFile).then(() => true, () => false);
  if (!alreadyPresent) await writeFile(policyFile, '#!/bin/sh\nexit 101\n', { mode: 0o755 });
  try {
    await install();
  } finally {
    if (!alreadyPresent) await rm(policyFile, { force: true });
  }
}
