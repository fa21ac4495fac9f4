/**
 * Share of a day's trips that start in each hour (local time), from the shape of Korean urban traffic counts:
 * quiet nights, a sharp morning peak at 8, a flatter midday, the evening peak at 18 and a long evening tail.
 * Sums to 1.
 */
export const weekdayHourlyShares: readonly number[] = normalised([
  0.8, 0.5, 0.35, 0.3, 0.4, 1.1, 3.2, 6.8, 8.6, 6.4, 5.0, 4.9,
  5.1, 5.0, 5.1, 5.6, 6.4, 7.6, 8.4, 6.6, 4.6, 3.5, 2.4, 1.5,
]);

function normalised(weights: readonly number[]): number[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return weights.map((weight) => weight / total);
}

/**
 * Vehicles per hour to insert for each simulated hour, starting at local hour `startHour`, so that the busiest
 * hour of the day inserts `peakVehiclesPerHour`.
 */
export function hourlyInsertionRates(startHour: number, hours: number, peakVehiclesPerHour: number, shares: readonly number[] = weekdayHourlyShares): number[] {
  const peak = Math.max(...shares);
  return Array.from({ length: hours }, (_, offset) => {
    const share = shares[(startHour + offset) % 24] as number;
    return Math.max(1, Math.round((share / peak) * peakVehiclesPerHour));
  });
}
