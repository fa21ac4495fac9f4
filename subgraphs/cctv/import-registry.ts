import { z } from 'zod';
import { DongseonError } from '../../domain/errors/index.js';
import { loadConfig, runProcess } from '../../runtime/config.js';
import { describeImport, importCameraRegistryFile } from '../../stores/camera-registry/camera-registry-import.js';
import { createCameraRegistryStore } from '../../stores/camera-registry/camera-registry-store.js';
import { connectNeo4j, neo4jEndpointOf, neo4jVariables } from '../../stores/neo4j/neo4j-connection.js';

const usage = 'usage: tsx subgraphs/cctv/import-registry.ts <registry.json>';

await runProcess(async () => {
  const [file, ...extra] = process.argv.slice(2);
  if (file === undefined || extra.length > 0) throw new DongseonError('DS_INVALID_INPUT', usage);
  const config = loadConfig('cctv registry import', z.object(neo4jVariables(process.env)));
  const driver = connectNeo4j(neo4jEndpointOf(config));
  try {
    const registry = createCameraRegistryStore(driver);
    await registry.ensureConstraints();
    console.log(`${file}\n${describeImport(await importCameraRegistryFile(registry, file))}`);
  } finally {
    await driver.close();
  }
});
