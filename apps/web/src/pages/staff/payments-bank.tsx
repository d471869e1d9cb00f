/**
 * /sprava/platby/banka: the approved orders waiting for the bank go out as an ISO 20022 pain.001 file (version and
 * call chosen here; each order goes out once, after a confirmation), or as the older CSV; every pain.001 batch is
 * listed with its orders and downloads again unchanged.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, downloadFile } from '../../api/client';
import { RequireRole } from '../../app/require-role';
import { QueryState } from '../../components/query-state';
import { ErrorSummary, useFormErrors } from '../../forms/errors';
import { sumMoney } from '../../lib/format';
import { useFormat } from '../../lib/use-format';
import { TableRegion } from '../../components/table-region';
import { ConfirmDialog } from '../../features/staff/confirm-dialog';
import { PAIN_VERSIONS, PAYMENTS_KEY, postForFile, saveBlob, useBatches, usePayments } from '../../features/payments/api';
import type { PainVersion } from '../../features/payments/api';
import { CallSelect, PaymentsNav, Report } from '../../features/payments/components';
import '../../features/applicant/applicant.css';
import '../../features/staff/staff.css';
import '../../features/payments/payments.css';

export function PaymentBankPage() {
  return (
    <RequireRole roles={['staff', 'admin']}>
      <BankExport />
    </RequireRole>
  );
}

function BankExport() {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const f = useFormat();
  const [callId, setCallId] = useState('');
  const [version, setVersion] = useState<PainVersion>('pain.001.001.03');
  const [confirming, setConfirming] = useState<'pain' | 'csv' | null>(null);
  const [done, setDone] = useState<{ title: string; token: number } | null>(null);
  const waiting = usePayments({ status: 'approved', callId, batchId: '', from: '', to: '' }, 1, 200);
  const batches = useBatches();
  const queryClient = useQueryClient();
  const errors = useFormErrors('export');
  const waitingItems = waiting.data?.items ?? [];
  const sumText = sumMoney(waitingItems.map((p) => p.amount));

  const exportFile = useMutation({
    mutationFn: async (kind: 'pain' | 'csv') =>
      kind === 'pain'
        ? postForFile(api.POST('/api/v1/payments/bank-export/pain001', { params: { query: { version, ...(callId ? { callId } : {}) } }, parseAs: 'blob' }), 'platebni-prikazy.xml')
        : postForFile(api.POST('/api/v1/payments/bank-export', { parseAs: 'blob' }), 'platebni-prikazy.csv'),
    onSuccess: async (file, kind) => {
      setConfirming(null);
      errors.clear();
      saveBlob(file.blob, file.fileName);
      // The dialog hands the focus back first; then the report takes it, once the lists are fresh.
      await queryClient.invalidateQueries({ queryKey: PAYMENTS_KEY });
      setDone({ title: t(kind === 'pain' ? 'payments.bank.exported' : 'payments.bank.csvExported', { file: file.fileName }), token: Date.now() });
    },
    onError: (error) => {
      setConfirming(null);
      errors.fromError(error);
    },
  });

  return (
    <>
      <h1>
        <FormattedMessage id="payments.bank.title" />
      </h1>
      <PaymentsNav current="bank" />
      <ErrorSummary form="export" errors={errors.errors} version={errors.version} labels={{}} />
      {done && (
        <Report id="export-report" token={done.token} tone="success" title={done.title}>
          <p>
            <FormattedMessage id="payments.bank.exportedHint" />
          </p>
        </Report>
      )}
      <section aria-labelledby="pain-heading" className="staff-form">
        <h2 id="pain-heading">
          <FormattedMessage id="payments.bank.painHeading" />
        </h2>
        <p>
          <FormattedMessage id="payments.bank.painIntro" />
        </p>
        <div className="table-tools">
          <CallSelect id="export-call" value={callId} onChange={setCallId} allowAll />
          <div className="field">
            <label className="gov-form-label" htmlFor="export-version">
              <FormattedMessage id="payments.bank.version" />
            </label>
            <select id="export-version" value={version} onChange={(e) => setVersion(e.target.value as PainVersion)}>
              {PAIN_VERSIONS.map((v) => (
                <option key={v} value={v}>
                  {t(`payments.bank.version.${v.replace(/\./g, '_')}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <QueryState query={waiting}>
          <p role="status" aria-live="polite">
            {/* The sum is of the first 200; beyond that only the count is said (the batch file states its own total). */}
            {(waiting.data?.total ?? 0) > waitingItems.length ? (
              <FormattedMessage id="payments.bank.waitingMany" values={{ count: waiting.data?.total ?? 0 }} />
            ) : (
              <FormattedMessage id="payments.bank.waiting" values={{ count: waiting.data?.total ?? 0, total: f.money(sumText) }} />
            )}{' '}
            {(waiting.data?.total ?? 0) > 0 && (
              <Link to="/sprava/platby/prikazy" search={{ stav: 'approved', ...(callId ? { vyzva: callId } : {}) }}>
                <FormattedMessage id="payments.bank.showWaiting" />
              </Link>
            )}
          </p>
        </QueryState>
        <div className="actions">
          <button
            type="button"
            className="gov-button"
            data-type="solid"
            data-color="primary"
            data-size="m"
            disabled={(waiting.data?.total ?? 0) === 0 || exportFile.isPending}
            onClick={() => setConfirming('pain')}
          >
            <FormattedMessage id="payments.bank.exportPain" />
          </button>
          <button
            type="button"
            className="gov-button"
            data-type="outlined"
            data-color="primary"
            data-size="m"
            disabled={(waiting.data?.total ?? 0) === 0 || exportFile.isPending}
            onClick={() => setConfirming('csv')}
          >
            <FormattedMessage id="payments.bank.exportCsv" />
          </button>
        </div>
        <p className="field__hint">
          <FormattedMessage id="payments.bank.csvHint" />
        </p>
      </section>

      <section aria-labelledby="batches-heading">
        <h2 id="batches-heading">
          <FormattedMessage id="payments.bank.batches" />
        </h2>
        <QueryState query={batches}>
          {(batches.data ?? []).length === 0 ? (
            <p>
              <FormattedMessage id="payments.bank.noBatches" />
            </p>
          ) : (
            <TableRegion label={t('payments.bank.batchesCaption')}>
              <table className="data">
                <caption>
                  <FormattedMessage id="payments.bank.batchesCaption" />
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('payments.col.message')}</th>
                    <th scope="col">{t('payments.col.createdAt')}</th>
                    <th scope="col">{t('payments.col.format')}</th>
                    <th scope="col" className="num">
                      {t('payments.col.count')}
                    </th>
                    <th scope="col" className="num">
                      {t('payments.col.total')}
                    </th>
                    <th scope="col">{t('payments.col.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {(batches.data ?? []).map((b) => (
                    <tr key={b.id}>
                      <th scope="row">{b.messageId}</th>
                      <td>{f.dateTime(b.createdAt as unknown as string)}</td>
                      <td>{b.format}</td>
                      <td className="num">{b.payments}</td>
                      <td className="num">{f.money(b.total)}</td>
                      <td>
                        <div className="actions">
                          <button
                            type="button"
                            className="gov-button"
                            data-type="outlined"
                            data-color="primary"
                            data-size="s"
                            aria-label={t('payments.bank.redownloadNamed', { id: b.messageId })}
                            onClick={() =>
                              void downloadFile(`/api/v1/payment-batches/${b.id}/pain001.xml`, `platebni-prikazy-${b.messageId}.xml`).catch((e) => errors.fromError(e))
                            }
                          >
                            <FormattedMessage id="payments.bank.redownload" />
                          </button>
                          <Link to="/sprava/platby/prikazy" search={{ stav: 'vse', davka: b.id }} aria-label={t('payments.bank.ordersNamed', { id: b.messageId })}>
                            <FormattedMessage id="payments.bank.orders" />
                          </Link>
                        </div>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </TableRegion>
          )}
        </QueryState>
      </section>

      <ConfirmDialog
        open={confirming !== null}
        title={t(confirming === 'csv' ? 'payments.bank.confirmCsvTitle' : 'payments.bank.confirmTitle')}
        confirmLabel={t(confirming === 'csv' ? 'payments.bank.exportCsv' : 'payments.bank.exportPain')}
        cancelLabel={t('payments.back')}
        busy={exportFile.isPending}
        onConfirm={() => confirming && exportFile.mutate(confirming)}
        onCancel={() => setConfirming(null)}
      >
        <p>
          <FormattedMessage id={confirming === 'csv' ? 'payments.bank.confirmCsvText' : 'payments.bank.confirmText'} values={{ count: waiting.data?.total ?? 0, version }} />
        </p>
      </ConfirmDialog>
    </>
  );
}
