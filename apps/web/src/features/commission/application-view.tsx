/**
 * The submitted application, read-only, as the reviewer scores it: every section of the form, the budget,
 * the activities of the action plan and every annex (opened through the reviewer's own route).
 */
import { FormattedMessage, useIntl } from 'react-intl';
import { downloadFile } from '../../api/client';
import { useFormat } from '../../lib/use-format';
import type { PublicCall, ReviewApplication } from './api';

type Draft = ReviewApplication['content']['draft'];

export function ApplicationReadOnly({ application, call }: { application: ReviewApplication; call: PublicCall | undefined }) {
  const intl = useIntl();
  const f = useFormat();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `commission.application.${id}` }, values);
  const { draft, organisation, budget } = application.content;
  const d: Draft = draft;
  const category = (code?: string) => call?.costCategories.find((c) => c.code === code)?.name ?? code ?? '';
  const activity = (id?: string) => {
    const a = call?.activities.find((x) => x.id === id);
    return a ? `${a.code} ${a.name}` : (id ?? '');
  };
  const annexType = (code: string) => call?.annexTypes.find((a) => a.code === code)?.name ?? code;
  const area = call?.budgetAreas.find((a) => a.code === d.budgetAreaCode);
  return (
    <section className="application-read" aria-labelledby="application-title">
      <h2 id="application-title">{t('title')}</h2>
      <h3>{t('project')}</h3>
      <dl>
        <dt>{t('projectTitle')}</dt>
        <dd>{d.project?.title ?? '—'}</dd>
        <dt>{t('summary')}</dt>
        <dd>{d.project?.summary ?? '—'}</dd>
        <dt>{t('area')}</dt>
        <dd>{area ? `${area.code} – ${area.name}` : (d.budgetAreaCode ?? '—')}</dd>
        <dt>{t('purpose')}</dt>
        <dd>{d.purpose ?? '—'}</dd>
        <dt>{t('justification')}</dt>
        <dd>{d.justification ?? '—'}</dd>
        <dt>{t('period')}</dt>
        <dd>{d.period?.from && d.period?.to ? `${f.date(d.period.from)} – ${f.date(d.period.to)}` : '—'}</dd>
        <dt>{t('place')}</dt>
        <dd>{[...(d.place?.districts ?? []), d.place?.description].filter(Boolean).join(', ') || '—'}</dd>
        <dt>{t('targetGroups')}</dt>
        <dd>{(d.targetGroups ?? []).join(', ') || '—'}</dd>
      </dl>
      <h3>{t('applicant')}</h3>
      <dl>
        <dt>{t('organisation')}</dt>
        <dd>{organisation.name}</dd>
        <dt>{t('ico')}</dt>
        <dd>{organisation.ico}</dd>
        <dt>{t('seat')}</dt>
        <dd>{organisation.seat}</dd>
        <dt>{t('representatives')}</dt>
        <dd>{(d.representatives ?? []).map((r) => [r.name, r.function].filter(Boolean).join(', ')).join('; ') || '—'}</dd>
      </dl>
      <h3>{t('outputs')}</h3>
      {(d.outputs ?? []).length === 0 ? (
        <p>—</p>
      ) : (
        <ul>
          {(d.outputs ?? []).map((o, i) => (
            <li key={i}>
              {o.indicator}: {o.target} {o.unit}
            </li>
          ))}
        </ul>
      )}
      <h3>{t('budget')}</h3>
      <div className="table-wrap">
        <table className="data">
          <caption className="visually-hidden">{t('budget')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('category')}</th>
              <th scope="col">{t('item')}</th>
              <th scope="col" className="num">
                {t('totalCost')}
              </th>
              <th scope="col" className="num">
                {t('requested')}
              </th>
              <th scope="col" className="num">
                {t('otherSources')}
              </th>
            </tr>
          </thead>
          <tbody>
            {(d.budgetLines ?? []).map((line, i) => (
              <tr key={i}>
                <td>{category(line.category)}</td>
                <td>{line.description}</td>
                <td className="num">{line.totalCost ? f.money(line.totalCost) : '—'}</td>
                <td className="num">{line.requested ? f.money(line.requested) : '—'}</td>
                <td className="num">{line.otherSources ? f.money(line.otherSources) : '—'}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                {t('sum')}
              </th>
              <td className="num">{f.money(budget.totalCost)}</td>
              <td className="num">{f.money(budget.requested)}</td>
              <td className="num">{f.money(budget.otherSources)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <h3>{t('activities')}</h3>
      <ul>
        {(d.activities ?? []).map((a, i) => (
          <li key={i}>
            {activity(a.activityId)} ({a.sharePercent} %)
          </li>
        ))}
      </ul>
      <h3>{t('annexes')}</h3>
      {application.attachments.length === 0 ? (
        <p>{t('noAnnexes')}</p>
      ) : (
        <ul>
          {application.attachments.map((a) => (
            <li key={a.id}>
              <button type="button" className="link-like" onClick={() => void downloadFile(`/api/v1/reviews/${application.applicationId}/attachments/${a.id}`, a.fileName)}>
                <FormattedMessage id="commission.application.openAnnex" values={{ type: annexType(a.annexTypeCode), name: a.fileName }} />
              </button>{' '}
              <span className="meta">({Math.max(1, Math.round(a.sizeBytes / 1024))} kB)</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
