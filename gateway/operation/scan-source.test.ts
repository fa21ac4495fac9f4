import { getIntrospectionQuery } from 'graphql';
import { describe, expect, it } from 'vitest';
import { countTokens, mentionsIntrospection } from './scan-source.js';

describe('countTokens', () => {
  it.each([
    ['{ a }', 3],
    ["query Q($id: ID!) { camera(id: $id) { id } }", 21],
    ['# a comment is not a token\n{ a }', 3],
  ])('%j has %i tokens', (source, tokens) => {
    expect(countTokens(source, 1_000)).toBe(tokens);
  });

  it('stops one token past the limit, however long the document', () => {
    expect(countTokens(`{ ${'a '.repeat(100_000)}}`, 50)).toBe(51);
  });

  it('leaves lexical errors to the parser', () => {
    expect(countTokens('{ a "unterminated', 100)).toBe(2);
  });
});

describe('mentionsIntrospection', () => {
  it.each([
    [getIntrospectionQuery(), true],
    ['{ __type(name: "Camera") { name } }', true],
    ['{ camera(id: "1") { __typename id } }', false],
    ['{ camera(id: "__schema") { id } }', false],
    ['# __schema\n{ a }', false],
  ])('%j → %s', (source, expected) => {
    expect(mentionsIntrospection(source)).toBe(expected);
  });
});
