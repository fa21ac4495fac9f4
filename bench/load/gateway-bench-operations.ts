import type { AccessPurpose, Identity } from '../../domain/access/index.js';
import { sampleUsers } from '../../runtime/identity/sample-users.js';
import type { SubgraphName } from '../../schema/subgraph-names.js';
import { benchPurpose, benchSightingCount, benchVolumeHours, type BenchData, type BenchDataPlan } from './gateway-bench-fixtures.js';

/** One GraphQL request as a caller makes it. */
export interface GraphQLCall {
  readonly query: string;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly caller: Identity;
  /** Stated for personal data, which is refused without it. */
  readonly purpose?: AccessPurpose;
  /** Throws unless the answer's data holds what the benchmark wrote, so a fast wrong answer cannot pass. */
  readonly verify: (data: unknown) => void;
}

/** An operation measured through the gateway, and the part of it one subgraph owns, measured straight at it. */
export interface BenchOperation {
  readonly name: string;
  readonly gateway: GraphQLCall;
  readonly direct: GraphQLCall & { readonly subgraph: SubgraphName };
}

const at = (data: unknown, ...path: string[]): unknown =>
  path.reduce<unknown>((node, key) => (node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), data);

function expectThat(condition: boolean, what: string, data: unknown): void {
  if (!condition) throw new Error(`unexpected answer, ${what}: ${JSON.stringify(data).slice(0, 500)}`);
}

const lengthOf = (value: unknown) => (Array.isArray(value) ? value.length : -1);

function verifyTrack(track: unknown, data: unknown, withNames: boolean): void {
  const crossings = at(track, 'municipalitiesCrossed') as { municipality: { name?: string }; sightings: number }[] | undefined;
  expectThat(lengthOf(at(track, 'sightings')) === benchSightingCount, `${benchSightingCount} sightings`, data);
  expectThat(lengthOf(crossings) === 3 && crossings?.reduce((sum, crossing) => sum + crossing.sightings, 0) === benchSightingCount,
    'three municipalities crossed, holding every sighting', data);
  if (withNames) expectThat(crossings?.every((crossing) => typeof crossing.municipality.name === 'string') === true, 'municipality names from cctv', data);
}

const cameraId = 'cam-suwon-01';

export function benchOperations(plan: BenchDataPlan, written: BenchData): BenchOperation[] {
  const volumes = (data: unknown) => expectThat(lengthOf(at(data, 'cameraVolumes')) === benchVolumeHours, `${benchVolumeHours} hourly volumes`, data);
  const volumesCall = {
    query: 'query CameraVolumes($cameraId: ID!, $from: DateTime!, $to: DateTime!) { cameraVolumes(cameraId: $cameraId, from: $from, to: $to) { hourStart vehicles } }',
    variables: { cameraId: plan.volumesCameraId, from: written.volumesFrom, to: written.volumesTo },
    caller: sampleUsers['civic-developer'],
    verify: volumes,
  };
  return [
    {
      name: 'camera lookup with nearest intersection',
      gateway: {
        query: `query CameraLookup($id: ID!) { camera(id: $id) { id name status position { latitude longitude } municipality { name }
          nearestIntersection { id name } distanceToNearestIntersectionMeters } }`,
        variables: { id: cameraId },
        caller: sampleUsers['city-operator'],
        verify: (data) => expectThat(typeof at(data, 'camera', 'nearestIntersection', 'id') === 'string' && typeof at(data, 'camera', 'municipality', 'name') === 'string',
          'a camera with its municipality and nearest intersection', data),
      },
      direct: {
        subgraph: 'cctv',
        query: 'query CameraLookup($id: ID!) { camera(id: $id) { id name status position { latitude longitude } municipality { name } } }',
        variables: { id: cameraId },
        caller: sampleUsers['city-operator'],
        verify: (data) => expectThat(at(data, 'camera', 'id') === cameraId && typeof at(data, 'camera', 'municipality', 'name') === 'string', 'the camera', data),
      },
    },
    {
      name: 'wanted vehicle with its sightings across municipalities',
      gateway: {
        query: `query WantedVehicleTrack($id: ID!) { wantedVehicle(id: $id) { plate priority vehicle {
          municipalitiesCrossed { municipality { name } sightings }
          sightings(first: ${benchSightingCount}) { capturedAt camera { id name municipality { id } } } } } }`,
        variables: { id: written.wantedVehicleId },
        caller: sampleUsers['police-officer'],
        purpose: benchPurpose,
        verify: (data) => {
          expectThat(typeof at(data, 'wantedVehicle', 'plate') === 'string', 'the plate', data);
          verifyTrack(at(data, 'wantedVehicle', 'vehicle'), data, true);
        },
      },
      direct: {
        subgraph: 'tracking',
        query: `query VehicleTrack($id: ID!) { vehicle(id: $id) {
          municipalitiesCrossed { municipality { id } sightings }
          sightings(first: ${benchSightingCount}) { capturedAt camera { id name municipality { id } } } } }`,
        variables: { id: written.wantedVehicleId },
        caller: sampleUsers['police-officer'],
        purpose: benchPurpose,
        verify: (data) => verifyTrack(at(data, 'vehicle'), data, false),
      },
    },
    {
      name: 'civic hourly volumes',
      gateway: volumesCall,
      direct: { subgraph: 'civic', ...volumesCall },
    },
  ];
}
