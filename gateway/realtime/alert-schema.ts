import { buildSchema, parse, type GraphQLSchema } from 'graphql';
import { accessPolicyFromSdl, decideAll, rulesForField, type RequestAccess } from '../../domain/access/index.js';
import { DongseonError } from '../../domain/errors/index.js';
import { hitDecisionReasonCodes } from '../../domain/hits/index.js';
import { codedGraphQLError } from '../../runtime/graphql/coded-graphql-error.js';
import type { AlertEvent } from '../../runtime/alerts/alert-channel.js';
import type { HitDecisionEvent } from '../../runtime/alerts/hit-decision-log.js';
import type { AlertFeed, HitDecisionFeed } from './alert-feed.js';

/** The real-time endpoint's own small schema; the same `@access` rules decide who may subscribe and receive. */
export const alertSdl = /* GraphQL */ `
"""See schema/access.graphql."""
directive @access(scopes: [String!], agencies: [String!], clearance: Int, personalData: Boolean) on FIELD_DEFINITION | OBJECT

"""An ISO-8601 instant with offset, e.g. 2026-11-25T09:00:00+09:00."""
scalar DateTime

enum MatchKind {
  EXACT
  """Within one OCR confusion of a listed plate; never shown as a confirmed sighting."""
  POSSIBLE
}

"""A wanted vehicle seen by a camera, raised to operators as it happens."""
type Alert @access(scopes: ["hits:read"], personalData: true) {
  """The hit's id."""
  id: ID!
  wantedVehicleId: ID!
  cameraId: ID!
  municipalityId: ID!
  capturedAt: DateTime!
  matchKind: MatchKind!
  """0 (routine) to 100 (immediate danger)."""
  priority: Int!
}

enum HitStatus {
  ACCEPTED
  REJECTED
}

"""Why the operator decided as they did (the police subgraph's HitDecisionReason)."""
enum HitDecisionReason {
  ${hitDecisionReasonCodes.join('\n  ')}
}

"""An operator's decision on a hit, shown to every operator as it is made."""
type HitDecided @access(scopes: ["hits:read"], personalData: true) {
  """The hit's id (an alert's id, unless that was too long and hashed)."""
  hitId: ID!
  wantedVehicleId: ID!
  cameraId: ID!
  capturedAt: DateTime!
  status: HitStatus!
  """Who decided: the operator's subject."""
  decidedBy: String!
  decidedAt: DateTime!
  reasonCode: HitDecisionReason!
}

type Query {
  """This endpoint serves subscriptions; queries belong to the gateway's /graphql."""
  subscriptionsOnly: Boolean!
}

type Subscription {
  """Alerts as they are raised, optionally for one municipality only."""
  alertRaised(municipalityId: ID): Alert
  """Hits accepted or rejected, as operators decide them, optionally of one wanted vehicle only."""
  hitDecided(wantedVehicleId: ID): HitDecided
}
`;

export const alertAccessPolicy = accessPolicyFromSdl(parse(alertSdl));

/** What every subscription's resolvers see: who subscribed, and until when their token holds. */
export interface RealtimeContext {
  readonly access: RequestAccess;
  readonly tokenExpiresAtMs: number;
}

const alertRules = rulesForField(alertAccessPolicy, 'Subscription', 'alertRaised', 'Alert');
const hitDecidedRules = rulesForField(alertAccessPolicy, 'Subscription', 'hitDecided', 'HitDecided');

/** Authorisation per event: a token that expired, or access that no longer holds, ends the subscription. */
function stillAdmitted(context: RealtimeContext, rules: typeof alertRules, field: string, now: () => number): void {
  if (now() >= context.tokenExpiresAtMs) throw codedGraphQLError('DS_AUTH_TOKEN_EXPIRED', 'access token has expired; subscribe again with a new one');
  const decision = decideAll(rules, context.access);
  if (!decision.allowed) throw codedGraphQLError(decision.code, `Subscription.${field}: ${decision.reason}`);
}

/** Authorisation per alert, and the subscription's municipality filter. */
export function admitAlert(context: RealtimeContext, municipalityId: string | null | undefined, now: () => number = Date.now) {
  return (event: AlertEvent): boolean => {
    stillAdmitted(context, alertRules, 'alertRaised', now);
    return municipalityId === null || municipalityId === undefined || event.municipalityId === municipalityId;
  };
}

/** Authorisation per decision, the same as per alert, and the subscription's wanted-vehicle filter. */
export function admitHitDecision(context: RealtimeContext, wantedVehicleId: string | null | undefined, now: () => number = Date.now) {
  return (event: HitDecisionEvent): boolean => {
    stillAdmitted(context, hitDecidedRules, 'hitDecided', now);
    return wantedVehicleId === null || wantedVehicleId === undefined || event.wantedVehicleId === wantedVehicleId;
  };
}

/** The endpoint's schema over its feeds; without a decision feed, `hitDecided` is refused (DS_SUBGRAPH_UNAVAILABLE). */
export function buildAlertSchema(feed: AlertFeed, decisions?: HitDecisionFeed): GraphQLSchema {
  const schema = buildSchema(alertSdl);
  const alertRaised = schema.getSubscriptionType()?.getFields().alertRaised;
  const hitDecided = schema.getSubscriptionType()?.getFields().hitDecided;
  const subscriptionsOnly = schema.getQueryType()?.getFields().subscriptionsOnly;
  if (!alertRaised || !hitDecided || !subscriptionsOnly) throw new DongseonError('DS_INTERNAL', 'alertSdl lost a subscription field or Query.subscriptionsOnly');
  alertRaised.subscribe = (_source, args: { municipalityId?: string | null }, context: RealtimeContext) =>
    feed.subscribe(admitAlert(context, args.municipalityId));
  alertRaised.resolve = (event: AlertEvent) => event;
  hitDecided.subscribe = (_source, args: { wantedVehicleId?: string | null }, context: RealtimeContext) => {
    if (!decisions) throw codedGraphQLError('DS_SUBGRAPH_UNAVAILABLE', 'this endpoint reads no hit decisions');
    return decisions.subscribe(admitHitDecision(context, args.wantedVehicleId));
  };
  hitDecided.resolve = (event: HitDecisionEvent) => event;
  subscriptionsOnly.resolve = () => true;
  return schema;
}
