/** What the gateway tells its console at /console/config.json: where to sign in and where the real-time endpoint is. */
export interface ConsoleConfig {
  /** ws://… of the gateway's graphql-ws endpoint. */
  readonly realtimeUrl: string;
  /** POST here for a sample user's token; null outside development. */
  readonly devTokenPath: string | null;
  readonly devUsers: readonly { readonly name: string; readonly label: string }[];
}

export async function loadConsoleConfig(): Promise<ConsoleConfig> {
  const response = await fetch('/console/config.json', { headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`/console/config.json: HTTP ${response.status}`);
  return await response.json() as ConsoleConfig;
}

/** Signs in as a development sample user through the gateway's dev identity route. */
export async function signInAsSampleUser(config: ConsoleConfig, user: string): Promise<{ token: string; expiresInSeconds: number }> {
  if (!config.devTokenPath) throw new Error('no development sign-in on this gateway');
  const response = await fetch(config.devTokenPath, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ user }) });
  const body = await response.json() as { token?: string; expiresInSeconds?: number; errors?: { message: string }[] };
  if (!response.ok || !body.token) throw new Error(body.errors?.[0]?.message ?? `HTTP ${response.status}`);
  return { token: body.token, expiresInSeconds: body.expiresInSeconds ?? 3600 };
}
