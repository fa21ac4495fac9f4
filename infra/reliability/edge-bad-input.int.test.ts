import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import type { MqttClient } from 'mqtt';
import { connectCamera } from '../../sim/replay/read-senders.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejectedTopic } from '../../edge/ingest/mqtt-ingest.js';
import { edgeReadStoreFile, openEdgeReadStore } from '../../edge/store/edge-read-store.js';
import { cameraAuthorization } from '../../runtime/identity/camera-credential.js';
import { expectedCodeFor, hostileStrings, malformedItems, readTextFields, readWith } from './bad-input-corpus.js';
import { testPlates } from './read-driver.js';
import { startReliabilityPipeline, type EdgeNode, type ReliabilityPipeline } from './reliability-pipeline.js';

const { wanted, unlisted } = testPlates(2, 4_242);
let pipeline: ReliabilityPipeline;
let node: EdgeNode;
let camera: MqttClient;
const rejections: { topic: string; body: string }[] = [];
/** Valid reads sent among the bad ones: each must be stored exactly as sent. */
const validSent = new Map<string, Record<string, unknown>>();

// Allowed by the schema and hostile-looking: stored as they are, only ever as a parameter value.
const plateImageRef = "https://img.example/p?q=');MATCH(n)DETACH%20DELETE(n);//&$x='1'";
const vehicleImageRef = 's3://frames/%27%20OR%201%3D1;--/%00/a.jpg';

let sequence = 0;
function validRead(extra: Record<string, unknown> = {}): Record<string, unknown> {
  const read = {
    readId: `ok-${sequence++}`, cameraId: node.cameras[0], capturedAt: new Date(Date.now() - 5_000).toISOString(),
    candidates: [{ text: unlisted(), confidence: 0.9 }], plateImageRef, vehicleImageRef, vehicleColour: 'white', vehicleType: 'car', ...extra,
  };
  return read;
}

function sentValid(read: Record<string, unknown>): Record<string, unknown> {
  validSent.set(read.readId as string, read);
  return read;
}

async function graphShape() {
  const listOf = async (query: string) => ((await pipeline.neo4j.executeQuery(query)).records[0]?.get('all') as string[]).sort();
  return {
    labels: await listOf('CALL db.labels() YIELD label RETURN collect(label) AS all'),
    propertyKeys: await listOf('CALL db.propertyKeys() YIELD propertyKey RETURN collect(propertyKey) AS all'),
    relationshipTypes: await listOf('CALL db.relationshipTypes() YIELD relationshipType RETURN collect(relationshipType) AS all'),
  };
}

async function countNodes(): Promise<number> {
  return (await pipeline.neo4j.executeQuery('MATCH (n) RETURN count(n) AS n')).records[0]?.get('n') as number;
}

/** The node's reads as its own store keeps them. */
async function storedReads(readIds: readonly string[]) {
  const file = edgeReadStoreFile(pipeline.edgeStateDir, node.municipality);
  if (!existsSync(file)) return [];
  const store = openEdgeReadStore({ file, municipalityId: node.municipality, existing: true });
  try {
    return (await store.storedReads(readIds)).map((read) => ({
      readId: read.readId, cameraId: read.cameraId, plates: read.candidates.map((c) => c.text),
      plateImageRef: read.plateImageRef ?? null, vehicleImageRef: read.vehicleImageRef ?? null,
    }));
  } finally {
    store.close();
  }
}

/** The tables, indexes and columns of the node's read store: no input may add one. */
function storeTables(): string[] {
  const db = new Database(edgeReadStoreFile(pipeline.edgeStateDir, node.municipality), { readonly: true, fileMustExist: true });
  try {
    const objects = db.prepare<[], { type: string; name: string; sql: string | null }>('SELECT type, name, sql FROM sqlite_schema ORDER BY type, name').all();
    return objects.map((o) => `${o.type} ${o.name}: ${o.sql ?? ''}`);
  } finally {
    db.close();
  }
}

async function untilStored(readIds: readonly string[]): Promise<void> {
  const deadline = Date.now() + 30_000;
  while ((await storedReads(readIds)).length < readIds.length && Date.now() < deadline) await sleep(200);
}

