/**
 * The auditor's area (read only): the trace explorer, the action plan's fulfilment report (the strategy tree with its money, a node's projects,
 * one project's dossier down to each ledger entry) and the audit log. Every view's filters are in its URL.
 */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { AnyRoute } from '@tanstack/react-router';

/** Strings and numbers stay as they are: the router writes numbers plainly (`rok=2023`) and quotes numeric strings. */
const searchOf = (search: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(search).filter(([, v]) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))) as Record<string, string | number>;

export function auditorRoutes(root: AnyRoute) {
  const page = (path: string, load: () => Promise<Record<string, unknown>>, name: string) =>
    createRoute({ getParentRoute: () => root, path, validateSearch: searchOf, component: lazyRouteComponent(load as never, name as never) });
  return [
    page('/kontrola', () => import('./home'), 'AuditorHomePage'),
    page('/kontrola/strategie', () => import('./trace'), 'TraceExplorerPage'),
    page('/kontrola/strategie/$nodeId', () => import('./node'), 'TraceNodePage'),
    page('/kontrola/projekty/$applicationId', () => import('./dossier'), 'DossierPage'),
    page('/kontrola/plneni', () => import('./fulfilment'), 'FulfilmentPage'),
    page('/kontrola/auditni-log', () => import('./audit-log'), 'AuditLogPage'),
  ];
}
