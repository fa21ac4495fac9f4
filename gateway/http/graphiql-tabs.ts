import {
  Kind, getNamedType, getNullableType, isEnumType, isInputObjectType, isListType, isScalarType, typeFromAST,
  type DocumentNode, type GraphQLInputType, type GraphQLSchema, type OperationDefinitionNode, parse,
} from 'graphql';
import { rulesForField, type AccessPolicy } from '../../domain/access/index.js';

/** What a caller needs to run a document at all: the `@access` rules of its root fields, for the page to filter by. */
export interface TabAccess {
  readonly scopes: readonly string[];
  readonly agencies: readonly string[];
  readonly clearance: number;
  readonly personalData: boolean;
}

/** One trusted document as a ready GraphiQL tab. */
export interface GraphiqlTab {
  /** The document's operation names, e.g. "PendingHits · DecideHit". */
  readonly title: string;
  readonly hash: string;
  readonly query: string;
  /** A JSON skeleton of the variables of all its operations, to fill in (an operation ignores the others'). */
  readonly variables: string;
  /** One entry per root field of every operation in the document. */
  readonly access: readonly TabAccess[];
}

function exampleValue(type: GraphQLInputType, depth = 0): unknown {
  const nullable = getNullableType(type);
  if (isListType(nullable)) return [];
  if (isEnumType(nullable)) return nullable.getValues()[0]?.value ?? null;
  if (isInputObjectType(nullable)) {
    if (depth > 2) return {};
    const fields = Object.values(nullable.getFields()).filter((field) => field.type.toString().endsWith('!') && field.defaultValue === undefined);
    return Object.fromEntries(fields.map((field) => [field.name, exampleValue(field.type, depth + 1)]));
  }
  if (isScalarType(nullable)) {
    switch (nullable.name) {
      case 'Int': return 0;
      case 'Float': return 0;
      case 'Boolean': return false;
      case 'DateTime': return '2026-11-25T09:00:00+09:00';
      default: return '';
    }
  }
  return null;
}

function variablesSkeleton(schema: GraphQLSchema, operations: readonly OperationDefinitionNode[]): string {
  const definitions = operations.flatMap((operation) => operation.variableDefinitions ?? []);
  if (definitions.length === 0) return '';
  const skeleton = Object.fromEntries(definitions.map((definition) => {
    const type = typeFromAST(schema, definition.type) as GraphQLInputType | undefined;
    return [definition.variable.name.value, type ? exampleValue(type) : null];
  }));
  return JSON.stringify(skeleton, null, 2);
}

function rootAccess(schema: GraphQLSchema, policy: AccessPolicy, document: DocumentNode): TabAccess[] {
  const access: TabAccess[] = [];
  for (const operation of document.definitions) {
    if (operation.kind !== Kind.OPERATION_DEFINITION) continue;
    const root = schema.getRootType(operation.operation);
    if (!root) continue;
    for (const selection of operation.selectionSet.selections) {
      if (selection.kind !== Kind.FIELD) continue;
      const field = root.getFields()[selection.name.value];
      if (!field) continue;
      for (const rule of rulesForField(policy, root.name, field.name, getNamedType(field.type).name)) {
        access.push({ scopes: rule.scopes, agencies: rule.agencies, clearance: rule.clearance, personalData: rule.personalData });
      }
    }
  }
  return access;
}

/** The trusted documents (operations/trusted-documents.json) as GraphiQL tabs, sorted by title. */
export function graphiqlTabs(documents: Readonly<Record<string, string>>, schema: GraphQLSchema, policy: AccessPolicy): GraphiqlTab[] {
  return Object.entries(documents).map(([hash, query]) => {
    const document = parse(query);
    const operations = document.definitions.filter((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION);
    return {
      title: operations.map((operation) => operation.name?.value ?? 'anonymous').join(' · '),
      hash,
      query,
      variables: variablesSkeleton(schema, operations),
      access: rootAccess(schema, policy, document),
    };
  }).sort((a, b) => a.title.localeCompare(b.title));
}
