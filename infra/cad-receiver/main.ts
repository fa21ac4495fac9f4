import { z } from 'zod';
import { loadConfig, portVariable, runProcess } from '../../runtime/config.js';
import { startCadReceiver } from './cad-receiver.js';

const cadReceiverConfigSchema = z.object({
  DS_CAD_WEBHOOK_SECRET: z.string().refine((secret) => Buffer.byteLength(secret) >= 32, { message: 'expected a secret of at least 32 bytes' }),
  DS_CAD_RECEIVER_PORT: portVariable.default(18112),
  DS_CAD_RECEIVER_HOST: z.string().min(1).default('127.0.0.1'),
});

async function main(): Promise<void> {
  const config = loadConfig('cad-receiver', cadReceiverConfigSchema);
  const receiver = await startCadReceiver({ secret: config.DS_CAD_WEBHOOK_SECRET, port: config.DS_CAD_RECEIVER_PORT, host: config.DS_CAD_RECEIVER_HOST });
  console.log(`cad-receiver: accepting alerts at ${receiver.url}; GET /deliveries lists them`);
  const stop = (): void => void receiver.close();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

await runProcess(main);
