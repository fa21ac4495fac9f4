import { isAbstractType, type GraphQLSchema } from 'graphql';
import { involvesPersonalData, rulesForField, type AccessPolicy } from '../access/index.js';
import type { SelectedField } from './operation-fields.js';

/** The object types a type name stands for: itself, or every possible type of an interface or union. */
function objectTypesOf(schema: GraphQLSchema, typeName: string): string[] {
  const type = schema.getType(typeName);
  return type && isAbstractType(type) ? schema.getPossibleTypes(type).map((possible) => possible.name) : [typeName];
}

/**
 * Whether a selected field reads personal data: `personalData: true` on the field or on the type it returns.
 * Rules are declared on object types, so a field selected through an interface, or returning a union, counts
 * when any object type behind it is personal.
 */
export function readsPersonalData(policy: AccessPolicy, schema: GraphQLSchema, field: SelectedField): boolean {
  const returnTypes = objectTypesOf(schema, field.returnType);
  return objectTypesOf(schema, field.parentType).some((parentType) =>
    returnTypes.some((returnType) => involvesPersonalData(rulesForField(policy, parentType, field.fieldName, returnType))));
}
