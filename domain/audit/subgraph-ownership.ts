import { Kind, type ConstDirectiveNode, type DocumentNode } from 'graphql';

/** Field coordinate (`Type.field`) → the subgraphs that resolve it, by subgraph name. */
export type SubgraphOwnership = ReadonlyMap<string, readonly string[]>;

const argumentOf = (directive: ConstDirectiveNode, name: string) =>
  directive.arguments?.find((argument) => argument.name.value === name)?.value;

const isTrue = (directive: ConstDirectiveNode, name: string) => {
  const value = argumentOf(directive, name);
  return value?.kind === Kind.BOOLEAN && value.value;
};

const graphOf = (directive: ConstDirectiveNode): string | undefined => {
  const value = argumentOf(directive, 'graph');
  return value?.kind === Kind.ENUM ? value.value : undefined;
};

const directivesNamed = (directives: readonly ConstDirectiveNode[] | undefined, name: string) =>
  (directives ?? []).filter((directive) => directive.name.value === name);

/**
 * Reads field ownership from a supergraph's join directives (join spec v0.x, under its default `join__` prefix,
 * as @apollo/composition writes it). A field with @join__field is owned by the graphs named there, minus those
 * where it is external or overridden; a field without is owned by every graph that declares its type.
 */
export function subgraphOwnershipFromSupergraph(supergraph: DocumentNode): SubgraphOwnership {
  const subgraphNameOf = new Map<string, string>();
  for (const definition of supergraph.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION || definition.name.value !== 'join__Graph') continue;
    for (const value of definition.values ?? []) {
      const [joinGraph] = directivesNamed(value.directives, 'join__graph');
      const name = joinGraph && argumentOf(joinGraph, 'name');
      subgraphNameOf.set(value.name.value, name?.kind === Kind.STRING ? name.value : value.name.value.toLowerCase());
    }
  }
  const named = (graphs: readonly (string | undefined)[]) =>
    [...new Set(graphs.flatMap((graph) => (graph === undefined ? [] : [subgraphNameOf.get(graph) ?? graph.toLowerCase()])))].sort();

  const ownership = new Map<string, readonly string[]>();
  for (const definition of supergraph.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.INTERFACE_TYPE_DEFINITION) continue;
    const typeGraphs = directivesNamed(definition.directives, 'join__type').map(graphOf);
    for (const field of definition.fields ?? []) {
      const joinFields = directivesNamed(field.directives, 'join__field').filter((directive) => graphOf(directive) !== undefined);
      const owners = joinFields.length === 0
        ? typeGraphs
        : joinFields.filter((directive) => !isTrue(directive, 'external') && !isTrue(directive, 'usedOverridden')).map(graphOf);
      ownership.set(`${definition.name.value}.${field.name.value}`, named(owners));
    }
  }
  return ownership;
}
