import { Lexer, Source, TokenKind } from 'graphql';

const introspectionRootFields = new Set(['__schema', '__type']);

/**
 * Reads the tokens of a document without parsing it, so limits apply before the parser sees a hostile
 * document. Stops at `limit + 1` tokens; a lexical error ends the scan and leaves the verdict to the parser.
 */
function scanTokens(source: string, limit: number, onName: (name: string) => boolean | void): number {
  const lexer = new Lexer(new Source(source));
  let count = 0;
  try {
    for (let token = lexer.advance(); token.kind !== TokenKind.EOF && count <= limit; token = lexer.advance()) {
      count += 1;
      if (token.kind === TokenKind.NAME && onName(token.value ?? '') === true) break;
    }
  } catch {
    return count;
  }
  return count;
}

/** Tokens in the document, counted up to `limit + 1`: enough to tell that it exceeds the limit. */
export function countTokens(source: string, limit: number): number {
  return scanTokens(source, limit, () => undefined);
}

/** Whether the document names an introspection root field anywhere (a string or comment mentioning one does not count). */
export function mentionsIntrospection(source: string): boolean {
  let found = false;
  scanTokens(source, Number.POSITIVE_INFINITY, (name) => {
    found = introspectionRootFields.has(name);
    return found;
  });
  return found;
}
