import type {
  AuditOutcome, AuditRecordFilter, ConsoleAuditChainQuery, ConsoleAuditRecordsQuery, ConsoleAuditRecordsQueryVariables,
  ConsoleAddWantedVehicleMutation, ConsoleAddWantedVehicleMutationVariables, ConsoleCamerasQuery, ConsoleDecideHitMutation,
  ConsoleDecideHitMutationVariables, ConsoleHitEvidenceQuery, ConsoleHitFieldsFragment, ConsoleHitQuery, ConsoleOpenCaseMutation, ConsolePatrolInterceptionPlanQuery, ConsolePatrolUnitsQuery,
  ConsolePendingHitsQuery, ConsoleRevokeWantedVehicleMutation,
  ConsoleVehicleQuery, ConsoleVehicleQueryVariables, ConsoleWantedVehiclesQuery, PlateHistoryQuery, PlateHistoryQueryVariables,
} from '../../../operations/generated/operation-types.js';
import { runOperation } from './graphql-client.js';
import type { ConsoleSession } from './request-headers.js';

/** The console's operations (operations/console-*.graphql), typed by graphql-codegen. */
export type Hit = ConsoleHitFieldsFragment;
export type Camera = ConsoleCamerasQuery['cameras'][number];
export type WantedVehicle = ConsoleWantedVehiclesQuery['wantedVehicles'][number];
export type PatrolUnit = ConsolePatrolUnitsQuery['patrolUnits'][number];
export type VehicleAnswer = ConsoleVehicleQuery['wantedVehicle'];
export type Vehicle = NonNullable<NonNullable<VehicleAnswer>['vehicle']>;
export type PatrolPlan = NonNullable<NonNullable<ConsolePatrolInterceptionPlanQuery['vehicle']>['patrolInterceptionPlan']>;
export type AuditRecord = ConsoleAuditRecordsQuery['auditRecords'][number];
export type AuditChain = ConsoleAuditChainQuery['auditChain'];
export type { AuditOutcome, AuditRecordFilter };
export type PlateHistory = PlateHistoryQuery['plateHistory'];
export type HitEvidence = NonNullable<NonNullable<ConsoleHitEvidenceQuery['hit']>['evidence']>;

export const api = {
  cameras: (session: ConsoleSession) => runOperation<ConsoleCamerasQuery>(session, 'ConsoleCameras').then((data) => data.cameras),
  pendingHits: (session: ConsoleSession) => runOperation<ConsolePendingHitsQuery>(session, 'ConsolePendingHits').then((data) => data.hits),
  hit: (session: ConsoleSession, id: string) => runOperation<ConsoleHitQuery, { id: string }>(session, 'ConsoleHit', { id }).then((data) => data.hit),
  hitEvidence: (session: ConsoleSession, id: string) =>
    runOperation<ConsoleHitEvidenceQuery, { id: string }>(session, 'ConsoleHitEvidence', { id }).then((data) => data.hit?.evidence ?? null),
  decideHit: (session: ConsoleSession, variables: ConsoleDecideHitMutationVariables) =>
    runOperation<ConsoleDecideHitMutation, ConsoleDecideHitMutationVariables>(session, 'ConsoleDecideHit', variables).then((data) => data.decideHit),
  wantedVehicles: (session: ConsoleSession) => runOperation<ConsoleWantedVehiclesQuery>(session, 'ConsoleWantedVehicles').then((data) => data.wantedVehicles),
  patrolUnits: (session: ConsoleSession) => runOperation<ConsolePatrolUnitsQuery>(session, 'ConsolePatrolUnits').then((data) => data.patrolUnits),
  patrolPlan: (session: ConsoleSession, vehicleId: string) =>
    runOperation<ConsolePatrolInterceptionPlanQuery, { vehicleId: string }>(session, 'ConsolePatrolInterceptionPlan', { vehicleId }).then((data) => data.vehicle?.patrolInterceptionPlan ?? null),
  vehicle: (session: ConsoleSession, variables: ConsoleVehicleQueryVariables) =>
    runOperation<ConsoleVehicleQuery, ConsoleVehicleQueryVariables>(session, 'ConsoleVehicle', variables).then((data) => data.wantedVehicle),
  // The analysts' own trusted document (operations/plate-history.graphql) asks exactly what the search screen shows.
  plateHistory: (session: ConsoleSession, variables: PlateHistoryQueryVariables) =>
    runOperation<PlateHistoryQuery, PlateHistoryQueryVariables>(session, 'PlateHistory', variables).then((data) => data.plateHistory),
  addWantedVehicle: (session: ConsoleSession, variables: ConsoleAddWantedVehicleMutationVariables) =>
    runOperation<ConsoleAddWantedVehicleMutation, ConsoleAddWantedVehicleMutationVariables>(session, 'ConsoleAddWantedVehicle', variables).then((data) => data.addWantedVehicle),
  openCase: (session: ConsoleSession, caseNumber: string, title: string) =>
    runOperation<ConsoleOpenCaseMutation, { input: { caseNumber: string; title: string } }>(session, 'ConsoleOpenCase', { input: { caseNumber, title } }).then((data) => data.openCase),
  auditRecords: (session: ConsoleSession, variables: ConsoleAuditRecordsQueryVariables) =>
    runOperation<ConsoleAuditRecordsQuery, ConsoleAuditRecordsQueryVariables>(session, 'ConsoleAuditRecords', variables).then((data) => data.auditRecords),
  auditChain: (session: ConsoleSession) => runOperation<ConsoleAuditChainQuery>(session, 'ConsoleAuditChain').then((data) => data.auditChain),
  revokeWantedVehicle: (session: ConsoleSession, id: string, reason: string) =>
    runOperation<ConsoleRevokeWantedVehicleMutation, { id: string; reason: string }>(session, 'ConsoleRevokeWantedVehicle', { id, reason }).then((data) => data.revokeWantedVehicle),
};
