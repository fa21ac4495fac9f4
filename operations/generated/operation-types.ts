/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type CameraStatus =
  | 'DECOMMISSIONED'
  | 'DEGRADED'
  | 'OFFLINE'
  | 'ONLINE';

export type HitDecision =
  | 'ACCEPT'
  | 'REJECT';

export type HitStatus =
  | 'ACCEPTED'
  | 'PENDING'
  | 'REJECTED';

export type MatchKind =
  | 'EXACT'
  /** Within one OCR confusion of a listed plate; never shown as a confirmed sighting. */
  | 'POSSIBLE';

export type PatrolPositionReport = {
  headingDegrees?: number | null | undefined;
  latitude: number;
  longitude: number;
  /** When the unit was there, by its own clock; a report older than the one held is kept out. */
  reportedAt: string;
  speedKmh?: number | null | undefined;
  unitId: string | number;
};

export type PatrolUnitInput = {
  id: string | number;
  latitude: number;
  longitude: number;
};

export type PatrolUnitRegistration = {
  callSign: string;
  id: string | number;
};

export type WantedReason =
  | 'AMBER_ALERT'
  | 'FUGITIVE'
  | 'HIT_AND_RUN'
  | 'MISSING_PERSON'
  | 'OTHER'
  | 'STOLEN';

export type IssueCameraCredentialMutationVariables = Exact<{
  cameraId: string | number;
}>;


export type IssueCameraCredentialMutation = { issueCameraCredential: { keyId: string, token: string, issuedAt: string, camera: { id: string, name: string } } };

export type RevokeCameraCredentialMutationVariables = Exact<{
  cameraId: string | number;
  keyId: string | number;
}>;


export type RevokeCameraCredentialMutation = { revokeCameraCredential: boolean };

export type CameraWithIntersectionQueryVariables = Exact<{
  id: string | number;
}>;


export type CameraWithIntersectionQuery = { camera: { id: string, name: string, anprCapable: boolean, status: CameraStatus, distanceToNearestIntersectionMeters: number | null, position: { latitude: number, longitude: number }, municipality: { id: string, name: string }, nearestIntersection: { id: string, name: string } | null } | null };

export type CivicCameraVolumesQueryVariables = Exact<{
  cameraId: string | number;
  from: string;
  to: string;
}>;


export type CivicCameraVolumesQuery = { cameraVolumes: Array<{ hourStart: string, vehicles: number }> };

export type ConsolePatrolInterceptionPlanQueryVariables = Exact<{
  vehicleId: string | number;
}>;


export type ConsolePatrolInterceptionPlanQuery = { vehicle: { id: string, patrolInterceptionPlan: { plannedAt: string, latest: { id: string, capturedAt: string, camera: { id: string } }, points: Array<{ junctionId: string, latitude: number, longitude: number, unitId: string, passProbability: number, interceptProbability: number, vehicleEtaSeconds: number, unitSeconds: number, slackSeconds: number, unit: { id: string, callSign: string, stale: boolean, position: { latitude: number, longitude: number, reportedAt: string } | null } | null, camera: { id: string, name: string } | null, municipality: { id: string, name: string } }> } | null } | null };

export type HitEvidenceQueryVariables = Exact<{
  id: string | number;
}>;


export type HitEvidenceQuery = { hit: { id: string, capturedAt: string, matchKind: MatchKind, substitution: string | null, confidence: number, status: HitStatus, wantedVehicle: { id: string, plate: string | null }, camera: { id: string, name: string, municipality: { name: string } }, evidence: { readId: string, capturedAt: string, mediaType: string, imageBase64: string, frames: number } | null } | null };

export type RegisterPatrolUnitMutationVariables = Exact<{
  input: PatrolUnitRegistration;
}>;


export type RegisterPatrolUnitMutation = { registerPatrolUnit: { id: string, callSign: string, registeredAt: string } };

export type ReportPatrolPositionMutationVariables = Exact<{
  input: PatrolPositionReport;
}>;


export type ReportPatrolPositionMutation = { reportPatrolPosition: { unitId: string, recorded: boolean } };

export type PendingHitsQueryVariables = Exact<{ [key: string]: never; }>;


export type PendingHitsQuery = { hits: Array<{ id: string, capturedAt: string, matchKind: MatchKind, substitution: string | null, confidence: number, wantedVehicle: { id: string, plate: string | null, priority: number, reason: WantedReason }, camera: { id: string, name: string, municipality: { name: string } } }> };

export type DecideHitMutationVariables = Exact<{
  id: string | number;
  decision: HitDecision;
  reason: string;
}>;


export type DecideHitMutation = { decideHit: { id: string, status: HitStatus, decidedBy: string | null, decidedAt: string | null } };

export type PlateHistoryQueryVariables = Exact<{
  plate: string;
  from: string;
  to: string;
}>;


export type PlateHistoryQuery = { plateHistory: { searchId: string, plate: string, from: string, to: string, complete: boolean, reads: Array<{ readId: string, capturedAt: string, plateText: string, confidence: number, hit: boolean, municipality: { id: string, name: string }, camera: { id: string, name: string, position: { latitude: number, longitude: number } } }>, sources: Array<{ answered: boolean, readCount: number, errorCode: string | null, errorMessage: string | null, municipality: { id: string, name: string } }> } };

export type VehicleForecastQueryVariables = Exact<{
  id: string | number;
  units: Array<PatrolUnitInput> | PatrolUnitInput;
}>;


export type VehicleForecastQuery = { vehicle: { id: string, lastSighting: { id: string, capturedAt: string, camera: { id: string } } | null, route: { confidence: number, lengthMeters: number, legs: Array<{ elapsedSeconds: number, from: { id: string }, to: { id: string }, alternatives: Array<{ probability: number, expectedSeconds: number, reasons: { detourShare: number, timeLogLikelihood: number } }> }> } | null, nextCameras: { hourOfDay: number, forecasts: Array<{ probability: number, camera: { id: string }, municipality: { id: string }, arrival: { lowSeconds: number, medianSeconds: number, highSeconds: number, expectedAt: string }, reasons: { roadModelProbability: number, transitionsFromCamera: { count: number, total: number } } }> } | null, interceptionPlan: { points: Array<{ junctionId: string, unitId: string, interceptProbability: number, slackSeconds: number, camera: { id: string } | null }> } | null } | null };

export type WantedVehicleTrackQueryVariables = Exact<{
  id: string | number;
}>;


export type WantedVehicleTrackQuery = { wantedVehicle: { id: string, plate: string | null, reason: WantedReason, priority: number, vehicle: { id: string, municipalitiesCrossed: Array<{ firstSeenAt: string, lastSeenAt: string, sightings: number, municipality: { id: string, name: string } }>, sightings: Array<{ id: string, capturedAt: string, matchKind: MatchKind, confidence: number, camera: { id: string, name: string, municipality: { id: string, name: string } } }> } | null } | null };
