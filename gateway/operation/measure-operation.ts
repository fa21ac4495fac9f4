import {
  getNullableType, isListType, valueFromAST,
  type DocumentNode, type GraphQLSchema, type OperationDefinitionNode,
} from 'graphql';
import { walkOperation, type FieldStep } from './walk-operation.js';

/** The argument that bounds a list field's length throughout the Dongseon schema. */
export const listSizeArgument = 'first';

export interface OperationMeasure {
  /** Nesting of fields, the root fields being depth 1. */
  readonly depth: number;
  readonly aliases: number;
  /**
   * Fields the operation may resolve: each field counts once per item of every list above it, a list holding
   * its `first` argument's items (else `defaultListSize`). Infinity when the operation expands past the walk's
   * budget.
   */
  readonly cost: number;
  /** The largest `first` a client asked for, literally or through a variable; 0 when none. */
  readonly largestFirst: number;
}

export interface MeasureOptions {
  readonly variables: Readonly<Record<string, unknown>> | undefined;
  readonly defaultListSize: number;
  readonly maxFieldVisits: number;
}

function requestedFirst(step: FieldStep, variables: MeasureOptions['variables']): number | undefined {
  const argument = step.node.arguments?.find((node) => node.name.value === listSizeArgument);
  const definition = step.definition.args.find((arg) => arg.name === listSizeArgument);
  if (!argument || !definition) return undefined;
  const value: unknown = valueFromAST(argument.value, definition.type, variables as Record<string, unknown> | undefined);
  return typeof value === 'number' ? value : undefined;
}

function listSize(step: FieldStep, requested: number | undefined, defaultListSize: number): number {
  if (!isListType(getNullableType(step.definition.type))) return 1;
  if (requested !== undefined) return Math.max(requested, 0);
  const schemaDefault = step.definition.args.find((arg) => arg.name === listSizeArgument)?.defaultValue;
  return typeof schemaDefault === 'number' ? schemaDefault : defaultListSize;
}

/**
 * Measures what an operation asks of the graph before it runs. Introspection (`__schema`, `__type`) is bounded by
 * the schema, not by data, and is not measured beyond its root field.
 */
export function measureOperation(
  schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode, options: MeasureOptions,
): OperationMeasure {
  let depth = 0;
  let aliases = 0;
  let cost = 0;
  let largestFirst = 0;
  const multipliers: number[] = [1];
  const outcome = walkOperation(schema, document, operation, {
    enterField(step, ancestors) {
      const multiplier = multipliers[multipliers.length - 1] ?? 1;
      depth = Math.max(depth, ancestors.length + 1);
      if (step.node.alias) aliases += 1;
      cost += Math.max(multiplier, 1);
      const requested = requestedFirst(step, options.variables);
      if (requested !== undefined) largestFirst = Math.max(largestFirst, requested);
      multipliers.push(multiplier * listSize(step, requested, options.defaultListSize));
      return !step.definition.name.startsWith('__');
    },
    leaveField() {
      multipliers.pop();
    },
  }, { maxFieldVisits: options.maxFieldVisits });
  return { depth, aliases, cost: outcome.complete ? cost : Number.POSITIVE_INFINITY, largestFirst };
}
