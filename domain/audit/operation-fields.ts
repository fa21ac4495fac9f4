import {
  Kind, TypeInfo, getNamedType, visit, visitWithTypeInfo,
  type DocumentNode, type FieldNode, type FragmentDefinitionNode, type GraphQLSchema, type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';

/** A field as selected in the document, with the type it is selected on. */
export interface SelectedField {
  /** `Type.field`, with the type the selection is made on (an interface when selected through one). */
  readonly coordinate: string;
  readonly parentType: string;
  readonly fieldName: string;
  /** The named type the field returns. */
  readonly returnType: string;
}

/** An operation's fields, each field node typed once, and what is needed to follow response paths through it. */
export interface OperationFields {
  readonly selectionSet: SelectionSetNode;
  /** The fragments the operation reaches, by name. */
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  /** Every field node of the operation and of the fragments it reaches. Introspection fields are left out. */
  readonly byNode: ReadonlyMap<FieldNode, SelectedField>;
}

const isIntrospection = (name: string) => name.startsWith('__');

function reachableFragments(document: DocumentNode, operation: OperationDefinitionNode): Map<string, FragmentDefinitionNode> {
  const defined = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) defined.set(definition.name.value, definition);
  }
  const reached = new Map<string, FragmentDefinitionNode>();
  const pending: (OperationDefinitionNode | FragmentDefinitionNode)[] = [operation];
  for (let node = pending.pop(); node; node = pending.pop()) {
    visit(node, {
      FragmentSpread(spread) {
        const fragment = defined.get(spread.name.value);
        if (fragment && !reached.has(spread.name.value)) {
          reached.set(spread.name.value, fragment);
          pending.push(fragment);
        }
      },
    });
  }
  return reached;
}

/**
 * Types every field `operation` selects with TypeInfo over `schema`: the operation and each fragment it reaches
 * are visited once, never expanded where spread, so a document whose fragments multiply into millions of
 * response fields costs no more than its own size. Fields under @skip/@include count: the record states what the
 * operation asked for.
 */
export function operationFields(schema: GraphQLSchema, document: DocumentNode, operation: OperationDefinitionNode): OperationFields {
  const fragments = reachableFragments(document, operation);
  const byNode = new Map<FieldNode, SelectedField>();
  for (const definition of [operation, ...fragments.values()]) {
    const typeInfo = new TypeInfo(schema);
    visit(definition, visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parentType = typeInfo.getParentType();
        const field = typeInfo.getFieldDef();
        if (!parentType || !field || isIntrospection(parentType.name) || isIntrospection(field.name)) return;
        byNode.set(node, {
          coordinate: `${parentType.name}.${field.name}`,
          parentType: parentType.name,
          fieldName: field.name,
          returnType: getNamedType(field.type).name,
        });
      },
    }));
  }
  return { selectionSet: operation.selectionSet, fragments, byNode };
}
