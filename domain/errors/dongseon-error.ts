import { errorCodes, type ErrorCode } from './codes.js';

/** An error with a stable code from the registry; `details` must never hold secrets or personal data. */
export class DongseonError extends Error {
  readonly code: ErrorCode;
  readonly httpStatus: number;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DongseonError';
    this.code = code;
    this.httpStatus = errorCodes[code].httpStatus;
    this.details = details;
  }

  toJSON(): { code: ErrorCode; message: string; details: Readonly<Record<string, unknown>> } {
    return { code: this.code, message: this.message, details: this.details };
  }
}

export function isDongseonError(value: unknown, code?: ErrorCode): value is DongseonError {
  return value instanceof DongseonError && (code === undefined || value.code === code);
}
