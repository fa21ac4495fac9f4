import { describe, expect, it } from 'vitest';
import { isMunicipalityId, municipalityIdSchema } from './municipality-id.js';

describe('the municipality-id rule', () => {
  it.each(['suwon', 'hwaseong', 'osan', 'a', 'seoul2', 'a'.repeat(31)])('accepts %s', (id) => {
    expect(isMunicipalityId(id)).toBe(true);
    expect(municipalityIdSchema.safeParse(id).success).toBe(true);
  });

  it.each(['Suwon', 'su-won', 'su_won', '2suwon', '', 'a'.repeat(32), 'su/won', '수원'])('refuses %j', (id) => {
    expect(isMunicipalityId(id)).toBe(false);
    expect(municipalityIdSchema.safeParse(id).success).toBe(false);
  });
});
