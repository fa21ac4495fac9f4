import type { CameraHealth } from '../view/camera-health.js';
import type { Position } from './base-map-geojson.js';
import type { NumberedSighting, RouteLine } from './vehicle-overlay.js';

export interface CameraMarker {
  readonly id: string;
  readonly name: string;
  readonly position: Position;
  readonly health: CameraHealth;
  readonly colour: string;
}

/** An HTML marker on the map: its text is its label (Hangul needs no glyph server), its title the reasons on hover. */
export interface LabelledPoint {
  readonly id: string;
  readonly position: Position;
  readonly label: string;
  readonly title: string;
  readonly kind: 'sighting' | 'next-camera' | 'reachable' | 'intercept' | 'unit' | 'hit' | 'read';
  /** A hit that just arrived flashes. */
  readonly flash?: boolean;
}

export interface MapOverlays {
  readonly cameras: readonly CameraMarker[];
  readonly points: readonly LabelledPoint[];
  readonly routes: readonly RouteLine[];
  readonly sightings: readonly NumberedSighting[];
  /** Fit the view to these positions when they change (a vehicle opened). */
  readonly focus?: readonly Position[];
}
