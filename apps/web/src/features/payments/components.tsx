/** Parts every payments page shares: the area's navigation, the status tag, the call filter, the pager, a report that takes focus. */
import { Link } from '@tanstack/react-router';
import { useEffect, useRef } from 'react';
import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { useStaffCalls } from '../staff/api';
import type { PaymentStatus } from './api';

const SECTIONS = [
  { to: '/sprava/platby', key: 'due' },
  { to: '/sprava/platby/prikazy', key: 'orders' },
  { to: '/sprava/platby/banka', key: 'bank' },
  { to: '/sprava/platby/vypisy', key: 'statements' },
] as const;

export function PaymentsNav({ current }: { current: (typeof SECTIONS)[number]['key'] }) {
  const intl = useIntl();
  return (
    <nav aria-label={intl.formatMessage({ id: 'payments.nav.label' })} className="payments-nav">
      <ul>
        {SECTIONS.map((s) => (
          <li key={s.key}>
            {/* Only this page's own link is current (the router would also mark /sprava/platby on its sub-pages). */}
            <Link
              to={s.to}
              activeOptions={{ exact: true }}
              aria-current={s.key === current ? 'page' : undefined}
              activeProps={{ 'aria-current': s.key === current ? 'page' : undefined }}
            >
              <FormattedMessage id={`payments.nav.${s.key}`} />
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** The status in words (never colour alone). */
export function PaymentStatusTag({ status }: { status: PaymentStatus }) {
  const tone = status === 'paid' ? 'done' : status === 'held' || status === 'cancelled' ? 'error' : 'todo';
  return (
    <span className={`status-tag status-tag--${tone}`}>
      <FormattedMessage id={`payments.status.${status}`} />
    </span>
  );
}

/** The staff's calls as a select; `allowAll` adds "every call". */
export function CallSelect({ id, value, onChange, allowAll = false }: { id: string; value: string; onChange(value: string): void; allowAll?: boolean }) {
  const intl = useIntl();
  const calls = useStaffCalls();
  return (
    <div className="field field--call">
      <label className="gov-form-label" htmlFor={id}>
        <FormattedMessage id="payments.filter.call" />
      </label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{intl.formatMessage({ id: allowAll ? 'payments.filter.allCalls' : 'payments.filter.chooseCall' })}</option>
        {(calls.data?.items ?? []).map((c) => (
          <option key={c.id} value={c.id}>
            {c.code}: {c.title}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Pager({ page, pageSize, total, onPage, label }: { page: number; pageSize: number; total: number; onPage(page: number): void; label: string }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" className="gov-button" data-type="outlined" data-color="primary" data-size="s" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        <FormattedMessage id="payments.pager.previous" />
      </button>
      <span>
        <FormattedMessage id="payments.pager.page" values={{ page, pages }} />
      </span>
      <button type="button" className="gov-button" data-type="outlined" data-color="primary" data-size="s" disabled={page >= pages} onClick={() => onPage(page + 1)}>
        <FormattedMessage id="payments.pager.next" />
      </button>
    </nav>
  );
}

export function PageSizeSelect({ id, value, onChange }: { id: string; value: number; onChange(value: number): void }) {
  return (
    <div className="field">
      <label className="gov-form-label" htmlFor={id}>
        <FormattedMessage id="payments.filter.pageSize" />
      </label>
      <select id={id} value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {[25, 50, 100, 200].map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The outcome of an action: a titled region that takes focus when it changes, and is announced politely. */
export function Report({ id, title, tone, children, token }: { id: string; title: string; tone: 'success' | 'warning'; children: ReactNode; token: unknown }) {
  const ref = useRef<HTMLElement>(null);
  useEffect(() => ref.current?.focus(), [token]);
  return (
    <section className={`notice notice--${tone}`} aria-labelledby={id} tabIndex={-1} ref={ref} role="status">
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}
