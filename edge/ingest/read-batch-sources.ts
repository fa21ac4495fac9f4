import {
  cameraReadFromNgsiLd, cameraReadInputSchema, maxReadsPerBatch, validateReadBatch,
  type ReadBatchValidation, type ReadProblem, type ReadValidationPolicy, type RejectedRead,
} from '../../domain/ingest/index.js';

/**
 * The ways a batch reaches the edge besides the open read schema itself (NGSI-LD entities, an MQTT message on a
 * camera's topic), each turned into the same `ReadBatchValidation`. Item indices always refer to the batch as
 * sent, so a vendor can match each rejection to what it posted.
 */

type MappedItem = { readonly ok: true; readonly read: unknown } | { readonly ok: false; readonly problem: ReadProblem };

const wellFormedReadId = cameraReadInputSchema.shape.readId;
const wellFormedCameraId = cameraReadInputSchema.shape.cameraId;

function readIdOf(item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null || !('readId' in item)) return undefined;
  const parsed = wellFormedReadId.safeParse(item.readId);
  return parsed.success ? parsed.data : undefined;
}

function tooLarge(count: number, policy: ReadValidationPolicy): ReadBatchValidation | undefined {
  const limit = Math.min(policy.maxBatchItems, maxReadsPerBatch);
  if (count <= limit) return undefined;
  return {
    accepted: [], rejected: [],
    batchProblem: { code: 'DS_BATCH_TOO_LARGE', message: `body: ${count} reads, more than the ${limit} one batch may carry` },
  };
}

/** Maps each item, validates the ones that mapped, and reports every rejection at its position in the sent batch. */
export function validateMappedBatch(
  items: readonly unknown[], map: (item: unknown) => MappedItem,
  policy: ReadValidationPolicy, knownCamera: (cameraId: string) => boolean, receivedAtMs: number,
): ReadBatchValidation {
  const oversize = tooLarge(items.length, policy);
  if (oversize !== undefined) return oversize;
  const positions: number[] = [];
  const mapped: unknown[] = [];
  const rejected: RejectedRead[] = [];
  items.forEach((item, index) => {
    const result = map(item);
    if (result.ok) {
      positions.push(index);
      mapped.push(result.read);
    } else {
      const readId = readIdOf(item);
      rejected.push({ index, ...(readId === undefined ? {} : { readId }), ...result.problem });
    }
  });
  const validation = validateReadBatch(mapped, policy, knownCamera, receivedAtMs);
  if (validation.batchProblem !== undefined) return validation;
  for (const rejection of validation.rejected) rejected.push({ ...rejection, index: positions[rejection.index] ?? rejection.index });
  return { accepted: validation.accepted, rejected: rejected.sort((a, b) => a.index - b.index) };
}

const otherCamera: MappedItem = { ok: false, problem: { code: 'DS_CAMERA_FORBIDDEN', message: 'cameraId: not the camera of this credential' } };

const claimedCamera = (item: unknown): unknown =>
  typeof item === 'object' && item !== null && 'cameraId' in item ? item.cameraId : undefined;

// A read naming another well-formed camera id is refused; a malformed one goes on to validation, which says what is wrong.
const ofCamera = (item: unknown, cameraId: string): MappedItem => {
  const claimed = claimedCamera(item);
  return claimed !== cameraId && wellFormedCameraId.safeParse(claimed).success ? otherCamera : { ok: true, read: item };
};

/**
 * The reads a camera posted with its credential (`POST /v1/reads`): a read of any other camera is refused with
 * DS_CAMERA_FORBIDDEN, so one camera's credential cannot speak for another.
 */
export function validateCameraBatch(
  items: readonly unknown[], cameraId: string,
  policy: ReadValidationPolicy, knownCamera: (cameraId: string) => boolean, receivedAtMs: number,
): ReadBatchValidation {
  return validateMappedBatch(items, (item) => ofCamera(item, cameraId), policy, knownCamera, receivedAtMs);
}

/** One NGSI-LD entity or an array of them (`POST /ngsi-ld/v1/entities`), each of the authenticated camera. */
export function validateNgsiLdBatch(
  body: unknown, cameraId: string, policy: ReadValidationPolicy, knownCamera: (cameraId: string) => boolean, receivedAtMs: number,
): ReadBatchValidation {
  const entities = Array.isArray(body) ? body : [body];
  return validateMappedBatch(entities, (entity) => {
    const result = cameraReadFromNgsiLd(entity);
    return result.ok ? ofCamera(result.read, cameraId) : result;
  }, policy, knownCamera, receivedAtMs);
}

/**
 * One read or an array of them, published on `dongseon/<municipality>/cameras/<cameraId>/reads`. The topic names
 * the camera, so a read claiming another camera is refused: one camera's credentials cannot speak for another.
 */
export function validateTopicBatch(
  payload: unknown, topicCameraId: string,
  policy: ReadValidationPolicy, knownCamera: (cameraId: string) => boolean, receivedAtMs: number,
): ReadBatchValidation {
  const items = Array.isArray(payload) ? payload : [payload];
  return validateMappedBatch(items, (item) => {
    if (claimedCamera(item) !== topicCameraId) {
      return { ok: false, problem: { code: 'DS_READ_MALFORMED', message: 'cameraId: not the camera named by the topic' } };
    }
    return { ok: true, read: item };
  }, policy, knownCamera, receivedAtMs);
}
