/**
 * Before an idle session ends: a modal dialog, announced to screen readers (role="alertdialog", focus moved
 * into it), with a button to stay signed in; focus returns where it was when it closes.
 */
import { useEffect, useRef } from 'react';
import { FormattedMessage } from 'react-intl';
import { useSession } from '../api/session';

export function SessionWarning() {
  const { warningSecondsLeft, staySignedIn, signOut } = useSession();
  const open = warningSecondsLeft !== null;
  const stay = useRef<HTMLButtonElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (!open) return;
    returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    stay.current?.focus();
    return () => returnTo.current?.focus();
  }, [open]);
  if (!open) return null;
  const minutes = Math.floor(warningSecondsLeft / 60);
  const seconds = warningSecondsLeft % 60;
  return (
    <div className="dialog-backdrop">
      <div
        className="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="session-warning-title"
        aria-describedby="session-warning-text"
        onKeyDown={(event) => {
          if (event.key === 'Escape') void staySignedIn();
          if (event.key === 'Tab') {
            // Keep focus inside the dialog (two buttons).
            const buttons = Array.from(event.currentTarget.querySelectorAll('button'));
            const index = buttons.indexOf(document.activeElement as HTMLButtonElement);
            event.preventDefault();
            buttons[(index + (event.shiftKey ? buttons.length - 1 : 1)) % buttons.length]?.focus();
          }
        }}
      >
        <h2 id="session-warning-title">
          <FormattedMessage id="common.session.warningTitle" />
        </h2>
        <p id="session-warning-text">
          <FormattedMessage id="common.session.warningText" values={{ minutes, seconds }} />
        </p>
        <div className="actions">
          <button ref={stay} type="button" className="gov-button" data-type="solid" data-color="primary" data-size="m" onClick={() => void staySignedIn()}>
            <FormattedMessage id="common.session.stay" />
          </button>
          <button type="button" className="gov-button" data-type="outlined" data-color="primary" data-size="m" onClick={() => void signOut('user')}>
            <FormattedMessage id="common.session.signOutNow" />
          </button>
        </div>
      </div>
    </div>
  );
}
