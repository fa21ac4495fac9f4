import { readdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const skippedFolders = new Set(['node_modules', 'dist', 'coverage']);

/** Every .ts file of the repository, relative to its root: dot-folders (.git, .stack) and dependencies left out. */
function typeScriptFiles(folder = ''): string[] {
  return readdirSync(`${repoRoot}${folder}`, { withFileTypes: true }).flatMap((entry) => {
    const path = `${folder}${entry.name}`;
    if (entry.isDirectory()) {
      return entry.name.startsWith('.') || skippedFolders.has(entry.name) ? [] : typeScriptFiles(`${path}/`);
    }
    return entry.isFile() && /\.[cm]?tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The projects `npm test` type-checks: each `tsc --noEmit -p <project>` line of infra/bin/test.sh. */
function checkedProjects(): string[] {
  const script = readFileSync(`${repoRoot}infra/bin/test.sh`, 'utf8');
  return [...script.matchAll(/tsc --noEmit(?: -p (\S+))?/g)].map((match) => match[1] ?? 'tsconfig.json');
}

function typeCheckedFiles(): Set<string> {
  const checked = new Set<string>();
  for (const project of checkedProjects()) {
    const configPath = project.endsWith('.json') ? `${repoRoot}${project}` : `${repoRoot}${project}/tsconfig.json`;
    const { config, error } = ts.readConfigFile(configPath, ts.sys.readFile);
    if (error) throw new Error(ts.flattenDiagnosticMessageText(error.messageText, '\n'));
    const parsed = ts.parseJsonConfigFileContent(config, ts.sys, dirname(configPath), undefined, configPath);
    for (const file of parsed.fileNames) checked.add(file.slice(repoRoot.length));
  }
  return checked;
}

describe('tsconfig.json', () => {
  // `npm test` type-checks what its projects (tsconfig.json, console/) include and nothing else; a folder left out rots unseen.
  it('includes every TypeScript file, generated code too, so `npm test` type-checks each top-level folder', () => {
    const checked = typeCheckedFiles();
    const files = typeScriptFiles();
    expect(files.length).toBeGreaterThan(100);
    const uncheckedFolders = [...new Set(files.filter((file) => !checked.has(file)).map((file) => file.split('/')[0]))];
    expect(uncheckedFolders).toEqual([]);
  });
});
