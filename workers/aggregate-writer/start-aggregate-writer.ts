import { createWorker, type QueueWorker, type QueueWorkerOptions } from '../../runtime/queues/create-worker.js';
import { aggregateWriterProcessor, type AggregateWriterDependencies } from './aggregate-writer-processor.js';

/** Starts the aggregate writer on `queue` (`ds-region-aggregates` in production); the dependencies stay the caller's. */
export function startAggregateWriter(queue: string, dependencies: AggregateWriterDependencies, options: QueueWorkerOptions): Promise<QueueWorker<unknown>> {
  return createWorker<unknown>(queue, aggregateWriterProcessor(dependencies), options);
}
