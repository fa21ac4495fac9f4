/**
 * Request targets that name `/graphql` to some router but are not exactly `/graphql` (issue 12, finding 1): percent
 * encodings, case, double and trailing slashes, `;` parameters, dot segments, queries, absolute-form. A subgraph must
 * answer none of them with GraphQL.
 */
export const subgraphBypassTargets = (port: number): readonly string[] => [
  '/%67raphql', '/%67%72%61%70%68%71%6c', '/GRAPHQL', '/Graphql', '//graphql', '/graphql/', '/graphql//', '/graphql;x=1', '/graphql;',
  '/./graphql', '/x/../graphql', '/graphql?x=1', '/graphql#x', '/graphql%00', '/graphql%2F', '/%2fgraphql', '/health/../graphql',
  '/health?x=/graphql', '*', `http://127.0.0.1:${port}/graphql`, `http://localhost:${port}/graphql`, `HTTP://127.0.0.1:${port}/GRAPHQL`,
];

/** Methods and targets other than `POST /graphql` and `GET /health`: each must be refused. */
export const subgraphBypassMethods: readonly (readonly [method: string, target: string])[] = [
  ['GET', `/graphql?query=${encodeURIComponent('{ _service { sdl } }')}`], ['GET', '/graphql'], ['HEAD', '/graphql'], ['OPTIONS', '/graphql'],
  ['PUT', '/graphql'], ['PATCH', '/graphql'], ['DELETE', '/graphql'], ['POST', '/health'], ['HEAD', '/health'],
];
