import maplibregl, { type GeoJSONSource, type LngLatBoundsLike, type StyleSpecification } from 'maplibre-gl';
import 'maplibre-gl/dist/maplibre-gl.css';
import { useEffect, useRef, useState } from 'react';
import type { BaseMap } from './base-map-geojson.js';
import type { LabelledPoint, MapOverlays } from './map-overlays.js';
import { maplibreWorkerFile } from './maplibre-worker-file.js';

maplibregl.setWorkerUrl(`/console/${maplibreWorkerFile}`);

const emptyCollection = { type: 'FeatureCollection' as const, features: [] };

/** Only local sources, no glyphs and no sprite: nothing is fetched but the base map that ships with the console. */
function baseStyle(baseMap: BaseMap): StyleSpecification {
  return {
    version: 8,
    sources: {
      municipalities: { type: 'geojson', data: baseMap.municipalities as never },
      borders: { type: 'geojson', data: baseMap.borders as never },
      roads: { type: 'geojson', data: baseMap.roads as never },
      routes: { type: 'geojson', data: emptyCollection },
      cameras: { type: 'geojson', data: emptyCollection },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': '#10151c' } },
      { id: 'municipality-fill', type: 'fill', source: 'municipalities', paint: { 'fill-color': ['match', ['get', 'id'], 'suwon', '#1d3b5c', 'hwaseong', '#2d3d26', 'osan', '#4a2f3d', '#2a2f38'], 'fill-opacity': 0.35, 'fill-antialias': false } },
      { id: 'municipality-border', type: 'line', source: 'borders', filter: ['==', ['get', 'kind'], 'between'], paint: { 'line-color': '#c9d6e3', 'line-width': 2, 'line-dasharray': [3, 2] } },
      { id: 'region-edge', type: 'line', source: 'borders', filter: ['==', ['get', 'kind'], 'outer'], paint: { 'line-color': '#5d6b7b', 'line-width': 1 } },
      { id: 'roads', type: 'line', source: 'roads', paint: { 'line-color': '#5b6675', 'line-width': ['interpolate', ['linear'], ['zoom'], 12, 1, 17, ['+', 2, ['get', 'lanes']]] } },
      { id: 'route-alternatives', type: 'line', source: 'routes', filter: ['>', ['get', 'rank'], 0], paint: { 'line-color': '#c49bff', 'line-width': 3, 'line-opacity': 0.7, 'line-dasharray': [2, 2] } },
      { id: 'route-main', type: 'line', source: 'routes', filter: ['==', ['get', 'rank'], 0], paint: { 'line-color': '#ffd23f', 'line-width': 5 } },
      { id: 'cameras', type: 'circle', source: 'cameras', paint: {
        'circle-color': ['get', 'colour'],
        'circle-radius': ['match', ['get', 'health'], 'silent', 8, 'offline', 8, 5],
        'circle-stroke-color': ['match', ['get', 'health'], 'silent', '#ffffff', 'offline', '#ffffff', '#10151c'],
        'circle-stroke-width': ['match', ['get', 'health'], 'silent', 3, 'offline', 3, 1],
      } },
    ],
  };
}

function markerElement(point: LabelledPoint): HTMLElement {
  const element = document.createElement('div');
  element.className = `ds-marker ds-marker-${point.kind}${point.flash ? ' ds-flash' : ''}`;
  element.textContent = point.label;
  element.title = point.title;
  element.setAttribute('role', 'img');
  element.setAttribute('aria-label', point.title ? `${point.label}: ${point.title}` : point.label);
  element.dataset.testid = `map-${point.kind}-${point.id}`;
  element.tabIndex = point.kind === 'hit' || point.kind === 'intercept' || point.kind === 'next-camera' ? 0 : -1;
  return element;
}

export interface MapViewProps {
  readonly baseMap: BaseMap;
  readonly overlays: MapOverlays;
  readonly label: string;
}

/** The MapLibre map: base map from local GeoJSON, cameras as a circle layer (thousands stay fast), labels as HTML. */
export function MapView({ baseMap, overlays, label }: MapViewProps) {
  const container = useRef<HTMLDivElement>(null);
  const mapRef = useRef<maplibregl.Map | null>(null);
  const markersRef = useRef<maplibregl.Marker[]>([]);
  const [loaded, setLoaded] = useState(false);

  useEffect(() => {
    if (!container.current) return undefined;
    const map = new maplibregl.Map({
      container: container.current,
      style: baseStyle(baseMap),
      bounds: baseMap.bounds as unknown as LngLatBoundsLike,
      fitBoundsOptions: { padding: 40 },
      attributionControl: false,
      // Screenshots from the browser tests need the canvas kept.
      canvasContextAttributes: { preserveDrawingBuffer: true },
    });
    map.addControl(new maplibregl.NavigationControl({ showCompass: false }), 'top-left');
    map.on('load', () => setLoaded(true));
    for (const feature of baseMap.municipalities.features) {
      const element = document.createElement('div');
      element.className = 'ds-municipality-label';
      element.textContent = feature.properties.name;
      element.setAttribute('aria-hidden', 'true');
      new maplibregl.Marker({ element }).setLngLat([feature.properties.labelLongitude, feature.properties.labelLatitude]).addTo(map);
    }
    mapRef.current = map;
    (window as unknown as { dongseonMap?: maplibregl.Map }).dongseonMap = map;
    return () => {
      map.remove();
      mapRef.current = null;
      setLoaded(false);
    };
  }, [baseMap]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map || !loaded) return;
    (map.getSource('cameras') as GeoJSONSource | undefined)?.setData({
      type: 'FeatureCollection',
      features: overlays.cameras.map((camera) => ({
        type: 'Feature', geometry: { type: 'Point', coordinates: [...camera.position] },
        properties: { id: camera.id, name: camera.name, health: camera.health, colour: camera.colour },
      })),
    });
    (map.getSource('routes') as GeoJSONSource | undefined)?.setData({
      type: 'FeatureCollection',
      features: overlays.routes.map((route) => ({
        type: 'Feature', geometry: { type: 'LineString', coordinates: route.coordinates.map((position) => [...position]) },
        properties: { leg: route.leg, rank: route.rank, probability: route.probability },
      })),
    });
  }, [loaded, overlays.cameras, overlays.routes]);

  useEffect(() => {
    const map = mapRef.current;
    if (!map) return;
    for (const marker of markersRef.current) marker.remove();
    const points: LabelledPoint[] = [
      ...overlays.sightings.map((sighting) => ({
        id: sighting.id, position: sighting.position, label: String(sighting.order), title: `${sighting.cameraName} ${sighting.capturedAt}`, kind: 'sighting' as const,
      })),
      ...overlays.points,
    ];
    markersRef.current = points.map((point) => new maplibregl.Marker({ element: markerElement(point) }).setLngLat([...point.position]).addTo(map));
  }, [overlays.points, overlays.sightings]);

  useEffect(() => {
    const map = mapRef.current;
    const focus = overlays.focus;
    if (!map || !focus || focus.length === 0) return;
    const bounds = new maplibregl.LngLatBounds([...focus[0]!], [...focus[0]!]);
    for (const position of focus) bounds.extend([...position]);
    map.fitBounds(bounds, { padding: 80, maxZoom: 16, duration: 0 });
  }, [overlays.focus]);

  return <div className="ds-map" ref={container} role="region" aria-label={label} data-testid="map" data-map-loaded={loaded ? 'true' : 'false'} />;
}
