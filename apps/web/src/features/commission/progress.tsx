/**
 * The progress of the scoring for the secretary and the chair: each member's load (scored, draft, not started)
 * and each application's sheets, with the spread flag; the chair reopens a submitted sheet with a reason.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call } from '../../api/client';
import { ErrorSummary, TextField, useFormErrors } from '../../forms/errors';
import { useFormat } from '../../lib/use-format';
import { QueryState } from '../../components/query-state';
import { keys, useProgress } from './api';
import { DataTable } from '../../components/table-region';
import type { Progress } from './api';

export function ProgressView({ commissionId, canReopen }: { commissionId: string; canReopen: boolean }) {
  const intl = useIntl();
  const f = useFormat();
  const progress = useProgress(commissionId);
  const [reopening, setReopening] = useState<{ applicationId: string; number: string; userId: string; name: string } | null>(null);
  const data: Progress | undefined = progress.data;
  return (
    <section aria-labelledby="progress-title">
      <h2 id="progress-title">
        <FormattedMessage id="commission.progress.title" />
      </h2>
      <QueryState query={progress}>
        {data && (
          <>
            <DataTable
              caption={intl.formatMessage({ id: 'commission.progress.membersCaption' })}
              columns={[
                { label: <FormattedMessage id="commission.progress.member" /> },
                { label: <FormattedMessage id="commission.progress.assigned" />, num: true },
                { label: <FormattedMessage id="commission.status.submitted" />, num: true },
                { label: <FormattedMessage id="commission.status.draft" />, num: true },
                { label: <FormattedMessage id="commission.status.new" />, num: true },
              ]}
            >
              {data.members.map((m) => (
                <tr key={m.userId}>
                  <th scope="row">{m.displayName}</th>
                  <td className="num">{m.assigned}</td>
                  <td className="num">{m.submitted}</td>
                  <td className="num">{m.draft}</td>
                  <td className="num">{m.notStarted}</td>
                </tr>
              ))}
            </DataTable>
            <DataTable
              caption={intl.formatMessage({ id: 'commission.progress.applicationsCaption' }, { required: data.reviewersPerApplication })}
              columns={[
                { label: <FormattedMessage id="commission.progress.application" /> },
                { label: <FormattedMessage id="commission.progress.sheets" /> },
                { label: <FormattedMessage id="commission.progress.mean" />, num: true },
                { label: <FormattedMessage id="commission.progress.spread" />, num: true },
              ]}
            >
              {data.applications.map((a) => (
                <tr key={a.applicationId} className={a.flagged ? 'row-flagged' : undefined}>
                  <th scope="row">
                    {a.number}
                    <div className="meta">{a.applicant}</div>
                  </th>
                  <td>
                    {a.sheets.length === 0 ? (
                      <FormattedMessage id="commission.progress.noReviewers" />
                    ) : (
                      <ul className="plain">
                        {a.sheets.map((s) => (
                          <li key={s.userId}>
                            {s.displayName}: <FormattedMessage id={`commission.status.${s.status}`} />
                            {canReopen && s.status === 'submitted' && (
                              <>
                                {' '}
                                <button
                                  type="button"
                                  className="gov-button"
                                  data-type="outlined"
                                  data-color="primary"
                                  data-size="s"
                                  onClick={() => setReopening({ applicationId: a.applicationId, number: a.number, userId: s.userId, name: s.displayName })}
                                >
                                  <FormattedMessage id="commission.progress.reopen" values={{ name: s.displayName, number: a.number }} />
                                </button>
                              </>
                            )}
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td className="num">{a.mean ? f.amount(a.mean) : '—'}</td>
                  <td className="num">
                    {a.spread ? f.amount(a.spread) : '—'}
                    {a.flagged && (
                      <div>
                        <strong>
                          <FormattedMessage id="commission.progress.flagged" />
                        </strong>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </DataTable>
            {reopening && <ReopenForm commissionId={commissionId} target={reopening} onDone={() => setReopening(null)} />}
          </>
        )}
      </QueryState>
    </section>
  );
}

function ReopenForm({ commissionId, target, onDone }: { commissionId: string; target: { applicationId: string; number: string; userId: string; name: string }; onDone(): void }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const errors = useFormErrors('reopen');
  const [reason, setReason] = useState('');
  const reopen = useMutation({
    mutationFn: () =>
      call(
        api.POST('/api/v1/reviews/{applicationId}/sheets/{userId}/reopen', { params: { path: { applicationId: target.applicationId, userId: target.userId } }, body: { reason } }),
      ),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: keys.progress(commissionId) });
      onDone();
    },
    onError: (error) => errors.fromError(error, ['reason']),
  });
  return (
    <form
      className="notice"
      aria-labelledby="reopen-title"
      onSubmit={(event) => {
        event.preventDefault();
        if (reason.trim().length < 5) return errors.setFieldErrors({ reason: intl.formatMessage({ id: 'commission.progress.reasonRequired' }) });
        reopen.mutate();
      }}
    >
      <h3 id="reopen-title">
        <FormattedMessage id="commission.progress.reopenTitle" values={{ name: target.name, number: target.number }} />
      </h3>
      <ErrorSummary form="reopen" errors={errors.errors} version={errors.version} labels={{ reason: intl.formatMessage({ id: 'commission.progress.reason' }) }} />
      <TextField
        form="reopen"
        name="reason"
        label={intl.formatMessage({ id: 'commission.progress.reason' })}
        value={reason}
        onChange={setReason}
        error={errors.errors.fields.reason}
        autoFocus
      />
      <p>
        <button type="submit" className="gov-button" data-type="solid" data-color="primary" data-size="m" disabled={reopen.isPending}>
          <FormattedMessage id="commission.progress.reopenConfirm" />
        </button>{' '}
        <button type="button" className="gov-button" data-type="outlined" data-color="primary" data-size="m" onClick={onDone}>
          <FormattedMessage id="commission.cancel" />
        </button>
      </p>
    </form>
  );
}
