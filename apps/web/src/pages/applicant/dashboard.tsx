/**
 * "Moje žádosti": drafts and submitted applications with their status in plain words, the deadlines counting
 * down and what needs the applicant's action; and, when arriving from a call's "Podat žádost" (?vyzva=…),
 * the start of a new application for one of the applicant's organisations.
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call } from '../../api/client';
import { RequireRole } from '../../app/require-role';
import { QueryState } from '../../components/query-state';
import { ErrorSummary, fieldId, useFormErrors } from '../../forms/errors';
import { useFormat } from '../../lib/use-format';
import { Countdown, StatusTag } from '../../features/applicant/status';
import { NeedsAction } from '../../features/applicant/actions';
import { MyAgreements } from '../../features/agreements/my-agreements';
import type { ApplicationSummary, OrganisationView } from '../../features/applicant/types';
import type { CallView, Page } from '../public/types';
import '../../features/applicant/applicant.css';

export function ApplicationsPage() {
  return (
    <RequireRole roles={['applicant']}>
      <Dashboard />
    </RequireRole>
  );
}

function Dashboard() {
  const search = useSearch({ strict: false }) as { vyzva?: string };
  const f = useFormat();
  const applications = useQuery({
    queryKey: ['applications'],
    queryFn: () => call<Page<ApplicationSummary>>(api.GET('/api/v1/applications', { params: { query: { pageSize: 100 } as never } })),
  });
  const calls = useQuery({ queryKey: ['public-calls'], queryFn: () => call<Page<CallView>>(api.GET('/api/v1/public/calls')) });
  const closesAt = new Map((calls.data?.items ?? []).map((c) => [c.id, c.closesAt]));
  const items = applications.data?.items ?? [];
  const drafts = items.filter((a) => a.status === 'draft');
  const others = items.filter((a) => a.status !== 'draft');

  return (
    <>
      <h1>
        <FormattedMessage id="applicant.dashboard.title" />
      </h1>
      {search.vyzva && <StartApplication callId={search.vyzva} />}
      <p>
        <Link to="/organizace">
          <FormattedMessage id="applicant.dashboard.organisations" />
        </Link>
      </p>
      <NeedsAction />
      <MyAgreements />
      <QueryState query={applications}>
        <ApplicationTable
          id="drafts"
          title="applicant.dashboard.drafts"
          empty="applicant.dashboard.noDrafts"
          items={drafts}
          deadline={(a) => closesAt.get(a.call.id)}
          money={f.money}
        />
        <ApplicationTable id="submitted" title="applicant.dashboard.submitted" empty="applicant.dashboard.noSubmitted" items={others} money={f.money} />
      </QueryState>
    </>
  );
}

function ApplicationTable({
  id,
  title,
  empty,
  items,
  deadline,
  money,
}: {
  id: string;
  title: string;
  empty: string;
  items: ApplicationSummary[];
  deadline?(a: ApplicationSummary): string | undefined;
  money(amount: string): string;
}) {
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>
        <FormattedMessage id={title} />
      </h2>
      {items.length === 0 ? (
        <p>
          <FormattedMessage id={empty} />
        </p>
      ) : (
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr>
                <th scope="col">
                  <FormattedMessage id="applicant.dashboard.application" />
                </th>
                <th scope="col">
                  <FormattedMessage id="applicant.dashboard.status" />
                </th>
                <th scope="col" className="num">
                  <FormattedMessage id="applicant.dashboard.requested" />
                </th>
                {deadline && (
                  <th scope="col">
                    <FormattedMessage id="applicant.dashboard.deadline" />
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {items.map((a) => {
                const until = deadline?.(a);
                return (
                  <tr key={a.id}>
                    <th scope="row">
                      <Link to="/zadosti/$applicationId" params={{ applicationId: a.id }}>
                        {a.title || a.number}
                      </Link>
                      <div className="meta">
                        {a.number} · {a.call.code} · {a.organisation.name}
                      </div>
                    </th>
                    <td>
                      <StatusTag status={a.status} name={a.statusName} />
                    </td>
                    <td className="num">{a.requestedAmount ? money(a.requestedAmount) : '—'}</td>
                    {deadline && <td>{until ? <Countdown until={until} /> : '—'}</td>}
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function StartApplication({ callId }: { callId: string }) {
  const intl = useIntl();
  const navigate = useNavigate();
  const errors = useFormErrors('start');
  const grantCall = useQuery({ queryKey: ['public-call', callId], queryFn: () => call<CallView>(api.GET('/api/v1/public/calls/{id}', { params: { path: { id: callId } } })) });
  const organisations = useQuery({ queryKey: ['organisations'], queryFn: () => call<Page<OrganisationView>>(api.GET('/api/v1/organisations')) });
  const [organisationId, setOrganisationId] = useState('');
  const start = useMutation({
    mutationFn: (orgId: string) => call<{ id: string }>(api.POST('/api/v1/applications', { body: { callId, organisationId: orgId } })),
    onSuccess: (created) => void navigate({ to: '/zadosti/$applicationId', params: { applicationId: created.id } }),
    onError: (error) => errors.fromError(error, ['organisationId']),
  });
  const orgs = organisations.data?.items ?? [];
  const chosen = organisationId || orgs[0]?.id || '';
  return (
    <section aria-labelledby="start-title" className="notice">
      <h2 id="start-title">
        <FormattedMessage id="applicant.start.title" values={{ call: grantCall.data?.title ?? '…' }} />
      </h2>
      <QueryState query={organisations}>
        {orgs.length === 0 ? (
          <p>
            <FormattedMessage id="applicant.start.noOrganisation" />{' '}
            <Link to="/organizace" search={{ vyzva: callId } as never}>
              <FormattedMessage id="applicant.start.createOrganisation" />
            </Link>
          </p>
        ) : (
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              if (!chosen) return errors.setFieldErrors({ organisationId: intl.formatMessage({ id: 'applicant.start.chooseOrganisation' }) });
              start.mutate(chosen);
            }}
          >
            <ErrorSummary form="start" errors={errors.errors} version={errors.version} labels={{ organisationId: intl.formatMessage({ id: 'applicant.start.organisation' }) }} />
            <div className="gov-form-control field">
              <label className="gov-form-label" htmlFor={fieldId('start', 'organisationId')}>
                <span className="gov-form-label__label">
                  <FormattedMessage id="applicant.start.organisation" />
                </span>
              </label>
              <div className="gov-form-select" data-size="m">
                <select id={fieldId('start', 'organisationId')} value={chosen} onChange={(event) => setOrganisationId(event.target.value)}>
                  {orgs.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name} ({o.ico})
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <button type="submit" className="gov-button" data-type="solid" data-color="primary" data-size="m" disabled={start.isPending}>
              <FormattedMessage id="applicant.start.submit" />
            </button>
          </form>
        )}
      </QueryState>
    </section>
  );
}
