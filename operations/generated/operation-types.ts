/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  /** An ISO-8601 instant with offset, e.g. 2026-11-25T09:00:00+09:00. */
  DateTime: { input: string; output: string; }
};

/** One approach (incoming road) of an intersection. */
export type Approach = {
  __typename?: 'Approach';
  /** Compass direction the traffic comes from, e.g. N, SE. */
  from: Scalars['String']['output'];
  hourlyVolumes: Array<HourlyVolume>;
  id: Scalars['ID']['output'];
  lanes: Scalars['Int']['output'];
};


/** One approach (incoming road) of an intersection. */
export type ApproachHourlyVolumesArgs = {
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};

/** Seconds after the latest sighting: median and 80 % interval, and the instants they fall on. */
export type ArrivalInterval = {
  __typename?: 'ArrivalInterval';
  earliestAt: Scalars['DateTime']['output'];
  expectedAt: Scalars['DateTime']['output'];
  highSeconds: Scalars['Float']['output'];
  latestAt: Scalars['DateTime']['output'];
  lowSeconds: Scalars['Float']['output'];
  medianSeconds: Scalars['Float']['output'];
};

/** A CCTV or ANPR camera in the regional registry. */
export type Camera = {
  __typename?: 'Camera';
  anprCapable: Scalars['Boolean']['output'];
  distanceToNearestIntersectionMeters?: Maybe<Scalars['Float']['output']>;
  /** Direction of travel the camera faces, degrees clockwise from north. */
  headingDegrees?: Maybe<Scalars['Float']['output']>;
  id: Scalars['ID']['output'];
  lastHeartbeatAt?: Maybe<Scalars['DateTime']['output']>;
  municipality: Municipality;
  name: Scalars['String']['output'];
  /** The signalised intersection nearest to the camera. */
  nearestIntersection?: Maybe<Intersection>;
  position: GeoPoint;
  resolution?: Maybe<Scalars['String']['output']>;
  /** The road link (network edge id) the camera watches. */
  roadLinkId?: Maybe<Scalars['String']['output']>;
  status: CameraStatus;
};

export type CameraInput = {
  anprCapable: Scalars['Boolean']['input'];
  headingDegrees?: InputMaybe<Scalars['Float']['input']>;
  id: Scalars['ID']['input'];
  municipalityId: Scalars['ID']['input'];
  name: Scalars['String']['input'];
  position: GeoPointInput;
  resolution?: InputMaybe<Scalars['String']['input']>;
  roadLinkId?: InputMaybe<Scalars['String']['input']>;
  status?: InputMaybe<CameraStatus>;
};

export type CameraStatus =
  | 'DECOMMISSIONED'
  | 'DEGRADED'
  | 'OFFLINE'
  | 'ONLINE';

/** An investigation that personal-data access is bound to. */
export type Case = {
  __typename?: 'Case';
  caseNumber: Scalars['ID']['output'];
  leadAgency: Scalars['String']['output'];
  openedAt: Scalars['DateTime']['output'];
  status: CaseStatus;
  title: Scalars['String']['output'];
  wantedVehicles: Array<WantedVehicle>;
};

export type CaseInput = {
  caseNumber: Scalars['ID']['input'];
  title: Scalars['String']['input'];
};

export type CaseStatus =
  | 'CLOSED'
  | 'OPEN';

/** A WGS-84 position. */
export type GeoPoint = {
  __typename?: 'GeoPoint';
  latitude: Scalars['Float']['output'];
  longitude: Scalars['Float']['output'];
};

export type GeoPointInput = {
  latitude: Scalars['Float']['input'];
  longitude: Scalars['Float']['input'];
};

export type GeofenceEvent = {
  __typename?: 'GeofenceEvent';
  at: Scalars['DateTime']['output'];
  id: Scalars['ID']['output'];
  kind: GeofenceEventKind;
  position: GeoPoint;
  zoneName: Scalars['String']['output'];
};

export type GeofenceEventKind =
  | 'DEVICE_TAMPER'
  | 'ENTERED_EXCLUSION_ZONE'
  | 'LEFT_INCLUSION_ZONE';

