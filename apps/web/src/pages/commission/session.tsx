/**
 * /hodnoceni/<callId>/jednani/<sessionId>: the commission's session. The secretary keeps attendance (with the
 * quorum), goes through the agenda with each application's ranking, scores, spread and recommendation, records
 * the discussion, a consensus score, a cut or an adjusted amount with their reasons, and closes the session
 * after reading what closing freezes; then downloads the minutes (PDF) and the recommendation (CSV).
 * A member sees the agenda without the applications they have a conflict with, and votes only when present.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call, downloadFile } from '../../api/client';
import { useSession } from '../../api/session';
import { RequireRole } from '../../app/require-role';
import { QueryState } from '../../components/query-state';
import { ErrorSummary, TextField, fieldId, useFormErrors } from '../../forms/errors';
import { keys, useCommission } from '../../features/commission/api';
import type { Commission, Ranked, Results, Session } from '../../features/commission/api';
import { useLanguage } from '../../i18n';
import { parseMoneyInput } from '../../lib/format';
import { useFormat } from '../../lib/use-format';
import { COMMISSION_ROLES } from './commissions';
import { DataTable } from '../../components/table-region';
import '../../features/commission/commission.css';

export function SessionPage() {
  return (
    <RequireRole roles={[...COMMISSION_ROLES]}>
      <SessionOf />
    </RequireRole>
  );
}

function SessionOf() {
  const { callId, sessionId } = useParams({ strict: false }) as { callId: string; sessionId: string };
  const { user } = useSession();
  const f = useFormat();
  const session = useQuery({
    queryKey: keys.session(sessionId),
    retry: false,
    queryFn: () => call<Session>(api.GET('/api/v1/sessions/{id}', { params: { path: { id: sessionId } } })),
  });
  const isSecretary = Boolean(user?.roles.some((r) => r === 'staff' || r === 'admin'));
  const s = session.data;
  return (
    <>
      <p>
        <Link to="/hodnoceni/$callId" params={{ callId }}>
          <FormattedMessage id="commission.session.back" />
        </Link>
      </p>
      <h1>{s ? <FormattedMessage id="commission.session.title" values={{ number: s.number }} /> : <FormattedMessage id="commission.session.titleLoading" />}</h1>
      <QueryState query={session}>
        {s && (
          <>
            <p>
              <FormattedMessage id="commission.session.when" values={{ when: f.dateTime(s.heldAt), place: s.place }} /> ·{' '}
              <strong>
                <FormattedMessage id={`commission.sessions.status.${s.status}`} />
              </strong>
            </p>
            {isSecretary ? <SecretarySession session={s} /> : <MemberSession session={s} userId={user!.id} />}
          </>
        )}
      </QueryState>
    </>
  );
}

function Quorum({ session }: { session: Session }) {
  const q = session.quorum;
  return (
    <p role="status" className={q.met ? undefined : 'notice'}>
      <FormattedMessage id={q.met ? 'commission.session.quorumMet' : 'commission.session.quorumNotMet'} values={{ present: q.present, total: q.total, required: q.required }} />
    </p>
  );
}

function MemberSession({ session, userId }: { session: Session; userId: string }) {
  const intl = useIntl();
  const present = session.attendance.includes(userId);
  const queryClient = useQueryClient();
  // The member's recorded votes come with the session, so they are there after a reload too.
  const votes: Record<string, string> = Object.fromEntries(session.myVotes.map((v) => [v.applicationId, v.vote]));
  const errors = useFormErrors('vote');
  const vote = useMutation({
    mutationFn: ({ applicationId, value }: { applicationId: string; value: 'for' | 'against' | 'abstain' }) =>
      call<Session['myVotes'][number]>(
        api.PUT('/api/v1/sessions/{id}/applications/{applicationId}/vote', { params: { path: { id: session.id, applicationId } }, body: { vote: value } }),
      ),
    onSuccess: (result) =>
      queryClient.setQueryData<Session>(keys.session(session.id), (s) =>
        s ? { ...s, myVotes: [...s.myVotes.filter((v) => v.applicationId !== result.applicationId), result] } : s,
      ),
    onError: (error) => errors.fromError(error),
  });
  const canVote = present && session.status === 'open';
  return (
    <>
      <Quorum session={session} />
      <p>
        <FormattedMessage id={present ? 'commission.session.youArePresent' : 'commission.session.youAreAbsent'} />
      </p>
      <ErrorSummary form="vote" errors={errors.errors} version={errors.version} labels={{}} />
      <section aria-labelledby="agenda-title">
        <h2 id="agenda-title">
          <FormattedMessage id="commission.session.agenda" />
        </h2>
        {!canVote && (
          <p>
            <FormattedMessage id={session.status === 'closed' ? 'commission.session.closedNoVotes' : 'commission.session.voteOnlyPresent'} />
          </p>
        )}
        <ol>
          {session.agenda.map((a) => (
            <li key={a.applicationId}>
              <strong>{a.number}</strong>
              {a.flagged && (
                <>
                  {' '}
                  – <FormattedMessage id="commission.progress.flagged" />
                </>
              )}
              {canVote && (
                <fieldset className="inline-form">
                  <legend className="visually-hidden">{intl.formatMessage({ id: 'commission.session.voteOn' }, { number: a.number })}</legend>
                  {(['for', 'against', 'abstain'] as const).map((value) => (
                    <button
                      key={value}
                      type="button"
                      className="gov-button"
                      data-type={votes[a.applicationId] === value ? 'solid' : 'outlined'}
                      data-color="primary"
                      data-size="s"
                      aria-pressed={votes[a.applicationId] === value}
                      disabled={vote.isPending}
                      onClick={() => vote.mutate({ applicationId: a.applicationId, value })}
                    >
                      <FormattedMessage id={`commission.session.vote.${value}`} values={{ number: a.number }} />
                    </button>
                  ))}
                </fieldset>
              )}
              {votes[a.applicationId] && (
                <span role="status">
                  {' '}
                  <FormattedMessage id="commission.session.voted" values={{ vote: intl.formatMessage({ id: `commission.session.voteName.${votes[a.applicationId]}` }) }} />
                </span>
              )}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}

function SecretarySession({ session }: { session: Session }) {
  const commission = useCommission(session.commissionId);
  const results = useQuery({
    queryKey: keys.results(session.commissionId),
    queryFn: () => call<Results>(api.GET('/api/v1/commissions/{id}/results', { params: { path: { id: session.commissionId } } })),
  });
  const open = session.status === 'open';
  return (
    <>
      <QueryState query={commission}>{commission.data && <Attendance session={session} commission={commission.data} />}</QueryState>
      <QueryState query={results}>{results.data && <Agenda session={session} results={results.data} />}</QueryState>
      {open ? <CloseForm session={session} /> : <Downloads session={session} />}
    </>
  );
}

function Attendance({ session, commission }: { session: Session; commission: Commission }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const errors = useFormErrors('attendance');
  const [present, setPresent] = useState<string[]>(session.attendance);
  const save = useMutation({
    mutationFn: () => call<Session>(api.PUT('/api/v1/sessions/{id}/attendance', { params: { path: { id: session.id } }, body: { present, version: session.version } })),
    onSuccess: (next) => queryClient.setQueryData(keys.session(session.id), next),
    onError: (error) => errors.fromError(error, ['present']),
  });
  const open = session.status === 'open';
  return (
    <section aria-labelledby="attendance-title">
      <h2 id="attendance-title">
        <FormattedMessage id="commission.session.attendance" />
      </h2>
      <Quorum session={session} />
      <form
        onSubmit={(event) => {
          event.preventDefault();
          save.mutate();
        }}
      >
        <ErrorSummary form="attendance" errors={errors.errors} version={errors.version} labels={{ present: intl.formatMessage({ id: 'commission.session.attendance' }) }} />
        <fieldset id={fieldId('attendance', 'present')} tabIndex={-1}>
          <legend>
            <FormattedMessage id="commission.session.whoIsPresent" />
          </legend>
          {commission.members.map((m) => (
            <div key={m.userId}>
              <label className="checkbox-row">
                <input
                  type="checkbox"
                  disabled={!open}
                  checked={present.includes(m.userId)}
                  onChange={(event) => setPresent((list) => (event.target.checked ? [...list, m.userId] : list.filter((id) => id !== m.userId)))}
                />{' '}
                {m.displayName}
                {m.userId === commission.chairUserId && (
                  <>
                    {' '}
                    (<FormattedMessage id="commission.manage.chair" />)
                  </>
                )}
              </label>
            </div>
          ))}
        </fieldset>
        {open && (
          <p>
            <button type="submit" className="gov-button" data-type="solid" data-color="primary" data-size="m" disabled={save.isPending}>
              <FormattedMessage id="commission.session.saveAttendance" />
            </button>
          </p>
        )}
      </form>
    </section>
  );
}

function Agenda({ session, results }: { session: Session; results: Results }) {
  const intl = useIntl();
  const f = useFormat();
  const { locale } = useLanguage();
  const ranked = new Map<string, { ranked: Ranked; area: Results['areas'][number] }>();
  for (const area of results.areas) for (const r of area.ranking) ranked.set(r.applicationId, { ranked: r, area });
  return (
    <section aria-labelledby="agenda-title">
      <h2 id="agenda-title">
        <FormattedMessage id="commission.session.agenda" />
      </h2>
      <p>
        <FormattedMessage id="commission.session.agendaIntro" />
      </p>
      {results.areas.map((area) => (
        <DataTable
          key={area.code}
          className="agenda"
          caption={intl.formatMessage({ id: 'commission.session.areaCaption' }, { code: area.code, name: area.name, allocation: f.money(area.allocation) })}
          columns={[
            { label: <FormattedMessage id="commission.session.rank" />, num: true },
            { label: <FormattedMessage id="commission.progress.application" /> },
            { label: <FormattedMessage id="commission.progress.mean" />, num: true },
            { label: <FormattedMessage id="commission.progress.spread" />, num: true },
            { label: <FormattedMessage id="commission.session.final" />, num: true },
            { label: <FormattedMessage id="commission.session.votes" />, num: true },
            { label: <FormattedMessage id="commission.session.recommended" />, num: true },
          ]}
        >
          {area.recommendation.lines.map((line) => {
            const r = ranked.get(line.applicationId)?.ranked;
            return (
              <tr key={line.applicationId} className={r?.score.flaggedForDiscussion ? 'row-flagged' : undefined}>
                <td className="num">{line.rank}</td>
                <th scope="row">
                  {line.applicationNumber}
                  <div className="meta">{r?.applicant}</div>
                  <div className="meta">{line.explanation[locale]}</div>
                </th>
                <td className="num">{r?.score.mean ? f.amount(r.score.mean) : '—'}</td>
                <td className="num">
                  {r?.score.spread ? f.amount(r.score.spread) : '—'}
                  {r?.score.flaggedForDiscussion && (
                    <div>
                      <strong>
                        <FormattedMessage id="commission.progress.flagged" />
                      </strong>
                    </div>
                  )}
                </td>
                <td className="num">{r?.score.final ? f.amount(r.score.final) : '—'}</td>
                <td className="num">{r ? `${r.votes.for} / ${r.votes.against} / ${r.votes.abstain}` : '—'}</td>
                <td className="num">
                  {f.money(line.recommended)}
                  <div className="meta">
                    <FormattedMessage id="commission.session.ofRequested" values={{ amount: f.money(line.requested) }} />
                  </div>
                </td>
              </tr>
            );
          })}
        </DataTable>
      ))}
      <h3>
        <FormattedMessage id="commission.session.decisions" />
      </h3>
      {session.agenda.map((a) => (
        <DecisionForm key={a.applicationId} session={session} applicationId={a.applicationId} number={a.number} flagged={a.flagged} />
      ))}
    </section>
  );
}

const DECISION_FIELDS = ['discussionNotes', 'consensusPoints', 'consensusReason', 'cutAmount', 'cutReason', 'adjustedAmount', 'adjustReason'] as const;
type DecisionField = (typeof DECISION_FIELDS)[number];

function DecisionForm({ session, applicationId, number, flagged }: { session: Session; applicationId: string; number: string; flagged: boolean }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const form = `decision-${applicationId}`;
  const errors = useFormErrors(form);
  const existing = session.decisions.find((d) => d.applicationId === applicationId);
  const [values, setValues] = useState<Record<DecisionField, string>>(() => ({
    discussionNotes: existing?.discussionNotes ?? '',
    consensusPoints: existing?.consensusPoints ?? '',
    consensusReason: existing?.consensusReason ?? '',
    cutAmount: existing?.cutAmount ?? '',
    cutReason: existing?.cutReason ?? '',
    adjustedAmount: existing?.adjustedAmount ?? '',
    adjustReason: existing?.adjustReason ?? '',
  }));
  const [saved, setSaved] = useState(false);
  const label = (field: DecisionField) => intl.formatMessage({ id: `commission.decision.${field}` }, { number });
  const labels = Object.fromEntries(DECISION_FIELDS.map((field) => [field, label(field)]));
  const open = session.status === 'open';
  const save = useMutation({
    mutationFn: (body: Record<string, string | null>) =>
      call<Session>(api.PUT('/api/v1/sessions/{id}/applications/{applicationId}', { params: { path: { id: session.id, applicationId } }, body: body as never })),
    onSuccess: async (next) => {
      setSaved(true);
      queryClient.setQueryData(keys.session(session.id), next);
      await queryClient.invalidateQueries({ queryKey: keys.results(session.commissionId) });
    },
    onError: (error) => errors.fromError(error, DECISION_FIELDS),
  });
  function submit() {
    setSaved(false);
    const problems: Record<string, string> = {};
    const body: Record<string, string | null> = { discussionNotes: values.discussionNotes };
    const points = values.consensusPoints.trim().replace(',', '.');
    if (points && !/^\d{1,6}(\.\d{1,3})?$/.test(points)) problems.consensusPoints = intl.formatMessage({ id: 'commission.decision.pointsFormat' });
    body.consensusPoints = points || null;
    for (const field of ['cutAmount', 'adjustedAmount'] as const) {
      const text = values[field].trim();
      const amount = text ? parseMoneyInput(text) : null;
      if (text && !amount) problems[field] = intl.formatMessage({ id: 'commission.decision.amountFormat' });
      body[field] = amount;
    }
    for (const [value, reason] of [
      ['consensusPoints', 'consensusReason'],
      ['cutAmount', 'cutReason'],
      ['adjustedAmount', 'adjustReason'],
    ] as const) {
      if (values[value].trim() && !values[reason].trim()) problems[reason] = intl.formatMessage({ id: 'commission.decision.reasonRequired' });
      body[reason] = values[reason].trim() || null;
    }
    if (Object.keys(problems).length > 0) return errors.setFieldErrors(problems);
    save.mutate(body);
  }
  const field = (name: DecisionField, multiline = false) =>
    multiline ? (
      <div className="gov-form-control field" key={name}>
        <label className="gov-form-label" htmlFor={fieldId(form, name)}>
          <span className="gov-form-label__label">{labels[name]}</span>
        </label>
        {errors.errors.fields[name] && (
          <p className="gov-form-message" data-color="error" id={`${fieldId(form, name)}-error`}>
            {errors.errors.fields[name]}
          </p>
        )}
        <textarea
          id={fieldId(form, name)}
          className="textarea"
          rows={3}
          readOnly={!open}
          value={values[name]}
          aria-describedby={errors.errors.fields[name] ? `${fieldId(form, name)}-error` : undefined}
          onChange={(event) => setValues((v) => ({ ...v, [name]: event.target.value }))}
        />
      </div>
    ) : (
      <TextField
        key={name}
        form={form}
        name={name}
        label={labels[name]}
        value={values[name]}
        readOnly={!open}
        onChange={(value) => setValues((v) => ({ ...v, [name]: value }))}
        error={errors.errors.fields[name]}
      />
    );
  return (
    <details className="session-form" open={flagged && open}>
      <summary>
        <FormattedMessage id="commission.decision.summary" values={{ number }} />
        {flagged && (
          <>
            {' '}
            – <FormattedMessage id="commission.progress.flagged" />
          </>
        )}
      </summary>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <ErrorSummary form={form} errors={errors.errors} version={errors.version} labels={labels} />
        {field('discussionNotes', true)}
        {field('consensusPoints')}
        {field('consensusReason', true)}
        {field('cutAmount')}
        {field('cutReason', true)}
        {field('adjustedAmount')}
        {field('adjustReason', true)}
        {open && (
          <p>
            <button type="submit" className="gov-button" data-type="solid" data-color="primary" data-size="m" disabled={save.isPending}>
              <FormattedMessage id="commission.decision.save" values={{ number }} />
            </button>{' '}
            {saved && (
              <span role="status">
                <FormattedMessage id="commission.decision.saved" />
              </span>
            )}
          </p>
        )}
      </form>
    </details>
  );
}

function CloseForm({ session }: { session: Session }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const errors = useFormErrors('close');
  const [conclusion, setConclusion] = useState('');
  const [understood, setUnderstood] = useState(false);
  const close = useMutation({
    mutationFn: () =>
      call<Session>(api.POST('/api/v1/sessions/{id}/close', { params: { path: { id: session.id } }, body: { conclusion: conclusion.trim(), version: session.version } })),
    onSuccess: async (next) => {
      queryClient.setQueryData(keys.session(session.id), next);
      await queryClient.invalidateQueries({ queryKey: keys.sessions(session.commissionId) });
    },
    onError: (error) => errors.fromError(error, ['conclusion']),
  });
  const labels = { conclusion: intl.formatMessage({ id: 'commission.close.conclusion' }), understood: intl.formatMessage({ id: 'commission.close.understood' }) };
  return (
    <section aria-labelledby="close-title">
      <h2 id="close-title">
        <FormattedMessage id="commission.close.title" />
      </h2>
      <div className="notice">
        <p>
          <FormattedMessage id="commission.close.freezes" />
        </p>
        <ul>
          <li>
            <FormattedMessage id="commission.close.freezeRecommendation" />
          </li>
          <li>
            <FormattedMessage id="commission.close.freezeSheets" />
          </li>
          <li>
            <FormattedMessage id="commission.close.freezeSession" />
          </li>
          <li>
            <FormattedMessage id="commission.close.quorum" />
          </li>
        </ul>
      </div>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const problems: Record<string, string> = {};
          if (conclusion.trim().length < 5) problems.conclusion = intl.formatMessage({ id: 'commission.close.conclusionRequired' });
          if (!understood) problems.understood = intl.formatMessage({ id: 'commission.close.confirmRequired' });
          if (Object.keys(problems).length > 0) return errors.setFieldErrors(problems);
          close.mutate();
        }}
      >
        <ErrorSummary form="close" errors={errors.errors} version={errors.version} labels={labels} />
        <div className="gov-form-control field">
          <label className="gov-form-label" htmlFor={fieldId('close', 'conclusion')}>
            <span className="gov-form-label__label">{labels.conclusion}</span>
          </label>
          {errors.errors.fields.conclusion && (
            <p className="gov-form-message" data-color="error" id={`${fieldId('close', 'conclusion')}-error`}>
              {errors.errors.fields.conclusion}
            </p>
          )}
          <textarea
            id={fieldId('close', 'conclusion')}
            className="textarea"
            rows={3}
            value={conclusion}
            aria-describedby={errors.errors.fields.conclusion ? `${fieldId('close', 'conclusion')}-error` : undefined}
            onChange={(event) => setConclusion(event.target.value)}
          />
        </div>
        <label className="checkbox-row">
          <input id={fieldId('close', 'understood')} type="checkbox" checked={understood} onChange={(event) => setUnderstood(event.target.checked)} /> {labels.understood}
        </label>
        <p>
          <button type="submit" className="gov-button" data-type="solid" data-color="primary" data-size="m" disabled={close.isPending}>
            <FormattedMessage id="commission.close.submit" />
          </button>
        </p>
      </form>
      <Downloads session={session} />
    </section>
  );
}

function Downloads({ session }: { session: Session }) {
  const errors = useFormErrors('downloads');
  const closed = session.status === 'closed';
  const fileNumber = session.number.replace(/[^A-Za-z0-9-]/g, '_');
  return (
    <section aria-labelledby="downloads-title">
      <h2 id="downloads-title">
        <FormattedMessage id="commission.session.downloads" />
      </h2>
      <ErrorSummary form="downloads" errors={errors.errors} version={errors.version} labels={{}} />
      <p className="inline-form">
        <button
          type="button"
          className="gov-button"
          data-type="outlined"
          data-color="primary"
          data-size="m"
          onClick={() =>
            void downloadFile(`/api/v1/sessions/${session.id}/minutes.pdf`, `zapis-${fileNumber}${closed ? '' : '-navrh'}.pdf`).catch((error) => errors.fromError(error))
          }
        >
          <FormattedMessage id={closed ? 'commission.session.minutes' : 'commission.session.minutesDraft'} />
        </button>
        <button
          type="button"
          className="gov-button"
          data-type="outlined"
          data-color="primary"
          data-size="m"
          onClick={() => void downloadFile(`/api/v1/commissions/${session.commissionId}/recommendation.csv`, 'doporuceni-komise.csv').catch((error) => errors.fromError(error))}
        >
          <FormattedMessage id="commission.session.csv" />
        </button>
      </p>
    </section>
  );
}
