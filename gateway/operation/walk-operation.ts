import {
  Kind, TypeInfo,
  type DocumentNode, type FieldNode, type FragmentDefinitionNode, type GraphQLCompositeType, type GraphQLField,
  type GraphQLSchema, type OperationDefinitionNode, type SelectionSetNode,
} from 'graphql';

/** One field of the operation as it will execute: fragments already expanded in place. */
export interface FieldStep {
  readonly node: FieldNode;
  /** The key the field has in the response: its alias, else its name. */
  readonly responseKey: string;
  readonly parentType: GraphQLCompositeType;
  readonly definition: GraphQLField<unknown, unknown>;
}

export interface OperationVisitor {
  /** `ancestors` are the enclosing fields, outermost first. Return false to skip the field's selections. */
  enterField(step: FieldStep, ancestors: readonly FieldStep[]): boolean | void;
  leaveField?(step: FieldStep, ancestors: readonly FieldStep[]): void;
}

export interface WalkOutcome {
  /** False when the walk stopped at `maxFieldVisits`. */
  readonly complete: boolean;
  readonly fieldVisits: number;
}

/**
 * Walks every field an operation selects, with TypeInfo tracking parent and field types, expanding each
 * fragment spread where it occurs. Expansion is what execution does too, so a few nested fragments spread many
 * times can stand for millions of fields: the walk stops after `maxFieldVisits`.
 */
export function walkOperation(
  schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode,
  visitor: OperationVisitor, options: { readonly maxFieldVisits: number },
): WalkOutcome {
  const typeInfo = new TypeInfo(schema);
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  const ancestors: FieldStep[] = [];
  let fieldVisits = 0;
  let complete = true;

  const walkSelectionSet = (selectionSet: SelectionSetNode): void => {
    typeInfo.enter(selectionSet);
    for (const selection of selectionSet.selections) {
      if (!complete) break;
      if (selection.kind === Kind.FIELD) {
        walkField(selection);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        typeInfo.enter(selection);
        walkSelectionSet(selection.selectionSet);
        typeInfo.leave(selection);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (!fragment) continue;
        typeInfo.enter(fragment);
        walkSelectionSet(fragment.selectionSet);
        typeInfo.leave(fragment);
      }
    }
    typeInfo.leave(selectionSet);
  };

  const walkField = (node: FieldNode): void => {
    fieldVisits += 1;
    if (fieldVisits > options.maxFieldVisits) {
      complete = false;
      return;
    }
    typeInfo.enter(node);
    const parentType = typeInfo.getParentType();
    const definition = typeInfo.getFieldDef();
    if (parentType && definition) {
      const step: FieldStep = { node, responseKey: node.alias?.value ?? node.name.value, parentType, definition };
      const descend = visitor.enterField(step, ancestors) !== false;
      if (descend && node.selectionSet) {
        ancestors.push(step);
        walkSelectionSet(node.selectionSet);
        ancestors.pop();
      }
      visitor.leaveField?.(step, ancestors);
    }
    typeInfo.leave(node);
  };

  typeInfo.enter(operation);
  walkSelectionSet(operation.selectionSet);
  typeInfo.leave(operation);
  return { complete, fieldVisits };
}
