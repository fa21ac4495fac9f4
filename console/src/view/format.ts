import { translate, type Language } from '../i18n/messages.js';

/** The hit's match as an operator reads it: exact, possible with the substitution named, or partial with its pattern. */
export interface MatchDescription {
  readonly matchKind: 'EXACT' | 'POSSIBLE';
  readonly substitution?: string | null;
  readonly wantedVehicle: { readonly kind?: 'FULL_PLATE' | 'PARTIAL_PLATE' | null; readonly platePattern?: string | null };
}

export function formatMatchKind(language: Language, hit: MatchDescription): string {
  if (hit.wantedVehicle.kind === 'PARTIAL_PLATE') return translate(language, 'match.partial', { pattern: hit.wantedVehicle.platePattern ?? '?' });
  if (hit.matchKind === 'EXACT') return translate(language, 'match.exact');
  return hit.substitution ? translate(language, 'match.possible', { substitution: hit.substitution }) : translate(language, 'match.possibleUnnamed');
}

/** The plate as the list holds it: the full plate, else the witness pattern. */
export const listedPlate = (wanted: { readonly plate?: string | null; readonly platePattern?: string | null }): string =>
  wanted.plate ?? wanted.platePattern ?? '—';

/** 0.873 → "87%". */
export const formatPercent = (value: number, digits = 0): string => `${(value * 100).toFixed(digits)}%`;

/** Seconds as the operator reads them: "45초"/"45 s", "3분 20초"/"3 min 20 s". */
export function formatDuration(language: Language, seconds: number): string {
  const whole = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(whole / 60);
  const rest = whole % 60;
  if (language === 'ko') return minutes > 0 ? `${minutes}분${rest ? ` ${rest}초` : ''}` : `${rest}초`;
  return minutes > 0 ? `${minutes} min${rest ? ` ${rest} s` : ''}` : `${rest} s`;
}

/** Metres as "850 m" or "2.4 km". */
export const formatLength = (meters: number): string => (meters < 1000 ? `${Math.round(meters)} m` : `${(meters / 1000).toFixed(1)} km`);

/** The instant in Korea's time zone, the operators' own: "2026-11-24 08:15:02". */
export function formatInstant(value: string, timeZone = 'Asia/Seoul'): string {
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(date).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second}`;
}

/** A log-likelihood or other signed figure with two decimals. */
export const formatSigned = (value: number): string => value.toFixed(2);
