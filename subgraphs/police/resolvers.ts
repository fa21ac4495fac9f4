import { randomUUID } from 'node:crypto';
import type { Identity } from '../../domain/access/index.js';
import { codedGraphQLError } from '../../runtime/graphql/coded-graphql-error.js';
import { hitDecisionEventSchema, type HitDecisionEvent } from '../../runtime/alerts/hit-decision-log.js';
import { isStale, patrolStaleAfterMs, type PatrolUnitRecord } from '../../stores/patrol-units/patrol-unit-store.js';
import type { CaseRecord } from './case-store.js';
import { caseFromInput, caseNumberOf } from './case-input.js';
import type { PoliceContext } from './context.js';
import type { Case, Hit, PatrolUnit, Resolvers, WantedVehicle } from './generated/resolver-types.js';
import { hitDecisionFrom, hitFromInput } from './hit-input.js';
import { patrolPositionFromReport, patrolUnitFromRegistration } from './patrol-unit-input.js';
import type { HitRecord } from '../../stores/police/hit-store.js';
import { listSizeOf, requiredTextOf } from '../../runtime/graphql/scalar-arguments.js';
import { wantedVehicleFromInput } from './wanted-vehicle-input.js';
import { wantedStatusAt } from '../../stores/police/wanted-vehicle-status.js';
import type { WantedVehicleRecord } from '../../stores/police/wanted-vehicle-store.js';

// codegen.yml maps no police types, so the generated parent and result types are the full GraphQL objects. Stored
// records cross into GraphQL here; the field resolvers below supply what a record does not hold itself.
const asWantedVehicle = (entry: WantedVehicleRecord) => entry as unknown as WantedVehicle;
const asCase = (record: CaseRecord) => record as unknown as Case;
const asHit = (hit: HitRecord) => hit as unknown as Hit;
const wantedVehicleOf = (parent: unknown) => parent as WantedVehicleRecord;
const caseOf = (parent: unknown) => parent as CaseRecord;
const hitOf = (parent: unknown) => parent as HitRecord;
const asPatrolUnit = (unit: PatrolUnitRecord) => unit as unknown as PatrolUnit;
const patrolUnitOf = (parent: unknown) => parent as PatrolUnitRecord;

/** The verified caller; @access has already admitted them, so a missing identity is a wiring fault. */
function callerOf(context: PoliceContext): Identity {
  if (!context.access) throw codedGraphQLError('DS_AUTH_UNAUTHENTICATED', 'no verified identity');
  return context.access.identity;
}

function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw codedGraphQLError('DS_NOT_FOUND', `${what} does not exist`);
  return value;
}

/** What a decided hit announces and queues; a decision made before reason codes counts as OTHER. */
function decisionEventOf(hit: HitRecord): HitDecisionEvent {
  const event = hitDecisionEventSchema.safeParse({
    hitId: hit.id, wantedVehicleId: hit.wantedVehicleId, cameraId: hit.cameraId, capturedAt: hit.capturedAt, status: hit.status,
    decidedBy: hit.decidedBy, decidedAt: hit.decidedAt, reasonCode: hit.decisionReasonCode ?? 'OTHER',
  });
  if (!event.success) throw codedGraphQLError('DS_INTERNAL', `hit ${hit.id} cannot be announced as decided`);
  return event.data;
}

