import { z } from 'zod';
import { maxRawPlateLength } from '../plates/index.js';

/**
 * The open camera-read schema: what a camera, or an ANPR platform in front of it, sends an edge node.
 * A batch is a JSON array of `CameraReadInput` objects. Unknown fields are refused, every string and list is
 * bounded, and no text field may carry control or format characters, so nothing unbounded or invisible reaches
 * a log, a queue or a console.
 */

/** Most plate candidates one read may carry (the recogniser's top-k). */
export const maxPlateCandidates = 5;
/** Most reads one batch may carry. */
export const maxReadsPerBatch = 1000;
export const maxReadIdLength = 128;
export const maxCameraIdLength = 64;
export const maxImageRefLength = 512;
/** ISO 8601 with offset and fractional seconds fits in this many characters. */
export const maxTimestampLength = 40;

export const defaultMaxFutureSkewMs = 120_000;
export const defaultMaxReadAgeMs = 24 * 60 * 60 * 1000;

/** How much an edge node trusts camera clocks. */
export interface ReadValidationPolicy {
  /** A read captured more than this after the edge received it is refused as captured in the future. */
  readonly maxFutureSkewMs: number;
  /** A read captured more than this before the edge received it is refused as too old. */
  readonly maxAgeMs: number;
  /** Most reads in one batch; never more than `maxReadsPerBatch`. */
  readonly maxBatchItems: number;
}

export const defaultReadValidationPolicy: ReadValidationPolicy = {
  maxFutureSkewMs: defaultMaxFutureSkewMs,
  maxAgeMs: defaultMaxReadAgeMs,
  maxBatchItems: maxReadsPerBatch,
};

/**
 * Control, format (zero-width, bidi overrides) and lone surrogate characters, except the line breaks that
 * separate the lines of a two-line plate. Other text fields admit ASCII only, by their patterns.
 */
const plateInvisiblePattern = /(?![\n\r])[\p{Cc}\p{Cf}\p{Cs}]/u;

/** Identifiers: ASCII letters and digits first, then those plus `. _ : @ / -` (URNs and dotted ids fit). */
const identifierPattern = /^[A-Za-z0-9][A-Za-z0-9._:@/-]*$/;

/**
 * An http(s) or s3 URL, or a relative storage key; no other scheme (no `javascript:`, no `data:`) and no `..`
 * anywhere, so a reference cannot climb out of the image store.
 */
const imageRefPattern = /^(?!.*\.\.)(?:(?:https?|s3):\/\/[A-Za-z0-9._~:/?#[\]@!$&'()*+,;=%-]+|[A-Za-z0-9._~%-][A-Za-z0-9._~/%-]*)$/;

export const vehicleColours = ['white', 'black', 'silver', 'grey', 'red', 'blue', 'green', 'yellow', 'brown', 'orange', 'other'] as const;
export const vehicleTypes = ['car', 'van', 'bus', 'truck', 'motorcycle', 'special', 'other'] as const;
export type VehicleColour = (typeof vehicleColours)[number];
export type VehicleType = (typeof vehicleTypes)[number];

const identifier = (maxLength: number) =>
  z.string().min(1).max(maxLength).regex(identifierPattern);

export const plateCandidateInputSchema = z.strictObject({
  /** The plate as recognised, e.g. `123가4567`, `서울 12가 3456`, `서울12\n가3456` (two-line). */
  text: z.string().min(1).max(maxRawPlateLength).refine((text) => !plateInvisiblePattern.test(text)),
  /** The recogniser's confidence in this candidate, 0 to 1. */
  confidence: z.number().min(0).max(1),
});

export const cameraReadInputSchema = z.strictObject({
  /** Unique per read and stable across retries: the idempotency key. A resent read carries the same id. */
  readId: identifier(maxReadIdLength),
  /** The camera as the edge node knows it, e.g. `cam-suwon-01`. */
  cameraId: identifier(maxCameraIdLength),
  /**
   * When the camera captured the frame, by the camera's clock: ISO 8601 with `Z` or an explicit offset
   * (a local time without offset is ambiguous and refused). The receive time is set by the edge, never sent.
   */
  capturedAt: z.string().max(maxTimestampLength).pipe(z.iso.datetime({ offset: true })),
  /** The recogniser's top-k plate readings, best first or in any order; 1 to `maxPlateCandidates`. */
  candidates: z.array(plateCandidateInputSchema).min(1).max(maxPlateCandidates),
  /** Where the plate crop is stored, if the camera keeps it: an http(s)/s3 URL or a relative storage key. */
  plateImageRef: z.string().max(maxImageRefLength).regex(imageRefPattern).optional(),
  /** Where the whole-vehicle frame is stored, same form as `plateImageRef`. */
  vehicleImageRef: z.string().max(maxImageRefLength).regex(imageRefPattern).optional(),
  /** The vehicle's colour, when the camera classifies it. */
  vehicleColour: z.enum(vehicleColours).optional(),
  /** The vehicle's type, when the camera classifies it. */
  vehicleType: z.enum(vehicleTypes).optional(),
});

/** One read as sent over the wire. */
export type CameraReadInput = z.infer<typeof cameraReadInputSchema>;

export interface ReadPlateCandidate {
  /** Cleaned plate text: Hangul syllables and digits only (see `cleanPlateText`). */
  readonly text: string;
  readonly confidence: number;
}

/** One read as the edge node accepted it. */
export interface CameraRead {
  readonly readId: string;
  readonly cameraId: string;
  /** Capture time by the camera's clock, normalised to UTC ISO 8601 with milliseconds. */
  readonly capturedAt: string;
  readonly capturedAtMs: number;
  /** When the edge node received the batch, by the edge clock. Kept apart from the capture time. */
  readonly receivedAt: string;
  readonly receivedAtMs: number;
  /** The candidates that survived cleaning, highest confidence first (ties keep the camera's order). */
  readonly candidates: readonly ReadPlateCandidate[];
  readonly plateImageRef?: string;
  readonly vehicleImageRef?: string;
  readonly vehicleColour?: VehicleColour;
  readonly vehicleType?: VehicleType;
  /**
   * Set on reads the edge's own recogniser made from camera frames (never accepted from a camera): how many frames
   * of the pass it fused, and whether they agreed (`confirmed`) or the read rests on one frame or on frames that
   * disagree (`possible`). A hit on a possible read is itself only possible.
   */
  readonly recognition?: { readonly status: 'confirmed' | 'possible'; readonly frames: number };
}
