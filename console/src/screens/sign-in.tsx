import { useState, type FormEvent } from 'react';
import { signInAsSampleUser, type ConsoleConfig } from '../api/console-config.js';
import type { ConsoleSession } from '../api/request-headers.js';
import { useTranslate } from '../i18n/use-language.js';

/** The sample user the console proposes: the investigator may decide hits, list vehicles and search history. */
const defaultUser = 'police-investigator';

export function SignIn({ config, onSignedIn }: { config: ConsoleConfig; onSignedIn: (session: ConsoleSession) => void }) {
  const t = useTranslate();
  const users = config.devUsers;
  const [user, setUser] = useState(users.some((entry) => entry.name === defaultUser) ? defaultUser : users[0]?.name ?? '');
  const [purpose, setPurpose] = useState(t('signIn.purposeDefault'));
  const [caseNumber, setCaseNumber] = useState('112-상황실-2026');
  const [problem, setProblem] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem('');
    try {
      const token = await signInAsSampleUser(config, user);
      onSignedIn({ user, token: token.token, expiresAtMs: Date.now() + token.expiresInSeconds * 1000, purpose, caseNumber });
    } catch (error) {
      setProblem(t('signIn.failed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="ds-sign-in" onSubmit={(event) => void submit(event)} aria-labelledby="ds-sign-in-title" data-testid="sign-in-form">
      <h2 id="ds-sign-in-title">{t('signIn.title')}</h2>
      <p>{t('signIn.needed')}</p>
      <label htmlFor="ds-user">{t('signIn.user')} <small>({t('signIn.devOnly')})</small></label>
      <select id="ds-user" value={user} onChange={(event) => setUser(event.target.value)} data-testid="sign-in-user">
        {users.map((entry) => <option key={entry.name} value={entry.name}>{entry.label}</option>)}
      </select>
      <label htmlFor="ds-purpose">{t('signIn.purpose')}</label>
      <input id="ds-purpose" value={purpose} onChange={(event) => setPurpose(event.target.value)} required maxLength={200} data-testid="sign-in-purpose" />
      <label htmlFor="ds-case-number">{t('signIn.caseNumber')}</label>
      <input id="ds-case-number" value={caseNumber} onChange={(event) => setCaseNumber(event.target.value)} required maxLength={100} data-testid="sign-in-case-number" />
      <button type="submit" disabled={busy || !user} data-testid="sign-in-submit">{t('signIn.submit')}</button>
      {problem ? <p role="alert" className="ds-error">{problem}</p> : null}
    </form>
  );
}