export const policeResolvers: Resolvers = {
  Query: {
    wantedVehicle: async (_, { id }, { wantedVehicles }) => {
      const entry = await wantedVehicles.find(id);
      return entry ? asWantedVehicle(entry) : null;
    },
    wantedVehicles: async (_, { status, first }, { wantedVehicles }) =>
      (await wantedVehicles.list(status, listSizeOf(first), Date.now())).map(asWantedVehicle),
    case: async (_, { caseNumber }, { cases }) => {
      const record = await cases.find(caseNumberOf(caseNumber));
      return record ? asCase(record) : null;
    },
    hits: async (_, { status, first }, { hits }) => (await hits.inStatus(status, listSizeOf(first))).map(asHit),
    hit: async (_, { id }, { hits }) => {
      const found = await hits.find(id);
      return found === undefined ? null : asHit(found);
    },
    patrolUnits: async (_, { includeStale, first }, { patrolUnits }) => {
      const size = listSizeOf(first);
      const units = includeStale ? await patrolUnits.list(size) : await patrolUnits.reportedSince(Date.now() - patrolStaleAfterMs, size);
      return units.sort((a, b) => a.id.localeCompare(b.id)).map(asPatrolUnit);
    },
    patrolUnit: async (_, { id }, { patrolUnits }) => {
      const unit = await patrolUnits.find(id);
      return unit ? asPatrolUnit(unit) : null;
    },
  },

  Mutation: {
    openCase: async (_, { input }, context) => {
      const record = caseFromInput(input, callerOf(context).agency, Date.now());
      if (!(await context.cases.create(record))) throw codedGraphQLError('DS_CONFLICT', `case ${record.caseNumber} already exists`);
      return asCase(record);
    },
    addWantedVehicle: async (_, { input }, context) => {
      const caller = callerOf(context);
      const entry = wantedVehicleFromInput(input, {
        id: `wv-${randomUUID()}`, owningAgency: caller.agency, createdBy: caller.subject, now: Date.now(),
      });
      if (!(await context.cases.exists(entry.caseNumber))) throw codedGraphQLError('DS_NOT_FOUND', `case ${entry.caseNumber} does not exist`);
      await context.wantedVehicles.add(entry);
      context.hotlistPublisher?.schedulePublication();
      return asWantedVehicle(entry);
    },
    revokeWantedVehicle: async (_, { id, reason }, context) => {
      const outcome = await context.wantedVehicles.revoke(id, {
        revokedAt: new Date().toISOString(), revokedBy: callerOf(context).subject, revocationReason: requiredTextOf(reason, 'reason'),
      });
      if (outcome === 'missing') throw codedGraphQLError('DS_NOT_FOUND', `wanted vehicle ${id} does not exist`);
      if (outcome === 'already-revoked') throw codedGraphQLError('DS_CONFLICT', `wanted vehicle ${id} is already revoked`);
      context.hotlistPublisher?.schedulePublication();
      return asWantedVehicle(found(await context.wantedVehicles.find(id), `wanted vehicle ${id}`));
    },
    recordHit: async (_, { input }, { hits, wantedVehicles }) => {
      const hit = hitFromInput(input);
      found(await wantedVehicles.find(hit.wantedVehicleId), `wanted vehicle ${hit.wantedVehicleId}`);
      const recordedNow = await hits.record(hit);
      const stored = found(await hits.find(hit.id), `hit ${hit.id}`);
      return { id: stored.id, status: stored.status, duplicate: !recordedNow };
    },
    decideHit: async (_, { id, decision, reason, reasonCode, note }, context) => {
      const record = hitDecisionFrom(decision, { reason, reasonCode, note }, callerOf(context).subject, Date.now());
      const hit = found(await context.hits.find(id), `hit ${id}`);
      const decided: HitRecord = { ...hit, ...record };
      const outcome = await context.hits.decide(id, record, { logKey: context.decisionLogKey, message: JSON.stringify(decisionEventOf(decided)) });
      if (!outcome.decided) {
        if (outcome.currentStatus === undefined) throw codedGraphQLError('DS_NOT_FOUND', `hit ${id} does not exist`);
        throw codedGraphQLError('DS_CONFLICT', `hit ${id} is already ${outcome.currentStatus}; only PENDING hits can be decided`);
      }
      // The decision and its log entry were written in one step; the graph writer relays the entry to the effects.
      return asHit(decided);
    },
    registerPatrolUnit: async (_, { input }, context) => {
      const unit = patrolUnitFromRegistration(input, callerOf(context).subject, Date.now());
      if (!(await context.patrolUnits.register(unit))) throw codedGraphQLError('DS_CONFLICT', `patrol unit ${unit.id} is already registered`);
      return asPatrolUnit(found(await context.patrolUnits.find(unit.id), `patrol unit ${unit.id}`));
    },
    reportPatrolPosition: async (_, { input }, { patrolUnits }) => {
      const { unitId, position } = patrolPositionFromReport(input, Date.now());
      const outcome = await patrolUnits.report(unitId, position);
      if (outcome === 'missing') throw codedGraphQLError('DS_NOT_FOUND', `patrol unit ${unitId} is not registered`);
      return { unitId, recorded: outcome === 'recorded' };
    },
  },

  WantedVehicle: {
    __resolveReference: async ({ id }, { wantedVehicles }) => {
      const entry = await wantedVehicles.find(id);
      return entry ? asWantedVehicle(entry) : null;
    },
    status: (parent) => wantedStatusAt(wantedVehicleOf(parent), Date.now()),
    case: async (parent, _, { cases }) => {
      const record = await cases.find(wantedVehicleOf(parent).caseNumber);
      return record ? asCase(record) : null;
    },
    hits: async (parent, { status, first }, { hits }) =>
      (await hits.ofWantedVehicle(wantedVehicleOf(parent).id, status ?? undefined)).slice(0, listSizeOf(first)).map(asHit),
  },

  Case: {
    __resolveReference: async ({ caseNumber }, { cases }) => {
      const record = await cases.find(caseNumberOf(caseNumber));
      return record ? asCase(record) : null;
    },
    wantedVehicles: async (parent, _, { wantedVehicles }) => (await wantedVehicles.ofCase(caseOf(parent).caseNumber)).map(asWantedVehicle),
  },

  Hit: {
    __resolveReference: async ({ id }, { hits }) => {
      const hit = await hits.find(id);
      return hit ? asHit(hit) : null;
    },
    wantedVehicle: async (parent, _, { wantedVehicles }) => {
      const { wantedVehicleId } = hitOf(parent);
      return asWantedVehicle(found(await wantedVehicles.find(wantedVehicleId), `wanted vehicle ${wantedVehicleId}`));
    },
    camera: (parent) => ({ __typename: 'Camera', id: hitOf(parent).cameraId }),
  },

  PatrolUnit: {
    __resolveReference: async ({ id }, { patrolUnits }) => {
      const unit = await patrolUnits.find(id);
      return unit ? asPatrolUnit(unit) : null;
    },
    position: (parent) => {
      const { latitude, longitude, reportedAt, headingDegrees, speedKmh } = patrolUnitOf(parent);
      if (latitude === undefined || longitude === undefined || reportedAt === undefined) return null;
      return { latitude, longitude, reportedAt, headingDegrees: headingDegrees ?? null, speedKmh: speedKmh ?? null };
    },
    stale: (parent) => isStale(patrolUnitOf(parent), Date.now()),
  },
};
