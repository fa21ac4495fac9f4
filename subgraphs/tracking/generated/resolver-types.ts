import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { TrackingContext } from '../context.js';
export type Maybe<T> = T | null;
export type InputMaybe<T> = Maybe<T>;
export type RequireFields<T, K extends keyof T> = Omit<T, K> & { [P in K]-?: NonNullable<T[P]> };
/** All built-in and custom scalars, mapped to their actual values */
export type Scalars = {
  ID: { input: string; output: string; }
  String: { input: string; output: string; }
  Boolean: { input: boolean; output: boolean; }
  Int: { input: number; output: number; }
  Float: { input: number; output: number; }
  DateTime: { input: string; output: string; }
  _FieldSet: { input: unknown; output: unknown; }
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

export type Camera = {
  __typename?: 'Camera';
  id: Scalars['ID']['output'];
  municipality: Municipality;
  /** Provided by the sighting graph's own copy of the camera, so a track needs no trip to cctv for names. */
  name: Scalars['String']['output'];
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
  /** The registry's unit of that id: its call sign and position; null for a unit given as input and not registered. */
  unit?: Maybe<PatrolUnit>;
  unitId: Scalars['ID']['output'];
  unitSeconds: Scalars['Float']['output'];
  vehicleEtaSeconds: Scalars['Float']['output'];
};

export type MatchKind =
  | 'EXACT'
  /** Within one OCR confusion of a listed plate; never shown as a confirmed sighting. */
  | 'POSSIBLE';

export type Municipality = {
  __typename?: 'Municipality';
  id: Scalars['ID']['output'];
};

export type MunicipalityCrossing = {
  __typename?: 'MunicipalityCrossing';
  firstSeenAt: Scalars['DateTime']['output'];
  lastSeenAt: Scalars['DateTime']['output'];
  municipality: Municipality;
  sightings: Scalars['Int']['output'];
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

/** A unit of the police patrol-unit registry (the police subgraph's). */
export type PatrolUnit = {
  __typename?: 'PatrolUnit';
  id: Scalars['ID']['output'];
};

export type PatrolUnitInput = {
  id: Scalars['ID']['input'];
  latitude: Scalars['Float']['input'];
  longitude: Scalars['Float']['input'];
};

export type Query = {
  __typename?: 'Query';
  interceptionPlan?: Maybe<InterceptionPlan>;
  nextCameras?: Maybe<NextCameras>;
  /** Vehicle.patrolInterceptionPlan by the vehicle's id. */
  patrolInterceptionPlan?: Maybe<InterceptionPlan>;
  reachableSet?: Maybe<ReachableSet>;
  sightingPath?: Maybe<SightingPath>;
  vehicle?: Maybe<Vehicle>;
  vehicleRoute?: Maybe<ReconstructedRoute>;
  vehiclesSeenIn: Array<Vehicle>;
};


export type QueryInterceptionPlanArgs = {
  at?: InputMaybe<Scalars['DateTime']['input']>;
  units: Array<PatrolUnitInput>;
  vehicleId: Scalars['ID']['input'];
};


export type QueryNextCamerasArgs = {
  vehicleId: Scalars['ID']['input'];
};


export type QueryPatrolInterceptionPlanArgs = {
  at?: InputMaybe<Scalars['DateTime']['input']>;
  vehicleId: Scalars['ID']['input'];
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
  /**
   * The same for the registered patrol units (police registry) that reported their position in the last 2 minutes, the
   * 20 nearest to the latest sighting; DS_NOT_FOUND when none has.
   */
  patrolInterceptionPlan?: Maybe<InterceptionPlan>;
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
export type VehiclePatrolInterceptionPlanArgs = {
  at?: InputMaybe<Scalars['DateTime']['input']>;
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

export type WantedVehicle = {
  __typename?: 'WantedVehicle';
  id: Scalars['ID']['output'];
  /** The wanted vehicle's track in the sighting graph, once it has been sighted. */
  vehicle?: Maybe<Vehicle>;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;

export type ReferenceResolver<TResult, TReference, TContext> = (
      reference: TReference,
      context: TContext,
      info: GraphQLResolveInfo
    ) => Promise<TResult> | TResult;

      type ScalarCheck<T, S> = S extends true ? T : NullableCheck<T, S>;
      type NullableCheck<T, S> = Maybe<T> extends T ? Maybe<ListCheck<NonNullable<T>, S>> : ListCheck<T, S>;
      type ListCheck<T, S> = T extends (infer U)[] ? NullableCheck<U, S>[] : GraphQLRecursivePick<T, S>;
      export type GraphQLRecursivePick<T, S> = { [K in keyof T & keyof S]: ScalarCheck<T[K], S[K]> };
    

export type ResolverWithResolve<TResult, TParent, TContext, TArgs> = {
  resolve: ResolverFn<TResult, TParent, TContext, TArgs>;
};
export type Resolver<TResult, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = ResolverFn<TResult, TParent, TContext, TArgs> | ResolverWithResolve<TResult, TParent, TContext, TArgs>;

export type ResolverFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => Promise<TResult> | TResult;

export type SubscriptionSubscribeFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => AsyncIterable<TResult> | Promise<AsyncIterable<TResult>>;

export type SubscriptionResolveFn<TResult, TParent, TContext, TArgs> = (
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

export interface SubscriptionSubscriberObject<TResult, TKey extends string, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<{ [key in TKey]: TResult }, TParent, TContext, TArgs>;
  resolve?: SubscriptionResolveFn<TResult, { [key in TKey]: TResult }, TContext, TArgs>;
}

export interface SubscriptionResolverObject<TResult, TParent, TContext, TArgs> {
  subscribe: SubscriptionSubscribeFn<any, TParent, TContext, TArgs>;
  resolve: SubscriptionResolveFn<TResult, any, TContext, TArgs>;
}

export type SubscriptionObject<TResult, TKey extends string, TParent, TContext, TArgs> =
  | SubscriptionSubscriberObject<TResult, TKey, TParent, TContext, TArgs>
  | SubscriptionResolverObject<TResult, TParent, TContext, TArgs>;

export type SubscriptionResolver<TResult, TKey extends string, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> =
  | ((...args: any[]) => SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>)
  | SubscriptionObject<TResult, TKey, TParent, TContext, TArgs>;

export type TypeResolveFn<TTypes, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (
  parent: TParent,
  context: TContext,
  info: GraphQLResolveInfo
) => Maybe<TTypes> | Promise<Maybe<TTypes>>;

export type IsTypeOfResolverFn<T = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>> = (obj: T, context: TContext, info: GraphQLResolveInfo) => boolean | Promise<boolean>;

export type NextResolverFn<T> = () => Promise<T>;

export type DirectiveResolverFn<TResult = Record<PropertyKey, never>, TParent = Record<PropertyKey, never>, TContext = Record<PropertyKey, never>, TArgs = Record<PropertyKey, never>> = (
  next: NextResolverFn<TResult>,
  parent: TParent,
  args: TArgs,
  context: TContext,
  info: GraphQLResolveInfo
) => TResult | Promise<TResult>;

/** Mapping of federation types */
export type FederationTypes = {
  Camera: Camera;
  Municipality: Municipality;
  Sighting: Sighting;
  Vehicle: Vehicle;
  WantedVehicle: WantedVehicle;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Camera:
    ( { __typename: 'Camera' }
    & GraphQLRecursivePick<FederationTypes['Camera'], {"id":true}> );
  Municipality:
    ( { __typename: 'Municipality' }
    & GraphQLRecursivePick<FederationTypes['Municipality'], {"id":true}> );
  Sighting:
    ( { __typename: 'Sighting' }
    & GraphQLRecursivePick<FederationTypes['Sighting'], {"id":true}> );
  Vehicle:
    ( { __typename: 'Vehicle' }
    & GraphQLRecursivePick<FederationTypes['Vehicle'], {"id":true}> );
  WantedVehicle:
    ( { __typename: 'WantedVehicle' }
    & GraphQLRecursivePick<FederationTypes['WantedVehicle'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  ArrivalInterval: ResolverTypeWrapper<ArrivalInterval>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  Camera: ResolverTypeWrapper<Camera>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  InterceptionPlan: ResolverTypeWrapper<InterceptionPlan>;
  InterceptionPoint: ResolverTypeWrapper<InterceptionPoint>;
  MatchKind: MatchKind;
  Municipality: ResolverTypeWrapper<Municipality>;
  MunicipalityCrossing: ResolverTypeWrapper<MunicipalityCrossing>;
  NextCameraForecast: ResolverTypeWrapper<NextCameraForecast>;
  NextCameraReasons: ResolverTypeWrapper<NextCameraReasons>;
  NextCameras: ResolverTypeWrapper<NextCameras>;
  PatrolUnit: ResolverTypeWrapper<PatrolUnit>;
  PatrolUnitInput: PatrolUnitInput;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  ReachableCamera: ResolverTypeWrapper<ReachableCamera>;
  ReachableMunicipality: ResolverTypeWrapper<ReachableMunicipality>;
  ReachableSet: ResolverTypeWrapper<ReachableSet>;
  ReconstructedRoute: ResolverTypeWrapper<ReconstructedRoute>;
  RoadSegment: ResolverTypeWrapper<RoadSegment>;
  RouteAlternative: ResolverTypeWrapper<RouteAlternative>;
  RouteLeg: ResolverTypeWrapper<RouteLeg>;
  RouteReasons: ResolverTypeWrapper<RouteReasons>;
  RouteSighting: ResolverTypeWrapper<RouteSighting>;
  Sighting: ResolverTypeWrapper<Sighting>;
  SightingPath: ResolverTypeWrapper<SightingPath>;
  SightingVerdict: SightingVerdict;
  TrackingModelInfo: ResolverTypeWrapper<TrackingModelInfo>;
  TransitionCount: ResolverTypeWrapper<TransitionCount>;
  Vehicle: ResolverTypeWrapper<Vehicle>;
  WantedVehicle: ResolverTypeWrapper<WantedVehicle>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  ArrivalInterval: ArrivalInterval;
  Float: Scalars['Float']['output'];
  Camera: Camera | FederationReferenceTypes['Camera'];
  ID: Scalars['ID']['output'];
  DateTime: Scalars['DateTime']['output'];
  InterceptionPlan: InterceptionPlan;
  InterceptionPoint: InterceptionPoint;
  Municipality: Municipality | FederationReferenceTypes['Municipality'];
  MunicipalityCrossing: MunicipalityCrossing;
  NextCameraForecast: NextCameraForecast;
  NextCameraReasons: NextCameraReasons;
  NextCameras: NextCameras;
  PatrolUnit: PatrolUnit;
  PatrolUnitInput: PatrolUnitInput;
  Query: Record<PropertyKey, never>;
  ReachableCamera: ReachableCamera;
  ReachableMunicipality: ReachableMunicipality;
  ReachableSet: ReachableSet;
  ReconstructedRoute: ReconstructedRoute;
  RoadSegment: RoadSegment;
  RouteAlternative: RouteAlternative;
  RouteLeg: RouteLeg;
  RouteReasons: RouteReasons;
  RouteSighting: RouteSighting;
  Sighting: Sighting | FederationReferenceTypes['Sighting'];
  SightingPath: SightingPath;
  TrackingModelInfo: TrackingModelInfo;
  TransitionCount: TransitionCount;
  Vehicle: Vehicle | FederationReferenceTypes['Vehicle'];
  WantedVehicle: WantedVehicle | FederationReferenceTypes['WantedVehicle'];
  String: Scalars['String']['output'];
  Int: Scalars['Int']['output'];
  Boolean: Scalars['Boolean']['output'];
};

export type AccessDirectiveArgs = {
  agencies?: Maybe<Array<Scalars['String']['input']>>;
  clearance?: Maybe<Scalars['Int']['input']>;
  personalData?: Maybe<Scalars['Boolean']['input']>;
  scopes?: Maybe<Array<Scalars['String']['input']>>;
};

export type AccessDirectiveResolver<Result, Parent, ContextType = TrackingContext, Args = AccessDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ArrivalIntervalResolvers<ContextType = TrackingContext, ParentType extends ResolversParentTypes['ArrivalInterval'] = ResolversParentTypes['ArrivalInterval']> = {
  earliestAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  expectedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  highSeconds?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  latestAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  lowSeconds?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  medianSeconds?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type CameraResolvers<ContextType = TrackingContext, ParentType extends ResolversParentTypes['Camera'] = ResolversParentTypes['Camera'], FederationReferenceType extends FederationReferenceTypes['Camera'] = FederationReferenceTypes['Camera']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Camera']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  municipality?: Resolver<ResolversTypes['Municipality'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type InterceptionPlanResolvers<ContextType = TrackingContext, ParentType extends ResolversParentTypes['InterceptionPlan'] = ResolversParentTypes['InterceptionPlan']> = {
  latest?: Resolver<ResolversTypes['Sighting'], ParentType, ContextType>;
  model?: Resolver<ResolversTypes['TrackingModelInfo'], ParentType, ContextType>;
  plannedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  points?: Resolver<Array<ResolversTypes['InterceptionPoint']>, ParentType, ContextType, RequireFields<InterceptionPlanPointsArgs, 'first'>>;
};

export type InterceptionPointResolvers<ContextType = TrackingContext, ParentType extends ResolversParentTypes['InterceptionPoint'] = ResolversParentTypes['InterceptionPoint']> = {
  camera?: Resolver<Maybe<ResolversTypes['Camera']>, ParentType, ContextType>;
  interceptProbability?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  junctionId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  latitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  longitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  municipality?: Resolver<ResolversTypes['Municipality'], ParentType, ContextType>;
  passProbability?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  slackSeconds?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  unit?: Resolver<Maybe<ResolversTypes['PatrolUnit']>, ParentType, ContextType>;
  unitId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  unitSeconds?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  vehicleEtaSeconds?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type MunicipalityResolvers<ContextType = TrackingContext, ParentType extends ResolversParentTypes['Municipality'] = ResolversParentTypes['Municipality'], FederationReferenceType extends FederationReferenceTypes['Municipality'] = FederationReferenceTypes['Municipality']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Municipality']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type MunicipalityCrossingResolvers<ContextType = TrackingContext, ParentType extends ResolversParentTypes['MunicipalityCrossing'] = ResolversParentTypes['MunicipalityCrossing']> = {
  firstSeenAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  lastSeenAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  municipality?: Resolver<ResolversTypes['Municipality'], ParentType, ContextType>;
  sightings?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type NextCameraForecastResolvers<ContextType = TrackingContext, ParentType extends ResolversParentTypes['NextCameraForecast'] = ResolversParentTypes['NextCameraForecast']> = {
  arrival?: Resolver<ResolversTypes['ArrivalInterval'], ParentType, ContextType>;
  camera?: Resolver<ResolversTypes['Camera'], ParentType, ContextType>;
  municipality?: Resolver<ResolversTypes['Municipality'], ParentType, ContextType>;
  probability?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  reasons?: Resolver<ResolversTypes['NextCameraReasons'], ParentType, ContextType>;
};

export type NextCameraReasonsResolvers<ContextType = TrackingContext, ParentType extends ResolversParentTypes['NextCameraReasons'] = ResolversParentTypes['NextCameraReasons']> = {
  destinationProbability?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  likeliestDrive?: Resolver<Array<ResolversTypes['RoadSegment']>, ParentType, ContextType, RequireFields<NextCameraReasonsLikeliestDriveArgs, 'first'>>;
  roadModelProbability?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  transitionsAfterPrevious?: Resolver<Maybe<ResolversTypes['TransitionCount']>, ParentType, ContextType>;
  transitionsFromCamera?: Resolver<ResolversTypes['TransitionCount'], ParentType, ContextType>;
};

export type NextCamerasResolvers<ContextType = TrackingContext, ParentType extends ResolversParentTypes['NextCameras'] = ResolversParentTypes['NextCameras']> = {
  forecasts?: Resolver<Array<ResolversTypes['NextCameraForecast']>, ParentType, ContextType, RequireFields<NextCamerasForecastsArgs, 'first'>>;
  hourOfDay?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  latest?: Resolver<ResolversTypes['Sighting'], ParentType, ContextType>;
  model?: Resolver<ResolversTypes['TrackingModelInfo'], ParentType, ContextType>;
  previous?: Resolver<Maybe<ResolversTypes['Sighting']>, ParentType, ContextType>;
};

export type PatrolUnitResolvers<ContextType = TrackingContext, ParentType extends ResolversParentTypes['PatrolUnit'] = ResolversParentTypes['PatrolUnit']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = TrackingContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  interceptionPlan?: Resolver<Maybe<ResolversTypes['InterceptionPlan']>, ParentType, ContextType, RequireFields<QueryInterceptionPlanArgs, 'units' | 'vehicleId'>>;
  nextCameras?: Resolver<Maybe<ResolversTypes['NextCameras']>, ParentType, ContextType, RequireFields<QueryNextCamerasArgs, 'vehicleId'>>;
  patrolInterceptionPlan?: Resolver<Maybe<ResolversTypes['InterceptionPlan']>, ParentType, ContextType, RequireFields<QueryPatrolInterceptionPlanArgs, 'vehicleId'>>;
  reachableSet?: Resolver<Maybe<ResolversTypes['ReachableSet']>, ParentType, ContextType, RequireFields<QueryReachableSetArgs, 'vehicleId' | 'withinMinutes'>>;
  sightingPath?: Resolver<Maybe<ResolversTypes['SightingPath']>, ParentType, ContextType, RequireFields<QuerySightingPathArgs, 'fromSightingId' | 'toSightingId'>>;
  vehicle?: Resolver<Maybe<ResolversTypes['Vehicle']>, ParentType, ContextType, RequireFields<QueryVehicleArgs, 'id'>>;
  vehicleRoute?: Resolver<Maybe<ResolversTypes['ReconstructedRoute']>, ParentType, ContextType, RequireFields<QueryVehicleRouteArgs, 'vehicleId'>>;
  vehiclesSeenIn?: Resolver<Array<ResolversTypes['Vehicle']>, ParentType, ContextType, RequireFields<QueryVehiclesSeenInArgs, 'first' | 'municipalityId' | 'since'>>;
};

export type ReachableCameraResolvers<ContextType = TrackingContext, ParentType extends ResolversParentTypes['ReachableCamera'] = ResolversParentTypes['ReachableCamera']> = {
  camera?: Resolver<ResolversTypes['Camera'], ParentType, ContextType>;
  hops?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  municipality?: Resolver<Maybe<ResolversTypes['Municipality']>, ParentType, ContextType>;
  seconds?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type ReachableMunicipalityResolvers<ContextType = TrackingContext, ParentType extends ResolversParentTypes['ReachableMunicipality'] = ResolversParentTypes['ReachableMunicipality']> = {
  municipality?: Resolver<ResolversTypes['Municipality'], ParentType, ContextType>;
  seconds?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type ReachableSetResolvers<ContextType = TrackingContext, ParentType extends ResolversParentTypes['ReachableSet'] = ResolversParentTypes['ReachableSet']> = {
  cameras?: Resolver<Array<ResolversTypes['ReachableCamera']>, ParentType, ContextType, RequireFields<ReachableSetCamerasArgs, 'first'>>;
  from?: Resolver<ResolversTypes['Sighting'], ParentType, ContextType>;
  hourOfDayUtc?: Resolver<Maybe<ResolversTypes['Int']>, ParentType, ContextType>;
  municipalities?: Resolver<Array<ResolversTypes['ReachableMunicipality']>, ParentType, ContextType, RequireFields<ReachableSetMunicipalitiesArgs, 'first'>>;
  withinMinutes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type ReconstructedRouteResolvers<ContextType = TrackingContext, ParentType extends ResolversParentTypes['ReconstructedRoute'] = ResolversParentTypes['ReconstructedRoute']> = {
  confidence?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  legs?: Resolver<Array<ResolversTypes['RouteLeg']>, ParentType, ContextType, RequireFields<ReconstructedRouteLegsArgs, 'first'>>;
  lengthMeters?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  model?: Resolver<ResolversTypes['TrackingModelInfo'], ParentType, ContextType>;
  sightings?: Resolver<Array<ResolversTypes['RouteSighting']>, ParentType, ContextType, RequireFields<ReconstructedRouteSightingsArgs, 'first'>>;
};

export type RoadSegmentResolvers<ContextType = TrackingContext, ParentType extends ResolversParentTypes['RoadSegment'] = ResolversParentTypes['RoadSegment']> = {
  fromJunction?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lengthMeters?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  municipality?: Resolver<ResolversTypes['Municipality'], ParentType, ContextType>;
  toJunction?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type RouteAlternativeResolvers<ContextType = TrackingContext, ParentType extends ResolversParentTypes['RouteAlternative'] = ResolversParentTypes['RouteAlternative']> = {
  expectedSeconds?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  freeFlowSeconds?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  lengthMeters?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  probability?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  reasons?: Resolver<ResolversTypes['RouteReasons'], ParentType, ContextType>;
  roads?: Resolver<Array<ResolversTypes['RoadSegment']>, ParentType, ContextType, RequireFields<RouteAlternativeRoadsArgs, 'first'>>;
};

export type RouteLegResolvers<ContextType = TrackingContext, ParentType extends ResolversParentTypes['RouteLeg'] = ResolversParentTypes['RouteLeg']> = {
  alternatives?: Resolver<Array<ResolversTypes['RouteAlternative']>, ParentType, ContextType, RequireFields<RouteLegAlternativesArgs, 'first'>>;
  elapsedSeconds?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['Sighting'], ParentType, ContextType>;
  hourOfDay?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Sighting'], ParentType, ContextType>;
};

export type RouteReasonsResolvers<ContextType = TrackingContext, ParentType extends ResolversParentTypes['RouteReasons'] = ResolversParentTypes['RouteReasons']> = {
  detourShare?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  timeLogLikelihood?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  turnLogProbability?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  unseenCameras?: Resolver<Array<ResolversTypes['Camera']>, ParentType, ContextType, RequireFields<RouteReasonsUnseenCamerasArgs, 'first'>>;
};

export type RouteSightingResolvers<ContextType = TrackingContext, ParentType extends ResolversParentTypes['RouteSighting'] = ResolversParentTypes['RouteSighting']> = {
  sighting?: Resolver<ResolversTypes['Sighting'], ParentType, ContextType>;
  verdict?: Resolver<ResolversTypes['SightingVerdict'], ParentType, ContextType>;
};

export type SightingResolvers<ContextType = TrackingContext, ParentType extends ResolversParentTypes['Sighting'] = ResolversParentTypes['Sighting'], FederationReferenceType extends FederationReferenceTypes['Sighting'] = FederationReferenceTypes['Sighting']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Sighting']> | FederationReferenceType, FederationReferenceType, ContextType>;
  camera?: Resolver<ResolversTypes['Camera'], ParentType, ContextType>;
  capturedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  confidence?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  matchKind?: Resolver<ResolversTypes['MatchKind'], ParentType, ContextType>;
  next?: Resolver<Maybe<ResolversTypes['Sighting']>, ParentType, ContextType>;
  previous?: Resolver<Maybe<ResolversTypes['Sighting']>, ParentType, ContextType>;
  receivedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  vehicle?: Resolver<ResolversTypes['Vehicle'], ParentType, ContextType>;
};

export type SightingPathResolvers<ContextType = TrackingContext, ParentType extends ResolversParentTypes['SightingPath'] = ResolversParentTypes['SightingPath']> = {
  cameras?: Resolver<Array<ResolversTypes['Camera']>, ParentType, ContextType>;
  elapsedSeconds?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  freeFlowSeconds?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['Sighting'], ParentType, ContextType>;
  lengthMeters?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  to?: Resolver<ResolversTypes['Sighting'], ParentType, ContextType>;
};

export type TrackingModelInfoResolvers<ContextType = TrackingContext, ParentType extends ResolversParentTypes['TrackingModelInfo'] = ResolversParentTypes['TrackingModelInfo']> = {
  aggregateCells?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  scenario?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sightingSequences?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  split?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type TransitionCountResolvers<ContextType = TrackingContext, ParentType extends ResolversParentTypes['TransitionCount'] = ResolversParentTypes['TransitionCount']> = {
  count?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  total?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type VehicleResolvers<ContextType = TrackingContext, ParentType extends ResolversParentTypes['Vehicle'] = ResolversParentTypes['Vehicle'], FederationReferenceType extends FederationReferenceTypes['Vehicle'] = FederationReferenceTypes['Vehicle']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Vehicle']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  interceptionPlan?: Resolver<Maybe<ResolversTypes['InterceptionPlan']>, ParentType, ContextType, RequireFields<VehicleInterceptionPlanArgs, 'units'>>;
  lastSighting?: Resolver<Maybe<ResolversTypes['Sighting']>, ParentType, ContextType>;
  municipalitiesCrossed?: Resolver<Array<ResolversTypes['MunicipalityCrossing']>, ParentType, ContextType>;
  nextCameras?: Resolver<Maybe<ResolversTypes['NextCameras']>, ParentType, ContextType>;
  patrolInterceptionPlan?: Resolver<Maybe<ResolversTypes['InterceptionPlan']>, ParentType, ContextType, Partial<VehiclePatrolInterceptionPlanArgs>>;
  reachableSet?: Resolver<Maybe<ResolversTypes['ReachableSet']>, ParentType, ContextType, RequireFields<VehicleReachableSetArgs, 'withinMinutes'>>;
  route?: Resolver<Maybe<ResolversTypes['ReconstructedRoute']>, ParentType, ContextType, Partial<VehicleRouteArgs>>;
  sightings?: Resolver<Array<ResolversTypes['Sighting']>, ParentType, ContextType, RequireFields<VehicleSightingsArgs, 'first'>>;
  wantedVehicle?: Resolver<ResolversTypes['WantedVehicle'], ParentType, ContextType>;
};

export type WantedVehicleResolvers<ContextType = TrackingContext, ParentType extends ResolversParentTypes['WantedVehicle'] = ResolversParentTypes['WantedVehicle'], FederationReferenceType extends FederationReferenceTypes['WantedVehicle'] = FederationReferenceTypes['WantedVehicle']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['WantedVehicle']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  vehicle?: Resolver<Maybe<ResolversTypes['Vehicle']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = TrackingContext> = {
  ArrivalInterval?: ArrivalIntervalResolvers<ContextType>;
  Camera?: CameraResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  InterceptionPlan?: InterceptionPlanResolvers<ContextType>;
  InterceptionPoint?: InterceptionPointResolvers<ContextType>;
  Municipality?: MunicipalityResolvers<ContextType>;
  MunicipalityCrossing?: MunicipalityCrossingResolvers<ContextType>;
  NextCameraForecast?: NextCameraForecastResolvers<ContextType>;
  NextCameraReasons?: NextCameraReasonsResolvers<ContextType>;
  NextCameras?: NextCamerasResolvers<ContextType>;
  PatrolUnit?: PatrolUnitResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  ReachableCamera?: ReachableCameraResolvers<ContextType>;
  ReachableMunicipality?: ReachableMunicipalityResolvers<ContextType>;
  ReachableSet?: ReachableSetResolvers<ContextType>;
  ReconstructedRoute?: ReconstructedRouteResolvers<ContextType>;
  RoadSegment?: RoadSegmentResolvers<ContextType>;
  RouteAlternative?: RouteAlternativeResolvers<ContextType>;
  RouteLeg?: RouteLegResolvers<ContextType>;
  RouteReasons?: RouteReasonsResolvers<ContextType>;
  RouteSighting?: RouteSightingResolvers<ContextType>;
  Sighting?: SightingResolvers<ContextType>;
  SightingPath?: SightingPathResolvers<ContextType>;
  TrackingModelInfo?: TrackingModelInfoResolvers<ContextType>;
  TransitionCount?: TransitionCountResolvers<ContextType>;
  Vehicle?: VehicleResolvers<ContextType>;
  WantedVehicle?: WantedVehicleResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = TrackingContext> = {
  access?: AccessDirectiveResolver<any, any, ContextType>;
};
