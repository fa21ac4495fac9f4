import { z } from 'zod';
import { DongseonError } from '../../domain/errors/index.js';
import { isoInstantMillis } from '../../runtime/graphql/scalar-arguments.js';

export const maxSightingBatchSize = 5000;

const idSchema = z.string().trim().min(1).max(200);
const instantSchema = z.string().refine((text) => isoInstantMillis(text) !== undefined, { message: 'expected an ISO-8601 instant with offset' });

export const sightingInputSchema = z.object({
  /** Stable across replays: the id of the hit the sighting was made from. */
  id: idSchema,
  /** The wanted-vehicle id of the police list. */
  vehicleId: idSchema,
  cameraId: idSchema,
  capturedAt: instantSchema,
  receivedAt: instantSchema,
  matchKind: z.enum(['EXACT', 'POSSIBLE']),
  confidence: z.number().min(0).max(1),
});

/** One sighting of a wanted vehicle, as a graph worker hands it to `recordSightings`. */
export type SightingInput = z.infer<typeof sightingInputSchema>;

const sightingBatchSchema = z.array(sightingInputSchema).max(maxSightingBatchSize);

/**
 * Validates a batch and drops repeated ids (the first wins): a sighting already in the graph is never changed
 * by a later copy, and repeats inside one batch are treated the same way.
 */
export function sightingBatchOf(batch: unknown): SightingInput[] {
  const result = sightingBatchSchema.safeParse(batch);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `${issue.path.join('.') || 'batch'}: ${issue.message}`);
    throw new DongseonError('DS_INVALID_INPUT', `invalid sighting batch: ${problems.join('; ')}`);
  }
  const firstById = new Map<string, SightingInput>();
  for (const sighting of result.data) if (!firstById.has(sighting.id)) firstById.set(sighting.id, sighting);
  return [...firstById.values()];
}
