import { describe, expect, it } from 'vitest';
import { renderMosquittoConf } from './mosquitto.js';

describe('renderMosquittoConf', () => {
  it('listens on loopback only, refuses anonymous clients, keeps accounts in the dynamic security plugin, persists under .stack', () => {
    const conf = renderMosquittoConf({
      host: '127.0.0.1',
      port: 11883,
      dataDir: '/repo/.stack/mosquitto',
      pidFile: '/repo/.stack/mosquitto/mosquitto.pid',
      logFile: '/repo/.stack/mosquitto/mosquitto.log',
      user: 'root',
      dynsecPlugin: '/usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so',
      dynsecFile: '/repo/.stack/mosquitto/dynamic-security.json',
    });
    expect(conf).toMatchInlineSnapshot(`
      "pid_file /repo/.stack/mosquitto/mosquitto.pid
      user root
      persistence true
      persistence_location /repo/.stack/mosquitto/
      log_dest file /repo/.stack/mosquitto/mosquitto.log

      listener 11883 127.0.0.1
      # No anonymous clients: every camera credential, edge node and the admin is an account of the dynamic
      # security plugin, whose ACLs let a camera publish only its own reads and read only its own rejections.
      allow_anonymous false
      plugin /usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so
      plugin_opt_config_file /repo/.stack/mosquitto/dynamic-security.json
      "
    `);
  });
});
