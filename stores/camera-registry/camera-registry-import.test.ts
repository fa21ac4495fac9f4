import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isDongseonError } from '../../domain/errors/index.js';
import { demoRegistryFile, parseCameraRegistry } from './camera-registry-import.js';

const camera = (overrides: Record<string, unknown> = {}) => ({
  id: 'cam-1', name: '카메라', municipalityId: 'suwon', position: { latitude: 37.27, longitude: 127.01 },
  anprCapable: true, ...overrides,
});

function problemsOf(document: unknown): string[] {
  try {
    parseCameraRegistry(document, 'test.json');
  } catch (error) {
    if (isDongseonError(error, 'DS_INVALID_INPUT')) return error.details.problems as string[];
    throw error;
  }
  throw new Error('expected the registry to be refused');
}

describe('parseCameraRegistry', () => {
  it('accepts the demo region, defaulting what an entry leaves out', () => {
    const registry = parseCameraRegistry(JSON.parse(readFileSync(demoRegistryFile, 'utf8')), demoRegistryFile);
    expect(registry.municipalities.map((m) => m.id)).toEqual(['suwon', 'hwaseong', 'osan']);
    expect(registry.cameras).toHaveLength(12);
    expect(parseCameraRegistry({ cameras: [camera()] }, 'x').cameras[0]).toEqual({
      ...camera(), roadLinkId: null, headingDegrees: null, resolution: null, status: 'ONLINE',
    });
  });

  it.each([
    ['latitude above 90', camera({ position: { latitude: 90.5, longitude: 127 } }), 'position: latitude 90.5 is outside -90..90'],
    ['longitude below -180', camera({ position: { latitude: 37, longitude: -200 } }), 'position: longitude -200 is outside -180..180'],
    ['a missing position', camera({ position: undefined }), 'position:'],
    ['a heading of 360.1°', camera({ headingDegrees: 360.1 }), 'headingDegrees: expected degrees from 0 to 360'],
    ['a heading below 0°', camera({ headingDegrees: -1 }), 'headingDegrees: expected degrees from 0 to 360'],
    ['an unknown status', camera({ status: 'BROKEN' }), 'status:'],
    ['a text anprCapable', camera({ anprCapable: 'yes' }), 'anprCapable:'],
    ['a resolution that is not WxH', camera({ resolution: '4K' }), 'resolution: expected WIDTHxHEIGHT'],
    ['an empty id', camera({ id: '' }), 'id:'],
  ])('refuses a camera with %s', (_name, record, problem) => {
    expect(problemsOf({ cameras: [record] })).toEqual([expect.stringContaining(problem)]);
  });

  it.each([
    ['a 4-digit district code', { id: 'x', name: 'x', districtCode: '4111' }, 'districtCode:'],
    ['a lettered district code', { id: 'x', name: 'x', districtCode: '41a10' }, 'districtCode:'],
    ['a blank name', { id: 'x', name: ' ', districtCode: '41110' }, 'name: must not be empty'],
  ])('refuses a municipality with %s', (_name, record, problem) => {
    expect(problemsOf({ municipalities: [record] })).toEqual([expect.stringContaining(problem)]);
  });

  it('names every problem of every record, and duplicates even of invalid records', () => {
    expect(problemsOf({
      municipalities: [{ id: 'bad-city', name: '', districtCode: '1' }],
      cameras: [
        camera({ id: 'bad-1', position: { latitude: 100, longitude: 127 } }),
        camera({ id: 'bad-2', headingDegrees: 400, status: 'BROKEN' }),
        camera({ id: 'bad-1' }),
      ],
    })).toEqual([
      'municipalities[0] (bad-city) name: must not be empty',
      expect.stringMatching(/^municipalities\[0\] \(bad-city\) districtCode: /),
      'cameras[0] (bad-1) position: latitude 100 is outside -90..90',
      'cameras[1] (bad-2) headingDegrees: expected degrees from 0 to 360',
      expect.stringMatching(/^cameras\[1\] \(bad-2\) status: /),
      'cameras[2] (bad-1) id: appears more than once',
    ]);
  });

  it('refuses a document of the wrong shape', () => {
    expect(problemsOf([])).toEqual([expect.stringContaining('(entry)')]);
    expect(problemsOf({ cameras: {} })).toEqual([expect.stringContaining('cameras:')]);
  });
});
