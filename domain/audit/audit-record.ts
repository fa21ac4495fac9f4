import { z } from 'zod';

const sha256Digest = z.string().regex(/^[0-9a-f]{64}$/, 'expected 64 lower-case hex digits');
const fieldCoordinate = z.string().regex(/^[_A-Za-z][_0-9A-Za-z]*\.[_A-Za-z][_0-9A-Za-z]*$/, 'expected Type.field');
const errorCode = z.string().regex(/^DS_[A-Z0-9_]+$/, 'expected a DS_ error code');

/** One access to personal data through the gateway: who, why, what, and what they were given. */
export const accessEntrySchema = z.strictObject({
  kind: z.literal('access'),
  requestId: z.string().min(1),
  subject: z.string().min(1),
  agency: z.string().min(1),
  purpose: z.string().nullable(),
  caseNumber: z.string().nullable(),
  operation: z.strictObject({
    /** sha256 of the document text as the client sent it (the trusted-document id for printed documents). */
    hash: sha256Digest,
    name: z.string().nullable(),
    type: z.enum(['query', 'mutation', 'subscription']),
  }),
  /** Every field coordinate the operation selects, fragments included, sorted. */
  fields: z.array(fieldCoordinate),
  /** The subgraphs that own those fields, per the supergraph's join directives, sorted. */
  subgraphs: z.array(z.string().min(1)),
  decision: z.strictObject({
    /** allowed: no personal field refused; partial: some refused; denied: every personal field refused. */
    outcome: z.enum(['allowed', 'partial', 'denied']),
    denied: z.array(z.strictObject({ coordinate: fieldCoordinate, code: errorCode })),
  }),
});

/** Proof that a retention rule purged data: how much, which (as a digest of the ids), and under which rule. */
export const deletionReceiptEntrySchema = z.strictObject({
  kind: z.literal('deletion-receipt'),
  /** The purge run, echoed in the purging process's own log. */
  requestId: z.string().min(1),
  /** The process or operator that purged. */
  subject: z.string().min(1),
  /** The agency whose data was purged. */
  agency: z.string().min(1),
  rule: z.strictObject({ name: z.string().min(1), retentionDays: z.number().int().positive() }),
  /** Data captured before this instant was purged. */
  cutoff: z.iso.datetime(),
  /** Purged items per kind, e.g. `{ "plateReads": 1204 }`. */
  counts: z.record(z.string().regex(/^[A-Za-z][A-Za-z0-9_-]*$/, 'expected a kind name like plateReads'), z.number().int().nonnegative()),
  /** `deletionDigest` of the purged ids. */
  digest: sha256Digest,
});

/**
 * One case-bound history search an edge node answered or refused, written by that edge before it answers: who
 * asked and why, which plate, which window, and how many reads it gave.
 */
export const historySearchEntrySchema = z.strictObject({
  kind: z.literal('history-search'),
  /** The search, the same on every edge node asked, so their records can be put side by side. */
  requestId: z.string().min(1),
  subject: z.string().min(1),
  agency: z.string().min(1),
  purpose: z.string().nullable(),
  caseNumber: z.string().nullable(),
  /**
   * The searched plate as its keyed hotlist digest (`hotlistKeyFor`): whoever holds the key can check whether a
   * given plate was searched, and the log lists no plate under investigation in clear.
   */
  plate: z.strictObject({ keyId: z.string().min(1), digest: z.string().regex(/^[0-9a-f]{32}$/, 'expected 32 lower-case hex digits') }),
  from: z.iso.datetime(),
  to: z.iso.datetime(),
  /** allowed: the reads were given; denied: none, for the code's reason. */
  decision: z.strictObject({ outcome: z.enum(['allowed', 'denied']), code: errorCode.nullable() }),
  /** What was given: reads, and how many of them were hits. */
  counts: z.strictObject({ reads: z.number().int().nonnegative(), hits: z.number().int().nonnegative() }),
});

/**
 * One look at a hit's evidence (the plate crop the edge's recogniser read), answered or refused by the edge node that
 * keeps it, written before the image is sent: who, why, which hit.
 */
export const evidenceAccessEntrySchema = z.strictObject({
  kind: z.literal('evidence-access'),
  /** The signed request's id. */
  requestId: z.string().min(1),
  subject: z.string().min(1),
  agency: z.string().min(1),
  purpose: z.string().nullable(),
  caseNumber: z.string().nullable(),
  /** The hit (`<municipality>:<readId>:<wantedVehicleId>`): it names no plate. */
  hitId: z.string().min(1).max(400),
  decision: z.strictObject({ outcome: z.enum(['allowed', 'denied']), code: errorCode.nullable() }),
});

export const auditEntrySchema = z.discriminatedUnion('kind', [accessEntrySchema, deletionReceiptEntrySchema, historySearchEntrySchema, evidenceAccessEntrySchema]);

const chainFields = {
  /** 1 for the first record ever written; +1 per record, across file rotations. */
  sequence: z.number().int().positive(),
  time: z.iso.datetime(),
  /** `hash` of the record before, or `genesisHash` for the first. */
  previousHash: sha256Digest,
  /** `chainHash(previousHash, record)`. */
  hash: sha256Digest,
};

export const auditRecordSchema = z.discriminatedUnion('kind', [
  accessEntrySchema.extend(chainFields),
  deletionReceiptEntrySchema.extend(chainFields),
  historySearchEntrySchema.extend(chainFields),
  evidenceAccessEntrySchema.extend(chainFields),
]);

export type AccessEntry = z.infer<typeof accessEntrySchema>;
export type DeletionReceiptEntry = z.infer<typeof deletionReceiptEntrySchema>;
export type HistorySearchEntry = z.infer<typeof historySearchEntrySchema>;
export type EvidenceAccessEntry = z.infer<typeof evidenceAccessEntrySchema>;
export type AuditEntry = z.infer<typeof auditEntrySchema>;
export type AuditRecord = z.infer<typeof auditRecordSchema>;
export type AccessOutcome = AccessEntry['decision']['outcome'];
export type DeniedField = AccessEntry['decision']['denied'][number];

/** The end of a chain: what the next record links to. */
export interface ChainHead {
  readonly sequence: number;
  readonly hash: string;
}

/** The `previousHash` of the first record ever written. */
export const genesisHash = '0'.repeat(64);
export const genesisHead: ChainHead = { sequence: 0, hash: genesisHash };
