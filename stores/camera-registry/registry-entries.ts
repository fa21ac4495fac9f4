import { z } from 'zod';
import { geoPositionProblem } from '../../domain/geo/index.js';

export const cameraStatuses = ['ONLINE', 'DEGRADED', 'OFFLINE', 'DECOMMISSIONED'] as const;

/** A camera's operating status as the registry keeps it. */
export type CameraStatus = (typeof cameraStatuses)[number];

const registryId = z.string().regex(
  /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, 'expected 1 to 100 letters, digits and . _ : -, starting with a letter or digit',
);
const displayName = z.string().trim().min(1, 'must not be empty').max(200);
const optionalText = (schema: z.ZodString) => schema.nullish().transform((value) => value ?? null);

/** A valid municipality entry, whether it comes from a registry file or a mutation. */
export const municipalityEntrySchema = z.object({
  id: registryId,
  name: displayName,
  districtCode: z.string().regex(/^\d{5}(\d{5})?$/, 'expected a 5- or 10-digit administrative district code (행정구역코드)'),
});

const geoPositionSchema = z.object({ latitude: z.number(), longitude: z.number() }).superRefine((position, context) => {
  const problem = geoPositionProblem(position);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});

/** A valid camera entry, whether it comes from a registry file or a mutation; optional fields become null. */
export const cameraEntrySchema = z.object({
  id: registryId,
  name: displayName,
  municipalityId: registryId,
  position: geoPositionSchema,
  roadLinkId: optionalText(z.string().min(1).max(100)),
  headingDegrees: z.number().min(0, 'expected degrees from 0 to 360').max(360, 'expected degrees from 0 to 360').nullish()
    .transform((value) => value ?? null),
  anprCapable: z.boolean(),
  resolution: optionalText(z.string().regex(/^[1-9]\d{1,4}x[1-9]\d{1,4}$/, 'expected WIDTHxHEIGHT in pixels, e.g. 1920x1080')),
  status: z.enum(cameraStatuses).nullish().transform((value) => value ?? 'ONLINE'),
});

export type MunicipalityEntry = z.output<typeof municipalityEntrySchema>;
export type CameraEntry = z.output<typeof cameraEntrySchema>;

/** An entry as the registry holds it: what was entered, plus what the registry maintains itself. */
export interface RegisteredMunicipality extends MunicipalityEntry {
  readonly registryRevision: number;
}

export interface RegisteredCamera extends CameraEntry {
  readonly lastHeartbeatAt: string | null;
  readonly registryRevision: number;
}

/** One line per problem, each naming the offending field. */
export function entryProblems(error: z.ZodError): string[] {
  return error.issues.map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(entry)'}: ${issue.message}`);
}

export const sameMunicipalityEntry = (a: MunicipalityEntry, b: MunicipalityEntry): boolean =>
  a.id === b.id && a.name === b.name && a.districtCode === b.districtCode;

export const sameCameraEntry = (a: CameraEntry, b: CameraEntry): boolean =>
  a.id === b.id && a.name === b.name && a.municipalityId === b.municipalityId
  && a.position.latitude === b.position.latitude && a.position.longitude === b.position.longitude
  && a.roadLinkId === b.roadLinkId && a.headingDegrees === b.headingDegrees && a.anprCapable === b.anprCapable
  && a.resolution === b.resolution && a.status === b.status;
