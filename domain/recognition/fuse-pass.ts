/**
 * One read from the frames of one pass (one vehicle seen by one camera over several frames). Each frame's
 * recogniser gives top-k candidates with calibrated confidences; the pass's read combines them as a product of
 * experts, and is *confirmed* only when frames agree: a single confident frame is at most *possible*, because one
 * frame's glare or blur can make a confident misread, and a confirmed read may raise an alert.
 */

export interface FrameCandidate {
  readonly text: string;
  /** Calibrated probability that this is the plate, 0…1. */
  readonly confidence: number;
}

/** One frame's read of the pass's plate: top-k, any order. An empty list is a frame where nothing was read. */
export type FrameRead = readonly FrameCandidate[];

export interface FusedCandidate {
  readonly text: string;
  /** Fused probability, renormalised over every text any frame proposed and "none of them". */
  readonly confidence: number;
  /** Frames whose own best candidate is this text. */
  readonly topInFrames: number;
  /** Frames that list this text at all. */
  readonly listedInFrames: number;
}

export type PassReadStatus = 'confirmed' | 'possible' | 'abstain';

export interface PassRead {
  readonly status: PassReadStatus;
  /** Best first; ties by text (code-point order). */
  readonly candidates: readonly FusedCandidate[];
  /** Frames of the pass, and those that read anything. */
  readonly frames: number;
  readonly framesRead: number;
}

export interface FusionOptions {
  /**
   * Probability a frame gives a text it did not list: at most its own lowest listed confidence (a beam search
   * lists its most probable texts, so one it left out is less probable than those) and at most this.
   */
  readonly missingFloor: number;
  /** Fused confidence a read needs to be confirmed (the operating point). */
  readonly confirmConfidence: number;
  /** Frames whose best candidate is the fused best that a confirmed read needs. */
  readonly minAgreeingFrames: number;
  /** Below this fused confidence the pass abstains: no read. */
  readonly possibleConfidence: number;
}

export const fusionDefaults: FusionOptions = { missingFloor: 0.01, confirmConfidence: 0.9, minAgreeingFrames: 2, possibleConfidence: 0.5 };

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function fusePass(frames: readonly FrameRead[], options: FusionOptions = fusionDefaults): PassRead {
  const read = frames.map(bestPerText).filter((frame) => frame.size > 0);
  const texts = [...new Set(read.flatMap((frame) => [...frame.keys()]))];
  if (texts.length === 0) return { status: 'abstain', candidates: [], frames: frames.length, framesRead: 0 };

  // Per frame: what a text it did not list gets, and what is left for "none of the proposed texts".
  const frameTerms = read.map((frame) => {
    const listed = [...frame.values()];
    const floor = Math.min(options.missingFloor, ...listed);
    const rest = Math.max(floor, 1 - listed.reduce((sum, p) => sum + p, 0));
    return { frame, floor, rest };
  });
  const logOther = frameTerms.reduce((sum, { rest }) => sum + Math.log(rest), 0);
  const logScores = texts.map((text) => frameTerms.reduce((sum, { frame, floor }) => sum + Math.log(frame.get(text) ?? floor), 0));
  // Normalise in log space from the largest term so that many frames do not underflow.
  const max = Math.max(logOther, ...logScores);
  const total = logScores.reduce((sum, s) => sum + Math.exp(s - max), Math.exp(logOther - max));
  const tops = read.map(topText);
  const candidates: FusedCandidate[] = texts
    .map((text, i) => ({
      text,
      confidence: Math.exp(logScores[i]! - max) / total,
      topInFrames: tops.filter((top) => top === text).length,
      listedInFrames: read.filter((frame) => frame.has(text)).length,
    }))
    .sort((a, b) => (a.confidence !== b.confidence ? b.confidence - a.confidence : byText(a.text, b.text)));

  const best = candidates[0]!;
  // A tie for the best is no read of either: the order between them is only the text's.
  const tied = candidates.length > 1 && candidates[1]!.confidence === best.confidence;
  let status: PassReadStatus = 'abstain';
  if (!tied && best.confidence >= options.possibleConfidence) status = 'possible';
  if (status === 'possible' && best.confidence >= options.confirmConfidence && best.topInFrames >= options.minAgreeingFrames) status = 'confirmed';
  return { status, candidates, frames: frames.length, framesRead: read.length };
}

/** A frame's candidates by text, the highest confidence kept when a text repeats; clamped to (0, 1]. */
function bestPerText(frame: FrameRead): Map<string, number> {
  const out = new Map<string, number>();
  for (const { text, confidence } of frame) {
    if (!(confidence > 0)) continue;
    const p = Math.min(confidence, 1);
    if (p > (out.get(text) ?? 0)) out.set(text, p);
  }
  return out;
}

/** The frame's best text; on equal confidences the smaller text, as the fused ranking does. */
function topText(frame: ReadonlyMap<string, number>): string {
  let best: [string, number] | undefined;
  for (const entry of frame) {
    if (best === undefined || entry[1] > best[1] || (entry[1] === best[1] && byText(entry[0], best[0]) < 0)) best = entry;
  }
  return best![0];
}
