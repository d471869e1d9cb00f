/**
 * What the applicant learns of the evaluation once the call is decided: the commission's final score, the
 * mean per criterion, the rank and the explanation of the recommended amount — never who scored what.
 */
import { useQuery } from '@tanstack/react-query';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call } from '../../api/client';
import { useLanguage } from '../../i18n';
import { useFormat } from '../../lib/use-format';
import type { ApplicantResult } from './api';

/** `accepted`: the application passed the formal check (only those are evaluated); the API answers 409 until the call is decided. */
export function EvaluationResult({ applicationId, accepted }: { applicationId: string; accepted: boolean }) {
  const intl = useIntl();
  const { locale } = useLanguage();
  const f = useFormat();
  const result = useQuery({
    queryKey: ['evaluation-result', applicationId],
    enabled: accepted,
    retry: false,
    queryFn: () => call<ApplicantResult>(api.GET('/api/v1/applications/{id}/evaluation-result', { params: { path: { id: applicationId } } })),
  });
  // Before the decision (409) or without a commission there is nothing to show.
  if (!accepted || !result.data) return null;
  const r = result.data;
  return (
    <section aria-labelledby="evaluation-result-title">
      <h2 id="evaluation-result-title">
        <FormattedMessage id="commission.result.title" />
      </h2>
      <p>
        <FormattedMessage
          id="commission.result.summary"
          values={{ points: r.finalPoints ? f.amount(r.finalPoints) : '—', rank: r.rank, area: r.budgetAreaCode, amount: f.money(r.recommendedAmount) }}
        />
      </p>
      <p>{r.explanation[locale]}</p>
      <div className="table-wrap">
        <table className="data">
          <caption>{intl.formatMessage({ id: 'commission.result.caption' })}</caption>
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="commission.result.criterion" />
              </th>
              <th scope="col" className="num">
                <FormattedMessage id="commission.result.mean" />
              </th>
              <th scope="col" className="num">
                <FormattedMessage id="commission.result.max" />
              </th>
            </tr>
          </thead>
          <tbody>
            {r.perCriterion.map((c) => (
              <tr key={c.code}>
                <th scope="row">
                  {c.code} {c.name}
                </th>
                <td className="num">{c.mean ? f.amount(c.mean) : '—'}</td>
                <td className="num">{c.maxScore}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
