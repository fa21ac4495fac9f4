export { BinaryMinHeap } from './binary-min-heap.js';
export { loadRoadGraph, fastestTravelSeconds, roadEdgeSchema, type RoadEdge, type RoadGraph, type RoadLink } from './road-graph.js';
export {
  detectImpossibleTravel, defaultImpossibleTravelOptions, plausibleFastestSeconds,
  type ImpossibleTravelOptions, type TravelTimeReference, type ImpossibleTravelReason, type ImpossibleTravelVerdict, type TimedSighting,
} from './impossible-travel.js';
export { freeFlowCosts, loadStreetNetwork, streetGraphFileSchema, streetCamerasFileSchema, type StreetNetwork, type StreetEdge, type StreetCamera, type StreetJunction, type StreetGraphFile, type StreetCamerasFile } from './street-network.js';
export { dayPeriodOf, localHourOf, type DayPeriod } from './day-period.js';
export { interval80, logNormalSurvival, normalCdf, z80, type SecondsInterval } from './log-normal.js';
export { alternativeEdgePaths, fastestEdgePath, shortestTree, type EdgePath } from './edge-paths.js';
export { fitLinkTravelTimes, linkSecondsOf, defaultLinkTravelTimeOptions, type CameraTransitionCell, type LinkTravelTimesFile } from './link-travel-times.js';
export { turnPreferencesOf, pathTurnLogProbability, type TurnCountsFile, type TurnPreferences } from './turn-preferences.js';
export {
  loadTrackingModel, trackingModelOf, trackingModelFormat, defaultTrackingParameters,
  type TrackingModel, type TrackingModelFile, type TrackingParameters, type CameraTransitionCountsFile,
} from './tracking-model.js';
export { reconstructGap, reconstructRoute, type CameraSighting, type RouteCandidate, type RouteGap, type ReconstructedRoute, type SightingVerdict } from './reconstruct-route.js';
export { forecastDrives, firstCameraHits, driveEdges, type DriveStep } from './drive-forecast.js';
export { predictNextCameras, latestSightingsOf, type NextCameraForecast, type NextCamerasAnswer, type NextCameraReasons } from './predict-next-cameras.js';
export { planInterception, unitTravelSeconds, nearestJunction, type PatrolUnit, type InterceptionPoint, type InterceptionPlan } from './plan-interception.js';
export { fitTrackingModel, tripGaps, type TrackingTrainingData, type FitTrackingOptions } from './fit-tracking-model.js';
export { inferDestinations, destinationNextCameras, type DestinationBelief } from './destination-forecast.js';
