/**
 * The applicant's area (issue 15, part B builds it). Routes here; pages in this folder, each loaded lazily.
 * E-mails link to /zadosti/<id> and /nastaveni/oznameni, so those paths must keep existing.
 */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { AnyRoute } from '@tanstack/react-router';

export function applicantRoutes(root: AnyRoute) {
  const page = (path: string) => createRoute({ getParentRoute: () => root, path, component: lazyRouteComponent(() => import('./placeholder'), 'ApplicantPlaceholder') });
  return [page('/zadosti'), page('/zadosti/$applicationId'), page('/nastaveni/oznameni')];
}
