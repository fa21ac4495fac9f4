import { compilePlatePattern, plateMatchesPattern } from '../plates/index.js';
import type { WantedVehicleStory } from './choose-wanted-vehicles.js';
import type { PassRecord } from './generate-reads.js';

export interface WantedPasses {
  readonly story: WantedVehicleStory;
  /** Every pass of a vehicle carrying the listed plate (or one the pattern matches) through an ANPR camera. */
  readonly passes: readonly PassRecord[];
  /**
   * The passes an edge matcher allowing one confusion must turn into a hit: read (not missed, no outage), with a
   * candidate at most one confusion from the plate.
   */
  readonly expectedHits: readonly PassRecord[];
}

/** Which camera passes of the wanted vehicles should become hits, within the injected error model. */
export function expectedWantedHits(stories: readonly WantedVehicleStory[], passes: readonly PassRecord[]): WantedPasses[] {
  return stories.map((story) => {
    let carries: (plate: string) => boolean = (plate) => plate === story.plate;
    if (story.platePattern !== undefined) {
      const compiled = compilePlatePattern(story.platePattern);
      carries = compiled.ok ? (plate) => plateMatchesPattern(compiled.pattern, plate) : () => false;
    }
    const own = passes.filter((pass) => carries(pass.plate));
    return {
      story,
      passes: own,
      expectedHits: own.filter((pass) => pass.outcome === 'read' && pass.closestCandidateConfusions !== null && pass.closestCandidateConfusions <= 1),
    };
  });
}