/** A match of a camera read against the wanted list, awaiting an operator's decision. */
export type Hit = {
  __typename?: 'Hit';
  camera: Camera;
  capturedAt: Scalars['DateTime']['output'];
  confidence: Scalars['Float']['output'];
  decidedAt?: Maybe<Scalars['DateTime']['output']>;
  decidedBy?: Maybe<Scalars['String']['output']>;
  decisionReason?: Maybe<Scalars['String']['output']>;
  id: Scalars['ID']['output'];
  matchKind: MatchKind;
  receivedAt: Scalars['DateTime']['output'];
  status: HitStatus;
  /** For POSSIBLE hits, the substitution that made the match, e.g. 고→가 at position 3. */
  substitution?: Maybe<Scalars['String']['output']>;
  wantedVehicle: WantedVehicle;
};

export type HitDecision =
  | 'ACCEPT'
  | 'REJECT';

export type HitInput = {
  cameraId: Scalars['ID']['input'];
  capturedAt: Scalars['DateTime']['input'];
  confidence: Scalars['Float']['input'];
  matchKind: MatchKind;
  receivedAt: Scalars['DateTime']['input'];
  substitution?: InputMaybe<Scalars['String']['input']>;
  wantedVehicleId: Scalars['ID']['input'];
};

export type HitStatus =
  | 'ACCEPTED'
  | 'PENDING'
  | 'REJECTED';

/** Vehicles counted in one clock hour. */
export type HourlyVolume = {
  __typename?: 'HourlyVolume';
  hourStart: Scalars['DateTime']['output'];
  vehicles: Scalars['Int']['output'];
};

export type HourlyVolumeInput = {
  approachId: Scalars['ID']['input'];
  hourStart: Scalars['DateTime']['input'];
  vehicles: Scalars['Int']['input'];
};

export type InterceptionPlan = {
  __typename?: 'InterceptionPlan';
  latest: Sighting;
  model: TrackingModelInfo;
  plannedAt: Scalars['DateTime']['output'];
  /** Most promising first. */
  points: Array<InterceptionPoint>;
};


export type InterceptionPlanPointsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type InterceptionPoint = {
  __typename?: 'InterceptionPoint';
  /** The camera at this junction, when there is one. */
  camera?: Maybe<Camera>;
  /** Chance it passes here and the unit is there at least a minute before it: the ranking score. */
  interceptProbability: Scalars['Float']['output'];
  junctionId: Scalars['ID']['output'];
  latitude: Scalars['Float']['output'];
  longitude: Scalars['Float']['output'];
  municipality: Municipality;
  /** Chance the vehicle passes here. */
  passProbability: Scalars['Float']['output'];
  /** How much earlier than the vehicle (median) the unit would be here. */
  slackSeconds: Scalars['Float']['output'];
  unitId: Scalars['ID']['output'];
  unitSeconds: Scalars['Float']['output'];
  vehicleEtaSeconds: Scalars['Float']['output'];
};

/** A signalised intersection run by the traffic signal agency. */
export type Intersection = {
  __typename?: 'Intersection';
  approaches: Array<Approach>;
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
  /** The phase plan in force at the given hour of day (0–23), or now. */
  phasePlan?: Maybe<PhasePlan>;
  position: GeoPoint;
};


/** A signalised intersection run by the traffic signal agency. */
export type IntersectionPhasePlanArgs = {
  hour?: InputMaybe<Scalars['Int']['input']>;
};

export type LinkedVehicle = {
  __typename?: 'LinkedVehicle';
  plate: Scalars['String']['output'];
  relation: Scalars['String']['output'];
};

export type MatchKind =
  | 'EXACT'
  /** Within one OCR confusion of a listed plate; never shown as a confirmed sighting. */
  | 'POSSIBLE';

/** A person under electronic monitoring by the Ministry of Justice. Restricted. */
export type MonitoredSubject = {
  __typename?: 'MonitoredSubject';
  /** A code name; the monitoring centre never shares the legal name through the hub. */
  alias: Scalars['String']['output'];
  geofenceEvents: Array<GeofenceEvent>;
  id: Scalars['ID']['output'];
  latestPosition?: Maybe<SubjectPosition>;
  linkedVehicles: Array<LinkedVehicle>;
  riskLevel: RiskLevel;
};


