import { describe, expect, it, vi } from 'vitest';
import { createGatewayTester } from '../testing/gateway-tester.js';
import { leakyWantedSubgraph, wantedSdl, wantedSubgraph } from '../testing/test-subgraphs.js';

const leaky = { subgraphs: [leakyWantedSubgraph], policySdl: [wantedSdl] };

describe('useAccessRedaction', () => {
  it('nulls a denied field a subgraph leaked, with a coded error at its path, and logs the leak', async () => {
    const serverLog = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await using gateway = await createGatewayTester(leaky);
    const response = await gateway.query('{ wantedVehicle(id: "wv-1") { id plate priority } }', { as: 'civic-developer' });
    expect(serverLog).toHaveBeenCalledWith(expect.stringMatching(/WantedVehicle\.plate: .* a subgraph returned data at wantedVehicle\.plate; it does not enforce @access/));
    serverLog.mockRestore();
    expect(response.status).toBe(200);
    expect(response.body).toEqual({
      data: { wantedVehicle: { id: 'wv-1', plate: null, priority: 80 } },
      errors: [{
        message: 'WantedVehicle.plate: agency "civic" is not cleared for this field',
        path: ['wantedVehicle', 'plate'],
        extensions: { code: 'DS_AUTH_FORBIDDEN', httpStatus: 403 },
      }],
    });
    expect(response.text).not.toContain('12가3456');
  });

  it('redacts every item of a list, each at its own path', async () => {
    await using gateway = await createGatewayTester(leaky);
    const response = await gateway.query('{ wantedVehicles { plate } }', { as: 'police-officer' });
    expect(response.body.data).toEqual({ wantedVehicles: [{ plate: null }, { plate: null }] });
    expect(response.body.errors.map((error: { path: unknown; extensions: { code: string } }) => [error.path, error.extensions.code])).toEqual([
      [['wantedVehicles', 0, 'plate'], 'DS_AUTH_PURPOSE_REQUIRED'],
      [['wantedVehicles', 1, 'plate'], 'DS_AUTH_PURPOSE_REQUIRED'],
    ]);
  });

  it('lets the field through to a caller the rule allows', async () => {
    await using gateway = await createGatewayTester(leaky);
    const response = await gateway.query('{ wantedVehicle(id: "wv-1") { plate } }', { as: 'police-officer', purpose: '도난차량 추적', caseNumber: '2026-0001' });
    expect(response.body).toEqual({ data: { wantedVehicle: { plate: '12가3456' } } });
  });

  it('adds nothing when the subgraph enforced the rule itself: one error per path', async () => {
    await using gateway = await createGatewayTester({ subgraphs: [wantedSubgraph] });
    const response = await gateway.query('{ wantedVehicle(id: "wv-1") { plate } }', { as: 'civic-developer' });
    expect(response.body.data).toEqual({ wantedVehicle: { plate: null } });
    expect(response.body.errors).toHaveLength(1);
    expect(response.body.errors[0]).toMatchObject({ path: ['wantedVehicle', 'plate'], extensions: { code: 'DS_AUTH_FORBIDDEN' } });
  });
});
