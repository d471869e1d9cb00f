/**
 * The programme staff's area: dashboard, call editor and overview, amendments, the applications table and the
 * formal check; agreements: the list waiting for the register, drawing one, and /smlouvy/<id> (the system's e-mails
 * link there; the recipient signs there too).
 */
import { createRoute, lazyRouteComponent } from '@tanstack/react-router';
import type { AnyRoute } from '@tanstack/react-router';

const searchOf = (search: Record<string, unknown>) => Object.fromEntries(Object.entries(search).filter(([, v]) => typeof v === 'string')) as Record<string, string>;

export function staffRoutes(root: AnyRoute) {
  const page = (path: string, load: () => Promise<Record<string, unknown>>, name: string) =>
    createRoute({ getParentRoute: () => root, path, validateSearch: searchOf, component: lazyRouteComponent(load as never, name as never) });
  const callPages = () => import('./call');
  return [
    page('/sprava', () => import('./dashboard'), 'StaffDashboardPage'),
    page('/sprava/vyzvy/nova', callPages, 'NewCallPage'),
    page('/sprava/vyzvy/$callId', callPages, 'CallPage'),
    page('/sprava/vyzvy/$callId/zmena', () => import('./amendment'), 'AmendmentPage'),
    page('/sprava/vyzvy/$callId/zadosti', () => import('./applications'), 'ApplicationsTablePage'),
    page('/sprava/vyzvy/$callId/rozhodnuti', () => import('./decisions'), 'DecisionsPage'),
    page('/sprava/vyzvy/$callId/rozhodnuti/usneseni', () => import('./decisions-resolution'), 'ResolutionPage'),
    page('/sprava/zadosti/$applicationId', () => import('./formal-check'), 'FormalCheckPage'),
    page('/sprava/platby', () => import('./payments'), 'PaymentsDuePage'),
    page('/sprava/platby/prikazy', () => import('./payments-orders'), 'PaymentOrdersPage'),
    page('/sprava/platby/banka', () => import('./payments-bank'), 'PaymentBankPage'),
    page('/sprava/platby/vypisy', () => import('./payments-statements'), 'BankStatementsPage'),
    page('/sprava/vyuctovani', () => import('./settlements'), 'SettlementsPage'),
    page('/sprava/vyuctovani/$settlementId', () => import('./settlement-check'), 'SettlementCheckPage'),
    page('/sprava/smlouvy/$agreementId/poruseni', () => import('./breaches'), 'BreachesPage'),
    page('/sprava/smlouvy', () => import('./agreements'), 'AgreementsPage'),
    page('/sprava/zadosti/$applicationId/smlouva', () => import('./agreement-new'), 'NewAgreementPage'),
    page('/smlouvy/$agreementId', () => import('./agreement'), 'AgreementPage'),
  ];
}
