import { ArgumentMetadata, ValidationError, ValidationPipe } from '@nestjs/common';
import { DomainError, FieldError, LocalisedText } from '#core';

/** Czech (and English) wording for the class-validator constraints the DTOs use. */
const MESSAGES: Record<string, (field: string) => LocalisedText> = {
  isEmail: (f) => ({ cs: `Pole „${f}“ musí obsahovat platnou e-mailovou adresu.`, en: `Field "${f}" must be a valid e-mail address.` }),
  isString: (f) => ({ cs: `Pole „${f}“ musí být text.`, en: `Field "${f}" must be text.` }),
  minLength: (f) => ({ cs: `Pole „${f}“ je příliš krátké.`, en: `Field "${f}" is too short.` }),
  maxLength: (f) => ({ cs: `Pole „${f}“ je příliš dlouhé.`, en: `Field "${f}" is too long.` }),
  isIn: (f) => ({ cs: `Pole „${f}“ obsahuje hodnotu, která není na výběr.`, en: `Field "${f}" has a value that is not one of the options.` }),
  isInt: (f) => ({ cs: `Pole „${f}“ musí být celé číslo.`, en: `Field "${f}" must be a whole number.` }),
  min: (f) => ({ cs: `Pole „${f}“ je menší, než je dovoleno.`, en: `Field "${f}" is below the minimum.` }),
  max: (f) => ({ cs: `Pole „${f}“ je větší, než je dovoleno.`, en: `Field "${f}" is above the maximum.` }),
  isArray: (f) => ({ cs: `Pole „${f}“ musí být seznam.`, en: `Field "${f}" must be a list.` }),
  arrayNotEmpty: (f) => ({ cs: `Seznam „${f}“ nesmí být prázdný.`, en: `List "${f}" must not be empty.` }),
  isBoolean: (f) => ({ cs: `Pole „${f}“ musí být ano/ne.`, en: `Field "${f}" must be true or false.` }),
  isUuid: (f) => ({ cs: `Pole „${f}“ musí být identifikátor UUID.`, en: `Field "${f}" must be a UUID.` }),
  isDateString: (f) => ({ cs: `Pole „${f}“ musí být datum ve tvaru RRRR-MM-DD.`, en: `Field "${f}" must be a date (YYYY-MM-DD).` }),
  isNotEmpty: (f) => ({ cs: `Pole „${f}“ je povinné.`, en: `Field "${f}" is required.` }),
  isDefined: (f) => ({ cs: `Pole „${f}“ je povinné.`, en: `Field "${f}" is required.` }),
  matches: (f) => ({ cs: `Pole „${f}“ nemá správný formát.`, en: `Field "${f}" has the wrong format.` }),
  isAmount: (f) => ({ cs: `Pole „${f}“ musí být částka v Kč, např. 125000.00.`, en: `Field "${f}" must be an amount in CZK, e.g. 125000.00.` }),
  isCalendarDate: (f) => ({ cs: `Pole „${f}“ musí být platné datum ve tvaru RRRR-MM-DD.`, en: `Field "${f}" must be a valid date (YYYY-MM-DD).` }),
  isIso8601: (f) => ({ cs: `Pole „${f}“ musí být datum a čas ve formátu ISO 8601.`, en: `Field "${f}" must be an ISO 8601 date-time.` }),
  arrayMaxSize: (f) => ({ cs: `Seznam „${f}“ má příliš mnoho položek.`, en: `List "${f}" has too many items.` }),
  nestedValidation: (f) => ({ cs: `Pole „${f}“ musí být objekt se správnou strukturou.`, en: `Field "${f}" must be an object of the right shape.` }),
  isObject: (f) => ({ cs: `Pole „${f}“ musí být objekt.`, en: `Field "${f}" must be an object.` }),
  isNumberString: (f) => ({ cs: `Pole „${f}“ musí být číslo.`, en: `Field "${f}" must be a number.` }),
  uniqueItems: (f) => ({ cs: `Seznam „${f}“ obsahuje některou položku vícekrát.`, en: `List "${f}" contains an item more than once.` }),
  nulCharacter: (f) => ({ cs: `Pole „${f}“ obsahuje nepovolený znak NUL (\\u0000).`, en: `Field "${f}" contains the forbidden NUL character (\\u0000).` }),
  loneSurrogate: (f) => ({ cs: `Pole „${f}“ obsahuje neplatný znak Unicode (osamocený surrogate).`, en: `Field "${f}" contains an invalid Unicode character (a lone surrogate).` }),
  whitelistValidation: (f) => ({ cs: `Pole „${f}“ zde není dovoleno.`, en: `Field "${f}" is not allowed here.` }),
};

