import { describe, expect, it } from 'vitest';
import { deviceContext, ngsiLdDeviceOf } from './ngsi-ld-device.js';

describe('ngsiLdDeviceOf', () => {
  const camera = { id: 'cam-suwon-01', municipalityName: '수원시', latitude: 37.266, longitude: 127.0, anprCapable: true };

  it('renders a normalized Smart Data Models Device with a GeoJSON point in longitude, latitude order', () => {
    expect(ngsiLdDeviceOf(camera)).toEqual({
      id: 'urn:ngsi-ld:Device:cam-suwon-01',
      type: 'Device',
      category: { type: 'Property', value: ['sensor'] },
      controlledProperty: { type: 'Property', value: ['trafficFlow'] },
      location: { type: 'GeoProperty', value: { type: 'Point', coordinates: [127.0, 37.266] } },
      address: { type: 'Property', value: { addressLocality: '수원시', addressCountry: 'KR' } },
      anprCapable: { type: 'Property', value: true },
      '@context': deviceContext,
    });
  });

  it('keeps the entity id a valid URN whatever the camera id holds', () => {
    expect(ngsiLdDeviceOf({ ...camera, id: 'cam 7/북문' }).id).toBe('urn:ngsi-ld:Device:cam%207%2F%EB%B6%81%EB%AC%B8');
  });

  it('carries the attributes of a public camera and nothing else', () => {
    expect(Object.keys(ngsiLdDeviceOf(camera)).sort()).toEqual(
      ['@context', 'address', 'anprCapable', 'category', 'controlledProperty', 'id', 'location', 'type'],
    );
  });
});
