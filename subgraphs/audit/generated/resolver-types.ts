import type { GraphQLResolveInfo, GraphQLScalarType, GraphQLScalarTypeConfig } from 'graphql';
import type { AuditContext } from '../context.js';
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

/** Where a chain first breaks: the file and line, why, and what was found there. */
export type AuditChainBreak = {
  __typename?: 'AuditChainBreak';
  detail: Scalars['String']['output'];
  file: Scalars['String']['output'];
  line: Scalars['Int']['output'];
  reason: AuditChainBreakReason;
};

export type AuditChainBreakReason =
  | 'EDITED'
  | 'INSERTED'
  | 'MALFORMED'
  | 'REMOVED'
  | 'REORDERED'
  | 'TRUNCATED_HEAD';

/** The last record of a whole chain: keep it somewhere the writer cannot change, and compare later. */
export type AuditChainHead = {
  __typename?: 'AuditChainHead';
  hash: Scalars['String']['output'];
  sequence: Scalars['Int']['output'];
};

/** The result of verifying every file of the audit log as one hash chain, now (as `npm run audit -- verify` does). */
export type AuditChainVerification = {
  __typename?: 'AuditChainVerification';
  /** The log's files, and its whole records (when broken: those before the first broken one). */
  files: Scalars['Int']['output'];
  /** The first break; null when verified. */
  firstBroken?: Maybe<AuditChainBreak>;
  /** The chain's head when verified; null when broken. */
  head?: Maybe<AuditChainHead>;
  records: Scalars['Int']['output'];
  /** Crash-torn last lines the writer set aside earlier. */
  tornTails: Array<Scalars['String']['output']>;
  /** A newest line without its newline: an append in flight, or torn by a crash and not yet set aside. */
  unterminated?: Maybe<AuditLinePosition>;
  verified: Scalars['Boolean']['output'];
  verifiedAt: Scalars['DateTime']['output'];
};

/** A personal field that was refused, and the code it was refused with. */
export type AuditDeniedField = {
  __typename?: 'AuditDeniedField';
  code: Scalars['String']['output'];
  coordinate: Scalars['String']['output'];
};

/** A line of a log file, as an editor numbers it. */
export type AuditLinePosition = {
  __typename?: 'AuditLinePosition';
  file: Scalars['String']['output'];
  line: Scalars['Int']['output'];
};

/** The GraphQL operation of an access record. */
export type AuditOperation = {
  __typename?: 'AuditOperation';
  /** SHA-256 of the document as sent (the trusted-document id for the project's documents). */
  hash: Scalars['String']['output'];
  name?: Maybe<Scalars['String']['output']>;
  type: AuditOperationType;
};

export type AuditOperationType =
  | 'MUTATION'
  | 'QUERY'
  | 'SUBSCRIPTION';

/** Whether the personal data asked for was given: all of it, some, or none. */
export type AuditOutcome =
  | 'ALLOWED'
  | 'DENIED'
  | 'PARTIAL';

/** One record of the audit log: who looked at what, why, and what they were given. */
export type AuditRecord = {
  __typename?: 'AuditRecord';
  agency: Scalars['String']['output'];
  caseNumber?: Maybe<Scalars['String']['output']>;
  /** Pass the last record's cursor as `after` for the next, older page. */
  cursor: Scalars['String']['output'];
  /** ACCESS records: the personal fields refused (the first `first` of them). */
  denied: Array<AuditDeniedField>;
  /** HISTORY_SEARCH and EVIDENCE_ACCESS records: the code of a refusal. */
  deniedCode?: Maybe<Scalars['String']['output']>;
  fields: Array<Scalars['String']['output']>;
  /** The record's own chain hash, and the hash of the record before it. */
  hash: Scalars['String']['output'];
  /** EVIDENCE_ACCESS records: the hit whose evidence was asked for. */
  hitId?: Maybe<Scalars['String']['output']>;
  kind: AuditRecordKind;
  /** ACCESS records: the operation, the field coordinates it selected and the subgraphs that own them. */
  operation?: Maybe<AuditOperation>;
  /** ACCESS, HISTORY_SEARCH and EVIDENCE_ACCESS records; null for a deletion receipt. */
  outcome?: Maybe<AuditOutcome>;
  previousHash: Scalars['String']['output'];
  purpose?: Maybe<Scalars['String']['output']>;
  /** The gateway request (or purge run, or history search) that made the record. */
  requestId: Scalars['String']['output'];
  /** 1 for the first record ever written, +1 per record; also the record's place in the chain. */
  sequence: Scalars['Int']['output'];
  subgraphs: Array<Scalars['String']['output']>;
  /** Who acted: the token's subject (for a purge, the purging process). */
  subject: Scalars['String']['output'];
  time: Scalars['DateTime']['output'];
};


