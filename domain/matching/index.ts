export { HotlistDigestTable } from './hotlist-digest-table.js';
export {
  publishKeyedHotlist, loadKeyedHotlist,
  type ClearHotlistEntry, type KeyedHotlistSnapshot, type KeyedHotlistIndex, type PublishOptions,
} from './keyed-hotlist.js';
export { matchPlateRead, type PlateCandidate, type PlateMatch } from './match-plate-read.js';
