import type { ChainableCommander } from 'ioredis';

/** Runs a MULTI; ioredis reports a failed command inside it as a result, not a rejection, so surface it. */
export async function execTransaction(transaction: ChainableCommander): Promise<void> {
  const results = await transaction.exec();
  if (results === null) throw new Error('Redis transaction aborted');
  const failed = results.find(([error]) => error !== null);
  if (failed) throw failed[0] as Error;
}
