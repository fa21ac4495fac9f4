import { describe, expect, it } from 'vitest';
import { DongseonError, errorCodes } from './index.js';

describe('the error-code registry', () => {
  it.each(Object.entries(errorCodes))('%s has a DS_ code, an HTTP status and a one-line description', (code, definition) => {
    expect(code).toMatch(/^DS_[A-Z0-9_]+$/);
    expect(definition.httpStatus).toBeGreaterThanOrEqual(400);
    expect(definition.httpStatus).toBeLessThan(600);
    expect(definition.description).toMatch(/^[A-Z].+\.$/);
    expect(definition.description).not.toContain('\n');
    expect(definition.since).toMatch(/^\d+\.\d+\.\d+$/);
  });

  it('errors carry the registry status and serialise without a stack', () => {
    const error = new DongseonError('DS_PLATE_INVALID', 'no plate', { field: 'plate' });
    expect(error.httpStatus).toBe(400);
    expect(JSON.parse(JSON.stringify(error))).toEqual({ code: 'DS_PLATE_INVALID', message: 'no plate', details: { field: 'plate' } });
  });
});
