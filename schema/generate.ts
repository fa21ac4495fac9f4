import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate, loadCodegenConfig } from '@graphql-codegen/cli';
import { runProcess } from '../runtime/config.js';
import { composeSupergraph, schemaDir } from './compose-supergraph.js';
import { buildTrustedDocumentManifest, operationsDir } from './trusted-documents.js';

export const repoRoot = fileURLToPath(new URL('../', import.meta.url));

export interface GeneratedFile {
  readonly path: string;
  readonly content: string;
}

/**
 * Everything generated from schema/ and operations/: the composed supergraph and API schema, codegen's resolver
 * and operation types, and the trusted-document manifest. Computed in memory so a check can diff it.
 */
export async function generatedFiles(): Promise<GeneratedFile[]> {
  const composition = composeSupergraph();
  const files: GeneratedFile[] = [
    { path: `${schemaDir}supergraph.graphql`, content: composition.supergraphSdl },
    { path: `${schemaDir}api-schema.graphql`, content: composition.apiSchemaSdl },
    { path: `${operationsDir}trusted-documents.json`, content: `${JSON.stringify(buildTrustedDocumentManifest(), null, 2)}\n` },
  ];
  // Codegen reads the API schema from disk; it must match the one just composed.
  const apiSchemaPath = `${schemaDir}api-schema.graphql`;
  const previousApiSchema = existsSync(apiSchemaPath) ? readFileSync(apiSchemaPath, 'utf8') : undefined;
  writeFileSync(apiSchemaPath, composition.apiSchemaSdl);
  try {
    const { config } = await loadCodegenConfig({ configFilePath: `${repoRoot}codegen.yml` });
    const outputs = await generate({ ...config, cwd: repoRoot, silent: true, verbose: false }, false);
    for (const output of outputs as { filename: string; content: string }[]) {
      files.push({ path: `${repoRoot}${output.filename}`, content: output.content });
    }
  } finally {
    if (previousApiSchema !== undefined) writeFileSync(apiSchemaPath, previousApiSchema);
  }
  return files;
}

export function driftedFiles(files: readonly GeneratedFile[]): string[] {
  return files.filter((file) => !existsSync(file.path) || readFileSync(file.path, 'utf8') !== file.content).map((file) => relative(repoRoot, file.path));
}

async function main(): Promise<void> {
  const files = await generatedFiles();
  if (process.argv.includes('--check')) {
    const drifted = driftedFiles(files);
    if (drifted.length > 0) {
      console.error(`generated files are out of date; run npm run generate:\n  ${drifted.join('\n  ')}`);
      process.exitCode = 1;
      return;
    }
    console.log(`${files.length} generated files match schema/ and operations/`);
    return;
  }
  for (const file of files) {
    mkdirSync(dirname(file.path), { recursive: true });
    writeFileSync(file.path, file.content);
    console.log(`wrote ${relative(repoRoot, file.path)}`);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await runProcess(main);
