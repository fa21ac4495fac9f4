import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { caseRecordSchema, type CaseStore } from './case-store.js';
import { wantedVehicleFromInput } from './wanted-vehicle-input.js';
import { wantedReasons, type WantedVehicleStore } from '../../stores/police/wanted-vehicle-store.js';

const demoRegionPoliceFile = new URL('../../data/demo-region/police.json', import.meta.url);

const policeSeedSchema = z.object({
  cases: z.array(caseRecordSchema),
  wantedVehicles: z.array(z.object({
    id: z.string(),
    plate: z.string().optional(),
    platePattern: z.string().optional(),
    reason: z.enum(wantedReasons),
    priority: z.number(),
    validFrom: z.string(),
    validUntil: z.string().optional(),
    caseNumber: z.string(),
  })),
});

const seededBy = 'seed:data/demo-region/police.json';

type PoliceSeedStores = { cases: CaseStore; wantedVehicles: WantedVehicleStore };

/** True when the stores hold a case or wanted vehicle that is not the seed's: they are in use. */
async function holdsEntriesBeyond(stores: PoliceSeedStores, caseNumbers: ReadonlySet<string>, wantedIds: ReadonlySet<string>): Promise<boolean> {
  // The counts first, so a store in use is never listed in full.
  if ((await stores.cases.count()) > caseNumbers.size || (await stores.wantedVehicles.count()) > wantedIds.size) return true;
  const [cases, wanted] = await Promise.all([stores.cases.caseNumbers(), stores.wantedVehicles.ids()]);
  return cases.some((caseNumber) => !caseNumbers.has(caseNumber)) || wanted.some((id) => !wantedIds.has(id));
}

/**
 * Loads the demo region's cases and wanted vehicles into stores that hold nothing but seed entries: empty ones, or
 * ones whose seeding stopped midway, which are completed. Stores in use beyond the seed are left alone. Seed entries
 * pass the same validation as entries added through the API and keep their ids; each is written only if absent, so
 * replicas starting together cannot seed twice and an entry changed since (a revocation) is kept. False when the
 * stores were left alone.
 */
export async function seedDemoRegion(stores: PoliceSeedStores, now = Date.now()): Promise<boolean> {
  const seed = policeSeedSchema.parse(JSON.parse(readFileSync(demoRegionPoliceFile, 'utf8')));
  const caseNumbers = new Set(seed.cases.map((record) => record.caseNumber));
  const wantedIds = new Set(seed.wantedVehicles.map((entry) => entry.id));
  if (await holdsEntriesBeyond(stores, caseNumbers, wantedIds)) return false;
  for (const record of seed.cases) await stores.cases.create(record);
  for (const { id, ...input } of seed.wantedVehicles) {
    await stores.wantedVehicles.add(wantedVehicleFromInput(input, { id, owningAgency: 'police', createdBy: seededBy, now }));
  }
  return true;
}
