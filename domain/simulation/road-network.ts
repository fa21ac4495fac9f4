/**
 * A road network as the simulator sees it, whatever SUMO network it came from: junctions with planar
 * coordinates (metres, x east, y north), directed edges between them, and the turns a vehicle may make from
 * one edge onto the next. SUMO's internal edges and junctions (inside an intersection) are not part of it.
 */
export interface NetworkJunction {
  readonly id: string;
  /** Metres east in the network's planar coordinates. */
  readonly x: number;
  /** Metres north in the network's planar coordinates. */
  readonly y: number;
  /** SUMO's junction type (`priority`, `traffic_light`, `dead_end`, …). */
  readonly type: string;
}

export interface NetworkEdge {
  readonly id: string;
  readonly from: string;
  readonly to: string;
  readonly lengthMeters: number;
  /** The fastest lane's speed limit. */
  readonly speedLimitMps: number;
  readonly lanes: number;
  /** Compass bearing (0 north, clockwise) of the edge's last segment: the direction traffic arrives at `to`. */
  readonly arrivalBearingDegrees: number;
}

/** A turn: a vehicle on `from` may continue onto `to`. */
export interface NetworkConnection {
  readonly from: string;
  readonly to: string;
}

export interface RoadNetwork {
  readonly junctions: readonly NetworkJunction[];
  readonly edges: readonly NetworkEdge[];
  readonly connections: readonly NetworkConnection[];
}

/** Free-flow travel time of an edge at its speed limit, in seconds. */
export const freeFlowSeconds = (edge: NetworkEdge): number => edge.lengthMeters / Math.max(edge.speedLimitMps, 0.1);

/** Compass bearing from one planar point to another: 0 north, 90 east. */
export function bearingDegrees(fromX: number, fromY: number, toX: number, toY: number): number {
  const degrees = (Math.atan2(toX - fromX, toY - fromY) * 180) / Math.PI;
  return (degrees + 360) % 360;
}
