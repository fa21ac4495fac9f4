import { codedGraphQLError } from '../../runtime/graphql/coded-graphql-error.js';
import type { Camera, Resolvers, Sighting, SightingPath, Vehicle } from './generated/resolver-types.js';
import { instantOf, listSizeOf } from '../../runtime/graphql/scalar-arguments.js';
import type { CameraRow, SightingRow } from './sighting-store.js';
import { interceptionPlan, nextCameras, patrolInterceptionPlan, reachableSet, trackingAnswerResolvers, vehicleRoute } from './tracking-ai.js';

// codegen.yml maps no tracking types, so the generated parent and result types are the full GraphQL objects. Graph
// rows cross into GraphQL here; the field resolvers below supply what a row does not hold itself.
const asVehicle = (id: string) => ({ id }) as unknown as Vehicle;
const asSighting = (row: SightingRow) => row as unknown as Sighting;
const asCamera = (row: CameraRow) => row as unknown as Camera;
const vehicleOf = (parent: unknown) => parent as { readonly id: string };
const sightingOf = (parent: unknown) => parent as SightingRow;
const cameraOf = (parent: unknown) => parent as CameraRow;

// The tracking AI's answers hold store rows where the schema has Sighting and Camera objects (see tracking-ai.ts).
const asAnswer = <T>(answer: unknown) => answer as T;
const optionalSighting = (row: SightingRow | undefined) => (row ? asSighting(row) : null);

function found<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw codedGraphQLError('DS_NOT_FOUND', `${what} does not exist`);
  return value;
}

/** The capture window of a `sightings(from, to)` or `route(from, to)` selection, validated. */
function captureWindowOf(from: string | null | undefined, to: string | null | undefined) {
  const fromMs = from == null ? undefined : instantOf(from, 'from');
  const toMs = to == null ? undefined : instantOf(to, 'to');
  if (fromMs !== undefined && toMs !== undefined && toMs <= fromMs) throw codedGraphQLError('DS_INVALID_INPUT', 'to must be later than from');
  return { ...(from == null ? {} : { from }), ...(to == null ? {} : { to }) };
}

export const trackingResolvers: Resolvers = {
  Query: {
    vehicle: async (_, { id }, { sightings }) => ((await sightings.isSighted(id)) ? asVehicle(id) : null),
    vehiclesSeenIn: async (_, { municipalityId, since, first }, { sightings }) => {
      instantOf(since, 'since');
      return (await sightings.vehiclesSeenIn(municipalityId, since, listSizeOf(first))).map(asVehicle);
    },
    sightingPath: async (_, { fromSightingId, toSightingId }, { sightings, roads }) => {
      const from = found(await sightings.sighting(fromSightingId), `sighting ${fromSightingId}`);
      const to = found(await sightings.sighting(toSightingId), `sighting ${toSightingId}`);
      const elapsedSeconds = (Date.parse(to.capturedAt) - Date.parse(from.capturedAt)) / 1000;
      const ends = { from: asSighting(from), to: asSighting(to), elapsedSeconds };
      if (from.camera.id === to.camera.id) {
        return { ...ends, cameras: [asCamera(from.camera)], lengthMeters: 0, freeFlowSeconds: 0 } satisfies SightingPath;
      }
      const path = await roads.fastestPath(from.camera.id, to.camera.id);
      return path ? { ...ends, ...path, cameras: path.cameras.map(asCamera) } : null;
    },
    vehicleRoute: async (_, { vehicleId, from, to }, context) => asAnswer(await vehicleRoute(context, vehicleId, captureWindowOf(from, to))),
    nextCameras: async (_, { vehicleId }, context) => asAnswer(await nextCameras(context, vehicleId)),
    reachableSet: async (_, { vehicleId, withinMinutes }, context) => asAnswer(await reachableSet(context, vehicleId, withinMinutes)),
    interceptionPlan: async (_, { vehicleId, units, at }, context) => asAnswer(await interceptionPlan(context, vehicleId, units, at)),
    patrolInterceptionPlan: async (_, { vehicleId, at }, context) => asAnswer(await patrolInterceptionPlan(context, vehicleId, at)),
  },

  Vehicle: {
    __resolveReference: async ({ id }, { sightings }) => ((await sightings.isSighted(id)) ? asVehicle(id) : null),
    wantedVehicle: (parent) => ({ __typename: 'WantedVehicle', id: vehicleOf(parent).id }),
    sightings: async (parent, { from, to, first }, { sightings }) =>
      (await sightings.sightingsOf(vehicleOf(parent).id, captureWindowOf(from, to), listSizeOf(first))).map(asSighting),
    lastSighting: async (parent, _, { sightings }) => optionalSighting(await sightings.lastSightingOf(vehicleOf(parent).id)),
    municipalitiesCrossed: async (parent, _, { sightings }) =>
      (await sightings.municipalitiesCrossedBy(vehicleOf(parent).id)).map(({ municipalityId, ...crossing }) => ({
        ...crossing, municipality: { __typename: 'Municipality', id: municipalityId },
      })),
    route: async (parent, { from, to }, context) => asAnswer(await vehicleRoute(context, vehicleOf(parent).id, captureWindowOf(from, to))),
    nextCameras: async (parent, _, context) => asAnswer(await nextCameras(context, vehicleOf(parent).id)),
    reachableSet: async (parent, { withinMinutes }, context) => asAnswer(await reachableSet(context, vehicleOf(parent).id, withinMinutes)),
    interceptionPlan: async (parent, { units, at }, context) => asAnswer(await interceptionPlan(context, vehicleOf(parent).id, units, at)),
    patrolInterceptionPlan: async (parent, { at }, context) => asAnswer(await patrolInterceptionPlan(context, vehicleOf(parent).id, at)),
  },

  Sighting: {
    __resolveReference: async ({ id }, { sightings }) => optionalSighting(await sightings.sighting(id)),
    vehicle: (parent) => asVehicle(sightingOf(parent).vehicleId),
    camera: (parent) => asCamera(sightingOf(parent).camera),
    previous: async (parent, _, { sightings }) => optionalSighting(await sightings.previousOf(sightingOf(parent).id)),
    next: async (parent, _, { sightings }) => optionalSighting(await sightings.nextOf(sightingOf(parent).id)),
  },

  // What tracking provides (@provides on Sighting.camera) comes from its copy of cctv's camera node: a camera
  // cctv has not registered yet has neither, and saying so beats an anonymous non-null violation.
  Camera: {
    name: (parent) => {
      const { id, name } = cameraOf(parent);
      if (name == null) throw codedGraphQLError('DS_NOT_FOUND', `camera ${id} has no name in the sighting graph yet`);
      return name;
    },
    municipality: (parent) => {
      const { id, municipalityId } = cameraOf(parent);
      if (municipalityId == null) throw codedGraphQLError('DS_NOT_FOUND', `camera ${id} has no municipality in the sighting graph yet`);
      return { __typename: 'Municipality', id: municipalityId };
    },
  },

  ...trackingAnswerResolvers,

  WantedVehicle: {
    __resolveReference: ({ id }) => ({ __typename: 'WantedVehicle', id }),
    vehicle: async ({ id }, _, { sightings }) => ((await sightings.isSighted(id)) ? asVehicle(id) : null),
  },
};
