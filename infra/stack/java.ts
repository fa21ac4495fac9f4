import { DongseonError } from '../../domain/errors/index.js';
import { ensureDebianPackage } from './apt.js';
import { runCommand } from '../../runtime/processes/executables.js';

/** Neo4j 5.26 LTS runs on Java 17 or 21 only. */
const supportedMajorVersions = [17, 21];

export function javaMajorVersion(versionOutput: string): number | undefined {
  const match = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (match?.[1] === undefined) return undefined;
  const major = Number(match[1]);
  return major === 1 && match[2] !== undefined ? Number(match[2]) : major;
}

/** The path of a Java the Neo4j server can run on, installing OpenJDK 17 when the machine has none. */
export async function ensureJava(): Promise<string> {
  const java = await ensureDebianPackage('java', 'openjdk-17-jre-headless');
  const { output } = await runCommand(java, ['-version']);
  const major = javaMajorVersion(output);
  if (major === undefined || !supportedMajorVersions.includes(major)) {
    throw new DongseonError(
      'DS_STACK_DEPENDENCY_MISSING',
      `Neo4j needs Java ${supportedMajorVersions.join(' or ')}, but ${java} is ${major ?? 'of unknown version'}; ` +
        'install openjdk-17-jre-headless and put it first on PATH, or set NEO4J_URI.',
      { java, major },
    );
  }
  return java;
}
