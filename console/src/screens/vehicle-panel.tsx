import type { PatrolPlan, PatrolUnit, VehicleAnswer } from '../api/operations.js';
import { useLanguage, useTranslate } from '../i18n/use-language.js';
import { formatDuration, formatInstant, formatLength, formatPercent, formatSigned, listedPlate } from '../view/format.js';

/** The vehicle view's side panel: every number with its reasons in a tooltip (title) and in its accessible name. */
export function VehiclePanel({ answer, units, plan, minutes }: { answer: NonNullable<VehicleAnswer>; units: readonly PatrolUnit[]; plan: PatrolPlan | null; minutes: number }) {
  const t = useTranslate();
  const language = useLanguage();
  const vehicle = answer.vehicle;
  const unitName = (id: string) => plan?.points.find((point) => point.unitId === id)?.unit?.callSign ?? units.find((unit) => unit.id === id)?.callSign ?? id;
  return (
    <section className="ds-vehicle-panel" aria-labelledby="ds-vehicle-title" data-testid="vehicle-panel">
      <h2 id="ds-vehicle-title" className="ds-plate">{listedPlate(answer)} <small>{t(`wanted.reason.${answer.reason}`)} · {t('hit.priority', { priority: answer.priority })}</small></h2>
      {!vehicle ? <p>{t('vehicle.notSighted')}</p> : (
        <>
          <h3>{t('vehicle.crossed')}</h3>
          <p>{vehicle.municipalitiesCrossed.map((crossing) => `${crossing.municipality.name} (${crossing.sightings})`).join(' → ')}</p>
          <h3>{t('vehicle.sightings', { count: vehicle.sightings.length })}</h3>
          <ol className="ds-sightings" data-testid="vehicle-sightings">
            {[...vehicle.sightings].sort((a, b) => Date.parse(a.capturedAt) - Date.parse(b.capturedAt)).map((sighting) => (
              <li key={sighting.id}>{formatInstant(sighting.capturedAt)} · {sighting.camera.name} · {t(sighting.matchKind === 'EXACT' ? 'match.exact' : 'match.possibleUnnamed')} · {formatPercent(sighting.confidence)}</li>
            ))}
          </ol>
          <h3>{t('vehicle.route')}</h3>
          {vehicle.route ? (
            <div data-testid="vehicle-route">
              <p>{t('vehicle.routeConfidence', { confidence: formatPercent(vehicle.route.confidence, 1), length: formatLength(vehicle.route.lengthMeters) })}</p>
              <ol>
                {vehicle.route.legs.map((leg, index) => (
                  <li key={`${leg.from.id}-${leg.to.id}`}>
                    {index + 1}: {formatDuration(language, leg.elapsedSeconds)}
                    <ul>
                      {leg.alternatives.map((alternative, rank) => {
                        const reasons = t('reasons.route', { detour: formatPercent(alternative.reasons.detourShare, 1), turn: formatSigned(alternative.reasons.turnLogProbability), time: formatSigned(alternative.reasons.timeLogLikelihood) });
                        return (
                          <li key={rank} title={reasons} tabIndex={0} aria-label={`${t('vehicle.alternative', { rank: rank + 1, probability: formatPercent(alternative.probability, 1) })}. ${t('vehicle.reasons')}: ${reasons}`}>
                            {t('vehicle.alternative', { rank: rank + 1, probability: formatPercent(alternative.probability, 1) })} · {formatLength(alternative.lengthMeters)} · {formatDuration(language, alternative.expectedSeconds)}
                          </li>
                        );
                      })}
                    </ul>
                  </li>
                ))}
              </ol>
            </div>
          ) : <p>—</p>}
          <h3>{t('vehicle.nextCameras')}</h3>
          <ol data-testid="vehicle-next-cameras">
            {(vehicle.nextCameras?.forecasts ?? []).map((forecast) => {
              const transitions = forecast.reasons.transitionsFromCamera;
              const reasons = t('reasons.next', {
                road: formatPercent(forecast.reasons.roadModelProbability, 1), destination: formatPercent(forecast.reasons.destinationProbability, 1),
                count: Math.round(transitions.count), total: Math.round(transitions.total),
              });
              const arrival = t('vehicle.arrival', {
                low: formatDuration(language, forecast.arrival.lowSeconds), high: formatDuration(language, forecast.arrival.highSeconds), median: formatDuration(language, forecast.arrival.medianSeconds),
              });
              return (
                <li key={forecast.camera.id} title={reasons} tabIndex={0} aria-label={`${forecast.camera.name} ${formatPercent(forecast.probability)}, ${arrival}. ${t('vehicle.reasons')}: ${reasons}`} data-testid={`next-camera-${forecast.camera.id}`}>
                  <strong>{formatPercent(forecast.probability)}</strong> {forecast.camera.name} ({forecast.municipality.name}) · {arrival}
                </li>
              );
            })}
          </ol>
          <h3>{t('vehicle.reachable', { minutes })}</h3>
          <p data-testid="vehicle-reachable">{(vehicle.reachableSet?.municipalities ?? []).map((entry) => `${entry.municipality.name} ${formatDuration(language, entry.seconds)}`).join(' · ') || '—'}</p>
          <h3>{t('vehicle.interception')}</h3>
          {(plan?.points ?? []).length === 0 ? <p data-testid="vehicle-interception-none">{t('vehicle.interceptionNone')}</p> : (
            <ol data-testid="vehicle-interception">
              {(plan?.points ?? []).map((point) => {
                const reasons = t('reasons.intercept', { pass: formatPercent(point.passProbability, 1), eta: formatDuration(language, point.vehicleEtaSeconds), unit: formatDuration(language, point.unitSeconds) });
                const text = t('vehicle.interceptPoint', {
                  unit: unitName(point.unitId), junction: point.camera?.name ?? `${point.municipality.name} ${point.junctionId}`,
                  probability: formatPercent(point.interceptProbability, 1), slack: formatDuration(language, point.slackSeconds),
                });
                return <li key={`${point.unitId}-${point.junctionId}`} title={reasons} tabIndex={0} aria-label={`${text}. ${t('vehicle.reasons')}: ${reasons}`}>{text}</li>;
              })}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
