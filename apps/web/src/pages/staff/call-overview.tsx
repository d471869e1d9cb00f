/**
 * A published call at a glance: applications by status, money requested against each area's allocation,
 * the timeline (publication, amendments, the application period, deadlines) and every action staff can
 * take in the call's present state.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Link } from '@tanstack/react-router';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call as callApi } from '../../api/client';
import { ErrorSummary, useFormErrors } from '../../forms/errors';
import { useLanguage } from '../../i18n';
import { sumMoney, toHalere } from '../../lib/format';
import { useFormat } from '../../lib/use-format';
import { callKey, useCallApplications, usePublicationCheck } from '../../features/staff/api';
import { ConfirmDialog } from '../../features/staff/confirm-dialog';
import { countByStatus } from '../../features/staff/table';
import { APPLICATION_STATUSES } from '../../features/staff/types';
import type { StaffCall } from '../../features/staff/types';
import { StatusTag } from '../../features/applicant/status';

/** Applications whose money counts against the allocation (submitted and still in the game). */
const COUNTING = new Set(['submitted', 'remedy_requested', 'accepted']);

/** Calls whose awards are decided (or were): the decisions page lists the proposal, the resolutions and the letters. */
const DECIDING = new Set<string>(['in_evaluation', 'decided', 'archived']);

type Transition = 'start-evaluation' | 'mark-decided' | 'archive';
const TRANSITION: Partial<Record<StaffCall['status'], Transition>> = { closed: 'start-evaluation', in_evaluation: 'mark-decided', decided: 'archive' };
/** What each move freezes, said in its confirmation (the messages staff.transition.<action>.freezes.<n>). */
const FREEZES: Record<Transition, number> = { 'start-evaluation': 3, 'mark-decided': 3, archive: 3 };

