export { BinaryMinHeap } from './binary-min-heap.js';
export { loadRoadGraph, fastestTravelSeconds, roadEdgeSchema, type RoadEdge, type RoadGraph, type RoadLink } from './road-graph.js';
export {
  detectImpossibleTravel, defaultImpossibleTravelOptions,
  type ImpossibleTravelOptions, type ImpossibleTravelReason, type ImpossibleTravelVerdict, type TimedSighting,
} from './impossible-travel.js';
