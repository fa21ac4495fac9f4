import { cameraReadInputSchema, type CameraReadInput } from './camera-read.js';
import type { ReadProblem } from './validate-read-batch.js';

/**
 * Maps an NGSI-LD entity in the style of FIWARE Smart Data Models (`AnprFlowObserved`, `TrafficFlowObserved`)
 * to a camera read, in both the normalised form (`{ type: 'Property', value }`, `{ type: 'Relationship', object }`)
 * and the key-values form (plain values). The result is a wire-form read: it still goes through
 * `validateReadBatch` for camera, clock and plate checks.
 *
 * Fields: `id` → readId (the entity id is stable across re-sends) · `dateObserved` → capturedAt ·
 * `refDevice` → cameraId (the last segment of a `urn:ngsi-ld:<Type>:<id>` URN) · `licensePlate` or
 * `vehiclePlateIdentifier` → the plate candidate · `confidence` (top-level or a sub-property of the plate).
 */
export const ngsiLdReadTypes = ['AnprFlowObserved', 'TrafficFlowObserved'] as const;

/** NGSI-LD carries no recogniser confidence unless the sender adds one; this stands for "not stated". */
export const unstatedConfidence = 0.5;

export type NgsiLdReadResult =
  | { readonly ok: true; readonly read: CameraReadInput }
  | { readonly ok: false; readonly problem: ReadProblem };

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The value of a Property in either form; a DateTime may be typed as `{ '@type': 'DateTime', '@value': … }`. */
function propertyValue(property: unknown): unknown {
  let value = isRecord(property) && property['type'] === 'Property' ? property['value'] : property;
  if (isRecord(value) && '@value' in value) value = value['@value'];
  return value;
}

function relationshipObject(relationship: unknown): unknown {
  return isRecord(relationship) && relationship['type'] === 'Relationship' ? relationship['object'] : relationship;
}

const urnPattern = /^urn:ngsi-ld:[A-Za-z0-9]+:(.+)$/;

function malformed(field: string, what: string): NgsiLdReadResult {
  return { ok: false, problem: { code: 'DS_READ_MALFORMED', message: `${field}: ${what}` } };
}

export function cameraReadFromNgsiLd(entity: unknown): NgsiLdReadResult {
  if (!isRecord(entity)) return malformed('entity', 'expected an NGSI-LD entity object');
  const type = entity['type'];
  if (typeof type !== 'string' || !(ngsiLdReadTypes as readonly string[]).includes(type)) {
    return malformed('type', `expected one of ${ngsiLdReadTypes.join(', ')}`);
  }
  const id = entity['id'];
  if (typeof id !== 'string') return malformed('id', 'expected a string');
  const capturedAt = propertyValue(entity['dateObserved']);
  if (typeof capturedAt !== 'string') return malformed('dateObserved', 'expected a DateTime value');
  const device = relationshipObject(entity['refDevice']);
  if (typeof device !== 'string') return malformed('refDevice', 'expected a relationship to the camera');
  const plateProperty = entity['licensePlate'] ?? entity['vehiclePlateIdentifier'];
  const plate = propertyValue(plateProperty);
  if (typeof plate !== 'string') return malformed('licensePlate', 'expected a plate text value');
  const confidence = propertyValue(
    isRecord(plateProperty) && 'confidence' in plateProperty ? plateProperty['confidence'] : entity['confidence'],
  ) ?? unstatedConfidence;

  const parsed = cameraReadInputSchema.safeParse({
    readId: id,
    cameraId: urnPattern.exec(device)?.[1] ?? device,
    capturedAt,
    candidates: [{ text: plate, confidence }],
  });
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? 'entity');
    const names: Record<string, string> = { readId: 'id', cameraId: 'refDevice', capturedAt: 'dateObserved', candidates: 'licensePlate' };
    return malformed(names[field] ?? field, 'not a value the read schema accepts');
  }
  return { ok: true, read: parsed.data };
}
