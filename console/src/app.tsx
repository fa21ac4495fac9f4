import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { loadConsoleConfig, type ConsoleConfig } from './api/console-config.js';
import { api, type Camera, type Hit, type PlateHistory } from './api/operations.js';
import { subscribeToAlerts, type RealtimeState } from './api/realtime.js';
import { tokenScopes, type ConsoleSession } from './api/request-headers.js';
import { LanguageContext } from './i18n/use-language.js';
import { translate, type Language, type MessageKey } from './i18n/messages.js';
import type { BaseMap, Position } from './map/base-map-geojson.js';
import type { LabelledPoint, MapOverlays } from './map/map-overlays.js';
import { MapView } from './map/map-view.js';
import { numberedSightings, routeLines } from './map/vehicle-overlay.js';
import { AuditScreen } from './screens/audit-screen.js';
import { HitDetails } from './screens/hit-details.js';
import { HitQueue } from './screens/hit-queue.js';
import { SearchScreen } from './screens/search-screen.js';
import { SignIn } from './screens/sign-in.js';
import { VehicleScreen, type VehicleView } from './screens/vehicle-screen.js';
import { playPriorityTone } from './view/alert-sound.js';
import { cameraHealth, healthColours, healthOrder } from './view/camera-health.js';
import { formatPercent, listedPlate } from './view/format.js';
import { isPriorityHit, mergeHits, queueOrder } from './view/hit-queue.js';

type Screen = 'live' | 'vehicle' | 'search' | 'audit';
const screens: readonly { readonly id: Screen; readonly label: MessageKey }[] = [
  { id: 'live', label: 'nav.live' }, { id: 'vehicle', label: 'nav.vehicle' }, { id: 'search', label: 'nav.search' }, { id: 'audit', label: 'nav.audit' },
];

