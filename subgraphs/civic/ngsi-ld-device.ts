import type { PublicCameraRow } from './public-camera-store.js';

/** FIWARE Smart Data Models' Device vocabulary, then the NGSI-LD core context. */
export const deviceContext = [
  'https://raw.githubusercontent.com/smart-data-models/dataModel.Device/master/context.jsonld',
  'https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context.jsonld',
] as const;

/**
 * A public camera as a normalized NGSI-LD entity of the Smart Data Models `Device` type: a sensor of traffic flow,
 * where it stands, in which municipality. It carries what the PublicCamera type carries and nothing more;
 * `anprCapable` has no Device term, so it expands under the NGSI-LD default vocabulary.
 */
export function ngsiLdDeviceOf(camera: PublicCameraRow) {
  return {
    id: `urn:ngsi-ld:Device:${encodeURIComponent(camera.id)}`,
    type: 'Device',
    category: { type: 'Property', value: ['sensor'] },
    controlledProperty: { type: 'Property', value: ['trafficFlow'] },
    location: { type: 'GeoProperty', value: { type: 'Point', coordinates: [camera.longitude, camera.latitude] } },
    address: { type: 'Property', value: { addressLocality: camera.municipalityName, addressCountry: 'KR' } },
    anprCapable: { type: 'Property', value: camera.anprCapable },
    '@context': deviceContext,
  };
}
