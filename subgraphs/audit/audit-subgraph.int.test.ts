import { randomUUID } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Identity } from '../../domain/access/index.js';
import { caseNumberHeaderName, purposeHeaderName } from '../../gateway/gateway-context.js';
import { startInProcessHub, type InProcessHub } from '../../infra/services/in-process-hub.js';
import { auditFileName } from '../../runtime/audit/audit-files.js';
import { sampleUsers } from '../../runtime/identity/sample-users.js';

/**
 * The supervisors' audit view through the real gateway and audit subgraph, over the log the gateway itself writes
 * (the in-process hub's own audit directory), with the console's trusted document.
 */

const consoleAudit = await readFile(new URL('../../operations/console-audit.graphql', import.meta.url), 'utf8');
const run = randomUUID().slice(0, 8);
const investigation = { purpose: '도주 차량 추적', caseNumber: `2026-경기남부-${run}` };
const review = { purpose: '정기 감사: 개인정보 열람 기록 점검', caseNumber: `AUDIT-2026-${run}` };
let hub: InProcessHub;

interface Answer {
  readonly status: number;
  readonly data?: Record<string, unknown> | null;
  readonly errors?: { message: string; extensions: { code: string } }[];
}

async function ask(who: Identity, query: string, variables: Record<string, unknown> = {}, stated?: { purpose: string; caseNumber: string }, operationName?: string): Promise<Answer> {
  const response = await fetch(hub.gatewayUrl, {
    method: 'POST',
    headers: {
      'content-type': 'application/json', authorization: `Bearer ${await hub.tokenFor(who)}`,
      ...(stated ? { [purposeHeaderName]: encodeURIComponent(stated.purpose), [caseNumberHeaderName]: encodeURIComponent(stated.caseNumber) } : {}),
    },
    body: JSON.stringify({ query, variables, ...(operationName ? { operationName } : {}) }),
  });
  return { status: response.status, ...((await response.json()) as Omit<Answer, 'status'>) };
}

interface AuditRecordView {
  sequence: number;
  subject: string;
  purpose: string | null;
  caseNumber: string | null;
  kind: string;
  outcome: string | null;
  operation: { name: string | null; type: string } | null;
  fields: string[];
  cursor: string;
}

const auditRecords = async (variables: Record<string, unknown>, who: Identity = sampleUsers.supervisor) =>
  ask(who, consoleAudit, variables, review, 'ConsoleAuditRecords');
const recordsOf = (answer: Answer) => answer.data?.auditRecords as AuditRecordView[];
const codesOf = (answer: Answer) => answer.errors?.map((error) => error.extensions.code);

beforeAll(async () => {
  hub = await startInProcessHub({ endpoints: inject('stackEndpoints') });
}, 120_000);

afterAll(async () => {
  await hub.close();
});

describe('the audit view through the gateway', () => {
  it('shows a personal-data query with who asked, why and for which case, and that a supervisor looked at it', async () => {
    const looked = await ask(sampleUsers['police-officer'], `query LookAtHits_${run} { hits(first: 1) { id } }`, {}, investigation);
    expect(looked.errors).toBeUndefined();

    const answer = await auditRecords({ filter: { caseNumber: investigation.caseNumber } });
    expect(answer.errors).toBeUndefined();
    expect(recordsOf(answer)).toEqual([expect.objectContaining({
      kind: 'ACCESS', subject: 'police-officer-kim', agency: 'police', purpose: investigation.purpose, caseNumber: investigation.caseNumber,
      outcome: 'ALLOWED', operation: expect.objectContaining({ name: `LookAtHits_${run}`, type: 'QUERY' }), fields: ['Query.hits', 'Hit.id'].sort(),
    })]);

    // Reading the audit is itself an audited access to personal data.
    const ownLook = recordsOf(await auditRecords({ filter: { subject: 'supervisor-han', caseNumber: review.caseNumber, operation: 'ConsoleAuditRecords' } }));
    expect(ownLook.length).toBeGreaterThanOrEqual(1);
    expect(ownLook[0]).toMatchObject({ subject: 'supervisor-han', purpose: review.purpose, outcome: 'ALLOWED', fields: expect.arrayContaining(['Query.auditRecords', 'AuditRecord.subject']) });
  });

  it('pages newest first by cursor, and filters by outcome', async () => {
    await ask(sampleUsers['city-operator'], `query RefusedHits_${run} { hits(first: 1) { id } }`, {}, investigation);
    const all = recordsOf(await auditRecords({ first: 100 }));
    const sequences = all.map((record) => record.sequence);
    expect(sequences).toEqual([...sequences].sort((a, b) => b - a));
    const firstPage = recordsOf(await auditRecords({ first: 2 }));
    const nextPage = recordsOf(await auditRecords({ first: 2, after: firstPage[1]?.cursor }));
    expect(nextPage[0]?.sequence).toBeLessThan(firstPage[1]?.sequence as number);
    const denied = recordsOf(await auditRecords({ filter: { outcome: 'DENIED', caseNumber: investigation.caseNumber } }));
    expect(denied).toEqual([expect.objectContaining({ subject: 'city-operator-choi', outcome: 'DENIED', operation: expect.objectContaining({ name: `RefusedHits_${run}` }) })]);
  });

  it('is for supervisors only, with a purpose and a case number, and refuses bad filters with codes', async () => {
    expect(codesOf(await auditRecords({}, sampleUsers['police-investigator']))).toEqual(['DS_AUTH_FORBIDDEN']);
    expect(codesOf(await ask(sampleUsers.supervisor, consoleAudit, {}, undefined, 'ConsoleAuditRecords'))).toEqual(['DS_AUTH_PURPOSE_REQUIRED']);
    expect(codesOf(await ask(sampleUsers['police-investigator'], consoleAudit, {}, review, 'ConsoleAuditChain'))).toEqual(['DS_AUTH_FORBIDDEN']);
    expect(codesOf(await auditRecords({ filter: { from: '2026-12-08T02:00:00Z', to: '2026-12-08T01:00:00Z' } }))).toEqual(['DS_INVALID_INPUT']);
    expect(codesOf(await auditRecords({ filter: { from: 'yesterday' } }))).toEqual(['DS_INVALID_INPUT']);
    expect(codesOf(await auditRecords({ after: 'no-such-cursor' }))).toEqual(['DS_INVALID_INPUT']);
    expect(codesOf(await auditRecords({ first: 501 }))).toEqual(['DS_QUERY_LIST_TOO_LARGE']);
  });

  it('verifies the chain, and a tampered log file shows verified: false with the file, the line and why', async () => {
    const chain = async () => (await ask(sampleUsers.supervisor, consoleAudit, {}, undefined, 'ConsoleAuditChain')).data?.auditChain as Record<string, unknown>;
    const whole = await chain();
    expect(whole).toMatchObject({ verified: true, files: 1, firstBroken: null, head: { sequence: whole.records } });
    expect(whole.records).toBeGreaterThanOrEqual(5);

    const file = join(hub.auditDir, auditFileName(1));
    const lines = (await readFile(file, 'utf8')).split('\n');
    const looked = lines.findIndex((line) => line.includes(`LookAtHits_${run}`));
    lines[looked] = (lines[looked] as string).replace('police-officer-kim', 'police-officer-lee');
    await writeFile(file, lines.join('\n'));

    expect(await chain()).toMatchObject({
      verified: false, head: null, records: looked,
      firstBroken: { file: 'audit-000001.jsonl', line: looked + 1, reason: 'EDITED', detail: expect.stringContaining('does not match its hash') },
    });
  });
});
