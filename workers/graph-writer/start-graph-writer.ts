import { createWorker, type QueueWorker, type QueueWorkerOptions } from '../../runtime/queues/create-worker.js';
import { graphWriterProcessor, type GraphWriterDependencies } from './graph-writer-processor.js';

/** Starts the graph writer on `queue` (`ds-region-hits` in production); the dependencies stay the caller's to close. */
export function startGraphWriter(queue: string, dependencies: GraphWriterDependencies, options: QueueWorkerOptions): Promise<QueueWorker<unknown>> {
  return createWorker<unknown>(queue, graphWriterProcessor(dependencies), options);
}
