import { Queue, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import { DongseonError } from '../../domain/errors/index.js';
import type { CameraRead, ReadValidationPolicy } from '../../domain/ingest/index.js';
import { decodeImage, type ImageLimits } from '../../recognition/inference/image-input.js';
import { recognizeImage, type PlateModels } from '../../recognition/inference/recognize-image.js';
import { defaultJobOptions } from '../../runtime/queues/create-queue.js';
import { connectQueueRedis } from '../../runtime/queues/connect-queue-redis.js';
import { createWorker, type QueueWorker } from '../../runtime/queues/create-worker.js';
import { NonRetryableJobError } from '../../runtime/queues/non-retryable-job-error.js';
import { edgeFramesQueueName, edgeReadsQueueName, type FrameJob, type ReadBatchJob } from '../../runtime/queues/pipeline-jobs.js';
import type { StallRecovery } from '../../runtime/queues/stall-recovery.js';
import { readBatchId } from '../ingest/enqueue-read-batch.js';
import { validateCameraBatch } from '../ingest/read-batch-sources.js';
import type { FrameSpool } from '../frames/frame-spool.js';
import type { EdgeReadStore } from '../store/edge-read-store.js';
import { cropToPng } from './crop-png.js';
import { addFrame, closeIdle, passTrackingDefaults, type ClosedPass, type OpenPass, type PassTrackingOptions } from './pass-tracker.js';

export interface RecognizeWorkerOptions {
  readonly municipalityId: string;
  readonly redisUrl: string;
  readonly queuePrefix?: string;
  readonly spool: FrameSpool;
  readonly models: PlateModels;
  readonly store: Pick<EdgeReadStore, 'putEvidence'>;
  readonly limits: ImageLimits;
  readonly policy: ReadValidationPolicy;
  readonly tracking?: PassTrackingOptions;
  /** How often passes whose camera fell quiet are closed; a quarter of the gap unless given. */
  readonly idleCheckMs?: number;
  readonly stallRecovery?: StallRecovery;
  readonly now?: () => number;
  readonly onError?: (error: unknown) => void;
}

export interface RecognizeWorker {
  readonly worker: QueueWorker<FrameJob>;
  /** Closes every pass idle at `now` (the timer's work), resolving to the reads queued. */
  closeIdlePasses(): Promise<number>;
  close(): Promise<void>;
}

/** Where a camera's open passes wait between frames: the node's Redis, so a restarted worker goes on with them. */
const passesKey = (municipalityId: string) => `ds:edge:${municipalityId}:recognize:passes`;

function frameJobOf(data: unknown, municipalityId: string): FrameJob {
  const job = data as Partial<FrameJob> | null;
  if (job?.municipalityId !== municipalityId || typeof job.cameraId !== 'string' || typeof job.frameId !== 'string'
    || typeof job.file !== 'string' || typeof job.capturedAtMs !== 'number' || typeof job.receivedAtMs !== 'number') {
    throw new NonRetryableJobError('DS_QUEUE_JOB_INVALID', `not a frame job of municipality ${municipalityId}`);
  }
  return job as FrameJob;
}

/**
 * The edge's recognize stage: takes frames from `ds-edge-<m>-frames`, finds and reads every plate (one
 * onnxruntime session pair per worker), groups the frames of one vehicle at one camera into a pass, and when the
 * pass ends turns it into ONE read whose candidates fuse its frames (confirmed only when frames agree). Reads go
 * into the node's reads queue: from there they are matched, stored and aggregated exactly as ANPR reads are. The
 * pass's best crop is kept as the read's evidence in the read store, under its retention.
 *
 * A frame's job completes once its plates are in the camera's pass state (Redis); a pass's read is queued (its id
 * from the pass's first frame, so a repeat is one read) before the pass leaves that state. Frames of one node go
 * through one worker at a time (their pass state is read, changed and written back).
 */
export async function startRecognizeWorker(options: RecognizeWorkerOptions): Promise<RecognizeWorker> {
  const { municipalityId, spool, models, store, limits, policy, now = Date.now, onError = () => undefined } = options;
  const tracking = options.tracking ?? passTrackingDefaults;
  const prefix = options.queuePrefix === undefined ? {} : { prefix: options.queuePrefix };
  const connection: Redis = await connectQueueRedis(options.redisUrl);
  const readsQueue = new Queue<ReadBatchJob>(edgeReadsQueueName(municipalityId), { connection, defaultJobOptions, ...prefix });
  const key = passesKey(municipalityId);

  const loadPasses = async (cameraId: string): Promise<OpenPass[]> => JSON.parse((await connection.hget(key, cameraId)) ?? '[]') as OpenPass[];
  const savePasses = async (cameraId: string, passes: readonly OpenPass[]): Promise<void> => {
    if (passes.length === 0) await connection.hdel(key, cameraId);
    else await connection.hset(key, cameraId, JSON.stringify(passes));
  };

  /** The reads of closed passes, queued as one batch; their evidence kept first. */
  const emit = async (cameraId: string, closed: readonly ClosedPass[]): Promise<number> => {
    const reading = closed.filter((c) => c.read.status !== 'abstain');
    if (reading.length === 0) return 0;
    const receivedAtMs = now();
    const inputs = reading.map(({ readId, read, pass }) => ({
      readId, cameraId, capturedAt: new Date(pass.best.capturedAtMs).toISOString(),
      candidates: read.candidates.slice(0, 5).map((c) => ({ text: c.text, confidence: Math.min(1, Math.max(0, c.confidence)) })),
      plateImageRef: `evidence/${readId}.png`,
    }));
    // The same cleaning and checks as a camera's own reads (a pass of frames older than the node accepts is dropped).
    const validation = validateCameraBatch(inputs, cameraId, { ...policy, maxBatchItems: Math.max(policy.maxBatchItems, inputs.length) }, () => true, receivedAtMs);
    const byId = new Map(reading.map((c) => [c.readId, c]));
    const reads: CameraRead[] = validation.accepted.map((read) => {
      const pass = byId.get(read.readId) as ClosedPass;
      return { ...read, recognition: { status: pass.read.status === 'confirmed' ? 'confirmed' : 'possible', frames: pass.read.frames } };
    });
    for (const rejected of validation.rejected) onError(new Error(`recognised read of camera ${cameraId} not queued: ${rejected.code}`));
    if (reads.length === 0) return 0;
    for (const read of reads) {
      const pass = byId.get(read.readId) as ClosedPass;
      await store.putEvidence({ readId: read.readId, capturedAtMs: pass.pass.best.capturedAtMs, mediaType: 'image/png', image: Buffer.from(pass.pass.best.cropPng, 'base64'), frames: pass.read.frames });
    }
    const batchId = readBatchId(reads);
    await readsQueue.add('read-batch', { municipalityId, batchId, reads }, { jobId: batchId });
    return reads.length;
  };

  // One camera's state is read, changed and written by one task at a time.
  let serial: Promise<unknown> = Promise.resolve();
  const serially = <T>(work: () => Promise<T>): Promise<T> => {
    const run = serial.then(work);
    serial = run.catch(() => undefined);
    return run;
  };

  const processFrame = (job: Job<FrameJob>): Promise<void> => serially(async () => {
    const frame = frameJobOf(job.data, municipalityId);
    let bytes: Buffer;
    try {
      bytes = await spool.read(frame.file);
    } catch (error) {
      // Only a frame already processed (its file removed) is missing: nothing left to do for it.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    let plates: { candidates: { text: string; confidence: number }[]; cropPng: string }[] = [];
    try {
      const image = await decodeImage(bytes, limits);
      const recognition = await recognizeImage(models, image, 'frame');
      plates = recognition.plates.map((plate) => ({
        candidates: plate.candidates.map((c) => ({ text: c.text, confidence: c.confidence })),
        cropPng: cropToPng(plate.crop).toString('base64'),
      }));
    } catch (error) {
      // A frame that passed the header check and still cannot be decoded is a bad frame, not a worker failure.
      if (!(error instanceof DongseonError)) throw error;
      onError(new Error(`frame ${frame.frameId} of camera ${frame.cameraId} not readable: ${error.code}`));
    }
    const { open, closed } = addFrame(frame.cameraId, await loadPasses(frame.cameraId), frame, plates, tracking);
    await emit(frame.cameraId, closed);
    await savePasses(frame.cameraId, open);
    await spool.remove(frame.file);
  });

  const closeIdlePasses = (): Promise<number> => serially(async () => {
    let queued = 0;
    for (const [cameraId, json] of Object.entries(await connection.hgetall(key))) {
      const { open, closed } = closeIdle(JSON.parse(json) as OpenPass[], now(), tracking);
      if (closed.length === 0) continue;
      queued += await emit(cameraId, closed);
      await savePasses(cameraId, open);
    }
    return queued;
  });

  const worker = await createWorker<FrameJob>(edgeFramesQueueName(municipalityId), processFrame, {
    redisUrl: options.redisUrl, concurrency: 1, ...options.stallRecovery, ...prefix,
  });
  const timer = setInterval(() => void closeIdlePasses().catch(onError), options.idleCheckMs ?? Math.max(100, tracking.gapMs / 4));
  timer.unref();
  return {
    worker,
    closeIdlePasses,
    async close() {
      clearInterval(timer);
      await worker.close();
      await serial;
      await readsQueue.close();
      connection.disconnect();
    },
  };
}
