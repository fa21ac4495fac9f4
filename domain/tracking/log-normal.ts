/** z of the 10th and 90th percentiles of the standard normal: an 80 % central interval is median·e^(±z·σ). */
export const z80 = 1.2815515655446004;

/** Standard normal CDF (Abramowitz & Stegun 7.1.26, absolute error below 1.5e-7). */
export function normalCdf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x) / Math.SQRT2);
  const erf = 1 - t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429)))) * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** P(T ≥ seconds) for T log-normal with the given median and log-scale σ. */
export function logNormalSurvival(seconds: number, medianSeconds: number, sigma: number): number {
  if (seconds <= 0) return 1;
  return 1 - normalCdf(Math.log(seconds / medianSeconds) / sigma);
}

/** Log density of a log-normal at `seconds`. */
export function logNormalLogDensity(seconds: number, medianSeconds: number, sigma: number): number {
  const z = Math.log(seconds / medianSeconds) / sigma;
  return -0.5 * z * z - Math.log(seconds * sigma * Math.sqrt(2 * Math.PI));
}

export interface SecondsInterval {
  readonly lowSeconds: number;
  readonly medianSeconds: number;
  readonly highSeconds: number;
}

/** The central 80 % interval of a log-normal. */
export function interval80(medianSeconds: number, sigma: number): SecondsInterval {
  return { lowSeconds: medianSeconds * Math.exp(-z80 * sigma), medianSeconds, highSeconds: medianSeconds * Math.exp(z80 * sigma) };
}
