import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DongseonError } from '../../domain/errors/index.js';
import { ensureDebianPackage } from './apt.js';
import { lastLines, runCommand } from '../../runtime/processes/executables.js';

export interface MavenArtifact {
  readonly groupId: string;
  readonly artifactId: string;
  readonly version: string;
}

export function dependencyPom(artifact: MavenArtifact): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>dongseon.stack</groupId>
  <artifactId>${artifact.artifactId}-runtime</artifactId>
  <version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency>
      <groupId>${artifact.groupId}</groupId>
      <artifactId>${artifact.artifactId}</artifactId>
      <version>${artifact.version}</version>
    </dependency>
  </dependencies>
</project>
`;
}

/** Copies `artifact` and all its runtime jars from Maven Central into `outputDir`. */
export async function copyMavenDependencies(artifact: MavenArtifact, outputDir: string): Promise<void> {
  const mvn = await ensureDebianPackage('mvn', 'maven');
  const projectDir = await mkdtemp(join(tmpdir(), 'dongseon-maven-'));
  try {
    await writeFile(join(projectDir, 'pom.xml'), dependencyPom(artifact));
    const result = await runCommand(mvn, ['-B', '-q', 'dependency:copy-dependencies', `-DoutputDirectory=${outputDir}`], {
      cwd: projectDir,
    });
    if (result.exitCode !== 0) {
      const coordinates = `${artifact.groupId}:${artifact.artifactId}:${artifact.version}`;
      throw new DongseonError(
        'DS_STACK_DEPENDENCY_MISSING',
        `Maven could not fetch ${coordinates} (exit ${result.exitCode}):\n${lastLines(result.output)}`,
        { artifact: coordinates },
      );
    }
  } finally {
    await rm(projectDir, { recursive: true, force: true });
  }
}
