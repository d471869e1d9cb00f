/**
 * The commission area (members, the chair, and staff as the commission's secretary). The system's e-mails link
 * to /hodnoceni and /hodnoceni/<callId>; the scoring and the session pages hang below the call.
 */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { AnyRoute } from '@tanstack/react-router';
import { prefetchScoring } from '../../features/commission/api';

export function commissionRoutes(root: AnyRoute) {
  const page = (path: string, load: () => Promise<Record<string, unknown>>, name: string, prefetch?: (params: Record<string, string>) => void) =>
    createRoute({
      getParentRoute: () => root,
      path,
      component: lazyRouteComponent(load as never, name as never),
      ...(prefetch ? { loader: ({ params }: { params: Record<string, string> }) => prefetch(params) } : {}),
    });
  return [
    page('/hodnoceni', () => import('./commissions'), 'CommissionsPage'),
    page('/hodnoceni/$callId', () => import('./commission'), 'CommissionPage'),
    // The scoring page's data is asked for as soon as the address is known, beside its code and the sign-in check.
    page(
      '/hodnoceni/$callId/zadosti/$applicationId',
      () => import('./scoring'),
      'ScoringPage',
      (params) => prefetchScoring(params.callId, params.applicationId),
    ),
    page('/hodnoceni/$callId/jednani/$sessionId', () => import('./session'), 'SessionPage'),
  ];
}