/** A person under electronic monitoring by the Ministry of Justice. Restricted. */
export type MonitoredSubjectGeofenceEventsArgs = {
  since?: InputMaybe<Scalars['DateTime']['input']>;
};

/** A city or county that runs its own edge node and cameras. */
export type Municipality = {
  __typename?: 'Municipality';
  cameras: Array<Camera>;
  /** Korean administrative district code (행정구역코드). */
  districtCode: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  name: Scalars['String']['output'];
};


/** A city or county that runs its own edge node and cameras. */
export type MunicipalityCamerasArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type MunicipalityCrossing = {
  __typename?: 'MunicipalityCrossing';
  firstSeenAt: Scalars['DateTime']['output'];
  lastSeenAt: Scalars['DateTime']['output'];
  municipality: Municipality;
  sightings: Scalars['Int']['output'];
};

export type MunicipalityInput = {
  districtCode: Scalars['String']['input'];
  id: Scalars['ID']['input'];
  name: Scalars['String']['input'];
};

export type Mutation = {
  __typename?: 'Mutation';
  addWantedVehicle: WantedVehicle;
  decideHit: Hit;
  openCase: Case;
  /** Records a hit forwarded by an edge node or a graph worker. */
  recordHit: RecordedHit;
  recordHourlyVolumes: Scalars['Int']['output'];
  revokeWantedVehicle: WantedVehicle;
  setCameraStatus: Camera;
  upsertCamera: Camera;
  upsertMunicipality: Municipality;
};


export type MutationAddWantedVehicleArgs = {
  input: WantedVehicleInput;
};


export type MutationDecideHitArgs = {
  decision: HitDecision;
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationOpenCaseArgs = {
  input: CaseInput;
};


export type MutationRecordHitArgs = {
  input: HitInput;
};


export type MutationRecordHourlyVolumesArgs = {
  volumes: Array<HourlyVolumeInput>;
};


export type MutationRevokeWantedVehicleArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};


export type MutationSetCameraStatusArgs = {
  id: Scalars['ID']['input'];
  status: CameraStatus;
};


export type MutationUpsertCameraArgs = {
  input: CameraInput;
};


export type MutationUpsertMunicipalityArgs = {
  input: MunicipalityInput;
};

export type NextCameraForecast = {
  __typename?: 'NextCameraForecast';
  arrival: ArrivalInterval;
  camera: Camera;
  municipality: Municipality;
  /** Calibrated probability that this is the next camera the vehicle passes. */
  probability: Scalars['Float']['output'];
  reasons: NextCameraReasons;
};

export type NextCameraReasons = {
  __typename?: 'NextCameraReasons';
  /** Destination inference alone: share of the trip's likely destinations (those the drive so far heads to directly) whose fastest drive passes this camera first. */
  destinationProbability: Scalars['Float']['output'];
  likeliestDrive: Array<RoadSegment>;
  /** Share of likely drives whose first camera this is: learned turns in the hour's travel times, mixed with destination inference. */
  roadModelProbability: Scalars['Float']['output'];
  /** The same for past vehicles that also came from the previous sighting's camera; null without one. */
  transitionsAfterPrevious?: Maybe<TransitionCount>;
  /** Past vehicles seen at the latest camera: how many passed this camera next, of how many. */
  transitionsFromCamera: TransitionCount;
};


export type NextCameraReasonsLikeliestDriveArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type NextCameras = {
  __typename?: 'NextCameras';
  /** Most probable first. */
  forecasts: Array<NextCameraForecast>;
  hourOfDay: Scalars['Int']['output'];
  latest: Sighting;
  model: TrackingModelInfo;
  /** The sighting before, when it belongs to the same trip: it gives the direction of travel. */
  previous?: Maybe<Sighting>;
};


export type NextCamerasForecastsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type PatrolUnitInput = {
  id: Scalars['ID']['input'];
  latitude: Scalars['Float']['input'];
  longitude: Scalars['Float']['input'];
};

export type PhasePlan = {
  __typename?: 'PhasePlan';
  cycleSeconds: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  phases: Array<SignalPhase>;
  validFromHour: Scalars['Int']['output'];
  validToHour: Scalars['Int']['output'];
};

