import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DongseonError } from '../../domain/errors/index.js';
import { loadConfig, runProcess } from '../config.js';
import { redisVariables } from '../redis/connect-durable-redis.js';
import { connectQueueRedis } from './connect-queue-redis.js';
import { findDeadLetter, listDeadLetters, replayAllDeadLetters, replayDeadLetter, type StoredDeadLetter } from './dead-letters.js';

const usage = [
  'usage: npm run dlq -- list <queue>',
  '       npm run dlq -- show <queue> <deadLetterId>',
  '       npm run dlq -- replay <queue> <deadLetterId> | --all',
].join('\n');

function summary(letter: StoredDeadLetter): string {
  return `${letter.deadLetterId}\t${letter.failedAt}\tattempts ${letter.attemptsMade}\t[${letter.reason.code}] ${letter.reason.message}`;
}

async function main(): Promise<void> {
  const { positionals, values } = parseArgs({ args: process.argv.slice(2), allowPositionals: true, options: { all: { type: 'boolean' } } });
  const [command, queue, id] = positionals;
  if (command === undefined || queue === undefined || !['list', 'show', 'replay'].includes(command)) {
    console.error(usage);
    process.exitCode = 2;
    return;
  }
  const { REDIS_URL } = loadConfig('dlq', z.object(redisVariables));
  const redis = await connectQueueRedis(REDIS_URL);
  try {
    if (command === 'list') {
      const letters = await listDeadLetters(redis, queue);
      for (const letter of letters) console.log(summary(letter));
      console.log(`${letters.length} dead letter(s) in ${queue}`);
    } else if (command === 'show') {
      if (id === undefined) throw new DongseonError('DS_INVALID_INPUT', `show needs a dead letter id\n${usage}`);
      const letter = await findDeadLetter(redis, queue, id);
      if (letter === undefined) throw new DongseonError('DS_NOT_FOUND', `no dead letter ${id} for ${queue}`);
      console.log(JSON.stringify(letter, null, 2));
    } else if (values.all === true) {
      const replayed = await replayAllDeadLetters(redis, queue);
      console.log(`replayed ${replayed.length} dead letter(s) onto ${queue}`);
    } else {
      if (id === undefined) throw new DongseonError('DS_INVALID_INPUT', `replay needs a dead letter id or --all\n${usage}`);
      console.log(`replayed ${id} onto ${queue} as job ${await replayDeadLetter(redis, queue, id)}`);
    }
  } finally {
    redis.disconnect();
  }
}

await runProcess(main);
