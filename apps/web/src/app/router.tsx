/**
 * Routes. Each area's pages load lazily (their own JavaScript chunk), so an anonymous visitor downloads no
 * applicant or staff code. Areas declare their routes in `pages/<area>/routes.tsx` and are added here once.
 * Paths are Czech, and the ones the system's e-mails link to (/vyzvy/…, /zadosti/…, /obnova-hesla, …) exist.
 */
import { createRootRoute, createRoute, createRouter, lazyRouteComponent } from '@tanstack/react-router';
import { Shell } from './shell';
import { NotFoundPage } from '../pages/public/not-found';
import { applicantRoutes } from '../pages/applicant/routes';
import { staffRoutes } from '../pages/staff/routes';
import { commissionRoutes } from '../pages/commission/routes';
import { auditorRoutes } from '../pages/auditor/routes';

export const rootRoute = createRootRoute({ component: Shell, notFoundComponent: NotFoundPage });

const publicPage = (path: string, load: () => Promise<Record<string, unknown>>, name: string) =>
  createRoute({ getParentRoute: () => rootRoute, path, component: lazyRouteComponent(load as never, name as never) });

const searchOf = (search: Record<string, unknown>) => Object.fromEntries(Object.entries(search).filter(([, v]) => typeof v === 'string')) as Record<string, string>;

const routeTree = rootRoute.addChildren([
  publicPage('/', () => import('../pages/public/home'), 'HomePage'),
  publicPage('/vyzvy/$callId', () => import('../pages/public/call'), 'CallPage'),
  publicPage('/koncepce', () => import('../pages/public/strategy'), 'StrategyPage'),
  publicPage('/otevrena-data', () => import('../pages/public/open-data'), 'OpenDataPage'),
  publicPage('/prohlaseni-o-pristupnosti', () => import('../pages/public/accessibility'), 'AccessibilityPage'),
  publicPage('/kontakt', () => import('../pages/public/contact'), 'ContactPage'),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/prihlaseni',
    validateSearch: searchOf,
    component: lazyRouteComponent(() => import('../pages/auth/sign-in'), 'SignInPage'),
  }),
  publicPage('/registrace', () => import('../pages/auth/register'), 'RegisterPage'),
  publicPage('/zapomenute-heslo', () => import('../pages/auth/forgot-password'), 'ForgotPasswordPage'),
  createRoute({
    getParentRoute: () => rootRoute,
    path: '/obnova-hesla',
    validateSearch: searchOf,
    component: lazyRouteComponent(() => import('../pages/auth/reset-password'), 'ResetPasswordPage'),
  }),
  ...applicantRoutes(rootRoute),
  ...staffRoutes(rootRoute),
  ...commissionRoutes(rootRoute),
  ...auditorRoutes(rootRoute),
]);

export const router = createRouter({ routeTree, defaultPreload: 'intent', scrollRestoration: false });

declare module '@tanstack/react-router' {
  interface Register {
    router: typeof router;
  }
}
