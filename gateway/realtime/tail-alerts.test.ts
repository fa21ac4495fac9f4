import { describe, expect, it } from 'vitest';
import { formatAlertLine, parseTailAlertsArguments } from './tail-alerts.js';

describe('npm run alerts arguments', () => {
  it('defaults to a police officer watching every municipality of the local hub', () => {
    expect(parseTailAlertsArguments([])).toEqual({ url: 'ws://127.0.0.1:4001/graphql', as: 'police-officer', purpose: '수배차량 실시간 추적', caseNumber: 'DEMO-112' });
  });

  it('takes a sample user, a municipality, a purpose, a case number and an endpoint', () => {
    expect(parseTailAlertsArguments(['--as', 'police-investigator', '--municipality', 'osan', '--purpose', '추적', '--case', '2026-7', '--url', 'wss://hub/graphql']))
      .toEqual({ url: 'wss://hub/graphql', as: 'police-investigator', purpose: '추적', caseNumber: '2026-7', municipalityId: 'osan' });
  });

  it.each([
    [['--as', 'nobody'], /unknown sample user "nobody"/],
    [['--municipality'], /--municipality needs a value/],
    [['--as', '--municipality', 'osan'], /--as needs a value/],
    [['--verbose', 'yes'], /unknown option "--verbose"/],
    [['--url', 'http://hub/graphql'], /ws:\/\/ or wss:\/\//],
  ])('refuses %j with DS_INVALID_INPUT and the usage', (args, message) => {
    expect(() => parseTailAlertsArguments(args)).toThrow(expect.objectContaining({ code: 'DS_INVALID_INPUT', message: expect.stringMatching(message) }));
  });
});

describe('an alert as a terminal line', () => {
  it('shows when, where, which wanted vehicle, how sure, how urgent and the id', () => {
    const line = formatAlertLine({
      id: 'osan:r-1:wv-0001', wantedVehicleId: 'wv-0001', cameraId: 'cam-osan-t001', municipalityId: 'osan',
      capturedAt: '2026-11-25T09:00:00+09:00', matchKind: 'POSSIBLE', priority: 80,
    });
    expect(line).toMatch(/^2026-11-25T09:00:00\+09:00 +osan +cam-osan-t001 +wv-0001 +possible priority +80 +osan:r-1:wv-0001$/);
  });
});
