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

/**
 * Loads the demo region's cases and wanted vehicles into an empty store. Seed entries pass the same validation as
 * entries added through the API and keep their ids; each is written only if absent, so replicas starting together
 * cannot seed twice.
 */
export async function seedDemoRegionWhenEmpty(stores: { cases: CaseStore; wantedVehicles: WantedVehicleStore }, now = Date.now()): Promise<boolean> {
  if ((await stores.cases.count()) > 0 || (await stores.wantedVehicles.count()) > 0) return false;
  const seed = policeSeedSchema.parse(JSON.parse(readFileSync(demoRegionPoliceFile, 'utf8')));
  for (const record of seed.cases) await stores.cases.create(record);
  for (const { id, ...input } of seed.wantedVehicles) {
    await stores.wantedVehicles.add(wantedVehicleFromInput(input, { id, owningAgency: 'police', createdBy: seededBy, now }));
  }
  return true;
}
