import { ValidateBy, ValidationOptions } from 'class-validator';

const AMOUNT = /^\d{1,12}(\.\d{1,2})?$/;
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** A non-negative amount in CZK as a decimal string ("125000.00"): money never travels as a JSON number. */
export function IsAmount(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy({ name: 'isAmount', validator: { validate: (value) => typeof value === 'string' && AMOUNT.test(value) } }, options);
}

/** A calendar date "YYYY-MM-DD" that exists (no 31 February). */
export function IsCalendarDate(options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'isCalendarDate',
      validator: {
        validate: (value) => {
          if (typeof value !== 'string' || !ISO_DATE.test(value)) return false;
          const [y, m, d] = value.split('-').map(Number);
          const date = new Date(Date.UTC(y, m - 1, d));
          return date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
        },
      },
    },
    options,
  );
}

/**
 * A list in which nothing repeats: the ids themselves, or `key` of each item (e.g. `organisationId`).
 * Every list of ids in a request carries it, so a repeated id is a 422, never a unique-constraint crash.
 */
export function UniqueItems(key?: string, options?: ValidationOptions): PropertyDecorator {
  return ValidateBy(
    {
      name: 'uniqueItems',
      validator: {
        validate: (value) => {
          if (!Array.isArray(value)) return true; // the type is IsArray's business
          const keys = value.map((item: unknown) => (key && typeof item === 'object' && item !== null ? (item as Record<string, unknown>)[key] : item));
          return new Set(keys).size === keys.length;
        },
      },
    },
    options,
  );
}
