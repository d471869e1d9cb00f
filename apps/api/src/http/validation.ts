import { ValidationError, ValidationPipe } from '@nestjs/common';
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

/** Strict whitelisting: unknown fields are refused, so nothing a client posts can set a status or an owner. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => DomainError.validation(flatten(errors)),
  });
}
