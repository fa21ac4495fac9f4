import { DongseonError } from '../../domain/errors/index.js';

/** The seeds training and validation drew data from (training/plates/config.json), and the floor of evaluation seeds. */
export interface TrainingSeeds {
  readonly minimum: number;
  readonly used: ReadonlySet<number>;
}

export function trainingSeeds(config: unknown): TrainingSeeds {
  const c = config as { evaluation_seed_min?: unknown; recognizer?: Record<string, unknown>; detector?: Record<string, unknown> } | null;
  if (typeof c?.evaluation_seed_min !== 'number') throw new DongseonError('DS_CONFIG_INVALID', 'training/plates/config.json has no evaluation_seed_min');
  const used = new Set<number>();
  for (const model of [c.recognizer, c.detector]) {
    const seeds = [...(Array.isArray(model?.train_seeds) ? model.train_seeds as unknown[] : []), model?.val_seed];
    for (const seed of seeds) if (typeof seed === 'number') used.add(seed);
  }
  return { minimum: c.evaluation_seed_min, used };
}

/** A held-out seed: none that training or validation drew data from, and at or above the evaluation floor. */
export function checkEvaluationSeed(seed: number, seeds: TrainingSeeds): void {
  if (seeds.used.has(seed)) {
    throw new DongseonError('DS_INVALID_INPUT', `seed ${seed} is a training or validation seed (training/plates/config.json): not held-out data`, { seed });
  }
  if (seed < seeds.minimum) {
    throw new DongseonError('DS_INVALID_INPUT', `seed ${seed} is below evaluation_seed_min ${seeds.minimum}: seeds below it belong to training`, { seed });
  }
}
