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

export type Camera = {
  __typename?: 'Camera';
  id: Scalars['ID']['output'];
  municipality: Municipality;
  /** Provided by the sighting graph's own copy of the camera, so a track needs no trip to cctv for names. */
  name: Scalars['String']['output'];
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

export type Query = {
  __typename?: 'Query';
  sightingPath?: Maybe<SightingPath>;
  vehicle?: Maybe<Vehicle>;
  vehiclesSeenIn: Array<Vehicle>;
};


export type QuerySightingPathArgs = {
  fromSightingId: Scalars['ID']['input'];
  toSightingId: Scalars['ID']['input'];
};


export type QueryVehicleArgs = {
  id: Scalars['ID']['input'];
};


export type QueryVehiclesSeenInArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  municipalityId: Scalars['ID']['input'];
  since: Scalars['DateTime']['input'];
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

/** A wanted vehicle as the regional sighting graph knows it: only wanted vehicles are ever in it. */
export type Vehicle = {
  __typename?: 'Vehicle';
  /** The wanted-vehicle id (police list) this track belongs to. */
  id: Scalars['ID']['output'];
  lastSighting?: Maybe<Sighting>;
  /** Municipalities in the order the vehicle crossed them. */
  municipalitiesCrossed: Array<MunicipalityCrossing>;
  /** Sightings in capture-time order. */
  sightings: Array<Sighting>;
  wantedVehicle: WantedVehicle;
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
  Camera: ResolverTypeWrapper<Camera>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  MatchKind: MatchKind;
  Municipality: ResolverTypeWrapper<Municipality>;
  MunicipalityCrossing: ResolverTypeWrapper<MunicipalityCrossing>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Sighting: ResolverTypeWrapper<Sighting>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  SightingPath: ResolverTypeWrapper<SightingPath>;
  Vehicle: ResolverTypeWrapper<Vehicle>;
  WantedVehicle: ResolverTypeWrapper<WantedVehicle>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Camera: Camera | FederationReferenceTypes['Camera'];
  ID: Scalars['ID']['output'];
  DateTime: Scalars['DateTime']['output'];
  Municipality: Municipality | FederationReferenceTypes['Municipality'];
  MunicipalityCrossing: MunicipalityCrossing;
  Query: Record<PropertyKey, never>;
  Sighting: Sighting | FederationReferenceTypes['Sighting'];
  Float: Scalars['Float']['output'];
  SightingPath: SightingPath;
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

export type CameraResolvers<ContextType = TrackingContext, ParentType extends ResolversParentTypes['Camera'] = ResolversParentTypes['Camera'], FederationReferenceType extends FederationReferenceTypes['Camera'] = FederationReferenceTypes['Camera']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Camera']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  municipality?: Resolver<ResolversTypes['Municipality'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

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

export type QueryResolvers<ContextType = TrackingContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  sightingPath?: Resolver<Maybe<ResolversTypes['SightingPath']>, ParentType, ContextType, RequireFields<QuerySightingPathArgs, 'fromSightingId' | 'toSightingId'>>;
  vehicle?: Resolver<Maybe<ResolversTypes['Vehicle']>, ParentType, ContextType, RequireFields<QueryVehicleArgs, 'id'>>;
  vehiclesSeenIn?: Resolver<Array<ResolversTypes['Vehicle']>, ParentType, ContextType, RequireFields<QueryVehiclesSeenInArgs, 'first' | 'municipalityId' | 'since'>>;
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

export type VehicleResolvers<ContextType = TrackingContext, ParentType extends ResolversParentTypes['Vehicle'] = ResolversParentTypes['Vehicle'], FederationReferenceType extends FederationReferenceTypes['Vehicle'] = FederationReferenceTypes['Vehicle']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Vehicle']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastSighting?: Resolver<Maybe<ResolversTypes['Sighting']>, ParentType, ContextType>;
  municipalitiesCrossed?: Resolver<Array<ResolversTypes['MunicipalityCrossing']>, ParentType, ContextType>;
  sightings?: Resolver<Array<ResolversTypes['Sighting']>, ParentType, ContextType, RequireFields<VehicleSightingsArgs, 'first'>>;
  wantedVehicle?: Resolver<ResolversTypes['WantedVehicle'], ParentType, ContextType>;
};

export type WantedVehicleResolvers<ContextType = TrackingContext, ParentType extends ResolversParentTypes['WantedVehicle'] = ResolversParentTypes['WantedVehicle'], FederationReferenceType extends FederationReferenceTypes['WantedVehicle'] = FederationReferenceTypes['WantedVehicle']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['WantedVehicle']> | FederationReferenceType, FederationReferenceType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  vehicle?: Resolver<Maybe<ResolversTypes['Vehicle']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = TrackingContext> = {
  Camera?: CameraResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Municipality?: MunicipalityResolvers<ContextType>;
  MunicipalityCrossing?: MunicipalityCrossingResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  Sighting?: SightingResolvers<ContextType>;
  SightingPath?: SightingPathResolvers<ContextType>;
  Vehicle?: VehicleResolvers<ContextType>;
  WantedVehicle?: WantedVehicleResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = TrackingContext> = {
  access?: AccessDirectiveResolver<any, any, ContextType>;
};
