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
  /** The operator's note with the reason code, when one was given. */
  decisionNote?: Maybe<Scalars['String']['output']>;
  /** The operator's free text: the note given with the reason code, or the reason of a decision made before codes. */
  decisionReason?: Maybe<Scalars['String']['output']>;
  /** Why the hit was accepted or rejected; null for a PENDING hit and for decisions made before codes. */
  decisionReasonCode?: Maybe<HitDecisionReason>;
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
  /**
   * Accepts or rejects a PENDING hit as the caller, with a reason code (and a note, required for OTHER) or, as before
   * codes, a free-text reason. A rejected hit stops feeding routes, forecasts and interception plans; either decision
   * goes to 112 CAD and to every hitDecided subscriber.
   */
  decideHit: Hit;
  openCase: Case;
  /** Records a hit forwarded by an edge node or a graph worker. */
  recordHit: RecordedHit;
  registerPatrolUnit: PatrolUnit;
  /** A unit's position report (its car's GPS, every few seconds); the car learns nothing back about any unit. */
  reportPatrolPosition: PatrolPositionReceipt;
  revokeWantedVehicle: WantedVehicle;
};


export type MutationAddWantedVehicleArgs = {
  input: WantedVehicleInput;
};


export type MutationDecideHitArgs = {
  decision: HitDecision;
  id: Scalars['ID']['input'];
  note?: InputMaybe<Scalars['String']['input']>;
  reason?: InputMaybe<Scalars['String']['input']>;
  reasonCode?: InputMaybe<HitDecisionReason>;
};


export type MutationOpenCaseArgs = {
  input: CaseInput;
};


export type MutationRecordHitArgs = {
  input: HitInput;
};


export type MutationRegisterPatrolUnitArgs = {
  input: PatrolUnitRegistration;
};


export type MutationReportPatrolPositionArgs = {
  input: PatrolPositionReport;
};


export type MutationRevokeWantedVehicleArgs = {
  id: Scalars['ID']['input'];
  reason: Scalars['String']['input'];
};

export type PatrolPositionReceipt = {
  __typename?: 'PatrolPositionReceipt';
  /** False when the unit already holds a later report: this one arrived out of order and was kept out. */
  recorded: Scalars['Boolean']['output'];
  unitId: Scalars['ID']['output'];
};

export type PatrolPositionReport = {
  headingDegrees?: InputMaybe<Scalars['Float']['input']>;
  latitude: Scalars['Float']['input'];
  longitude: Scalars['Float']['input'];
  /** When the unit was there, by its own clock; a report older than the one held is kept out. */
  reportedAt: Scalars['DateTime']['input'];
  speedKmh?: InputMaybe<Scalars['Float']['input']>;
  unitId: Scalars['ID']['input'];
};

/** A police patrol unit and where it last reported being. Police only. */
export type PatrolUnit = {
  __typename?: 'PatrolUnit';
  /** The radio call sign, e.g. 수원11. */
  callSign: Scalars['String']['output'];
  id: Scalars['ID']['output'];
  /** Its latest reported position; null until it has reported one. */
  position?: Maybe<PatrolUnitPosition>;
  registeredAt: Scalars['DateTime']['output'];
  /** True when it has not reported for longer than the registry's staleness limit (or never has): not planned with. */
  stale: Scalars['Boolean']['output'];
};

export type PatrolUnitPosition = {
  __typename?: 'PatrolUnitPosition';
  /** Degrees clockwise from north, when the unit reports one. */
  headingDegrees?: Maybe<Scalars['Float']['output']>;
  latitude: Scalars['Float']['output'];
  longitude: Scalars['Float']['output'];
  reportedAt: Scalars['DateTime']['output'];
  speedKmh?: Maybe<Scalars['Float']['output']>;
};

export type PatrolUnitRegistration = {
  callSign: Scalars['String']['input'];
  id: Scalars['ID']['input'];
};

