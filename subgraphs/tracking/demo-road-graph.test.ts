import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { demoRoadGraph } from './demo-road-graph.js';

const demoCameraIds = (JSON.parse(readFileSync(new URL('../../data/demo-region/cameras.json', import.meta.url), 'utf8')) as { cameras: { id: string }[] })
  .cameras.map((camera) => camera.id);

describe('the demo road graph', () => {
  const roads = demoRoadGraph();

  it('joins only cameras of the demo region', () => {
    expect(roads.length).toBeGreaterThan(0);
    for (const road of roads) {
      expect(demoCameraIds).toContain(road.from);
      expect(demoCameraIds).toContain(road.to);
    }
  });

  it('lists each directed road once', () => {
    const links = roads.map((road) => `${road.from}→${road.to}`);
    expect(new Set(links).size).toBe(links.length);
  });
});
