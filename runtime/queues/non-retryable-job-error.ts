import { UnrecoverableError } from 'bullmq';
import type { ErrorCode } from '../../domain/errors/index.js';

/** Fails a job at once, without retries, and sends it to the dead-letter queue with this code as the reason. */
export class NonRetryableJobError extends UnrecoverableError {
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>>;

  constructor(code: ErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(message);
    this.code = code;
    this.details = details;
  }
}
