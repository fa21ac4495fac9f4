import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { MojContext } from '../context.js';
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

export type GeoPoint = {
  __typename?: 'GeoPoint';
  latitude: Scalars['Float']['output'];
  longitude: Scalars['Float']['output'];
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

export type LinkedVehicle = {
  __typename?: 'LinkedVehicle';
  plate: Scalars['String']['output'];
  relation: Scalars['String']['output'];
};

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

export type Query = {
  __typename?: 'Query';
  monitoredSubject?: Maybe<MonitoredSubject>;
  monitoredSubjects: Array<MonitoredSubject>;
};


export type QueryMonitoredSubjectArgs = {
  id: Scalars['ID']['input'];
};


export type QueryMonitoredSubjectsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  riskLevel?: InputMaybe<RiskLevel>;
};

export type RiskLevel =
  | 'HIGH'
  | 'LOW'
  | 'MEDIUM';

export type SubjectPosition = {
  __typename?: 'SubjectPosition';
  accuracyMeters: Scalars['Float']['output'];
  position: GeoPoint;
  recordedAt: Scalars['DateTime']['output'];
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
  MonitoredSubject: MonitoredSubject;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  MonitoredSubject:
    ( { __typename: 'MonitoredSubject' }
    & GraphQLRecursivePick<FederationTypes['MonitoredSubject'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  GeoPoint: ResolverTypeWrapper<GeoPoint>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  GeofenceEvent: ResolverTypeWrapper<GeofenceEvent>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  GeofenceEventKind: GeofenceEventKind;
  LinkedVehicle: ResolverTypeWrapper<LinkedVehicle>;
  MonitoredSubject: ResolverTypeWrapper<MonitoredSubject>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RiskLevel: RiskLevel;
  SubjectPosition: ResolverTypeWrapper<SubjectPosition>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  DateTime: Scalars['DateTime']['output'];
  GeoPoint: GeoPoint;
  Float: Scalars['Float']['output'];
  GeofenceEvent: GeofenceEvent;
  ID: Scalars['ID']['output'];
  LinkedVehicle: LinkedVehicle;
  MonitoredSubject: MonitoredSubject | FederationReferenceTypes['MonitoredSubject'];
  Query: Record<PropertyKey, never>;
  SubjectPosition: SubjectPosition;
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

export type AccessDirectiveResolver<Result, Parent, ContextType = MojContext, Args = AccessDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type GeoPointResolvers<ContextType = MojContext, ParentType extends ResolversParentTypes['GeoPoint'] = ResolversParentTypes['GeoPoint']> = {
  latitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  longitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type GeofenceEventResolvers<ContextType = MojContext, ParentType extends ResolversParentTypes['GeofenceEvent'] = ResolversParentTypes['GeofenceEvent']> = {
  at?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['GeofenceEventKind'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['GeoPoint'], ParentType, ContextType>;
  zoneName?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type LinkedVehicleResolvers<ContextType = MojContext, ParentType extends ResolversParentTypes['LinkedVehicle'] = ResolversParentTypes['LinkedVehicle']> = {
  plate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  relation?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MonitoredSubjectResolvers<ContextType = MojContext, ParentType extends ResolversParentTypes['MonitoredSubject'] = ResolversParentTypes['MonitoredSubject'], FederationReferenceType extends FederationReferenceTypes['MonitoredSubject'] = FederationReferenceTypes['MonitoredSubject']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['MonitoredSubject']> | FederationReferenceType, FederationReferenceType, ContextType>;
  alias?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  geofenceEvents?: Resolver<Array<ResolversTypes['GeofenceEvent']>, ParentType, ContextType, Partial<MonitoredSubjectGeofenceEventsArgs>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  latestPosition?: Resolver<Maybe<ResolversTypes['SubjectPosition']>, ParentType, ContextType>;
  linkedVehicles?: Resolver<Array<ResolversTypes['LinkedVehicle']>, ParentType, ContextType>;
  riskLevel?: Resolver<ResolversTypes['RiskLevel'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = MojContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  monitoredSubject?: Resolver<Maybe<ResolversTypes['MonitoredSubject']>, ParentType, ContextType, RequireFields<QueryMonitoredSubjectArgs, 'id'>>;
  monitoredSubjects?: Resolver<Array<ResolversTypes['MonitoredSubject']>, ParentType, ContextType, RequireFields<QueryMonitoredSubjectsArgs, 'first'>>;
};

export type SubjectPositionResolvers<ContextType = MojContext, ParentType extends ResolversParentTypes['SubjectPosition'] = ResolversParentTypes['SubjectPosition']> = {
  accuracyMeters?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['GeoPoint'], ParentType, ContextType>;
  recordedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type Resolvers<ContextType = MojContext> = {
  DateTime?: GraphQLScalarType;
  GeoPoint?: GeoPointResolvers<ContextType>;
  GeofenceEvent?: GeofenceEventResolvers<ContextType>;
  LinkedVehicle?: LinkedVehicleResolvers<ContextType>;
  MonitoredSubject?: MonitoredSubjectResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  SubjectPosition?: SubjectPositionResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = MojContext> = {
  access?: AccessDirectiveResolver<any, any, ContextType>;
};
