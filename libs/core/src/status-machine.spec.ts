import 'reflect-metadata';
import { DomainError } from './domain-error.js';
import { StatusMachine } from './status-machine.js';

describe('StatusMachine', () => {
  const machine = new StatusMachine<'a' | 'b' | 'c', 'go' | 'back'>(
    'thing',
    { go: { from: ['a'], to: 'b' }, back: { from: ['b', 'c'], to: 'a' } },
    { a: { cs: 'první', en: 'first' }, b: { cs: 'druhý', en: 'second' }, c: { cs: 'třetí', en: 'third' } },
    { go: { cs: 'pokračovat', en: 'go on' }, back: { cs: 'vrátit', en: 'go back' } },
  );

  it('allows only the transitions in its table', () => {
    expect(machine.assert('go', 'a')).toBe('b');
    expect(machine.actionsFrom('b')).toEqual(['back']);
    expect(machine.can('go', 'c')).toBe(false);
  });

  it('refuses others with a 409 naming the current and the allowed statuses in Czech', () => {
    try {
      machine.assert('go', 'c');
      throw new Error('not refused');
    } catch (error) {
      expect(error).toBeInstanceOf(DomainError);
      expect((error as DomainError).code).toBe('INVALID_STATE');
      expect((error as DomainError).kind).toBe('conflict');
      expect((error as DomainError).text.cs).toBe('Akci „pokračovat“ nelze provést ve stavu „třetí“ (je možná ve stavu: první).');
      expect((error as DomainError).details).toMatchObject({ currentStatus: 'c', allowedFrom: ['a'] });
    }
  });
});
