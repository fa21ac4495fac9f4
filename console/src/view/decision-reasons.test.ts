import { describe, expect, it } from 'vitest';
import { hitDecisionReasonCodes } from '../../../domain/hits/hit-decision-reasons.js';
import { ko } from '../i18n/messages.js';
import { decisionToSend, maxNoteLength, reasonLabel, reasonsFor } from './decision-reasons.js';

describe('decision reasons', () => {
  it('offers each decision its own reasons and OTHER for both', () => {
    expect(reasonsFor('ACCEPT')).toEqual(['PLATE_CONFIRMED', 'VEHICLE_CONFIRMED', 'CONFIRMED_ON_SCENE', 'OTHER']);
    expect(reasonsFor('REJECT')).toEqual(['MISREAD', 'DIFFERENT_VEHICLE', 'EVIDENCE_INSUFFICIENT', 'LISTING_OUTDATED', 'OTHER']);
  });

  it('has a label for every reason code the domain knows', () => {
    for (const code of hitDecisionReasonCodes) expect(ko[reasonLabel(code)]).toBeTruthy();
  });

  it('sends the code and the trimmed note', () => {
    expect(decisionToSend('REJECT', 'MISREAD', '  3rd   character is 고 ')).toEqual({ ok: true, variables: { decision: 'REJECT', reasonCode: 'MISREAD', note: '3rd character is 고' } });
    expect(decisionToSend('ACCEPT', 'PLATE_CONFIRMED', '')).toEqual({ ok: true, variables: { decision: 'ACCEPT', reasonCode: 'PLATE_CONFIRMED' } });
  });

  it('asks for a reason, and for a note with OTHER', () => {
    expect(decisionToSend('ACCEPT', '', 'note')).toEqual({ ok: false, problem: 'decide.needReason' });
    expect(decisionToSend('ACCEPT', 'OTHER', '   ')).toEqual({ ok: false, problem: 'decide.needNote' });
    expect(decisionToSend('ACCEPT', 'MISREAD', '')).toEqual({ ok: false, problem: 'decide.needReason' });
  });

  it('cuts a note to the most the form holds', () => {
    const sent = decisionToSend('ACCEPT', 'OTHER', 'x'.repeat(maxNoteLength + 50));
    expect(sent.ok && sent.variables.note?.length).toBe(maxNoteLength);
  });
});
