import { codedGraphQLError } from './coded-graphql-error.js';

const isoInstant = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** The most items one list field returns, whatever `first` asks for. */
export const maxListSize = 500;

/**
 * Milliseconds since the epoch of an ISO-8601 instant with offset (the DateTime scalar), or undefined.
 * `Date.parse` alone accepts 30 February and 24:00, so the calendar is checked too.
 */
export function isoInstantMillis(text: string): number | undefined {
  const match = isoInstant.exec(text);
  const millis = Date.parse(text);
  if (!match || !Number.isFinite(millis)) return undefined;
  const part = (index: number) => Number(match[index] ?? 0);
  const calendarDay = new Date(Date.UTC(part(1), part(2) - 1, part(3))).getUTCDate();
  const valid = calendarDay === part(3) && part(4) < 24 && part(5) < 60 && part(6) < 60 && part(7) < 24 && part(8) < 60;
  return valid ? millis : undefined;
}

/** `isoInstantMillis` for an argument: anything but an instant with offset is DS_INVALID_INPUT naming the argument. */
export function instantOf(value: string, argument: string): number {
  const millis = isoInstantMillis(value);
  if (millis === undefined) {
    throw codedGraphQLError('DS_INVALID_INPUT', `${argument} must be an ISO-8601 instant with offset, e.g. 2026-11-25T09:00:00+09:00`);
  }
  return millis;
}

/** An instant as the API prints it: UTC, to the second. */
export const formatInstant = (epochMs: number): string => new Date(epochMs).toISOString().replace(/\.000Z$/, 'Z');

/** A `first` argument (the schema default when null): a non-negative integer, at most `maxListSize`. */
export function listSizeOf(first: number | null | undefined, schemaDefault = 100, argument = 'first'): number {
  const asked = first ?? schemaDefault;
  if (!Number.isInteger(asked) || asked < 0) throw codedGraphQLError('DS_INVALID_INPUT', `${argument} must be a non-negative integer (got ${asked})`);
  if (asked > maxListSize) throw codedGraphQLError('DS_QUERY_LIST_TOO_LARGE', `${argument} may ask for at most ${maxListSize} items (got ${asked})`);
  return asked;
}

/** Free text an operator types (titles, reasons): trimmed, not empty, bounded. */
export function requiredTextOf(value: string, argument: string, maxLength = 500): string {
  const text = value.trim();
  if (text === '') throw codedGraphQLError('DS_INVALID_INPUT', `${argument} must not be empty`);
  if (text.length > maxLength) throw codedGraphQLError('DS_INVALID_INPUT', `${argument} must be at most ${maxLength} characters`);
  return text;
}