/** One record of the audit log: who looked at what, why, and what they were given. */
export type AuditRecordDeniedArgs = {
  first?: InputMaybe<Scalars['Int']['input']>;
};

/** Which records to list; every condition given must hold. Text conditions match exactly, purpose as a substring. */
export type AuditRecordFilter = {
  agency?: InputMaybe<Scalars['String']['input']>;
  caseNumber?: InputMaybe<Scalars['String']['input']>;
  /** Records written at or after this instant. */
  from?: InputMaybe<Scalars['DateTime']['input']>;
  kind?: InputMaybe<AuditRecordKind>;
  /** The operation name of an ACCESS record (e.g. WantedVehicleTrack). */
  operation?: InputMaybe<Scalars['String']['input']>;
  outcome?: InputMaybe<AuditOutcome>;
  /** Part of the stated purpose, case-insensitive. */
  purpose?: InputMaybe<Scalars['String']['input']>;
  subject?: InputMaybe<Scalars['String']['input']>;
  /** Records written before this instant. */
  to?: InputMaybe<Scalars['DateTime']['input']>;
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

export type Query = {
  __typename?: 'Query';
  /** Verifies the whole audit log's hash chain now. */
  auditChain: AuditChainVerification;
  /**
   * The audit log's records that match the filter, newest first, at most `first` (at most 500): fewer than `first`
   * means there are no older ones. The next page starts `after` the last record's cursor.
   */
  auditRecords: Array<AuditRecord>;
};


export type QueryAuditRecordsArgs = {
  after?: InputMaybe<Scalars['String']['input']>;
  filter?: InputMaybe<AuditRecordFilter>;
  first?: InputMaybe<Scalars['Int']['input']>;
};



export type ResolverTypeWrapper<T> = Promise<T> | T;


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





/** Mapping between all available schema types and the resolvers types */
export type ResolversTypes = {
  AuditChainBreak: ResolverTypeWrapper<AuditChainBreak>;
  AuditChainBreakReason: AuditChainBreakReason;
  AuditChainHead: ResolverTypeWrapper<AuditChainHead>;
  AuditChainVerification: ResolverTypeWrapper<AuditChainVerification>;
  AuditDeniedField: ResolverTypeWrapper<AuditDeniedField>;
  AuditLinePosition: ResolverTypeWrapper<AuditLinePosition>;
  AuditOperation: ResolverTypeWrapper<AuditOperation>;
  AuditOperationType: AuditOperationType;
  AuditOutcome: AuditOutcome;
  AuditRecord: ResolverTypeWrapper<AuditRecord>;
  AuditRecordFilter: AuditRecordFilter;
  AuditRecordKind: AuditRecordKind;
  DateTime: ResolverTypeWrapper<Scalars['DateTime']['output']>;
  Query: ResolverTypeWrapper<Record<PropertyKey, never>>;
  String: ResolverTypeWrapper<Scalars['String']['output']>;
  Int: ResolverTypeWrapper<Scalars['Int']['output']>;
  Boolean: ResolverTypeWrapper<Scalars['Boolean']['output']>;
};

/** Mapping between all available schema types and the resolvers parents */
export type ResolversParentTypes = {
  AuditChainBreak: AuditChainBreak;
  AuditChainHead: AuditChainHead;
  AuditChainVerification: AuditChainVerification;
  AuditDeniedField: AuditDeniedField;
  AuditLinePosition: AuditLinePosition;
  AuditOperation: AuditOperation;
  AuditRecord: AuditRecord;
  AuditRecordFilter: AuditRecordFilter;
  DateTime: Scalars['DateTime']['output'];
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

export type AccessDirectiveResolver<Result, Parent, ContextType = AuditContext, Args = AccessDirectiveArgs> = DirectiveResolverFn<Result, Parent, ContextType, Args>;

export type AuditChainBreakResolvers<ContextType = AuditContext, ParentType extends ResolversParentTypes['AuditChainBreak'] = ResolversParentTypes['AuditChainBreak']> = {
  detail?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  file?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  line?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  reason?: Resolver<ResolversTypes['AuditChainBreakReason'], ParentType, ContextType>;
};

export type AuditChainHeadResolvers<ContextType = AuditContext, ParentType extends ResolversParentTypes['AuditChainHead'] = ResolversParentTypes['AuditChainHead']> = {
  hash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sequence?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AuditChainVerificationResolvers<ContextType = AuditContext, ParentType extends ResolversParentTypes['AuditChainVerification'] = ResolversParentTypes['AuditChainVerification']> = {
  files?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  firstBroken?: Resolver<Maybe<ResolversTypes['AuditChainBreak']>, ParentType, ContextType>;
  head?: Resolver<Maybe<ResolversTypes['AuditChainHead']>, ParentType, ContextType>;
  records?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  tornTails?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  unterminated?: Resolver<Maybe<ResolversTypes['AuditLinePosition']>, ParentType, ContextType>;
  verified?: Resolver<ResolversTypes['Boolean'], ParentType, ContextType>;
  verifiedAt?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export type AuditDeniedFieldResolvers<ContextType = AuditContext, ParentType extends ResolversParentTypes['AuditDeniedField'] = ResolversParentTypes['AuditDeniedField']> = {
  code?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  coordinate?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
};

export type AuditLinePositionResolvers<ContextType = AuditContext, ParentType extends ResolversParentTypes['AuditLinePosition'] = ResolversParentTypes['AuditLinePosition']> = {
  file?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  line?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
};

export type AuditOperationResolvers<ContextType = AuditContext, ParentType extends ResolversParentTypes['AuditOperation'] = ResolversParentTypes['AuditOperation']> = {
  hash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  name?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  type?: Resolver<ResolversTypes['AuditOperationType'], ParentType, ContextType>;
};

export type AuditRecordResolvers<ContextType = AuditContext, ParentType extends ResolversParentTypes['AuditRecord'] = ResolversParentTypes['AuditRecord']> = {
  agency?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  caseNumber?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  cursor?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  denied?: Resolver<Array<ResolversTypes['AuditDeniedField']>, ParentType, ContextType, RequireFields<AuditRecordDeniedArgs, 'first'>>;
  deniedCode?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  fields?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  hash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  hitId?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  kind?: Resolver<ResolversTypes['AuditRecordKind'], ParentType, ContextType>;
  operation?: Resolver<Maybe<ResolversTypes['AuditOperation']>, ParentType, ContextType>;
  outcome?: Resolver<Maybe<ResolversTypes['AuditOutcome']>, ParentType, ContextType>;
  previousHash?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  purpose?: Resolver<Maybe<ResolversTypes['String']>, ParentType, ContextType>;
  requestId?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  sequence?: Resolver<ResolversTypes['Int'], ParentType, ContextType>;
  subgraphs?: Resolver<Array<ResolversTypes['String']>, ParentType, ContextType>;
  subject?: Resolver<ResolversTypes['String'], ParentType, ContextType>;
  time?: Resolver<ResolversTypes['DateTime'], ParentType, ContextType>;
};

export interface DateTimeScalarConfig extends GraphQLScalarTypeConfig<ResolversTypes['DateTime'], any> {
  name: 'DateTime';
}

export type QueryResolvers<ContextType = AuditContext, ParentType extends ResolversParentTypes['Query'] = ResolversParentTypes['Query']> = {
  auditChain?: Resolver<ResolversTypes['AuditChainVerification'], ParentType, ContextType>;
  auditRecords?: Resolver<Array<ResolversTypes['AuditRecord']>, ParentType, ContextType, RequireFields<QueryAuditRecordsArgs, 'first'>>;
};

export type Resolvers<ContextType = AuditContext> = {
  AuditChainBreak?: AuditChainBreakResolvers<ContextType>;
  AuditChainHead?: AuditChainHeadResolvers<ContextType>;
  AuditChainVerification?: AuditChainVerificationResolvers<ContextType>;
  AuditDeniedField?: AuditDeniedFieldResolvers<ContextType>;
  AuditLinePosition?: AuditLinePositionResolvers<ContextType>;
  AuditOperation?: AuditOperationResolvers<ContextType>;
  AuditRecord?: AuditRecordResolvers<ContextType>;
  DateTime?: GraphQLScalarType;
  Query?: QueryResolvers<ContextType>;
};

export type DirectiveResolvers<ContextType = AuditContext> = {
  access?: AccessDirectiveResolver<any, any, ContextType>;
};
