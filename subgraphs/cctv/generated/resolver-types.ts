import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { CctvContext } from '../context.js';
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
  /** An ISO-8601 instant with offset, e.g. 2026-11-25T09:00:00+09:00. */
  DateTime: { input: string; output: string; }
  _FieldSet: { input: unknown; output: unknown; }
};

/** A CCTV or ANPR camera in the regional registry. */
export type Camera = {
  __typename?: 'Camera';
  anprCapable: Scalars['Boolean']['output'];
  /** The key ids of the credentials the camera holds (at most two, while it rotates); never a secret. */
  credentials: Array<CameraCredential>;
  /** Direction of travel the camera faces, degrees clockwise from north. */
  headingDegrees?: Maybe<Scalars['Float']['output']>;
  id: Scalars['ID']['output'];
  lastHeartbeatAt?: Maybe<Scalars['DateTime']['output']>;
  municipality: Municipality;
  name: Scalars['String']['output'];
  position: GeoPoint;
  /** Optimistic-concurrency revision of the registry record; internal to the graph. */
  registryRevision: Scalars['Int']['output'];
  resolution?: Maybe<Scalars['String']['output']>;
  /** The road link (network edge id) the camera watches. */
  roadLinkId?: Maybe<Scalars['String']['output']>;
  status: CameraStatus;
};

