import { DongseonError } from '../errors/index.js';

const isPlainObject = (value: object): value is Record<string, unknown> => {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/**
 * The one byte-exact JSON form of a value that audit hashes are computed over: object keys sorted by UTF-16 code
 * units, no whitespace, strings and numbers as JSON.stringify writes them. Only JSON values are accepted: an
 * `undefined`, a non-finite number or a class instance would encode ambiguously, so it is refused.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new DongseonError('DS_AUDIT_RECORD_INVALID', `canonical JSON has no form for ${value}`);
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && isPlainObject(value)) {
    const members = Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonicalJson(value[key])}`);
    return `{${members.join(',')}}`;
  }
  throw new DongseonError('DS_AUDIT_RECORD_INVALID', `canonical JSON has no form for a value of type ${typeof value}`);
}