export type Query = {
  __typename?: 'Query';
  case?: Maybe<Case>;
  /** One hit by its id; null when there is none. */
  hit?: Maybe<Hit>;
  hits: Array<Hit>;
  patrolUnit?: Maybe<PatrolUnit>;
  /** Registered patrol units by id; the stale ones (no report within the staleness limit) only when asked for. */
  patrolUnits: Array<PatrolUnit>;
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


export type QueryPatrolUnitArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPatrolUnitsArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  includeStale?: InputMaybe<Scalars['Boolean']['input']>;
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
  PatrolUnit: PatrolUnit;
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
  PatrolUnit:
    ( { __typename: 'PatrolUnit' }
    & GraphQLRecursivePick<FederationTypes['PatrolUnit'], {"id":true}> );
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
  HitDecisionReason: HitDecisionReason;
  HitInput: HitInput;
  HitStatus: HitStatus;
  MatchKind: MatchKind;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PatrolPositionReceipt: ResolverTypeWrapper<PatrolPositionReceipt>;
  PatrolPositionReport: PatrolPositionReport;
  PatrolUnit: ResolverTypeWrapper<PatrolUnit>;
  PatrolUnitPosition: ResolverTypeWrapper<PatrolUnitPosition>;
  PatrolUnitRegistration: PatrolUnitRegistration;
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
  PatrolPositionReceipt: PatrolPositionReceipt;
  PatrolPositionReport: PatrolPositionReport;
  PatrolUnit: PatrolUnit | FederationReferenceTypes['PatrolUnit'];
  PatrolUnitPosition: PatrolUnitPosition;
  PatrolUnitRegistration: PatrolUnitRegistration;
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
  decisionNote?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  decisionReason?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  decisionReasonCode?: Resolver<Maybe<ResolversTypes['HitDecisionReason']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  matchKind?: Resolver<ResolversTypes['MatchKind'], ParentType, ContextType>;
  receivedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  status?: Resolver<ResolversTypes['HitStatus'], ParentType, ContextType>;
  substitution?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  wantedVehicle?: Resolver<ResolversTypes['WantedVehicle'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = PoliceContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  addWantedVehicle?: Resolver<ResolversTypes['WantedVehicle'], ParentType, ContextType, RequireFields<MutationAddWantedVehicleArgs, 'input'>>;
  decideHit?: Resolver<ResolversTypes['Hit'], ParentType, ContextType, RequireFields<MutationDecideHitArgs, 'decision' | 'id'>>;
  openCase?: Resolver<ResolversTypes['Case'], ParentType, ContextType, RequireFields<MutationOpenCaseArgs, 'input'>>;
  recordHit?: Resolver<ResolversTypes['RecordedHit'], ParentType, ContextType, RequireFields<MutationRecordHitArgs, 'input'>>;
  registerPatrolUnit?: Resolver<ResolversTypes['PatrolUnit'], ParentType, ContextType, RequireFields<MutationRegisterPatrolUnitArgs, 'input'>>;
  reportPatrolPosition?: Resolver<ResolversTypes['PatrolPositionReceipt'], ParentType, ContextType, RequireFields<MutationReportPatrolPositionArgs, 'input'>>;
  revokeWantedVehicle?: Resolver<ResolversTypes['WantedVehicle'], ParentType, ContextType, RequireFields<MutationRevokeWantedVehicleArgs, 'id' | 'reason'>>;
};

export type PatrolPositionReceiptResolvers<ContextType = PoliceContext, ParentType extends ResolversParentTypes['PatrolPositionReceipt'] = ResolversParentTypes['PatrolPositionReceipt']> = {
  recorded?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  unitId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type PatrolUnitResolvers<ContextType = PoliceContext, ParentType extends ResolversParentTypes['PatrolUnit'] = ResolversParentTypes['PatrolUnit'], FederationReferenceType extends FederationReferenceTypes['PatrolUnit'] = FederationReferenceTypes['PatrolUnit']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['PatrolUnit']> | FederationReferenceType, FederationReferenceType, ContextType>;
  callSign?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  position?: Resolver<Maybe<ResolversTypes['PatrolUnitPosition']>, ParentType, ContextType>;
  registeredAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  stale?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
};

export type PatrolUnitPositionResolvers<ContextType = PoliceContext, ParentType extends ResolversParentTypes['PatrolUnitPosition'] = ResolversParentTypes['PatrolUnitPosition']> = {
  headingDegrees?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  latitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  longitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  reportedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  speedKmh?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
};

export type QueryResolvers<ContextType = PoliceContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  case?: Resolver<Maybe<ResolversTypes['Case']>, ParentType, ContextType, RequireFields<QueryCaseArgs, 'caseNumber'>>;
  hit?: Resolver<Maybe<ResolversTypes['Hit']>, ParentType, ContextType, RequireFields<QueryHitArgs, 'id'>>;
  hits?: Resolver<Array<ResolversTypes['Hit']>, ParentType, ContextType, RequireFields<QueryHitsArgs, 'first' | 'status'>>;
  patrolUnit?: Resolver<Maybe<ResolversTypes['PatrolUnit']>, ParentType, ContextType, RequireFields<QueryPatrolUnitArgs, 'id'>>;
  patrolUnits?: Resolver<Array<ResolversTypes['PatrolUnit']>, ParentType, ContextType, RequireFields<QueryPatrolUnitsArgs, 'first' | 'includeStale'>>;
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
  PatrolPositionReceipt?: PatrolPositionReceiptResolvers<ContextType>;
  PatrolUnit?: PatrolUnitResolvers<ContextType>;
  PatrolUnitPosition?: PatrolUnitPositionResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
  RecordedHit?: RecordedHitResolvers<ContextType>;
  WantedVehicle?: WantedVehicleResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = PoliceContext> = {
  access?: AccessDirectiveResolver<any, any, ContextType>;
};
