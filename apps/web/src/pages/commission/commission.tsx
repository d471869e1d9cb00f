/**
 * /hodnoceni/<callId>: the commission of one call. The secretary (staff) sets it up and runs it; a member
 * first declares conflicts of interest for every applicant (nothing else is shown before, and the page says
 * why), then sees "my reviews" with progress and deadlines; the chair also follows everyone's progress.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call } from '../../api/client';
import { useSession } from '../../api/session';
import { RequireRole } from '../../app/require-role';
import { QueryState } from '../../components/query-state';
import { ErrorSummary, fieldId, useFormErrors } from '../../forms/errors';
import { keys, useMyCommissions, usePublicCall } from '../../features/commission/api';
import type { Declarations, MyCommission, MyReview } from '../../features/commission/api';
import { ProgressView } from '../../features/commission/progress';
import { useFormat } from '../../lib/use-format';
import { COMMISSION_ROLES } from './commissions';
import { SecretaryView, SessionsView } from './secretary';
import '../../features/commission/commission.css';

export function CommissionPage() {
  return (
    <RequireRole roles={[...COMMISSION_ROLES]}>
      <CommissionOfCall />
    </RequireRole>
  );
}

function CommissionOfCall() {
  const { callId } = useParams({ strict: false }) as { callId: string };
  const { user } = useSession();
  const mine = useMyCommissions();
  const publicCall = usePublicCall(callId);
  const callLabel = publicCall.data ? `${publicCall.data.code}` : '';
  const entry = mine.data?.find((c) => c.callId === callId);
  const isStaff = Boolean(user?.roles.some((r) => r === 'staff' || r === 'admin'));
  if (mine.isPending) return <QueryState query={mine}>{null}</QueryState>;
  if (entry && entry.role !== 'secretary') return <Workspace commission={entry} />;
  if (isStaff) return <SecretaryView callId={callId} callLabel={callLabel || (entry?.callCode ?? '')} />;
  return (
    <>
      <h1>
        <FormattedMessage id="commission.notMember.title" />
      </h1>
      <p>
        <FormattedMessage id="commission.notMember.text" />
      </p>
    </>
  );
}

function Workspace({ commission }: { commission: MyCommission }) {
  const declarations = useQuery({
    queryKey: keys.declarations(commission.id),
    queryFn: () => call<Declarations>(api.GET('/api/v1/commissions/{id}/declarations', { params: { path: { id: commission.id } } })),
  });
  const pending = declarations.data?.pending ?? 0;
  return (
    <>
      <p className="meta">
        {commission.name} · <FormattedMessage id={`commission.role.${commission.role}`} />
      </p>
      <h1>
        <FormattedMessage id="commission.workspace.title" values={{ call: `${commission.callCode} – ${commission.callTitle}` }} />
      </h1>
      <QueryState query={declarations}>
        {declarations.data && (pending > 0 ? <DeclarationForm commissionId={commission.id} declarations={declarations.data} /> : <MyReviews commission={commission} />)}
      </QueryState>
    </>
  );
}

interface Choice {
  conflict: boolean | null;
  reason: string;
}

function DeclarationForm({ commissionId, declarations }: { commissionId: string; declarations: Declarations }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `commission.declare.${id}` }, values);
  const queryClient = useQueryClient();
  const errors = useFormErrors('declare');
  const open = declarations.organisations.filter((o) => !o.declaration);
  const [choices, setChoices] = useState<Record<string, Choice>>({});
  const save = useMutation({
    mutationFn: () =>
      call<Declarations>(
        api.PUT('/api/v1/commissions/{id}/declarations', {
          params: { path: { id: commissionId } },
          body: {
            declarations: open.map((o) => ({
              organisationId: o.organisationId,
              conflict: choices[o.organisationId]?.conflict === true,
              reason: choices[o.organisationId]?.conflict ? choices[o.organisationId].reason.trim() : undefined,
            })),
          },
        }),
      ),
    onSuccess: async (next) => {
      queryClient.setQueryData(keys.declarations(commissionId), next);
      await queryClient.invalidateQueries({ queryKey: keys.mine });
    },
    onError: (error) => errors.fromError(error),
  });
  const labels = Object.fromEntries(open.map((o) => [o.organisationId, o.name]));
  return (
    <form
      aria-labelledby="declare-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const missing: Record<string, string> = {};
        for (const o of open) {
          const c = choices[o.organisationId];
          if (!c || c.conflict === null) missing[o.organisationId] = t('choose');
          else if (c.conflict && !c.reason.trim()) missing[o.organisationId] = t('reasonRequired');
        }
        if (Object.keys(missing).length > 0) return errors.setFieldErrors(missing);
        save.mutate();
      }}
    >
      <h2 id="declare-title">{t('title')}</h2>
      <p>{t('why')}</p>
      <p>{t('final')}</p>
      <ErrorSummary form="declare" errors={errors.errors} version={errors.version} labels={labels} />
      {open.map((o) => {
        const c = choices[o.organisationId] ?? { conflict: null, reason: '' };
        const id = fieldId('declare', o.organisationId);
        const error = errors.errors.fields[o.organisationId];
        const set = (patch: Partial<Choice>) => setChoices((all) => ({ ...all, [o.organisationId]: { ...c, ...patch } }));
        return (
          <fieldset key={o.organisationId} className="criterion" aria-describedby={error ? `${id}-error` : undefined}>
            <legend>
              {o.name} <span className="meta">({t('ico', { ico: o.ico })})</span>
            </legend>
            {error && (
              <p className="gov-form-message" data-color="error" id={`${id}-error`}>
                {error}
              </p>
            )}
            <label className="checkbox-row">
              <input id={id} type="radio" name={`conflict-${o.organisationId}`} checked={c.conflict === false} onChange={() => set({ conflict: false })} />{' '}
              {t('noConflict', { name: o.name })}
            </label>
            <br />
            <label className="checkbox-row">
              <input type="radio" name={`conflict-${o.organisationId}`} checked={c.conflict === true} onChange={() => set({ conflict: true })} /> {t('conflict', { name: o.name })}
            </label>
            {c.conflict && (
              <div className="gov-form-control field">
                <label className="gov-form-label" htmlFor={`${id}-reason`}>
                  <span className="gov-form-label__label">{t('reason', { name: o.name })}</span>
                </label>
                <textarea id={`${id}-reason`} className="textarea" rows={2} value={c.reason} onChange={(event) => set({ reason: event.target.value })} />
              </div>
            )}
          </fieldset>
        );
      })}
      {declarations.organisations.some((o) => o.declaration) && (
        <p className="meta">{t('alreadyDeclared', { count: declarations.organisations.filter((o) => o.declaration).length })}</p>
      )}
      <p>
        <button type="submit" className="gov-button" data-type="solid" data-color="primary" data-size="m" disabled={save.isPending}>
          {t('submit')}
        </button>
      </p>
    </form>
  );
}

function MyReviews({ commission }: { commission: MyCommission }) {
  const intl = useIntl();
  const f = useFormat();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `commission.reviews.${id}` }, values);
  const reviews = useQuery({
    queryKey: keys.myReviews(commission.id),
    queryFn: () => call<MyReview[]>(api.GET('/api/v1/commissions/{id}/my-reviews', { params: { path: { id: commission.id } } })),
  });
  const list = reviews.data ?? [];
  const count = (status: string) => list.filter((r) => r.sheetStatus === status).length;
  return (
    <>
      <section aria-labelledby="reviews-title">
        <h2 id="reviews-title">{t('title')}</h2>
        <QueryState query={reviews}>
          <p role="status">{t('progress', { submitted: count('submitted'), draft: count('draft'), notStarted: count('new'), total: list.length })}</p>
          <progress max={Math.max(1, list.length)} value={count('submitted')} aria-label={t('progressLabel')} />
          <ul>
            {commission.nextSessionAt && <li>{t('nextSession', { when: f.dateTime(commission.nextSessionAt) })}</li>}
            {commission.decisionDeadline && <li>{t('decisionDeadline', { date: f.date(commission.decisionDeadline) })}</li>}
          </ul>
          {list.length === 0 ? (
            <p>{t('none')}</p>
          ) : (
            <div className="table-wrap">
              <table className="data">
                <caption>{t('caption')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('application')}</th>
                    <th scope="col">{t('applicant')}</th>
                    <th scope="col" className="num">
                      {t('requested')}
                    </th>
                    <th scope="col">{t('status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {list.map((r) => (
                    <tr key={r.applicationId}>
                      <th scope="row">
                        <Link to="/hodnoceni/$callId/zadosti/$applicationId" params={{ callId: commission.callId, applicationId: r.applicationId }}>
                          {t(r.sheetStatus === 'submitted' ? 'open' : r.sheetStatus === 'draft' ? 'continue' : 'score', { number: r.number })}
                        </Link>
                        <div className="meta">{r.title}</div>
                      </th>
                      <td>{r.applicant}</td>
                      <td className="num">{r.requestedAmount ? f.money(r.requestedAmount) : '—'}</td>
                      <td>
                        <FormattedMessage id={`commission.status.${r.sheetStatus}`} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </QueryState>
      </section>
      {commission.role === 'chair' && <ProgressView commissionId={commission.id} canReopen />}
      <SessionsView commissionId={commission.id} callId={commission.callId} canConvene={false} />
    </>
  );
}
