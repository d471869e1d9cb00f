/**
 * The secretary's side of a call's commission (staff): set it up (members found by name, the chair, reviewers
 * per application, thresholds, quorum, strategy), assign the reviews automatically and adjust them with plain
 * buttons and selects (no drag and drop), follow the progress, convene sessions, download the recommendation.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call, downloadFile } from '../../api/client';
import { ProblemError } from '../../api/errors';
import type { components } from '../../api/schema';
import { useSession } from '../../api/session';
import { QueryState } from '../../components/query-state';
import { ErrorSummary, TextField, fieldId, useFormErrors } from '../../forms/errors';
import { keys, useSessions } from '../../features/commission/api';
import type { Assignments, Commission } from '../../features/commission/api';
import { ProgressView } from '../../features/commission/progress';
import { reviewerChoices } from '../../features/commission/reviewer-choices';
import { DataTable } from '../../components/table-region';
import { useFormat } from '../../lib/use-format';

type User = components['schemas']['UserResponse'];
type UserPage = components['schemas']['PageUserResponse'];

export function SecretaryView({ callId, callLabel }: { callId: string; callLabel: string }) {
  const commission = useQuery({
    queryKey: keys.forCall(callId),
    retry: false,
    queryFn: async () => {
      try {
        return await call<Commission>(api.GET('/api/v1/calls/{callId}/commission', { params: { path: { callId } } }));
      } catch (error) {
        if (error instanceof ProblemError && error.status === 404) return null;
        throw error;
      }
    },
  });
  return (
    <>
      <h1>
        <FormattedMessage id="commission.secretary.title" values={{ call: callLabel }} />
      </h1>
      <QueryState query={commission}>
        {commission.data === null ? <SetupForm callId={callId} /> : commission.data ? <Manage commission={commission.data} callId={callId} /> : null}
      </QueryState>
    </>
  );
}

/** Finds commission members by name (or e-mail); each result has an "add" button. */
function MemberSearch({ chosen, onAdd, label }: { chosen: readonly string[]; onAdd(user: User): void; label: string }) {
  const intl = useIntl();
  const [text, setText] = useState('');
  const [term, setTerm] = useState('');
  const found = useQuery({
    queryKey: ['commission-member-search', term],
    enabled: term.length >= 2,
    queryFn: () => call<UserPage>(api.GET('/api/v1/users', { params: { query: { role: 'commission_member', search: term, pageSize: 20 } as never } })),
  });
  return (
    <div role="search" aria-label={label}>
      {/* Not a form: the search sits inside the setup form, and forms do not nest. Enter searches. */}
      <div className="inline-form">
        <TextField
          form="member-search"
          name="term"
          label={label}
          value={text}
          onChange={setText}
          hint={intl.formatMessage({ id: 'commission.setup.searchHint' })}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            setTerm(text.trim());
          }}
        />
        <p>
          <button type="button" className="gov-button" data-type="outlined" data-color="primary" data-size="m" onClick={() => setTerm(text.trim())}>
            <FormattedMessage id="commission.setup.search" />
          </button>
        </p>
      </div>
      {term.length >= 2 && (
        <QueryState query={found}>
          <ul aria-live="polite">
            {(found.data?.items ?? []).length === 0 && (
              <li>
                <FormattedMessage id="commission.setup.noneFound" />
              </li>
            )}
            {(found.data?.items ?? []).map((u) => (
              <li key={u.id}>
                {u.displayName} <span className="meta">({u.email})</span>{' '}
                <button type="button" className="gov-button" data-type="outlined" data-color="primary" data-size="s" disabled={chosen.includes(u.id)} onClick={() => onAdd(u)}>
                  <FormattedMessage id="commission.setup.add" values={{ name: u.displayName }} />
                </button>
              </li>
            ))}
          </ul>
        </QueryState>
      )}
    </div>
  );
}

const SETUP_FIELDS = ['name', 'chairUserId', 'memberUserIds', 'reviewersPerApplication', 'spreadLimit', 'overallThreshold', 'quorumPercent', 'strategy'] as const;

