/**
 * "Zkontrolujte své odpovědi": every part with its answers and a "Změnit" link, what is still missing, and
 * the submit button (one submission however often it is pressed; see features/applicant/submit.ts).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { ErrorSummary, useFormErrors } from '../../forms/errors';
import { useFormat } from '../../lib/use-format';
import { ApplicationFrame, PARTS, applicationKey, sectionOf, useApplicationContext } from '../../features/applicant/application-frame';
import type { PartSlug } from '../../features/applicant/application-frame';
import { budgetTotals } from '../../features/applicant/budget';
import { useAutosave } from '../../lib/autosave/use-autosave';
import { submitApplication } from '../../features/applicant/submit';
import { DECLARATIONS } from './parts';

export function ReviewPage() {
  const { applicationId } = useParams({ strict: false }) as { applicationId: string };
  return (
    <ApplicationFrame applicationId={applicationId}>
      <Review />
    </ApplicationFrame>
  );
}

function Review() {
  const { application, draft, call: grantCall, missing, flush, canEdit } = useApplicationContext();
  const { queue } = useAutosave();
  const intl = useIntl();
  const f = useFormat();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errors = useFormErrors('submit');
  const totals = budgetTotals(draft.budgetLines ?? []);
  const answering = application.status === 'remedy_requested';
  const canSubmit = application.availableActions.includes('submit') || application.availableActions.includes('answer_remedy');
  const submit = useMutation({
    mutationFn: async () => {
      await flush();
      if (queue.hasUnsaved()) throw new Error('unsaved');
      const current = queryClient.getQueryData<typeof application>(applicationKey(application.id)) ?? application;
      return submitApplication(application.id, current.draftVersion);
    },
    onSuccess: async (receipt) => {
      await queryClient.invalidateQueries({ queryKey: applicationKey(application.id) });
      await queryClient.invalidateQueries({ queryKey: ['applications'] });
      await navigate({ to: '/zadosti/$applicationId/potvrzeni/$versionNo', params: { applicationId: application.id, versionNo: String(receipt.versionNo) } });
    },
    onError: (error) => errors.fromError(error),
  });

  const change = (slug: PartSlug, what: string): ReactNode =>
    PARTS.find((p) => p.slug === slug)!.sections.some(canEdit) ? (
      <Link to={`/zadosti/$applicationId/${slug}` as never} params={{ applicationId: application.id } as never}>
        <FormattedMessage id="applicant.review.change" /> <span className="visually-hidden">{what}</span>
      </Link>
    ) : null;
  const partName = (slug: PartSlug) => intl.formatMessage({ id: `applicant.part.${slug}` });
  const value = (text: string | undefined | null) =>
    text && text.trim() ? (
      text
    ) : (
      <em>
        <FormattedMessage id="applicant.review.empty" />
      </em>
    );
  const missingEntries = Object.entries(missing);

  return (
    <div className="review">
      <h1>
        <FormattedMessage id="applicant.review.title" />
      </h1>
      <ErrorSummary form="submit" errors={errors.errors} version={errors.version} labels={{}} />
      {missingEntries.length > 0 && (
        <section className="notice" aria-labelledby="review-missing">
          <h2 id="review-missing">
            <FormattedMessage id="applicant.review.missing" values={{ count: missingEntries.length }} />
          </h2>
          <ul>
            {missingEntries.map(([field, message]) => {
              const part = PARTS.find((p) => (p.sections as readonly string[]).includes(sectionOf(field)));
              return (
                <li key={field}>
                  {part ? (
                    <Link
                      to={`/zadosti/$applicationId/${part.slug}` as never}
                      params={{ applicationId: application.id } as never}
                      hash={`app-${field.replace(/[^A-Za-z0-9_-]/g, '-')}`}
                    >
                      {message}
                    </Link>
                  ) : (
                    message
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}
      <section>
        <h2>
          {partName('projekt')} {change('projekt', partName('projekt'))}
        </h2>
        <dl className="facts">
          <dt>
            <FormattedMessage id="applicant.project.title" />
          </dt>
          <dd>{value(draft.project?.title)}</dd>
          <dt>
            <FormattedMessage id="applicant.project.summary" />
          </dt>
          <dd>{value(draft.project?.summary)}</dd>
          <dt>
            <FormattedMessage id="applicant.project.budgetArea" />
          </dt>
          <dd>{value(grantCall.budgetAreas.find((a) => a.code === draft.budgetAreaCode)?.name)}</dd>
          <dt>
            <FormattedMessage id="applicant.project.purpose" />
          </dt>
          <dd>{value(draft.purpose)}</dd>
          <dt>
            <FormattedMessage id="applicant.project.justification" />
          </dt>
          <dd>{value(draft.justification)}</dd>
          <dt>
            <FormattedMessage id="applicant.review.period" />
          </dt>
          <dd>{draft.period?.from && draft.period?.to ? `${f.date(draft.period.from)} – ${f.date(draft.period.to)}` : value(null)}</dd>
          <dt>
            <FormattedMessage id="applicant.project.districts" />
          </dt>
          <dd>{value(draft.place?.districts?.join(', '))}</dd>
          <dt>
            <FormattedMessage id="applicant.project.targetGroups" />
          </dt>
          <dd>{value(draft.targetGroups?.join('; '))}</dd>
          <dt>
            <FormattedMessage id="applicant.project.outputs" />
          </dt>
          <dd>{value(draft.outputs?.map((o) => `${o.indicator ?? ''} ${o.target ?? ''} ${o.unit ?? ''}`.trim()).join('; '))}</dd>
          <dt>
            <FormattedMessage id="applicant.project.contactName" />
          </dt>
          <dd>{value([draft.contact?.name, draft.contact?.email, draft.contact?.phone].filter(Boolean).join(', '))}</dd>
        </dl>
      </section>
      <section>
        <h2>
          {partName('zadatel')} {change('zadatel', partName('zadatel'))}
        </h2>
        <dl className="facts">
          <dt>
            <FormattedMessage id="applicant.applicant.representatives" />
          </dt>
          <dd>{value(draft.representatives?.map((r) => [r.name, r.function].filter(Boolean).join(', ')).join('; '))}</dd>
          {application.organisation.type !== 'city_district' && (
            <>
              <dt>
                <FormattedMessage id="applicant.applicant.owners" />
              </dt>
              <dd>
                {value(
                  draft.beneficialOwners
                    ?.map((o) => o.name)
                    .filter(Boolean)
                    .join('; '),
                )}
              </dd>
              <dt>
                <FormattedMessage id="applicant.applicant.holdings" />
              </dt>
              <dd>
                {Array.isArray(draft.holdings) && draft.holdings.length === 0 ? (
                  <FormattedMessage id="applicant.applicant.noHoldings" />
                ) : (
                  value(
                    draft.holdings
                      ?.map((h) => h.name)
                      .filter(Boolean)
                      .join('; '),
                  )
                )}
              </dd>
            </>
          )}
        </dl>
      </section>
      <section>
        <h2>
          {partName('rozpocet')} {change('rozpocet', partName('rozpocet'))}
        </h2>
        <dl className="facts">
          <dt>
            <FormattedMessage id="applicant.review.lines" />
          </dt>
          <dd>{draft.budgetLines?.length ?? 0}</dd>
          <dt>
            <FormattedMessage id="applicant.budget.totalCost" />
          </dt>
          <dd>{f.money(totals.totalCost)}</dd>
          <dt>
            <FormattedMessage id="applicant.budget.requestedTotal" />
          </dt>
          <dd>{f.money(totals.requested)}</dd>
          <dt>
            <FormattedMessage id="applicant.budget.coFinancing" />
          </dt>
          <dd>{f.money(totals.otherSources)}</dd>
        </dl>
      </section>
      <section>
        <h2>
          {partName('aktivity')} {change('aktivity', partName('aktivity'))}
        </h2>
        <ul>
          {(draft.activities ?? []).map((share) => {
            const activity = grantCall.activities.find((a) => a.id === share.activityId);
            return (
              <li key={share.activityId}>
                {activity ? `${activity.code} ${activity.name}` : share.activityId}:{' '}
                {share.sharePercent ? intl.formatNumber(Number(share.sharePercent), { maximumFractionDigits: 2 }) : '—'} %
              </li>
            );
          })}
        </ul>
      </section>
      <section>
        <h2>
          {partName('prilohy')} {change('prilohy', partName('prilohy'))}
        </h2>
        <ul>
          {application.attachments.map((a) => (
            <li key={a.id}>
              {grantCall.annexTypes.find((t) => t.code === a.annexTypeCode)?.name ?? a.annexTypeCode}: {a.fileName}
            </li>
          ))}
        </ul>
        {application.attachments.length === 0 && <p>{value(null)}</p>}
      </section>
      <section>
        <h2>
          {partName('prohlaseni')} {change('prohlaseni', partName('prohlaseni'))}
        </h2>
        <ul>
          {DECLARATIONS.map((key) => (
            <li key={key}>
              {draft.declarations?.[key] ? '✓' : '✗'} <FormattedMessage id={`applicant.declarations.${key}`} />
            </li>
          ))}
        </ul>
      </section>
      {canSubmit && (
        <section aria-labelledby="submit-title">
          <h2 id="submit-title">
            <FormattedMessage id={answering ? 'applicant.review.answerTitle' : 'applicant.review.submitTitle'} />
          </h2>
          <p>
            <FormattedMessage id="applicant.review.submitText" />
          </p>
          <button
            type="button"
            className="gov-button"
            data-type="solid"
            data-color="primary"
            data-size="m"
            aria-disabled={submit.isPending || undefined}
            onClick={() => {
              if (!submit.isPending) submit.mutate();
            }}
          >
            <FormattedMessage id={answering ? 'applicant.review.answer' : 'applicant.review.submit'} />
          </button>
          {submit.isPending && (
            <p role="status">
              <FormattedMessage id="applicant.review.submitting" />
            </p>
          )}
        </section>
      )}
    </div>
  );
}
