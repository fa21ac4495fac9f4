import { once } from 'node:events';
import type { Redis } from 'ioredis';
import { alertChannel, parseAlertEvent, type AlertEvent } from '../../runtime/alerts/alert-channel.js';
import { codedGraphQLError } from '../../runtime/graphql/coded-graphql-error.js';

/** Decides one event for one subscriber: true delivers, false skips, a throw ends the subscription with it. */
export type AlertAdmission = (event: AlertEvent) => boolean;

export interface AlertFeed {
  subscribe(admit: AlertAdmission): AsyncIterableIterator<AlertEvent>;
  readonly subscriberCount: number;
  close(): Promise<void>;
}

export interface AlertFeedOptions {
  /** Events held for a subscriber that does not keep up; past this it is dropped with a coded error. */
  readonly maxQueuedPerSubscriber?: number;
  readonly log?: (line: string) => void;
}

interface Subscriber {
  readonly iterator: AsyncIterableIterator<AlertEvent>;
  offer(event: AlertEvent): void;
  end(): void;
}

function createSubscriber(admit: AlertAdmission, maxQueued: number, onEnd: () => void): Subscriber {
  const queue: AlertEvent[] = [];
  let waiting: { resolve(result: IteratorResult<AlertEvent>): void; reject(error: unknown): void } | undefined;
  let failure: { error: unknown } | undefined;
  let ended = false;

  const finish = (error?: { error: unknown }) => {
    if (ended) return;
    ended = true;
    queue.length = 0;
    onEnd();
    const pending = waiting;
    waiting = undefined;
    if (error && pending) pending.reject(error.error);
    else if (error) failure = error;
    else pending?.resolve({ done: true, value: undefined });
  };

  const offer = (event: AlertEvent) => {
    if (ended) return;
    let admitted: boolean;
    try {
      admitted = admit(event);
    } catch (error) {
      finish({ error });
      return;
    }
    if (!admitted) return;
    if (waiting) {
      const pending = waiting;
      waiting = undefined;
      pending.resolve({ done: false, value: event });
    } else if (queue.length >= maxQueued) {
      finish({ error: codedGraphQLError('DS_REALTIME_SUBSCRIBER_TOO_SLOW', `more than ${maxQueued} alerts waited for this subscriber; subscribe again`) });
    } else {
      queue.push(event);
    }
  };

  // Hand-written rather than an async generator: return() must end a subscription that is waiting for its next
  // event at once, not when (if ever) the next event arrives.
  const iterator: AsyncIterableIterator<AlertEvent> = {
    next() {
      const event = queue.shift();
      if (event) return Promise.resolve({ done: false, value: event });
      if (failure) {
        const { error } = failure;
        failure = undefined;
        return Promise.reject(error);
      }
      if (ended) return Promise.resolve({ done: true, value: undefined });
      return new Promise((resolve, reject) => {
        waiting = { resolve, reject };
      });
    },
    return() {
      finish();
      return Promise.resolve({ done: true, value: undefined });
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
  return { iterator, offer, end: () => finish() };
}

/**
 * Alerts from the Redis channel, fanned out in process to each subscription. `subscriber` is a connection of its own:
 * once subscribed, Redis accepts no other commands on it.
 */
export async function openAlertFeed(subscriber: Redis, options: AlertFeedOptions = {}): Promise<AlertFeed> {
  const log = options.log ?? console.error;
  const maxQueued = options.maxQueuedPerSubscriber ?? 1_000;
  const subscribers = new Set<Subscriber>();
  subscriber.on('message', (channel: string, message: string) => {
    if (channel !== alertChannel) return;
    const event = parseAlertEvent(message);
    if (!event) {
      log(`[realtime] ignored a message on ${alertChannel} that is not an alert`);
      return;
    }
    for (const entry of subscribers) entry.offer(event);
  });
  // ioredis sends a SUBSCRIBE issued mid-handshake before its own ready check, whose INFO Redis then refuses in
  // subscriber mode, dropping the connection: subscribe only once the connection is ready.
  if (subscriber.status === 'wait') await subscriber.connect();
  else if (subscriber.status !== 'ready') await once(subscriber, 'ready');
  await subscriber.subscribe(alertChannel);
  return {
    subscribe(admit) {
      const entry = createSubscriber(admit, maxQueued, () => subscribers.delete(entry));
      subscribers.add(entry);
      return entry.iterator;
    },
    get subscriberCount() {
      return subscribers.size;
    },
    async close() {
      for (const entry of [...subscribers]) entry.end();
      await subscriber.unsubscribe(alertChannel);
    },
  };
}
