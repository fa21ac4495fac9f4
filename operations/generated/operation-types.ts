/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type AuditChainBreakReason =
  | 'EDITED'
  | 'INSERTED'
  | 'MALFORMED'
  | 'REMOVED'
  | 'REORDERED'
  | 'TRUNCATED_HEAD';

export type AuditOperationType =
  | 'MUTATION'
  | 'QUERY'
  | 'SUBSCRIPTION';

/** Whether the personal data asked for was given: all of it, some, or none. */
export type AuditOutcome =
  | 'ALLOWED'
  | 'DENIED'
  | 'PARTIAL';

/** Which records to list; every condition given must hold. Text conditions match exactly, purpose as a substring. */
export type AuditRecordFilter = {
  agency?: string | null | undefined;
  caseNumber?: string | null | undefined;
  /** Records written at or after this instant. */
  from?: string | null | undefined;
  kind?: AuditRecordKind | null | undefined;
  /** The operation name of an ACCESS record (e.g. WantedVehicleTrack). */
  operation?: string | null | undefined;
  outcome?: AuditOutcome | null | undefined;
  /** Part of the stated purpose, case-insensitive. */
  purpose?: string | null | undefined;
  subject?: string | null | undefined;
  /** Records written before this instant. */
  to?: string | null | undefined;
};

/** What a record of the audit log is about (runtime/audit/README.md). */
export type AuditRecordKind =
  /** An operation through the gateway that touched personal data (or an alert subscription). */
  | 'ACCESS'
  /** A retention purge: how much, under which rule. */
  | 'DELETION_RECEIPT'
  /** A look at a hit's evidence image. */
  | 'EVIDENCE_ACCESS'
  /** A case-bound history search an edge node answered or refused. */
  | 'HISTORY_SEARCH';

export type CameraStatus =
  | 'DECOMMISSIONED'
  | 'DEGRADED'
  | 'OFFLINE'
  | 'ONLINE';

export type CaseInput = {
  caseNumber: string | number;
  title: string;
};

export type CaseStatus =
  | 'CLOSED'
  | 'OPEN';

export type HitDecision =
  | 'ACCEPT'
  | 'REJECT';

/** Why an operator decided a hit as they did. Each reason fits one decision; OTHER fits both and needs a note. */
export type HitDecisionReason =
  /** ACCEPT: a patrol unit or an operator saw the vehicle there. */
  | 'CONFIRMED_ON_SCENE'
  /** REJECT: the plate reads right but the vehicle is not the listed one (another model or colour, a cloned plate). */
  | 'DIFFERENT_VEHICLE'
  /** REJECT: the evidence is too poor to tell. */
  | 'EVIDENCE_INSUFFICIENT'
  /** REJECT: the listing no longer applies (vehicle recovered, case closed). */
  | 'LISTING_OUTDATED'
  /** REJECT: the camera misread the plate. */
  | 'MISREAD'
  /** Either decision; the note says why. */
  | 'OTHER'
  /** ACCEPT: the plate on the evidence image is legible and is the listed one. */
  | 'PLATE_CONFIRMED'
  /** ACCEPT: the vehicle (make, model, colour, marks) matches the listing. */
  | 'VEHICLE_CONFIRMED';

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

export type WantedKind =
  /** A full plate, matched at the edge by keyed hash. */
  | 'FULL_PLATE'
  /** A partial plate from a witness with explicit wildcards, e.g. 12가34??. */
  | 'PARTIAL_PLATE';

export type WantedReason =
  | 'AMBER_ALERT'
  | 'FUGITIVE'
  | 'HIT_AND_RUN'
  | 'MISSING_PERSON'
  | 'OTHER'
  | 'STOLEN';

export type WantedStatus =
  | 'ACTIVE'
  | 'EXPIRED'
  | 'REVOKED'
  /** Registered with a validFrom still in the future. */
  | 'SCHEDULED';

export type WantedVehicleInput = {
  caseNumber: string | number;
  /** Full plate; give exactly one of plate and platePattern. */
  plate?: string | null | undefined;
  platePattern?: string | null | undefined;
  priority: number;
  reason: WantedReason;
  validFrom?: string | null | undefined;
  validUntil?: string | null | undefined;
};

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

