import { geoPositionProblem } from '../../domain/geo/index.js';
import { codedGraphQLError } from '../../runtime/graphql/coded-graphql-error.js';
import { instantOf, requiredTextOf } from '../../runtime/graphql/scalar-arguments.js';
import type { PatrolPosition, PatrolUnitRecord } from '../../stores/patrol-units/patrol-unit-store.js';
import type { PatrolPositionReport, PatrolUnitRegistration } from './generated/resolver-types.js';

const unitIdPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
/** A car's clock may run a little ahead; a report further in the future than this is a broken clock, refused. */
const maxClockAheadMs = 30_000;
const maxSpeedKmh = 400;

function unitIdOf(value: string, argument: string): string {
  const id = value.trim();
  if (!unitIdPattern.test(id)) throw codedGraphQLError('DS_INVALID_INPUT', `${argument} must be 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit`);
  return id;
}

export function patrolUnitFromRegistration(input: PatrolUnitRegistration, registeredBy: string, now: number): Pick<PatrolUnitRecord, 'id' | 'callSign' | 'registeredAt' | 'registeredBy'> {
  return { id: unitIdOf(input.id, 'id'), callSign: requiredTextOf(input.callSign, 'callSign', 40), registeredAt: new Date(now).toISOString(), registeredBy };
}

/** A position report, checked: a WGS-84 position, an instant not from the future, plausible heading and speed. */
export function patrolPositionFromReport(input: PatrolPositionReport, now: number): { unitId: string; position: PatrolPosition } {
  const unitId = unitIdOf(input.unitId, 'unitId');
  const problem = geoPositionProblem(input);
  if (problem) throw codedGraphQLError('DS_INVALID_INPUT', `position: ${problem}`);
  const reportedAtMs = instantOf(input.reportedAt, 'reportedAt');
  if (reportedAtMs > now + maxClockAheadMs) throw codedGraphQLError('DS_INVALID_INPUT', `reportedAt ${input.reportedAt} is in the future`);
  const { headingDegrees, speedKmh } = input;
  if (headingDegrees != null && !(headingDegrees >= 0 && headingDegrees < 360)) throw codedGraphQLError('DS_INVALID_INPUT', 'headingDegrees must be from 0 to under 360');
  if (speedKmh != null && !(speedKmh >= 0 && speedKmh <= maxSpeedKmh)) throw codedGraphQLError('DS_INVALID_INPUT', `speedKmh must be from 0 to ${maxSpeedKmh}`);
  return {
    unitId,
    position: {
      latitude: input.latitude, longitude: input.longitude, reportedAt: input.reportedAt, reportedAtMs,
      ...(headingDegrees == null ? {} : { headingDegrees }), ...(speedKmh == null ? {} : { speedKmh }),
    },
  };
}
