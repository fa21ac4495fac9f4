/** Most bytes the metadata line of an MQTT frame may take. */
export const maxFrameHeaderBytes = 1024;

export type FramePayload =
  | { readonly ok: true; readonly metadata: unknown; readonly image: Buffer }
  | { readonly ok: false; readonly message: string };

/**
 * An MQTT frame (`dongseon/<m>/cameras/<id>/frames`): one line of JSON metadata (`{"cameraId","frameId","capturedAt"}`),
 * a newline, then the image bytes as they are. MQTT 3.1.1 has no message properties to carry the metadata.
 */
export function parseFramePayload(payload: Buffer): FramePayload {
  const newline = payload.subarray(0, maxFrameHeaderBytes + 1).indexOf(0x0a);
  if (newline < 0) return { ok: false, message: `payload: no metadata line (JSON, then a newline) in its first ${maxFrameHeaderBytes} bytes` };
  let metadata: unknown;
  try {
    metadata = JSON.parse(payload.subarray(0, newline).toString('utf8'));
  } catch {
    return { ok: false, message: 'payload: the metadata line is not valid JSON' };
  }
  return { ok: true, metadata, image: payload.subarray(newline + 1) };
}

/** The payload a camera publishes for one frame. */
export function framePayload(metadata: { readonly cameraId: string; readonly frameId: string; readonly capturedAt: string }, image: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(`${JSON.stringify(metadata)}\n`, 'utf8'), image]);
}