/**
 * Where a plate was read in a time window, across every municipality: the case-bound history search. Non-hit reads
 * never leave an edge node except through this search; each edge node verifies the signed request, enforces the same
 * @access rule, writes the search to its own audit log and only then answers from its own read store.
 */
export type PlateHistory = {
  __typename?: 'PlateHistory';
  /** True when every edge node asked answered; otherwise sources name the municipalities missing and why. */
  complete: Scalars['Boolean']['output'];
  from: Scalars['DateTime']['output'];
  /** The searched plate, canonical. */
  plate: Scalars['String']['output'];
  /** The reads of the plate from every edge node that answered, in capture-time order. */
  reads: Array<PlateHistoryRead>;
  /** Every edge node's audit record of this search carries this id. */
  searchId: Scalars['ID']['output'];
  /** One entry per edge node asked, in municipality id order. */
  sources: Array<PlateHistorySource>;
  /** Exclusive. */
  to: Scalars['DateTime']['output'];
};

/** One camera read of the searched plate, as its municipality's edge node keeps it. */
export type PlateHistoryRead = {
  __typename?: 'PlateHistoryRead';
  camera: Camera;
  capturedAt: Scalars['DateTime']['output'];
  /** The camera's confidence (0 to 1) in the candidate that is the searched plate. */
  confidence: Scalars['Float']['output'];
  /** True when the edge matched the read against the wanted list and forwarded it as a hit. */
  hit: Scalars['Boolean']['output'];
  municipality: Municipality;
  /** The camera's best candidate; another text when the searched plate matched a lower-ranked candidate. */
  plateText: Scalars['String']['output'];
  /** The read id the camera sent; unique within its municipality. */
  readId: Scalars['ID']['output'];
};

/** Whether one municipality's edge node answered a history search. */
export type PlateHistorySource = {
  __typename?: 'PlateHistorySource';
  answered: Scalars['Boolean']['output'];
  /** Why the edge node gave no answer: a DS_ error code, e.g. DS_HISTORY_EDGE_UNAVAILABLE; null when it answered. */
  errorCode?: Maybe<Scalars['String']['output']>;
  errorMessage?: Maybe<Scalars['String']['output']>;
  municipality: Municipality;
  /** Reads this edge node returned; 0 when it did not answer. */
  readCount: Scalars['Int']['output'];
};

/** Where a public camera stands; no footage, no reads. */
export type PublicCamera = {
  __typename?: 'PublicCamera';
  anprCapable: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  municipalityName: Scalars['String']['output'];
  position: GeoPoint;
};

export type Query = {
  __typename?: 'Query';
  camera?: Maybe<Camera>;
  /** Vehicles counted per hour at one camera, from the edge nodes' anonymous aggregates. */
  cameraVolumes: Array<HourlyVolume>;
  cameras: Array<Camera>;
  case?: Maybe<Case>;
  hits: Array<Hit>;
  interceptionPlan?: Maybe<InterceptionPlan>;
  intersection?: Maybe<Intersection>;
  intersections: Array<Intersection>;
  monitoredSubject?: Maybe<MonitoredSubject>;
  monitoredSubjects: Array<MonitoredSubject>;
  municipalities: Array<Municipality>;
  municipality?: Maybe<Municipality>;
  nextCameras?: Maybe<NextCameras>;
  /**
   * Where the plate was read between from (inclusive) and to (exclusive, at most 31 days later), asked of every
   * municipality's edge node. Bound to a case: needs a stated purpose and a case number, and is audited by the gateway
   * and by every edge node. An edge node that does not answer makes the answer partial, never a failure.
   */
  plateHistory: PlateHistory;
  publicCameras: Array<PublicCamera>;
  /** Public cameras as NGSI-LD entities (FIWARE Smart Data Models, Device), as a JSON string. */
  publicCamerasNgsiLd: Scalars['String']['output'];
  reachableSet?: Maybe<ReachableSet>;
  sightingPath?: Maybe<SightingPath>;
  vehicle?: Maybe<Vehicle>;
  vehicleRoute?: Maybe<ReconstructedRoute>;
  vehiclesSeenIn: Array<Vehicle>;
  wantedVehicle?: Maybe<WantedVehicle>;
  wantedVehicles: Array<WantedVehicle>;
};


