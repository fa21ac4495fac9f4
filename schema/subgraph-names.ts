/** The subgraphs of the regional supergraph, in composition order. Each has `schema/<name>.graphql`. */
export const subgraphNames = ['cctv', 'police', 'signals', 'moj', 'tracking', 'civic', 'audit'] as const;
export type SubgraphName = (typeof subgraphNames)[number];

/** Placeholder routing URLs written into the committed supergraph; the gateway's configuration overrides them. */
export const placeholderSubgraphUrl = (name: SubgraphName): string => `http://${name}.subgraphs.dongseon.invalid/graphql`;