async function postRaw(path: string, body: string | Buffer, contentType = 'application/json') {
  const response = await fetch(`${node.url}${path}`, { method: 'POST', headers: { 'content-type': contentType, ...asCamera() }, body });
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) as { accepted?: number; rejected?: { index: number; code: string }[]; errors?: { extensions: { code: string } }[] } };
}

/** The credential of the camera every valid read names. */
const asCamera = () => ({ authorization: cameraAuthorization(node.tokens.get(node.cameras[0] as string) as string) });

const postBatch = (items: readonly unknown[]) => postRaw('/v1/reads', JSON.stringify(items));

function expectNoEcho(text: string): void {
  for (const hostile of hostileStrings) {
    expect(text).not.toContain(hostile.text.slice(0, 40));
    expect(text).not.toContain(JSON.stringify(hostile.text).slice(1, 41));
  }
}

/** Publishes on a reads topic and resolves to what the edge published back on a rejected topic, if anything within `waitMs`. */
async function publishForRejection(topic: string, payload: string | Buffer, waitMs = 10_000): Promise<unknown> {
  const before = rejections.length;
  await camera.publishAsync(topic, payload, { qos: 1 });
  const deadline = Date.now() + waitMs;
  while (rejections.length === before && Date.now() < deadline) await sleep(50);
  const message = rejections[before];
  return message === undefined ? undefined : JSON.parse(message.body);
}

const readsTopic = (cameraId: string) => `dongseon/${node.municipality}/cameras/${cameraId}/reads`;

let shapeBefore: Awaited<ReturnType<typeof graphShape>>;
let nodesBefore: number;
let storeTablesBefore: string[];

beforeAll(async () => {
  pipeline = await startReliabilityPipeline({ edges: 1, camerasPerEdge: 2, wanted, env: {} });
  node = pipeline.edges[0] as EdgeNode;
  // The MQTT corpus is sent as the second camera, with its own credential: it may publish its reads and read its rejections only.
  camera = await connectCamera(pipeline.mqttUrl, `dongseon-bad-input-camera-${node.municipality}`, node.tokens.get(node.cameras[1] as string) as string);
  await camera.subscribeAsync(rejectedTopic(node.municipality, node.cameras[1] as string), { qos: 1 });
  camera.on('message', (topic, payload) => rejections.push({ topic, body: payload.toString() }));
  // One valid read with every field first, so the store holds one of each kind before the corpus comes.
  const first = sentValid(validRead());
  expect((await postBatch([first])).status).toBe(202);
  await untilStored([first.readId as string]);
  shapeBefore = await graphShape();
  nodesBefore = await countNodes();
  storeTablesBefore = storeTables();
}, 240_000);

afterAll(async () => {
  await camera?.endAsync();
  await pipeline?.close();
}, 120_000);

