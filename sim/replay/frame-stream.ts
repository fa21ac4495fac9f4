import { setImmediate as yieldToEventLoop, setTimeout as sleep } from 'node:timers/promises';
import type { ReplayClock } from '../../domain/simulation/index.js';
import type { FramedPass } from './cctv-passes.js';
import { postFrame, type DeliveryCounts, type MqttCameraSender } from './read-senders.js';
import { framesPerPass, type PassFrame } from './render-pass-frames.js';

/** Why a framed pass was not sent. */
export type FrameSkipReason = 'rate cap' | 'no recognition at the edge' | 'no edge node' | 'no camera credential';

export interface FrameStreamOptions {
  readonly clock: ReplayClock;
  /** Prefixes every frame id, as the run id prefixes read ids. */
  readonly runId: string;
  readonly edges: ReadonlyMap<string, string>;
  readonly cameraTokens: ReadonlyMap<string, string>;
  /** Whether a camera sends over MQTT (else HTTP), as its reads would. */
  readonly usesMqtt: (cameraId: string) => boolean;
  readonly mqttSender?: MqttCameraSender;
  /** Frame deliveries, counted as reads are. */
  readonly counts: DeliveryCounts;
  /** Frames rendered and sent per wall-clock second at most. */
  readonly maxFramesPerSecond: number;
  /** Renders a pass's frames one at a time (`renderPassFrames`). */
  readonly render: (pass: FramedPass) => Iterable<PassFrame>;
  readonly now?: () => number;
}

export interface FrameProgress {
  /** Framed passes offered so far (wanted and sampled). */
  readonly passes: number;
  readonly passesSent: number;
  readonly passesSkipped: Readonly<Record<string, number>>;
}

export interface FrameStream {
  /** Queues a pass's frames, due now (the replay offers each pass when its moment comes). */
  offer(pass: FramedPass): void;
  /** Resolves once every pass offered is sent or skipped, and every frame answered. */
  drain(): Promise<void>;
  /** A municipality's edge answered that it runs no recognition: its later passes are not rendered. */
  recognitionUnavailable(municipalityId: string): void;
  progress(): FrameProgress;
}

/** Sampled passes waiting beyond this many are skipped: the demo stays live and the replay's pace holds. */
export const maxWaitingSampledPasses = (maxFramesPerSecond: number, framesPerPass: number): number =>
  Math.max(2, Math.ceil((2 * maxFramesPerSecond) / framesPerPass));

/**
 * Whether a pass offered now is skipped rather than queued. A wanted vehicle's pass is never skipped for the
 * rate: it is what the demo is about; a sampled one is when `waitingSampled` have queued up already.
 */
export function skipReasonOf(
  pass: FramedPass, waitingSampled: number, maxWaiting: number, unavailable: ReadonlySet<string>,
  edges: ReadonlyMap<string, string>, cameraTokens: ReadonlyMap<string, string>,
): FrameSkipReason | undefined {
  if (!edges.has(pass.municipalityId)) return 'no edge node';
  if (!cameraTokens.has(pass.cameraId)) return 'no camera credential';
  if (unavailable.has(pass.municipalityId)) return 'no recognition at the edge';
  if (pass.why === 'sample' && waitingSampled >= maxWaiting) return 'rate cap';
  return undefined;
}

/** A frame id for the edge: unique per camera and run, from the pass's stable index (`[A-Za-z0-9._-]`). */
export const frameIdOf = (runId: string, pass: Pick<FramedPass, 'index'>, frameIndex: number): string =>
  `${runId.replace(/[^A-Za-z0-9._-]/g, '-')}.p${pass.index}.${frameIndex}`;

/**
 * Renders and sends the frames of the passes offered, in the order offered, wanted passes first, at most
 * `maxFramesPerSecond`: each frame is stamped with its capture time on the replay clock, and goes to the edge of
 * the camera's municipality over the camera's transport with the camera's own credential. Rendering runs on the
 * replay's thread one frame at a time, yielding between frames, so the reads keep their pace.
 */
export function createFrameStream(options: FrameStreamOptions): FrameStream {
  const { clock, runId, edges, cameraTokens, counts, maxFramesPerSecond, now = Date.now } = options;
  const wanted: FramedPass[] = [];
  const sampled: FramedPass[] = [];
  const unavailable = new Set<string>();
  const skipped = new Map<string, number>();
  const inFlight = new Set<Promise<void>>();
  let offered = 0;
  let passesSent = 0;
  let nextFrameAt = 0;
  let pumping: Promise<void> | undefined;
  const intervalMs = 1000 / maxFramesPerSecond;
  const maxWaiting = maxWaitingSampledPasses(maxFramesPerSecond, framesPerPass);

  const skip = (reason: string) => skipped.set(reason, (skipped.get(reason) ?? 0) + 1);

  const sendFrame = async (pass: FramedPass, frame: PassFrame): Promise<void> => {
    const metadata = {
      cameraId: pass.cameraId,
      frameId: frameIdOf(runId, pass, frame.index),
      capturedAt: new Date(Math.round(clock.capturedAtMs(pass.atSeconds) + frame.offsetMs)).toISOString(),
    };
    if (options.usesMqtt(pass.cameraId) && options.mqttSender) {
      await options.mqttSender.publishFrame(pass.municipalityId, pass.cameraId, metadata, frame.jpeg);
      return;
    }
    const code = await postFrame(edges.get(pass.municipalityId) as string, metadata, frame.jpeg, cameraTokens.get(pass.cameraId) as string, counts);
    if (code === 'DS_RECOGNITION_UNAVAILABLE') unavailable.add(pass.municipalityId);
  };

  const track = (sending: Promise<void>) => {
    inFlight.add(sending);
    void sending.finally(() => inFlight.delete(sending));
  };

  const pump = async () => {
    for (let pass = wanted.shift() ?? sampled.shift(); pass !== undefined; pass = wanted.shift() ?? sampled.shift()) {
      // The edge may have said meanwhile that it runs no recognition.
      if (unavailable.has(pass.municipalityId)) {
        skip('no recognition at the edge');
        continue;
      }
      const frames = options.render(pass)[Symbol.iterator]();
      for (;;) {
        const wait = nextFrameAt - now();
        if (wait > 0) await sleep(wait);
        else await yieldToEventLoop();
        nextFrameAt = Math.max(nextFrameAt, now()) + intervalMs;
        // The edge said meanwhile that it runs no recognition: the rest of the pass is not worth rendering.
        if (unavailable.has(pass.municipalityId)) break;
        // Rendering the next frame happens here, on this thread.
        const next = frames.next();
        if (next.done) {
          nextFrameAt -= intervalMs;
          break;
        }
        track(sendFrame(pass, next.value));
        while (inFlight.size > 16) await Promise.race(inFlight);
      }
      passesSent++;
    }
  };

  const keepPumping = () => {
    if (pumping) return;
    pumping = pump().finally(() => {
      pumping = undefined;
      if (wanted.length + sampled.length > 0) keepPumping();
    });
  };

  return {
    offer(pass) {
      offered++;
      const reason = skipReasonOf(pass, sampled.length, maxWaiting, unavailable, edges, cameraTokens);
      if (reason !== undefined) {
        skip(reason);
        return;
      }
      (pass.why === 'wanted' ? wanted : sampled).push(pass);
      keepPumping();
    },
    async drain() {
      while (pumping) await pumping;
      await Promise.all(inFlight);
    },
    recognitionUnavailable(municipalityId) {
      unavailable.add(municipalityId);
    },
    progress: () => ({ passes: offered, passesSent, passesSkipped: Object.fromEntries(skipped) }),
  };
}
