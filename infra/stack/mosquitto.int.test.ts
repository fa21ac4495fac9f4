import { randomBytes } from 'node:crypto';
import { connectAsync } from 'mqtt';
import { describe, expect, inject, it } from 'vitest';
import { brokerAdminEndpoint } from '../../runtime/endpoints/stack-endpoints.js';
import { cameraReadsTopic, connectBrokerAccounts, edgeBrokerUsername } from '../../stores/broker-accounts/broker-accounts.js';

const { mqttUrl } = inject('stackEndpoints');

describe('Mosquitto in the stack', () => {
  it('refuses an anonymous client', async () => {
    await expect(connectAsync(mqttUrl, { reconnectPeriod: 0 }, false)).rejects.toThrow(/Not authorized/);
  });

  it('delivers a camera\'s read, published with its own account, to its municipality\'s edge account', async () => {
    const run = randomBytes(4).toString('hex');
    const municipality = `stack${run}`;
    const camera = { keyId: `ck_${randomBytes(12).toString('base64url')}`, secret: randomBytes(32).toString('base64url') };
    const edgePassword = randomBytes(24).toString('base64url');
    const accounts = await connectBrokerAccounts(brokerAdminEndpoint());
    try {
      await accounts.ensureEdgeClient(municipality, edgePassword);
      await accounts.createCameraClient(municipality, 'cam-1', camera.keyId, camera.secret);
      const edge = await connectAsync(mqttUrl, { username: edgeBrokerUsername(municipality), password: edgePassword, reconnectPeriod: 0 }, false);
      const publisher = await connectAsync(mqttUrl, { username: camera.keyId, password: camera.secret, reconnectPeriod: 0 }, false);
      try {
        const received = new Promise<string>((resolve) => {
          edge.on('message', (_topic, payload) => resolve(payload.toString('utf8')));
        });
        await edge.subscribeAsync(cameraReadsTopic(municipality, '+'), { qos: 1 });
        await publisher.publishAsync(cameraReadsTopic(municipality, 'cam-1'), JSON.stringify({ plate: '12가3456' }), { qos: 1 });
        expect(JSON.parse(await received)).toEqual({ plate: '12가3456' });
      } finally {
        await Promise.all([edge.endAsync(), publisher.endAsync()]);
      }
    } finally {
      await accounts.deleteCameraClient(camera.keyId);
      await accounts.close();
    }
  });
});
