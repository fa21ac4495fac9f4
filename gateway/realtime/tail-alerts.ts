import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { DongseonError } from '../../domain/errors/index.js';
import { sampleUserNames, type SampleUserName } from '../../runtime/identity/sample-users.js';

export interface TailAlertsOptions {
  readonly url: string;
  readonly as: SampleUserName;
  readonly purpose: string;
  readonly caseNumber: string;
  readonly municipalityId?: string;
}

export interface RaisedAlert {
  readonly id: string;
  readonly wantedVehicleId: string;
  readonly cameraId: string;
  readonly municipalityId: string;
  readonly capturedAt: string;
  readonly matchKind: string;
  readonly priority: number;
}

export const tailAlertsUsage = `usage: npm run alerts -- [--as <sample user>] [--municipality <id>] [--purpose <text>] [--case <number>] [--url ws://…]
  prints every alert the real-time endpoint sends, one line each, until Ctrl-C (default: police-officer, every municipality)`;

const defaults = { url: 'ws://127.0.0.1:4001/graphql', as: 'police-officer', purpose: '수배차량 실시간 추적', caseNumber: 'DEMO-112' } as const;

const usageError = (problem: string) => new DongseonError('DS_INVALID_INPUT', `${problem}\n${tailAlertsUsage}`);

export function parseTailAlertsArguments(args: readonly string[]): TailAlertsOptions {
  const values = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) {
    const flag = args[i] as string;
    const value = args[i + 1];
    if (!['--as', '--municipality', '--purpose', '--case', '--url'].includes(flag)) throw usageError(`unknown option "${flag}"`);
    if (value === undefined || value.startsWith('--')) throw usageError(`${flag} needs a value`);
    values.set(flag, value);
  }
  const as = values.get('--as') ?? defaults.as;
  if (!sampleUserNames.includes(as as SampleUserName)) throw usageError(`unknown sample user "${as}"; one of: ${sampleUserNames.join(', ')}`);
  const url = values.get('--url') ?? defaults.url;
  if (!/^wss?:\/\//.test(url)) throw usageError(`--url must be a ws:// or wss:// URL`);
  const municipalityId = values.get('--municipality');
  return {
    url, as: as as SampleUserName, purpose: values.get('--purpose') ?? defaults.purpose, caseNumber: values.get('--case') ?? defaults.caseNumber,
    ...(municipalityId === undefined ? {} : { municipalityId }),
  };
}

/** One terminal line per alert: when, where, who, how sure, how urgent, and the id to look it up by. */
export function formatAlertLine(alert: RaisedAlert): string {
  const kind = alert.matchKind === 'EXACT' ? 'exact   ' : 'possible';
  return `${alert.capturedAt}  ${alert.municipalityId.padEnd(10)} ${alert.cameraId.padEnd(22)} ${alert.wantedVehicleId.padEnd(24)} ${kind} priority ${String(alert.priority).padStart(3)}  ${alert.id}`;
}

const alertSubscription = `subscription Alerts($municipalityId: ID) {
  alertRaised(municipalityId: $municipalityId) { id wantedVehicleId cameraId municipalityId capturedAt matchKind priority }
}`;

/**
 * Subscribes to the real-time endpoint with `token` and hands each alert to `onAlert`. Resolves when the
 * subscription ends; rejects with the endpoint's refusal (a coded GraphQL error or the close reason).
 */
export function tailAlerts(options: TailAlertsOptions, token: string, onAlert: (alert: RaisedAlert) => void): { done: Promise<void>; client: Client } {
  const client = createClient({
    url: options.url, webSocketImpl: WebSocket, retryAttempts: 0,
    connectionParams: { authorization: `Bearer ${token}`, purpose: options.purpose, caseNumber: options.caseNumber },
  });
  const done = new Promise<void>((resolve, reject) => {
    client.subscribe({ query: alertSubscription, variables: options.municipalityId === undefined ? {} : { municipalityId: options.municipalityId } }, {
      next: (result) => {
        if (result.errors?.length) {
          reject(new Error(result.errors.map((error) => `${String(error.extensions?.code ?? '')} ${error.message}`.trim()).join('; ')));
          return;
        }
        const alert = (result.data as { alertRaised?: RaisedAlert } | null | undefined)?.alertRaised;
        if (alert) onAlert(alert);
      },
      error: (error: unknown) => reject(error instanceof Error ? error : new Error(describeClose(error))),
      complete: () => resolve(),
    });
  });
  return { done, client };
}

/** graphql-ws hands a refusal to the error sink as the endpoint's GraphQL errors, or as the socket's close event. */
function describeClose(event: unknown): string {
  if (Array.isArray(event)) {
    return event.map((error: { message?: string; extensions?: { code?: unknown } }) => `${String(error.extensions?.code ?? '')} ${error.message ?? ''}`.trim()).join('; ');
  }
  const { code, reason } = (event ?? {}) as { code?: number; reason?: string };
  return code === undefined ? String(event) : `the real-time endpoint closed the connection (${code}${reason ? `: ${reason}` : ''})`;
}
