import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { SignalsContext } from '../context.js';
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

export type Camera = {
  __typename?: 'Camera';
  distanceToNearestIntersectionMeters?: Maybe<Scalars['Float']['output']>;
  id: Scalars['ID']['output'];
  /** The signalised intersection nearest to the camera. */
  nearestIntersection?: Maybe<Intersection>;
  position: GeoPoint;
};

export type GeoPoint = {
  __typename?: 'GeoPoint';
  latitude: Scalars['Float']['output'];
  longitude: Scalars['Float']['output'];
};

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

export type Mutation = {
  __typename?: 'Mutation';
  recordHourlyVolumes: Scalars['Int']['output'];
};


export type MutationRecordHourlyVolumesArgs = {
  volumes: Array<HourlyVolumeInput>;
};

export type PhasePlan = {
  __typename?: 'PhasePlan';
  cycleSeconds: Scalars['Int']['output'];
  id: Scalars['ID']['output'];
  phases: Array<SignalPhase>;
  validFromHour: Scalars['Int']['output'];
  validToHour: Scalars['Int']['output'];
};

export type Query = {
  __typename?: 'Query';
  intersection?: Maybe<Intersection>;
  intersections: Array<Intersection>;
};


export type QueryIntersectionArgs = {
  id: Scalars['ID']['input'];
};


export type QueryIntersectionsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

export type SignalPhase = {
  __typename?: 'SignalPhase';
  approachIds: Array<Scalars['ID']['output']>;
  greenSeconds: Scalars['Int']['output'];
  name: Scalars['String']['output'];
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
  Intersection: Intersection;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Camera:
    ( { __typename: 'Camera' }
    & GraphQLRecursivePick<FederationTypes['Camera'], {"id":true}>
    & ( Record<PropertyKey, never>
        | GraphQLRecursivePick<FederationTypes['Camera'], {"position":{"latitude":true,"longitude":true}}>
        | GraphQLRecursivePick<FederationTypes['Camera'], {"position":{"latitude":true,"longitude":true}}>
        | GraphQLRecursivePick<FederationTypes['Camera'], {"position":{"latitude":true,"longitude":true}}> ) );
  Intersection:
    ( { __typename: 'Intersection' }
    & GraphQLRecursivePick<FederationTypes['Intersection'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Approach: ResolverTypeWrapper<Approach>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Camera: ResolverTypeWrapper<Camera>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  GeoPoint: ResolverTypeWrapper<GeoPoint>;
  HourlyVolume: ResolverTypeWrapper<HourlyVolume>;
  HourlyVolumeInput: HourlyVolumeInput;
  Intersection: ResolverTypeWrapper<Intersection>;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PhasePlan: ResolverTypeWrapper<PhasePlan>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  SignalPhase: ResolverTypeWrapper<SignalPhase>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Approach: Approach;
  ID: Scalars['ID']['output'];
  Camera: Camera | FederationReferenceTypes['Camera'];
  Float: Scalars['Float']['output'];
  DateTime: Scalars['DateTime']['output'];
  GeoPoint: GeoPoint;
  HourlyVolume: HourlyVolume;
  HourlyVolumeInput: HourlyVolumeInput;
  Intersection: Intersection | FederationReferenceTypes['Intersection'];
  Mutation: Record<PropertyKey, never>;
  PhasePlan: PhasePlan;
  Query: Record<PropertyKey, never>;
  SignalPhase: SignalPhase;
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

export type AccessDirectiveResolver<Result, Parent, ContextType = SignalsContext, Args = AccessDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type ApproachResolvers<ContextType = SignalsContext, ParentType extends ResolversParentTypes['Approach'] = ResolversParentTypes['Approach']> = {
  from?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  hourlyVolumes?: Resolver<Array<ResolversTypes['HourlyVolume']>, ParentType, ContextType, RequireFields<ApproachHourlyVolumesArgs, 'from' | 'to'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lanes?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type CameraResolvers<ContextType = SignalsContext, ParentType extends ResolversParentTypes['Camera'] = ResolversParentTypes['Camera'], FederationReferenceType extends FederationReferenceTypes['Camera'] = FederationReferenceTypes['Camera']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Camera']> | FederationReferenceType, FederationReferenceType, ContextType>;
  distanceToNearestIntersectionMeters?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  nearestIntersection?: Resolver<Maybe<ResolversTypes['Intersection']>, ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type GeoPointResolvers<ContextType = SignalsContext, ParentType extends ResolversParentTypes['GeoPoint'] = ResolversParentTypes['GeoPoint']> = {
  latitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  longitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type HourlyVolumeResolvers<ContextType = SignalsContext, ParentType extends ResolversParentTypes['HourlyVolume'] = ResolversParentTypes['HourlyVolume']> = {
  hourStart?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  vehicles?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type IntersectionResolvers<ContextType = SignalsContext, ParentType extends ResolversParentTypes['Intersection'] = ResolversParentTypes['Intersection'], FederationReferenceType extends FederationReferenceTypes['Intersection'] = FederationReferenceTypes['Intersection']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Intersection']> | FederationReferenceType, FederationReferenceType, ContextType>;
  approaches?: Resolver<Array<ResolversTypes['Approach']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  phasePlan?: Resolver<Maybe<ResolversTypes['PhasePlan']>, ParentType, ContextType, Partial<IntersectionPhasePlanArgs>>;
  position?: Resolver<ResolversTypes['GeoPoint'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = SignalsContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  recordHourlyVolumes?: Resolver<ResolversTypes['Int'], ParentType, ContextType, RequireFields<MutationRecordHourlyVolumesArgs, 'volumes'>>;
};

export type PhasePlanResolvers<ContextType = SignalsContext, ParentType extends ResolversParentTypes['PhasePlan'] = ResolversParentTypes['PhasePlan']> = {
  cycleSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  phases?: Resolver<Array<ResolversTypes['SignalPhase']>, ParentType, ContextType>;
  validFromHour?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  validToHour?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = SignalsContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  intersection?: Resolver<Maybe<ResolversTypes['Intersection']>, ParentType, ContextType, RequireFields<QueryIntersectionArgs, 'id'>>;
  intersections?: Resolver<Array<ResolversTypes['Intersection']>, ParentType, ContextType, RequireFields<QueryIntersectionsArgs, 'first'>>;
};

export type SignalPhaseResolvers<ContextType = SignalsContext, ParentType extends ResolversParentTypes['SignalPhase'] = ResolversParentTypes['SignalPhase']> = {
  approachIds?: Resolver<Array<ResolversTypes['ID']>, ParentType, ContextType>;
  greenSeconds?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type Resolvers<ContextType = SignalsContext> = {
  Approach?: ApproachResolvers<ContextType>;
  Camera?: CameraResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  GeoPoint?: GeoPointResolvers<ContextType>;
  HourlyVolume?: HourlyVolumeResolvers<ContextType>;
  Intersection?: IntersectionResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PhasePlan?: PhasePlanResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SignalPhase?: SignalPhaseResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = SignalsContext> = {
  access?: AccessDirectiveResolver<any, any, ContextType>;
};
