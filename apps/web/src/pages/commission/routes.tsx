/** The commission area: not built in the portal yet; the paths the system's e-mails link to already exist. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { AnyRoute } from '@tanstack/react-router';

export function commissionRoutes(root: AnyRoute) {
  const page = (path: string) => createRoute({ getParentRoute: () => root, path, component: lazyRouteComponent(() => import('./placeholder'), 'CommissionPlaceholder') });
  return [page('/hodnoceni'), page('/hodnoceni/$callId')];
}
