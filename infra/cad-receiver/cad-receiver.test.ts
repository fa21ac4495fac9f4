import { afterEach, describe, expect, it } from 'vitest';
import { signWebhook } from '../../workers/alert-delivery/webhook-signature.js';
import { startCadReceiver, type CadReceiver } from './cad-receiver.js';

const secret = 'a-test-secret-of-at-least-32-bytes!!';
let receiver: CadReceiver;

afterEach(async () => {
  await receiver.close();
});

function post(body: string, headers: Record<string, string>): Promise<Response> {
  return fetch(receiver.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
}

describe('the 112 CAD stand-in', () => {
  it('accepts a signed delivery once, answering a repeat as a duplicate', async () => {
    receiver = await startCadReceiver({ secret });
    const body = '{"id":"a1"}';
    const headers = { 'x-dongseon-signature': signWebhook(secret, body), 'x-dongseon-delivery': 'a1' };
    expect(await (await post(body, headers)).json()).toEqual({ duplicate: false });
    expect(await (await post(body, headers)).json()).toEqual({ duplicate: true });
    expect(receiver.accepted().map((delivery) => delivery.body)).toEqual([{ id: 'a1' }]);
    expect(receiver.requestCount()).toBe(2);
  });

  it('answers 401 to a bad or stale signature and stores nothing', async () => {
    receiver = await startCadReceiver({ secret });
    const body = '{"id":"a2"}';
    expect((await post(body, { 'x-dongseon-signature': signWebhook('x'.repeat(32), body), 'x-dongseon-delivery': 'a2' })).status).toBe(401);
    expect((await post(body, { 'x-dongseon-signature': signWebhook(secret, body, new Date(Date.now() - 600_000)), 'x-dongseon-delivery': 'a2' })).status).toBe(401);
    expect((await post(body, { 'x-dongseon-delivery': 'a2' })).status).toBe(401);
    expect(receiver.accepted()).toEqual([]);
  });

  it('fails the next N requests with the status it was given', async () => {
    receiver = await startCadReceiver({ secret });
    receiver.failNext(2, 503);
    const body = '{"id":"a3"}';
    const headers = { 'x-dongseon-signature': signWebhook(secret, body), 'x-dongseon-delivery': 'a3' };
    expect([(await post(body, headers)).status, (await post(body, headers)).status, (await post(body, headers)).status]).toEqual([503, 503, 200]);
    const listed = await (await fetch(new URL('/deliveries', receiver.url))).json();
    expect(listed).toHaveLength(1);
  });
});
