import { setTimeout as sleep } from 'node:timers/promises';
import { loadKeyedHotlist, matchPlateRead, publishKeyedHotlist } from '../../domain/matching/index.js';
import { hasherFor } from '../../domain/plates/keyed-plate-hash.js';
import { cameraAuthorization } from '../../runtime/identity/camera-credential.js';
import { randomPlate, seededRandom } from '../../domain/plates/random-plate.js';
import { devKeyRing } from '../services/pipeline-processes.js';
import type { WantedPlate } from './reliability-pipeline.js';

/** A read as a camera sends it. */
export interface SentRead {
  readonly readId: string;
  readonly cameraId: string;
  readonly capturedAt: string;
  readonly candidates: readonly { readonly text: string; readonly confidence: number }[];
}

/** One wanted vehicle passing one camera: its reads collapse into one sighting, which must raise exactly one alert. */
export interface WantedPass {
  readonly wantedVehicleId: string;
  readonly municipality: string;
  readonly cameraId: string;
  readonly readIds: readonly string[];
}

/** `count` wanted plates, and a source of other plates that match none of them, not even through one OCR confusion. */
export function testPlates(count: number, seed: number): { wanted: WantedPlate[]; unlisted: () => string } {
  const random = seededRandom(seed);
  const plates = new Set<string>();
  while (plates.size < count) plates.add(randomPlate(random));
  const wanted = [...plates].map((plate, i) => ({ wantedVehicleId: `wv-${i}`, plate }));
  const hasher = hasherFor(devKeyRing());
  const index = loadKeyedHotlist(publishKeyedHotlist(wanted.map((w) => ({ ref: w.wantedVehicleId, plate: w.plate })), hasher, { maxSubstitutions: 1 }));
  return {
    wanted,
    unlisted() {
      for (;;) {
        const plate = randomPlate(random);
        if (matchPlateRead([{ text: plate, confidence: 0.9 }], index, hasher).length === 0) return plate;
      }
    },
  };
}

/**
 * Makes the reads of a run: each with an id of its own (`<prefix>-<n>`), captured `agoMs` before now. The same
 * wanted vehicle must not pass the same camera twice in a run, so that a pass is known by vehicle and camera.
 */
export function readFactory(prefix: string, unlisted: () => string) {
  let sequence = 0;
  const passed = new Set<string>();
  const read = (cameraId: string, plate: string, capturedAtMs: number): SentRead => ({
    readId: `${prefix}-${(sequence++).toString(36)}`,
    cameraId,
    capturedAt: new Date(capturedAtMs).toISOString(),
    candidates: [{ text: plate, confidence: 0.93 }],
  });
  return {
    /** `count` reads of plates on no list, spread over `cameras`. */
    background(cameras: readonly string[], count: number): SentRead[] {
      const now = Date.now();
      return Array.from({ length: count }, (_, i) => read(cameras[i % cameras.length] as string, unlisted(), now - 5_000 - (i % 20) * 100));
    },
    /** The reads of one pass: `frames` reads a second apart, from `firstAgoMs` before now. */
    pass(wanted: WantedPlate, municipality: string, cameraId: string, frames: number, firstAgoMs = 10_000): { pass: WantedPass; reads: SentRead[] } {
      const key = `${wanted.wantedVehicleId}@${cameraId}`;
      if (passed.has(key)) throw new Error(`${key} passes twice in this run`);
      passed.add(key);
      const first = Date.now() - firstAgoMs;
      const reads = Array.from({ length: frames }, (_, i) => read(cameraId, wanted.plate, first + i * 1_000));
      return { pass: { wantedVehicleId: wanted.wantedVehicleId, municipality, cameraId, readIds: reads.map((r) => r.readId) }, reads };
    },
  };
}

export type ReadFactory = ReturnType<typeof readFactory>;

export interface ResendOptions {
  /** Give up (throw) after this long. */
  readonly deadlineMs?: number;
  readonly retryDelayMs?: number;
  /** Awaited before each resend. */
  readonly beforeResend?: () => Promise<void>;
}

/** What it took to have a batch acknowledged. */
export interface Acknowledgement {
  /** The edge's job ids, one per camera's batch. */
  readonly batchIds: readonly string[];
  readonly attempts: number;
  /** Each refused attempt: the HTTP status, or `unreachable` when the edge did not answer. */
  readonly refusals: readonly (number | 'unreachable')[];
}

/**
 * Posts the reads as their cameras are told to: one batch per camera, each with that camera's credential (`tokens`:
 * camera id → `<keyId>.<secret>`), all at once; see postCameraBatchUntilAcknowledged.
 */
export async function postUntilAcknowledged(
  edgeUrl: string, reads: readonly SentRead[], tokens: ReadonlyMap<string, string>, options: ResendOptions = {},
): Promise<Acknowledgement> {
  const byCamera = new Map<string, SentRead[]>();
  for (const read of reads) byCamera.set(read.cameraId, [...(byCamera.get(read.cameraId) ?? []), read]);
  const acknowledgements = await Promise.all([...byCamera].map(([cameraId, batch]) => {
    const token = tokens.get(cameraId);
    if (token === undefined) throw new Error(`no credential for camera ${cameraId}`);
    return postCameraBatchUntilAcknowledged(edgeUrl, batch, token, options);
  }));
  return {
    batchIds: acknowledgements.flatMap((acknowledgement) => acknowledgement.batchIds),
    attempts: Math.max(0, ...acknowledgements.map((acknowledgement) => acknowledgement.attempts)),
    refusals: acknowledgements.flatMap((acknowledgement) => acknowledgement.refusals),
  };
}

/**
 * Posts one camera's batch as a camera vendor is told to: resends the very same batch while the edge answers 503
 * (DS_QUEUE_UNAVAILABLE) or does not answer at all, until it is acknowledged with 202 and every read accepted.
 */
async function postCameraBatchUntilAcknowledged(edgeUrl: string, reads: readonly SentRead[], token: string, options: ResendOptions): Promise<Acknowledgement> {
  const deadline = Date.now() + (options.deadlineMs ?? 60_000);
  const refusals: (number | 'unreachable')[] = [];
  for (let attempt = 1; ; attempt++) {
    let status: number | 'unreachable';
    try {
      const response = await fetch(`${edgeUrl}/v1/reads`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: cameraAuthorization(token) }, body: JSON.stringify(reads), signal: AbortSignal.timeout(15_000),
      });
      const body = (await response.json()) as {
        accepted?: number; batchId?: string; rejected?: unknown[]; errors?: { extensions?: { code?: string } }[];
      };
      if (response.status === 202) {
        if (body.accepted !== reads.length) throw new Error(`edge ${edgeUrl} accepted ${body.accepted} of ${reads.length}: ${JSON.stringify(body.rejected).slice(0, 300)}`);
        return { batchIds: [body.batchId ?? ''], attempts: attempt, refusals };
      }
      if (response.status !== 503 || body.errors?.[0]?.extensions?.code !== 'DS_QUEUE_UNAVAILABLE') {
        throw new Error(`edge ${edgeUrl} answered ${response.status}: ${JSON.stringify(body).slice(0, 300)}`);
      }
      status = 503;
    } catch (error) {
      if (!(error instanceof TypeError || (error instanceof Error && error.name === 'TimeoutError'))) throw error;
      status = 'unreachable';
    }
    refusals.push(status);
    if (Date.now() > deadline) throw new Error(`edge ${edgeUrl} did not acknowledge a batch in time: ${refusals.join(', ')}`);
    await sleep(options.retryDelayMs ?? 300);
    await options.beforeResend?.();
  }
}
