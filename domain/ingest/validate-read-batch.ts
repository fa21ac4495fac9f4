import type { z } from 'zod';
import type { ErrorCode } from '../errors/index.js';
import { cleanPlateText } from '../plates/index.js';
import {
  cameraReadInputSchema, maxReadsPerBatch,
  type CameraRead, type CameraReadInput, type ReadPlateCandidate, type ReadValidationPolicy,
} from './camera-read.js';

export interface ReadProblem {
  readonly code: ErrorCode;
  /** Names the field and what is wrong with it; never repeats the sent value. */
  readonly message: string;
}

export interface RejectedRead extends ReadProblem {
  /** The item's position in the batch. */
  readonly index: number;
  /** Present only when the sent read id is itself well-formed, so no raw text is reflected. */
  readonly readId?: string;
}

export interface ReadBatchValidation {
  readonly accepted: readonly CameraRead[];
  readonly rejected: readonly RejectedRead[];
  /** Set when the batch as a whole is refused; then nothing is accepted and no item is looked at. */
  readonly batchProblem?: ReadProblem;
}

const wellFormedReadId = cameraReadInputSchema.shape.readId;

function pathOf(issue: z.core.$ZodIssue): string {
  // Paths hold schema field names and array indices only; unrecognised keys are reported by count below.
  return issue.path.length === 0 ? 'read' : issue.path.map(String).join('.');
}

function describeIssue(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `${pathOf(issue)}: expected ${issue.expected}`;
    case 'too_big':
      return `${pathOf(issue)}: more than ${String(issue.maximum)} ${issue.origin === 'string' ? 'characters' : issue.origin === 'array' ? 'items' : 'allowed'}`;
    case 'too_small':
      return `${pathOf(issue)}: ${issue.origin === 'number' ? `below ${String(issue.minimum)}` : 'empty'}`;
    case 'invalid_format':
      return issue.format === 'regex'
        ? `${pathOf(issue)}: holds characters or a form the field does not allow`
        : `${pathOf(issue)}: not a valid ${issue.format} with offset`;
    case 'invalid_value':
      return `${pathOf(issue)}: not one of the allowed values`;
    case 'unrecognized_keys':
      return `${pathOf(issue)}: ${issue.keys.length} unrecognised field(s)`;
    case 'custom':
      return `${pathOf(issue)}: holds control or format characters`;
    default:
      return `${pathOf(issue)}: invalid`;
  }
}

function schemaProblem(error: z.ZodError): ReadProblem {
  // Zod still runs the length checks of a field whose value has the wrong type (a text where the candidates list
  // belongs is "too big" from its sixth character): once the type is wrong, they say nothing.
  const wrongType = new Set(error.issues.filter((issue) => issue.code === 'invalid_type').map(pathOf));
  const issues = error.issues.filter((issue) => issue.code === 'invalid_type' || !wrongType.has(pathOf(issue)));
  const oversize = issues.some((issue) => issue.code === 'too_big' && issue.origin !== 'number');
  const shown = issues.slice(0, 3).map(describeIssue);
  if (issues.length > shown.length) shown.push(`and ${issues.length - shown.length} more`);
  return { code: oversize ? 'DS_READ_OVERSIZE' : 'DS_READ_MALFORMED', message: shown.join('; ') };
}

/** Cleans every candidate; the survivors, best first. Stable sort keeps the camera's order among ties. */
function usableCandidates(input: CameraReadInput): ReadPlateCandidate[] | ReadProblem {
  const kept: ReadPlateCandidate[] = [];
  const reasons: string[] = [];
  input.candidates.forEach((candidate, index) => {
    const cleaned = cleanPlateText(candidate.text);
    if (cleaned.ok) kept.push({ text: cleaned.text, confidence: candidate.confidence });
    else reasons.push(`candidates.${index}.text: ${cleaned.code} (${cleaned.reason})`);
  });
  if (kept.length === 0) {
    return { code: 'DS_READ_PLATE_INVALID', message: `no usable plate candidate: ${reasons.join('; ')}` };
  }
  return kept.sort((a, b) => b.confidence - a.confidence);
}

