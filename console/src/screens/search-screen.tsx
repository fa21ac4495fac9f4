import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { GatewayError } from '../api/graphql-client.js';
import { api, type PlateHistory, type WantedVehicle } from '../api/operations.js';
import type { ConsoleSession } from '../api/request-headers.js';
import { useTranslate } from '../i18n/use-language.js';
import { historyCsv } from '../view/csv.js';
import { formatInstant, formatPercent, listedPlate } from '../view/format.js';
import { readPlateInput } from '../view/plate-input.js';

const wantedReasons = ['STOLEN', 'FUGITIVE', 'MISSING_PERSON', 'HIT_AND_RUN', 'AMBER_ALERT', 'OTHER'] as const;

/** A datetime-local field's value for an instant, in the browser's zone. */
const localInput = (ms: number): string => {
  const date = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return date.toISOString().slice(0, 16);
};

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  window.setTimeout(() => URL.revokeObjectURL(url), 1_000);
}

function HistorySearch({ session, onResults }: { session: ConsoleSession; onResults: (history: PlateHistory | undefined) => void }) {
  const t = useTranslate();
  const [plate, setPlate] = useState('');
  const [from, setFrom] = useState(localInput(Date.now() - 24 * 3600_000));
  const [to, setTo] = useState(localInput(Date.now() + 3600_000));
  const [history, setHistory] = useState<PlateHistory>();
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setMessage('');
    if (!session.purpose.trim() || !session.caseNumber.trim()) return setMessage(t('search.needsCase'));
    const input = readPlateInput(plate);
    if (input.kind === 'partial') return setMessage(t('search.partialNotSearchable', { pattern: input.pattern }));
    if (input.kind === 'invalid') return setMessage(`${input.code}: ${input.reason}`);
    setBusy(true);
    try {
      const answer = await api.plateHistory(session, { plate: input.plate, from: new Date(from).toISOString(), to: new Date(to).toISOString() });
      setHistory(answer);
      onResults(answer);
    } catch (error) {
      setMessage(t('error.generic', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="ds-search-title" className="ds-search">
      <h2 id="ds-search-title">{t('search.title')}</h2>
      <form onSubmit={(event) => void submit(event)} data-testid="search-form">
        <label htmlFor="ds-search-plate">{t('search.plate')}</label>
        <input id="ds-search-plate" value={plate} onChange={(event) => setPlate(event.target.value)} aria-describedby="ds-search-hint" required data-testid="search-plate" />
        <small id="ds-search-hint">{t('search.plateHint')}</small>
        <label htmlFor="ds-search-from">{t('search.from')}</label>
        <input id="ds-search-from" type="datetime-local" value={from} onChange={(event) => setFrom(event.target.value)} required />
        <label htmlFor="ds-search-to">{t('search.to')}</label>
        <input id="ds-search-to" type="datetime-local" value={to} onChange={(event) => setTo(event.target.value)} required />
        <p className="ds-case">{t('signIn.purpose')}: {session.purpose} · {t('signIn.caseNumber')}: {session.caseNumber}</p>
        <button type="submit" disabled={busy} data-testid="search-submit">{t('search.submit')}</button>
      </form>
      {message ? <p role="alert" className="ds-error" data-testid="search-message">{message}</p> : null}
      {history ? (
        <div data-testid="search-results">
          <p role="status">{t('search.results', { count: history.reads.length, searchId: history.searchId })}</p>
          {!history.complete ? <p className="ds-error">{t('search.incomplete', { sources: history.sources.filter((source) => !source.answered).map((source) => `${source.municipality.name} (${source.errorCode ?? '?'})`).join(', ') })}</p> : null}
          <button type="button" data-testid="search-export" onClick={() => download(`dongseon-${history.plate}-${history.searchId}.csv`, historyCsv({ searchId: history.searchId, caseNumber: session.caseNumber }, history.reads))}>{t('search.export')}</button>
          <table className="ds-table" data-testid="search-table">
            <thead><tr>
              <th scope="col">{t('search.col.capturedAt')}</th><th scope="col">{t('search.col.plateText')}</th><th scope="col">{t('search.col.confidence')}</th>
              <th scope="col">{t('search.col.camera')}</th><th scope="col">{t('search.col.municipality')}</th><th scope="col">{t('search.col.hit')}</th>
            </tr></thead>
            <tbody>
              {history.reads.map((read) => (
                <tr key={`${read.municipality.id}-${read.readId}`}>
                  <td>{formatInstant(read.capturedAt)}</td><td>{read.plateText}</td><td>{formatPercent(read.confidence)}</td>
                  <td>{read.camera.name}</td><td>{read.municipality.name}</td><td>{read.hit ? t('common.yes') : t('common.no')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}

function WantedList({ session }: { session: ConsoleSession }) {
  const t = useTranslate();
  const [list, setList] = useState<readonly WantedVehicle[]>([]);
  const [plate, setPlate] = useState('');
  const [reason, setReason] = useState<(typeof wantedReasons)[number]>('STOLEN');
  const [priority, setPriority] = useState(60);
  const [validUntil, setValidUntil] = useState('');
  const [revokeReason, setRevokeReason] = useState('');
  const [message, setMessage] = useState('');

  const reload = useCallback(async () => {
    try {
      setList(await api.wantedVehicles(session));
    } catch (error) {
      setMessage(t('error.generic', { message: error instanceof Error ? error.message : String(error) }));
    }
  }, [session, t]);
  useEffect(() => void reload(), [reload]);

  async function register(event: FormEvent) {
    event.preventDefault();
    setMessage('');
    const input = readPlateInput(plate);
    if (input.kind === 'invalid') return setMessage(`${input.code}: ${input.reason}`);
    const variables = {
      input: {
        ...(input.kind === 'full' ? { plate: input.plate } : { platePattern: input.pattern }),
        reason, priority, caseNumber: session.caseNumber, ...(validUntil ? { validUntil: new Date(validUntil).toISOString() } : {}),
      },
    };
    try {
      const added = await api.addWantedVehicle(session, variables).catch(async (error: unknown) => {
        // A listing belongs to a case: the stated case is opened (titled with the stated purpose) the first time.
        if (!(error instanceof GatewayError) || error.code !== 'DS_NOT_FOUND') throw error;
        await api.openCase(session, session.caseNumber, session.purpose);
        return api.addWantedVehicle(session, variables);
      });
      setMessage(t('wanted.registered', { plate: listedPlate(added) }));
      setPlate('');
      await reload();
    } catch (error) {
      setMessage(t('wanted.failed', { message: error instanceof Error ? error.message : String(error) }));
    }
  }

  async function revoke(entry: WantedVehicle) {
    setMessage('');
    try {
      await api.revokeWantedVehicle(session, entry.id, revokeReason.trim() || 'revoked at the console');
      setMessage(t('wanted.revoked', { plate: listedPlate(entry) }));
      await reload();
    } catch (error) {
      setMessage(t('wanted.failed', { message: error instanceof Error ? error.message : String(error) }));
    }
  }

  return (
    <section aria-labelledby="ds-wanted-title" className="ds-wanted">
      <h2 id="ds-wanted-title">{t('wanted.title')}</h2>
      <form onSubmit={(event) => void register(event)} data-testid="wanted-form" aria-label={t('wanted.register')}>
        <label htmlFor="ds-wanted-plate">{t('wanted.plate')}</label>
        <input id="ds-wanted-plate" value={plate} onChange={(event) => setPlate(event.target.value)} required data-testid="wanted-plate" />
        <label htmlFor="ds-wanted-reason">{t('wanted.reason')}</label>
        <select id="ds-wanted-reason" value={reason} onChange={(event) => setReason(event.target.value as (typeof wantedReasons)[number])} data-testid="wanted-reason">
          {wantedReasons.map((code) => <option key={code} value={code}>{t(`wanted.reason.${code}`)}</option>)}
        </select>
        <label htmlFor="ds-wanted-priority">{t('wanted.priority')}</label>
        <input id="ds-wanted-priority" type="number" min={0} max={100} value={priority} onChange={(event) => setPriority(Number(event.target.value))} data-testid="wanted-priority" />
        <label htmlFor="ds-wanted-until">{t('wanted.validUntil')}</label>
        <input id="ds-wanted-until" type="datetime-local" value={validUntil} onChange={(event) => setValidUntil(event.target.value)} data-testid="wanted-valid-until" />
        <button type="submit" data-testid="wanted-submit">{t('wanted.submit')}</button>
      </form>
      {message ? <p role="status" data-testid="wanted-message">{message}</p> : null}
      <label htmlFor="ds-revoke-reason">{t('wanted.revokeReason')}</label>
      <input id="ds-revoke-reason" value={revokeReason} onChange={(event) => setRevokeReason(event.target.value)} />
      <table className="ds-table" data-testid="wanted-table">
        <thead><tr><th scope="col">{t('search.plate')}</th><th scope="col">{t('wanted.reason')}</th><th scope="col">{t('wanted.priority')}</th><th scope="col">{t('signIn.caseNumber')}</th><th scope="col" /></tr></thead>
        <tbody>
          {list.map((entry) => (
            <tr key={entry.id} data-testid={`wanted-${entry.id}`}>
              <td className="ds-plate">{listedPlate(entry)}</td><td>{t(`wanted.reason.${entry.reason}`)}</td><td>{entry.priority}</td><td>{entry.case?.caseNumber ?? '—'}</td>
              <td><button type="button" onClick={() => void revoke(entry)} aria-label={`${t('wanted.revoke')} ${listedPlate(entry)}`} data-testid={`wanted-revoke-${entry.id}`}>{t('wanted.revoke')}</button></td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function SearchScreen({ session, onResults }: { session: ConsoleSession; onResults: (history: PlateHistory | undefined) => void }) {
  return (
    <div className="ds-search-screen">
      <HistorySearch session={session} onResults={onResults} />
      <WantedList session={session} />
    </div>
  );
}
