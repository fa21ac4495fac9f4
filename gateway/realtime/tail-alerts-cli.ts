import { runProcess } from '../../runtime/config.js';
import { createDevIdentityProvider } from '../../runtime/identity/dev-identity-provider.js';
import { sampleUsers } from '../../runtime/identity/sample-users.js';
import { loadOrCreateDevKeyPair } from '../dev-identity/dev-key-store.js';
import { formatAlertLine, parseTailAlertsArguments, tailAlerts } from './tail-alerts.js';

/** `npm run alerts`: an operator's terminal view of the alert stream, signed in as a development sample user. */
async function main(): Promise<void> {
  const options = parseTailAlertsArguments(process.argv.slice(2));
  const token = await (await createDevIdentityProvider(await loadOrCreateDevKeyPair())).mintToken(sampleUsers[options.as]);
  console.error(`alerts: ${options.url} as ${options.as}${options.municipalityId ? ` in ${options.municipalityId}` : ''} (purpose "${options.purpose}", case ${options.caseNumber}); Ctrl-C stops`);
  const { done, client } = tailAlerts(options, token, (alert) => console.log(formatAlertLine(alert)));
  process.once('SIGINT', () => void client.dispose());
  process.once('SIGTERM', () => void client.dispose());
  await done;
}

await runProcess(main);
