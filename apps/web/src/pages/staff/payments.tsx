/**
 * /sprava/platby: the tranches of a call that are due and not yet ordered (the API's `due-tranches`, paginated),
 * with their sum, a CSV, and one button that orders them all (`POST /calls/{id}/payment-orders`), answered by a
 * report per tranche: ordered, or why not (e.g. an agreement not yet published in the register).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call } from '../../api/client';
import { RequireRole } from '../../app/require-role';
import { QueryState } from '../../components/query-state';
import { ErrorSummary, useFormErrors } from '../../forms/errors';
import { useLanguage } from '../../i18n';
import { useFormat } from '../../lib/use-format';
import { csvAmount, downloadCsv, toCsv } from '../../features/auditor/csv';
import { TableRegion } from '../../components/table-region';
import { PAYMENTS_KEY, useDueTranches } from '../../features/payments/api';
import type { BulkOrders, DuePage, DueTranche } from '../../features/payments/api';
import { CallSelect, PageSizeSelect, Pager, PaymentsNav, Report } from '../../features/payments/components';
import '../../features/applicant/applicant.css';
import '../../features/staff/staff.css';
import '../../features/payments/payments.css';

export function PaymentsDuePage() {
  return (
    <RequireRole roles={['staff', 'admin']}>
      <DueTranches />
    </RequireRole>
  );
}

function DueTranches() {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const f = useFormat();
  const { locale } = useLanguage();
  const search = useSearch({ strict: false }) as { vyzva?: string };
  const navigate = useNavigate();
  const callId = search.vyzva ?? '';
  const [dueBy, setDueBy] = useState('');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const due = useDueTranches(callId, dueBy, page, pageSize);
  const queryClient = useQueryClient();
  const errors = useFormErrors('order');
  const [report, setReport] = useState<BulkOrders | null>(null);

  const order = useMutation({
    mutationFn: () => call<BulkOrders>(api.POST('/api/v1/calls/{callId}/payment-orders', { params: { path: { callId } }, body: dueBy ? { dueBy } : {} })),
    onSuccess: async (result) => {
      errors.clear();
      setReport(result);
      setPage(1);
      await queryClient.invalidateQueries({ queryKey: PAYMENTS_KEY });
    },
    onError: (error) => errors.fromError(error, ['dueBy']),
  });

  const exportCsv = async () => {
    const rows: DueTranche[] = [];
    for (let p = 1; ; p++) {
      const result = await call<DuePage>(
        api.GET('/api/v1/calls/{callId}/due-tranches', { params: { path: { callId }, query: { page: p, pageSize: 200, ...(dueBy ? { dueBy } : {}) } } }),
      );
      rows.push(...result.items);
      if (rows.length >= result.total || result.items.length === 0) break;
    }
    downloadCsv(
      'splatne-splatky.csv',
      toCsv(
        [t('payments.col.agreement'), t('payments.col.recipient'), t('payments.col.ico'), t('payments.col.tranche'), t('payments.col.dueDate'), t('payments.col.amount')],
        rows.map((r) => [r.agreementNumber, r.recipient.name, r.recipient.ico, r.trancheNo, r.dueDate, csvAmount(r.amount)]),
      ),
    );
  };

  const data = due.data;
  return (
    <>
      <h1>
        <FormattedMessage id="payments.due.title" />
      </h1>
      <PaymentsNav current="due" />
      <p>
        <FormattedMessage id="payments.due.intro" />
      </p>
      <div className="table-tools" role="search" aria-label={t('payments.filter.label')}>
        <CallSelect
          id="due-call"
          value={callId}
          onChange={(value) => {
            setPage(1);
            setReport(null);
            void navigate({ to: '/sprava/platby', search: value ? { vyzva: value } : {} });
          }}
        />
        <div className="field">
          <label className="gov-form-label" htmlFor="order-dueBy">
            <FormattedMessage id="payments.due.dueBy" />
          </label>
          <input
            id="order-dueBy"
            type="date"
            value={dueBy}
            aria-invalid={errors.errors.fields.dueBy ? true : undefined}
            aria-describedby={errors.errors.fields.dueBy ? 'order-dueBy-error' : undefined}
            onChange={(e) => {
              setDueBy(e.target.value);
              setPage(1);
            }}
          />
          {errors.errors.fields.dueBy && (
            <p className="gov-form-message" data-color="error" id="order-dueBy-error">
              {errors.errors.fields.dueBy}
            </p>
          )}
        </div>
        <PageSizeSelect
          id="due-size"
          value={pageSize}
          onChange={(value) => {
            setPageSize(value);
            setPage(1);
          }}
        />
      </div>
      <ErrorSummary form="order" errors={errors.errors} version={errors.version} labels={{ dueBy: t('payments.due.dueBy') }} />

      {report && <OrderReport report={report} locale={locale} />}

      {callId === '' ? (
        <p>
          <FormattedMessage id="payments.due.pickCall" />
        </p>
      ) : (
        <QueryState query={due}>
          {data && (
            <>
              <p role="status" aria-live="polite">
                <FormattedMessage id="payments.due.summary" values={{ count: data.total, total: f.money(data.totalAmount) }} />
              </p>
              <div className="actions">
                <button
                  type="button"
                  className="gov-button"
                  data-type="solid"
                  data-color="primary"
                  data-size="m"
                  disabled={data.total === 0 || order.isPending}
                  onClick={() => order.mutate()}
                >
                  <FormattedMessage id="payments.due.orderAll" values={{ count: data.total }} />
                </button>
                <button type="button" className="gov-button" data-type="outlined" data-color="primary" data-size="m" disabled={data.total === 0} onClick={() => void exportCsv()}>
                  <FormattedMessage id="payments.csv" />
                </button>
                {order.isPending && (
                  <span role="status">
                    <FormattedMessage id="payments.working" />
                  </span>
                )}
              </div>
              {data.total > 0 && (
                <>
                  <TableRegion label={t('payments.due.caption')}>
                    <table className="data">
                      <caption>
                        <FormattedMessage id="payments.due.caption" />
                      </caption>
                      <thead>
                        <tr>
                          <th scope="col">{t('payments.col.agreement')}</th>
                          <th scope="col">{t('payments.col.recipient')}</th>
                          <th scope="col">{t('payments.col.tranche')}</th>
                          <th scope="col">{t('payments.col.dueDate')}</th>
                          <th scope="col" className="num">
                            {t('payments.col.amount')}
                          </th>
                          <th scope="col">{t('payments.col.agreementState')}</th>
                        </tr>
                      </thead>
                      <tbody>
                        {data.items.map((r) => (
                          <tr key={`${r.agreementId}/${r.trancheNo}`}>
                            <th scope="row">{r.agreementNumber}</th>
                            <td>
                              {r.recipient.name}
                              <br />
                              <span className="meta">
                                <FormattedMessage id="payments.ico" values={{ ico: r.recipient.ico }} />
                              </span>
                            </td>
                            <td>{r.trancheNo}</td>
                            <td>{f.date(r.dueDate)}</td>
                            <td className="num">{f.money(r.amount)}</td>
                            <td>
                              <FormattedMessage id={r.awaitingPublication ? 'payments.due.awaitingPublication' : `payments.agreement.${r.agreementStatus}`} />
                            </td>
                          </tr>
                        ))}
                      </tbody>
                    </table>
                  </TableRegion>
                  <Pager page={page} pageSize={pageSize} total={data.total} onPage={setPage} label={t('payments.pager.label')} />
                </>
              )}
            </>
          )}
        </QueryState>
      )}
    </>
  );
}

function OrderReport({ report, locale }: { report: BulkOrders; locale: 'cs' | 'en' }) {
  const intl = useIntl();
  const f = useFormat();
  return (
    <Report
      id="order-report"
      token={report}
      tone={report.failed.length > 0 ? 'warning' : 'success'}
      title={intl.formatMessage({ id: 'payments.due.report' }, { ordered: report.ordered.length, failed: report.failed.length })}
    >
      {report.ordered.length > 0 && (
        <p>
          <Link to="/sprava/platby/prikazy" search={{ stav: 'ordered' }}>
            <FormattedMessage id="payments.due.toApproval" />
          </Link>
        </p>
      )}
      {report.failed.length > 0 && (
        <ul>
          {report.failed.map((r) => (
            <li key={`${r.agreementId}/${r.trancheNo}`}>
              <FormattedMessage
                id="payments.due.failedItem"
                values={{ agreement: r.agreementNumber, tranche: r.trancheNo, amount: f.money(r.amount), reason: r.message[locale] }}
              />
            </li>
          ))}
        </ul>
      )}
      {report.ordered.length > 0 && (
        <ul>
          {report.ordered.map((r) => (
            <li key={r.paymentId}>
              <FormattedMessage id="payments.due.orderedItem" values={{ agreement: r.agreementNumber, tranche: r.trancheNo, amount: f.money(r.amount) }} />
            </li>
          ))}
        </ul>
      )}
    </Report>
  );
}
