import { setTimeout as sleep } from 'node:timers/promises';
import type { CameraReadInput } from '../../domain/ingest/index.js';
import { replayClock, stableHash, type ReplayClock, type ScenarioRead } from '../../domain/simulation/index.js';
import { readJsonLinesGz, scenarioFiles } from '../scenario-files.js';
import type { FramedPass } from './cctv-passes.js';
import { createFrameStream, type FrameProgress, type FrameStream } from './frame-stream.js';
import { connectMqttCameraSender, emptyDeliveryCounts, postReadBatch, type DeliveryCounts } from './read-senders.js';
import type { PassFrame } from './render-pass-frames.js';

export type ReplayTransport = 'http' | 'mqtt' | 'mixed';

export interface ReplayOptions {
  readonly dir: string;
  readonly speed: number;
  /** Edge node base URL per municipality. */
  readonly edges: ReadonlyMap<string, string>;
  /** Each camera's credential (`<keyId>.<secret>`): its HTTP batches are posted with it. */
  readonly cameraTokens: ReadonlyMap<string, string>;
  readonly mqttUrl: string;
  /** `mixed`: each camera keeps one transport, about half of them MQTT. */
  readonly transport: ReplayTransport;
  /** Prefixes every read id, so a second replay of the same scenario makes new reads, not resends. */
  readonly runId: string;
  /** Only reads captured in [fromSeconds, toSeconds) of scenario time. */
  readonly fromSeconds?: number;
  readonly toSeconds?: number;
  /** Hits recorded so far (the police list's count over the replay's capture window), for the progress line. */
  readonly countHits?: (clock: ReplayClock) => Promise<number>;
  readonly onProgress?: (progress: ReplayProgress) => void;
  /**
   * Frames of passes at cameras without ANPR, sent as those cameras would (`POST /v1/frames` or the frames topic,
   * each camera with its own credential in `cameraTokens`): each pass's frames are rendered when its moment comes.
   */
  readonly frames?: {
    /** In time order (`framedPasses`). */
    readonly passes: readonly FramedPass[];
    readonly render: (pass: FramedPass) => Iterable<PassFrame>;
    readonly maxFramesPerSecond: number;
  };
}

/** What became of the frames of a replay: passes offered, sent and skipped, frames sent and what the edges answered. */
export interface FrameReplayProgress extends FrameProgress {
  readonly sent: number;
  readonly accepted: number;
  readonly rejected: number;
  readonly rejectedByCode: Readonly<Record<string, number>>;
}

export interface ReplayProgress extends Omit<DeliveryCounts, 'rejectedByCode'> {
  readonly rejectedByCode: Readonly<Record<string, number>>;
  readonly total: number;
  readonly hits: number | undefined;
  /** Scenario time reached, seconds. */
  readonly atSeconds: number;
  readonly elapsedSeconds: number;
  readonly done: boolean;
  /** Present when the replay sends frames. */
  readonly frames?: FrameReplayProgress;
}

export interface ReplayResult extends ReplayProgress {
  readonly clock: ReplayClock;
  /** Reads sent per wall-clock second over the whole replay. */
  readonly readsPerSecond: number;
}

/** Reads are gathered and sent this often; reads due within one tick go out together. */
const tickMs = 100;
/** Most reads in one HTTP batch or MQTT message. */
const maxBatch = 500;

export const usesMqtt = (transport: ReplayTransport, cameraId: string): boolean =>
  transport === 'mqtt' || (transport === 'mixed' && stableHash(cameraId) % 2 === 1);

/** A scenario read as a camera sends it: the open read schema, capture time from the replay clock. */
export function wireRead(read: ScenarioRead, clock: ReplayClock, runId: string): CameraReadInput {
  return {
    readId: `${runId}.${read.readId}`,
    cameraId: read.cameraId,
    capturedAt: new Date(Math.round(clock.capturedAtMs(read.atSeconds))).toISOString(),
    candidates: read.candidates.map(({ text, confidence }) => ({ text, confidence })),
    vehicleColour: read.vehicleColour,
    vehicleType: read.vehicleType,
  };
}

