import { describe, expect, it } from 'vitest';
import { javaMajorVersion } from './java.js';

describe('javaMajorVersion', () => {
  it.each([
    ['openjdk version "17.0.15" 2025-04-15', 17],
    ['openjdk version "21" 2023-09-19', 21],
    ['java version "1.8.0_402"', 8],
    ['openjdk version "11.0.22" 2024-01-16', 11],
    ['bash: java: command not found', undefined],
  ])('reads %j as %s', (output, major) => {
    expect(javaMajorVersion(output)).toBe(major);
  });
});
