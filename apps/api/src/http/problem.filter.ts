import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { Request, Response } from 'express';
import { randomUUID } from 'node:crypto';
import { DomainError, ErrorKind, LocalisedText, RESERVED_PROBLEM_MEMBERS } from '#core';
import { UnauditedChangeError } from '#database';

/** The one mapping from domain error kinds to HTTP. */
const STATUS: Record<ErrorKind, number> = {
  malformed: 400,
  too_large: 413,
  validation: 422,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  unavailable: 503,
};

/** Members the body owns besides RFC 9457's: a detail of the same name is dropped, never spread over them. */
const OWN_MEMBERS = new Set<string>([...RESERVED_PROBLEM_MEMBERS, 'detail_cs', 'detail_en', 'errors', 'correlationId']);

const TITLES: Record<number, LocalisedText> = {
  400: { cs: 'Chybný požadavek', en: 'Bad request' },
  401: { cs: 'Nepřihlášen', en: 'Not signed in' },
  403: { cs: 'Nedostatečné oprávnění', en: 'Forbidden' },
  404: { cs: 'Nenalezeno', en: 'Not found' },
  409: { cs: 'Konflikt', en: 'Conflict' },
  413: { cs: 'Příliš velký požadavek', en: 'Payload too large' },
  422: { cs: 'Neplatné údaje', en: 'Invalid data' },
  429: { cs: 'Příliš mnoho pokusů', en: 'Too many requests' },
  500: { cs: 'Chyba serveru', en: 'Server error' },
  503: { cs: 'Služba nedostupná', en: 'Service unavailable' },
};

function fromHttpException(exception: HttpException): DomainError {
  const status = exception.getStatus();
  if (status === 404) return new DomainError('ROUTE_NOT_FOUND', 'not_found', { cs: 'Tato adresa neexistuje.', en: 'No such route.' });
  if (status === 413) {
    // With a cause: the JSON body parser's limit; without one: multer's file size limit.
    return new DomainError(
      'PAYLOAD_TOO_LARGE',
      'too_large',
      exception.cause !== undefined
        ? { cs: 'Tělo požadavku je příliš velké (nejvýše 1 MB).', en: 'The request body is too large (at most 1 MB).' }
        : { cs: 'Soubor je větší, než je dovoleno.', en: 'The file is larger than allowed.' },
    );
  }
  // The platform maps the body parser's and the URL decoder's failures to 400 with the cause attached.
  if (exception.cause instanceof SyntaxError) {
    return new DomainError('INVALID_JSON', 'malformed', { cs: 'Tělo požadavku není platný JSON.', en: 'The request body is not valid JSON.' });
  }
  if (exception.cause !== undefined) {
    return new DomainError('BAD_REQUEST', 'malformed', {
      cs: 'Požadavek nelze přečíst (chybné kódování adresy nebo těla).',
      en: 'The request cannot be read (bad encoding of the address or the body).',
    });
  }
  // A parameter pipe (ParseUUIDPipe, ParseIntPipe) or multer (an unexpected or extra form part).
  return new DomainError('BAD_REQUEST', 'validation', {
    cs: 'Požadavek obsahuje neplatnou hodnotu (např. identifikátor v adrese nebo nečekanou část formuláře).',
    en: 'The request holds an invalid value (e.g. an identifier in the address, or an unexpected form part).',
  });
}

/**
 * Answers every error as application/problem+json (RFC 9457): a stable code, a human message in the
 * caller's language (Czech by default, the other language alongside), and field errors. Unexpected
 * errors become a 500 that carries only a correlation id; the details go to the log.
 */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('HTTP');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<Request & { actor?: { correlationId: string; language: 'cs' | 'en' } }>();
    const response = http.getResponse<Response>();
    const correlationId = request.actor?.correlationId ?? randomUUID();
    const language = request.actor?.language ?? (/^\s*en\b/i.test(String(request.headers['accept-language'] ?? '')) ? 'en' : 'cs');
    const other = language === 'cs' ? 'en' : 'cs';

    let error: DomainError | null = null;
    if (exception instanceof DomainError) error = exception;
    else if (exception instanceof HttpException && exception.getStatus() < 500) error = fromHttpException(exception);
    else if (isUniqueViolation(exception)) {
      error = DomainError.conflict('DUPLICATE', { cs: 'Takový záznam už existuje.', en: 'Such a record already exists.' });
    }

    if (!error) {
      if (exception instanceof UnauditedChangeError) this.logger.error(`[${correlationId}] programming error: ${exception.message}`);
      this.logger.error(`[${correlationId}] ${exception instanceof Error ? (exception.stack ?? exception.message) : String(exception)}`);
      response
        .status(500)
        .type('application/problem+json')
        .json({
          type: 'urn:grants:error:INTERNAL',
          title: TITLES[500][language],
          status: 500,
          code: 'INTERNAL',
          detail: language === 'cs' ? `Neočekávaná chyba. Uveďte prosím kód ${correlationId}.` : `Unexpected error. Please quote ${correlationId}.`,
          correlationId,
        });
      return;
    }

    const status = STATUS[error.kind];
    response
      .status(status)
      .type('application/problem+json')
      .json({
        // RFC 9457: `status` is the HTTP status, and so on; details keep their own names beside the problem's members.
        ...Object.fromEntries(Object.entries(error.details).filter(([key]) => !OWN_MEMBERS.has(key))),
        type: `urn:grants:error:${error.code}`,
        title: (TITLES[status] ?? TITLES[400])[language],
        status,
        code: error.code,
        detail: error.text[language],
        [`detail_${other}`]: error.text[other],
        ...(error.fields.length > 0
          ? { errors: error.fields.map((f) => ({ field: f.field, code: f.code, message: f.message[language], [`message_${other}`]: f.message[other] })) }
          : {}),
        correlationId,
      });
  }
}

function isUniqueViolation(exception: unknown): boolean {
  return typeof exception === 'object' && exception !== null && (exception as { driverError?: { code?: string } }).driverError?.code === '23505';
}
