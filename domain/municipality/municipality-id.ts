import { z } from 'zod';

/**
 * A municipality id as edge nodes, the camera registry's edge routing and the simulator use it. It names folders,
 * queues, Redis keys and broker roles, so it is kept to lower-case letters and digits, a letter first.
 */
export const municipalityIdPattern = /^[a-z][a-z0-9]{0,30}$/;

export const municipalityIdRule = 'a municipality id of lower-case letters and digits, a letter first, at most 31 characters';

export const isMunicipalityId = (id: string): boolean => municipalityIdPattern.test(id);

/** The one validation every configuration and argument naming a municipality uses. */
export const municipalityIdSchema = z.string().regex(municipalityIdPattern, { message: `expected ${municipalityIdRule}` });