function SetupForm({ callId }: { callId: string }) {
  const intl = useIntl();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const errors = useFormErrors('setup');
  const t = (id: string) => intl.formatMessage({ id: `commission.setup.${id}` });
  const [name, setName] = useState('');
  const [members, setMembers] = useState<User[]>([]);
  const [chair, setChair] = useState('');
  const [reviewers, setReviewers] = useState('2');
  const [spreadLimit, setSpreadLimit] = useState('');
  const [threshold, setThreshold] = useState('');
  const [quorum, setQuorum] = useState('51');
  const [strategy, setStrategy] = useState<'rank_order' | 'proportional'>('rank_order');
  const [allowPartial, setAllowPartial] = useState(true);
  const labels = Object.fromEntries(SETUP_FIELDS.map((f) => [f, t(f)]));
  const create = useMutation({
    mutationFn: () =>
      call<Commission>(
        api.POST('/api/v1/calls/{callId}/commission', {
          params: { path: { callId } },
          body: {
            name: name.trim(),
            chairUserId: chair,
            secretaryUserId: user!.id,
            memberUserIds: members.map((m) => m.id),
            reviewersPerApplication: Number(reviewers),
            spreadLimit: spreadLimit.trim() ? spreadLimit.trim().replace(',', '.') : undefined,
            overallThreshold: threshold.trim() ? threshold.trim().replace(',', '.') : undefined,
            quorumPercent: Number(quorum),
            strategy,
            allowPartial,
          } as never,
        }),
      ),
    onSuccess: (created) => queryClient.setQueryData(keys.forCall(callId), created),
    onError: (error) => errors.fromError(error, SETUP_FIELDS),
  });
  function submit() {
    const missing: Record<string, string> = {};
    if (name.trim().length < 3) missing.name = t('nameRequired');
    if (members.length === 0) missing.memberUserIds = t('membersRequired');
    if (!chair) missing.chairUserId = t('chairRequired');
    if (!/^\d{1,2}$/.test(reviewers) || Number(reviewers) < 1) missing.reviewersPerApplication = t('wholeNumber');
    if (!/^\d{1,3}$/.test(quorum) || Number(quorum) < 1 || Number(quorum) > 100) missing.quorumPercent = t('percentRange');
    for (const [field, value] of [
      ['spreadLimit', spreadLimit],
      ['overallThreshold', threshold],
    ] as const) {
      if (value.trim() && !/^\d{1,6}([.,]\d{1,3})?$/.test(value.trim())) missing[field] = t('pointsFormat');
    }
    if (Object.keys(missing).length > 0) return errors.setFieldErrors(missing);
    create.mutate();
  }
  const numberField = (name: (typeof SETUP_FIELDS)[number], value: string, onChange: (v: string) => void, inputMode: 'numeric' | 'decimal', hint?: string) => (
    <TextField form="setup" name={name} label={t(name)} hint={hint} inputMode={inputMode} value={value} onChange={onChange} error={errors.errors.fields[name]} />
  );
  return (
    <form
      className="commission-form"
      aria-labelledby="setup-title"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      <h2 id="setup-title">{t('title')}</h2>
      <p>{t('intro')}</p>
      <ErrorSummary form="setup" errors={errors.errors} version={errors.version} labels={labels} />
      <TextField form="setup" name="name" label={t('name')} value={name} onChange={setName} error={errors.errors.fields.name} />
      <fieldset id={fieldId('setup', 'memberUserIds')} tabIndex={-1}>
        <legend>{t('memberUserIds')}</legend>
        {errors.errors.fields.memberUserIds && (
          <p className="gov-form-message" data-color="error">
            {errors.errors.fields.memberUserIds}
          </p>
        )}
        <MemberSearch chosen={members.map((m) => m.id)} label={t('searchLabel')} onAdd={(u) => setMembers((list) => [...list, u])} />
        {members.length > 0 && (
          <DataTable caption={t('chosen')} columns={[{ label: t('memberName') }, { label: t('chairColumn') }, { label: t('actions') }]}>
            {members.map((m) => (
              <tr key={m.id}>
                <th scope="row">{m.displayName}</th>
                <td>
                  <label className="checkbox-row">
                    <input
                      type="radio"
                      name="chair"
                      id={m.id === members[0].id ? fieldId('setup', 'chairUserId') : undefined}
                      checked={chair === m.id}
                      onChange={() => setChair(m.id)}
                    />{' '}
                    <FormattedMessage id="commission.setup.makeChair" values={{ name: m.displayName }} />
                  </label>
                </td>
                <td>
                  <button
                    type="button"
                    className="gov-button"
                    data-type="outlined"
                    data-color="primary"
                    data-size="s"
                    aria-label={intl.formatMessage({ id: 'commission.setup.remove' }, { name: m.displayName })}
                    onClick={() => {
                      setMembers((list) => list.filter((x) => x.id !== m.id));
                      if (chair === m.id) setChair('');
                    }}
                  >
                    <FormattedMessage id="commission.assign.removeShort" />
                  </button>
                </td>
              </tr>
            ))}
          </DataTable>
        )}
        {errors.errors.fields.chairUserId && (
          <p className="gov-form-message" data-color="error">
            {errors.errors.fields.chairUserId}
          </p>
        )}
      </fieldset>
      {numberField('reviewersPerApplication', reviewers, setReviewers, 'numeric')}
      {numberField('spreadLimit', spreadLimit, setSpreadLimit, 'decimal', t('spreadLimitHint'))}
      {numberField('overallThreshold', threshold, setThreshold, 'decimal', t('overallThresholdHint'))}
      {numberField('quorumPercent', quorum, setQuorum, 'numeric')}
      <div className="gov-form-control field">
        <label className="gov-form-label" htmlFor={fieldId('setup', 'strategy')}>
          <span className="gov-form-label__label">{t('strategy')}</span>
        </label>
        <div className="gov-form-select" data-size="m">
          <select id={fieldId('setup', 'strategy')} value={strategy} onChange={(event) => setStrategy(event.target.value as 'rank_order' | 'proportional')}>
            <option value="rank_order">{t('strategyRankOrder')}</option>
            <option value="proportional">{t('strategyProportional')}</option>
          </select>
        </div>
      </div>
      <label className="checkbox-row">
        <input type="checkbox" checked={allowPartial} onChange={(event) => setAllowPartial(event.target.checked)} /> {t('allowPartial')}
      </label>
      <p>
        <button type="submit" className="gov-button" data-type="solid" data-color="primary" data-size="m" disabled={create.isPending}>
          {t('create')}
        </button>
      </p>
    </form>
  );
}

