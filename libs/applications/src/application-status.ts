import { StatusMachine } from '#core';

export const APPLICATION_STATUSES = ['draft', 'submitted', 'remedy_requested', 'accepted', 'excluded', 'withdrawn'] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export type ApplicationAction = 'submit' | 'request_remedy' | 'answer_remedy' | 'miss_remedy_deadline' | 'accept' | 'exclude' | 'withdraw';

/**
 * The application lifecycle up to the formal check. Submitting again before the deadline is
 * `submit` from `submitted` (the last version counts). Evaluation and decisions extend this table
 * in their own issues.
 */
export const APPLICATION_MACHINE = new StatusMachine<ApplicationStatus, ApplicationAction>(
  'application',
  {
    submit: { from: ['draft', 'submitted'], to: 'submitted' },
    request_remedy: { from: ['submitted'], to: 'remedy_requested' },
    answer_remedy: { from: ['remedy_requested'], to: 'submitted' },
    miss_remedy_deadline: { from: ['remedy_requested'], to: 'excluded' },
    accept: { from: ['submitted'], to: 'accepted' },
    exclude: { from: ['submitted', 'remedy_requested'], to: 'excluded' },
    withdraw: { from: ['draft', 'submitted', 'remedy_requested', 'accepted'], to: 'withdrawn' },
  },
  {
    draft: { cs: 'rozpracovaná', en: 'draft' },
    submitted: { cs: 'podaná', en: 'submitted' },
    remedy_requested: { cs: 'výzva k odstranění vad', en: 'remedy requested' },
    accepted: { cs: 'formálně v pořádku', en: 'formally accepted' },
    excluded: { cs: 'vyřazená', en: 'excluded' },
    withdrawn: { cs: 'stažená žadatelem', en: 'withdrawn' },
  },
  {
    submit: { cs: 'podat žádost', en: 'submit' },
    request_remedy: { cs: 'vyzvat k odstranění vad', en: 'request a remedy' },
    answer_remedy: { cs: 'odstranit vady', en: 'answer the remedy request' },
    miss_remedy_deadline: { cs: 'marně uplynula lhůta k odstranění vad', en: 'miss the remedy deadline' },
    accept: { cs: 'uznat formálně v pořádku', en: 'accept' },
    exclude: { cs: 'vyřadit', en: 'exclude' },
    withdraw: { cs: 'stáhnout žádost', en: 'withdraw' },
  },
);
