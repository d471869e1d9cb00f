import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../api/errors';
import { resolutionErrors } from './row-errors';

describe('resolutionErrors', () => {
  const sent = ['app-a', 'app-b', 'app-c'];

  it('puts a field error of the n-th decision at the row of the n-th application sent', () => {
    const error = new ProblemError({
      status: 422,
      code: 'WRONG_BODY',
      errors: [{ field: 'decisions[1].applicationId', code: 'WRONG_BODY', message: 'Musí rozhodnout Zastupitelstvo.' }],
    });
    expect(resolutionErrors(error, sent)).toEqual({ 'app-b.outcome': 'Musí rozhodnout Zastupitelstvo.' });
  });

  it('puts the allocation refusal at the amount of the row the server names', () => {
    const error = new ProblemError({ status: 409, code: 'ALLOCATION_EXCEEDED', detail: 'Schválení by překročilo alokaci okruhu.', applicationId: 'app-c', decisionIndex: 2 });
    expect(resolutionErrors(error, sent)).toEqual({ 'app-c.amount': 'Schválení by překročilo alokaci okruhu.' });
  });

  it('keeps the resolution’s own fields, the missing reason without a commission, and nothing for a problem of no row', () => {
    const fields = new ProblemError({ status: 422, code: 'VALIDATION_FAILED', errors: [{ field: 'number', code: 'X', message: 'Chybí číslo.' }] });
    expect(resolutionErrors(fields, sent)).toEqual({ number: 'Chybí číslo.' });
    const session = new ProblemError({ status: 409, code: 'COMMISSION_SESSION_NOT_CLOSED', detail: 'Uveďte důvod.' });
    expect(resolutionErrors(session, sent)).toEqual({ withoutCommissionReason: 'Uveďte důvod.' });
    expect(resolutionErrors(new ProblemError({ status: 409, code: 'CALL_NOT_IN_EVALUATION', detail: 'x' }), sent)).toBeNull();
    expect(resolutionErrors(new Error('bug'), sent)).toBeNull();
  });
});