function flatten(errors: ValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const own = Object.keys(error.constraints ?? {}).map((constraint) => ({
      field,
      code: constraint,
      message: (MESSAGES[constraint] ?? ((f: string) => ({ cs: `Pole „${f}“ je neplatné.`, en: `Field "${f}" is invalid.` })))(field),
    }));
    return [...own, ...flatten(error.children ?? [], field)];
  });
}

const fieldError = (field: string, code: string): FieldError => ({ field, code, message: MESSAGES[code](field) });

/** Deeper than any request the API accepts (an application draft is about 5 levels); JSON nested deeper is refused before anything recurses into it. */
export const MAX_INPUT_DEPTH = 32;
/** Keys that could reach an object's prototype: refused like any unknown field (class-transformer would silently skip them). */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);
// eslint-disable-next-line no-control-regex -- NUL is exactly what this looks for
const NUL = /\u0000/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

function textProblem(text: string): string | null {
  if (NUL.test(text)) return 'nulCharacter';
  if (LONE_SURROGATE.test(text)) return 'loneSurrogate';
  return null;
}

/**
 * What no request may carry, whatever its DTO: nesting deeper than MAX_INPUT_DEPTH (413, before class-transformer
 * recurses into it), NUL characters and lone surrogates in any text or key (PostgreSQL refuses both), and prototype
 * keys. Walks iteratively, so hostile nesting cannot overflow the stack here either. Field names as in validation errors.
 */
export function inspectInput(value: unknown, root: string): FieldError[] {
  const problems: FieldError[] = [];
  // Depth first in document order: children are pushed in reverse, so the field errors read top to bottom.
  const stack: { value: unknown; path: string; depth: number; badKey?: string }[] = [{ value, path: root, depth: 0 }];
  while (stack.length > 0) {
    const { value: current, path, depth, badKey } = stack.pop()!;
    if (badKey) {
      problems.push(fieldError(path, badKey));
      continue;
    }
    if (typeof current === 'string') {
      const code = textProblem(current);
      if (code) problems.push(fieldError(path || 'body', code));
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (depth >= MAX_INPUT_DEPTH) {
      throw new DomainError('INPUT_TOO_DEEP', 'too_large', {
        cs: `Požadavek je vnořen příliš hluboko (nejvýše ${MAX_INPUT_DEPTH} úrovní${path ? `, pole „${path}“` : ''}).`,
        en: `The request is nested too deeply (at most ${MAX_INPUT_DEPTH} levels${path ? `, field "${path}"` : ''}).`,
      });
    }
    for (const key of Object.keys(current).reverse()) {
      const badKey = PROTOTYPE_KEYS.has(key) ? 'whitelistValidation' : (textProblem(key) ?? undefined);
      stack.push({ value: (current as Record<string, unknown>)[key], path: path ? `${path}.${key}` : key, depth: depth + 1, badKey });
    }
  }
  return problems;
}

/**
 * Strict whitelisting: unknown fields are refused, so nothing a client posts can set a status or an owner.
 * Every body, query and path parameter is inspected first (inspectInput): the one place that keeps hostile
 * text and nesting away from the DTOs, the services and PostgreSQL.
 */
class GuardedValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query' || metadata.type === 'param') {
      const problems = inspectInput(value, metadata.data ?? '');
      if (problems.length > 0) throw DomainError.validation(problems);
    }
    return super.transform(value, metadata);
  }
}

export function createValidationPipe(): ValidationPipe {
  return new GuardedValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => DomainError.validation(flatten(errors)),
  });
}
