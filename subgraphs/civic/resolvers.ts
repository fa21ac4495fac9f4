import { codedGraphQLError } from '../../runtime/graphql/coded-graphql-error.js';
import type { Resolvers } from './generated/resolver-types.js';
import { hourMs, maxVolumeWindowHours } from '../../stores/civic-volumes/hourly-volumes.js';
import { ngsiLdDeviceOf } from './ngsi-ld-device.js';
import { instantOf } from '../../runtime/graphql/scalar-arguments.js';

function cameraIdOf(cameraId: string): string {
  if (cameraId.trim() === '' || cameraId.length > 200) throw codedGraphQLError('DS_INVALID_INPUT', 'cameraId must be 1 to 200 characters');
  return cameraId;
}

/** The window of a cameraVolumes query, validated. */
function volumeWindowOf(from: string, to: string): { fromMs: number; toMs: number } {
  const fromMs = instantOf(from, 'from');
  const toMs = instantOf(to, 'to');
  if (toMs <= fromMs) throw codedGraphQLError('DS_INVALID_INPUT', 'to must be later than from');
  if (toMs - fromMs > maxVolumeWindowHours * hourMs) {
    throw codedGraphQLError('DS_QUERY_LIST_TOO_LARGE', `a window may span at most ${maxVolumeWindowHours} hours`);
  }
  return { fromMs, toMs };
}

export const civicResolvers: Resolvers = {
  Query: {
    publicCameras: async (_, { municipalityId }, { publicCameras }) =>
      (await publicCameras.list(municipalityId ?? undefined)).map(({ latitude, longitude, ...camera }) => ({
        ...camera, position: { latitude, longitude },
      })),
    cameraVolumes: async (_, { cameraId, from, to }, { volumes }) => {
      const { fromMs, toMs } = volumeWindowOf(from, to);
      return volumes.hourlyVolumes(cameraIdOf(cameraId), fromMs, toMs);
    },
    publicCamerasNgsiLd: async (_, { municipalityId }, { publicCameras }) =>
      JSON.stringify((await publicCameras.list(municipalityId ?? undefined)).map(ngsiLdDeviceOf)),
  },
};
