import type { Driver } from 'neo4j-driver';

// IF NOT EXISTS also passes when cctv created an equivalent constraint under another name.
const schemaStatements = [
  'CREATE CONSTRAINT vehicle_id IF NOT EXISTS FOR (vehicle:Vehicle) REQUIRE vehicle.id IS UNIQUE',
  'CREATE CONSTRAINT sighting_id IF NOT EXISTS FOR (sighting:Sighting) REQUIRE sighting.id IS UNIQUE',
  'CREATE CONSTRAINT camera_id IF NOT EXISTS FOR (camera:Camera) REQUIRE camera.id IS UNIQUE',
  'CREATE CONSTRAINT hit_decision_hit_id IF NOT EXISTS FOR (decision:HitDecision) REQUIRE decision.hitId IS UNIQUE',
  'CREATE INDEX sighting_captured_at IF NOT EXISTS FOR (sighting:Sighting) ON (sighting.capturedAt)',
  'CREATE INDEX camera_municipality_id IF NOT EXISTS FOR (camera:Camera) ON (camera.municipalityId)',
];

/** Creates the sighting graph's uniqueness constraints and indexes; safe to run at every start. */
export async function ensureSightingGraphSchema(driver: Driver): Promise<void> {
  for (const statement of schemaStatements) await driver.executeQuery(statement);
}