export function CallOverview({ call }: { call: StaffCall }) {
  const intl = useIntl();
  const { locale } = useLanguage();
  const f = useFormat();
  const queryClient = useQueryClient();
  const applications = useCallApplications(call.id);
  const clock = usePublicationCheck(call.id);
  const errors = useFormErrors('call-actions');
  const rows = applications.data ?? [];
  const counts = countByStatus(rows);
  const amendable = ['published', 'open', 'closed', 'in_evaluation'].includes(call.status);
  const transition = TRANSITION[call.status];
  const [confirming, setConfirming] = useState(false);
  const move = useMutation({
    mutationFn: (action: Transition) =>
      callApi<StaffCall>(api.POST(`/api/v1/calls/{id}/${action}` as '/api/v1/calls/{id}/archive', { params: { path: { id: call.id } }, body: { version: call.version } })),
    onSuccess: (view) => {
      setConfirming(false);
      queryClient.setQueryData(callKey(call.id), view);
      void queryClient.invalidateQueries({ queryKey: ['staff-calls'] });
    },
    onError: (error) => {
      setConfirming(false);
      errors.fromError(error);
    },
  });

  const today = clock.data?.today ?? new Date().toISOString().slice(0, 10);
  const timeline = [
    { at: call.createdAt, label: intl.formatMessage({ id: 'staff.timeline.created' }) },
    ...(call.publishedAt ? [{ at: call.publishedAt, label: intl.formatMessage({ id: 'staff.timeline.published' }) }] : []),
    ...call.amendments.map((a) => ({ at: a.createdAt, label: intl.formatMessage({ id: 'staff.timeline.amendment' }, { number: a.number, reason: a.reason }) })),
    { at: call.opensAt, label: intl.formatMessage({ id: 'staff.timeline.opens' }) },
    { at: call.closesAt, label: intl.formatMessage({ id: 'staff.timeline.closes' }) },
    { at: call.decisionDeadline, label: intl.formatMessage({ id: 'staff.timeline.decision' }), dateOnly: true },
    { at: call.settlementDeadline, label: intl.formatMessage({ id: 'staff.timeline.settlement' }), dateOnly: true },
  ]
    .filter((e) => e.at)
    .sort((a, b) => a.at.localeCompare(b.at));

  return (
    <>
      <h1>
        {call.code}: {call.title}
      </h1>
      <p>
        <FormattedMessage id="staff.overview.status" /> <strong className="status-tag">{call.statusName[locale]}</strong>
      </p>
      <ErrorSummary form="call-actions" errors={errors.errors} version={errors.version} labels={{}} />

      <section aria-labelledby="actions-title">
        <h2 id="actions-title">
          <FormattedMessage id="staff.overview.actions" />
        </h2>
        <ul className="actions-list">
          <li>
            <Link to="/sprava/vyzvy/$callId/zadosti" params={{ callId: call.id }}>
              <FormattedMessage id="staff.overview.applications" values={{ count: rows.length }} />
            </Link>
          </li>
          {call.status === 'closed' && (counts.submitted ?? 0) > 0 && (
            <li>
              <Link to="/sprava/vyzvy/$callId/zadosti" params={{ callId: call.id }} search={{ stav: 'submitted' } as never}>
                <FormattedMessage id="staff.overview.formalCheck" values={{ count: counts.submitted ?? 0 }} />
              </Link>
            </li>
          )}
          {DECIDING.has(call.status) && (
            <li>
              <Link to="/sprava/vyzvy/$callId/rozhodnuti" params={{ callId: call.id }}>
                <FormattedMessage id="decisions.overview.link" />
              </Link>
            </li>
          )}
          {amendable && (
            <li>
              <Link to="/sprava/vyzvy/$callId/zmena" params={{ callId: call.id }}>
                <FormattedMessage id="staff.overview.amend" />
              </Link>
            </li>
          )}
          <li>
            <Link to="/vyzvy/$callId" params={{ callId: call.id }}>
              <FormattedMessage id="staff.overview.public" />
            </Link>
          </li>
          {transition && (
            <li>
              <button type="button" className="gov-button" data-type="outlined" data-color="primary" data-size="m" disabled={move.isPending} onClick={() => setConfirming(true)}>
                <FormattedMessage id={`staff.overview.${transition}`} />
              </button>
            </li>
          )}
        </ul>
        {transition && (
          <ConfirmDialog
            open={confirming}
            title={intl.formatMessage({ id: `staff.transition.${transition}.title` }, { code: call.code })}
            confirmLabel={intl.formatMessage({ id: `staff.transition.${transition}.confirm` })}
            cancelLabel={intl.formatMessage({ id: 'staff.publish.cancel' })}
            busy={move.isPending}
            onConfirm={() => move.mutate(transition)}
            onCancel={() => setConfirming(false)}
          >
            <p>
              <FormattedMessage id="staff.transition.freezes" />
            </p>
            <ul>
              {Array.from({ length: FREEZES[transition] }, (_, i) => (
                <li key={i}>
                  <FormattedMessage id={`staff.transition.${transition}.freezes.${i + 1}`} />
                </li>
              ))}
            </ul>
          </ConfirmDialog>
        )}
      </section>

      <section aria-labelledby="counts-title">
        <h2 id="counts-title">
          <FormattedMessage id="staff.overview.counts" />
        </h2>
        {applications.isPending ? (
          <p role="status">
            <FormattedMessage id="common.loading" />
          </p>
        ) : (
          <div className="table-wrap">
            <table className="data">
              <caption className="visually-hidden">
                <FormattedMessage id="staff.overview.counts" />
              </caption>
              <thead>
                <tr>
                  <th scope="col">
                    <FormattedMessage id="staff.table.status" />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="staff.overview.count" />
                  </th>
                </tr>
              </thead>
              <tbody>
                {APPLICATION_STATUSES.filter((s) => counts[s]).map((status) => {
                  const sample = rows.find((r) => r.status === status)!;
                  return (
                    <tr key={status}>
                      <th scope="row">
                        <StatusTag status={status} name={sample.statusName} />
                      </th>
                      <td>{counts[status]}</td>
                    </tr>
                  );
                })}
                <tr>
                  <th scope="row">
                    <FormattedMessage id="staff.overview.total" />
                  </th>
                  <td>{rows.length}</td>
                </tr>
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="money-title">
        <h2 id="money-title">
          <FormattedMessage id="staff.overview.money" />
        </h2>
        <div className="table-wrap">
          <table className="data">
            <caption className="visually-hidden">
              <FormattedMessage id="staff.overview.money" />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <FormattedMessage id="staff.area.name" />
                </th>
                <th scope="col">
                  <FormattedMessage id="staff.area.allocation" />
                </th>
                <th scope="col">
                  <FormattedMessage id="staff.overview.requested" />
                </th>
                <th scope="col">
                  <FormattedMessage id="staff.overview.ratio" />
                </th>
              </tr>
            </thead>
            <tbody>
              {call.budgetAreas.map((area) => {
                const requested = sumMoney(rows.filter((r) => r.budgetAreaCode === area.code && COUNTING.has(r.status) && r.requestedAmount).map((r) => r.requestedAmount!));
                const allocation = toHalere(area.allocation);
                const percent = allocation === 0n ? 0 : Number((toHalere(requested) * 1000n) / allocation) / 10;
                return (
                  <tr key={area.code}>
                    <th scope="row">
                      {area.code} {area.name}
                    </th>
                    <td>{f.money(area.allocation)}</td>
                    <td>{f.money(requested)}</td>
                    <td>
                      <span>{intl.formatNumber(percent / 100, { style: 'percent', maximumFractionDigits: 1 })}</span>
                      <span className="bar" aria-hidden="true">
                        <span style={{ width: `${Math.min(100, percent)}%` }} />
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="timeline-title">
        <h2 id="timeline-title">
          <FormattedMessage id="staff.overview.timeline" />
        </h2>
        <ol className="timeline">
          {timeline.map((event) => (
            <li key={`${event.at}-${event.label}`}>
              <strong>{event.dateOnly ? f.date(event.at) : f.dateTime(event.at)}</strong> — {event.label}
              {event.at.slice(0, 10) > today && (
                <>
                  {' '}
                  <em>
                    <FormattedMessage id="staff.timeline.future" />
                  </em>
                </>
              )}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
