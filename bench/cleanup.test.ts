import { describe, expect, it, vi } from 'vitest';
import { createCleanup } from './cleanup.js';

describe('createCleanup', () => {
  it('runs the steps last registered first, each once', async () => {
    const order: string[] = [];
    const cleanup = createCleanup();
    cleanup.defer('close the client', () => order.push('client'));
    cleanup.defer('stop the processes', async () => { order.push('processes'); });
    await cleanup.run();
    await cleanup.run();
    expect(order).toEqual(['processes', 'client']);
  });

  it('runs every step when one fails, and reports the failure instead of throwing it', async () => {
    const report = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const order: string[] = [];
    const cleanup = createCleanup();
    cleanup.defer('close the client', () => order.push('client'));
    cleanup.defer('remove the data', () => { throw new Error('server gone'); });
    cleanup.defer('stop the processes', () => order.push('processes'));
    await expect(cleanup.run()).resolves.toBeUndefined();
    expect(order).toEqual(['processes', 'client']);
    expect(report).toHaveBeenCalledWith('cleanup: remove the data failed:', expect.objectContaining({ message: 'server gone' }));
    report.mockRestore();
  });
});
