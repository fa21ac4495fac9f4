import { UnrecoverableError, type Job } from 'bullmq';
import { describe, expect, it } from 'vitest';
import { DongseonError } from '../../domain/errors/index.js';
import { deadLetterReason, isFinalFailure } from './dead-letters.js';
import { NonRetryableJobError } from './non-retryable-job-error.js';

const job = (attemptsMade: number, attempts: number) => ({ attemptsMade, opts: { attempts } }) as unknown as Job;

describe('dead letters', () => {
  it.each([
    { case: 'a retryable error with attempts left', error: new Error('boom'), job: job(0, 3), final: false },
    { case: 'a retryable error on the last attempt', error: new Error('boom'), job: job(2, 3), final: true },
    { case: 'a coded non-retryable error', error: new NonRetryableJobError('DS_QUEUE_JOB_INVALID', 'bad'), job: job(0, 8), final: true },
    { case: 'a plain UnrecoverableError', error: new UnrecoverableError('no'), job: job(0, 8), final: true },
  ])('$case is final: $final', ({ error, job: failed, final }) => {
    expect(isFinalFailure(failed, error)).toBe(final);
  });

  it.each([
    { error: new NonRetryableJobError('DS_QUEUE_JOB_INVALID', 'bad payload'), reason: { code: 'DS_QUEUE_JOB_INVALID', message: 'bad payload' } },
    { error: new DongseonError('DS_ALERT_DELIVERY_FAILED', 'CAD answered 503'), reason: { code: 'DS_ALERT_DELIVERY_FAILED', message: 'CAD answered 503' } },
    { error: Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }), reason: { code: 'DS_QUEUE_ATTEMPTS_EXHAUSTED', message: 'socket hang up' } },
    { error: 'thrown string', reason: { code: 'DS_QUEUE_ATTEMPTS_EXHAUSTED', message: 'thrown string' } },
  ])('gives the reason $reason.code for $reason.message', ({ error, reason }) => {
    expect(deadLetterReason(error)).toEqual(reason);
  });
});
