import { DomainError, LocalisedText } from './domain-error.js';

export interface Transition<S extends string> {
  from: readonly S[];
  to: S;
}

/**
 * A status machine written as data: the table of actions, which statuses each may start from and
 * where it leads. Services call `assert(action, current)` before a change, so a transition that is
 * not in the table cannot happen, and the table itself documents the lifecycle.
 */
export class StatusMachine<S extends string, A extends string> {
  constructor(
    readonly objectType: string,
    readonly transitions: Readonly<Record<A, Transition<S>>>,
    private readonly statusNames: Readonly<Record<S, LocalisedText>>,
    private readonly actionNames: Readonly<Record<A, LocalisedText>>,
  ) {}

  can(action: A, current: S): boolean {
    return this.transitions[action].from.includes(current);
  }

  /** The status the action leads to, or a 409 naming the current status and the allowed ones. */
  assert(action: A, current: S): S {
    const transition = this.transitions[action];
    if (!transition.from.includes(current)) {
      const allowed = (lang: 'cs' | 'en') => transition.from.map((s) => this.statusNames[s][lang]).join(', ');
      throw DomainError.conflict(
        'INVALID_STATE',
        {
          cs: `Akci „${this.actionNames[action].cs}“ nelze provést ve stavu „${this.statusNames[current].cs}“ (je možná ve stavu: ${allowed('cs')}).`,
          en: `Cannot ${this.actionNames[action].en} in status "${this.statusNames[current].en}" (allowed in: ${allowed('en')}).`,
        },
        { objectType: this.objectType, action, currentStatus: current, allowedFrom: transition.from },
      );
    }
    return transition.to;
  }

  statusName(status: S): LocalisedText {
    return this.statusNames[status];
  }

  actionsFrom(current: S): A[] {
    return (Object.keys(this.transitions) as A[]).filter((a) => this.can(a, current));
  }
}
