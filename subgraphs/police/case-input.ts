import { codedGraphQLError } from '../../runtime/graphql/coded-graphql-error.js';
import type { CaseRecord } from './case-store.js';
import type { CaseInput } from './generated/resolver-types.js';
import { requiredTextOf } from '../../runtime/graphql/scalar-arguments.js';

const caseNumberPattern = /^[\p{L}\p{N}][\p{L}\p{N}-]{0,99}$/u;

/**
 * A case number in the one form it is stored under: NFC (Hangul typed as decomposed jamo would otherwise name
 * another case), letters, digits and hyphens, e.g. 2026-경기남부-0142.
 */
export function caseNumberOf(value: string): string {
  const caseNumber = value.trim().normalize('NFC');
  if (!caseNumberPattern.test(caseNumber)) {
    throw codedGraphQLError('DS_INVALID_INPUT', 'caseNumber must be 1 to 100 letters, digits and hyphens, e.g. 2026-경기남부-0142');
  }
  return caseNumber;
}

/** A new, open case led by the caller's agency. */
export function caseFromInput(input: CaseInput, leadAgency: string, now: number): CaseRecord {
  return {
    caseNumber: caseNumberOf(input.caseNumber),
    title: requiredTextOf(input.title, 'title', 200),
    leadAgency,
    status: 'OPEN',
    openedAt: new Date(now).toISOString(),
  };
}
