import { readFileSync } from 'node:fs';
import { DongseonError } from '../../domain/errors/index.js';
import { loadTrackingModel, type TrackingModel } from '../../domain/tracking/index.js';

/** The committed model the subgraph serves unless configured otherwise: fitted on the demo city (`npm run train:tracking`). */
export const defaultTrackingModelFile = new URL('../../models/tracking/demo-city.tracking-model.json', import.meta.url).pathname;

/** Reads and indexes a tracking model file; a missing or malformed file stops the subgraph with DS_TRACKING_MODEL_INVALID. */
export function readTrackingModel(path: string): TrackingModel {
  let source: unknown;
  try {
    source = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new DongseonError('DS_TRACKING_MODEL_INVALID', `tracking model ${path}: cannot be read as JSON`, {}, { cause: error });
  }
  return loadTrackingModel(source);
}
