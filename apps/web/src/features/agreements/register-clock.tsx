/**
 * The Registr smluv clock of an agreement, as the server computed it (state and dates): the state in words
 * (never colour alone), the day since signature, and the days it warns, is overdue and becomes void.
 */
import { FormattedMessage } from 'react-intl';
import { useFormat } from '../../lib/use-format';
import type { AgreementStatus, RegisterClock as Clock, RegisterState } from './api';

const TONE: Record<RegisterState, string> = {
  not_required: '',
  not_signed: '',
  pending: 'status-tag--todo',
  warning: 'status-tag--todo',
  overdue: 'status-tag--error',
  void: 'status-tag--error',
  published: 'status-tag--done',
};

export function RegisterStateTag({ state }: { state: RegisterState }) {
  return (
    <strong className={`status-tag ${TONE[state]}`}>
      <FormattedMessage id={`agreements.register.${state}`} />
    </strong>
  );
}

export function StatusTag({ status }: { status: AgreementStatus }) {
  const tone = status === 'effective' ? 'status-tag--done' : status === 'void' ? 'status-tag--error' : 'status-tag--todo';
  return (
    <strong className={`status-tag ${tone}`}>
      <FormattedMessage id={`agreements.status.${status}`} />
    </strong>
  );
}

/** "Den 21 od uzavření; varování od …, po lhůtě od …, neplatná od …" — or nothing while the clock does not run. */
export function RegisterClockText({ clock }: { clock: Clock | null | undefined }) {
  const f = useFormat();
  if (!clock) return null;
  return (
    <span className="register-clock">
      <FormattedMessage
        id="agreements.register.clock"
        values={{
          day: clock.day,
          signedOn: f.date(clock.signedOn),
          warningFrom: f.date(clock.warningFrom),
          overdueFrom: f.date(clock.overdueFrom),
          voidFrom: f.date(clock.voidFrom),
        }}
      />
    </span>
  );
}
