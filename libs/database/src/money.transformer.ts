import { ValueTransformer } from 'typeorm';
import { Money } from '#core';

/** numeric(14,2) <-> Money. PostgreSQL hands numerics to node-postgres as strings, so nothing is ever a float. */
export const moneyTransformer: ValueTransformer = {
  to: (value: Money | null | undefined) => (value == null ? value : value.toString()),
  from: (value: string | null) => (value == null ? null : Money.parse(value)),
};
