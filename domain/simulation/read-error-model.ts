/**
 * What real ANPR cameras get wrong, as rates. A pass through a camera is lost to an outage or missed outright;
 * otherwise the camera sends one read, or several of the same pass, each with its top-k candidates, where the
 * best one may be a confusion from the plate module's table (a plausible wrong plate), rarely two.
 */
export interface ReadErrorModel {
  /** Share of read passes the camera reports more than once (repeated frames of one pass). */
  readonly duplicateRate: number;
  /** Share of reads whose best candidate is one confusion away from the true plate. */
  readonly misreadRate: number;
  /** Share of reads whose best candidate is two confusions away, with the true plate nowhere among the candidates. */
  readonly unreadableRate: number;
  /** When the best candidate is a misread, how often the true plate is still among the lower candidates. */
  readonly trueAmongCandidatesRate: number;
  /** When the best candidate is right, how often a lower-confidence confusion is listed as well. */
  readonly alternativeCandidateRate: number;
  /** Standard deviation of the camera clock's error on a capture time, seconds. */
  readonly timestampJitterSeconds: number;
  /** Share of cameras that are down once during the scenario. */
  readonly outageCameraShare: number;
  /** Range of an outage's length, minutes. */
  readonly outageMinutes: readonly [number, number];
}

export const defaultReadErrorModel: ReadErrorModel = {
  duplicateRate: 0.15,
  misreadRate: 0.08,
  unreadableRate: 0.01,
  trueAmongCandidatesRate: 0.6,
  alternativeCandidateRate: 0.25,
  timestampJitterSeconds: 0.4,
  outageCameraShare: 0.1,
  outageMinutes: [5, 20],
};