export type ConsoleAuditRecordsQueryVariables = Exact<{
  filter?: AuditRecordFilter | null | undefined;
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type ConsoleAuditRecordsQuery = { auditRecords: Array<{ sequence: number, time: string, kind: AuditRecordKind, requestId: string, subject: string, agency: string, purpose: string | null, caseNumber: string | null, fields: Array<string>, subgraphs: Array<string>, outcome: AuditOutcome | null, deniedCode: string | null, hitId: string | null, hash: string, cursor: string, operation: { name: string | null, type: AuditOperationType, hash: string } | null, denied: Array<{ coordinate: string, code: string }> }> };

export type ConsoleAuditChainQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleAuditChainQuery = { auditChain: { verified: boolean, verifiedAt: string, files: number, records: number, tornTails: Array<string>, head: { sequence: number, hash: string } | null, firstBroken: { file: string, line: number, reason: AuditChainBreakReason, detail: string } | null, unterminated: { file: string, line: number } | null } };

export type ConsoleCamerasQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleCamerasQuery = { cameras: Array<{ id: string, name: string, anprCapable: boolean, status: CameraStatus, lastHeartbeatAt: string | null, position: { latitude: number, longitude: number }, municipality: { id: string, name: string } }> };

export type ConsolePendingHitsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsolePendingHitsQuery = { hits: Array<{ id: string, capturedAt: string, receivedAt: string, matchKind: MatchKind, substitution: string | null, confidence: number, status: HitStatus, decidedBy: string | null, decidedAt: string | null, decisionReasonCode: HitDecisionReason | null, decisionNote: string | null, wantedVehicle: { id: string, kind: WantedKind, plate: string | null, platePattern: string | null, priority: number, reason: WantedReason }, camera: { id: string, name: string, position: { latitude: number, longitude: number }, municipality: { id: string, name: string } } }> };

export type ConsoleHitQueryVariables = Exact<{
  id: string | number;
}>;


export type ConsoleHitQuery = { hit: { id: string, capturedAt: string, receivedAt: string, matchKind: MatchKind, substitution: string | null, confidence: number, status: HitStatus, decidedBy: string | null, decidedAt: string | null, decisionReasonCode: HitDecisionReason | null, decisionNote: string | null, wantedVehicle: { id: string, kind: WantedKind, plate: string | null, platePattern: string | null, priority: number, reason: WantedReason }, camera: { id: string, name: string, position: { latitude: number, longitude: number }, municipality: { id: string, name: string } } } | null };

export type ConsoleHitEvidenceQueryVariables = Exact<{
  id: string | number;
}>;


export type ConsoleHitEvidenceQuery = { hit: { id: string, evidence: { readId: string, capturedAt: string, mediaType: string, imageBase64: string, frames: number } | null } | null };

export type ConsoleDecideHitMutationVariables = Exact<{
  id: string | number;
  decision: HitDecision;
  reasonCode: HitDecisionReason;
  note?: string | null | undefined;
}>;


export type ConsoleDecideHitMutation = { decideHit: { id: string, capturedAt: string, receivedAt: string, matchKind: MatchKind, substitution: string | null, confidence: number, status: HitStatus, decidedBy: string | null, decidedAt: string | null, decisionReasonCode: HitDecisionReason | null, decisionNote: string | null, wantedVehicle: { id: string, kind: WantedKind, plate: string | null, platePattern: string | null, priority: number, reason: WantedReason }, camera: { id: string, name: string, position: { latitude: number, longitude: number }, municipality: { id: string, name: string } } } };

export type ConsoleHitFieldsFragment = { id: string, capturedAt: string, receivedAt: string, matchKind: MatchKind, substitution: string | null, confidence: number, status: HitStatus, decidedBy: string | null, decidedAt: string | null, decisionReasonCode: HitDecisionReason | null, decisionNote: string | null, wantedVehicle: { id: string, kind: WantedKind, plate: string | null, platePattern: string | null, priority: number, reason: WantedReason }, camera: { id: string, name: string, position: { latitude: number, longitude: number }, municipality: { id: string, name: string } } };

export type ConsolePatrolInterceptionPlanQueryVariables = Exact<{
  vehicleId: string | number;
}>;


export type ConsolePatrolInterceptionPlanQuery = { vehicle: { id: string, patrolInterceptionPlan: { plannedAt: string, latest: { id: string, capturedAt: string, camera: { id: string } }, points: Array<{ junctionId: string, latitude: number, longitude: number, unitId: string, passProbability: number, interceptProbability: number, vehicleEtaSeconds: number, unitSeconds: number, slackSeconds: number, unit: { id: string, callSign: string, stale: boolean, position: { latitude: number, longitude: number, reportedAt: string } | null } | null, camera: { id: string, name: string } | null, municipality: { id: string, name: string } }> } | null } | null };

export type ConsoleAddWantedVehicleMutationVariables = Exact<{
  input: WantedVehicleInput;
}>;


export type ConsoleAddWantedVehicleMutation = { addWantedVehicle: { id: string, kind: WantedKind, plate: string | null, platePattern: string | null, reason: WantedReason, priority: number, validFrom: string, validUntil: string | null, status: WantedStatus } };

export type ConsoleRevokeWantedVehicleMutationVariables = Exact<{
  id: string | number;
  reason: string;
}>;


export type ConsoleRevokeWantedVehicleMutation = { revokeWantedVehicle: { id: string, status: WantedStatus, revokedAt: string | null, revokedBy: string | null, revocationReason: string | null } };

export type ConsoleOpenCaseMutationVariables = Exact<{
  input: CaseInput;
}>;


export type ConsoleOpenCaseMutation = { openCase: { caseNumber: string, title: string, status: CaseStatus } };

export type ConsoleWantedVehiclesQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsoleWantedVehiclesQuery = { wantedVehicles: Array<{ id: string, kind: WantedKind, plate: string | null, platePattern: string | null, reason: WantedReason, priority: number, validFrom: string, validUntil: string | null, status: WantedStatus, case: { caseNumber: string, title: string } | null }> };

export type ConsolePatrolUnitsQueryVariables = Exact<{ [key: string]: never; }>;


export type ConsolePatrolUnitsQuery = { patrolUnits: Array<{ id: string, callSign: string, stale: boolean, position: { latitude: number, longitude: number, reportedAt: string, headingDegrees: number | null, speedKmh: number | null } | null }> };

export type ConsoleVehicleQueryVariables = Exact<{
  id: string | number;
  withinMinutes: number;
}>;


export type ConsoleVehicleQuery = { wantedVehicle: { id: string, plate: string | null, platePattern: string | null, reason: WantedReason, priority: number, vehicle: { id: string, municipalitiesCrossed: Array<{ firstSeenAt: string, lastSeenAt: string, sightings: number, municipality: { id: string, name: string } }>, sightings: Array<{ id: string, capturedAt: string, matchKind: MatchKind, confidence: number, camera: { id: string, name: string, position: { latitude: number, longitude: number }, municipality: { id: string, name: string } } }>, route: { confidence: number, lengthMeters: number, legs: Array<{ elapsedSeconds: number, hourOfDay: number, from: { id: string, capturedAt: string }, to: { id: string, capturedAt: string }, alternatives: Array<{ probability: number, lengthMeters: number, freeFlowSeconds: number, expectedSeconds: number, roads: Array<{ fromJunction: string, toJunction: string }>, reasons: { detourShare: number, turnLogProbability: number, timeLogLikelihood: number } }> }> } | null, nextCameras: { hourOfDay: number, latest: { id: string, capturedAt: string, camera: { id: string } }, forecasts: Array<{ probability: number, camera: { id: string, name: string, position: { latitude: number, longitude: number } }, municipality: { id: string, name: string }, arrival: { lowSeconds: number, medianSeconds: number, highSeconds: number, earliestAt: string, expectedAt: string, latestAt: string }, reasons: { roadModelProbability: number, destinationProbability: number, transitionsFromCamera: { count: number, total: number }, transitionsAfterPrevious: { count: number, total: number } | null } }> } | null, reachableSet: { withinMinutes: number, cameras: Array<{ seconds: number, camera: { id: string, name: string, position: { latitude: number, longitude: number } } }>, municipalities: Array<{ seconds: number, municipality: { id: string, name: string } }> } | null } | null } | null };

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
