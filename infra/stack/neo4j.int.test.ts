import { randomUUID } from 'node:crypto';
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';

const endpoint = inject('stackEndpoints').neo4j;
let driver: Driver;

beforeAll(() => {
  driver = neo4j.driver(endpoint.uri, neo4j.auth.basic(endpoint.user, endpoint.password), { disableLosslessIntegers: true });
});

afterAll(async () => {
  await driver.close();
});

describe('Neo4j in the stack', () => {
  it('reads back over Bolt a node it wrote with Cypher', async () => {
    const id = randomUUID();
    await driver.executeQuery('CREATE (:StackTestCamera {id: $id, lanes: 3})', { id });
    const { records } = await driver.executeQuery(
      'MATCH (camera:StackTestCamera {id: $id}) RETURN camera.lanes AS lanes',
      { id },
      { routing: 'READ' },
    );
    expect(records.map((record) => record.get('lanes') as unknown)).toEqual([3]);
    await driver.executeQuery('MATCH (camera:StackTestCamera {id: $id}) DELETE camera', { id });
  });

  it('refuses a wrong password', async () => {
    const intruder = neo4j.driver(endpoint.uri, neo4j.auth.basic(endpoint.user, `${endpoint.password}-wrong`));
    await expect(intruder.executeQuery('RETURN 1')).rejects.toMatchObject({ code: 'Neo.ClientError.Security.Unauthorized' });
    await intruder.close();
  });
});
