export { bearingDegrees, freeFlowSeconds, type NetworkConnection, type NetworkEdge, type NetworkJunction, type RoadNetwork } from './road-network.js';
export { networkProjectionOf, utmToGeo, localProjectionAnchor, type NetworkLocation, type NetworkProjection } from './network-projection.js';
export { stableHash, stageRandom, shuffled, uniform, roughlyNormal, weightedChoice } from './stage-random.js';
export { partitionMunicipalities, type JunctionPartition } from './partition-municipalities.js';
export { municipalityNames, gyeonggiMunicipalities, type MunicipalityName } from './municipality-catalogue.js';
export { placeCameras, defaultCameraPlacement, type CameraPlacementOptions, type PlacedCamera } from './place-cameras.js';
export { assignPlates, defaultFleetMix, type FleetPlateKind, type FleetVehicle } from './assign-plates.js';
export type { VehicleTrip } from './vehicle-trip.js';
export { cameraPasses, type CameraPass } from './camera-passes.js';
export { defaultReadErrorModel, type ReadErrorModel } from './read-error-model.js';
export {
  cameraOutages, generateReads, type CameraOutage, type GeneratedReads, type PassOutcome, type PassRecord, type ScenarioRead,
} from './generate-reads.js';
export { chooseWantedVehicles, type WantedReason, type WantedStoryKind, type WantedVehicleChoice, type WantedVehicleStory } from './choose-wanted-vehicles.js';
export { cameraRoadGraph } from './camera-road-graph.js';
export { hourlyInsertionRates, weekdayHourlyShares } from './hourly-demand-profile.js';
export { gridNetwork } from './grid-network.js';
export { replayClock, captureSafetyMs, type ReplayClock } from './replay-clock.js';
export { expectedWantedHits, type WantedPasses } from './expected-hits.js';
