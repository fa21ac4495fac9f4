import { describe, expect, it } from 'vitest';
import { renderRedisConf } from './redis.js';

describe('renderRedisConf', () => {
  it('binds loopback, daemonizes with a pid file and keeps an append-only file fsynced every second', () => {
    const conf = renderRedisConf({
      host: '127.0.0.1',
      port: 16379,
      dataDir: '/repo/.stack/redis',
      pidFile: '/repo/.stack/redis/redis.pid',
      logFile: '/repo/.stack/redis/redis.log',
    });
    expect(conf).toMatchInlineSnapshot(`
      "bind 127.0.0.1
      port 16379
      protected-mode yes
      daemonize yes
      pidfile "/repo/.stack/redis/redis.pid"
      logfile "/repo/.stack/redis/redis.log"
      dir "/repo/.stack/redis"
      appendonly yes
      appendfsync everysec
      "
    `);
  });

  it('fsyncs before every acknowledgement when asked to, as a throwaway Redis that tests crash does', () => {
    const conf = renderRedisConf({ host: '127.0.0.1', port: 1, dataDir: '/d', pidFile: '/p', logFile: '/l', appendfsync: 'always' });
    expect(conf).toContain('appendonly yes\nappendfsync always\n');
  });

  it('quotes paths so a checkout under a directory with spaces still works', () => {
    const conf = renderRedisConf({ host: '127.0.0.1', port: 1, dataDir: '/my repo/"x"', pidFile: '/p', logFile: '/l' });
    expect(conf).toContain('dir "/my repo/\\"x\\""');
  });
});