function Manage({ commission, callId }: { commission: Commission; callId: string }) {
  const intl = useIntl();
  const f = useFormat();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `commission.manage.${id}` }, values);
  const queryClient = useQueryClient();
  const errors = useFormErrors('members');
  const refresh = (next: Commission) => queryClient.setQueryData(keys.forCall(callId), next);
  const add = useMutation({
    mutationFn: (userId: string) => call<Commission>(api.POST('/api/v1/commissions/{id}/members', { params: { path: { id: commission.id } }, body: { userId } })),
    onSuccess: refresh,
    onError: (error) => errors.fromError(error),
  });
  const remove = useMutation({
    mutationFn: (userId: string) => call<Commission>(api.DELETE('/api/v1/commissions/{id}/members/{userId}', { params: { path: { id: commission.id, userId } } })),
    onSuccess: refresh,
    onError: (error) => errors.fromError(error),
  });
  const strategy = commission.strategy === 'proportional' ? 'strategyProportional' : 'strategyRankOrder';
  return (
    <>
      <p className="meta">{commission.name}</p>
      <section aria-labelledby="settings-title">
        <h2 id="settings-title">{t('settings')}</h2>
        <dl className="summary">
          <dt>{t('reviewersPerApplication')}</dt>
          <dd>{commission.reviewersPerApplication}</dd>
          <dt>{t('spreadLimit')}</dt>
          <dd>{commission.spreadLimit ? f.amount(commission.spreadLimit) : '—'}</dd>
          <dt>{t('overallThreshold')}</dt>
          <dd>{commission.overallThreshold ? f.amount(commission.overallThreshold) : '—'}</dd>
          <dt>{t('quorum')}</dt>
          <dd>{commission.quorumPercent} %</dd>
          <dt>{t('strategy')}</dt>
          <dd>{intl.formatMessage({ id: `commission.setup.${strategy}` })}</dd>
        </dl>
      </section>
      <section aria-labelledby="members-title">
        <h2 id="members-title">{t('members')}</h2>
        <ErrorSummary form="members" errors={errors.errors} version={errors.version} labels={{}} />
        <DataTable
          caption={t('membersCaption')}
          columns={[{ label: t('member') }, { label: t('declared') }, { label: t('conflicts'), num: true }, { label: t('load'), num: true }, { label: t('actions') }]}
        >
          {commission.members.map((m) => (
            <tr key={m.userId}>
              <th scope="row">
                {m.displayName}
                {m.userId === commission.chairUserId && <span className="meta"> ({t('chair')})</span>}
              </th>
              <td>{m.declaredAll ? t('yes') : t('no')}</td>
              <td className="num">{m.conflicts}</td>
              <td className="num">{m.assigned}</td>
              <td>
                {m.userId !== commission.chairUserId && (
                  <button
                    type="button"
                    className="gov-button"
                    data-type="outlined"
                    data-color="primary"
                    data-size="s"
                    disabled={remove.isPending}
                    aria-label={intl.formatMessage({ id: 'commission.setup.remove' }, { name: m.displayName })}
                    onClick={() => remove.mutate(m.userId)}
                  >
                    <FormattedMessage id="commission.assign.removeShort" />
                  </button>
                )}
              </td>
            </tr>
          ))}
        </DataTable>
        <MemberSearch chosen={commission.members.map((m) => m.userId)} label={t('addMember')} onAdd={(u) => add.mutate(u.id)} />
      </section>
      <AssignmentsView commission={commission} />
      <ProgressView commissionId={commission.id} canReopen={false} />
      <SessionsView commissionId={commission.id} callId={callId} canConvene />
      <section aria-labelledby="downloads-title">
        <h2 id="downloads-title">{t('downloads')}</h2>
        <button
          type="button"
          className="gov-button"
          data-type="outlined"
          data-color="primary"
          data-size="m"
          onClick={() => void downloadFile(`/api/v1/commissions/${commission.id}/recommendation.csv`, 'doporuceni-komise.csv')}
        >
          {t('csv')}
        </button>
      </section>
    </>
  );
}