function checkRead(
  input: CameraReadInput, policy: ReadValidationPolicy, knownCamera: (cameraId: string) => boolean, receivedAtMs: number,
): CameraRead | ReadProblem {
  if (!knownCamera(input.cameraId)) {
    return { code: 'DS_READ_UNKNOWN_CAMERA', message: 'cameraId: not a camera of this edge node' };
  }
  const capturedAtMs = Date.parse(input.capturedAt);
  if (!Number.isFinite(capturedAtMs)) return { code: 'DS_READ_MALFORMED', message: 'capturedAt: not a representable time' };
  if (capturedAtMs - receivedAtMs > policy.maxFutureSkewMs) {
    return {
      code: 'DS_READ_CAPTURED_IN_FUTURE',
      message: `capturedAt: ${Math.round((capturedAtMs - receivedAtMs) / 1000)} s after receipt, more than the allowed ${policy.maxFutureSkewMs / 1000} s of clock skew`,
    };
  }
  if (receivedAtMs - capturedAtMs > policy.maxAgeMs) {
    return {
      code: 'DS_READ_TOO_OLD',
      message: `capturedAt: older than the accepted ${policy.maxAgeMs / 1000} s`,
    };
  }
  const candidates = usableCandidates(input);
  if (!Array.isArray(candidates)) return candidates;
  return {
    readId: input.readId,
    cameraId: input.cameraId,
    capturedAt: new Date(capturedAtMs).toISOString(),
    capturedAtMs,
    receivedAt: new Date(receivedAtMs).toISOString(),
    receivedAtMs,
    candidates,
    ...(input.plateImageRef === undefined ? {} : { plateImageRef: input.plateImageRef }),
    ...(input.vehicleImageRef === undefined ? {} : { vehicleImageRef: input.vehicleImageRef }),
    ...(input.vehicleColour === undefined ? {} : { vehicleColour: input.vehicleColour }),
    ...(input.vehicleType === undefined ? {} : { vehicleType: input.vehicleType }),
  };
}

function readIdOf(item: unknown): string | undefined {
  if (typeof item !== 'object' || item === null || !('readId' in item)) return undefined;
  const parsed = wellFormedReadId.safeParse(item.readId);
  return parsed.success ? parsed.data : undefined;
}

/**
 * Validates one batch of camera reads as the edge receives it. Each item stands alone: valid reads are accepted
 * even when others in the same batch are rejected, and each rejection carries its own code. The receive time is
 * the edge's, passed in; nothing here reads a clock.
 */
export function validateReadBatch(
  body: unknown, policy: ReadValidationPolicy, knownCamera: (cameraId: string) => boolean, receivedAtMs: number,
): ReadBatchValidation {
  if (!Array.isArray(body)) {
    return { accepted: [], rejected: [], batchProblem: { code: 'DS_BATCH_MALFORMED', message: 'body: expected a JSON array of reads' } };
  }
  const limit = Math.min(policy.maxBatchItems, maxReadsPerBatch);
  if (body.length > limit) {
    return {
      accepted: [],
      rejected: [],
      batchProblem: { code: 'DS_BATCH_TOO_LARGE', message: `body: ${body.length} reads, more than the ${limit} one batch may carry` },
    };
  }
  const accepted: CameraRead[] = [];
  const rejected: RejectedRead[] = [];
  const seenReadIds = new Set<string>();
  body.forEach((item: unknown, index) => {
    const readId = readIdOf(item);
    const parsed = cameraReadInputSchema.safeParse(item);
    if (!parsed.success) {
      rejected.push({ index, ...(readId === undefined ? {} : { readId }), ...schemaProblem(parsed.error) });
      return;
    }
    if (seenReadIds.has(parsed.data.readId)) {
      rejected.push({
        index, readId: parsed.data.readId, code: 'DS_READ_DUPLICATE_IN_BATCH', message: 'readId: already used by an earlier item of this batch',
      });
      return;
    }
    seenReadIds.add(parsed.data.readId);
    const checked = checkRead(parsed.data, policy, knownCamera, receivedAtMs);
    if ('readId' in checked) accepted.push(checked);
    else rejected.push({ index, readId: parsed.data.readId, ...checked });
  });
  return { accepted, rejected };
}
