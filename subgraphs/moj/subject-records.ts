import { z } from 'zod';
import { parsePlate } from '../../domain/plates/index.js';
import { geoPositionProblem } from '../../domain/geo/index.js';
import type { GeofenceEventKind, RiskLevel } from './generated/resolver-types.js';

export const riskLevels = ['LOW', 'MEDIUM', 'HIGH'] as const satisfies readonly RiskLevel[];
const geofenceEventKinds = ['ENTERED_EXCLUSION_ZONE', 'LEFT_INCLUSION_ZONE', 'DEVICE_TAMPER'] as const satisfies readonly GeofenceEventKind[];

const recordId = z.string().regex(
  /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, 'expected 1 to 100 letters, digits and . _ : -, starting with a letter or digit',
);
const instant = z.iso.datetime({ offset: true });

const geoPositionSchema = z.object({ latitude: z.number(), longitude: z.number() }).superRefine((position, context) => {
  const problem = geoPositionProblem(position);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});

const canonicalPlate = z.string().transform((raw, context) => {
  const parsed = parsePlate(raw);
  if (parsed.ok) return parsed.plate.canonical;
  context.addIssue({ code: 'custom', message: `${parsed.problem.code}: ${parsed.problem.reason}` });
  return z.NEVER;
});

/** A valid monitored subject, as the seed file and the store hold it; linked plates become canonical. */
export const monitoredSubjectRecordSchema = z.object({
  id: recordId,
  alias: z.string().trim().min(1).max(50),
  riskLevel: z.enum(riskLevels),
  latestPosition: z.object({
    position: geoPositionSchema,
    recordedAt: instant,
    accuracyMeters: z.number().min(0).max(100_000),
  }).nullish().transform((value) => value ?? null),
  geofenceEvents: z.array(z.object({
    id: recordId,
    kind: z.enum(geofenceEventKinds),
    zoneName: z.string().trim().min(1).max(200),
    at: instant,
    position: geoPositionSchema,
  })).default([]),
  linkedVehicles: z.array(z.object({
    plate: canonicalPlate,
    relation: z.string().trim().min(1).max(100),
  })).default([]),
});

export const monitoredSubjectsFileSchema = z.object({ subjects: z.array(monitoredSubjectRecordSchema) });

export type MonitoredSubjectRecord = z.output<typeof monitoredSubjectRecordSchema>;
export type SubjectPositionRecord = NonNullable<MonitoredSubjectRecord['latestPosition']>;
export type GeofenceEventRecord = MonitoredSubjectRecord['geofenceEvents'][number];
export type LinkedVehicleRecord = MonitoredSubjectRecord['linkedVehicles'][number];

/** The part of a subject every query needs; the rest is read only when asked for. */
export type SubjectSummary = Pick<MonitoredSubjectRecord, 'id' | 'alias' | 'riskLevel'>;
