import { z } from 'zod';
import type { ErrorCode } from '../errors/index.js';
import { maxCameraIdLength, maxReadIdLength, maxTimestampLength, type ReadValidationPolicy } from './camera-read.js';

/** What a camera says about one frame it sends: which camera, which frame, when. The image travels beside it. */
export const frameMetadataSchema = z.strictObject({
  cameraId: z.string().min(1).max(maxCameraIdLength).regex(/^[A-Za-z0-9][A-Za-z0-9._:@/-]*$/),
  /** The camera's own id of the frame, unique per camera: a frame sent again under the same id is the same frame. */
  frameId: z.string().min(1).max(maxReadIdLength).regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/),
  capturedAt: z.string().max(maxTimestampLength).pipe(z.iso.datetime({ offset: true })),
});

/** A frame the edge took: the metadata, normalised, with the edge's receive time. */
export interface AcceptedFrame {
  readonly cameraId: string;
  readonly frameId: string;
  readonly capturedAt: string;
  readonly capturedAtMs: number;
  readonly receivedAtMs: number;
}

export type FrameMetadataCheck =
  | { readonly ok: true; readonly frame: AcceptedFrame }
  | { readonly ok: false; readonly code: ErrorCode; readonly message: string };

/**
 * Checks a frame's metadata as reads are checked: well-formed, sent by the camera it names (`authenticatedCameraId`),
 * a camera the node knows, and captured within the node's clock policy.
 */
export function checkFrameMetadata(
  input: unknown, authenticatedCameraId: string, policy: ReadValidationPolicy, knownCamera: (cameraId: string) => boolean, nowMs: number,
): FrameMetadataCheck {
  const parsed = frameMetadataSchema.safeParse(input);
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path.join('.') || 'metadata';
    return { ok: false, code: 'DS_FRAME_MALFORMED', message: `${field}: missing or malformed` };
  }
  const { cameraId, frameId, capturedAt } = parsed.data;
  if (cameraId !== authenticatedCameraId) return { ok: false, code: 'DS_CAMERA_FORBIDDEN', message: 'cameraId: not the camera of this credential' };
  if (!knownCamera(cameraId)) return { ok: false, code: 'DS_READ_UNKNOWN_CAMERA', message: 'cameraId: not a camera of this edge node' };
  const capturedAtMs = Date.parse(capturedAt);
  if (capturedAtMs > nowMs + policy.maxFutureSkewMs) {
    return { ok: false, code: 'DS_FRAME_CAPTURED_IN_FUTURE', message: `capturedAt: more than ${policy.maxFutureSkewMs} ms after the edge's clock` };
  }
  if (capturedAtMs < nowMs - policy.maxAgeMs) return { ok: false, code: 'DS_FRAME_TOO_OLD', message: `capturedAt: more than ${policy.maxAgeMs} ms ago` };
  return { ok: true, frame: { cameraId, frameId, capturedAt: new Date(capturedAtMs).toISOString(), capturedAtMs, receivedAtMs: nowMs } };
}