function AssignmentsView({ commission }: { commission: Commission }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: `commission.assign.${id}` }, values);
  const queryClient = useQueryClient();
  const errors = useFormErrors('assign');
  const [auto, setAuto] = useState<Assignments | null>(null);
  const [picked, setPicked] = useState<Record<string, string>>({});
  const overview = useQuery({
    queryKey: keys.assignments(commission.id),
    queryFn: () => call<Assignments>(api.GET('/api/v1/commissions/{id}/assignments', { params: { path: { id: commission.id } } })),
  });
  const after = async (next: Assignments) => {
    queryClient.setQueryData(keys.assignments(commission.id), next);
    await queryClient.invalidateQueries({ queryKey: keys.forCall(commission.callId) });
    await queryClient.invalidateQueries({ queryKey: keys.progress(commission.id) });
  };
  const runAuto = useMutation({
    mutationFn: () => call<Assignments>(api.POST('/api/v1/commissions/{id}/assignments/auto', { params: { path: { id: commission.id } } })),
    onSuccess: async (next) => {
      setAuto(next);
      await after(next);
    },
    onError: (error) => errors.fromError(error),
  });
  const change = useMutation({
    mutationFn: ({ applicationId, userId, remove }: { applicationId: string; userId: string; remove: boolean }) =>
      call<Assignments>(
        remove
          ? api.POST('/api/v1/commissions/{id}/assignments/remove', { params: { path: { id: commission.id } }, body: { applicationId, userId } })
          : api.POST('/api/v1/commissions/{id}/assignments', { params: { path: { id: commission.id } }, body: { applicationId, userId } }),
      ),
    onSuccess: after,
    onError: (error) => errors.fromError(error),
  });
  const name = (userId: string) => commission.members.find((m) => m.userId === userId)?.displayName ?? userId;
  const data = overview.data;
  const short = new Set((data?.warnings ?? []).map((w) => w.applicationId));
  return (
    <section aria-labelledby="assign-title">
      <h2 id="assign-title">{t('title')}</h2>
      <p>{t('intro', { count: commission.reviewersPerApplication })}</p>
      <ErrorSummary form="assign" errors={errors.errors} version={errors.version} labels={{ userId: t('reviewer') }} />
      <p>
        <button type="button" className="gov-button" data-type="solid" data-color="primary" data-size="m" disabled={runAuto.isPending} onClick={() => runAuto.mutate()}>
          {t('auto')}
        </button>
      </p>
      {auto && (
        <div className="notice" role="status">
          <p>{t('autoDone', { assigned: auto.assigned, warnings: auto.warnings.length })}</p>
          <ul>
            {commission.members.map((m) => (
              <li key={m.userId}>{t('loadOf', { name: m.displayName, count: auto.applications.filter((a) => a.reviewers.includes(m.userId)).length })}</li>
            ))}
          </ul>
        </div>
      )}
      <QueryState query={overview}>
        {data && (
          <DataTable caption={t('caption')} columns={[{ label: t('application') }, { label: t('reviewers') }, { label: t('eligible'), num: true }, { label: t('addReviewer') }]}>
            {data.applications.map((a) => {
              const { candidates, missing } = reviewerChoices(commission.members, a);
              const selectId = `assign-${a.applicationId}`;
              return (
                <tr key={a.applicationId} className={short.has(a.applicationId) ? 'row-flagged' : undefined}>
                  <th scope="row">
                    {a.number}
                    {short.has(a.applicationId) && (
                      <div>
                        <strong>{t('short', { eligible: a.eligible, required: commission.reviewersPerApplication })}</strong>
                      </div>
                    )}
                  </th>
                  <td>
                    <ul className="plain">
                      {a.reviewers.map((userId) => (
                        <li key={userId}>
                          {name(userId)}{' '}
                          <button
                            type="button"
                            className="gov-button"
                            data-type="outlined"
                            data-color="primary"
                            data-size="s"
                            disabled={change.isPending}
                            aria-label={t('remove', { name: name(userId), number: a.number })}
                            onClick={() => change.mutate({ applicationId: a.applicationId, userId, remove: true })}
                          >
                            {t('removeShort')}
                          </button>
                        </li>
                      ))}
                    </ul>
                  </td>
                  <td className="num">{a.eligible}</td>
                  <td>
                    {candidates.length > 0 && (
                      <form
                        className="inline-form"
                        onSubmit={(event) => {
                          event.preventDefault();
                          const userId = picked[a.applicationId] ?? candidates[0].userId;
                          change.mutate({ applicationId: a.applicationId, userId, remove: false });
                        }}
                      >
                        <label className="visually-hidden" htmlFor={selectId}>
                          {t('pick', { number: a.number })}
                        </label>
                        <div className="gov-form-select" data-size="s">
                          <select
                            id={selectId}
                            value={picked[a.applicationId] ?? candidates[0].userId}
                            onChange={(event) => setPicked((p) => ({ ...p, [a.applicationId]: event.target.value }))}
                          >
                            {candidates.map((m) => (
                              <option key={m.userId} value={m.userId}>
                                {m.displayName}
                              </option>
                            ))}
                          </select>
                        </div>
                        <button type="submit" className="gov-button" data-type="outlined" data-color="primary" data-size="s" disabled={change.isPending}>
                          {t('add', { number: a.number })}
                        </button>
                      </form>
                    )}
                    {missing.length > 0 && (
                      <ul className="plain meta" aria-label={t('notOffered', { number: a.number })}>
                        {missing.map((m) => (
                          <li key={m.userId}>{t(m.reason === 'conflict' ? 'notOfferedConflict' : 'notOfferedUndeclared', { name: m.displayName })}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              );
            })}
          </DataTable>
        )}
      </QueryState>
    </section>
  );
}

/** The commission's sessions; the secretary convenes a new one (number, date and time, place). */
export function SessionsView({ commissionId, callId, canConvene }: { commissionId: string; callId: string; canConvene: boolean }) {
  const intl = useIntl();
  const f = useFormat();
  const t = (id: string) => intl.formatMessage({ id: `commission.sessions.${id}` });
  const queryClient = useQueryClient();
  const sessions = useSessions(commissionId);
  const errors = useFormErrors('convene');
  const [number, setNumber] = useState('');
  const [heldAt, setHeldAt] = useState('');
  const [place, setPlace] = useState('');
  const convene = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/v1/commissions/{id}/sessions', {
          params: { path: { id: commissionId } },
          body: { number: number.trim(), heldAt: new Date(heldAt).toISOString(), place: place.trim() },
        }),
      ),
    onSuccess: async () => {
      setNumber('');
      setHeldAt('');
      setPlace('');
      await queryClient.invalidateQueries({ queryKey: keys.sessions(commissionId) });
    },
    onError: (error) => errors.fromError(error, ['number', 'heldAt', 'place']),
  });
  return (
    <section aria-labelledby="sessions-title">
      <h2 id="sessions-title">{t('title')}</h2>
      <QueryState query={sessions}>
        {(sessions.data ?? []).length === 0 ? (
          <p>{t('none')}</p>
        ) : (
          <ul>
            {(sessions.data ?? []).map((s) => (
              <li key={s.id}>
                <Link to="/hodnoceni/$callId/jednani/$sessionId" params={{ callId, sessionId: s.id }}>
                  <FormattedMessage id="commission.sessions.link" values={{ number: s.number, when: f.dateTime(s.heldAt) }} />
                </Link>{' '}
                · {s.place} · <FormattedMessage id={`commission.sessions.status.${s.status}`} />
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      {canConvene && (
        <form
          aria-labelledby="convene-title"
          noValidate
          onSubmit={(event) => {
            event.preventDefault();
            const missing: Record<string, string> = {};
            if (!number.trim()) missing.number = t('required');
            if (!heldAt || Number.isNaN(new Date(heldAt).getTime())) missing.heldAt = t('required');
            if (place.trim().length < 2) missing.place = t('required');
            if (Object.keys(missing).length > 0) return errors.setFieldErrors(missing);
            convene.mutate();
          }}
        >
          <h3 id="convene-title">{t('convene')}</h3>
          <ErrorSummary form="convene" errors={errors.errors} version={errors.version} labels={{ number: t('number'), heldAt: t('heldAt'), place: t('place') }} />
          <TextField form="convene" name="number" label={t('number')} hint={t('numberHint')} value={number} onChange={setNumber} error={errors.errors.fields.number} />
          <TextField form="convene" name="heldAt" type="datetime-local" label={t('heldAt')} value={heldAt} onChange={setHeldAt} error={errors.errors.fields.heldAt} />
          <TextField form="convene" name="place" label={t('place')} value={place} onChange={setPlace} error={errors.errors.fields.place} />
          <p>
            <button type="submit" className="gov-button" data-type="solid" data-color="primary" data-size="m" disabled={convene.isPending}>
              {t('conveneButton')}
            </button>
          </p>
        </form>
      )}
    </section>
  );
}