describe('an edge node process under hostile and broken input', () => {
  it('answers every hostile string in every text field of a read with its code, and takes the valid reads around them', async () => {
    const cases = readTextFields.flatMap((field) => hostileStrings.map((hostile) => ({
      label: `${hostile.name} in ${field}`, item: readWith(field, hostile.text, validRead()), code: expectedCodeFor(field, hostile),
    })));
    const batch = cases.flatMap((testCase, i) => (i % 10 === 0 ? [sentValid(validRead()), testCase.item] : [testCase.item]));
    const response = await postBatch(batch);

    expect(response.status).toBe(202);
    const codeAt = new Map((response.json.rejected ?? []).map((rejection) => [rejection.index, rejection.code]));
    expect(cases.map((testCase) => `${testCase.label}: ${codeAt.get(batch.indexOf(testCase.item)) ?? 'accepted'}`))
      .toEqual(cases.map((testCase) => `${testCase.label}: ${testCase.code}`));
    expect(response.json.accepted).toBe(batch.length - cases.length);
    expectNoEcho(response.text);
  });

  it('answers reads of the wrong type or shape, and reads from a camera with a skewed clock, with their codes', async () => {
    const cases = malformedItems(validRead, Date.now());
    const duplicate = validRead();
    const batch = [...cases.map((testCase) => testCase.item), sentValid(duplicate), { ...duplicate }, sentValid(validRead({ capturedAt: new Date(Date.now() + 60_000).toISOString() }))];
    const response = await postBatch(batch);

    expect(response.status).toBe(202);
    expect(response.json.rejected?.map((rejection) => [rejection.index, rejection.code])).toEqual([
      ...cases.map((testCase, index) => [index, testCase.code]),
      [cases.length + 1, 'DS_READ_DUPLICATE_IN_BATCH'],
    ]);
    expect(response.json.accepted).toBe(2);
  });

  it('refuses broken and oversized bodies as a whole with their codes', async () => {
    const refusals = [
      { name: 'not JSON', send: () => postRaw('/v1/reads', '[{"readId": "a", '), status: 400, code: 'DS_BATCH_MALFORMED' },
      { name: 'an object, not an array', send: () => postRaw('/v1/reads', JSON.stringify(validRead())), status: 400, code: 'DS_BATCH_MALFORMED' },
      { name: 'null', send: () => postRaw('/v1/reads', 'null'), status: 400, code: 'DS_BATCH_MALFORMED' },
      { name: 'an empty body', send: () => postRaw('/v1/reads', ''), status: 400, code: 'DS_BATCH_MALFORMED' },
      { name: 'text/plain', send: () => postRaw('/v1/reads', '[]', 'text/plain'), status: 400, code: 'DS_BATCH_MALFORMED' },
      { name: 'a prototype-poisoning key', send: () => postRaw('/v1/reads', '[{"__proto__": {"hit": true}, "readId": "p-1"}]'), status: 400, code: 'DS_BATCH_MALFORMED' },
      { name: 'a constructor-poisoning key', send: () => postRaw('/v1/reads', '[{"constructor": {"prototype": {"hit": true}}}]'), status: 400, code: 'DS_BATCH_MALFORMED' },
      { name: 'arrays nested 100,000 deep', send: () => postRaw('/v1/reads', `${'['.repeat(100_000)}${']'.repeat(100_000)}`), status: 400, code: 'DS_READ_MALFORMED' },
      { name: '1,001 reads', send: () => postBatch(Array.from({ length: 1001 }, () => validRead())), status: 413, code: 'DS_BATCH_TOO_LARGE' },
      { name: 'a body of 2 MiB', send: () => postRaw('/v1/reads', JSON.stringify([validRead({ padding: 'x'.repeat(2 * 1024 * 1024) })])), status: 413, code: 'DS_BATCH_TOO_LARGE' },
    ];
    const outcomes = [];
    for (const refusal of refusals) {
      const response = await refusal.send();
      const code = response.json.errors?.[0]?.extensions.code ?? response.json.rejected?.[0]?.code;
      outcomes.push(`${refusal.name}: ${response.status} ${code}`);
    }
    expect(outcomes).toEqual(refusals.map((refusal) => `${refusal.name}: ${refusal.status} ${refusal.code}`));
  });

  it('answers hostile camera ids in the heartbeat path with a code, and never repeats them', async () => {
    for (const hostile of hostileStrings) {
      // Byte by byte: encodeURIComponent refuses a lone surrogate, which a hostile client sends anyway (as UTF-8's U+FFFD).
      const path = [...Buffer.from(hostile.text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
      const response = await fetch(`${node.url}/v1/cameras/${path}/heartbeat`, { method: 'POST', headers: asCamera() });
      const text = await response.text();
      expect([response.status, (JSON.parse(text) as { errors?: { extensions: { code: string } }[] }).errors?.[0]?.extensions.code], hostile.name)
        // Longer than a path parameter may be: refused by the router, before the route reads it.
        .toEqual(hostile.text.length > 100 ? [400, 'DS_INVALID_INPUT'] : [400, 'DS_READ_MALFORMED']);
      expectNoEcho(text);
    }
  });

  it('answers unknown paths with a code, without repeating them', async () => {
    for (const path of ['/v1/<script>alert(1)</script>', `/v1/reads/${"') MATCH (n) DETACH DELETE n //"}`, '/../../etc/passwd']) {
      const response = await fetch(`${node.url}${encodeURI(path)}`, { method: 'POST' });
      const text = await response.text();
      expect([response.status, (JSON.parse(text) as { errors?: { extensions: { code: string } }[] }).errors?.[0]?.extensions.code]).toEqual([404, 'DS_NOT_FOUND']);
      expectNoEcho(text);
      expect(text).not.toContain('script');
    }
  });

  it('answers the same corpus over MQTT on the camera\'s rejected topic, and refuses broken payloads as a whole', async () => {
    const cameraId = node.cameras[1] as string;
    const onTopic = (extra: Record<string, unknown> = {}) => validRead({ cameraId, ...extra });
    const cases = readTextFields.flatMap((field) => hostileStrings.map((hostile) => ({
      label: `${hostile.name} in ${field}`,
      item: readWith(field, hostile.text, onTopic()),
      // The topic names the camera: a read claiming any other is malformed before its id is looked at.
      code: field === 'cameraId' ? 'DS_READ_MALFORMED' : expectedCodeFor(field, hostile),
    })));
    const batch = [sentValid(onTopic()), ...cases.map((testCase) => testCase.item)];
    const answer = await publishForRejection(readsTopic(cameraId), JSON.stringify(batch)) as { accepted: number; rejected: { index: number; code: string }[] };
    expect(answer.accepted).toBe(1);
    expect(answer.rejected.map((rejection) => `${cases[rejection.index - 1]?.label}: ${rejection.code}`))
      .toEqual(cases.map((testCase) => `${testCase.label}: ${testCase.code}`));
    expectNoEcho(JSON.stringify(answer));

    const refused = async (payload: string | Buffer) =>
      ((await publishForRejection(readsTopic(cameraId), payload)) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code;
    expect(await refused('{"readId": ')).toBe('DS_BATCH_MALFORMED');
    expect(await refused(Buffer.from([0xff, 0xfe, 0x00, 0x5b]))).toBe('DS_BATCH_MALFORMED');
    expect(await refused(JSON.stringify(Array.from({ length: 1001 }, () => onTopic())))).toBe('DS_BATCH_TOO_LARGE');
    expect(await refused('x'.repeat(1024 * 1024 + 1))).toBe('DS_BATCH_TOO_LARGE');

    // A topic naming no well-formed camera: the broker drops it (not the camera's own topic), nothing is taken, and
    // nothing is published back to a topic built from it.
    const before = rejections.length;
    await camera.publishAsync(readsTopic("x';DROP(n)"), JSON.stringify([onTopic({ cameraId: "x';DROP(n)" })]), { qos: 1 });
    await sleep(1_000);
    expect(rejections.slice(before)).toEqual([]);
  });

  it('stays up and healthy, stores the valid reads as sent, and lets no input become a label, a property or a relationship', async () => {
    const health = await fetch(`${node.url}/health`);
    expect(health.status).toBe(200);
    expect(pipeline.running().filter((service) => service.child.exitCode !== null).map((service) => service.service.name)).toEqual([]);

    const readIds = [...validSent.keys()];
    await untilStored(readIds);
    const stored = await storedReads(readIds);
    expect(stored.map((read) => read.readId as string).sort()).toEqual([...readIds].sort());
    for (const read of stored) {
      const sent = validSent.get(read.readId as string) as { cameraId: string; candidates: { text: string }[] };
      expect(read).toEqual({
        readId: read.readId, cameraId: sent.cameraId, plates: sent.candidates.map((candidate) => candidate.text), plateImageRef, vehicleImageRef,
      });
    }

    // Raw reads stay in the node's own store: the region's graph neither grows nor changes shape.
    expect(await graphShape()).toEqual(shapeBefore);
    expect(await countNodes()).toBe(nodesBefore);
    expect(storeTables()).toEqual(storeTablesBefore);
    const { records } = await pipeline.neo4j.executeQuery(
      'MATCH (n) WHERE any(key IN keys(n) WHERE n[key] IS :: STRING AND any(hostile IN $hostile WHERE n[key] CONTAINS hostile)) RETURN count(n) AS n',
      { hostile: hostileStrings.map((hostile) => hostile.text) },
    );
    expect(records[0]?.get('n')).toBe(0);
  });
});
