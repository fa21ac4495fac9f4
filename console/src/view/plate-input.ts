import { parsePlate } from '../../../domain/plates/parse-plate.js';
import { compilePlatePattern } from '../../../domain/plates/plate-pattern.js';

/** What an operator typed in a plate field: a full plate, a witness's partial plate with `?`, or neither. */
export type PlateInput =
  | { readonly kind: 'full'; readonly plate: string }
  | { readonly kind: 'partial'; readonly pattern: string }
  | { readonly kind: 'invalid'; readonly code: string; readonly reason: string };

/** Read with the domain's own plate grammar, so the console refuses what the graph would refuse, before it asks. */
export function readPlateInput(raw: string): PlateInput {
  const text = raw.trim();
  if (/[?？*]/.test(text)) {
    const pattern = compilePlatePattern(text);
    return pattern.ok ? { kind: 'partial', pattern: pattern.pattern.pattern } : { kind: 'invalid', code: pattern.problem.code, reason: pattern.problem.reason };
  }
  const parsed = parsePlate(text);
  return parsed.ok ? { kind: 'full', plate: parsed.plate.canonical } : { kind: 'invalid', code: parsed.problem.code, reason: parsed.problem.reason };
}