async function countReads(dir: string, inWindow: (read: ScenarioRead) => boolean): Promise<{ total: number; first: number; last: number }> {
  let total = 0;
  let first = Infinity;
  let last = -Infinity;
  for await (const read of readJsonLinesGz<ScenarioRead>(dir, scenarioFiles.reads)) {
    if (!inWindow(read)) continue;
    total++;
    first = Math.min(first, read.atSeconds);
    last = Math.max(last, read.atSeconds);
  }
  return { total, first: Number.isFinite(first) ? first : 0, last: Number.isFinite(last) ? last : 0 };
}

/**
 * Streams a scenario's reads into the edge nodes in capture-time order, `speed` times faster than they happened,
 * over HTTP (`POST /v1/reads`, batched per camera, each with its camera's credential) and MQTT (per camera topic, QoS 1, each camera logged in with its own credential). Reports progress
 * (sent, accepted, rejected, hits) as it goes. With `frames`, the CCTV cameras' passes go out as rendered frames
 * on the same clock (`createFrameStream`).
 */
export async function replayScenario(options: ReplayOptions): Promise<ReplayResult> {
  const now = Date.now;
  const from = options.fromSeconds ?? -Infinity;
  const to = options.toSeconds ?? Infinity;
  const inWindow = (read: ScenarioRead) => read.atSeconds >= from && read.atSeconds < to;
  const counted = await countReads(options.dir, inWindow);
  const framedPasses = (options.frames?.passes ?? []).filter((pass) => pass.atSeconds >= from && pass.atSeconds < to);
  const { total } = counted;
  // The clock spans the frames' passes too, so no frame is stamped after it is sent.
  const earliest = Math.min(counted.total > 0 ? counted.first : Infinity, framedPasses[0]?.atSeconds ?? Infinity);
  const latest = Math.max(counted.total > 0 ? counted.last : -Infinity, framedPasses[framedPasses.length - 1]?.atSeconds ?? -Infinity);
  const first = Number.isFinite(earliest) ? earliest : 0;
  const last = Number.isFinite(latest) ? latest : 0;
  const counts = emptyDeliveryCounts();
  const frameCounts = emptyDeliveryCounts();
  const needsMqtt = options.transport !== 'http';
  let frameStream: FrameStream | undefined;
  const mqttSender = needsMqtt
    ? connectMqttCameraSender(options.mqttUrl, `dongseon-sim-replay-${options.runId}`, counts, options.cameraTokens, frameCounts, (municipalityId, code) => {
      if (code === 'DS_RECOGNITION_UNAVAILABLE') frameStream?.recognitionUnavailable(municipalityId);
    })
    : undefined;
  const clock = replayClock(first, last, options.speed, now() + 500);
  if (options.frames) {
    frameStream = createFrameStream({
      clock, runId: options.runId, edges: options.edges, cameraTokens: options.cameraTokens, counts: frameCounts,
      usesMqtt: (cameraId) => usesMqtt(options.transport, cameraId), ...(mqttSender ? { mqttSender } : {}),
      maxFramesPerSecond: options.frames.maxFramesPerSecond, render: options.frames.render,
    });
  }
  let hits: number | undefined;
  let atSeconds = first;
  const progress = (done: boolean): ReplayProgress => ({
    sent: counts.sent, accepted: counts.accepted, rejected: counts.rejected, rejectedByCode: Object.fromEntries(counts.rejectedByCode),
    total, hits, atSeconds, elapsedSeconds: Math.max(0, (now() - clock.startMs) / 1000), done,
    ...(frameStream ? {
      frames: {
        ...frameStream.progress(), sent: frameCounts.sent, accepted: frameCounts.accepted, rejected: frameCounts.rejected,
        rejectedByCode: Object.fromEntries(frameCounts.rejectedByCode),
      },
    } : {}),
  });
  const refreshHits = async () => {
    if (options.countHits) hits = await options.countHits(clock).catch(() => hits);
  };
  const reporter = setInterval(() => {
    void refreshHits();
    options.onProgress?.(progress(false));
  }, 1_000);

  const inFlight = new Set<Promise<void>>();
  const track = (sending: Promise<void>) => {
    inFlight.add(sending);
    void sending.finally(() => inFlight.delete(sending));
  };
  const flush = (due: ScenarioRead[]) => {
    const httpByCamera = new Map<string, { municipalityId: string; reads: CameraReadInput[] }>();
    const mqttByCamera = new Map<string, { municipalityId: string; reads: CameraReadInput[] }>();
    for (const read of due) {
      const wire = wireRead(read, clock, options.runId);
      if (usesMqtt(options.transport, read.cameraId)) {
        const entry = mqttByCamera.get(read.cameraId) ?? { municipalityId: read.municipalityId, reads: [] };
        entry.reads.push(wire);
        mqttByCamera.set(read.cameraId, entry);
      } else {
        // One batch per camera: each is posted with that camera's own credential.
        const entry = httpByCamera.get(read.cameraId) ?? { municipalityId: read.municipalityId, reads: [] };
        entry.reads.push(wire);
        httpByCamera.set(read.cameraId, entry);
      }
    }
    const undelivered = (batch: readonly CameraReadInput[], why: string) => {
      counts.sent += batch.length;
      counts.rejected += batch.length;
      counts.rejectedByCode.set(why, (counts.rejectedByCode.get(why) ?? 0) + batch.length);
    };
    for (const [cameraId, { municipalityId, reads }] of httpByCamera) {
      const edgeUrl = options.edges.get(municipalityId);
      const token = options.cameraTokens.get(cameraId);
      for (let i = 0; i < reads.length; i += maxBatch) {
        const batch = reads.slice(i, i + maxBatch);
        if (edgeUrl === undefined) undelivered(batch, 'no edge node');
        else if (token === undefined) undelivered(batch, 'no camera credential');
        else track(postReadBatch(edgeUrl, batch, token, counts));
      }
    }
    for (const [cameraId, { municipalityId, reads }] of mqttByCamera) {
      for (let i = 0; i < reads.length; i += maxBatch) track((mqttSender as NonNullable<typeof mqttSender>).publish(municipalityId, cameraId, reads.slice(i, i + maxBatch)));
    }
  };

  let due: ScenarioRead[] = [];
  let nextPass = 0;
  /** Offers the frames of every pass due by scenario second `until`, each when its moment comes. */
  const offerPassesUntil = async (until: number) => {
    for (let pass = framedPasses[nextPass]; pass !== undefined && pass.atSeconds <= until; pass = framedPasses[++nextPass]) {
      const wait = clock.sendAtMs(pass.atSeconds) - now();
      if (wait > tickMs && due.length > 0) {
        flush(due);
        due = [];
      }
      if (wait > 0) await sleep(wait);
      frameStream?.offer(pass);
    }
  };

  try {
    for await (const read of readJsonLinesGz<ScenarioRead>(options.dir, scenarioFiles.reads)) {
      if (!inWindow(read)) continue;
      await offerPassesUntil(read.atSeconds);
      const sendAt = clock.sendAtMs(read.atSeconds);
      if (due.length >= maxBatch || (sendAt > now() + tickMs && due.length > 0)) {
        flush(due);
        due = [];
      }
      const wait = sendAt - now();
      if (wait > 0) await sleep(wait);
      atSeconds = read.atSeconds;
      due.push(read);
      // Bounded in flight: a slow edge slows the replay rather than piling up requests.
      while (inFlight.size > 32) await Promise.race(inFlight);
    }
    flush(due);
    due = [];
    await offerPassesUntil(Infinity);
    await Promise.all(inFlight);
    await frameStream?.drain();
    // Rejections over MQTT arrive after the PUBACK; give them a moment.
    if (mqttSender) await sleep(1_000);
    await refreshHits();
  } finally {
    clearInterval(reporter);
    await mqttSender?.close();
  }
  const result = progress(true);
  options.onProgress?.(result);
  return { ...result, clock, readsPerSecond: result.elapsedSeconds > 0 ? result.sent / result.elapsedSeconds : result.sent };
}
