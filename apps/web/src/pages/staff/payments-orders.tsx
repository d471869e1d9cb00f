/**
 * /sprava/platby/prikazy: the payment orders, filtered (status, call, batch, dates) and paginated, with a CSV.
 * Filtered to "ordered" it is the four-eyes approval queue: the user's own orders are shown but cannot be
 * selected (the page says why); the selected ones are approved in one request with their versions, and the
 * report says per order what happened. Holds take a reason; release and cancel (after a confirmation) per order.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call } from '../../api/client';
import { useSession } from '../../api/session';
import { RequireRole } from '../../app/require-role';
import { QueryState } from '../../components/query-state';
import { ErrorSummary, fieldId, useFormErrors } from '../../forms/errors';
import { useLanguage } from '../../i18n';
import { useFormat } from '../../lib/use-format';
import { csvAmount, downloadCsv, toCsv } from '../../features/auditor/csv';
import { TableRegion } from '../../components/table-region';
import { ConfirmDialog } from '../../features/staff/confirm-dialog';
import { PAYMENT_STATUSES, PAYMENTS_KEY, approvalOf, loadAllPayments, usePayments } from '../../features/payments/api';
import type { BulkResult, PaymentFilter, PaymentItem, PaymentStatus } from '../../features/payments/api';
import { CallSelect, PageSizeSelect, Pager, PaymentStatusTag, PaymentsNav, Report } from '../../features/payments/components';
import '../../features/applicant/applicant.css';
import '../../features/staff/staff.css';
import '../../features/payments/payments.css';

export function PaymentOrdersPage() {
  return (
    <RequireRole roles={['staff', 'admin']}>
      <Orders />
    </RequireRole>
  );
}

type Pending = { kind: 'hold' | 'cancel'; payment: PaymentItem } | null;

function Orders() {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const f = useFormat();
  const { locale } = useLanguage();
  const { user } = useSession();
  const search = useSearch({ strict: false }) as { stav?: string; vyzva?: string; davka?: string };
  const navigate = useNavigate();
  const filter: PaymentFilter = {
    status: PAYMENT_STATUSES.includes(search.stav as PaymentStatus) ? (search.stav as PaymentStatus) : search.stav === 'vse' ? '' : 'ordered',
    callId: search.vyzva ?? '',
    batchId: search.davka ?? '',
    from: '',
    to: '',
  };
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const payments = usePayments({ ...filter, from, to }, page, pageSize);
  const queryClient = useQueryClient();
  const [selected, setSelected] = useState<Map<string, number>>(new Map());
  const [result, setResult] = useState<{ title: string; tone: 'success' | 'warning'; lines: string[] } | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [reason, setReason] = useState('');
  const errors = useFormErrors('payment');
  const holdErrors = useFormErrors('hold');

  const setSearch = (change: Record<string, string>) => {
    setPage(1);
    setSelected(new Map());
    const next = { stav: search.stav ?? 'ordered', vyzva: search.vyzva ?? '', davka: search.davka ?? '', ...change };
    void navigate({ to: '/sprava/platby/prikazy', search: Object.fromEntries(Object.entries(next).filter(([, v]) => v !== '')) });
  };
  const numberOf = (id: string) => {
    const p = payments.data?.items.find((x) => x.id === id);
    return p ? t('payments.orders.orderName', { agreement: p.agreementNumber, tranche: p.trancheNo }) : id;
  };
  const refresh = () => queryClient.invalidateQueries({ queryKey: PAYMENTS_KEY });

  const approve = useMutation({
    mutationFn: () => call<BulkResult>(api.POST('/api/v1/payments/approve', { body: { payments: [...selected].map(([id, version]) => ({ id, version })) } })),
    onSuccess: async (outcome) => {
      errors.clear();
      setResult({
        title: t('payments.orders.approvedReport', { approved: outcome.succeeded.length, failed: outcome.failed.length }),
        tone: outcome.failed.length > 0 ? 'warning' : 'success',
        lines: outcome.failed.map((x) => `${numberOf(x.id)}: ${x.message[locale]}`),
      });
      setSelected(new Map());
      await refresh();
    },
    onError: (error) => errors.fromError(error),
  });

  const single = useMutation({
    mutationFn: async ({ kind, payment }: { kind: 'hold' | 'release' | 'cancel'; payment: PaymentItem }) => {
      const path = { params: { path: { id: payment.id } } };
      if (kind === 'hold') return call(api.POST('/api/v1/payments/{id}/hold', { ...path, body: { version: payment.version, reason } }));
      if (kind === 'release') return call(api.POST('/api/v1/payments/{id}/release', { ...path, body: { version: payment.version } }));
      return call(api.POST('/api/v1/payments/{id}/cancel', { ...path, body: { version: payment.version } }));
    },
    onSuccess: async (_, { kind, payment }) => {
      const name = numberOf(payment.id);
      // The dialog closes (and hands the focus back) first; then the report takes it, once the list is fresh.
      setPending(null);
      setReason('');
      holdErrors.clear();
      errors.clear();
      await refresh();
      setResult({ title: t(`payments.orders.done.${kind}`, { name }), tone: 'success', lines: [] });
    },
    onError: (error, { kind }) => {
      if (kind === 'hold') holdErrors.fromError(error, ['reason']);
      else {
        setPending(null);
        errors.fromError(error);
      }
    },
  });

  const exportCsv = async () => {
    const rows = await loadAllPayments({ ...filter, from, to });
    downloadCsv(
      'platebni-prikazy.csv',
      toCsv(
        [
          t('payments.col.agreement'),
          t('payments.col.recipient'),
          t('payments.col.ico'),
          t('payments.col.tranche'),
          t('payments.col.amount'),
          t('payments.col.status'),
          t('payments.col.orderedBy'),
          t('payments.col.orderedAt'),
          t('payments.col.approvedBy'),
          t('payments.col.batch'),
          t('payments.col.paidOn'),
        ],
        rows.map((p) => [
          p.agreementNumber,
          p.recipient.name,
          p.recipient.ico,
          p.trancheNo,
          csvAmount(p.amount),
          t(`payments.status.${p.status}`),
          p.orderedByName,
          p.orderedAt,
          p.approvedByName,
          p.batchMessageId,
          p.paidOn,
        ]),
      ),
    );
  };

  const items = payments.data?.items ?? [];
  const approvable = (p: PaymentItem) => approvalOf(p, user?.id) === 'approvable';
  const ownCount = items.filter((p) => approvalOf(p, user?.id) === 'own').length;

  return (
    <>
      <h1>
        <FormattedMessage id="payments.orders.title" />
      </h1>
      <PaymentsNav current="orders" />
      <p>
        <FormattedMessage id="payments.orders.fourEyes" />
      </p>
      <div className="table-tools" role="search" aria-label={t('payments.filter.label')}>
        <div className="field">
          <label className="gov-form-label" htmlFor="orders-status">
            <FormattedMessage id="payments.col.status" />
          </label>
          <select id="orders-status" value={filter.status || 'vse'} onChange={(e) => setSearch({ stav: e.target.value })}>
            <option value="vse">{t('payments.filter.allStatuses')}</option>
            {PAYMENT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`payments.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <CallSelect id="orders-call" value={filter.callId} onChange={(value) => setSearch({ vyzva: value })} allowAll />
        <div className="field">
          <label className="gov-form-label" htmlFor="orders-from">
            <FormattedMessage id="payments.filter.from" />
          </label>
          <input id="orders-from" type="date" value={from} onChange={(e) => (setFrom(e.target.value), setPage(1))} />
        </div>
        <div className="field">
          <label className="gov-form-label" htmlFor="orders-to">
            <FormattedMessage id="payments.filter.to" />
          </label>
          <input id="orders-to" type="date" value={to} onChange={(e) => (setTo(e.target.value), setPage(1))} />
        </div>
        <PageSizeSelect id="orders-size" value={pageSize} onChange={(value) => (setPageSize(value), setPage(1))} />
        <button type="button" className="gov-button" data-type="outlined" data-color="primary" data-size="m" onClick={() => void exportCsv().catch((e) => errors.fromError(e))}>
          <FormattedMessage id="payments.csv" />
        </button>
      </div>
      {filter.batchId && (
        <p>
          <FormattedMessage id="payments.orders.batchFilter" />{' '}
          <button type="button" className="link-like" onClick={() => setSearch({ davka: '' })}>
            <FormattedMessage id="payments.orders.clearBatch" />
          </button>
        </p>
      )}
      <ErrorSummary form="payment" errors={errors.errors} version={errors.version} labels={{}} />
      {result && (
        <Report id="orders-report" token={result} tone={result.tone} title={result.title}>
          {result.lines.length > 0 && (
            <ul>
              {result.lines.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
        </Report>
      )}

      <QueryState query={payments}>
        <p role="status" aria-live="polite">
          <FormattedMessage id="payments.orders.found" values={{ count: payments.data?.total ?? 0 }} />{' '}
          <FormattedMessage id="payments.orders.selected" values={{ count: selected.size }} />
          {ownCount > 0 && (
            <>
              {' '}
              <FormattedMessage id="payments.orders.ownHint" values={{ count: ownCount }} />
            </>
          )}
        </p>
        <div className="actions">
          <button
            type="button"
            className="gov-button"
            data-type="solid"
            data-color="primary"
            data-size="m"
            disabled={selected.size === 0 || approve.isPending}
            onClick={() => approve.mutate()}
          >
            <FormattedMessage id="payments.orders.approveSelected" values={{ count: selected.size }} />
          </button>
          {approve.isPending && (
            <span role="status">
              <FormattedMessage id="payments.working" />
            </span>
          )}
        </div>
        {items.length > 0 && (
          <>
            <TableRegion label={t('payments.orders.caption')}>
              <table className="data">
                <caption>
                  <FormattedMessage id="payments.orders.caption" />
                </caption>
                <thead>
                  <tr>
                    <th scope="col">
                      <input
                        type="checkbox"
                        aria-label={t('payments.orders.selectPage')}
                        checked={items.some(approvable) && items.filter(approvable).every((p) => selected.has(p.id))}
                        disabled={!items.some(approvable)}
                        onChange={(e) =>
                          setSelected((current) => {
                            const next = new Map(current);
                            for (const p of items.filter(approvable))
                              if (e.target.checked) next.set(p.id, p.version);
                              else next.delete(p.id);
                            return next;
                          })
                        }
                      />
                    </th>
                    <th scope="col">{t('payments.col.agreement')}</th>
                    <th scope="col">{t('payments.col.recipient')}</th>
                    <th scope="col">{t('payments.col.tranche')}</th>
                    <th scope="col" className="num">
                      {t('payments.col.amount')}
                    </th>
                    <th scope="col">{t('payments.col.status')}</th>
                    <th scope="col">{t('payments.col.orderedBy')}</th>
                    <th scope="col">{t('payments.col.approvedBy')}</th>
                    <th scope="col">{t('payments.col.batch')}</th>
                    <th scope="col">{t('payments.col.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {items.map((p) => {
                    const name = t('payments.orders.orderName', { agreement: p.agreementNumber, tranche: p.trancheNo });
                    const own = p.orderedBy === user?.id;
                    return (
                      <tr key={p.id}>
                        <td>
                          {approvable(p) ? (
                            <input
                              type="checkbox"
                              aria-label={t('payments.orders.select', { name })}
                              checked={selected.has(p.id)}
                              onChange={(e) =>
                                setSelected((current) => {
                                  const next = new Map(current);
                                  if (e.target.checked) next.set(p.id, p.version);
                                  else next.delete(p.id);
                                  return next;
                                })
                              }
                            />
                          ) : approvalOf(p, user?.id) === 'own' ? (
                            <span className="meta">
                              <FormattedMessage id="payments.orders.own" />
                            </span>
                          ) : null}
                        </td>
                        <th scope="row">{p.agreementNumber}</th>
                        <td>
                          {p.recipient.name}
                          <br />
                          <span className="meta">
                            <FormattedMessage id="payments.ico" values={{ ico: p.recipient.ico }} />
                          </span>
                        </td>
                        <td>{p.trancheNo}</td>
                        <td className="num">{f.money(p.amount)}</td>
                        <td>
                          <PaymentStatusTag status={p.status} />
                          {p.holdReason && (
                            <>
                              <br />
                              <span className="meta">
                                <FormattedMessage id="payments.orders.holdReason" values={{ reason: p.holdReason }} />
                              </span>
                            </>
                          )}
                          {p.paidOn && (
                            <>
                              <br />
                              <span className="meta">
                                <FormattedMessage id="payments.orders.paidOn" values={{ date: f.date(p.paidOn) }} />
                              </span>
                            </>
                          )}
                        </td>
                        <td>
                          {own ? t('payments.orders.you') : (p.orderedByName ?? '—')}
                          <br />
                          <span className="meta">{f.dateTime(p.orderedAt)}</span>
                        </td>
                        <td>{p.approvedByName ?? '—'}</td>
                        <td>{p.batchMessageId ?? (p.status === 'exported' || p.status === 'paid' ? t('payments.orders.csvBatch') : '—')}</td>
                        <td>
                          <div className="actions">
                            {(p.status === 'ordered' || p.status === 'approved') && (
                              <button
                                type="button"
                                className="gov-button"
                                data-type="outlined"
                                data-color="primary"
                                data-size="s"
                                aria-label={t('payments.orders.holdNamed', { name })}
                                onClick={() => {
                                  holdErrors.clear();
                                  setReason('');
                                  setPending({ kind: 'hold', payment: p });
                                }}
                              >
                                <FormattedMessage id="payments.orders.hold" />
                              </button>
                            )}
                            {p.status === 'held' && (
                              <button
                                type="button"
                                className="gov-button"
                                data-type="outlined"
                                data-color="primary"
                                data-size="s"
                                aria-label={t('payments.orders.releaseNamed', { name })}
                                disabled={single.isPending}
                                onClick={() => single.mutate({ kind: 'release', payment: p })}
                              >
                                <FormattedMessage id="payments.orders.release" />
                              </button>
                            )}
                            {(p.status === 'ordered' || p.status === 'approved' || p.status === 'held') && (
                              <button
                                type="button"
                                className="gov-button"
                                data-type="outlined"
                                data-color="error"
                                data-size="s"
                                aria-label={t('payments.orders.cancelNamed', { name })}
                                onClick={() => setPending({ kind: 'cancel', payment: p })}
                              >
                                <FormattedMessage id="payments.orders.cancel" />
                              </button>
                            )}
                          </div>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </TableRegion>
            <Pager page={page} pageSize={pageSize} total={payments.data?.total ?? 0} onPage={setPage} label={t('payments.pager.label')} />
          </>
        )}
      </QueryState>

      <ConfirmDialog
        open={pending?.kind === 'hold'}
        title={
          pending
            ? t('payments.orders.holdTitle', { name: t('payments.orders.orderName', { agreement: pending.payment.agreementNumber, tranche: pending.payment.trancheNo }) })
            : ''
        }
        confirmLabel={t('payments.orders.hold')}
        cancelLabel={t('payments.back')}
        busy={single.isPending}
        onConfirm={() => pending && single.mutate({ kind: 'hold', payment: pending.payment })}
        onCancel={() => setPending(null)}
      >
        <ErrorSummary form="hold" errors={holdErrors.errors} version={holdErrors.version} labels={{ reason: t('payments.orders.reason') }} />
        <div className="field staff-form">
          <label className="gov-form-label" htmlFor={fieldId('hold', 'reason')}>
            <FormattedMessage id="payments.orders.reason" />
          </label>
          {holdErrors.errors.fields.reason && (
            <p className="gov-form-message" data-color="error" id="hold-reason-error">
              {holdErrors.errors.fields.reason}
            </p>
          )}
          <textarea
            id={fieldId('hold', 'reason')}
            rows={3}
            value={reason}
            aria-invalid={holdErrors.errors.fields.reason ? true : undefined}
            aria-describedby={holdErrors.errors.fields.reason ? 'hold-reason-error' : undefined}
            onChange={(e) => setReason(e.target.value)}
          />
        </div>
      </ConfirmDialog>
      <ConfirmDialog
        open={pending?.kind === 'cancel'}
        title={t('payments.orders.cancelTitle')}
        confirmLabel={t('payments.orders.cancelConfirm')}
        cancelLabel={t('payments.back')}
        busy={single.isPending}
        onConfirm={() => pending && single.mutate({ kind: 'cancel', payment: pending.payment })}
        onCancel={() => setPending(null)}
      >
        {pending && (
          <p>
            <FormattedMessage
              id="payments.orders.cancelText"
              values={{
                name: t('payments.orders.orderName', { agreement: pending.payment.agreementNumber, tranche: pending.payment.trancheNo }),
                amount: f.money(pending.payment.amount),
              }}
            />
          </p>
        )}
      </ConfirmDialog>
    </>
  );
}
