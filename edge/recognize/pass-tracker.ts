import { createHash } from 'node:crypto';
import { fusePass, type FrameCandidate, type PassRead } from '../../domain/recognition/index.js';

/** One plate the recogniser read in one frame. */
export interface PlateInFrame {
  readonly candidates: readonly FrameCandidate[];
  /** The rectified crop, PNG, base64: the pass keeps its best frame's as evidence. */
  readonly cropPng: string;
}

export interface TrackedFrame {
  readonly frameId: string;
  readonly capturedAtMs: number;
  readonly receivedAtMs: number;
}

/** A vehicle seen by one camera over consecutive frames, not closed yet. Plain data: it is kept in Redis. */
export interface OpenPass {
  /** `rec-…`, from the camera and the pass's first frame and plate: the read id the pass becomes. */
  readonly readId: string;
  readonly frames: { readonly frameId: string; readonly capturedAtMs: number; readonly receivedAtMs: number; readonly candidates: readonly FrameCandidate[] }[];
  /** The frame whose own best candidate was the most confident: its capture time and crop become the read's. */
  best: { readonly frameId: string; readonly capturedAtMs: number; readonly confidence: number; readonly cropPng: string };
}

export interface ClosedPass {
  readonly readId: string;
  readonly read: PassRead;
  readonly pass: OpenPass;
}

export interface PassTrackingOptions {
  /** A pass closes when no frame of it came for this long (capture time for new frames, edge time otherwise). */
  readonly gapMs: number;
  /** Most frames one pass fuses; later frames of the same vehicle open a new pass. */
  readonly maxFrames: number;
}

export const passTrackingDefaults: PassTrackingOptions = { gapMs: 1_500, maxFrames: 12 };

/** Levenshtein distance over code points, bounded: plates are short. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const current = [i];
    for (let j = 1; j <= y.length; j++) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[y.length] ?? 0;
}

const topOf = (candidates: readonly FrameCandidate[]): FrameCandidate | undefined =>
  [...candidates].sort((a, b) => b.confidence - a.confidence)[0];

/** How well a plate continues a pass: lower is better; undefined when it does not (a different vehicle). */
function continuation(pass: OpenPass, plate: PlateInFrame): number | undefined {
  const last = pass.frames[pass.frames.length - 1];
  const plateTop = topOf(plate.candidates)?.text;
  if (last === undefined || plateTop === undefined) return undefined;
  const listed = new Set(last.candidates.map((c) => c.text));
  if (plate.candidates.some((c) => listed.has(c.text))) return 0;
  const passTop = topOf(last.candidates)?.text;
  if (passTop === undefined) return undefined;
  // A misread of one or two characters in one frame is the same plate; more is another vehicle.
  const distance = editDistance(plateTop, passTop);
  return distance <= 2 ? distance : undefined;
}

export const passReadId = (cameraId: string, frameId: string, plateIndex: number): string =>
  `rec-${createHash('sha256').update(`${cameraId}\n${frameId}\n${plateIndex}`).digest('hex').slice(0, 32)}`;

/**
 * Adds one frame's plates to a camera's open passes and closes what the frame shows is over. Pure: the caller
 * keeps `passes` (durably) between frames. A plate joins the open pass it continues best (a shared candidate, or
 * a top reading within two edits), each pass taking at most one plate per frame; other plates open passes. Passes
 * whose last frame is more than `gapMs` before this one close, and so does a pass that reached `maxFrames`.
 */
export function addFrame(
  cameraId: string, passes: readonly OpenPass[], frame: TrackedFrame, plates: readonly PlateInFrame[], options: PassTrackingOptions = passTrackingDefaults,
): { readonly open: OpenPass[]; readonly closed: ClosedPass[] } {
  const lastAt = (pass: OpenPass) => pass.frames[pass.frames.length - 1]?.capturedAtMs ?? 0;
  const closing = passes.filter((pass) => frame.capturedAtMs - lastAt(pass) > options.gapMs);
  const open = passes.filter((pass) => !closing.includes(pass)).map((pass) => ({ ...pass, frames: [...pass.frames] }));
  if (open.some((pass) => pass.frames.some((f) => f.frameId === frame.frameId))) {
    // The same frame again (a retried job): it is in its passes already.
    return { open, closed: closing.map(close) };
  }
  const taken = new Set<OpenPass>();
  plates.forEach((plate, plateIndex) => {
    const top = topOf(plate.candidates);
    if (top === undefined) return;
    let chosen: OpenPass | undefined;
    let chosenCost = Number.POSITIVE_INFINITY;
    for (const pass of open) {
      if (taken.has(pass)) continue;
      const cost = continuation(pass, plate);
      if (cost !== undefined && cost < chosenCost) {
        chosen = pass;
        chosenCost = cost;
      }
    }
    const entry = { frameId: frame.frameId, capturedAtMs: frame.capturedAtMs, receivedAtMs: frame.receivedAtMs, candidates: plate.candidates };
    const best = { frameId: frame.frameId, capturedAtMs: frame.capturedAtMs, confidence: top.confidence, cropPng: plate.cropPng };
    if (chosen === undefined) {
      const pass: OpenPass = { readId: passReadId(cameraId, frame.frameId, plateIndex), frames: [entry], best };
      open.push(pass);
      taken.add(pass);
      return;
    }
    chosen.frames.push(entry);
    if (top.confidence > chosen.best.confidence) chosen.best = best;
    taken.add(chosen);
  });
  const full = open.filter((pass) => pass.frames.length >= options.maxFrames);
  return { open: open.filter((pass) => !full.includes(pass)), closed: [...closing, ...full].map(close) };
}

/** Closes the passes that saw no frame for `gapMs` of edge time (the vehicle has gone and the camera fell quiet). */
export function closeIdle(passes: readonly OpenPass[], nowMs: number, options: PassTrackingOptions = passTrackingDefaults): { readonly open: OpenPass[]; readonly closed: ClosedPass[] } {
  const lastSeen = (pass: OpenPass) => Math.max(...pass.frames.map((f) => f.receivedAtMs));
  const closing = passes.filter((pass) => nowMs - lastSeen(pass) > options.gapMs);
  return { open: passes.filter((pass) => !closing.includes(pass)), closed: closing.map(close) };
}

function close(pass: OpenPass): ClosedPass {
  return { readId: pass.readId, read: fusePass(pass.frames.map((f) => f.candidates)), pass };
}
