import { formatCzechDateTime, StatusMachine } from '#core';

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

/** Why the clock ended an application whose remedy deadline passed unanswered (history, end reason). */
export const remedyLapsedReason = (deadlineAt: Date) => `Vady nebyly odstraněny ve lhůtě do ${formatCzechDateTime(deadlineAt)}.`;

/**
 * The status as at `now`, for reading: an open remedy request whose deadline has passed has ended the
 * application even before the worker's clock stores the move (`ApplicationService.advanceByClock`),
 * so reads derive it and never write (as calls do with `callStatusAt`).
 */
export function applicationStatusAt(status: ApplicationStatus, openRemedyDeadline: Date | null, now: Date): ApplicationStatus {
  return status === 'remedy_requested' && openRemedyDeadline && openRemedyDeadline <= now ? APPLICATION_MACHINE.assert('miss_remedy_deadline', status) : status;
}
