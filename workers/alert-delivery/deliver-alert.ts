import { DongseonError } from '../../domain/errors/index.js';
import type { AlertEvent } from '../../runtime/alerts/alert-channel.js';
import { NonRetryableJobError } from '../../runtime/queues/non-retryable-job-error.js';
import { deliveryHeader, signatureHeader, signWebhook } from './webhook-signature.js';

export interface CadWebhook {
  readonly url: string;
  readonly secret: string;
  readonly timeoutMs: number;
  readonly fetch?: typeof fetch;
}

/** What one attempt came to: the HTTP status, or `timeout` / `network` when no response arrived. */
export type AttemptStatus = number | 'timeout' | 'network';

export class DeliveryAttemptError extends DongseonError {
  constructor(readonly status: AttemptStatus, message: string) {
    super('DS_ALERT_DELIVERY_FAILED', message, { status });
  }
}

export class DeliveryRejectedError extends NonRetryableJobError {
  constructor(readonly status: number, message: string) {
    super('DS_ALERT_DELIVERY_REJECTED', message, { status });
  }
}

function retryableStatus(status: number): boolean {
  return status >= 500 || status === 408 || status === 429;
}

/** POSTs one alert to the CAD webhook, under its id as the delivery id; see {@link deliverToCad}. */
export function deliverAlert(webhook: CadWebhook, alert: AlertEvent, now: Date = new Date()): Promise<number> {
  return deliverToCad(webhook, alert.id, alert, now);
}

/**
 * POSTs one delivery (an alert, or a decision following one up) to the CAD webhook. Resolves with the 2xx status; throws a retryable DeliveryAttemptError for
 * 5xx, 408, 429, timeouts and network errors, and a non-retryable DeliveryRejectedError for any other status.
 */
export async function deliverToCad(webhook: CadWebhook, deliveryId: string, payload: unknown, now: Date = new Date()): Promise<number> {
  const body = JSON.stringify(payload);
  let response: Response;
  try {
    response = await (webhook.fetch ?? fetch)(webhook.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [signatureHeader]: signWebhook(webhook.secret, body, now), [deliveryHeader]: deliveryId },
      body,
      signal: AbortSignal.timeout(webhook.timeoutMs),
    });
  } catch (error) {
    const timedOut = error instanceof Error && error.name === 'TimeoutError';
    throw new DeliveryAttemptError(timedOut ? 'timeout' : 'network', timedOut ? `no answer within ${webhook.timeoutMs} ms` : `request failed: ${(error as Error).message}`);
  }
  await response.body?.cancel();
  if (response.ok) return response.status;
  const message = `CAD answered ${response.status} ${response.statusText}`.trim();
  if (retryableStatus(response.status)) throw new DeliveryAttemptError(response.status, message);
  throw new DeliveryRejectedError(response.status, message);
}