export type QueryCameraArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCameraVolumesArgs = {
  cameraId: Scalars['ID']['input'];
  from: Scalars['DateTime']['input'];
  to: Scalars['DateTime']['input'];
};


export type QueryCamerasArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  municipalityId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryCaseArgs = {
  caseNumber: Scalars['ID']['input'];
};


export type QueryHitsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<HitStatus>;
};


export type QueryInterceptionPlanArgs = {
  at?: InputMaybe<Scalars['DateTime']['input']>;
  units: Array<PatrolUnitInput>;
  vehicleId: Scalars['ID']['input'];
};


export type QueryIntersectionArgs = {
  id: Scalars['ID']['input'];
};


export type QueryIntersectionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type QueryMonitoredSubjectArgs = {
  id: Scalars['ID']['input'];
};


export type QueryMonitoredSubjectsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  riskLevel?: InputMaybe<RiskLevel>;
};


export type QueryMunicipalityArgs = {
  id: Scalars['ID']['input'];
};


export type QueryNextCamerasArgs = {
  vehicleId: Scalars['ID']['input'];
};


export type QueryPlateHistoryArgs = {
  from: Scalars['DateTime']['input'];
  plate: Scalars['String']['input'];
  to: Scalars['DateTime']['input'];
};


export type QueryPublicCamerasArgs = {
  municipalityId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryPublicCamerasNgsiLdArgs = {
  municipalityId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryReachableSetArgs = {
  vehicleId: Scalars['ID']['input'];
  withinMinutes: Scalars['Int']['input'];
};


export type QuerySightingPathArgs = {
  fromSightingId: Scalars['ID']['input'];
  toSightingId: Scalars['ID']['input'];
};


export type QueryVehicleArgs = {
  id: Scalars['ID']['input'];
};


export type QueryVehicleRouteArgs = {
  from?: InputMaybe<Scalars['DateTime']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
  vehicleId: Scalars['ID']['input'];
};


export type QueryVehiclesSeenInArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  municipalityId: Scalars['ID']['input'];
  since: Scalars['DateTime']['input'];
};


export type QueryWantedVehicleArgs = {
  id: Scalars['ID']['input'];
};


export type QueryWantedVehiclesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<WantedStatus>;
};

export type ReachableCamera = {
  __typename?: 'ReachableCamera';
  camera: Camera;
  hops: Scalars['Int']['output'];
  municipality?: Maybe<Municipality>;
  /** Least sum of median camera-to-camera travel times to it. */
  seconds: Scalars['Float']['output'];
};

export type ReachableMunicipality = {
  __typename?: 'ReachableMunicipality';
  municipality: Municipality;
  /** How soon its first camera is reachable: the city to alert first comes first. */
  seconds: Scalars['Float']['output'];
};

export type ReachableSet = {
  __typename?: 'ReachableSet';
  cameras: Array<ReachableCamera>;
  from: Sighting;
  /** The UTC hour of day whose learned flows were walked; null when that hour had none and every hour's were used. */
  hourOfDayUtc?: Maybe<Scalars['Int']['output']>;
  municipalities: Array<ReachableMunicipality>;
  withinMinutes: Scalars['Int']['output'];
};


export type ReachableSetCamerasArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type ReachableSetMunicipalitiesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type ReconstructedRoute = {
  __typename?: 'ReconstructedRoute';
  /** Product of each leg's most probable drive's probability. */
  confidence: Scalars['Float']['output'];
  legs: Array<RouteLeg>;
  lengthMeters: Scalars['Float']['output'];
  model: TrackingModelInfo;
  sightings: Array<RouteSighting>;
};


export type ReconstructedRouteLegsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};


export type ReconstructedRouteSightingsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** What an edge node or graph worker learns back when it records a hit: no personal data. */
export type RecordedHit = {
  __typename?: 'RecordedHit';
  /** True when the same hit (wanted vehicle, camera, capture instant) was already recorded. */
  duplicate: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  status: HitStatus;
};

export type RiskLevel =
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM';

/** A directed street of the model's network, as a leg or a drive passes it. */
export type RoadSegment = {
  __typename?: 'RoadSegment';
  fromJunction: Scalars['ID']['output'];
  id: Scalars['ID']['output'];
  lengthMeters: Scalars['Float']['output'];
  municipality: Municipality;
  toJunction: Scalars['ID']['output'];
};

