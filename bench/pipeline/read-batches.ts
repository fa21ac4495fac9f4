import { randomPlate, seededRandom, type RandomSource } from '../../domain/plates/random-plate.js';
import { cameraAuthorization } from '../../runtime/identity/camera-credential.js';

export interface BenchRead {
  readonly readId: string;
  readonly cameraId: string;
  readonly capturedAt: string;
  readonly candidates: readonly { readonly text: string; readonly confidence: number }[];
}

/** `count` distinct random plates from `seed`: the listed plates of a run. */
export function listedPlates(count: number, seed: number): string[] {
  const random = seededRandom(seed);
  const plates = new Set<string>();
  while (plates.size < count) plates.add(randomPlate(random));
  return [...plates];
}

export interface BatchMaker {
  /** A batch of `size` reads at one of `cameras` (a camera posts its own batches), each a listed plate with probability `listedShare`. */
  batch(size: number, cameras: readonly string[], listedShare: number): BenchRead[];
  read(plate: string, camera: string): BenchRead;
}

export function batchMaker(prefix: string, listed: readonly string[], avoid: ReadonlySet<string>, seed: number): BatchMaker {
  const random: RandomSource = seededRandom(seed);
  let sequence = 0;
  const read = (plate: string, cameraId: string): BenchRead => ({
    readId: `${prefix}${(sequence++).toString(36)}`,
    cameraId,
    capturedAt: new Date().toISOString(),
    candidates: [{ text: plate, confidence: 0.95 }],
  });
  const unlisted = (): string => {
    for (;;) {
      const plate = randomPlate(random);
      if (!avoid.has(plate)) return plate;
    }
  };
  return {
    read,
    batch(size, cameras, listedShare) {
      const camera = cameras[Math.floor(random() * cameras.length)] as string;
      return Array.from({ length: size }, () => {
        const plate = listed.length > 0 && random() < listedShare ? listed[Math.floor(random() * listed.length)] as string : unlisted();
        return read(plate, camera);
      });
    },
  };
}

export interface PostOutcome {
  readonly accepted: number;
  readonly status: number;
  readonly acceptedAtMs: number;
}

/** Posts one camera's reads with that camera's credential (`tokens`: camera id → `<keyId>.<secret>`). */
export async function postBatch(edgeUrl: string, reads: readonly BenchRead[], tokens: ReadonlyMap<string, string>): Promise<PostOutcome> {
  const token = tokens.get(reads[0]?.cameraId ?? '');
  if (token === undefined || reads.some((read) => read.cameraId !== reads[0]?.cameraId)) throw new Error('postBatch: one camera\'s reads, with its credential');
  const response = await fetch(`${edgeUrl}/v1/reads`, {
    method: 'POST', headers: { 'content-type': 'application/json', authorization: cameraAuthorization(token) }, body: JSON.stringify(reads),
  });
  const acceptedAtMs = performance.timeOrigin + performance.now();
  const body = await response.json() as { accepted?: number; rejected?: unknown[]; errors?: unknown };
  if (response.status !== 202) throw new Error(`edge ${edgeUrl} answered ${response.status}: ${JSON.stringify(body).slice(0, 400)}`);
  if ((body.rejected?.length ?? 0) > 0) throw new Error(`edge ${edgeUrl} rejected reads: ${JSON.stringify(body.rejected).slice(0, 400)}`);
  return { accepted: body.accepted ?? 0, status: response.status, acceptedAtMs };
}
