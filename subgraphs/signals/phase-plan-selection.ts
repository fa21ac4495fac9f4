/** The hours a phase plan is valid for: [validFromHour, validToHour), wrapping past midnight when from > to. */
export interface PhasePlanWindow {
  readonly id: string;
  readonly validFromHour: number;
  readonly validToHour: number;
}

export function windowContains(plan: PhasePlanWindow, hour: number): boolean {
  return plan.validFromHour < plan.validToHour
    ? hour >= plan.validFromHour && hour < plan.validToHour
    : hour >= plan.validFromHour || hour < plan.validToHour;
}

export const windowHours = (plan: PhasePlanWindow): number =>
  plan.validFromHour < plan.validToHour ? plan.validToHour - plan.validFromHour : 24 - plan.validFromHour + plan.validToHour;

/**
 * The plan in force at an hour of day: of those whose window contains the hour, the narrowest (a 07–10 peak plan
 * overrides the 0–24 base plan); equally narrow windows go to the lowest id, so the answer never depends on order.
 */
export function selectPhasePlan<Plan extends PhasePlanWindow>(plans: readonly Plan[], hour: number): Plan | undefined {
  let selected: Plan | undefined;
  for (const plan of plans) {
    if (!windowContains(plan, hour)) continue;
    if (selected === undefined || windowHours(plan) < windowHours(selected)
      || (windowHours(plan) === windowHours(selected) && plan.id < selected.id)) selected = plan;
  }
  return selected;
}