/** One of a camera's credentials, by key id. */
export type CameraCredential = {
  __typename?: 'CameraCredential';
  issuedAt: Scalars['DateTime']['output'];
  keyId: Scalars['ID']['output'];
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

/** A hit, as the police subgraph records it; the cctv subgraph adds the evidence the edge node keeps for it. */
export type Hit = {
  __typename?: 'Hit';
  /**
   * The plate crop the edge node's own recogniser read for this hit, from the node that keeps it; null for a hit on an
   * ANPR camera's read (its images stay with the camera's platform) or when the node keeps none. Purpose-bound and
   * audited by the gateway and by that edge node. Only a hit's evidence ever leaves an edge node.
   */
  evidence?: Maybe<HitEvidence>;
  id: Scalars['ID']['output'];
};

/** The image an operator looks at before accepting a frame-based hit. */
export type HitEvidence = {
  __typename?: 'HitEvidence';
  capturedAt: Scalars['DateTime']['output'];
  /** How many frames of the pass the read fused. */
  frames: Scalars['Int']['output'];
  /** The image, base64. */
  imageBase64: Scalars['String']['output'];
  /** image/png or image/jpeg. */
  mediaType: Scalars['String']['output'];
  readId: Scalars['ID']['output'];
};

/**
 * A credential just issued. The token is shown here once: the registry keeps only the SHA-256 of its secret. The
 * camera sends it as `Authorization: Bearer <token>` to its edge node and as its MQTT password.
 */
export type IssuedCameraCredential = {
  __typename?: 'IssuedCameraCredential';
  camera: Camera;
  issuedAt: Scalars['DateTime']['output'];
  keyId: Scalars['ID']['output'];
  /** `<keyId>.<secret>`, the secret 256 random bits. */
  token: Scalars['String']['output'];
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

export type MunicipalityInput = {
  districtCode: Scalars['String']['input'];
  id: Scalars['ID']['input'];
  name: Scalars['String']['input'];
};

export type Mutation = {
  __typename?: 'Mutation';
  /** A new credential for a camera (at most two at once: issue the next, move the camera over, revoke the old one). */
  issueCameraCredential: IssuedCameraCredential;
  /** Revokes one of a camera's credentials; false when the camera holds no such key. Edge nodes refuse it within their camera refresh. */
  revokeCameraCredential: Scalars['Boolean']['output'];
  setCameraStatus: Camera;
  upsertCamera: Camera;
  upsertMunicipality: Municipality;
};


export type MutationIssueCameraCredentialArgs = {
  cameraId: Scalars['ID']['input'];
};


export type MutationRevokeCameraCredentialArgs = {
  cameraId: Scalars['ID']['input'];
  keyId: Scalars['ID']['input'];
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

export type Query = {
  __typename?: 'Query';
  camera?: Maybe<Camera>;
  cameras: Array<Camera>;
  municipalities: Array<Municipality>;
  municipality?: Maybe<Municipality>;
  /**
   * Where the plate was read between from (inclusive) and to (exclusive, at most 31 days later), asked of every
   * municipality's edge node. Bound to a case: needs a stated purpose and a case number, and is audited by the gateway
   * and by every edge node. An edge node that does not answer makes the answer partial, never a failure.
   */
  plateHistory: PlateHistory;
};


export type QueryCameraArgs = {
  id: Scalars['ID']['input'];
};


export type QueryCamerasArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
  municipalityId?: InputMaybe<Scalars['ID']['input']>;
};


export type QueryMunicipalityArgs = {
  id: Scalars['ID']['input'];
};


export type QueryPlateHistoryArgs = {
  from: Scalars['DateTime']['input'];
  plate: Scalars['String']['input'];
  to: Scalars['DateTime']['input'];
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
  Hit: Hit;
  Municipality: Municipality;
};

/** Mapping of federation reference types */
export type FederationReferenceTypes = {
  Camera:
    ( { __typename: 'Camera' }
    & GraphQLRecursivePick<FederationTypes['Camera'], {"id":true}> );
  Hit:
    ( { __typename: 'Hit' }
    & GraphQLRecursivePick<FederationTypes['Hit'], {"id":true}> );
  Municipality:
    ( { __typename: 'Municipality' }
    & GraphQLRecursivePick<FederationTypes['Municipality'], {"id":true}> );
};



/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  Camera: ResolverTypeWrapper<Camera>;
  Float: ResolverTypeWrapper<Scalars['Float']['output']>;
  ID: ResolverTypeWrapper<Scalars['ID']['output']>;
  CameraCredential: ResolverTypeWrapper<CameraCredential>;
  CameraInput: CameraInput;
  CameraStatus: CameraStatus;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  GeoPoint: ResolverTypeWrapper<GeoPoint>;
  GeoPointInput: GeoPointInput;
  Hit: ResolverTypeWrapper<Hit>;
  HitEvidence: ResolverTypeWrapper<HitEvidence>;
  IssuedCameraCredential: ResolverTypeWrapper<IssuedCameraCredential>;
  Municipality: ResolverTypeWrapper<Municipality>;
  MunicipalityInput: MunicipalityInput;
  Mutation: ResolverTypeWrapper<Record<PropertyKey, never>>;
  PlateHistory: ResolverTypeWrapper<PlateHistory>;
  PlateHistoryRead: ResolverTypeWrapper<PlateHistoryRead>;
  PlateHistorySource: ResolverTypeWrapper<PlateHistorySource>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  Camera: Camera | FederationReferenceTypes['Camera'];
  Float: Scalars['Float']['output'];
  ID: Scalars['ID']['output'];
  CameraCredential: CameraCredential;
  CameraInput: CameraInput;
  DateTime: Scalars['DateTime']['output'];
  GeoPoint: GeoPoint;
  GeoPointInput: GeoPointInput;
  Hit: Hit | FederationReferenceTypes['Hit'];
  HitEvidence: HitEvidence;
  IssuedCameraCredential: IssuedCameraCredential;
  Municipality: Municipality | FederationReferenceTypes['Municipality'];
  MunicipalityInput: MunicipalityInput;
  Mutation: Record<PropertyKey, never>;
  PlateHistory: PlateHistory;
  PlateHistoryRead: PlateHistoryRead;
  PlateHistorySource: PlateHistorySource;
  Query: Record<PropertyKey, never>;
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

export type AccessDirectiveResolver<Result, Parent, ContextType = CctvContext, Args = AccessDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type CameraResolvers<ContextType = CctvContext, ParentType extends ResolversParentTypes['Camera'] = ResolversParentTypes['Camera'], FederationReferenceType extends FederationReferenceTypes['Camera'] = FederationReferenceTypes['Camera']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Camera']> | FederationReferenceType, FederationReferenceType, ContextType>;
  anprCapable?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  credentials?: Resolver<Array<ResolversTypes['CameraCredential']>, ParentType, ContextType>;
  headingDegrees?: Resolver<Maybe<ResolversTypes['Float']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  lastHeartbeatAt?: Resolver<Maybe<ResolversTypes['DateTime']>, ParentType, ContextType>;
  municipality?: Resolver<ResolversTypes['Municipality'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  position?: Resolver<ResolversTypes['GeoPoint'], ParentType, ContextType>;
  registryRevision?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  resolution?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  roadLinkId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  status?: Resolver<ResolversTypes['CameraStatus'], ParentType, ContextType>;
};

export type CameraCredentialResolvers<ContextType = CctvContext, ParentType extends ResolversParentTypes['CameraCredential'] = ResolversParentTypes['CameraCredential']> = {
  issuedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  keyId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type GeoPointResolvers<ContextType = CctvContext, ParentType extends ResolversParentTypes['GeoPoint'] = ResolversParentTypes['GeoPoint']> = {
  latitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  longitude?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
};

export type HitResolvers<ContextType = CctvContext, ParentType extends ResolversParentTypes['Hit'] = ResolversParentTypes['Hit'], FederationReferenceType extends FederationReferenceTypes['Hit'] = FederationReferenceTypes['Hit']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Hit']> | FederationReferenceType, FederationReferenceType, ContextType>;
  evidence?: Resolver<Maybe<ResolversTypes['HitEvidence']>, ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type HitEvidenceResolvers<ContextType = CctvContext, ParentType extends ResolversParentTypes['HitEvidence'] = ResolversParentTypes['HitEvidence']> = {
  capturedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  frames?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  imageBase64?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  mediaType?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  readId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type IssuedCameraCredentialResolvers<ContextType = CctvContext, ParentType extends ResolversParentTypes['IssuedCameraCredential'] = ResolversParentTypes['IssuedCameraCredential']> = {
  camera?: Resolver<ResolversTypes['Camera'], ParentType, ContextType>;
  issuedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  keyId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  token?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MunicipalityResolvers<ContextType = CctvContext, ParentType extends ResolversParentTypes['Municipality'] = ResolversParentTypes['Municipality'], FederationReferenceType extends FederationReferenceTypes['Municipality'] = FederationReferenceTypes['Municipality']> = {
  __resolveReference?: ReferenceResolver<Maybe<ResolversTypes['Municipality']> | FederationReferenceType, FederationReferenceType, ContextType>;
  cameras?: Resolver<Array<ResolversTypes['Camera']>, ParentType, ContextType, RequireFields<MunicipalityCamerasArgs, 'first'>>;
  districtCode?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  id?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  name?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type MutationResolvers<ContextType = CctvContext, ParentType extends ResolversParentTypes['Mutation'] = ResolversParentTypes['Mutation']> = {
  issueCameraCredential?: Resolver<ResolversTypes['IssuedCameraCredential'], ParentType, ContextType, RequireFields<MutationIssueCameraCredentialArgs, 'cameraId'>>;
  revokeCameraCredential?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType, RequireFields<MutationRevokeCameraCredentialArgs, 'cameraId' | 'keyId'>>;
  setCameraStatus?: Resolver<ResolversTypes['Camera'], ParentType, ContextType, RequireFields<MutationSetCameraStatusArgs, 'id' | 'status'>>;
  upsertCamera?: Resolver<ResolversTypes['Camera'], ParentType, ContextType, RequireFields<MutationUpsertCameraArgs, 'input'>>;
  upsertMunicipality?: Resolver<ResolversTypes['Municipality'], ParentType, ContextType, RequireFields<MutationUpsertMunicipalityArgs, 'input'>>;
};

export type PlateHistoryResolvers<ContextType = CctvContext, ParentType extends ResolversParentTypes['PlateHistory'] = ResolversParentTypes['PlateHistory']> = {
  complete?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  from?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  plate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  reads?: Resolver<Array<ResolversTypes['PlateHistoryRead']>, ParentType, ContextType>;
  searchId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
  sources?: Resolver<Array<ResolversTypes['PlateHistorySource']>, ParentType, ContextType>;
  to?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type PlateHistoryReadResolvers<ContextType = CctvContext, ParentType extends ResolversParentTypes['PlateHistoryRead'] = ResolversParentTypes['PlateHistoryRead']> = {
  camera?: Resolver<ResolversTypes['Camera'], ParentType, ContextType>;
  capturedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
  confidence?: Resolver<ResolversTypes['Float'], ParentType, ContextType>;
  hit?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  municipality?: Resolver<ResolversTypes['Municipality'], ParentType, ContextType>;
  plateText?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  readId?: Resolver<ResolversTypes['ID'], ParentType, ContextType>;
};

export type PlateHistorySourceResolvers<ContextType = CctvContext, ParentType extends ResolversParentTypes['PlateHistorySource'] = ResolversParentTypes['PlateHistorySource']> = {
  answered?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  errorCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  errorMessage?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  municipality?: Resolver<ResolversTypes['Municipality'], ParentType, ContextType>;
  readCount?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type QueryResolvers<ContextType = CctvContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  camera?: Resolver<Maybe<ResolversTypes['Camera']>, ParentType, ContextType, RequireFields<QueryCameraArgs, 'id'>>;
  cameras?: Resolver<Array<ResolversTypes['Camera']>, ParentType, ContextType, RequireFields<QueryCamerasArgs, 'first'>>;
  municipalities?: Resolver<Array<ResolversTypes['Municipality']>, ParentType, ContextType>;
  municipality?: Resolver<Maybe<ResolversTypes['Municipality']>, ParentType, ContextType, RequireFields<QueryMunicipalityArgs, 'id'>>;
  plateHistory?: Resolver<ResolversTypes['PlateHistory'], ParentType, ContextType, RequireFields<QueryPlateHistoryArgs, 'from' | 'plate' | 'to'>>;
};

export type Resolvers<ContextType = CctvContext> = {
  Camera?: CameraResolvers<ContextType>;
  CameraCredential?: CameraCredentialResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  GeoPoint?: GeoPointResolvers<ContextType>;
  Hit?: HitResolvers<ContextType>;
  HitEvidence?: HitEvidenceResolvers<ContextType>;
  IssuedCameraCredential?: IssuedCameraCredentialResolvers<ContextType>;
  Municipality?: MunicipalityResolvers<ContextType>;
  Mutation?: MutationResolvers<ContextType>;
  PlateHistory?: PlateHistoryResolvers<ContextType>;
  PlateHistoryRead?: PlateHistoryReadResolvers<ContextType>;
  PlateHistorySource?: PlateHistorySourceResolvers<ContextType>;
  Query?: QueryResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = CctvContext> = {
  access?: AccessDirectiveResolver<any, any, ContextType>;
};
