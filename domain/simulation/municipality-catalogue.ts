import { municipalityIdPattern } from '../municipality/municipality-id.js';

/** A municipality a simulated region is named after. */
export interface MunicipalityName {
  /** A municipality id (`municipalityIdPattern`). */
  readonly id: string;
  readonly name: string;
  /** 행정구역코드 (5 digits). */
  readonly districtCode: string;
}

/**
 * Cities of 경기도 in the order regions are named: the demo's three first (수원, 화성, 오산, whose edge nodes
 * `npm start` runs), then their neighbours. District codes are the 행정안전부 codes of each city.
 */
export const gyeonggiMunicipalities: readonly MunicipalityName[] = [
  { id: 'suwon', name: '수원시', districtCode: '41110' },
  { id: 'hwaseong', name: '화성시', districtCode: '41590' },
  { id: 'osan', name: '오산시', districtCode: '41370' },
  { id: 'yongin', name: '용인시', districtCode: '41460' },
  { id: 'pyeongtaek', name: '평택시', districtCode: '41220' },
  { id: 'anseong', name: '안성시', districtCode: '41550' },
  { id: 'uiwang', name: '의왕시', districtCode: '41430' },
  { id: 'gunpo', name: '군포시', districtCode: '41410' },
  { id: 'anyang', name: '안양시', districtCode: '41170' },
  { id: 'ansan', name: '안산시', districtCode: '41270' },
  { id: 'seongnam', name: '성남시', districtCode: '41130' },
  { id: 'gwacheon', name: '과천시', districtCode: '41290' },
];

/**
 * Names for `count` regions: the given ids (each must be in the catalogue or follow the id pattern; unknown ones
 * get a placeholder name and code), or the catalogue's first `count`.
 */
export function municipalityNames(count: number, ids?: readonly string[]): MunicipalityName[] {
  if (ids === undefined) {
    if (count > gyeonggiMunicipalities.length) throw new RangeError(`at most ${gyeonggiMunicipalities.length} municipalities without explicit ids`);
    return gyeonggiMunicipalities.slice(0, count);
  }
  if (ids.length !== count) throw new RangeError(`${ids.length} municipality ids for ${count} municipalities`);
  if (new Set(ids).size !== ids.length) throw new RangeError('municipality ids must be distinct');
  return ids.map((id, index) => {
    if (!municipalityIdPattern.test(id)) throw new RangeError(`municipality id "${id}" must match ${municipalityIdPattern}`);
    return gyeonggiMunicipalities.find((known) => known.id === id)
      ?? { id, name: `시뮬레이션 ${id}`, districtCode: String(49_000 + index).padStart(5, '0') };
  });
}
