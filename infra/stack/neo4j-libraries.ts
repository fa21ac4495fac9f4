import { access, mkdir, mkdtemp, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { copyMavenDependencies, type MavenArtifact } from './maven.js';

export const neo4jArtifact: MavenArtifact = { groupId: 'org.neo4j', artifactId: 'neo4j', version: '5.26.30' };

export function neo4jCacheDir(cacheRoot: string): string {
  return join(cacheRoot, 'dongseon', `neo4j-${neo4jArtifact.version}`);
}

const exists = (path: string) => access(path).then(() => true, () => false);

/**
 * The directory holding every Neo4j server jar, fetched once per machine from Maven Central. The marker file is
 * written only after the jars are complete and in place, so an interrupted download is never mistaken for a
 * good one.
 */
export async function ensureNeo4jLibraries(cacheRoot: string): Promise<string> {
  const cacheDir = neo4jCacheDir(cacheRoot);
  const libDir = join(cacheDir, 'lib');
  const marker = join(cacheDir, 'complete');
  if (await exists(marker)) return libDir;

  console.error(`stack: fetching Neo4j ${neo4jArtifact.version} from Maven Central into ${cacheDir}`);
  await mkdir(cacheDir, { recursive: true });
  const downloadDir = await mkdtemp(join(cacheDir, 'download-'));
  try {
    await copyMavenDependencies(neo4jArtifact, downloadDir);
    await rm(libDir, { recursive: true, force: true });
    await rename(downloadDir, libDir);
  } finally {
    await rm(downloadDir, { recursive: true, force: true });
  }
  const jars = (await readdir(libDir)).filter((name) => name.endsWith('.jar'));
  await writeFile(marker, `${jars.length} jars for org.neo4j:neo4j:${neo4jArtifact.version}\n`);
  return libDir;
}
