import { randomUUID } from 'node:crypto';
import type { DeletionReceiptEntry } from '../../domain/audit/index.js';
import type { AuditAppender } from '../../runtime/audit/open-audit-log.js';
import type { EdgeReadStore } from './edge-read-store.js';

export const defaultRetentionDays = 30;
const dayMs = 24 * 60 * 60 * 1000;

export interface RetentionRunOptions {
  readonly store: EdgeReadStore;
  readonly auditLog: AuditAppender;
  readonly municipalityId: string;
  readonly retentionDays?: number;
  readonly nowMs: number;
  /** Who purged, for the receipt; `edge-retention` unless given. */
  readonly subject?: string;
}

/**
 * Purges the non-hit reads captured more than `retentionDays` before `nowMs` and appends a deletion receipt
 * (counts, digest, rule, cutoff). A run that purges nothing still writes its receipt: the log then shows that
 * retention ran.
 */
export async function runRetention(options: RetentionRunOptions): Promise<DeletionReceiptEntry> {
  const retentionDays = options.retentionDays ?? defaultRetentionDays;
  const cutoffMs = options.nowMs - retentionDays * dayMs;
  const { purged, digest, imagesPurged } = await options.store.purgeOlderThan(cutoffMs);
  const receipt: DeletionReceiptEntry = {
    kind: 'deletion-receipt',
    requestId: randomUUID(),
    subject: options.subject ?? 'edge-retention',
    agency: options.municipalityId,
    rule: { name: 'edge-non-hit-reads', retentionDays },
    cutoff: new Date(cutoffMs).toISOString(),
    counts: { plateReads: purged, plateImages: imagesPurged },
    digest,
  };
  await options.auditLog.append(receipt);
  return receipt;
}

export interface RetentionScheduler {
  /** Runs retention now, after any run in progress. */
  runNow(): Promise<DeletionReceiptEntry>;
  stop(): Promise<void>;
}

/** Runs retention every `everyMs` (hourly unless given); failures go to `onError` and the next run tries again. */
export function scheduleRetention(
  options: Omit<RetentionRunOptions, 'nowMs'> & { readonly everyMs?: number; readonly now?: () => number; readonly onError?: (error: unknown) => void },
): RetentionScheduler {
  const now = options.now ?? Date.now;
  let running: Promise<unknown> = Promise.resolve();
  const runNow = (): Promise<DeletionReceiptEntry> => {
    const run = running.then(() => runRetention({ ...options, nowMs: now() }));
    running = run.catch(() => undefined);
    return run;
  };
  const timer = setInterval(() => void runNow().catch((error: unknown) => options.onError?.(error)), options.everyMs ?? 60 * 60 * 1000);
  timer.unref();
  return {
    runNow,
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
