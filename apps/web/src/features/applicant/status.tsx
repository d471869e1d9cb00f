/** Status in plain words (from the API, in the user's language) and deadlines counting down. */
import { FormattedMessage } from 'react-intl';
import { useLanguage } from '../../i18n';
import { useFormat } from '../../lib/use-format';
import { useNow } from '../../lib/system-clock';
import type { ApplicationStatus, Localised } from './types';

const TONE: Record<ApplicationStatus, string> = {
  draft: 'status-tag--todo',
  submitted: 'status-tag--done',
  remedy_requested: 'status-tag--error',
  accepted: 'status-tag--done',
  excluded: 'status-tag--error',
  withdrawn: '',
};

export function StatusTag({ status, name }: { status: ApplicationStatus; name: Localised }) {
  const { locale } = useLanguage();
  return <strong className={`status-tag ${TONE[status] ?? ''}`}>{name[locale]}</strong>;
}

/** "zbývají 3 dny (do 15. 12. 2026 23:59)" on the system's clock (it may be moved outside production); refreshed every minute. */
export function Countdown({ until }: { until: string }) {
  const f = useFormat();
  const now = useNow();
  const ms = new Date(until).getTime() - now;
  if (ms <= 0)
    return (
      <span className="countdown">
        <FormattedMessage id="applicant.deadline.passed" values={{ when: f.dateTime(until) }} />
      </span>
    );
  const days = Math.floor(ms / 86_400_000);
  const hours = Math.floor((ms % 86_400_000) / 3_600_000);
  return (
    <span className="countdown">
      {days > 0 ? (
        <FormattedMessage id="applicant.deadline.days" values={{ days, when: f.dateTime(until) }} />
      ) : (
        <FormattedMessage id="applicant.deadline.hours" values={{ hours, minutes: Math.floor((ms % 3_600_000) / 60_000), when: f.dateTime(until) }} />
      )}
    </span>
  );
}
