/**
 * Domain errors carry a stable machine-readable code and a message in Czech (first) and English.
 * They never know about HTTP: the API edge maps `kind` to a status code in exactly one place.
 */
export type ErrorKind =
  | 'malformed' // the request body cannot be read at all, e.g. invalid JSON (400)
  | 'too_large' // the request is too large or too deeply nested to be read (413)
  | 'validation' // a field is invalid (422)
  | 'unauthenticated' // no or bad credentials (401)
  | 'forbidden' // authenticated but not allowed (403)
  | 'not_found' // the object does not exist or is invisible to the caller (404)
  | 'conflict' // the object changed meanwhile or the state does not allow it (409)
  | 'rate_limited' // too many attempts (429)
  | 'unavailable'; // a dependency is down (503)

export interface LocalisedText {
  cs: string;
  en: string;
}

export interface FieldError {
  field: string;
  code: string;
  message: LocalisedText;
}

/** RFC 9457 members (and our `code`) that the problem+json body owns: details can never overwrite them. */
export const RESERVED_PROBLEM_MEMBERS = ['type', 'title', 'status', 'detail', 'instance', 'code'] as const;

/** Extra members of the problem+json body; a reserved name is a type error (say `currentStatus`, not `status`). */
export type ProblemDetails = Record<string, unknown> & { [K in (typeof RESERVED_PROBLEM_MEMBERS)[number]]?: never };

export class DomainError extends Error {
  constructor(
    readonly code: string,
    readonly kind: ErrorKind,
    readonly text: LocalisedText,
    readonly fields: FieldError[] = [],
    readonly details: ProblemDetails = {},
  ) {
    super(text.en);
    this.name = 'DomainError';
  }

  static validation(fields: FieldError[], code = 'VALIDATION_FAILED'): DomainError {
    const names = [...new Set(fields.map((f) => f.field))].join(', ');
    return new DomainError(code, 'validation', { cs: `Neplatné údaje v polích: ${names}.`, en: `Invalid data in fields: ${names}.` }, fields);
  }

  /** One bad field: its own message is the error's message. */
  static field(field: string, code: string, message: LocalisedText): DomainError {
    return new DomainError(code, 'validation', message, [{ field, code, message }]);
  }

  static notFound(objectType: string, id: string): DomainError {
    return new DomainError(
      `${objectType.toUpperCase()}_NOT_FOUND`,
      'not_found',
      { cs: `Záznam (${objectType}) ${id} neexistuje nebo k němu nemáte přístup.`, en: `${objectType} ${id} does not exist or is not visible to you.` },
      [],
      { objectType, id },
    );
  }

  static forbidden(code = 'ACCESS_DENIED', text?: LocalisedText): DomainError {
    return new DomainError(code, 'forbidden', text ?? { cs: 'K této akci nemáte oprávnění.', en: 'You are not allowed to do this.' });
  }

  static unauthenticated(code = 'NOT_AUTHENTICATED', text?: LocalisedText): DomainError {
    return new DomainError(code, 'unauthenticated', text ?? { cs: 'Přihlaste se prosím.', en: 'Please sign in.' });
  }

  /** Optimistic concurrency: the caller's version is stale. The current state travels with the answer, so nothing is silently overwritten. */
  static staleVersion(current: unknown): DomainError {
    return DomainError.conflict(
      'STALE_VERSION',
      {
        cs: 'Záznam mezitím změnil někdo jiný. Aktuální stav je v odpovědi; změnu proveďte znovu nad ním.',
        en: 'Someone else changed the record meanwhile. The current state is in the response; repeat your change on top of it.',
      },
      { current },
    );
  }

  static conflict(code: string, text: LocalisedText, details: ProblemDetails = {}): DomainError {
    return new DomainError(code, 'conflict', text, [], details);
  }
}
