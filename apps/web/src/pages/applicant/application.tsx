/**
 * One application: while it can be edited, the task list of its parts with what is done and what is missing
 * (from the API's `missing`); after the deadline, the read-only summary, the open remedy request with its
 * deadline and the parts it names, the timeline (/history), withdrawal with a reason and the result once published.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call } from '../../api/client';
import { ErrorSummary, fieldId, useFormErrors } from '../../forms/errors';
import { useLanguage } from '../../i18n';
import { useFormat } from '../../lib/use-format';
import { ApplicationFrame, PARTS, applicationKey, sectionOf, useApplicationContext } from '../../features/applicant/application-frame';
import { Countdown, StatusTag } from '../../features/applicant/status';
import type { ApplicationView, HistoryEntry } from '../../features/applicant/types';
import { EvaluationResult } from '../../features/commission/evaluation-result';

export function ApplicationPage() {
  const { applicationId } = useParams({ strict: false }) as { applicationId: string };
  return (
    <ApplicationFrame applicationId={applicationId}>
      <Overview />
    </ApplicationFrame>
  );
}

function Overview() {
  const { application, canEdit } = useApplicationContext();
  const f = useFormat();
  const editable = PARTS.some((part) => part.sections.some(canEdit));
  return (
    <>
      <p className="meta">
        {application.number} · {application.call.code} · {application.organisation.name}
      </p>
      <h1>{application.title || application.call.title}</h1>
      <p>
        <FormattedMessage id="applicant.application.status" /> <StatusTag status={application.status} name={application.statusName} />
        {application.lastSubmittedAt && (
          <>
            {' '}
            · <FormattedMessage id="applicant.application.lastSubmitted" values={{ when: f.dateTime(application.lastSubmittedAt) }} />
          </>
        )}
      </p>
      {application.status === 'draft' || application.status === 'submitted' ? (
        <p>
          <FormattedMessage id="applicant.application.deadline" /> <Countdown until={application.deadline} />
        </p>
      ) : null}
      {application.remedy && application.status === 'remedy_requested' && (
        <section className="notice" aria-labelledby="remedy-title">
          <h2 id="remedy-title">
            <FormattedMessage id="applicant.remedy.title" />
          </h2>
          <p>
            <FormattedMessage id="applicant.remedy.deadline" /> <Countdown until={application.remedy.deadlineAt} />
          </p>
          <ul>
            {application.remedy.items.map((item) => (
              <li key={item.section}>
                <strong>
                  <SectionLabel section={item.section} />
                </strong>
                : {item.message}
              </li>
            ))}
          </ul>
        </section>
      )}
      <EvaluationResult applicationId={application.id} accepted={application.status === 'accepted'} />
      {editable ? <TaskList /> : <ReadOnlyNotice />}
      <History applicationId={application.id} />
      {application.availableActions.includes('withdraw') && <Withdraw application={application} />}
    </>
  );
}

function SectionLabel({ section }: { section: string }) {
  const { call: grantCall } = useApplicationContext();
  const intl = useIntl();
  if (section.startsWith('annex:')) return <>{grantCall.annexTypes.find((t) => t.code === section.slice(6))?.name ?? section.slice(6)}</>;
  return <>{intl.formatMessage({ id: `applicant.section.${section}`, defaultMessage: section })}</>;
}

function TaskList() {
  const { application, canEdit, missing } = useApplicationContext();
  const intl = useIntl();
  const counts = Object.fromEntries(
    PARTS.map((part) => [part.slug, Object.keys(missing).filter((field) => (part.sections as readonly string[]).includes(sectionOf(field))).length]),
  );
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  return (
    <section aria-labelledby="tasks-title">
      <h2 id="tasks-title">
        <FormattedMessage id="applicant.tasks.title" />
      </h2>
      <p>
        <FormattedMessage id="applicant.tasks.summary" values={{ done: PARTS.filter((p) => counts[p.slug] === 0).length, total: PARTS.length }} />
      </p>
      <ol className="task-list">
        {PARTS.map((part) => {
          const open = part.sections.some(canEdit);
          const count = counts[part.slug];
          return (
            <li key={part.slug}>
              {open ? (
                <Link to={`/zadosti/$applicationId/${part.slug}` as never} params={{ applicationId: application.id } as never} aria-describedby={`task-${part.slug}-status`}>
                  <FormattedMessage id={`applicant.part.${part.slug}`} />
                </Link>
              ) : (
                <span>
                  <FormattedMessage id={`applicant.part.${part.slug}`} />
                </span>
              )}
              <strong id={`task-${part.slug}-status`} className={`status-tag ${count === 0 ? 'status-tag--done' : 'status-tag--todo'}`}>
                {count === 0 ? intl.formatMessage({ id: 'applicant.tasks.done' }) : intl.formatMessage({ id: 'applicant.tasks.missing' }, { count })}
              </strong>
            </li>
          );
        })}
      </ol>
      <div className="actions">
        <Link className="gov-button" data-type="solid" data-color="primary" data-size="m" to="/zadosti/$applicationId/kontrola" params={{ applicationId: application.id }}>
          <FormattedMessage
            id={total > 0 ? 'applicant.tasks.reviewIncomplete' : application.status === 'remedy_requested' ? 'applicant.tasks.reviewRemedy' : 'applicant.tasks.review'}
          />
        </Link>
      </div>
    </section>
  );
}

function ReadOnlyNotice() {
  const { application } = useApplicationContext();
  return (
    <section aria-labelledby="readonly-title">
      <h2 id="readonly-title">
        <FormattedMessage id="applicant.application.readOnlyTitle" />
      </h2>
      <p>
        <FormattedMessage id="applicant.application.readOnly" />
      </p>
      <p>
        <Link to="/zadosti/$applicationId/kontrola" params={{ applicationId: application.id }}>
          <FormattedMessage id="applicant.application.showContent" />
        </Link>
      </p>
    </section>
  );
}

function History({ applicationId }: { applicationId: string }) {
  const { locale } = useLanguage();
  const f = useFormat();
  const history = useQuery({
    queryKey: ['application-history', applicationId],
    queryFn: () => call<HistoryEntry[]>(api.GET('/api/v1/applications/{id}/history', { params: { path: { id: applicationId } } })),
  });
  const entries = history.data ?? [];
  return (
    <section aria-labelledby="history-title">
      <h2 id="history-title">
        <FormattedMessage id="applicant.history.title" />
      </h2>
      {entries.length === 0 ? (
        <p>
          <FormattedMessage id="applicant.history.empty" />
        </p>
      ) : (
        <ol className="timeline">
          {entries.map((entry, i) => (
            <li key={i}>
              <strong>{entry.toName[locale]}</strong> – {f.dateTime(entry.at)}
              {entry.by && <> · {entry.by}</>}
              {entry.from === 'remedy_requested' && entry.to === 'submitted' && (
                <div className="meta">
                  <FormattedMessage id="applicant.history.remedyAnswered" />
                </div>
              )}
              {entry.reason && <div className="meta">{entry.reason}</div>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function Withdraw({ application }: { application: ApplicationView }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const errors = useFormErrors('withdraw');
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const withdraw = useMutation({
    mutationFn: () => call<ApplicationView>(api.POST('/api/v1/applications/{id}/withdraw', { params: { path: { id: application.id } }, body: { reason } })),
    onSuccess: async (view) => {
      queryClient.setQueryData(applicationKey(application.id), view);
      await queryClient.invalidateQueries({ queryKey: ['application-history', application.id] });
      await queryClient.invalidateQueries({ queryKey: ['applications'] });
      setOpen(false);
    },
    onError: (error) => errors.fromError(error, ['reason']),
  });
  const label = intl.formatMessage({ id: 'applicant.withdraw.reason' });
  return (
    <section aria-labelledby="withdraw-title">
      <h2 id="withdraw-title">
        <FormattedMessage id="applicant.withdraw.title" />
      </h2>
      {!open ? (
        <button type="button" className="gov-button" data-type="outlined" data-color="error" data-size="m" onClick={() => setOpen(true)} aria-expanded={false}>
          <FormattedMessage id="applicant.withdraw.open" />
        </button>
      ) : (
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            if (reason.trim().length < 3) return errors.setFieldErrors({ reason: intl.formatMessage({ id: 'applicant.withdraw.reasonRequired' }) });
            withdraw.mutate();
          }}
        >
          <ErrorSummary form="withdraw" errors={errors.errors} version={errors.version} labels={{ reason: label }} />
          <p>
            <FormattedMessage id="applicant.withdraw.warning" />
          </p>
          <div className="gov-form-control field">
            <label className="gov-form-label" htmlFor={fieldId('withdraw', 'reason')}>
              <span className="gov-form-label__label">{label}</span>
            </label>
            {errors.errors.fields.reason && (
              <p className="gov-form-message" data-color="error" id={`${fieldId('withdraw', 'reason')}-error`}>
                {errors.errors.fields.reason}
              </p>
            )}
            <textarea
              id={fieldId('withdraw', 'reason')}
              className="textarea"
              value={reason}
              aria-invalid={errors.errors.fields.reason ? true : undefined}
              aria-describedby={errors.errors.fields.reason ? `${fieldId('withdraw', 'reason')}-error` : undefined}
              onChange={(event) => setReason(event.target.value)}
            />
          </div>
          <div className="actions">
            <button type="submit" className="gov-button" data-type="solid" data-color="error" data-size="m" disabled={withdraw.isPending}>
              <FormattedMessage id="applicant.withdraw.submit" />
            </button>
            <button type="button" className="gov-button" data-type="outlined" data-color="primary" data-size="m" onClick={() => setOpen(false)}>
              <FormattedMessage id="applicant.withdraw.cancel" />
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
