/**
 * The app shell: skip link, header (the city's name, language switch, the signed-in user), navigation by
 * role, banners (moved clock, lost connection), the page, and the footer (accessibility statement, contact,
 * open data). Focus moves to the page's heading after each navigation, so screen readers hear the new page.
 */
import { Link, Outlet, useLocation, useNavigate } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useSession } from '../api/session';
import { NotificationsLink } from '../features/notifications/notifications-link';
import { ActionsLink } from '../features/applicant/actions';
import type { Role } from '../api/session';
import { SessionWarning } from '../components/session-warning';
import { useLanguage } from '../i18n';
import { ConnectionBanner } from '../lib/connection';
import { ClockBanner } from './clock-banner';

interface NavItem {
  to: string;
  label: string;
  roles?: Role[];
}

/** Navigation by role: everyone sees the public part; each role adds its own area. */
const NAV: NavItem[] = [
  { to: '/', label: 'common.nav.calls' },
  { to: '/koncepce', label: 'common.nav.strategy' },
  { to: '/otevrena-data', label: 'common.nav.openData' },
  { to: '/zadosti', label: 'common.nav.applications', roles: ['applicant'] },
  { to: '/sprava', label: 'common.nav.staff', roles: ['staff', 'admin'] },
  { to: '/sprava/vyuctovani', label: 'settlement.nav', roles: ['staff', 'admin'] },
  { to: '/sprava/smlouvy', label: 'agreements.nav', roles: ['staff', 'admin'] },
  { to: '/hodnoceni', label: 'common.nav.commission', roles: ['commission_member', 'staff'] },
  { to: '/kontrola', label: 'common.nav.auditor', roles: ['auditor'] },
];

function LanguageSwitch() {
  const { locale } = useLanguage();
  const { setLanguagePreference } = useSession();
  const other = locale === 'cs' ? 'en' : 'cs';
  return (
    <button type="button" className="link-like" lang={other} onClick={() => void setLanguagePreference(other)}>
      {other === 'en' ? 'English' : 'Čeština'}
    </button>
  );
}

function UserMenu() {
  const { status, user, signOut } = useSession();
  const navigate = useNavigate();
  if (status === 'loading') return null;
  if (!user) {
    return (
      <Link to="/prihlaseni">
        <FormattedMessage id="common.header.signIn" />
      </Link>
    );
  }
  return (
    <>
      <span>
        <span className="visually-hidden">
          <FormattedMessage id="common.header.signedInAs" />{' '}
        </span>
        {user.displayName}
      </span>
      {user.roles.includes('applicant') && <ActionsLink />}
      <NotificationsLink />
      <button type="button" className="link-like" onClick={() => void signOut('user').then(() => navigate({ to: '/prihlaseni', search: { odhlaseno: 'ano' } }))}>
        <FormattedMessage id="common.header.signOut" />
      </button>
    </>
  );
}

export function Shell() {
  const intl = useIntl();
  const { user } = useSession();
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo(0, 0);
    // After a client-side navigation, read the new page from its heading. The page may still be loading (or
    // the old one still shown), so each new <h1> takes focus until the user does something themselves.
    const container = main.current;
    if (!container) return;
    let focused: Element | null = null;
    const focusHeading = () => {
      const heading = container.querySelector('h1');
      if (!heading || heading === focused) return;
      const active = document.activeElement;
      if (focused && active !== focused && active !== document.body && active !== null) return;
      heading.setAttribute('tabindex', '-1');
      heading.focus();
      focused = heading;
    };
    focusHeading();
    const observer = new MutationObserver(focusHeading);
    observer.observe(container, { childList: true, subtree: true });
    const stop = () => observer.disconnect();
    const timer = window.setTimeout(stop, 10_000);
    window.addEventListener('keydown', stop, { once: true });
    window.addEventListener('pointerdown', stop, { once: true });
    return () => {
      stop();
      window.clearTimeout(timer);
      window.removeEventListener('keydown', stop);
      window.removeEventListener('pointerdown', stop);
    };
  }, [location.pathname]);
  const items = NAV.filter((item) => !item.roles || item.roles.some((role) => user?.roles.includes(role)));
  return (
    <>
      <a className="skip-link" href="#main">
        <FormattedMessage id="common.skipToContent" />
      </a>
      <header className="site-header">
        <div className="container site-header__bar">
          <Link to="/" className="site-header__brand">
            <span className="site-header__city">
              <FormattedMessage id="common.header.city" />
            </span>
            <span className="site-header__service">
              <FormattedMessage id="common.header.service" />
            </span>
          </Link>
          <div className="site-header__tools">
            <LanguageSwitch />
            <UserMenu />
          </div>
        </div>
        <nav className="site-nav" aria-label={intl.formatMessage({ id: 'common.nav.label' })}>
          <ul className="container">
            {items.map((item) => (
              <li key={item.to}>
                <Link to={item.to} activeOptions={{ exact: item.to === '/' }} activeProps={{ 'aria-current': 'page' }}>
                  <FormattedMessage id={item.label} />
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <ClockBanner />
      <ConnectionBanner />
      <main id="main" ref={main} tabIndex={-1}>
        <div className="container">
          <Outlet />
        </div>
      </main>
      <footer className="site-footer">
        <div className="container">
          <ul>
            <li>
              <Link to="/prohlaseni-o-pristupnosti">
                <FormattedMessage id="common.footer.accessibility" />
              </Link>
            </li>
            <li>
              <Link to="/kontakt">
                <FormattedMessage id="common.footer.contact" />
              </Link>
            </li>
            <li>
              <Link to="/otevrena-data">
                <FormattedMessage id="common.footer.openData" />
              </Link>
            </li>
            <li>
              <a href="/api/docs">
                <FormattedMessage id="common.footer.api" />
              </a>
            </li>
          </ul>
          <p className="meta">
            <FormattedMessage id="common.footer.operator" />
          </p>
        </div>
      </footer>
      <SessionWarning />
    </>
  );
}
