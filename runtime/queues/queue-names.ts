/** Every queue the pipeline uses, one per stage (`ds-<stage>`). */
export const queueNames = {
  alertDelivery: 'ds-alert-delivery',
} as const;

/** Where a queue's jobs go when they cannot be processed: `<queue>-dead`, never consumed by a worker. */
export function deadLetterQueueName(queue: string): string {
  return `${queue}-dead`;
}
