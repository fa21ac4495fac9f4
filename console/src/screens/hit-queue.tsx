import type { Hit } from '../api/operations.js';
import { useLanguage, useTranslate } from '../i18n/use-language.js';
import { isPriorityHit } from '../view/hit-queue.js';
import { formatInstant, formatMatchKind, formatPercent, listedPlate } from '../view/format.js';

export function HitQueue({ hits, selectedId, flashId, onSelect }: { hits: readonly Hit[]; selectedId: string | undefined; flashId: string | undefined; onSelect: (id: string) => void }) {
  const t = useTranslate();
  const language = useLanguage();
  return (
    <section className="ds-queue" aria-labelledby="ds-queue-title">
      <h2 id="ds-queue-title">{t('queue.title')} <span className="ds-count" data-testid="hit-queue-count">{t('queue.count', { count: hits.filter((hit) => hit.status === 'PENDING').length })}</span></h2>
      {hits.length === 0 ? <p>{t('queue.empty')}</p> : null}
      <ol className="ds-queue-list" data-testid="hit-queue">
        {hits.map((hit) => (
          <li key={hit.id}>
            <button type="button" onClick={() => onSelect(hit.id)} aria-pressed={hit.id === selectedId} data-testid={`hit-${hit.id}`} data-hit-status={hit.status}
              className={`ds-hit ds-hit-${hit.status.toLowerCase()}${isPriorityHit(hit) ? ' ds-hit-priority' : ''}${hit.id === flashId ? ' ds-flash' : ''}`}
              aria-label={`${listedPlate(hit.wantedVehicle)}, ${formatMatchKind(language, hit)}, ${hit.camera.name}, ${formatInstant(hit.capturedAt)}, ${t(`status.${hit.status}`)}`}>
              <span className="ds-plate">{listedPlate(hit.wantedVehicle)}</span>
              <span className="ds-hit-kind">{formatMatchKind(language, hit)} · {formatPercent(hit.confidence)}</span>
              <span className="ds-hit-where">{hit.camera.name} · {hit.camera.municipality.name}</span>
              <span className="ds-hit-when">{formatInstant(hit.capturedAt)} · {t('hit.priority', { priority: hit.wantedVehicle.priority })} · {t(`status.${hit.status}`)}</span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
