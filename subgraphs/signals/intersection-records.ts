import { z } from 'zod';
import { geoPositionProblem } from '../../domain/geo/index.js';

const recordId = z.string().regex(
  /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/, 'expected 1 to 100 letters, digits and . _ : -, starting with a letter or digit',
);

const geoPositionSchema = z.object({ latitude: z.number(), longitude: z.number() }).superRefine((position, context) => {
  const problem = geoPositionProblem(position);
  if (problem) context.addIssue({ code: 'custom', message: problem });
});

const approachSchema = z.object({
  id: recordId,
  from: z.enum(['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW']),
  lanes: z.number().int().min(1).max(12),
});

const signalPhaseSchema = z.object({
  name: z.string().trim().min(1).max(100),
  greenSeconds: z.number().int().min(1).max(300),
  approachIds: z.array(recordId).min(1),
});

const phasePlanSchema = z.object({
  id: recordId,
  cycleSeconds: z.number().int().min(1).max(600),
  validFromHour: z.number().int().min(0).max(23),
  validToHour: z.number().int().min(1).max(24),
  phases: z.array(signalPhaseSchema).min(1),
}).superRefine((plan, context) => {
  if (plan.validFromHour === plan.validToHour) {
    context.addIssue({ code: 'custom', path: ['validToHour'], message: 'the window is empty; use 0 to 24 for all day' });
  }
  const green = plan.phases.reduce((sum, phase) => sum + phase.greenSeconds, 0);
  if (green > plan.cycleSeconds) {
    context.addIssue({ code: 'custom', path: ['cycleSeconds'], message: `the phases' green time (${green} s) exceeds the cycle` });
  }
});

/** A valid intersection, as the seed file and the store hold it: its approaches, and phase plans over them. */
export const intersectionRecordSchema = z.object({
  id: recordId,
  name: z.string().trim().min(1).max(200),
  position: geoPositionSchema,
  approaches: z.array(approachSchema).min(1),
  phasePlans: z.array(phasePlanSchema),
}).superRefine((intersection, context) => {
  const approachIds = new Set(intersection.approaches.map((approach) => approach.id));
  if (approachIds.size !== intersection.approaches.length) {
    context.addIssue({ code: 'custom', path: ['approaches'], message: 'approach ids repeat' });
  }
  intersection.phasePlans.forEach((plan, planIndex) => plan.phases.forEach((phase, phaseIndex) => {
    for (const approachId of phase.approachIds.filter((id) => !approachIds.has(id))) {
      context.addIssue({
        code: 'custom', path: ['phasePlans', planIndex, 'phases', phaseIndex, 'approachIds'],
        message: `approach "${approachId}" is not an approach of this intersection`,
      });
    }
  }));
});

export const intersectionFileSchema = z.object({ intersections: z.array(intersectionRecordSchema) });

export type IntersectionRecord = z.output<typeof intersectionRecordSchema>;
export type ApproachRecord = IntersectionRecord['approaches'][number];
export type PhasePlanRecord = IntersectionRecord['phasePlans'][number];
