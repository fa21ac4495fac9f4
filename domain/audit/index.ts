export {
  accessEntrySchema, deletionReceiptEntrySchema, historySearchEntrySchema, evidenceAccessEntrySchema, auditEntrySchema, auditRecordSchema, genesisHash, genesisHead,
  type AccessEntry, type DeletionReceiptEntry, type HistorySearchEntry, type EvidenceAccessEntry, type AuditEntry, type AuditRecord, type AccessOutcome, type DeniedField,
  type ChainHead,
} from './audit-record.js';
export { canonicalJson } from './canonical-json.js';
export { sha256Hex } from './sha256-hex.js';
export { chainHash, sealAuditRecord, headOf, type ChainedContent } from './chain-hash.js';
export { encodeAuditLine, decodeAuditLine, type DecodedAuditLine } from './audit-line.js';
export {
  createAuditChainVerifier, verifyAuditChain,
  type AuditChainVerifier, type ChainBreak, type ChainBreakReason, type ChainVerdict, type ChainVerifierOptions,
} from './verify-audit-chain.js';
export { deletionDigest } from './deletion-digest.js';
export { operationFields, type OperationFields, type SelectedField } from './operation-fields.js';
export { readsPersonalData } from './personal-data-fields.js';
export { subgraphOwnershipFromSupergraph, type SubgraphOwnership } from './subgraph-ownership.js';
export { accessDecision, type ResponseError } from './access-decision.js';
