import { getNullableType, isListType, isNonNullType, type GraphQLOutputType } from 'graphql';
import type { DeniedField, ResponseStep } from './denied-fields.js';

export type ResponsePath = readonly (string | number)[];

export interface RedactedField {
  readonly path: ResponsePath;
  readonly field: DeniedField;
  /** The response held a value there: whoever produced it did not enforce the rule. */
  readonly heldData: boolean;
}

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Sets every denied field of `data` to null, in place, and returns the path of each value it found there. A
 * denied field that may not be null takes its nearest nullable parent down with it, as GraphQL execution
 * would; when nothing above is nullable the whole `data` becomes null (the returned `data`).
 */
export function redactResponse(data: JsonObject, denied: readonly DeniedField[]): { data: JsonObject | null; found: RedactedField[] } {
  const found: RedactedField[] = [];

  /** Returns true when `value` itself must become null. */
  const redactValue = (value: unknown, type: GraphQLOutputType, rest: readonly ResponseStep[], path: ResponsePath, field: DeniedField): boolean => {
    const nullable = getNullableType(type);
    if (isListType(nullable)) {
      if (!Array.isArray(value)) return false;
      const itemType = nullable.ofType as GraphQLOutputType;
      let listMustBeNull = false;
      value.forEach((item, index) => {
        if (!redactValue(item, itemType, rest, [...path, index], field)) return;
        if (isNonNullType(itemType)) listMustBeNull = true;
        else value[index] = null;
      });
      return listMustBeNull;
    }
    return isObject(value) ? redactObject(value, rest, path, field) : false;
  };

  const redactObject = (object: JsonObject, steps: readonly ResponseStep[], path: ResponsePath, field: DeniedField): boolean => {
    const [step, ...rest] = steps;
    if (!step || !(step.key in object)) return false;
    // Under an abstract type, a field selected on one object type says nothing about objects of another. Without
    // a `__typename` to tell them apart the field is redacted on every object: too much rather than too little.
    if (step.selectedOn && typeof object.__typename === 'string' && object.__typename !== step.selectedOn) return false;
    const fieldPath = [...path, step.key];
    if (rest.length === 0) found.push({ path: fieldPath, field, heldData: object[step.key] !== null });
    const mustBeNull = rest.length === 0 || redactValue(object[step.key], step.type, rest, fieldPath, field);
    if (!mustBeNull) return false;
    if (isNonNullType(step.type)) return true;
    object[step.key] = null;
    return false;
  };

  let result: JsonObject | null = data;
  for (const field of denied) {
    if (result && redactObject(result, field.steps, [], field)) result = null;
  }
  return { data: result, found };
}
