import { describe, expect, it } from 'vitest';
import { parseMoneyInput } from '../../lib/format';
import { conditionDraft, conditionInput, emptyCondition, missingPenaltyField } from './conditions';

describe('agreement conditions as edited', () => {
  it('sends a major condition without a penalty, whatever was typed in the penalty fields', () => {
    expect(conditionInput({ ...emptyCondition(), text: ' Publicita projektu. ', amount: '5 000' }, parseMoneyInput)).toEqual({ text: 'Publicita projektu.', minor: false });
  });

  it('sends each kind of penalty in the API’s shape: Czech amounts and decimal commas accepted', () => {
    const minor = { ...emptyCondition(), text: 'Logo na materiálech.', minor: true };
    expect(conditionInput({ ...minor, kind: 'fixed', amount: '5 000,50' }, parseMoneyInput)).toEqual({
      text: 'Logo na materiálech.',
      minor: true,
      penalty: { kind: 'fixed', amount: '5000.50' },
    });
    expect(conditionInput({ ...minor, kind: 'percentage', percent: '2,5' }, parseMoneyInput).penalty).toEqual({ kind: 'percentage', percent: '2.5' });
    expect(conditionInput({ ...minor, kind: 'percentage-range', minPercent: '1', maxPercent: '5' }, parseMoneyInput).penalty).toEqual({
      kind: 'percentage-range',
      minPercent: '1',
      maxPercent: '5',
    });
  });

  it('names the penalty field still empty for the kind chosen', () => {
    const minor = { ...emptyCondition(), text: 'Logo.', minor: true };
    expect(missingPenaltyField({ ...minor, kind: 'fixed' })).toBe('amount');
    expect(missingPenaltyField({ ...minor, kind: 'percentage', amount: '100' })).toBe('percent');
    expect(missingPenaltyField({ ...minor, kind: 'percentage-range', minPercent: '1' })).toBe('maxPercent');
    expect(missingPenaltyField({ ...minor, kind: 'percentage-range', minPercent: '1', maxPercent: '3' })).toBeNull();
    expect(missingPenaltyField({ ...emptyCondition(), minor: false })).toBeNull();
  });

  it('reads a saved condition back for editing, penalty included', () => {
    const draft = conditionDraft({ text: 'Hlášení změn.', minor: true, penalty: { kind: 'percentage-range', minPercent: '1', maxPercent: '5' } });
    expect(draft).toMatchObject({ text: 'Hlášení změn.', minor: true, kind: 'percentage-range', minPercent: '1', maxPercent: '5' });
    expect(conditionDraft({ text: 'Účel.', minor: false })).toMatchObject({ minor: false, kind: 'fixed', amount: '' });
  });
});