const position = (point: { latitude: number; longitude: number }): Position => [point.longitude, point.latitude];
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function App() {
  const [language, setLanguage] = useState<Language>(() => (localStorage.getItem('dongseon.language') === 'en' ? 'en' : 'ko'));
  const t = useCallback((key: MessageKey, values?: Readonly<Record<string, string | number>>) => translate(language, key, values), [language]);
  const [config, setConfig] = useState<ConsoleConfig>();
  const [baseMap, setBaseMap] = useState<BaseMap>();
  const [session, setSession] = useState<ConsoleSession>();
  const [screen, setScreen] = useState<Screen>('live');
  const [cameras, setCameras] = useState<readonly Camera[]>([]);
  const [hits, setHits] = useState<readonly Hit[]>([]);
  const [selectedHitId, setSelectedHitId] = useState<string>();
  const [flashId, setFlashId] = useState<string>();
  const [announcement, setAnnouncement] = useState('');
  const [realtime, setRealtime] = useState<RealtimeState>({ kind: 'connecting' });
  const [vehicleId, setVehicleId] = useState<string>();
  const [vehicleView, setVehicleView] = useState<VehicleView>();
  const [history, setHistory] = useState<PlateHistory>();
  const [problem, setProblem] = useState('');
  const [nowMs, setNowMs] = useState(Date.now());
  const flashTimer = useRef<number | undefined>(undefined);
  const hitsRef = useRef<readonly Hit[]>([]);
  const readsHits = useMemo(() => (session ? tokenScopes(session.token).includes('hits:read') : false), [session]);
  hitsRef.current = hits;

  useEffect(() => {
    document.documentElement.lang = language;
    document.title = translate(language, 'app.title');
    localStorage.setItem('dongseon.language', language);
  }, [language]);

  useEffect(() => {
    loadConsoleConfig().then(setConfig, (error: unknown) => setProblem(messageOf(error)));
    fetch('/console/basemap/base-map.json').then((response) => response.json() as Promise<BaseMap>).then(setBaseMap, (error: unknown) => setProblem(messageOf(error)));
  }, []);

  const receiveHits = useCallback((incoming: readonly Hit[]) => setHits((queue) => mergeHits(queue, incoming)), []);

  // Cameras and pending hits on sign-in, then every 15 s: a decision made at another console shows here too.
  useEffect(() => {
    if (!session) return undefined;
    const refresh = async () => {
      try {
        const [cameraList, pending] = await Promise.all([api.cameras(session), readsHits ? api.pendingHits(session) : Promise.resolve([])]);
        setCameras(cameraList);
        const pendingIds = new Set(pending.map((hit) => hit.id));
        // A hit pending here but no longer in the pending list was decided elsewhere: fetch its decision.
        const decidedElsewhere = hitsRef.current.filter((hit) => hit.status === 'PENDING' && !pendingIds.has(hit.id)).slice(0, 20);
        const decided = (await Promise.all(decidedElsewhere.map((hit) => api.hit(session, hit.id)))).filter((hit): hit is Hit => hit !== null);
        receiveHits([...pending, ...decided]);
        setNowMs(Date.now());
        setProblem('');
      } catch (error) {
        setProblem(messageOf(error));
      }
    };
    void refresh();
    const timer = window.setInterval(() => void refresh(), 15_000);
    return () => window.clearInterval(timer);
  }, [session, receiveHits, readsHits]);

  useEffect(() => {
    if (!session || !config || !readsHits) return undefined;
    return subscribeToAlerts(config.realtimeUrl, session, (alert) => {
      void api.hit(session, alert.id).then((hit) => {
        if (!hit) return;
        receiveHits([hit]);
        if (isPriorityHit(hit)) {
          setFlashId(hit.id);
          setAnnouncement(translate(language, 'queue.newPriority', { plate: listedPlate(hit.wantedVehicle) }));
          playPriorityTone();
          window.clearTimeout(flashTimer.current);
          flashTimer.current = window.setTimeout(() => setFlashId(undefined), 4_000);
        }
      }, (error: unknown) => setProblem(messageOf(error)));
    }, setRealtime, (decision) => {
      void api.hit(session, decision.hitId).then((hit) => hit && receiveHits([hit]), (error: unknown) => setProblem(messageOf(error)));
    });
  }, [session, config, receiveHits, language, readsHits]);

  const orderedHits = useMemo(() => queueOrder(hits), [hits]);
  const selectedHit = hits.find((hit) => hit.id === selectedHitId);

  const cameraMarkers = useMemo(() => cameras.map((camera) => {
    const health = cameraHealth(camera, nowMs);
    return { id: camera.id, name: camera.name, position: position(camera.position), health, colour: healthColours[health] };
  }), [cameras, nowMs]);

  const overlays = useMemo<MapOverlays>(() => {
    if (screen === 'vehicle' && vehicleView && baseMap) {
      const vehicle = vehicleView.answer.vehicle;
      const unitName = (id: string) => vehicleView.units.find((unit) => unit.id === id)?.callSign ?? id;
      const sightings = vehicle ? numberedSightings(vehicle) : [];
      const points: LabelledPoint[] = [
        ...(vehicle?.reachableSet?.cameras ?? []).map((entry) => ({ id: entry.camera.id, position: position(entry.camera.position), label: '◌', title: entry.camera.name, kind: 'reachable' as const })),
        ...(vehicle?.nextCameras?.forecasts ?? []).map((forecast) => ({
          id: forecast.camera.id, position: position(forecast.camera.position), label: formatPercent(forecast.probability), kind: 'next-camera' as const,
          title: `${forecast.camera.name}: ${translate(language, 'reasons.next', {
            road: formatPercent(forecast.reasons.roadModelProbability, 1), destination: formatPercent(forecast.reasons.destinationProbability, 1),
            count: Math.round(forecast.reasons.transitionsFromCamera.count), total: Math.round(forecast.reasons.transitionsFromCamera.total),
          })}`,
        })),
        ...(vehicleView.plan?.points ?? []).map((point) => ({
          id: `${point.unitId}-${point.junctionId}`, position: [point.longitude, point.latitude] as const, label: `★ ${unitName(point.unitId)}`, kind: 'intercept' as const,
          title: `${formatPercent(point.interceptProbability, 1)} · ${translate(language, 'reasons.intercept', { pass: formatPercent(point.passProbability, 1), eta: `${Math.round(point.vehicleEtaSeconds)} s`, unit: `${Math.round(point.unitSeconds)} s` })}`,
        })),
        ...vehicleView.units.flatMap((unit) => (unit.position ? [{
          id: unit.id, position: position(unit.position), label: unit.callSign, kind: 'unit' as const, title: translate(language, 'vehicle.unit', { unit: unit.callSign }),
        }] : [])),
      ];
      return { cameras: cameraMarkers, points, routes: vehicle ? routeLines(vehicle, baseMap.junctions) : [], sightings, focus: sightings.map((sighting) => sighting.position) };
    }
    if (screen === 'search' && history) {
      const points = history.reads.map((read) => ({
        id: `${read.municipality.id}-${read.readId}`, position: position(read.camera.position), label: read.plateText, kind: 'read' as const, title: `${read.camera.name} ${read.capturedAt}`,
      }));
      return { cameras: cameraMarkers, points, routes: [], sightings: [], focus: points.map((point) => point.position) };
    }
    const points = orderedHits.filter((hit) => hit.status === 'PENDING').slice(0, 30).map((hit) => ({
      id: hit.id, position: position(hit.camera.position), label: listedPlate(hit.wantedVehicle), kind: 'hit' as const, title: `${hit.camera.name} ${hit.capturedAt}`, flash: hit.id === flashId,
    }));
    return { cameras: cameraMarkers, points, routes: [], sightings: [] };
  }, [screen, vehicleView, baseMap, history, orderedHits, cameraMarkers, flashId, language]);

  const openVehicle = useCallback((id: string) => {
    setVehicleId(id);
    setScreen('vehicle');
  }, []);

  return (
    <LanguageContext.Provider value={language}>
      <div className={`ds-app${flashId ? ' ds-app-flash' : ''}`} data-testid="console">
        <header className="ds-header">
          <h1>{t('app.title')}</h1>
          {session ? (
            <nav aria-label={t('nav.label')}>
              <ul role="tablist" className="ds-tabs">
                {screens.map((entry) => (
                  <li key={entry.id} role="presentation">
                    <button type="button" role="tab" aria-selected={screen === entry.id} onClick={() => setScreen(entry.id)} data-testid={`nav-${entry.id}`}>{t(entry.label)}</button>
                  </li>
                ))}
              </ul>
            </nav>
          ) : null}
          <div className="ds-header-status">
            {session && readsHits ? <span role="status" data-testid="realtime-status" data-state={realtime.kind}>
              {realtime.kind === 'closed' ? t('realtime.closed', { reason: realtime.reason }) : t(realtime.kind === 'connected' ? 'realtime.connected' : 'realtime.connecting')}
            </span> : null}
            {session ? <span data-testid="signed-in-as">{t('signIn.signedInAs', { user: session.user })} · {session.caseNumber}</span> : null}
            {session ? <button type="button" onClick={() => { setSession(undefined); setHits([]); setVehicleView(undefined); }} data-testid="sign-out">{t('signIn.signOut')}</button> : null}
            <button type="button" onClick={() => setLanguage(language === 'ko' ? 'en' : 'ko')} aria-label={`${t('app.language')}: ${t('app.switchLanguage')}`} data-testid="language-switch" lang={language === 'ko' ? 'en' : 'ko'}>{t('app.switchLanguage')}</button>
          </div>
        </header>
        <p className="ds-visually-hidden" aria-live="assertive" data-testid="announcement">{announcement}</p>
        {problem ? <p role="alert" className="ds-error ds-banner">{t('error.generic', { message: problem })}</p> : null}
        {!session ? (config ? <SignIn config={config} onSignedIn={setSession} /> : <p role="status">{t('common.loading')}</p>) : (
          <main className={`ds-main ds-main-${screen}`}>
            <div className="ds-map-column">
              {baseMap ? <MapView baseMap={baseMap} overlays={overlays} label={t('map.label')} /> : <p role="status">{t('common.loading')}</p>}
              <ul className="ds-legend" aria-label={t('map.legend')}>
                {healthOrder.map((health) => (
                  <li key={health}><span className="ds-swatch" style={{ background: healthColours[health] }} aria-hidden="true" />{t(`health.${health}`)} ({cameraMarkers.filter((camera) => camera.health === health).length})</li>
                ))}
              </ul>
            </div>
            <div className="ds-side">
              {screen === 'live' ? (
                <>
                  <HitQueue hits={orderedHits} selectedId={selectedHitId} flashId={flashId} onSelect={setSelectedHitId} />
                  {selectedHit ? <HitDetails session={session} hit={selectedHit} onDecided={(hit) => receiveHits([hit])} onOpenVehicle={openVehicle} /> : null}
                </>
              ) : null}
              {screen === 'vehicle' ? <VehicleScreen session={session} vehicleId={vehicleId} onChoose={setVehicleId} view={vehicleView} onView={setVehicleView} /> : null}
              {screen === 'search' ? <SearchScreen session={session} onResults={setHistory} /> : null}
              {screen === 'audit' ? <AuditScreen session={session} /> : null}
            </div>
          </main>
        )}
      </div>
    </LanguageContext.Provider>
  );
}
