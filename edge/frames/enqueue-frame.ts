import { createHash } from 'node:crypto';
import type { Queue } from 'bullmq';
import type { AcceptedFrame } from '../../domain/ingest/index.js';
import { DongseonError, type ErrorCode } from '../../domain/errors/index.js';
import type { FrameJob } from '../../runtime/queues/pipeline-jobs.js';
import { readImageHeader, type ImageLimits } from '../../recognition/inference/image-input.js';
import { withTimeout } from '../ingest/enqueue-read-batch.js';
import type { FrameSpool } from './frame-spool.js';

/** What became of one frame: what the camera is told, over HTTP or on its MQTT rejected topic. */
export type FrameOutcome =
  | { readonly kind: 'enqueued'; readonly frameId: string; readonly width: number; readonly height: number }
  | { readonly kind: 'refused'; readonly problem: { readonly code: ErrorCode; readonly message: string } };

export interface FrameEnqueuer {
  /** Checks the image's header, spools it and queues the frame; the camera is acknowledged only after both. */
  enqueue(frame: AcceptedFrame, bytes: Uint8Array): Promise<FrameOutcome>;
}

export interface FrameEnqueuerOptions {
  readonly municipalityId: string;
  /** A producer on `edgeFramesQueueName(municipalityId)`. */
  readonly queue: Queue<FrameJob>;
  readonly spool: FrameSpool;
  readonly limits: ImageLimits;
  readonly enqueueTimeoutMs: number;
  /** Called once the frame is durable (camera health); its failure is only logged. */
  readonly onEnqueued?: (frame: AcceptedFrame) => Promise<void>;
  readonly onError?: (error: unknown) => void;
}

/** One camera's frame id gives one job id: a frame sent again is the same job. */
export const frameJobId = (frame: Pick<AcceptedFrame, 'cameraId' | 'frameId'>): string =>
  `frame-${createHash('sha256').update(`${frame.cameraId}\n${frame.frameId}`).digest('hex').slice(0, 40)}`;

export function createFrameEnqueuer(options: FrameEnqueuerOptions): FrameEnqueuer {
  const { municipalityId, queue, spool, limits, enqueueTimeoutMs, onEnqueued, onError = () => undefined } = options;
  return {
    async enqueue(frame, bytes) {
      let header;
      try {
        // The header alone: a frame that declares too many pixels is refused before anything decodes it.
        header = readImageHeader(bytes, limits);
      } catch (error) {
        if (error instanceof DongseonError) return { kind: 'refused', problem: { code: error.code, message: `image: ${error.message}` } };
        throw error;
      }
      try {
        const file = await spool.put(frame, bytes);
        const job: FrameJob = { municipalityId, ...frame, file };
        await withTimeout(queue.add('frame', job, { jobId: frameJobId(frame) }), enqueueTimeoutMs);
      } catch (error) {
        onError(error);
        return { kind: 'refused', problem: { code: 'DS_QUEUE_UNAVAILABLE', message: 'the frame could not be queued; nothing was accepted, send it again' } };
      }
      if (onEnqueued !== undefined) await onEnqueued(frame).catch(onError);
      return { kind: 'enqueued', frameId: frame.frameId, width: header.width, height: header.height };
    },
  };
}
