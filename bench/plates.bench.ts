import { loadKeyedHotlist, matchPlateRead, publishKeyedHotlist, type KeyedHotlistIndex } from '../domain/matching/index.js';
import {
  confusionMisreads, confusionVariants, createPlateHasher, parsePlate, randomPlate, seededRandom,
  type PlateHasher,
} from '../domain/plates/index.js';
import { median, numericArgument, round, type Benchmark } from './benchmark.js';

interface Read {
  readonly candidates: readonly { text: string; confidence: number }[];
}

function makeHotlist(size: number, seed: number): string[] {
  const random = seededRandom(seed);
  const plates = new Set<string>();
  while (plates.size < size) plates.add(randomPlate(random));
  return [...plates];
}

/** Reads as a camera would send them: mostly unlisted vehicles, some listed ones read exactly or misread. */
function makeReads(count: number, hotlist: readonly string[], candidatesPerRead: number, seed: number): Read[] {
  const random = seededRandom(seed);
  const reads: Read[] = [];
  for (let i = 0; i < count; i++) {
    const roll = random();
    const listed = hotlist[Math.floor(random() * hotlist.length)] as string;
    const top = roll < 0.01 ? listed : roll < 0.02 ? (confusionMisreads(listed)[0]?.read ?? listed) : randomPlate(random);
    const candidates = [{ text: top, confidence: 0.9 }];
    for (let k = 1; k < candidatesPerRead; k++) {
      const variants = confusionVariants(top);
      candidates.push({ text: variants[Math.min(k, variants.length - 1)]?.plate ?? top, confidence: 0.1 / k });
    }
    reads.push({ candidates });
  }
  return reads;
}

/** The production path: parse + normalise the read, one keyed hash per candidate, variants only on a misread hit. */
function matchAll(reads: readonly Read[], index: KeyedHotlistIndex, hasher: PlateHasher): number {
  let hits = 0;
  for (const read of reads) {
    parsePlate(read.candidates[0]?.text ?? '');
    hits += matchPlateRead(read.candidates, index, hasher).length > 0 ? 1 : 0;
  }
  return hits;
}

/** The baseline: enumerate every confusion variant of every candidate and hash each one. */
function matchAllExhaustively(reads: readonly Read[], exactOnly: KeyedHotlistIndex, hasher: PlateHasher): number {
  const digest = new Uint32Array(4);
  let hits = 0;
  for (const read of reads) {
    parsePlate(read.candidates[0]?.text ?? '');
    let hit = false;
    for (const candidate of read.candidates) {
      for (const variant of confusionVariants(candidate.text, { maxSubstitutions: exactOnly.maxSubstitutions })) {
        hasher.digestWordsInto(variant.plate, digest);
        if (exactOnly.table.find(digest[0] as number, digest[1] as number) >= 0) hit = true;
      }
    }
    hits += hit ? 1 : 0;
  }
  return hits;
}

function timed<T>(work: () => T): { value: T; seconds: number } {
  const start = process.hrtime.bigint();
  const value = work();
  return { value, seconds: Number(process.hrtime.bigint() - start) / 1e9 };
}

const megabytes = (bytes: number): number => round(bytes / 1024 / 1024, 1);

export const platesBenchmark: Benchmark = {
  name: 'plates',
  description: 'parse + normalise + confusion variants + HMAC + keyed-hotlist lookup, reads per second on one core',
  needs: [],
  oneCore: true,
  quickArgs: ['--hotlist', '20000', '--reads', '5000', '--runs', '1'],
  async run(args) {
    const hotlistSize = numericArgument(args, 'hotlist', 1_000_000);
    const readCount = numericArgument(args, 'reads', 200_000);
    const runs = numericArgument(args, 'runs', 5);
    const hasher = createPlateHasher('bench', new Uint8Array(32).map((_, i) => (i * 73 + 5) & 255));

    console.log(`hotlist: ${hotlistSize.toLocaleString()} plates; reads per run: ${readCount.toLocaleString()}; runs: ${runs}`);
    const plates = makeHotlist(hotlistSize, 1);
    const entries = plates.map((plate, i) => ({ ref: `h${i}`, plate }));
    const heapBefore = process.memoryUsage();
    const published = timed(() => publishKeyedHotlist(entries, hasher, { maxSubstitutions: 1 }));
    const loaded = timed(() => loadKeyedHotlist(published.value));
    const heapAfter = process.memoryUsage();
    const index = loaded.value;
    const exactOnly = loadKeyedHotlist(publishKeyedHotlist(entries, hasher, { maxSubstitutions: 0 }));
    const exhaustiveIndex = { ...exactOnly, maxSubstitutions: 1 };
    const tableMb = megabytes(index.table.byteLength + index.exactDigests.byteLength);
    console.log(`publish (HMAC of ${hotlistSize.toLocaleString()} plates and ${(published.value.misreadDigests.length / 2).toLocaleString()} misreads): ${published.seconds.toFixed(1)} s`);
    console.log(`edge load into the digest table: ${loaded.seconds.toFixed(1)} s; table ${tableMb} MB; process array buffers +${megabytes(heapAfter.arrayBuffers - heapBefore.arrayBuffers)} MB`);

    const reads = makeReads(readCount, plates, 1, 2);
    const readsTop3 = makeReads(readCount, plates, 3, 3);
    const fast: number[] = [];
    const baseline: number[] = [];
    const fastTop3: number[] = [];
    let hits = 0;
    let baselineHits = 0;
    matchAll(reads.slice(0, 20_000), index, hasher);
    matchAllExhaustively(reads.slice(0, 20_000), exhaustiveIndex, hasher);
    for (let run = 1; run <= runs; run++) {
      const a = timed(() => matchAll(reads, index, hasher));
      const b = timed(() => matchAllExhaustively(reads, exhaustiveIndex, hasher));
      const c = timed(() => matchAll(readsTop3, index, hasher));
      fast.push(readCount / a.seconds);
      baseline.push(readCount / b.seconds);
      fastTop3.push(readCount / c.seconds);
      hits = a.value;
      baselineHits = b.value;
      console.log(`run ${run}: keyed-hotlist matcher ${Math.round(fast.at(-1) as number).toLocaleString()} reads/s ` +
        `(top-3 ${Math.round(fastTop3.at(-1) as number).toLocaleString()}); exhaustive variant hashing ${Math.round(baseline.at(-1) as number).toLocaleString()} reads/s`);
    }
    if (hits !== baselineHits) throw new Error(`matchers disagree: ${hits} hits vs ${baselineHits} from exhaustive hashing`);
    const ratios = fast.map((value, i) => value / (baseline[i] as number));
    const figures = {
      readsPerSec: Math.round(median(fast)),
      top3ReadsPerSec: Math.round(median(fastTop3)),
      exhaustiveReadsPerSec: Math.round(median(baseline)),
      speedupVsExhaustive: round(median(ratios), 2),
      hitsPerRun: hits,
      reads: readCount,
      runs,
      hotlistSize,
      misreadDigests: published.value.misreadDigests.length / 2,
      publishSeconds: round(published.seconds, 1),
      loadSeconds: round(loaded.seconds, 1),
      tableMb,
      target: 200_000,
    };
    console.log(`median: ${figures.readsPerSec.toLocaleString()} reads/s (target ≥ 200,000), ` +
      `${figures.speedupVsExhaustive}× the exhaustive baseline; ${hits} hits per run agreed by both`);
    return figures;
  },
};
