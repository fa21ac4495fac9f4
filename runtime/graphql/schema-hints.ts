// graphql-js ends validation and variable-coercion messages with one: `Did you mean the enum value "ACCEPT"?`.
const suggestion = / ?Did you mean(.+?)\?$/s;

/**
 * A message without graphql-js's suggestions, which name schema elements the caller did not. Apollo Server's
 * `hideSchemaDetailsFromClientErrors` strips them from validation errors only; production strips them from every
 * error a client is sent.
 */
export function withoutSchemaHints(message: string): string {
  return message.replace(suggestion, '');
}
