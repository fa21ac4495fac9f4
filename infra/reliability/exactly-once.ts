import { hitIdOf } from '../../edge/matcher/match-read-batch.js';
import { alertIdFor } from '../../workers/graph-writer/graph-writer-processor.js';
import type { WantedPass } from './read-driver.js';

/** What the pipeline promised: the reads it acknowledged (read id → the edge's municipality) and the passes they make. */
export interface PipelineLedger {
  readonly acknowledged: Map<string, string>;
  readonly passes: WantedPass[];
}

export const emptyLedger = (): PipelineLedger => ({ acknowledged: new Map(), passes: [] });

/** Where an alert or a hit says a wanted vehicle was. */
export interface PassEvidence {
  readonly id: string;
  readonly wantedVehicleId: string;
  readonly cameraId: string;
}

/** What the pipeline did, as seen at each place it writes to. */
export interface PipelineOutcome {
  /** How often each acknowledged read id is in its edge's store. */
  readonly storedReads: ReadonlyMap<string, number>;
  /** Every hit in the police store, with its status. */
  readonly policeHits: readonly (PassEvidence & { readonly status: string })[];
  /** Every sighting in the regional graph. */
  readonly sightings: readonly PassEvidence[];
  /** Every alert in the durable alert log (the Redis stream `ds:alerts:log`), repeats included. */
  readonly channelAlerts: readonly PassEvidence[];
  /** What the CAD receiver accepted (it keeps one delivery per delivery id). */
  readonly cadDeliveries: readonly (PassEvidence & { readonly deliveryId: string })[];
  /** Jobs not done: failed, dead-lettered, or still waiting, per queue. */
  readonly unfinishedJobs: readonly string[];
}

const passKey = (evidence: { wantedVehicleId: string; cameraId: string }) => `${evidence.wantedVehicleId}@${evidence.cameraId}`;

function byPass<T extends PassEvidence>(items: readonly T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const item of items) grouped.set(passKey(item), [...(grouped.get(passKey(item)) ?? []), item]);
  return grouped;
}

/**
 * Everything that breaks "every acknowledged read is stored once, every pass of a wanted vehicle is one hit, one
 * sighting, one alert on the channel and one CAD delivery, under one id", as lines a person can read; none when the
 * pipeline kept its promise. The channel is at-least-once by design (a graph writer that dies between publishing an
 * alert and noting it publishes it again), so an alert repeated under its own id is not a violation there.
 */
export function exactlyOnceViolations(ledger: PipelineLedger, outcome: PipelineOutcome): string[] {
  const violations: string[] = [];
  for (const readId of ledger.acknowledged.keys()) {
    const stored = outcome.storedReads.get(readId) ?? 0;
    if (stored !== 1) violations.push(`read ${readId} stored ${stored} times`);
  }
  const expected = new Map(ledger.passes.map((pass) => [passKey(pass), pass]));
  const hitIdsOf = (pass: WantedPass) => new Set(pass.readIds.map((readId) => hitIdOf(pass.municipality, readId, pass.wantedVehicleId)));
  const hits = byPass(outcome.policeHits);

  const checkOnce = (what: string, found: Map<string, readonly PassEvidence[]>, idOf: (hitId: string) => string) => {
    for (const [key, pass] of expected) {
      const ids = [...new Set((found.get(key) ?? []).map((item) => item.id))];
      if (ids.length !== 1) {
        violations.push(`pass ${key}: ${ids.length} ${what} (${ids.join(', ')})`);
        continue;
      }
      const id = ids[0] as string;
      const hitId = [...hitIdsOf(pass)].find((candidate) => idOf(candidate) === id);
      if (hitId === undefined) violations.push(`pass ${key}: ${what} ${id} is not named after one of its reads`);
      else if (what !== 'police hits' && !(hits.get(key) ?? []).some((hit) => hit.id === hitId)) {
        violations.push(`pass ${key}: ${what} ${id} is not its police hit ${hits.get(key)?.[0]?.id ?? '(none)'}`);
      }
    }
    for (const key of found.keys()) if (!expected.has(key)) violations.push(`${what} for ${key}, which no read passed`);
  };
  checkOnce('police hits', hits, (hitId) => hitId);
  checkOnce('sightings', byPass(outcome.sightings), (hitId) => hitId);
  checkOnce('channel alerts', byPass(outcome.channelAlerts), alertIdFor);
  checkOnce('CAD deliveries', byPass(outcome.cadDeliveries), alertIdFor);
  for (const hit of outcome.policeHits) if (hit.status !== 'PENDING') violations.push(`police hit ${hit.id} is ${hit.status}, not PENDING`);
  for (const delivery of outcome.cadDeliveries) {
    if (delivery.deliveryId !== delivery.id) violations.push(`CAD delivery ${delivery.deliveryId} carries alert ${delivery.id}`);
  }
  violations.push(...outcome.unfinishedJobs);
  return violations;
}
