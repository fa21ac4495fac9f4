import { compilePlatePattern, parsePlate } from '../../domain/plates/index.js';
import { codedGraphQLError } from '../../runtime/graphql/coded-graphql-error.js';
import { caseNumberOf } from './case-input.js';
import type { WantedVehicleInput } from './generated/resolver-types.js';
import { instantOf } from '../../runtime/graphql/scalar-arguments.js';
import type { WantedVehicleRecord } from '../../stores/police/wanted-vehicle-store.js';

/** Who adds an entry, under which id, and when. */
export interface EntryOrigin {
  readonly id: string;
  readonly owningAgency: string;
  readonly createdBy: string;
  readonly now: number;
}

type PlateIdentification = Pick<WantedVehicleRecord, 'kind' | 'plate' | 'platePattern'>;

function identificationOf(input: WantedVehicleInput): PlateIdentification {
  const { plate, platePattern } = input;
  if ((plate == null) === (platePattern == null)) {
    throw codedGraphQLError('DS_INVALID_INPUT', 'give exactly one of plate and platePattern');
  }
  if (plate != null) {
    const parsed = parsePlate(plate);
    if (!parsed.ok) throw codedGraphQLError(parsed.problem.code, `plate: ${parsed.problem.reason}`);
    return { kind: 'FULL_PLATE', plate: parsed.plate.canonical };
  }
  const compiled = compilePlatePattern(platePattern as string);
  if (!compiled.ok) throw codedGraphQLError(compiled.problem.code, `platePattern: ${compiled.problem.reason}`);
  return { kind: 'PARTIAL_PLATE', platePattern: compiled.pattern.pattern };
}

/** Validates an entry for the wanted-vehicle list; every refusal is a coded error naming the offending field. */
export function wantedVehicleFromInput(input: WantedVehicleInput, origin: EntryOrigin): WantedVehicleRecord {
  const identification = identificationOf(input);
  if (!Number.isInteger(input.priority) || input.priority < 0 || input.priority > 100) {
    throw codedGraphQLError('DS_INVALID_INPUT', 'priority must be an integer from 0 to 100');
  }
  const validFrom = input.validFrom ?? new Date(origin.now).toISOString();
  const validFromMs = instantOf(validFrom, 'validFrom');
  const validUntil = input.validUntil ?? undefined;
  if (validUntil !== undefined) {
    const validUntilMs = instantOf(validUntil, 'validUntil');
    if (validUntilMs <= validFromMs) throw codedGraphQLError('DS_INVALID_INPUT', 'validUntil must be later than validFrom');
    if (validUntilMs <= origin.now) throw codedGraphQLError('DS_INVALID_INPUT', 'validUntil is already past');
  }
  return {
    id: origin.id,
    ...identification,
    reason: input.reason,
    priority: input.priority,
    validFrom,
    validUntil,
    caseNumber: caseNumberOf(input.caseNumber),
    owningAgency: origin.owningAgency,
    createdAt: new Date(origin.now).toISOString(),
    createdBy: origin.createdBy,
  };
}
