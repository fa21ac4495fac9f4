import { buildSchema, parse, type GraphQLSchema } from 'graphql';
import { accessPolicyFromSdl, decideAll, rulesForField, type RequestAccess } from '../../domain/access/index.js';
import { DongseonError } from '../../domain/errors/index.js';
import { codedGraphQLError } from '../../runtime/graphql/coded-graphql-error.js';
import type { AlertEvent } from '../../runtime/alerts/alert-channel.js';
import type { AlertFeed } from './alert-feed.js';

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

type Query {
  """This endpoint serves subscriptions; queries belong to the gateway's /graphql."""
  subscriptionsOnly: Boolean!
}

type Subscription {
  """Alerts as they are raised, optionally for one municipality only."""
  alertRaised(municipalityId: ID): Alert
}
`;

export const alertAccessPolicy = accessPolicyFromSdl(parse(alertSdl));

/** What every subscription's resolvers see: who subscribed, and until when their token holds. */
export interface RealtimeContext {
  readonly access: RequestAccess;
  readonly tokenExpiresAtMs: number;
}

const alertRules = rulesForField(alertAccessPolicy, 'Subscription', 'alertRaised', 'Alert');

/** Authorisation per event: a token that expired, or access that no longer holds, ends the subscription. */
export function admitAlert(context: RealtimeContext, municipalityId: string | null | undefined, now: () => number = Date.now) {
  return (event: AlertEvent): boolean => {
    if (now() >= context.tokenExpiresAtMs) throw codedGraphQLError('DS_AUTH_TOKEN_EXPIRED', 'access token has expired; subscribe again with a new one');
    const decision = decideAll(alertRules, context.access);
    if (!decision.allowed) throw codedGraphQLError(decision.code, `Subscription.alertRaised: ${decision.reason}`);
    return municipalityId === null || municipalityId === undefined || event.municipalityId === municipalityId;
  };
}

export function buildAlertSchema(feed: AlertFeed): GraphQLSchema {
  const schema = buildSchema(alertSdl);
  const alertRaised = schema.getSubscriptionType()?.getFields().alertRaised;
  const subscriptionsOnly = schema.getQueryType()?.getFields().subscriptionsOnly;
  if (!alertRaised || !subscriptionsOnly) throw new DongseonError('DS_INTERNAL', 'alertSdl lost Subscription.alertRaised or Query.subscriptionsOnly');
  alertRaised.subscribe = (_source, args: { municipalityId?: string | null }, context: RealtimeContext) =>
    feed.subscribe(admitAlert(context, args.municipalityId));
  alertRaised.resolve = (event: AlertEvent) => event;
  subscriptionsOnly.resolve = () => true;
  return schema;
}
