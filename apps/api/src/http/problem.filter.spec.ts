import type { ArgumentsHost } from '@nestjs/common';
import { DomainError, ProblemDetails } from '#core';
import { ProblemFilter } from './problem.filter.js';

/** Runs the filter on one error and returns what it answered. */
function answer(error: unknown): { status: number; body: Record<string, unknown> } {
  const sent: { status: number; body: Record<string, unknown> } = { status: 0, body: {} };
  const response = {
    status(code: number) {
      sent.status = code;
      return this;
    },
    type() {
      return this;
    },
    json(body: Record<string, unknown>) {
      sent.body = body;
      return this;
    },
  };
  const host = { switchToHttp: () => ({ getRequest: () => ({ headers: {} }), getResponse: () => response }) } as unknown as ArgumentsHost;
  new ProblemFilter().catch(error, host);
  return sent;
}

describe('ProblemFilter', () => {
  it('never lets details overwrite the reserved problem members (RFC 9457 `status` is the HTTP status)', () => {
    // The type forbids it; a cast (or a detail object built at run time) must still not win.
    const hostile = {
      status: 'paid',
      type: 'x',
      title: 'x',
      detail: 'x',
      instance: 'x',
      code: 'x',
      errors: 'x',
      correlationId: 'x',
      currentStatus: 'paid',
    } as unknown as ProblemDetails;
    const { status, body } = answer(DomainError.conflict('INVALID_STATE', { cs: 'Platba je zaplacena.', en: 'The payment is paid.' }, hostile));
    expect(status).toBe(409);
    expect(body).toMatchObject({
      type: 'urn:grants:error:INVALID_STATE',
      title: 'Konflikt',
      status: 409,
      detail: 'Platba je zaplacena.',
      code: 'INVALID_STATE',
      currentStatus: 'paid',
    });
    expect(body.instance).toBeUndefined();
    expect(body.correlationId).not.toBe('x');
  });

  it('lists each field once in the summary of a validation error', () => {
    const message = { cs: 'špatně', en: 'wrong' };
    const { body } = answer(
      DomainError.validation([
        { field: 'name', code: 'isString', message },
        { field: 'name', code: 'minLength', message },
        { field: 'ico', code: 'matches', message },
      ]),
    );
    expect(body).toMatchObject({ status: 422, detail: 'Neplatné údaje v polích: name, ico.' });
    expect((body.errors as unknown[]).length).toBe(3);
  });
});
