import { randomBytes } from 'node:crypto';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { edgeReadLabel } from './edge-read-store.js';
import { warmUpMunicipalityOf, warmUpReadStore } from './warm-up-read-store.js';

const endpoint = inject('stackEndpoints').neo4j;
const municipalityId = `t${randomBytes(6).toString('hex')}`;
const scratch = warmUpMunicipalityOf(municipalityId);
let driver: Driver;

beforeAll(() => {
  driver = neo4j.driver(endpoint.uri, neo4j.auth.basic(endpoint.user, endpoint.password), { disableLosslessIntegers: true });
});

afterAll(async () => {
  await driver.executeQuery(`DROP CONSTRAINT edge_${scratch}_read_id IF EXISTS`);
  await driver.executeQuery(`DROP INDEX edge_${scratch}_captured_at IF EXISTS`);
  await driver.executeQuery(`DROP INDEX edge_${scratch}_store_seq IF EXISTS`);
  await driver.close();
});

describe('the read store warm-up', () => {
  it('writes through the store\'s write path under a scratch label of its own and leaves nothing behind', async () => {
    const done = await warmUpReadStore(driver, municipalityId, { durationMs: 300, readsPerWrite: 200 });
    expect(done.writes).toBeGreaterThanOrEqual(1);
    expect(done.reads).toBe(done.writes * 200);
    expect(edgeReadLabel(scratch)).not.toBe(edgeReadLabel(municipalityId));
    const left = await driver.executeQuery(`MATCH (r:${edgeReadLabel(scratch)}) RETURN count(r) AS n`);
    expect(left.records[0]?.get('n')).toBe(0);
    const state = await driver.executeQuery('MATCH (s:EdgeStoreState {municipality: $m}) RETURN count(s) AS n', { m: scratch });
    expect(state.records[0]?.get('n')).toBe(0);
    const own = await driver.executeQuery(`MATCH (r:${edgeReadLabel(municipalityId)}) RETURN count(r) AS n`);
    expect(own.records[0]?.get('n')).toBe(0);
  });
});
