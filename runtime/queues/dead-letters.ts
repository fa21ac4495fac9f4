import { UnrecoverableError, type Job, type Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import { DongseonError } from '../../domain/errors/index.js';
import { createQueue } from './create-queue.js';
import { deadLetterQueueName } from './queue-names.js';

/** Why a job was given up on. */
export interface DeadLetterReason {
  readonly code: string;
  readonly message: string;
}

/** A job that could not be processed, as it sits in `<queue>-dead`: everything needed to judge and replay it. */
export interface DeadLetter {
  readonly queue: string;
  readonly jobId: string;
  readonly name: string;
  readonly data: unknown;
  readonly reason: DeadLetterReason;
  readonly attemptsMade: number;
  readonly enqueuedAt: string;
  readonly lastAttemptAt: string | null;
  readonly failedAt: string;
}

export interface StoredDeadLetter extends DeadLetter {
  readonly deadLetterId: string;
}

export function isNonRetryable(error: unknown): boolean {
  return error instanceof UnrecoverableError || (error instanceof Error && error.name === 'UnrecoverableError');
}

/** True when this failure is the job's last: BullMQ will not retry it. `attemptsMade` counts earlier failures. */
export function isFinalFailure(job: Job, error: unknown): boolean {
  return isNonRetryable(error) || job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
}

export function deadLetterReason(error: unknown): DeadLetterReason {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown } | null)?.code;
  return { code: typeof code === 'string' && code.startsWith('DS_') ? code : 'DS_QUEUE_ATTEMPTS_EXHAUSTED', message };
}

// Custom BullMQ ids may be neither integers nor contain ':'; the queue prefix rules out both and keeps the id
// deterministic, so a dead letter written twice (a crash between writing it and failing the job) is stored once.
function deadLetterId(queue: string, jobId: string): string {
  return `${queue}-${jobId}`.replaceAll(':', '-');
}

/** Writes the dead letter before the job's failure is acknowledged, so a crash in between cannot lose it. */
export async function moveToDeadLetters(deadLetters: Queue, job: Job, error: unknown, now = new Date()): Promise<void> {
  const letter: DeadLetter = {
    queue: job.queueName,
    jobId: String(job.id),
    name: job.name,
    data: job.data,
    reason: deadLetterReason(error),
    attemptsMade: job.attemptsMade + 1,
    enqueuedAt: new Date(job.timestamp).toISOString(),
    lastAttemptAt: job.processedOn === undefined ? null : new Date(job.processedOn).toISOString(),
    failedAt: now.toISOString(),
  };
  await deadLetters.add(job.name, letter, { jobId: deadLetterId(job.queueName, String(job.id)), attempts: 1, removeOnComplete: false, removeOnFail: false });
}

async function withDeadLetterQueue<T>(connection: Redis, queue: string, use: (deadLetters: Queue<DeadLetter>) => Promise<T>): Promise<T> {
  const deadLetters = createQueue<DeadLetter>(deadLetterQueueName(queue), connection);
  try {
    return await use(deadLetters);
  } finally {
    await deadLetters.close();
  }
}

function stored(job: Job<DeadLetter>): StoredDeadLetter {
  return { ...job.data, deadLetterId: String(job.id) };
}

/** The dead letters of a queue, oldest first. */
export async function listDeadLetters(connection: Redis, queue: string): Promise<StoredDeadLetter[]> {
  return withDeadLetterQueue(connection, queue, async (deadLetters) => {
    const jobs = await deadLetters.getJobs(['wait', 'delayed', 'prioritized'], 0, -1, true);
    return jobs.map((job) => stored(job as Job<DeadLetter>));
  });
}

export async function findDeadLetter(connection: Redis, queue: string, id: string): Promise<StoredDeadLetter | undefined> {
  return withDeadLetterQueue(connection, queue, async (deadLetters) => {
    const job = await deadLetters.getJob(id);
    return job === undefined ? undefined : stored(job as Job<DeadLetter>);
  });
}

/**
 * Puts a dead letter back on its original queue with a fresh attempt budget, and only then removes it from the
 * dead letters. The new job id derives from the dead letter, so a replay interrupted between the two steps and run
 * again does not enqueue the job twice. Returns the new job's id.
 */
export async function replayDeadLetter(connection: Redis, queue: string, id: string): Promise<string> {
  return withDeadLetterQueue(connection, queue, async (deadLetters) => {
    const job = (await deadLetters.getJob(id)) as Job<DeadLetter> | undefined;
    if (job === undefined) throw new DongseonError('DS_NOT_FOUND', `no dead letter ${id} in ${deadLetterQueueName(queue)}`, { queue, id });
    const original = createQueue(job.data.queue, connection);
    try {
      const replayed = await original.add(job.data.name, job.data.data, { jobId: `${id}-replay-${job.timestamp}` });
      await job.remove();
      return String(replayed.id);
    } finally {
      await original.close();
    }
  });
}

export async function replayAllDeadLetters(connection: Redis, queue: string): Promise<string[]> {
  const replayed: string[] = [];
  for (const letter of await listDeadLetters(connection, queue)) replayed.push(await replayDeadLetter(connection, queue, letter.deadLetterId));
  return replayed;
}
