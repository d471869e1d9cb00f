import { useLocation, useNavigate } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { useSession } from '../api/session';
import type { Role } from '../api/session';

/** A signed-in area: anonymous visitors go to sign-in (and come back), the wrong role is told so. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { status, user } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const redirected = useRef(false);
  useEffect(() => {
    // Once: the page stays mounted while the sign-in page loads, and every location update re-renders it.
    if (status !== 'anonymous' || redirected.current) return;
    redirected.current = true;
    void navigate({ to: '/prihlaseni', search: { dalsi: location.href }, replace: true });
  }, [status, location.href, navigate]);
  if (!user)
    return (
      <p role="status">
        <FormattedMessage id="common.loading" />
      </p>
    );
  if (!roles.some((role) => user.roles.includes(role))) {
    return (
      <>
        <h1>
          <FormattedMessage id="common.forbidden.title" />
        </h1>
        <p>
          <FormattedMessage id="common.forbidden.text" />
        </p>
      </>
    );
  }
  return <>{children}</>;
}
