import type { AuditRecord } from '../../domain/audit/index.js';
import { codedGraphQLError } from '../../runtime/graphql/coded-graphql-error.js';
import { instantOf, listSizeOf } from '../../runtime/graphql/scalar-arguments.js';
import type {
  AuditOutcome, AuditRecordFilter, AuditRecordKind, AuditRecord as AuditRecordView,
} from './generated/resolver-types.js';

/** A validated filter: every condition given must hold. */
export interface AuditRecordQuery {
  readonly fromMs?: number;
  readonly toMs?: number;
  readonly subject?: string;
  readonly agency?: string;
  readonly operation?: string;
  /** Lower-cased; matched as a substring of the lower-cased purpose. */
  readonly purpose?: string;
  readonly caseNumber?: string;
  readonly outcome?: AuditOutcome;
  readonly kind?: AuditRecordKind;
  /** Only records older than this sequence (the cursor of the page before). */
  readonly beforeSequence?: number;
  readonly first: number;
}

const textLimits = { subject: 200, agency: 100, operation: 200, purpose: 500, caseNumber: 100 } as const;

function textOf(value: string | null | undefined, name: keyof typeof textLimits): string | undefined {
  if (value === null || value === undefined) return undefined;
  const text = value.normalize('NFC').trim();
  if (text === '') throw codedGraphQLError('DS_INVALID_INPUT', `filter.${name} must not be empty (leave it out to match any)`);
  if ([...text].length > textLimits[name]) throw codedGraphQLError('DS_INVALID_INPUT', `filter.${name} must be at most ${textLimits[name]} characters`);
  return text;
}

const cursorPrefix = 'audit-sequence:';

/** The cursor after a record: opaque to clients, it names the record's sequence. */
export const cursorOf = (sequence: number): string => Buffer.from(`${cursorPrefix}${sequence}`).toString('base64url');

function sequenceOfCursor(cursor: string): number {
  const text = /^[A-Za-z0-9_-]{1,64}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  const match = /^audit-sequence:([1-9]\d{0,15})$/.exec(text);
  if (!match) throw codedGraphQLError('DS_INVALID_INPUT', 'after must be an endCursor returned by auditRecords');
  return Number(match[1]);
}

/** The arguments of `auditRecords`, validated; a bad value is DS_INVALID_INPUT (or DS_QUERY_LIST_TOO_LARGE) naming it. */
export function auditRecordQueryOf(args: { filter?: AuditRecordFilter | null; first?: number | null; after?: string | null }): AuditRecordQuery {
  const filter = args.filter ?? {};
  const fromMs = filter.from == null ? undefined : instantOf(filter.from, 'filter.from');
  const toMs = filter.to == null ? undefined : instantOf(filter.to, 'filter.to');
  if (fromMs !== undefined && toMs !== undefined && toMs <= fromMs) throw codedGraphQLError('DS_INVALID_INPUT', 'filter.to must be later than filter.from');
  const purpose = textOf(filter.purpose, 'purpose');
  const conditions = {
    fromMs, toMs,
    subject: textOf(filter.subject, 'subject'),
    agency: textOf(filter.agency, 'agency'),
    operation: textOf(filter.operation, 'operation'),
    purpose: purpose?.toLowerCase(),
    caseNumber: textOf(filter.caseNumber, 'caseNumber'),
    outcome: filter.outcome ?? undefined,
    kind: filter.kind ?? undefined,
    beforeSequence: args.after == null ? undefined : sequenceOfCursor(args.after),
  };
  const defined = Object.fromEntries(Object.entries(conditions).filter(([, value]) => value !== undefined));
  return { ...defined, first: listSizeOf(args.first, 50) };
}

const kindOf = {
  access: 'ACCESS', 'deletion-receipt': 'DELETION_RECEIPT', 'history-search': 'HISTORY_SEARCH', 'evidence-access': 'EVIDENCE_ACCESS',
} as const satisfies Record<AuditRecord['kind'], AuditRecordKind>;

const outcomeOf = (record: AuditRecord): AuditOutcome | null =>
  record.kind === 'deletion-receipt' ? null : (record.decision.outcome.toUpperCase() as AuditOutcome);

/** Whether a record meets every condition of the query. */
export function matchesAuditQuery(record: AuditRecord, query: AuditRecordQuery): boolean {
  if (query.beforeSequence !== undefined && record.sequence >= query.beforeSequence) return false;
  if (query.kind !== undefined && kindOf[record.kind] !== query.kind) return false;
  if (query.fromMs !== undefined || query.toMs !== undefined) {
    const timeMs = Date.parse(record.time);
    if (query.fromMs !== undefined && timeMs < query.fromMs) return false;
    if (query.toMs !== undefined && timeMs >= query.toMs) return false;
  }
  if (query.subject !== undefined && record.subject !== query.subject) return false;
  if (query.agency !== undefined && record.agency !== query.agency) return false;
  if (query.operation !== undefined && (record.kind !== 'access' || record.operation.name !== query.operation)) return false;
  const stated = record.kind === 'deletion-receipt' ? { purpose: null, caseNumber: null } : record;
  if (query.caseNumber !== undefined && stated.caseNumber !== query.caseNumber) return false;
  if (query.purpose !== undefined && !(stated.purpose ?? '').toLowerCase().includes(query.purpose)) return false;
  if (query.outcome !== undefined && outcomeOf(record) !== query.outcome) return false;
  return true;
}

/** A record as the API shows it: the fields of every kind, null or empty where a kind has none. */
export function auditRecordView(record: AuditRecord): AuditRecordView {
  const common = {
    sequence: record.sequence, time: record.time, kind: kindOf[record.kind], requestId: record.requestId,
    subject: record.subject, agency: record.agency, hash: record.hash, previousHash: record.previousHash, cursor: cursorOf(record.sequence),
    outcome: outcomeOf(record), operation: null, fields: [], subgraphs: [], denied: [], deniedCode: null, hitId: null,
    purpose: null, caseNumber: null,
  };
  switch (record.kind) {
    case 'access':
      return {
        ...common, purpose: record.purpose, caseNumber: record.caseNumber,
        operation: { hash: record.operation.hash, name: record.operation.name, type: record.operation.type.toUpperCase() as 'QUERY' | 'MUTATION' | 'SUBSCRIPTION' },
        fields: record.fields, subgraphs: record.subgraphs, denied: record.decision.denied,
      };
    case 'history-search':
      return { ...common, purpose: record.purpose, caseNumber: record.caseNumber, deniedCode: record.decision.code };
    case 'evidence-access':
      return { ...common, purpose: record.purpose, caseNumber: record.caseNumber, deniedCode: record.decision.code, hitId: record.hitId };
    case 'deletion-receipt':
      return common;
  }
}

/**
 * The first `first` matching records of a newest-first stream: it stops reading as soon as the page is full, so a
 * page costs what lies between the log's end and its oldest record (see README).
 */
export async function newestMatching(newestFirst: AsyncIterable<AuditRecord>, query: AuditRecordQuery): Promise<AuditRecord[]> {
  const page: AuditRecord[] = [];
  if (query.first === 0) return page;
  for await (const record of newestFirst) {
    if (!matchesAuditQuery(record, query)) continue;
    page.push(record);
    if (page.length === query.first) break;
  }
  return page;
}
