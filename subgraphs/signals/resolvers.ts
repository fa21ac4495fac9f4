import { geoPositionProblem, nearestByDistance, type GeoPosition } from '../../domain/geo/index.js';
import { codedGraphQLError } from '../../runtime/graphql/coded-graphql-error.js';
import type { SignalsContext } from './context.js';
import { formatInstant, instantOf } from '../../runtime/graphql/scalar-arguments.js';
import type {
  ApproachHourlyVolumesArgs, ApproachResolvers, CameraResolvers, IntersectionPhasePlanArgs, IntersectionResolvers,
  MutationRecordHourlyVolumesArgs, MutationResolvers, QueryIntersectionArgs, QueryIntersectionsArgs, QueryResolvers,
} from './generated/resolver-types.js';
import { hourlyVolumeEntries, maximumVolumesPerCall } from './hourly-volume-input.js';
import type { ApproachRecord, IntersectionRecord } from './intersection-records.js';
import { listSizeOf } from '../../runtime/graphql/scalar-arguments.js';
import { selectPhasePlan } from './phase-plan-selection.js';

// Resolvers return store records rather than the generated object types (an approach's volumes are a field with
// arguments), so each resolver takes the generated argument types and each map is checked against the generated
// field names; mercurius's own resolver type is the boundary cast in server.ts.
type FieldsOf<Resolvers> = { readonly [Field in keyof Resolvers]?: unknown };

/** What the gateway sends for a camera: its key and, for the fields that @require it, its position. */
interface CameraRepresentation {
  readonly id: string;
  readonly position?: GeoPosition | null;
}

const intersectionsDefaultFirst = 100;
/** A year of hours: the longest range one hourlyVolumes call answers. */
const maximumVolumeRangeMs = 366 * 24 * 3_600_000;

function invalidInput(message: string, problems: readonly string[] = [message]): never {
  throw codedGraphQLError('DS_INVALID_INPUT', message, { problems });
}

function cameraPosition(camera: CameraRepresentation): GeoPosition {
  const position = camera.position;
  if (position === undefined || position === null) {
    invalidInput(`Camera "${camera.id}": the representation carries no position (required by @requires)`);
  }
  const problem = geoPositionProblem(position);
  if (problem) invalidInput(`Camera "${camera.id}": position ${problem}`);
  return position;
}

async function nearestIntersectionTo(camera: CameraRepresentation, context: SignalsContext) {
  const position = cameraPosition(camera);
  return nearestByDistance(position, await context.allIntersections(), (intersection) => intersection.position);
}

const Query = {
  intersection: async (_root: unknown, { id }: QueryIntersectionArgs, { intersections }: SignalsContext) =>
    (await intersections.find(id)) ?? null,
  intersections: (_root: unknown, { first }: QueryIntersectionsArgs, { intersections }: SignalsContext) =>
    intersections.list(listSizeOf(first, intersectionsDefaultFirst)),
} satisfies FieldsOf<QueryResolvers>;

const Mutation = {
  async recordHourlyVolumes(_root: unknown, { volumes }: MutationRecordHourlyVolumesArgs, context: SignalsContext) {
    if (volumes.length > maximumVolumesPerCall) {
      throw codedGraphQLError('DS_QUERY_LIST_TOO_LARGE', `recordHourlyVolumes takes at most ${maximumVolumesPerCall} counts per call (got ${volumes.length})`);
    }
    const { entries, problems } = hourlyVolumeEntries(volumes);
    const owners = await context.intersections.intersectionIdsOfApproaches([...new Set(volumes.map((volume) => volume.approachId))]);
    volumes.forEach((volume, index) => {
      if (!owners.has(volume.approachId)) problems.push(`volumes[${index}].approachId: approach "${volume.approachId}" does not exist`);
    });
    if (problems.length > 0) invalidInput(`recordHourlyVolumes: ${problems.join('; ')}`, problems);
    await context.hourlyVolumes.record(entries);
    return entries.length;
  },
} satisfies FieldsOf<MutationResolvers>;

const Intersection = {
  __resolveReference: async (reference: { id: string }, _args: unknown, { intersections }: SignalsContext) =>
    (await intersections.find(reference.id)) ?? null,
  phasePlan(intersection: IntersectionRecord, { hour }: IntersectionPhasePlanArgs, context: SignalsContext) {
    const atHour = hour ?? context.localHourNow();
    if (!Number.isInteger(atHour) || atHour < 0 || atHour > 23) invalidInput(`phasePlan: hour must be 0 to 23 (got ${atHour})`);
    return selectPhasePlan(intersection.phasePlans, atHour) ?? null;
  },
} satisfies FieldsOf<IntersectionResolvers>;

const Approach = {
  async hourlyVolumes(approach: ApproachRecord, { from, to }: ApproachHourlyVolumesArgs, { hourlyVolumes }: SignalsContext) {
    const fromMs = instantOf(from, 'hourlyVolumes.from');
    const toMs = instantOf(to, 'hourlyVolumes.to');
    if (!(fromMs < toMs)) invalidInput(`hourlyVolumes: from (${from}) must be before to (${to})`);
    if (toMs - fromMs > maximumVolumeRangeMs) {
      throw codedGraphQLError('DS_QUERY_LIST_TOO_LARGE', 'hourlyVolumes: the range may span at most 366 days');
    }
    const volumes = await hourlyVolumes.range(approach.id, fromMs, toMs);
    return volumes.map((volume) => ({ hourStart: formatInstant(volume.hourStartMs), vehicles: volume.vehicles }));
  },
} satisfies FieldsOf<ApproachResolvers>;

const Camera = {
  nearestIntersection: async (camera: CameraRepresentation, _args: unknown, context: SignalsContext) =>
    (await nearestIntersectionTo(camera, context))?.item ?? null,
  distanceToNearestIntersectionMeters: async (camera: CameraRepresentation, _args: unknown, context: SignalsContext) =>
    (await nearestIntersectionTo(camera, context))?.distanceMeters ?? null,
} satisfies FieldsOf<CameraResolvers>;

export const signalsResolvers = { Query, Mutation, Intersection, Approach, Camera };
