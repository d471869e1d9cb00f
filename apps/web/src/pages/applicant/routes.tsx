/**
 * The applicant's area. Routes here; pages in this folder, each loaded lazily.
 * E-mails link to /zadosti/<id> and /nastaveni/oznameni, so those paths must keep existing.
 */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { AnyRoute } from '@tanstack/react-router';

const searchOf = (search: Record<string, unknown>) => Object.fromEntries(Object.entries(search).filter(([, v]) => typeof v === 'string')) as Record<string, string>;

export function applicantRoutes(root: AnyRoute) {
  const page = (path: string, load: () => Promise<Record<string, unknown>>, name: string) =>
    createRoute({ getParentRoute: () => root, path, validateSearch: searchOf, component: lazyRouteComponent(load as never, name as never) });
  const parts = () => import('./parts');
  return [
    page('/zadosti', () => import('./dashboard'), 'ApplicationsPage'),
    page('/organizace', () => import('./organisations'), 'OrganisationsPage'),
    page('/organizace/$organisationId', () => import('./organisations'), 'OrganisationPage'),
    page('/zadosti/$applicationId', () => import('./application'), 'ApplicationPage'),
    page('/zadosti/$applicationId/projekt', parts, 'ProjectPartPage'),
    page('/zadosti/$applicationId/zadatel', parts, 'ApplicantPartPage'),
    page('/zadosti/$applicationId/rozpocet', parts, 'BudgetPartPage'),
    page('/zadosti/$applicationId/aktivity', parts, 'ActivitiesPartPage'),
    page('/zadosti/$applicationId/prilohy', () => import('./annexes'), 'AnnexesPartPage'),
    page('/zadosti/$applicationId/prohlaseni', parts, 'DeclarationsPartPage'),
    page('/zadosti/$applicationId/kontrola', () => import('./review'), 'ReviewPage'),
    page('/zadosti/$applicationId/potvrzeni/$versionNo', () => import('./receipt'), 'ReceiptPage'),
    page('/vyuctovani/$agreementId', () => import('./settlement'), 'SettlementPage'),
    page('/oznameni', () => import('../../features/notifications/notifications-pages'), 'NotificationsPage'),
    page('/nastaveni/oznameni', () => import('../../features/notifications/notifications-pages'), 'PreferencesPage'),
  ];
}
