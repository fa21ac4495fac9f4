import { describe, expect, it } from 'vitest';
import { dependencyPom } from './maven.js';
import { neo4jArtifact } from './neo4j-libraries.js';

describe('dependencyPom', () => {
  it('declares the Neo4j 5.26 LTS server as its single dependency', () => {
    const pom = dependencyPom(neo4jArtifact);
    expect(pom.match(/<dependency>/g)).toHaveLength(1);
    expect(pom).toContain('<groupId>org.neo4j</groupId>');
    expect(pom).toContain('<artifactId>neo4j</artifactId>');
    expect(pom).toContain('<version>5.26.30</version>');
    expect(pom).toContain('<packaging>pom</packaging>');
  });
});
