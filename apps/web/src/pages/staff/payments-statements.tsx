/**
 * /sprava/platby/vypisy: a camt.053 bank statement uploaded and matched by the API (outgoing payments confirmed,
 * returns and levies received), the result said in words (and "nothing changed" for a statement imported before),
 * the statement lines by status with a CSV, and the resolution of an unmatched line: a person picks what it pays
 * from what could match (the line's variable symbol and amount first) or records that it is none of ours, with a reason.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call, uploadWithProgress } from '../../api/client';
import { RequireRole } from '../../app/require-role';
import { QueryState } from '../../components/query-state';
import { ErrorSummary, fieldId, useFormErrors } from '../../forms/errors';
import { useFormat } from '../../lib/use-format';
import { csvAmount, downloadCsv, toCsv } from '../../features/auditor/csv';
import { TableRegion } from '../../components/table-region';
import { PAYMENTS_KEY, useCandidates, useStatementLines } from '../../features/payments/api';
import type { StatementImport, StatementLine, StatementLinePage } from '../../features/payments/api';
import { PageSizeSelect, Pager, PaymentsNav, Report } from '../../features/payments/components';
import '../../features/applicant/applicant.css';
import '../../features/staff/staff.css';
import '../../features/payments/payments.css';

export function BankStatementsPage() {
  return (
    <RequireRole roles={['staff', 'admin']}>
      <Statements />
    </RequireRole>
  );
}

const LINE_STATUSES = ['unmatched', 'matched', 'resolved'] as const;

function Statements() {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const f = useFormat();
  const queryClient = useQueryClient();
  const fileRef = useRef<HTMLInputElement>(null);
  const [imported, setImported] = useState<{ result: StatementImport; token: number } | null>(null);
  const [status, setStatus] = useState<StatementLine['status'] | ''>('unmatched');
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);
  const [resolving, setResolving] = useState<StatementLine | null>(null);
  const [resolved, setResolved] = useState<{ title: string; token: number } | null>(null);
  const [statementId, setStatementId] = useState('');
  const lines = useStatementLines(status, statementId, page, pageSize);
  const errors = useFormErrors('statement');

  const upload = useMutation({
    mutationFn: () => {
      const file = fileRef.current?.files?.[0];
      if (!file) throw new Error('no file');
      const body = new FormData();
      body.append('file', file);
      return uploadWithProgress<StatementImport>('/api/v1/bank-statements', body, () => undefined);
    },
    onMutate: () => errors.clear(),
    onSuccess: async (result) => {
      setImported({ result, token: Date.now() });
      setResolved(null);
      if (fileRef.current) fileRef.current.value = '';
      await queryClient.invalidateQueries({ queryKey: PAYMENTS_KEY });
    },
    onError: (error) => errors.fromError(error, ['file']),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!fileRef.current?.files?.length) {
      errors.setFieldErrors({ file: t('payments.statements.fileRequired') });
      return;
    }
    upload.mutate();
  };

  const exportCsv = async () => {
    const rows: StatementLine[] = [];
    for (let p = 1; ; p++) {
      const result = await call<StatementLinePage>(api.GET('/api/v1/bank-statements/lines', { params: { query: { page: p, pageSize: 200, ...(status ? { status } : {}) } } }));
      rows.push(...result.items);
      if (rows.length >= result.total || result.items.length === 0) break;
    }
    downloadCsv(
      'radky-vypisu.csv',
      toCsv(
        [
          t('payments.col.bookedOn'),
          t('payments.col.direction'),
          t('payments.col.amount'),
          t('payments.col.vs'),
          t('payments.col.counterparty'),
          t('payments.col.messageText'),
          t('payments.col.status'),
          t('payments.col.match'),
          t('payments.col.note'),
        ],
        rows.map((l) => [
          l.bookedOn,
          t(`payments.direction.${l.direction}`),
          csvAmount(l.amount),
          l.variableSymbol,
          l.counterpartyName,
          l.message,
          t(`payments.line.${l.status}`),
          l.matchType ? t(`payments.match.${l.matchType}`) : '',
          l.resolutionNote,
        ]),
      ),
    );
  };

  const fileError = errors.errors.fields.file;
  return (
    <>
      <h1>
        <FormattedMessage id="payments.statements.title" />
      </h1>
      <PaymentsNav current="statements" />
      <form onSubmit={submit} noValidate className="staff-form" aria-labelledby="upload-heading">
        <h2 id="upload-heading">
          <FormattedMessage id="payments.statements.upload" />
        </h2>
        <ErrorSummary form="statement" errors={errors.errors} version={errors.version} labels={{ file: t('payments.statements.file') }} />
        <div className="field">
          <label className="gov-form-label" htmlFor={fieldId('statement', 'file')}>
            <FormattedMessage id="payments.statements.file" />
          </label>
          <p className="field__hint" id="statement-file-hint">
            <FormattedMessage id="payments.statements.fileHint" />
          </p>
          {fileError && (
            <p className="gov-form-message" data-color="error" id="statement-file-error">
              {fileError}
            </p>
          )}
          <input
            ref={fileRef}
            id={fieldId('statement', 'file')}
            type="file"
            accept=".xml,application/xml,text/xml"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={fileError ? 'statement-file-hint statement-file-error' : 'statement-file-hint'}
          />
        </div>
        <div className="actions">
          <button type="submit" className="gov-button" data-type="solid" data-color="primary" data-size="m" disabled={upload.isPending}>
            <FormattedMessage id="payments.statements.import" />
          </button>
          {upload.isPending && (
            <span role="status">
              <FormattedMessage id="payments.working" />
            </span>
          )}
        </div>
      </form>

      {imported && (
        <ImportResult
          result={imported.result}
          token={imported.token}
          onShowLines={(id) => {
            setStatementId(id);
            setStatus('');
            setPage(1);
          }}
        />
      )}
      {resolved && (
        <Report id="resolve-report" token={resolved.token} tone="success" title={resolved.title}>
          <p>
            <FormattedMessage id="payments.statements.resolvedHint" />
          </p>
        </Report>
      )}

      <section aria-labelledby="lines-heading">
        <h2 id="lines-heading">
          <FormattedMessage id="payments.statements.lines" />
        </h2>
        <div className="table-tools" role="search" aria-label={t('payments.filter.label')}>
          <div className="field">
            <label className="gov-form-label" htmlFor="lines-status">
              <FormattedMessage id="payments.col.status" />
            </label>
            <select
              id="lines-status"
              value={status}
              onChange={(e) => {
                setStatus(e.target.value as StatementLine['status'] | '');
                setPage(1);
              }}
            >
              <option value="">{t('payments.filter.allStatuses')}</option>
              {LINE_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`payments.line.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <PageSizeSelect id="lines-size" value={pageSize} onChange={(value) => (setPageSize(value), setPage(1))} />
          <button type="button" className="gov-button" data-type="outlined" data-color="primary" data-size="m" onClick={() => void exportCsv().catch((e) => errors.fromError(e))}>
            <FormattedMessage id="payments.csv" />
          </button>
        </div>
        {statementId && (
          <p>
            <FormattedMessage id="payments.statements.onlyThis" />{' '}
            <button type="button" className="link-like" onClick={() => (setStatementId(''), setPage(1))}>
              <FormattedMessage id="payments.statements.allStatements" />
            </button>
          </p>
        )}
        <QueryState query={lines}>
          <p role="status" aria-live="polite">
            <FormattedMessage id="payments.statements.found" values={{ count: lines.data?.total ?? 0 }} />
          </p>
          {(lines.data?.items ?? []).length > 0 && (
            <>
              <TableRegion label={t('payments.statements.caption')}>
                <table className="data">
                  <caption>
                    <FormattedMessage id="payments.statements.caption" />
                  </caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('payments.col.entry')}</th>
                      <th scope="col">{t('payments.col.bookedOn')}</th>
                      <th scope="col">{t('payments.col.direction')}</th>
                      <th scope="col" className="num">
                        {t('payments.col.amount')}
                      </th>
                      <th scope="col">{t('payments.col.vs')}</th>
                      <th scope="col">{t('payments.col.counterparty')}</th>
                      <th scope="col">{t('payments.col.status')}</th>
                      <th scope="col">{t('payments.col.actions')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {(lines.data?.items ?? []).map((l) => (
                      <tr key={l.id}>
                        <th scope="row">{l.entryRef}</th>
                        <td>{f.date(l.bookedOn)}</td>
                        <td>{t(`payments.direction.${l.direction}`)}</td>
                        <td className="num">{f.money(l.amount)}</td>
                        <td>{l.variableSymbol ?? '—'}</td>
                        <td>
                          {l.counterpartyName ?? '—'}
                          {l.message && (
                            <>
                              <br />
                              <span className="meta">{l.message}</span>
                            </>
                          )}
                        </td>
                        <td>
                          <span className={`status-tag status-tag--${l.status === 'unmatched' ? 'error' : 'done'}`}>{t(`payments.line.${l.status}`)}</span>
                          {l.matchType && (
                            <>
                              <br />
                              <span className="meta">{t(`payments.match.${l.matchType}`)}</span>
                            </>
                          )}
                          {l.resolutionNote && (
                            <>
                              <br />
                              <span className="meta">{l.resolutionNote}</span>
                            </>
                          )}
                        </td>
                        <td>
                          {l.status === 'unmatched' && (
                            <button
                              type="button"
                              className="gov-button"
                              data-type="outlined"
                              data-color="primary"
                              data-size="s"
                              aria-label={t('payments.statements.resolveNamed', { entry: l.entryRef })}
                              onClick={() => setResolving(l)}
                            >
                              <FormattedMessage id="payments.statements.resolve" />
                            </button>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableRegion>
              <Pager page={page} pageSize={pageSize} total={lines.data?.total ?? 0} onPage={setPage} label={t('payments.pager.label')} />
            </>
          )}
        </QueryState>
      </section>

      {resolving && (
        <Resolution
          key={resolving.id}
          line={resolving}
          onDone={(line) => {
            setResolving(null);
            setResolved({ title: t('payments.statements.resolved', { entry: line.entryRef }), token: Date.now() });
            void queryClient.invalidateQueries({ queryKey: PAYMENTS_KEY });
          }}
          onCancel={() => setResolving(null)}
        />
      )}
    </>
  );
}

function ImportResult({ result, token, onShowLines }: { result: StatementImport; token: number; onShowLines(statementId: string): void }) {
  const intl = useIntl();
  const nothing = result.lines === 0;
  return (
    <Report
      id="import-report"
      token={token}
      tone={nothing || result.unmatched > 0 ? 'warning' : 'success'}
      title={intl.formatMessage({ id: nothing ? 'payments.statements.nothingChanged' : 'payments.statements.imported' }, { lines: result.lines })}
    >
      {nothing ? (
        <p>
          <FormattedMessage id="payments.statements.alreadyImported" values={{ skipped: result.skipped }} />
        </p>
      ) : (
        <ul>
          <li>
            <FormattedMessage id="payments.statements.matchedPayments" values={{ count: result.matchedPayments }} />
          </li>
          <li>
            <FormattedMessage id="payments.statements.matchedReturns" values={{ count: result.matchedReturns }} />
          </li>
          <li>
            <FormattedMessage id="payments.statements.matchedLevies" values={{ count: result.matchedLevies }} />
          </li>
          <li>
            <FormattedMessage id="payments.statements.unmatched" values={{ count: result.unmatched }} />
          </li>
          {result.skipped > 0 && (
            <li>
              <FormattedMessage id="payments.statements.skipped" values={{ count: result.skipped }} />
            </li>
          )}
        </ul>
      )}
      {result.statements.length === 1 && (
        <p>
          <button type="button" className="link-like" onClick={() => onShowLines(result.statements[0].id)}>
            <FormattedMessage id="payments.statements.showLines" />
          </button>
        </p>
      )}
    </Report>
  );
}

const NONE = 'none';

function Resolution({ line, onDone, onCancel }: { line: StatementLine; onDone(line: StatementLine): void; onCancel(): void }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const f = useFormat();
  const candidates = useCandidates(line.id);
  const [choice, setChoice] = useState('');
  const [note, setNote] = useState('');
  const errors = useFormErrors('resolve');
  const headingRef = useRef<HTMLHeadingElement>(null);
  // The form opens below the table: the focus goes to its heading, so a keyboard user is taken there.
  useEffect(() => headingRef.current?.focus(), []);
  const save = useMutation({
    mutationFn: () => {
      const picked = (candidates.data ?? []).find((c) => `${c.matchType}:${c.matchId}` === choice);
      return call<StatementLine>(
        api.POST('/api/v1/bank-statements/lines/{id}/resolve', {
          params: { path: { id: line.id } },
          body: { version: line.version, note, ...(picked ? { matchType: picked.matchType, matchId: picked.matchId } : {}) },
        }),
      );
    },
    onSuccess: (saved) => onDone(saved),
    onError: (error) => errors.fromError(error, ['note', 'matchType', 'matchId']),
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields: Record<string, string> = {};
    if (choice === '') fields.matchType = t('payments.statements.chooseRequired');
    if (note.trim().length < 3) fields.note = t('payments.statements.noteRequired');
    if (Object.keys(fields).length > 0) errors.setFieldErrors(fields);
    else save.mutate();
  };
  const choiceError = errors.errors.fields.matchType ?? errors.errors.fields.matchId;
  return (
    <section aria-labelledby="resolve-heading" className="resolution staff-form">
      <h2 id="resolve-heading" ref={headingRef} tabIndex={-1}>
        <FormattedMessage id="payments.statements.resolveTitle" values={{ entry: line.entryRef }} />
      </h2>
      <p>
        <FormattedMessage
          id="payments.statements.lineSummary"
          values={{
            direction: t(`payments.direction.${line.direction}`),
            amount: f.money(line.amount),
            date: f.date(line.bookedOn),
            vs: line.variableSymbol ?? '—',
            who: line.counterpartyName ?? '—',
          }}
        />
      </p>
      <form onSubmit={submit} noValidate>
        <ErrorSummary
          form="resolve"
          errors={errors.errors}
          version={errors.version}
          labels={{ note: t('payments.statements.note'), matchType: t('payments.statements.what'), matchId: t('payments.statements.what') }}
        />
        <QueryState query={candidates}>
          <fieldset aria-describedby={choiceError ? 'resolve-matchType-error' : undefined}>
            <legend className="gov-form-label">
              <FormattedMessage id="payments.statements.what" />
            </legend>
            {choiceError && (
              <p className="gov-form-message" data-color="error" id="resolve-matchType-error">
                {choiceError}
              </p>
            )}
            {(candidates.data ?? []).map((c, i) => {
              const value = `${c.matchType}:${c.matchId}`;
              return (
                <div className="choice" key={value}>
                  <input
                    type="radio"
                    name="resolve-choice"
                    id={i === 0 ? fieldId('resolve', 'matchType') : `resolve-choice-${i}`}
                    value={value}
                    checked={choice === value}
                    onChange={() => setChoice(value)}
                  />
                  <label htmlFor={i === 0 ? fieldId('resolve', 'matchType') : `resolve-choice-${i}`}>
                    <FormattedMessage
                      id={`payments.candidate.${c.matchType}`}
                      values={{ agreement: c.agreementNumber, who: c.recipientName, amount: f.money(c.amount), vs: c.variableSymbol, tranche: c.trancheNo ?? 0 }}
                    />
                    {(c.sameVariableSymbol || c.sameAmount) && (
                      <>
                        {' '}
                        <span className="meta">
                          ({[c.sameVariableSymbol ? t('payments.candidate.sameVs') : null, c.sameAmount ? t('payments.candidate.sameAmount') : null].filter(Boolean).join(', ')})
                        </span>
                      </>
                    )}
                  </label>
                </div>
              );
            })}
            <div className="choice">
              <input
                type="radio"
                name="resolve-choice"
                id={(candidates.data ?? []).length === 0 ? fieldId('resolve', 'matchType') : 'resolve-choice-none'}
                value={NONE}
                checked={choice === NONE}
                onChange={() => setChoice(NONE)}
              />
              <label htmlFor={(candidates.data ?? []).length === 0 ? fieldId('resolve', 'matchType') : 'resolve-choice-none'}>
                <FormattedMessage id="payments.statements.notOurs" />
              </label>
            </div>
          </fieldset>
        </QueryState>
        <div className="field">
          <label className="gov-form-label" htmlFor={fieldId('resolve', 'note')}>
            <FormattedMessage id="payments.statements.note" />
          </label>
          <p className="field__hint" id="resolve-note-hint">
            <FormattedMessage id="payments.statements.noteHint" />
          </p>
          {errors.errors.fields.note && (
            <p className="gov-form-message" data-color="error" id="resolve-note-error">
              {errors.errors.fields.note}
            </p>
          )}
          <textarea
            id={fieldId('resolve', 'note')}
            rows={3}
            value={note}
            aria-invalid={errors.errors.fields.note ? true : undefined}
            aria-describedby={errors.errors.fields.note ? 'resolve-note-hint resolve-note-error' : 'resolve-note-hint'}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <div className="actions">
          <button type="submit" className="gov-button" data-type="solid" data-color="primary" data-size="m" disabled={save.isPending}>
            <FormattedMessage id="payments.statements.saveResolution" />
          </button>
          <button type="button" className="gov-button" data-type="outlined" data-color="primary" data-size="m" onClick={onCancel}>
            <FormattedMessage id="payments.back" />
          </button>
        </div>
      </form>
    </section>
  );
}
