import {
  defaultFieldResolver, getNamedType, isObjectType,
  type GraphQLFieldResolver, type GraphQLObjectType, type GraphQLResolveInfo, type GraphQLSchema,
} from 'graphql';
import {
  decideAll, rulesForField, type AccessPolicy, type AccessRule, type RequestAccess,
} from '../../domain/access/index.js';
import { codedGraphQLError } from './coded-graphql-error.js';

/** Subgraph contexts carry the verified request access under this key. */
export interface AccessContext {
  readonly access?: RequestAccess;
}

const enforced = Symbol('dongseon.accessEnforced');

function denialFor(rules: readonly AccessRule[], context: unknown, coordinate: string) {
  const decision = decideAll(rules, (context as AccessContext | undefined)?.access);
  return decision.allowed ? undefined : codedGraphQLError(decision.code, `${coordinate}: ${decision.reason}`);
}

function guardField(type: GraphQLObjectType, policy: AccessPolicy): void {
  for (const field of Object.values(type.getFields())) {
    const rules = rulesForField(policy, type.name, field.name, getNamedType(field.type).name);
    if (rules.length === 0) continue;
    const coordinate = `${type.name}.${field.name}`;
    const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
    field.resolve = (source, args, context, info) => {
      const denial = denialFor(rules, context, coordinate);
      if (denial) throw denial;
      return resolve(source, args, context, info);
    };
  }
}

type ApolloResolveReference = (reference: unknown, context: unknown, info: GraphQLResolveInfo) => unknown;
type MercuriusResolveReference = (reference: unknown, args: unknown, context: unknown, info: GraphQLResolveInfo) => unknown;

/**
 * Entities fetched by reference (`_entities`) pass the same type rule as entities fetched by field. A denial is a
 * rejected promise, not a throw, so only that representation's entry fails and the others still resolve.
 */
function guardResolveReference(type: GraphQLObjectType, rule: AccessRule): void {
  const coordinate = `${type.name}.__resolveReference`;
  const mercuriusType = type as GraphQLObjectType & { resolveReference?: MercuriusResolveReference };
  const original = mercuriusType.resolveReference;
  mercuriusType.resolveReference = (reference, args, context, info) => {
    const denial = denialFor([rule], context, coordinate);
    if (denial) return Promise.reject(denial);
    return original ? original(reference, args, context, info) : reference;
  };
  const apollo = (type.extensions as { apollo?: { subgraph?: { resolveReference?: ApolloResolveReference } } }).apollo;
  if (apollo?.subgraph) {
    const apolloOriginal = apollo.subgraph.resolveReference;
    apollo.subgraph.resolveReference = (reference, context, info) => {
      const denial = denialFor([rule], context, coordinate);
      if (denial) return Promise.reject(denial);
      return apolloOriginal ? apolloOriginal(reference, context, info) : reference;
    };
  } else if (type.extensions !== undefined && Object.isExtensible(type.extensions)) {
    (type.extensions as Record<string, unknown>).apollo = {
      subgraph: {
        resolveReference: ((reference, context) => {
          const denial = denialFor([rule], context, coordinate);
          return denial ? Promise.reject(denial) : reference;
        }) satisfies ApolloResolveReference,
      },
    };
  }
}

/**
 * Wraps every resolver the schema's `@access` rules govern, including entity reference resolution, so the rule is
 * enforced where the data lives whatever the gateway did. Call once, after resolvers are attached. An unauthorised
 * field resolves to a coded error for that field, never to the data.
 */
export function enforceAccess(schema: GraphQLSchema, policy: AccessPolicy): GraphQLSchema {
  const marked = schema as GraphQLSchema & { [enforced]?: true };
  if (marked[enforced]) return schema;
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    guardField(type, policy);
    const typeRule = policy.types.get(type.name);
    if (typeRule) guardResolveReference(type, typeRule);
  }
  marked[enforced] = true;
  return schema;
}
