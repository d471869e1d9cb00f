import { Navigate, useLocation } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { useSession } from '../api/session';
import type { Role } from '../api/session';

/** A signed-in area: anonymous visitors go to sign-in (and come back), the wrong role is told so. */
export function RequireRole({ roles, children }: { roles: Role[]; children: ReactNode }) {
  const { status, user } = useSession();
  const location = useLocation();
  if (status === 'loading') return <p role="status"><FormattedMessage id="common.loading" /></p>;
  if (!user) return <Navigate to="/prihlaseni" search={{ dalsi: location.href }} replace />;
  if (!roles.some((role) => user.roles.includes(role))) {
    return (
      <>
        <h1><FormattedMessage id="common.forbidden.title" /></h1>
        <p><FormattedMessage id="common.forbidden.text" /></p>
      </>
    );
  }
  return <>{children}</>;
}