export type RouteAlternative = {
  __typename?: 'RouteAlternative';
  /** Median time of this drive in the hour of the earlier sighting, from the learned link travel times. */
  expectedSeconds: Scalars['Float']['output'];
  freeFlowSeconds: Scalars['Float']['output'];
  lengthMeters: Scalars['Float']['output'];
  probability: Scalars['Float']['output'];
  reasons: RouteReasons;
  roads: Array<RoadSegment>;
};


export type RouteAlternativeRoadsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** The drive between two consecutive used sightings. */
export type RouteLeg = {
  __typename?: 'RouteLeg';
  /** Most probable first: the first is the reconstructed route; the others are what it beat. */
  alternatives: Array<RouteAlternative>;
  elapsedSeconds: Scalars['Float']['output'];
  from: Sighting;
  /** Local hour of day of the earlier sighting, whose travel times were used. */
  hourOfDay: Scalars['Int']['output'];
  to: Sighting;
};


/** The drive between two consecutive used sightings. */
export type RouteLegAlternativesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Why a drive is as likely as it is: the log-likelihood terms it was weighed by. */
export type RouteReasons = {
  __typename?: 'RouteReasons';
  /** How much slower than the quickest candidate at free flow (0.05 = 5 %): drivers take the fastest routes. */
  detourShare: Scalars['Float']['output'];
  /** Log-likelihood of the observed time given the drive's expected time in that hour. */
  timeLogLikelihood: Scalars['Float']['output'];
  /** Log-probability of its turns under the learned turn preferences. */
  turnLogProbability: Scalars['Float']['output'];
  /** Working cameras on the drive that did not see the vehicle. */
  unseenCameras: Array<Camera>;
};


/** Why a drive is as likely as it is: the log-likelihood terms it was weighed by. */
export type RouteReasonsUnseenCamerasArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type RouteSighting = {
  __typename?: 'RouteSighting';
  sighting: Sighting;
  verdict: SightingVerdict;
};

/** One hit of a wanted vehicle at a camera, in the chain of its sightings. */
export type Sighting = {
  __typename?: 'Sighting';
  camera: Camera;
  capturedAt: Scalars['DateTime']['output'];
  confidence: Scalars['Float']['output'];
  id: Scalars['ID']['output'];
  matchKind: MatchKind;
  next?: Maybe<Sighting>;
  previous?: Maybe<Sighting>;
  receivedAt: Scalars['DateTime']['output'];
  vehicle: Vehicle;
};

/** A path through the road graph between the cameras of two sightings. */
export type SightingPath = {
  __typename?: 'SightingPath';
  /** Cameras along the shortest road path, both ends included. */
  cameras: Array<Camera>;
  /** Seconds between the two captures. */
  elapsedSeconds: Scalars['Float']['output'];
  freeFlowSeconds: Scalars['Float']['output'];
  from: Sighting;
  lengthMeters: Scalars['Float']['output'];
  to: Sighting;
};

export type SightingVerdict =
  /** No drive explains it in time while the next sighting fits: a likely misread or cloned plate, set aside. */
  | 'IMPLAUSIBLE'
  /** Another frame of the same pass. */
  | 'REPEAT'
  /** At a camera the model's street network does not have. */
  | 'UNKNOWN_CAMERA'
  | 'USED';

export type SignalPhase = {
  __typename?: 'SignalPhase';
  approachIds: Array<Scalars['ID']['output']>;
  greenSeconds: Scalars['Int']['output'];
  name: Scalars['String']['output'];
};

export type SubjectPosition = {
  __typename?: 'SubjectPosition';
  accuracyMeters: Scalars['Float']['output'];
  position: GeoPoint;
  recordedAt: Scalars['DateTime']['output'];
};

/** What the tracking model behind an answer was fitted on. */
export type TrackingModelInfo = {
  __typename?: 'TrackingModelInfo';
  aggregateCells: Scalars['Int']['output'];
  scenario: Scalars['String']['output'];
  sightingSequences: Scalars['Int']['output'];
  split: Scalars['String']['output'];
};

export type TransitionCount = {
  __typename?: 'TransitionCount';
  count: Scalars['Float']['output'];
  total: Scalars['Float']['output'];
};

