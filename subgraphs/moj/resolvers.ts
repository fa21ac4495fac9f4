import type { MojContext } from './context.js';
import { instantOf } from '../../runtime/graphql/scalar-arguments.js';
import type {
  MonitoredSubjectGeofenceEventsArgs, MonitoredSubjectResolvers, QueryMonitoredSubjectArgs, QueryMonitoredSubjectsArgs,
  QueryResolvers,
} from './generated/resolver-types.js';
import { listSizeOf } from '../../runtime/graphql/scalar-arguments.js';
import type { SubjectSummary } from './subject-records.js';

// A subject resolves to its summary; each further field reads its own facts, so a query reads no more personal
// data than it asks for. Resolvers take the generated argument types and each map is checked against the generated
// field names; mercurius's own resolver type is the boundary cast in server.ts.
type FieldsOf<Resolvers> = { readonly [Field in keyof Resolvers]?: unknown };

const subjectsDefaultFirst = 50;

const Query = {
  monitoredSubject: async (_root: unknown, { id }: QueryMonitoredSubjectArgs, { subjects }: MojContext) =>
    (await subjects.find(id)) ?? null,
  monitoredSubjects: (_root: unknown, { riskLevel, first }: QueryMonitoredSubjectsArgs, { subjects }: MojContext) =>
    subjects.list({ ...(riskLevel ? { riskLevel } : {}), first: listSizeOf(first, subjectsDefaultFirst) }),
} satisfies FieldsOf<QueryResolvers>;

const MonitoredSubject = {
  __resolveReference: async (reference: { id: string }, _args: unknown, { subjects }: MojContext) =>
    (await subjects.find(reference.id)) ?? null,
  latestPosition: async (subject: SubjectSummary, _args: unknown, { subjects }: MojContext) =>
    (await subjects.latestPosition(subject.id)) ?? null,
  geofenceEvents: (subject: SubjectSummary, { since }: MonitoredSubjectGeofenceEventsArgs, { subjects }: MojContext) =>
    subjects.geofenceEvents(subject.id, since === null || since === undefined ? undefined : instantOf(since, 'geofenceEvents.since')),
  linkedVehicles: (subject: SubjectSummary, _args: unknown, { subjects }: MojContext) => subjects.linkedVehicles(subject.id),
} satisfies FieldsOf<MonitoredSubjectResolvers>;

export const mojResolvers = { Query, MonitoredSubject };
