import { describe, expect, it } from 'vitest';
import { initialPasswordArgs, neo4jServerArgs, renderNeo4jConf } from './neo4j.js';

describe('renderNeo4jConf', () => {
  it('serves Bolt on loopback only, with HTTP off, bounded memory and no usage reports', () => {
    const conf = renderNeo4jConf({
      host: '127.0.0.1',
      boltPort: 17687,
      dataDir: '/repo/.stack/neo4j/data',
      logsDir: '/repo/.stack/neo4j/logs',
      runDir: '/repo/.stack/neo4j/run',
    });
    expect(conf).toMatchInlineSnapshot(`
      "server.default_listen_address=127.0.0.1
      server.bolt.listen_address=127.0.0.1:17687
      server.http.enabled=false
      server.https.enabled=false
      server.memory.heap.initial_size=1g
      server.memory.heap.max_size=2g
      server.memory.pagecache.size=1g
      server.directories.data=/repo/.stack/neo4j/data
      server.directories.logs=/repo/.stack/neo4j/logs
      server.directories.run=/repo/.stack/neo4j/run
      dbms.usage_report.enabled=false
      internal.dbms.bolt.netty_server_shutdown_quiet_period=0
      "
    `);
  });

  it('sizes heap and page cache as given', () => {
    const memory = { heapInitial: '512m', heapMax: '1g', pageCache: '256m' };
    const conf = renderNeo4jConf({ host: '127.0.0.1', boltPort: 1, dataDir: '/d', logsDir: '/l', runDir: '/r', memory });
    expect(conf).toContain('server.memory.heap.initial_size=512m\nserver.memory.heap.max_size=1g\nserver.memory.pagecache.size=256m\n');
    expect(neo4jServerArgs('/lib', '/home', memory).slice(0, 2)).toEqual(['-Xms512m', '-Xmx1g']);
  });

  it('never turns authentication off', () => {
    const conf = renderNeo4jConf({ host: '127.0.0.1', boltPort: 1, dataDir: '/d', logsDir: '/l', runDir: '/r' });
    expect(conf).not.toContain('auth_enabled');
  });
});

describe('neo4jServerArgs', () => {
  it('runs the community entry point from the cached jars with the project home and config', () => {
    expect(neo4jServerArgs('/cache/lib', '/repo/.stack/neo4j')).toEqual([
      '-Xms1g',
      '-Xmx2g',
      '-XX:TieredStopAtLevel=1',
      '--add-opens=java.base/java.nio=ALL-UNNAMED',
      '--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
      '-cp',
      '/cache/lib/*',
      'org.neo4j.server.CommunityEntryPoint',
      '--home-dir=/repo/.stack/neo4j',
      '--config-dir=/repo/.stack/neo4j/conf',
    ]);
  });
});

describe('the local Neo4j\'s JIT', () => {
  it('bug: after each start, C2 compilation took up to a core for a minute and pushed the alert p99 of a cold stack over 250 ms; C1 only unless asked', () => {
    expect(neo4jServerArgs('/lib', '/home')).toContain('-XX:TieredStopAtLevel=1');
    expect(neo4jServerArgs('/lib', '/home', undefined, 'full')).not.toContain('-XX:TieredStopAtLevel=1');
  });
});

describe('initialPasswordArgs', () => {
  it('bug: a generated password beginning with "-" was taken by neo4j-admin for an option, and the first start failed', () => {
    expect(initialPasswordArgs('/lib', '-Zk3_x').slice(-3)).toEqual(['set-initial-password', '--', '-Zk3_x']);
  });
});
