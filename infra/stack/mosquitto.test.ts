import { describe, expect, it } from 'vitest';
import { renderMosquittoConf } from './mosquitto.js';

describe('renderMosquittoConf', () => {
  it('listens on loopback only, persists under .stack and keeps its own pid and log files', () => {
    const conf = renderMosquittoConf({
      host: '127.0.0.1',
      port: 11883,
      dataDir: '/repo/.stack/mosquitto',
      pidFile: '/repo/.stack/mosquitto/mosquitto.pid',
      logFile: '/repo/.stack/mosquitto/mosquitto.log',
      user: 'root',
    });
    expect(conf).toMatchInlineSnapshot(`
      "pid_file /repo/.stack/mosquitto/mosquitto.pid
      user root
      persistence true
      persistence_location /repo/.stack/mosquitto/
      log_dest file /repo/.stack/mosquitto/mosquitto.log

      listener 11883 127.0.0.1
      # Development only: the broker listens on loopback and accepts any client.
      allow_anonymous true
      "
    `);
  });
});
