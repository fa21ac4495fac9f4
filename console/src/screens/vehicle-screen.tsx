import { useEffect, useState } from 'react';
import { api, type PatrolPlan, type PatrolUnit, type VehicleAnswer, type WantedVehicle } from '../api/operations.js';
import type { ConsoleSession } from '../api/request-headers.js';
import { useTranslate } from '../i18n/use-language.js';
import { listedPlate } from '../view/format.js';
import { VehiclePanel } from './vehicle-panel.js';

export interface VehicleView {
  readonly answer: NonNullable<VehicleAnswer>;
  readonly units: readonly PatrolUnit[];
  /** The plan for the registry's fresh units, made by the graph; null before the first sighting or without units. */
  readonly plan: PatrolPlan | null;
  readonly minutes: number;
}

export function VehicleScreen({ session, vehicleId, onChoose, view, onView }: {
  session: ConsoleSession; vehicleId: string | undefined; onChoose: (id: string) => void; view: VehicleView | undefined; onView: (view: VehicleView | undefined) => void;
}) {
  const t = useTranslate();
  const [wanted, setWanted] = useState<readonly WantedVehicle[]>([]);
  const [minutes, setMinutes] = useState(10);
  const [message, setMessage] = useState('');
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    api.wantedVehicles(session).then(setWanted, (error: unknown) => setMessage(t('error.generic', { message: error instanceof Error ? error.message : String(error) })));
  }, [session, t]);

  useEffect(() => {
    if (!vehicleId) return undefined;
    let current = true;
    const load = async () => {
      setLoading(true);
      try {
        const [answer, units, plan] = await Promise.all([
          api.vehicle(session, { id: vehicleId, withinMinutes: minutes }),
          api.patrolUnits(session).catch(() => [] as PatrolUnit[]),
          api.patrolPlan(session, vehicleId).catch(() => null),
        ]);
        if (!current) return;
        setMessage('');
        onView(answer ? { answer, units, plan, minutes } : undefined);
      } catch (error) {
        if (current) setMessage(t('error.generic', { message: error instanceof Error ? error.message : String(error) }));
      } finally {
        if (current) setLoading(false);
      }
    };
    void load();
    // A vehicle on the move: its forecast and the units' positions change; follow them.
    const timer = window.setInterval(() => void load(), 15_000);
    return () => {
      current = false;
      window.clearInterval(timer);
    };
  }, [session, vehicleId, minutes, onView, t]);

  return (
    <div className="ds-vehicle-screen">
      <div className="ds-vehicle-controls">
        <label htmlFor="ds-vehicle-choose">{t('vehicle.choose')}</label>
        <select id="ds-vehicle-choose" value={vehicleId ?? ''} onChange={(event) => onChoose(event.target.value)} data-testid="vehicle-choose">
          <option value="">—</option>
          {wanted.map((entry) => <option key={entry.id} value={entry.id}>{listedPlate(entry)} · {t(`wanted.reason.${entry.reason}`)} · {entry.priority}</option>)}
        </select>
        <label htmlFor="ds-vehicle-minutes">{t('vehicle.reachableMinutes')}</label>
        <input id="ds-vehicle-minutes" type="number" min={1} max={60} value={minutes} onChange={(event) => setMinutes(Math.max(1, Math.min(60, Number(event.target.value) || 10)))} data-testid="vehicle-minutes" />
      </div>
      {loading && !view ? <p role="status">{t('common.loading')}</p> : null}
      {message ? <p role="alert" className="ds-error">{message}</p> : null}
      {!vehicleId ? <p>{t('vehicle.none')}</p> : null}
      {view && view.answer.id === vehicleId ? <VehiclePanel answer={view.answer} units={view.units} plan={view.plan} minutes={view.minutes} /> : null}
    </div>
  );
}
