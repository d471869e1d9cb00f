/**
 * The commission area (members, the chair, and staff as the commission's secretary). The system's e-mails link
 * to /hodnoceni and /hodnoceni/<callId>; the scoring and the session pages hang below the call.
 */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { AnyRoute } from '@tanstack/react-router';

export function commissionRoutes(root: AnyRoute) {
  const page = (path: string, load: () => Promise<Record<string, unknown>>, name: string) =>
    createRoute({ getParentRoute: () => root, path, component: lazyRouteComponent(load as never, name as never) });
  return [
    page('/hodnoceni', () => import('./commissions'), 'CommissionsPage'),
    page('/hodnoceni/$callId', () => import('./commission'), 'CommissionPage'),
    page('/hodnoceni/$callId/zadosti/$applicationId', () => import('./scoring'), 'ScoringPage'),
    page('/hodnoceni/$callId/jednani/$sessionId', () => import('./session'), 'SessionPage'),
  ];
}
