import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Identity } from '../../domain/access/index.js';
import { caseNumberHeaderName, purposeHeaderName } from '../../gateway/gateway-context.js';
import { startInProcessHub, type InProcessHub } from '../../infra/services/in-process-hub.js';
import { auditFileName } from '../../runtime/audit/audit-files.js';
import { sampleUsers } from '../../runtime/identity/sample-users.js';

const caseNumber = '2026-경기남부-0142';
const purpose = '수배 차량 판정';
const run = randomUUID().slice(0, 8);
let hub: InProcessHub;

async function ask(who: Identity, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(hub.gatewayUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json', authorization: `Bearer ${await hub.tokenFor(who)}`,
      [purposeHeaderName]: encodeURIComponent(purpose), [caseNumberHeaderName]: encodeURIComponent(caseNumber),
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: Record<string, unknown> | null; errors?: { extensions: { code: string } }[] };
}

async function auditRecordOf(operationName: string): Promise<Record<string, unknown> | undefined> {
  const lines = (await readFile(join(hub.auditDir, auditFileName(1)), 'utf8')).trim().split('\n').map((line) => JSON.parse(line) as Record<string, unknown>);
  return lines.find((line) => (line.operation as { name?: string }).name === operationName);
}

beforeAll(async () => {
  hub = await startInProcessHub({ endpoints: inject('stackEndpoints') });
}, 120_000);

afterAll(async () => {
  await hub.close();
});

describe('hit decisions through the gateway', () => {
  it('are audited like every personal-data mutation: who decided, why they looked, and whether it was served', async () => {
    const recorded = await ask(sampleUsers['edge-node'], 'mutation($input: HitInput!) { recordHit(input: $input) { id } }', {
      input: {
        wantedVehicleId: 'wv-0001', cameraId: 'cam-suwon-01', capturedAt: '2026-11-25T09:00:00+09:00', receivedAt: '2026-11-25T09:00:01+09:00',
        matchKind: 'EXACT', confidence: 0.93,
      },
    });
    const hitId = (recorded.data?.recordHit as { id: string }).id;
    const decide = (name: string) => `mutation ${name}($id: ID!) { decideHit(id: $id, decision: ACCEPT, reasonCode: PLATE_CONFIRMED, note: "번호판 확인") { id status decidedBy decisionReasonCode decisionNote } }`;

    const refusedName = `DecideRefused_${run}`;
    const refused = await ask(sampleUsers['city-operator'], decide(refusedName), { id: hitId });
    expect(refused.errors?.map((error) => error.extensions.code)).toEqual(['DS_AUTH_FORBIDDEN']);
    expect(await auditRecordOf(refusedName)).toMatchObject({ kind: 'access', subject: 'city-operator-choi', decision: { outcome: 'denied' } });

    const allowedName = `DecideAllowed_${run}`;
    const decided = await ask(sampleUsers['police-officer'], decide(allowedName), { id: hitId });
    expect(decided.data?.decideHit).toEqual({ id: hitId, status: 'ACCEPTED', decidedBy: 'police-officer-kim', decisionReasonCode: 'PLATE_CONFIRMED', decisionNote: '번호판 확인' });
    const record = await auditRecordOf(allowedName);
    expect(record).toMatchObject({
      kind: 'access', subject: 'police-officer-kim', agency: 'police', purpose, caseNumber,
      operation: { name: allowedName, type: 'mutation' }, subgraphs: expect.arrayContaining(['police']), decision: { outcome: 'allowed', denied: [] },
    });
    expect(record?.fields).toEqual(expect.arrayContaining(['Mutation.decideHit', 'Hit.decisionReasonCode', 'Hit.decisionNote']));
  });
});
