/**
 * A submitted settlement as both sides read it: its status, the budget lines, the outputs against what was
 * promised, each document with its verdict, and after the check the server's computation of the return part by
 * part (paid, eligible, unspent, ineligible, shifts beyond the tolerance) with its due date, account and the
 * return call (PDF with the QR Platba code). Staff pages add their forms around it.
 */
import { useMutation } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { downloadFile } from '../../api/client';
import { QueryState } from '../../components/query-state';
import { useLanguage } from '../../i18n';
import { useFormat } from '../../lib/use-format';
import { useSettlement } from './api';
import type { Settlement } from './api';
import { Facts } from './fields';

export function SettlementResult({ settlementId, audience }: { settlementId: string; audience: 'recipient' | 'staff' }) {
  const settlement = useSettlement(settlementId);
  return <QueryState query={settlement}>{settlement.data && <SettlementView settlement={settlement.data} audience={audience} />}</QueryState>;
}

export function SettlementView({ settlement, audience }: { settlement: Settlement; audience: 'recipient' | 'staff' }) {
  const intl = useIntl();
  const f = useFormat();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  return (
    <>
      <Facts
        items={[
          [t('settlement.result.status'), t(`settlement.status.${settlement.status}`)],
          [t('settlement.result.submittedAt'), f.dateTime(settlement.submittedAt as unknown as string)],
          [t('settlement.result.late'), t(settlement.late ? 'settlement.yes' : 'settlement.no')],
          [t('settlement.facts.paid'), f.money(settlement.paid)],
        ]}
      />
      {settlement.computation && <Computation settlement={settlement} />}
      <LinesTable settlement={settlement} />
      <OutputsTable settlement={settlement} />
      {(audience === 'recipient' || settlement.status !== 'submitted') && <DocumentsTable settlement={settlement} />}
      <ReturnsTable settlement={settlement} />
    </>
  );
}

/** The return computed by the server, part by part, with where and by when to pay it and the letter. */
export function Computation({ settlement }: { settlement: Settlement }) {
  const intl = useIntl();
  const f = useFormat();
  const { locale } = useLanguage();
  const c = settlement.computation!;
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const owed = settlement.status === 'checked' && settlement.paymentCode !== null;
  const download = useMutation({ mutationFn: () => downloadFile(`/api/v1/settlements/${settlement.id}/return-call.pdf`, `vyzva-k-vraceni-${settlement.id.slice(0, 8)}.pdf`) });
  const lineName = (id: string) => {
    const line = settlement.budgetLines.find((l) => l.id === id);
    return line ? `${line.category} – ${line.description}` : id;
  };
  return (
    <section aria-labelledby="settlement-computation-title">
      <h2 id="settlement-computation-title">
        <FormattedMessage id="settlement.computation.title" />
      </h2>
      <Facts
        items={[
          [t('settlement.computation.paid'), f.money(c.paid)],
          [t('settlement.computation.eligible'), f.money(c.eligibleTotal)],
          [t('settlement.computation.unspent'), f.money(c.unspent)],
          [t('settlement.computation.ineligible'), f.money(c.ineligible)],
          [t('settlement.computation.returnDue'), <strong key="due">{f.money(c.returnDue)}</strong>],
        ]}
      />
      <p>{c.explanation[locale]}</p>
      {c.shifts.length > 0 && (
        <>
          <h3>
            <FormattedMessage id="settlement.computation.shifts" values={{ percent: c.tolerancePercent.replace('.', locale === 'cs' ? ',' : '.') }} />
          </h3>
          <ul>
            {c.shifts.map((s) => (
              <li key={s.budgetLineId}>
                <FormattedMessage
                  id={s.withinTolerance ? 'settlement.computation.shiftWithin' : 'settlement.computation.shiftBeyond'}
                  values={{ line: lineName(s.budgetLineId), overBy: f.money(s.overBy), notCounted: f.money(s.notCounted) }}
                />
              </li>
            ))}
          </ul>
        </>
      )}
      {settlement.returnDue !== null && settlement.returnDue !== '0.00' && (
        <Facts
          items={[
            [t('settlement.return.dueDate'), settlement.returnDueDate ? f.date(settlement.returnDueDate) : '—'],
            [t('settlement.return.account'), `${settlement.returnAccount.number} (${settlement.returnAccount.bankName})`],
            [t('settlement.return.variableSymbol'), settlement.returnAccount.variableSymbol],
            [t('settlement.return.returned'), f.money(settlement.returned)],
          ]}
        />
      )}
      {owed && (
        <div className="actions">
          <button type="button" className="gov-button" data-type="outlined" data-color="primary" data-size="m" onClick={() => download.mutate()}>
            <FormattedMessage id="settlement.return.download" />
          </button>
        </div>
      )}
      <p role="status" aria-live="polite">
        {download.isError ? (download.error instanceof Error ? download.error.message : t('common.error.unexpected')) : download.isSuccess ? t('settlement.return.downloaded') : ''}
      </p>
    </section>
  );
}

