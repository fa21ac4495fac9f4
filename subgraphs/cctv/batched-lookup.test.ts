import { describe, expect, it } from 'vitest';
import { createBatchedLookup } from './batched-lookup.js';

function recordingLoader() {
  const calls: string[][] = [];
  const loadMany = async (ids: readonly string[]) => {
    calls.push([...ids]);
    return new Map(ids.filter((id) => id !== 'missing').map((id) => [id, `value of ${id}`]));
  };
  return { calls, loadMany };
}

describe('createBatchedLookup', () => {
  it('asks the store once for every id asked in the same tick', async () => {
    const { calls, loadMany } = recordingLoader();
    const lookup = createBatchedLookup(loadMany);
    const values = await Promise.all([lookup('a'), lookup('b'), lookup('a'), lookup('missing')]);
    expect(values).toEqual(['value of a', 'value of b', 'value of a', undefined]);
    expect(calls).toEqual([['a', 'b', 'missing']]);
  });

  it('starts a new batch for ids asked later, and never asks twice for the same id', async () => {
    const { calls, loadMany } = recordingLoader();
    const lookup = createBatchedLookup(loadMany);
    await lookup('a');
    expect(await Promise.all([lookup('a'), lookup('c')])).toEqual(['value of a', 'value of c']);
    expect(calls).toEqual([['a'], ['c']]);
  });

  it('passes a store failure to every id of the batch', async () => {
    const lookup = createBatchedLookup<string>(() => Promise.reject(new Error('store down')));
    await expect(Promise.all([lookup('a'), lookup('b')])).rejects.toThrow('store down');
  });
});
