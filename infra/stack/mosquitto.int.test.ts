import { randomUUID } from 'node:crypto';
import { connectAsync } from 'mqtt';
import { describe, expect, inject, it } from 'vitest';

const { mqttUrl } = inject('stackEndpoints');

describe('Mosquitto in the stack', () => {
  it('delivers a message published by one client to another subscribed to the topic', async () => {
    const topic = `test/round-trip/${randomUUID()}`;
    const subscriber = await connectAsync(mqttUrl, { reconnectPeriod: 0 }, false);
    const publisher = await connectAsync(mqttUrl, { reconnectPeriod: 0 }, false);
    try {
      const received = new Promise<string>((resolve) => {
        subscriber.on('message', (messageTopic, payload) => {
          if (messageTopic === topic) resolve(payload.toString('utf8'));
        });
      });
      await subscriber.subscribeAsync(topic, { qos: 1 });
      await publisher.publishAsync(topic, JSON.stringify({ plate: '12가3456' }), { qos: 1 });
      expect(JSON.parse(await received)).toEqual({ plate: '12가3456' });
    } finally {
      await Promise.all([subscriber.endAsync(), publisher.endAsync()]);
    }
  });
});