export function LinesTable({ settlement }: { settlement: Settlement }) {
  const f = useFormat();
  return (
    <section aria-labelledby="settlement-result-lines">
      <h2 id="settlement-result-lines">
        <FormattedMessage id="settlement.lines.title" />
      </h2>
      <div className="table-wrap" role="region" aria-labelledby="settlement-result-lines-caption" tabIndex={0}>
        <table className="data">
          <caption id="settlement-result-lines-caption">
            <FormattedMessage id="settlement.lines.caption" />
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="settlement.lines.line" />
              </th>
              <th scope="col" className="num">
                <FormattedMessage id="settlement.lines.planned" />
              </th>
              <th scope="col" className="num">
                <FormattedMessage id="settlement.lines.claimed" />
              </th>
              <th scope="col" className="num">
                <FormattedMessage id="settlement.lines.eligible" />
              </th>
            </tr>
          </thead>
          <tbody>
            {settlement.budgetLines.map((l) => (
              <tr key={l.id}>
                <th scope="row">
                  {l.category} – {l.description}
                </th>
                <td className="num">{f.money(l.planned)}</td>
                <td className="num">{f.money(l.claimed)}</td>
                <td className="num">{l.eligible === null ? '—' : f.money(l.eligible)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function OutputsTable({ settlement }: { settlement: Settlement }) {
  return (
    <section aria-labelledby="settlement-result-outputs">
      <h2 id="settlement-result-outputs">
        <FormattedMessage id="settlement.outputs.title" />
      </h2>
      {settlement.report.length === 0 ? (
        <p>
          <FormattedMessage id="settlement.outputs.noneReported" />
        </p>
      ) : (
        <div className="table-wrap" role="region" aria-labelledby="settlement-result-outputs-caption" tabIndex={0}>
          <table className="data">
            <caption id="settlement-result-outputs-caption">
              <FormattedMessage id="settlement.outputs.caption" />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <FormattedMessage id="settlement.outputs.indicator" />
                </th>
                <th scope="col" className="num">
                  <FormattedMessage id="settlement.outputs.promisedColumn" />
                </th>
                <th scope="col" className="num">
                  <FormattedMessage id="settlement.outputs.achieved" />
                </th>
              </tr>
            </thead>
            <tbody>
              {settlement.report.map((r) => (
                <tr key={`${r.indicator}-${r.unit}`}>
                  <th scope="row">
                    {r.indicator} ({r.unit})
                  </th>
                  <td className="num">{r.promised}</td>
                  <td className="num">{r.achieved}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

export function DocumentsTable({ settlement }: { settlement: Settlement }) {
  const intl = useIntl();
  const f = useFormat();
  const t = (id: string) => intl.formatMessage({ id });
  const lineName = (id: string) => settlement.budgetLines.find((l) => l.id === id)?.category ?? id;
  return (
    <section aria-labelledby="settlement-result-documents">
      <h2 id="settlement-result-documents">
        <FormattedMessage id="settlement.documents.title" />
      </h2>
      <div className="table-wrap" role="region" aria-labelledby="settlement-result-documents-caption" tabIndex={0}>
        <table className="data">
          <caption id="settlement-result-documents-caption">
            <FormattedMessage id="settlement.documents.caption" />
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="settlement.document.number" />
              </th>
              <th scope="col">
                <FormattedMessage id="settlement.document.supplier" />
              </th>
              <th scope="col">
                <FormattedMessage id="settlement.document.budgetLineId" />
              </th>
              <th scope="col" className="num">
                <FormattedMessage id="settlement.document.amount" />
              </th>
              <th scope="col">
                <FormattedMessage id="settlement.review.verdict" />
              </th>
              <th scope="col" className="num">
                <FormattedMessage id="settlement.review.eligibleAmount" />
              </th>
              <th scope="col">
                <FormattedMessage id="settlement.review.reason" />
              </th>
            </tr>
          </thead>
          <tbody>
            {settlement.costDocuments.map((d) => (
              <tr key={d.id}>
                <th scope="row">{d.number}</th>
                <td>{d.supplier}</td>
                <td>{lineName(d.budgetLineId)}</td>
                <td className="num">{f.money(d.amount)}</td>
                <td>{d.review ? t(`settlement.review.${d.review}`) : t('settlement.review.pending')}</td>
                <td className="num">{d.eligibleAmount === null ? '—' : f.money(d.eligibleAmount)}</td>
                <td>{d.reviewReason ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function ReturnsTable({ settlement }: { settlement: Settlement }) {
  const f = useFormat();
  if (settlement.returns.length === 0) return null;
  return (
    <section aria-labelledby="settlement-result-returns">
      <h2 id="settlement-result-returns">
        <FormattedMessage id="settlement.returns.title" />
      </h2>
      <div className="table-wrap" role="region" aria-labelledby="settlement-result-returns-caption" tabIndex={0}>
        <table className="data">
          <caption id="settlement-result-returns-caption">
            <FormattedMessage id="settlement.returns.caption" />
          </caption>
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="settlement.returns.receivedOn" />
              </th>
              <th scope="col" className="num">
                <FormattedMessage id="settlement.returns.amount" />
              </th>
              <th scope="col">
                <FormattedMessage id="settlement.returns.reference" />
              </th>
              <th scope="col">
                <FormattedMessage id="settlement.returns.late" />
              </th>
            </tr>
          </thead>
          <tbody>
            {settlement.returns.map((r) => (
              <tr key={`${r.bankReference}-${r.receivedOn}`}>
                <td>{f.date(r.receivedOn)}</td>
                <td className="num">{f.money(r.amount)}</td>
                <td>{r.bankReference}</td>
                <td>
                  <FormattedMessage id={r.late ? 'settlement.yes' : 'settlement.no'} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
