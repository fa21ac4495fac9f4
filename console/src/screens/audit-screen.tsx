import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { GatewayError } from '../api/graphql-client.js';
import { api, type AuditChain, type AuditOutcome, type AuditRecord, type AuditRecordFilter } from '../api/operations.js';
import type { ConsoleSession } from '../api/request-headers.js';
import { useTranslate } from '../i18n/use-language.js';
import { formatInstant } from '../view/format.js';

const outcomes: readonly AuditOutcome[] = ['ALLOWED', 'PARTIAL', 'DENIED'];
const pageSize = 50;

/** A supervisor's view of the gateway's audit log (who looked at what, and why) and of its hash chain. */
export function AuditScreen({ session }: { session: ConsoleSession }) {
  const t = useTranslate();
  const [chain, setChain] = useState<AuditChain>();
  const [records, setRecords] = useState<readonly AuditRecord[]>([]);
  const [subject, setSubject] = useState('');
  const [purpose, setPurpose] = useState('');
  const [outcome, setOutcome] = useState<AuditOutcome | ''>('');
  const [more, setMore] = useState(false);
  const [message, setMessage] = useState('');

  const explain = useCallback((error: unknown) => {
    setMessage(error instanceof GatewayError && error.code === 'DS_AUTH_FORBIDDEN' ? t('audit.needsScope') : t('error.generic', { message: error instanceof Error ? error.message : String(error) }));
  }, [t]);

  const verify = useCallback(() => {
    api.auditChain(session).then(setChain, explain);
  }, [session, explain]);

  const filter = (): AuditRecordFilter => ({
    ...(subject.trim() ? { subject: subject.trim() } : {}), ...(purpose.trim() ? { purpose: purpose.trim() } : {}), ...(outcome ? { outcome } : {}),
  });

  const load = async (after?: string) => {
    setMessage('');
    try {
      const page = await api.auditRecords(session, { filter: filter(), first: pageSize, ...(after ? { after } : {}) });
      setRecords((current) => (after ? [...current, ...page] : page));
      setMore(page.length === pageSize);
    } catch (error) {
      explain(error);
    }
  };

  useEffect(() => {
    verify();
    void load();
    // Once on opening (and for a new sign-in); the form and the buttons ask again.
  }, [session]);

  const search = (event: FormEvent) => {
    event.preventDefault();
    void load();
  };

  return (
    <section aria-labelledby="ds-audit-title" className="ds-audit" data-testid="audit-screen">
      <h2 id="ds-audit-title">{t('audit.chain')}</h2>
      {chain ? (
        <p role="status" data-testid="audit-chain" data-verified={chain.verified ? 'true' : 'false'} className={chain.verified ? 'ds-ok' : 'ds-error'}>
          {chain.verified || !chain.firstBroken
            ? t('audit.verified', { files: chain.files, records: chain.records, sequence: chain.head?.sequence ?? 0, verifiedAt: formatInstant(chain.verifiedAt) })
            : t('audit.broken', { file: chain.firstBroken.file, line: chain.firstBroken.line, reason: chain.firstBroken.reason, detail: chain.firstBroken.detail })}
        </p>
      ) : null}
      <button type="button" onClick={verify} data-testid="audit-verify">{t('audit.verify')}</button>
      <h2>{t('audit.records')}</h2>
      <form onSubmit={search} className="ds-audit-filter" data-testid="audit-form">
        <label htmlFor="ds-audit-subject">{t('audit.subject')}</label>
        <input id="ds-audit-subject" value={subject} onChange={(event) => setSubject(event.target.value)} data-testid="audit-subject" />
        <label htmlFor="ds-audit-purpose">{t('audit.purpose')}</label>
        <input id="ds-audit-purpose" value={purpose} onChange={(event) => setPurpose(event.target.value)} data-testid="audit-purpose" />
        <label htmlFor="ds-audit-outcome">{t('audit.outcome')}</label>
        <select id="ds-audit-outcome" value={outcome} onChange={(event) => setOutcome(event.target.value as AuditOutcome | '')} data-testid="audit-outcome">
          <option value="">{t('audit.any')}</option>
          {outcomes.map((entry) => <option key={entry} value={entry}>{entry}</option>)}
        </select>
        <button type="submit" data-testid="audit-search">{t('audit.search')}</button>
      </form>
      {message ? <p role="alert" className="ds-error" data-testid="audit-message">{message}</p> : null}
      {records.length === 0 && !message ? <p>{t('audit.none')}</p> : null}
      <table className="ds-table" data-testid="audit-table">
        <thead><tr>
          <th scope="col">{t('audit.col.time')}</th><th scope="col">{t('audit.col.who')}</th><th scope="col">{t('audit.col.why')}</th>
          <th scope="col">{t('audit.col.what')}</th><th scope="col">{t('audit.col.outcome')}</th>
        </tr></thead>
        <tbody>
          {records.map((record) => (
            <tr key={record.sequence} data-testid={`audit-record-${record.sequence}`}>
              <td>{formatInstant(record.time)}</td>
              <td>{record.subject} <small>({record.agency})</small></td>
              <td>{record.purpose ?? '—'} · {record.caseNumber ?? '—'}</td>
              <td title={record.fields.join(', ')}>{record.kind === 'ACCESS' ? `${record.operation?.name ?? record.operation?.type ?? ''}${record.hitId ? ` · ${record.hitId}` : ''}` : record.kind}</td>
              <td className={record.outcome === 'DENIED' ? 'ds-error' : undefined}>{record.outcome ?? '—'}{record.deniedCode ? ` ${record.deniedCode}` : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {more ? <button type="button" onClick={() => void load(records[records.length - 1]?.cursor)} data-testid="audit-more">{t('audit.more')}</button> : null}
    </section>
  );
}
