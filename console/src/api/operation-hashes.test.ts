import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentHash } from '../../../schema/trusted-documents.js';
import { operationHashes } from './operation-hashes.js';

const manifest = JSON.parse(readFileSync(new URL('../../../operations/trusted-documents.json', import.meta.url), 'utf8')) as { documents: Record<string, string> };
const consoleSource = readFileSync(new URL('./operations.ts', import.meta.url), 'utf8');

describe('the console\'s trusted documents', () => {
  const hashes = operationHashes(manifest);

  it('finds every operation the console runs in the manifest, under its document\'s hash', () => {
    const names = [...consoleSource.matchAll(/'(Console\w+)'/g)].map((match) => match[1]!);
    expect(names.length).toBeGreaterThan(8);
    for (const name of names) {
      const hash = hashes.get(name);
      expect(hash, name).toBeDefined();
      expect(documentHash(manifest.documents[hash!]!)).toBe(hash);
    }
  });

  it('maps each operation of a document of several to that document', () => {
    expect(hashes.get('PendingHits')).toBe(hashes.get('DecideHit'));
    expect(hashes.get('ConsolePendingHits')).toBe(hashes.get('ConsoleDecideHit'));
  });
});
