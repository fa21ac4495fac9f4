import { once } from 'node:events';
import type { Redis } from 'ioredis';
import { setTimeout as sleep } from 'node:timers/promises';
import { alertLogKey, parseAlertLogEntry, type AlertEvent } from '../../runtime/alerts/alert-channel.js';
import { hitDecisionLogKey, parseHitDecisionLogEntry, type HitDecisionEvent } from '../../runtime/alerts/hit-decision-log.js';
import { codedGraphQLError } from '../../runtime/graphql/coded-graphql-error.js';

/** Decides one event for one subscriber: true delivers, false skips, a throw ends the subscription with it. */
export type EventAdmission<Event> = (event: Event) => boolean;
export type AlertAdmission = EventAdmission<AlertEvent>;

export interface EventFeed<Event> {
  subscribe(admit: EventAdmission<Event>): AsyncIterableIterator<Event>;
  readonly subscriberCount: number;
  close(): Promise<void>;
}

export type AlertFeed = EventFeed<AlertEvent>;
export type HitDecisionFeed = EventFeed<HitDecisionEvent>;

/** Which durable log a feed reads, and how an entry's fields become an event. */
export interface EventLog<Event> {
  readonly key: string;
  /** What the log holds, for messages: `alert`, `hit decision`. */
  readonly what: string;
  parse(fields: readonly string[]): Event | undefined;
}

export interface AlertFeedOptions {
  /** Events held for a subscriber that does not keep up; past this it is dropped with a coded error. */
  readonly maxQueuedPerSubscriber?: number;
  readonly log?: (line: string) => void;
  /** How long one XREAD waits for new entries before it is issued again; bounds how long `close` takes. */
  readonly blockMs?: number;
}

interface Subscriber<Event> {
  readonly iterator: AsyncIterableIterator<Event>;
  offer(event: Event): void;
  end(): void;
}

function createSubscriber<Event>(admit: EventAdmission<Event>, maxQueued: number, what: string, onEnd: () => void): Subscriber<Event> {
  const queue: Event[] = [];
  let waiting: { resolve(result: IteratorResult<Event>): void; reject(error: unknown): void } | undefined;
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

  const offer = (event: Event) => {
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
      finish({ error: codedGraphQLError('DS_REALTIME_SUBSCRIBER_TOO_SLOW', `more than ${maxQueued} ${what}s waited for this subscriber; subscribe again`) });
    } else {
      queue.push(event);
    }
  };

  // Hand-written rather than an async generator: return() must end a subscription that is waiting for its next
  // event at once, not when (if ever) the next event arrives.
  const iterator: AsyncIterableIterator<Event> = {
    next() {
      if (queue.length > 0) return Promise.resolve({ done: false, value: queue.shift() as Event });
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
 * Events from a durable log (a Redis stream), fanned out in process to each subscription. `reader` is a connection
 * of its own: it blocks on XREAD. The feed remembers the last entry it read, so after a Redis restart or a dropped
 * connection it goes on from there and no event appended meanwhile is missed; it starts at the end of the log, so a
 * new gateway replays nothing old.
 */
export async function openEventLogFeed<Event>(reader: Redis, eventLog: EventLog<Event>, options: AlertFeedOptions = {}): Promise<EventFeed<Event>> {
  const log = options.log ?? console.error;
  const maxQueued = options.maxQueuedPerSubscriber ?? 1_000;
  const blockMs = options.blockMs ?? 1_000;
  const { key, what } = eventLog;
  const subscribers = new Set<Subscriber<Event>>();
  if (reader.status === 'wait') await reader.connect();
  else if (reader.status !== 'ready') await once(reader, 'ready');
  let lastId = (await reader.xrevrange(key, '+', '-', 'COUNT', 1))[0]?.[0] ?? '0-0';
  let closed = false;

  const readLog = async (): Promise<void> => {
    while (!closed) {
      let batches: [string, [string, string[]][]][] | null;
      try {
        batches = await reader.xread('COUNT', 500, 'BLOCK', blockMs, 'STREAMS', key, lastId) as [string, [string, string[]][]][] | null;
      } catch (error) {
        if (closed) return;
        log(`[realtime] reading ${key} failed, retrying from ${lastId}: ${error instanceof Error ? error.message : String(error)}`);
        await sleep(500);
        continue;
      }
      for (const [, entries] of batches ?? []) {
        for (const [id, fields] of entries) {
          lastId = id;
          const event = eventLog.parse(fields);
          if (event === undefined) {
            log(`[realtime] ignored an entry of ${key} that holds no ${what}`);
            continue;
          }
          for (const entry of subscribers) entry.offer(event);
        }
      }
    }
  };
  const reading = readLog();

  return {
    subscribe(admit) {
      const entry = createSubscriber(admit, maxQueued, what, () => subscribers.delete(entry));
      subscribers.add(entry);
      return entry.iterator;
    },
    get subscriberCount() {
      return subscribers.size;
    },
    async close() {
      closed = true;
      for (const entry of [...subscribers]) entry.end();
      // The read in flight returns within blockMs.
      await reading;
    },
  };
}

/** Alerts from the durable alert log (`ds:alerts:log`); see {@link openEventLogFeed}. */
export function openAlertFeed(reader: Redis, options: AlertFeedOptions = {}): Promise<AlertFeed> {
  return openEventLogFeed(reader, { key: alertLogKey, what: 'alert', parse: parseAlertLogEntry }, options);
}

/** Operators' hit decisions from their durable log (`ds:hit-decisions:log` unless `key` is given). */
export function openHitDecisionFeed(reader: Redis, options: AlertFeedOptions & { readonly key?: string } = {}): Promise<HitDecisionFeed> {
  return openEventLogFeed(reader, { key: options.key ?? hitDecisionLogKey, what: 'hit decision', parse: parseHitDecisionLogEntry }, options);
}
