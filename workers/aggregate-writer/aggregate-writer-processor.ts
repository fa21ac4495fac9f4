import type { Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Driver } from 'neo4j-driver';
import { DongseonError } from '../../domain/errors/index.js';
import { NonRetryableJobError } from '../../runtime/queues/non-retryable-job-error.js';
import { aggregateBatchJobSchema } from '../../runtime/queues/pipeline-jobs.js';
import { createCameraVolumeStore } from '../../stores/civic-volumes/camera-volume-store.js';
import { hourlyVolumesByKey, type HourlyVolume } from '../../stores/civic-volumes/hourly-volumes.js';
import { writeFlowEdges } from './write-flow-edges.js';

export interface AggregateWriterDependencies {
  /** The civic subgraph's Redis, where camera volumes live. */
  readonly redis: Redis;
  readonly neo4j: Driver;
  readonly now?: () => Date;
}

export interface AggregateWriterResult {
  readonly cameras: number;
  readonly hours: number;
  readonly flowEdgesChanged: number;
}

function invalid(message: string): NonRetryableJobError {
  return new NonRetryableJobError('DS_QUEUE_JOB_INVALID', message);
}

/**
 * Processes `ds-region-aggregates` jobs: hourly read counts become civic camera volumes, transition statistics
 * become FLOW edges. Both writes replace what they find, so a retried or replayed batch changes nothing; the
 * batch is validated whole before either write, so an invalid one is dead-lettered with nothing written.
 */
export function aggregateWriterProcessor(dependencies: AggregateWriterDependencies) {
  const volumes = createCameraVolumeStore(dependencies.redis);
  const now = dependencies.now ?? (() => new Date());
  return async (job: Job): Promise<AggregateWriterResult> => {
    const parsed = aggregateBatchJobSchema.safeParse(job.data);
    if (!parsed.success) {
      throw invalid(`not an aggregate batch job: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`);
    }
    const { hourlyCounts, transitions } = parsed.data;
    const byCamera = new Map<string, HourlyVolume[]>();
    for (const count of hourlyCounts) {
      const hours = byCamera.get(count.cameraId) ?? [];
      hours.push({ hourStart: count.hourStart, vehicles: count.reads });
      byCamera.set(count.cameraId, hours);
    }
    try {
      for (const hours of byCamera.values()) hourlyVolumesByKey(hours);
    } catch (error) {
      if (error instanceof DongseonError) throw invalid(error.message);
      throw error;
    }
    let hours = 0;
    for (const [cameraId, cameraHours] of byCamera) hours += await volumes.recordCameraVolumes(cameraId, cameraHours);
    const flowEdgesChanged = await writeFlowEdges(dependencies.neo4j, transitions, now());
    return { cameras: byCamera.size, hours, flowEdgesChanged };
  };
}
