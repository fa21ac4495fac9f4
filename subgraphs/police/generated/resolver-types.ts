import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { PoliceContext } from '../context.js';
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
};

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

export type MatchKind =
  | 'EXACT'
  /** Within one OCR confusion of a listed plate; never shown as a confirmed sighting. */
  | 'POSSIBLE';

export type Mutation = {
  __typename?: 'Mutation';
  addWantedVehicle: WantedVehicle;
  decideHit: Hit;
  openCase: Case;
  /** Records a hit forwarded by an edge node or a graph worker. */
  recordHit: RecordedHit;
  revokeWantedVehicle: WantedVehicle;
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


export type MutationRevokeWantedVehicleArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};

export type Query = {
  __typename?: 'Query';
  case?: Maybe<Case>;
  /** One hit by its id; null when there is none. */
  hit?: Maybe<Hit>;
  hits: Array<Hit>;
  wantedVehicle?: Maybe<WantedVehicle>;
  wantedVehicles: Array<WantedVehicle>;
};


export type QueryCaseArgs = {
  caseNumber: Scalars['ID']['input'];
};


export type QueryHitArgs = {
  id: Scalars['ID']['input'];
};


export type QueryHitsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<HitStatus>;
};


export type QueryWantedVehicleArgs = {
  id: Scalars['ID']['input'];
};


export type QueryWantedVehiclesArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  status?: InputMaybe<WantedStatus>;
};

