/**
 * How a replay maps scenario time onto the wall clock. Reads are sent `speed` times faster than they happened;
 * their capture times keep the scenario's real intervals (so travel times, and impossible-travel checks, stay
 * true) and are placed in the past, so that no read is ever stamped later than the moment it is sent: an edge
 * refuses reads captured in the future.
 */
export interface ReplayClock {
  readonly speed: number;
  /** Wall-clock time the first read is due. */
  readonly startMs: number;
  /** The capture time of scenario second `firstSeconds`. */
  readonly captureOriginMs: number;
  /** The oldest a read is when sent: capture times lag the wall clock by at most this. */
  readonly maxLagMs: number;
  sendAtMs(atSeconds: number): number;
  capturedAtMs(atSeconds: number): number;
}

/** Capture times stay at least this far behind the send time, against clock differences between processes. */
export const captureSafetyMs = 1_000;

export function replayClock(firstSeconds: number, lastSeconds: number, speed: number, startMs: number): ReplayClock {
  if (!(speed > 0) || !Number.isFinite(speed)) throw new RangeError('speed must be a positive number');
  const spanMs = Math.max(0, lastSeconds - firstSeconds) * 1000;
  // Faster than real time, the first read is the oldest when sent; slower, the last one is.
  const firstLagMs = Math.max(0, spanMs * (1 - 1 / speed)) + captureSafetyMs;
  const maxLagMs = firstLagMs + Math.max(0, spanMs * (1 / speed - 1));
  const captureOriginMs = startMs - firstLagMs;
  return {
    speed, startMs, captureOriginMs, maxLagMs,
    sendAtMs: (atSeconds) => startMs + ((atSeconds - firstSeconds) * 1000) / speed,
    capturedAtMs: (atSeconds) => captureOriginMs + (atSeconds - firstSeconds) * 1000,
  };
}
