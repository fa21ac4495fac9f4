import { useEffect, useState, type FormEvent } from 'react';
import { api, type Hit, type HitEvidence } from '../api/operations.js';
import type { ConsoleSession } from '../api/request-headers.js';
import { useLanguage, useTranslate } from '../i18n/use-language.js';
import { decisionToSend, reasonLabel, reasonsFor, type HitDecisionKind, type HitDecisionReason } from '../view/decision-reasons.js';
import { formatInstant, formatMatchKind, formatPercent, listedPlate } from '../view/format.js';

function Evidence({ session, hit }: { session: ConsoleSession; hit: Hit }) {
  const t = useTranslate();
  const [evidence, setEvidence] = useState<HitEvidence | null | undefined>(undefined);
  const [problem, setProblem] = useState('');
  useEffect(() => {
    setEvidence(undefined);
    setProblem('');
  }, [hit.id]);

  async function open() {
    try {
      setEvidence(await api.hitEvidence(session, hit.id));
    } catch (error) {
      setProblem(t('error.generic', { message: error instanceof Error ? error.message : String(error) }));
    }
  }

  return (
    <section aria-labelledby="ds-evidence-title" className="ds-evidence">
      <h3 id="ds-evidence-title">{t('hit.evidence')}</h3>
      {evidence === undefined ? <button type="button" onClick={() => void open()} data-testid="hit-evidence-open">{t('hit.evidenceOpen')}</button> : null}
      {evidence === null ? <p data-testid="hit-evidence-none">{t('hit.evidenceNone')}</p> : null}
      {evidence ? (
        <figure>
          <img src={`data:${evidence.mediaType};base64,${evidence.imageBase64}`} alt={`${t('hit.evidence')} ${listedPlate(hit.wantedVehicle)}`} data-testid="hit-evidence-image" />
          <figcaption>{formatInstant(evidence.capturedAt)} · {t('hit.evidenceFrames', { frames: evidence.frames })}</figcaption>
        </figure>
      ) : null}
      {problem ? <p role="alert" className="ds-error">{problem}</p> : null}
    </section>
  );
}

function DecidePanel({ session, hit, onDecided }: { session: ConsoleSession; hit: Hit; onDecided: (hit: Hit) => void }) {
  const t = useTranslate();
  const [decision, setDecision] = useState<HitDecisionKind>('ACCEPT');
  const [reasonCode, setReasonCode] = useState<HitDecisionReason | ''>('');
  const [note, setNote] = useState('');
  const [message, setMessage] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    setReasonCode('');
    setNote('');
    setMessage('');
  }, [hit.id]);

  if (hit.status !== 'PENDING') {
    return <p data-testid="hit-decided">{t('decide.done', { user: hit.decidedBy ?? '?', status: t(`status.${hit.status}`) })}</p>;
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    const toSend = decisionToSend(decision, reasonCode, note);
    if (!toSend.ok) {
      setMessage(t(toSend.problem));
      return;
    }
    setBusy(true);
    try {
      onDecided(await api.decideHit(session, { id: hit.id, ...toSend.variables }));
      setMessage('');
    } catch (error) {
      setMessage(t('decide.failed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="ds-decide" onSubmit={(event) => void submit(event)} aria-labelledby="ds-decide-title" data-testid="decide-form">
      <h3 id="ds-decide-title">{t('decide.title')}</h3>
      <fieldset>
        <legend className="ds-visually-hidden">{t('decide.title')}</legend>
        {(['ACCEPT', 'REJECT'] as const).map((kind) => (
          <label key={kind} className={`ds-choice ds-choice-${kind.toLowerCase()}`}>
            <input type="radio" name="decision" value={kind} checked={decision === kind} data-testid={`decide-${kind.toLowerCase()}`}
              onChange={() => { setDecision(kind); setReasonCode(''); }} />
            {t(kind === 'ACCEPT' ? 'decide.accept' : 'decide.reject')}
          </label>
        ))}
      </fieldset>
      <label htmlFor="ds-decide-reason">{t('decide.reason')}</label>
      <select id="ds-decide-reason" value={reasonCode} onChange={(event) => setReasonCode(event.target.value as HitDecisionReason | '')} data-testid="decide-reason">
        <option value="">{t('decide.choose')}</option>
        {reasonsFor(decision).map((code) => <option key={code} value={code}>{t(reasonLabel(code))}</option>)}
      </select>
      <label htmlFor="ds-decide-note">{t('decide.note')}</label>
      <textarea id="ds-decide-note" value={note} maxLength={500} rows={2} onChange={(event) => setNote(event.target.value)} data-testid="decide-note" />
      <button type="submit" disabled={busy} data-testid="decide-submit">{t('decide.submit')}</button>
      {message ? <p role="alert" className="ds-error">{message}</p> : null}
    </form>
  );
}

export function HitDetails({ session, hit, onDecided, onOpenVehicle }: {
  session: ConsoleSession; hit: Hit; onDecided: (hit: Hit) => void; onOpenVehicle: (wantedVehicleId: string) => void;
}) {
  const t = useTranslate();
  const language = useLanguage();
  return (
    <section className="ds-hit-details" aria-labelledby="ds-hit-title" data-testid="hit-details" data-hit-id={hit.id}>
      <h2 id="ds-hit-title" className="ds-plate">{listedPlate(hit.wantedVehicle)}</h2>
      <dl>
        <dt>{t('hit.matchKind')}</dt><dd data-testid="hit-match-kind">{formatMatchKind(language, hit)}</dd>
        <dt>{t('hit.readText')}</dt><dd>{t('hit.readTextMissing')}</dd>
        <dt>{t('hit.confidence')}</dt><dd>{formatPercent(hit.confidence, 1)}</dd>
        <dt>{t('hit.camera')}</dt><dd>{hit.camera.name}</dd>
        <dt>{t('hit.municipality')}</dt><dd>{hit.camera.municipality.name}</dd>
        <dt>{t('hit.capturedAt')}</dt><dd>{formatInstant(hit.capturedAt)}</dd>
        <dt>{t('hit.reason')}</dt><dd>{t(`wanted.reason.${hit.wantedVehicle.reason}`)} · {t('hit.priority', { priority: hit.wantedVehicle.priority })}</dd>
        <dt>{t('hit.status')}</dt><dd data-testid="hit-status">{t(`status.${hit.status}`)}</dd>
      </dl>
      <button type="button" onClick={() => onOpenVehicle(hit.wantedVehicle.id)} data-testid="hit-open-vehicle">{t('hit.openVehicle')}</button>
      <Evidence session={session} hit={hit} />
      <DecidePanel session={session} hit={hit} onDecided={onDecided} />
    </section>
  );
}