/** A wanted vehicle as the regional sighting graph knows it: only wanted vehicles are ever in it. */
export type Vehicle = {
  __typename?: 'Vehicle';
  /** The wanted-vehicle id (police list) this track belongs to. */
  id: Scalars['ID']['output'];
  /** Where the given patrol units can be before it, ranked by the chance the vehicle passes there and the unit is in time. */
  interceptionPlan?: Maybe<InterceptionPlan>;
  lastSighting?: Maybe<Sighting>;
  /** Municipalities in the order the vehicle crossed them. */
  municipalitiesCrossed: Array<MunicipalityCrossing>;
  /** The cameras it will pass next, from its latest sighting, with probabilities and arrival intervals. */
  nextCameras?: Maybe<NextCameras>;
  /** Cameras and municipalities it can reach from its latest sighting within the time, over learned camera-to-camera flows. */
  reachableSet?: Maybe<ReachableSet>;
  /** The route between its sightings (in the capture window), with alternatives and how sure each leg is. */
  route?: Maybe<ReconstructedRoute>;
  /** Sightings in capture-time order. */
  sightings: Array<Sighting>;
  wantedVehicle: WantedVehicle;
};


/** A wanted vehicle as the regional sighting graph knows it: only wanted vehicles are ever in it. */
export type VehicleInterceptionPlanArgs = {
  at?: InputMaybe<Scalars['DateTime']['input']>;
  units: Array<PatrolUnitInput>;
};


/** A wanted vehicle as the regional sighting graph knows it: only wanted vehicles are ever in it. */
export type VehicleReachableSetArgs = {
  withinMinutes: Scalars['Int']['input'];
};


/** A wanted vehicle as the regional sighting graph knows it: only wanted vehicles are ever in it. */
export type VehicleRouteArgs = {
  from?: InputMaybe<Scalars['DateTime']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
};


/** A wanted vehicle as the regional sighting graph knows it: only wanted vehicles are ever in it. */
export type VehicleSightingsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  from?: InputMaybe<Scalars['DateTime']['input']>;
  to?: InputMaybe<Scalars['DateTime']['input']>;
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

/** An entry of the police wanted-vehicle list (112). Police only. */
export type WantedVehicle = {
  __typename?: 'WantedVehicle';
  case?: Maybe<Case>;
  hits: Array<Hit>;
  id: Scalars['ID']['output'];
  kind: WantedKind;
  owningAgency: Scalars['String']['output'];
  /** The plate in clear, canonical form. Police only. */
  plate?: Maybe<Scalars['String']['output']>;
  /** The witness pattern for partial plates. Police only. */
  platePattern?: Maybe<Scalars['String']['output']>;
  /** 0 (routine) to 100 (immediate danger). */
  priority: Scalars['Int']['output'];
  reason: WantedReason;
  revocationReason?: Maybe<Scalars['String']['output']>;
  revokedAt?: Maybe<Scalars['DateTime']['output']>;
  revokedBy?: Maybe<Scalars['String']['output']>;
  status: WantedStatus;
  validFrom: Scalars['DateTime']['output'];
  validUntil?: Maybe<Scalars['DateTime']['output']>;
  /** The wanted vehicle's track in the sighting graph, once it has been sighted. */
  vehicle?: Maybe<Vehicle>;
};


/** An entry of the police wanted-vehicle list (112). Police only. */
export type WantedVehicleHitsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<HitStatus>;
};

export type WantedVehicleInput = {
  caseNumber: Scalars['ID']['input'];
  /** Full plate; give exactly one of plate and platePattern. */
  plate?: InputMaybe<Scalars['String']['input']>;
  platePattern?: InputMaybe<Scalars['String']['input']>;
  priority: Scalars['Int']['input'];
  reason: WantedReason;
  validFrom?: InputMaybe<Scalars['DateTime']['input']>;
  validUntil?: InputMaybe<Scalars['DateTime']['input']>;
};

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

export type PatrolUnitInput = {
  id: string | number;
  latitude: number;
  longitude: number;
};

export type WantedReason =
  | 'AMBER_ALERT'
  | 'FUGITIVE'
  | 'HIT_AND_RUN'
  | 'MISSING_PERSON'
  | 'OTHER'
  | 'STOLEN';

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
