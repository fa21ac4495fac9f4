import { DongseonError } from '../../domain/errors/index.js';
import { listAuditFiles } from '../../runtime/audit/audit-files.js';
import { readAuditRecordsNewestFirst } from '../../runtime/audit/read-audit-records.js';
import { verifyAuditLog } from '../../runtime/audit/verify-audit-log.js';
import { codedGraphQLError } from '../../runtime/graphql/coded-graphql-error.js';
import { listSizeOf } from '../../runtime/graphql/scalar-arguments.js';
import type { AuditChainBreakReason, Resolvers } from './generated/resolver-types.js';
import { auditRecordQueryOf, auditRecordView, newestMatching } from './audit-record-query.js';

/** A missing log directory (no gateway has written yet) is a coded refusal, never an internal error. */
async function readingTheLog<Result>(read: () => Promise<Result>): Promise<Result> {
  try {
    return await read();
  } catch (error) {
    if (error instanceof DongseonError && error.code === 'DS_NOT_FOUND') throw codedGraphQLError('DS_NOT_FOUND', 'the audit log has no directory yet: no gateway has written to it');
    throw error;
  }
}

const breakReasonOf = (reason: string) => reason.toUpperCase().replace('-', '_') as AuditChainBreakReason;

export const auditResolvers: Resolvers = {
  AuditRecord: {
    denied: (record, { first }) => record.denied.slice(0, listSizeOf(first, 10)),
  },
  Query: {
    auditRecords: async (_, args, { auditDir }) => {
      const query = auditRecordQueryOf(args);
      return (await readingTheLog(() => newestMatching(readAuditRecordsNewestFirst(auditDir), query))).map(auditRecordView);
    },
    auditChain: async (_, __, { auditDir }) => {
      const verifiedAt = new Date().toISOString();
      const verdict = await readingTheLog(() => verifyAuditLog(auditDir));
      if (!verdict.ok) {
        return {
          verified: false, verifiedAt, files: (await listAuditFiles(auditDir)).length, records: verdict.recordsBefore, head: null, unterminated: null, tornTails: [],
          firstBroken: { file: verdict.position.file, line: verdict.position.line, reason: breakReasonOf(verdict.reason), detail: verdict.detail },
        };
      }
      return {
        verified: true, verifiedAt, files: verdict.files, records: verdict.records,
        head: verdict.records === 0 ? null : verdict.head, firstBroken: null, unterminated: verdict.unterminated ?? null, tornTails: [...verdict.tornTails],
      };
    },
  },
};