/** What an edge node or graph worker learns back when it records a hit: no personal data. */
export type RecordedHit = {
  __typename?: 'RecordedHit';
  /** True when the same hit (wanted vehicle, camera, capture instant) was already recorded. */
  duplicate: Scalars['Boolean']['output'];
  id: Scalars['ID']['output'];
  status: HitStatus;
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
  Case: Case;
  Hit: Hit;
  WantedVehicle: WantedVehicle;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Case:
    ( { __typename: 'Case' }
    & GraphQLRecursivePick<FederationTypes['Case'], {"caseNumber":true}> );
  Hit:
    ( { __typename: 'Hit' }
    & GraphQLRecursivePick<FederationTypes['Hit'], {"id":true}> );
  WantedVehicle:
    ( { __typename: 'WantedVehicle' }
    & GraphQLRecursivePick<FederationTypes['WantedVehicle'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Camera: ResolverTypeWrapper<Camera>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  Case: ResolverTypeWrapper<Case>;
  CaseInput: CaseInput;
  CaseStatus: CaseStatus;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Hit: ResolverTypeWrapper<Hit>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  HitDecision: HitDecision;
  HitInput: HitInput;
  HitStatus: HitStatus;
  MatchKind: MatchKind;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  RecordedHit: ResolverTypeWrapper<RecordedHit>;
  WantedKind: WantedKind;
  WantedReason: WantedReason;
  WantedStatus: WantedStatus;
  WantedVehicle: ResolverTypeWrapper<WantedVehicle>;
  WantedVehicleInput: WantedVehicleInput;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Camera: Camera;
  ID: Scalars['ID']['output'];
  Case: Case | FederationReferenceTypes['Case'];
  CaseInput: CaseInput;
  DateTime: Scalars['DateTime']['output'];
  Hit: Hit | FederationReferenceTypes['Hit'];
  Float: Scalars['Float']['output'];
  HitInput: HitInput;
  Mutation: Record<PropertyKey, never>;
  Query: Record<PropertyKey, never>;
  RecordedHit: RecordedHit;
  WantedVehicle: WantedVehicle | FederationReferenceTypes['WantedVehicle'];
  WantedVehicleInput: WantedVehicleInput;
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

export type AccessDirectiveResolver<Result, Parent, ContextType = PoliceContext, Args = AccessDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type CameraResolvers<ContextType = PoliceContext, ParentType extends ResolversParentTypes['Camera'] = ResolversParentTypes['Camera']> = {
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type CaseResolvers<ContextType = PoliceContext, ParentType extends ResolversParentTypes['Case'] = ResolversParentTypes['Case'], FederationReferenceType extends FederationReferenceTypes['Case'] = FederationReferenceTypes['Case']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Case']> | FederationReferenceType, FederationReferenceType, ContextType>;
  caseNumber?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  leadAgency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  openedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['CaseStatus'], ParentType, ContextType>;
  title?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  wantedVehicles?: Resolver<Array<ResolversTypes['WantedVehicle']>, ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type HitResolvers<ContextType = PoliceContext, ParentType extends ResolversParentTypes['Hit'] = ResolversParentTypes['Hit'], FederationReferenceType extends FederationReferenceTypes['Hit'] = FederationReferenceTypes['Hit']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Hit']> | FederationReferenceType, FederationReferenceType, ContextType>;
  camera?: Resolver<ResolversTypes['Camera'], ParentType, ContextType>;
  capturedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  confidence?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  decidedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  decidedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  decisionReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  matchKind?: Resolver<ResolversTypes['MatchKind'], ParentType, ContextType>;
  receivedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['HitStatus'], ParentType, ContextType>;
  substitution?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  wantedVehicle?: Resolver<ResolversTypes['WantedVehicle'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = PoliceContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  addWantedVehicle?: Resolver<ResolversTypes['WantedVehicle'], ParentType, ContextType, RequireFields<MutationAddWantedVehicleArgs, 'input'>>;
  decideHit?: Resolver<ResolversTypes['Hit'], ParentType, ContextType, RequireFields<MutationDecideHitArgs, 'decision' | 'id' | 'reason'>>;
  openCase?: Resolver<ResolversTypes['Case'], ParentType, ContextType, RequireFields<MutationOpenCaseArgs, 'input'>>;
  recordHit?: Resolver<ResolversTypes['RecordedHit'], ParentType, ContextType, RequireFields<MutationRecordHitArgs, 'input'>>;
  revokeWantedVehicle?: Resolver<ResolversTypes['WantedVehicle'], ParentType, ContextType, RequireFields<MutationRevokeWantedVehicleArgs, 'id' | 'reason'>>;
};

export type QueryResolvers<ContextType = PoliceContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  case?: Resolver<Maybe<ResolversTypes['Case']>, ParentType, ContextType, RequireFields<QueryCaseArgs, 'caseNumber'>>;
  hit?: Resolver<Maybe<ResolversTypes['Hit']>, ParentType, ContextType, RequireFields<QueryHitArgs, 'id'>>;
  hits?: Resolver<Array<ResolversTypes['Hit']>, ParentType, ContextType, RequireFields<QueryHitsArgs, 'first' | 'status'>>;
  wantedVehicle?: Resolver<Maybe<ResolversTypes['WantedVehicle']>, ParentType, ContextType, RequireFields<QueryWantedVehicleArgs, 'id'>>;
  wantedVehicles?: Resolver<Array<ResolversTypes['WantedVehicle']>, ParentType, ContextType, RequireFields<QueryWantedVehiclesArgs, 'first' | 'status'>>;
};

export type RecordedHitResolvers<ContextType = PoliceContext, ParentType extends ResolversParentTypes['RecordedHit'] = ResolversParentTypes['RecordedHit']> = {
  duplicate?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['HitStatus'], ParentType, ContextType>;
};

export type WantedVehicleResolvers<ContextType = PoliceContext, ParentType extends ResolversParentTypes['WantedVehicle'] = ResolversParentTypes['WantedVehicle'], FederationReferenceType extends FederationReferenceTypes['WantedVehicle'] = FederationReferenceTypes['WantedVehicle']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['WantedVehicle']> | FederationReferenceType, FederationReferenceType, ContextType>;
  case?: Resolver<Maybe<ResolversTypes['Case']>, ParentType, ContextType>;
  hits?: Resolver<Array<ResolversTypes['Hit']>, ParentType, ContextType, RequireFields<WantedVehicleHitsArgs, 'first'>>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['WantedKind'], ParentType, ContextType>;
  owningAgency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  plate?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  platePattern?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  priority?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['WantedReason'], ParentType, ContextType>;
  revocationReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  revokedAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  revokedBy?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['WantedStatus'], ParentType, ContextType>;
  validFrom?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  validUntil?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
};

export type Resolvers<ContextType = PoliceContext> = {
  Camera?: CameraResolvers<ContextType>;
  Case?: CaseResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Hit?: HitResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RecordedHit?: RecordedHitResolvers<ContextType>;
  WantedVehicle?: WantedVehicleResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = PoliceContext> = {
  access?: AccessDirectiveResolver<any, any, ContextType>;
};
