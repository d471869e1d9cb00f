/** The auditor area: not built in the portal yet; the paths the system's e-mails link to already exist. */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { AnyRoute } from '@tanstack/react-router';

export function auditorRoutes(root: AnyRoute) {
  const page = (path: string) => createRoute({ getParentRoute: () => root, path, component: lazyRouteComponent(() => import('./placeholder'), 'AuditorPlaceholder') });
  return [page('/kontrola')];
}
