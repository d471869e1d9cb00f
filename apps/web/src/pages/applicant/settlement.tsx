/**
 * /vyuctovani/<agreementId>: the recipient's settlement (finanční vypořádání). Cost documents charged to the
 * budget lines (each line's remaining amount live), a scan per document, outputs CHOSEN from the indicators the
 * application promised or the funded activities track (never free text) with what was achieved, saved as the
 * user types by the portal's one autosave queue (draftVersion: two tabs never overwrite each other), then
 * submitted after a confirmation. Once submitted the page shows the settlement, and after the check its return.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call, uploadWithProgress } from '../../api/client';
import { RequireRole } from '../../app/require-role';
import { ConflictNotice, changedFields } from '../../components/conflict';
import { QueryState } from '../../components/query-state';
import { ErrorSummary, TextField, fieldId, useFormErrors } from '../../forms/errors';
import { parseMoneyInput } from '../../lib/format';
import { AutosaveProvider, AutosaveStatus, useAutosave, useRestoredEdits } from '../../lib/autosave/use-autosave';
import { useFormat } from '../../lib/use-format';
import { ConfirmDialog } from '../../features/staff/confirm-dialog';
import { draftKey, settlementQueueFor, useSettlementDraft } from '../../features/settlement/api';
import type { DraftDocument, OutputOption, Settlement, SettlementDraft } from '../../features/settlement/api';
import { Facts, SelectField } from '../../features/settlement/fields';
import { lineBalances, totals } from '../../features/settlement/lines';
import { SettlementResult } from '../../features/settlement/result';
import '../../features/applicant/applicant.css';
import '../../features/settlement/settlement.css';

const FORM = 'settlement';

/** A cost document as the form holds it: what the server has plus the amount as typed. */
interface DocumentState {
  id: string;
  budgetLineId?: string;
  number?: string;
  issuedOn?: string;
  supplier?: string;
  amount?: string;
  paidOn?: string;
}

interface OutputState {
  indicator: string;
  unit: string;
  achieved?: number;
}

interface Sections {
  costDocuments: DocumentState[];
  report: OutputState[];
}

export function SettlementPage() {
  const { agreementId } = useParams({ strict: false }) as { agreementId: string };
  return (
    <RequireRole roles={['applicant']}>
      <Loaded agreementId={agreementId} />
    </RequireRole>
  );
}

function Loaded({ agreementId }: { agreementId: string }) {
  const draft = useSettlementDraft(agreementId);
  const queue = useMemo(() => settlementQueueFor(agreementId), [agreementId]);
  const restored = useRestoredEdits(queue);
  if (!draft.data) return <QueryState query={draft}>{null}</QueryState>;
  if (draft.data.settlementId) return <Submitted draft={draft.data} settlementId={draft.data.settlementId} />;
  if (!restored.ready)
    return (
      <p role="status">
        <FormattedMessage id="common.loading" />
      </p>
    );
  const initial: Sections = { ...fromServer(draft.data), ...(restored.restored?.sections as Partial<Sections> | undefined) };
  return (
    <AutosaveProvider queue={queue}>
      <Editor draft={draft.data} initial={initial} />
    </AutosaveProvider>
  );
}

function fromServer(draft: SettlementDraft): Sections {
  return {
    costDocuments: draft.costDocuments.map(({ files: _files, ...d }) => compact(d) as DocumentState),
    report: draft.report.map((r) => compact(r) as OutputState),
  };
}

/** Drops empty values: the draft keeps only what was typed (and the API refuses an empty date). */
function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null && v !== undefined && v !== '')) as T;
}

const optionKey = (o: { indicator: string; unit: string }) => `${o.indicator}\u0000${o.unit}`;

function Editor({ draft, initial }: { draft: SettlementDraft; initial: Sections }) {
  const intl = useIntl();
  const f = useFormat();
  const queryClient = useQueryClient();
  const { queue, state } = useAutosave();
  const [sections, setSections] = useState<Sections>(initial);
  const [amountText, setAmountText] = useState<Record<string, string>>(() => Object.fromEntries(initial.costDocuments.map((d) => [d.id, d.amount ? f.amount(d.amount) : ''])));
  const version = useRef(draft.draftVersion);
  const errors = useFormErrors(FORM);
  const [confirming, setConfirming] = useState(false);
  const focusNext = useRef<string | null>(null);
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);

  useEffect(
    () =>
      queue.onSaved((saved) => {
        version.current = saved.draftVersion;
        queryClient.setQueryData(draftKey(draft.agreementId), saved);
      }),
    [draft.agreementId, queue, queryClient],
  );
  useEffect(() => {
    if (focusNext.current) {
      document.getElementById(focusNext.current)?.focus();
      focusNext.current = null;
    }
  });

  const edit = useCallback(
    (next: Partial<Sections>) => {
      setSections((current) => ({ ...current, ...next }));
      void queue.edit(version.current, next as Record<string, unknown>);
    },
    [queue],
  );
  const editDocument = (index: number, change: Partial<DocumentState>) => {
    const costDocuments = sections.costDocuments.map((d, i) => (i === index ? compact({ ...d, ...change }) : d));
    edit({ costDocuments });
  };

  const balances = lineBalances(draft.budgetLines, sections.costDocuments);
  const sum = totals(draft.paid, sections.costDocuments);
  const lineName = (id: string) => {
    const line = draft.budgetLines.find((l) => l.id === id);
    return line ? `${line.category} – ${line.description}` : id;
  };

  const submit = useMutation({
    mutationFn: async () => {
      await queue.flush();
      return call<Settlement>(api.POST('/api/v1/agreements/{id}/settlement-draft/submission', { params: { path: { id: draft.agreementId } }, body: { version: version.current } }));
    },
    onSuccess: async () => {
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: draftKey(draft.agreementId) });
      await queryClient.invalidateQueries({ queryKey: ['applications'] });
    },
    onError: (error) => {
      setConfirming(false);
      errors.fromError(error);
    },
  });

  const labels: Record<string, string> = { costDocuments: t('settlement.documents.title') };
  sections.costDocuments.forEach((_, i) => {
    for (const field of ['budgetLineId', 'number', 'issuedOn', 'supplier', 'amount', 'paidOn']) {
      labels[`costDocuments[${i}].${field}`] = `${t('settlement.document.legend', { n: i + 1 })} – ${t(`settlement.document.${field}`)}`;
    }
  });
  sections.report.forEach((r, i) => {
    labels[`report[${i}].achieved`] = `${r.indicator} – ${t('settlement.outputs.achieved')}`;
    labels[`report[${i}].indicator`] = r.indicator;
  });

  return (
    <>
      {state.kind === 'conflict' && (
        <ConflictNotice
          changes={changedFields(
            state.mine,
            fromServer(state.theirs as unknown as SettlementDraft) as unknown as Record<string, unknown>,
            Object.fromEntries(Object.keys(state.mine).map((s) => [s, s === 'report' ? t('settlement.outputs.title') : t('settlement.documents.title')])),
            (v) => (Array.isArray(v) ? t('settlement.conflict.items', { count: v.length }) : '—'),
          )}
          onKeepMine={() => void queue.keepMine(state.theirs)}
          onTakeTheirs={() => {
            const theirs = state.theirs as unknown as SettlementDraft;
            const next = fromServer(theirs);
            setSections(next);
            setAmountText(Object.fromEntries(next.costDocuments.map((d) => [d.id, d.amount ? f.amount(d.amount) : ''])));
            version.current = theirs.draftVersion;
            void queue.takeTheirs(state.theirs);
          }}
        />
      )}
      <h1>
        <FormattedMessage id="settlement.form.title" values={{ number: draft.agreementNumber }} />
      </h1>
      <p className="lead">{draft.title}</p>
      <Facts
        items={[
          [t('settlement.facts.organisation'), draft.organisationName],
          [t('settlement.facts.paid'), f.money(draft.paid)],
          [t('settlement.facts.deadline'), f.date(draft.settlementDeadline)],
        ]}
      />
      <AutosaveStatus state={state} />
      <ErrorSummary form={FORM} errors={errors.errors} version={errors.version} labels={labels} />

      <section aria-labelledby="settlement-lines-title">
        <h2 id="settlement-lines-title">
          <FormattedMessage id="settlement.lines.title" />
        </h2>
        <div className="table-wrap" role="region" aria-labelledby="settlement-lines-caption" tabIndex={0}>
          <table className="data">
            <caption id="settlement-lines-caption">
              <FormattedMessage id="settlement.lines.caption" />
            </caption>
            <thead>
              <tr>
                <th scope="col">
                  <FormattedMessage id="settlement.lines.line" />
                </th>
                <th scope="col" className="num">
                  <FormattedMessage id="settlement.lines.planned" />
                </th>
                <th scope="col" className="num">
                  <FormattedMessage id="settlement.lines.claimed" />
                </th>
                <th scope="col" className="num">
                  <FormattedMessage id="settlement.lines.remaining" />
                </th>
              </tr>
            </thead>
            <tbody>
              {balances.map((b) => (
                <tr key={b.id}>
                  <th scope="row">{lineName(b.id)}</th>
                  <td className="num">{f.money(b.planned)}</td>
                  <td className="num">{f.money(b.claimed)}</td>
                  <td className="num">{b.over ? t('settlement.lines.over', { amount: f.money(b.remaining.replace('-', '')) }) : f.money(b.remaining)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">
                  <FormattedMessage id="settlement.lines.total" />
                </th>
                <td className="num">{f.money(draft.grant)}</td>
                <td className="num">{f.money(sum.claimed)}</td>
                <td className="num">
                  <FormattedMessage id="settlement.lines.unspent" values={{ amount: f.money(sum.unspent) }} />
                </td>
              </tr>
            </tfoot>
          </table>
        </div>
        <p className="visually-hidden" role="status" aria-live="polite">
          <FormattedMessage id="settlement.lines.live" values={{ claimed: f.money(sum.claimed), unspent: f.money(sum.unspent) }} />
        </p>
      </section>

      <section aria-labelledby="settlement-documents-title">
        <h2 id="settlement-documents-title">
          <FormattedMessage id="settlement.documents.title" />
        </h2>
        <p className="field__hint">
          <FormattedMessage id="settlement.documents.hint" />
        </p>
        {errors.errors.fields.costDocuments && (
          <p className="gov-form-message" data-color="error" id={fieldId(FORM, 'costDocuments')} tabIndex={-1}>
            {errors.errors.fields.costDocuments}
          </p>
        )}
        {sections.costDocuments.map((document, i) => (
          <DocumentFields
            key={document.id}
            index={i}
            document={document}
            amountText={amountText[document.id] ?? ''}
            draft={draft}
            errors={errors.errors.fields}
            onAmountText={(text) => {
              setAmountText((current) => ({ ...current, [document.id]: text }));
              const parsed = text.trim() === '' ? undefined : parseMoneyInput(text);
              if (parsed !== null) editDocument(i, { amount: parsed });
            }}
            onChange={(change) => editDocument(i, change)}
            onRemove={() => {
              edit({ costDocuments: sections.costDocuments.filter((_, j) => j !== i) });
              focusNext.current = 'settlement-add-document';
            }}
            flush={() => queue.flush()}
          />
        ))}
        <div className="actions">
          <button
            type="button"
            id="settlement-add-document"
            className="gov-button"
            data-type="outlined"
            data-color="primary"
            data-size="m"
            onClick={() => {
              const id = crypto.randomUUID();
              edit({ costDocuments: [...sections.costDocuments, { id, budgetLineId: draft.budgetLines.length === 1 ? draft.budgetLines[0].id : undefined }] });
              focusNext.current = fieldId(FORM, `costDocuments[${sections.costDocuments.length}].budgetLineId`);
            }}
          >
            <FormattedMessage id="settlement.documents.add" />
          </button>
        </div>
      </section>

      <Outputs options={draft.outputOptions} report={sections.report} errors={errors.errors.fields} onChange={(report) => edit({ report })} />

      <section aria-labelledby="settlement-submit-title">
        <h2 id="settlement-submit-title">
          <FormattedMessage id="settlement.submit.title" />
        </h2>
        <p>
          <FormattedMessage id="settlement.submit.intro" />
        </p>
        <div className="actions">
          <button type="button" className="gov-button" data-type="solid" data-color="primary" data-size="m" disabled={submit.isPending} onClick={() => setConfirming(true)}>
            <FormattedMessage id="settlement.submit.button" />
          </button>
        </div>
      </section>
      <ConfirmDialog
        open={confirming}
        title={t('settlement.submit.confirmTitle')}
        confirmLabel={t('settlement.submit.confirm')}
        cancelLabel={t('settlement.cancel')}
        busy={submit.isPending}
        onConfirm={() => {
          // Closed first, so that focus returns to the button before an error summary takes it.
          setConfirming(false);
          submit.mutate();
        }}
        onCancel={() => setConfirming(false)}
      >
        <p>
          <FormattedMessage
            id="settlement.submit.confirmText"
            values={{ documents: sections.costDocuments.length, claimed: f.money(sum.claimed), outputs: sections.report.length }}
          />
        </p>
      </ConfirmDialog>
    </>
  );
}

function DocumentFields({
  index,
  document,
  amountText,
  draft,
  errors,
  onAmountText,
  onChange,
  onRemove,
  flush,
}: {
  index: number;
  document: DocumentState;
  amountText: string;
  draft: SettlementDraft;
  errors: Record<string, string>;
  onAmountText(text: string): void;
  onChange(change: Partial<DocumentState>): void;
  onRemove(): void;
  flush(): Promise<void>;
}) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const name = (field: string) => `costDocuments[${index}].${field}`;
  const amountInvalid = amountText.trim() !== '' && parseMoneyInput(amountText) === null;
  const files: DraftDocument['files'] = draft.costDocuments.find((d) => d.id === document.id)?.files ?? [];
  const [progress, setProgress] = useState<number | null>(null);
  const [verdict, setVerdict] = useState<{ ok: boolean; text: string } | null>(null);
  const scanId = `settlement-scan-${document.id}`;

  const upload = async (file: File) => {
    setVerdict(null);
    setProgress(0);
    try {
      // The scan waits on the draft's document, so the document must be on the server first.
      await flush();
      const body = new FormData();
      body.append('file', file);
      await uploadWithProgress(`/api/v1/cost-documents/${document.id}/files`, body, setProgress);
      await queryClient.invalidateQueries({ queryKey: draftKey(draft.agreementId) });
      setVerdict({ ok: true, text: t('settlement.scan.uploaded', { name: file.name }) });
    } catch (error) {
      setVerdict({ ok: false, text: error instanceof Error ? error.message : t('common.error.unexpected') });
    } finally {
      setProgress(null);
    }
  };

  return (
    <fieldset className="settlement-document">
      <legend>
        <FormattedMessage id="settlement.document.legend" values={{ n: index + 1 }} />
      </legend>
      <SelectField
        form={FORM}
        name={name('budgetLineId')}
        label={t('settlement.document.budgetLineId')}
        value={document.budgetLineId ?? ''}
        error={errors[name('budgetLineId')]}
        onChange={(value) => onChange({ budgetLineId: value || undefined })}
      >
        <option value="">{t('settlement.document.chooseLine')}</option>
        {draft.budgetLines.map((line) => (
          <option key={line.id} value={line.id}>
            {line.category} – {line.description}
          </option>
        ))}
      </SelectField>
      <TextField
        form={FORM}
        name={name('number')}
        label={t('settlement.document.number')}
        value={document.number ?? ''}
        error={errors[name('number')]}
        onChange={(v) => onChange({ number: v })}
      />
      <TextField
        form={FORM}
        name={name('supplier')}
        label={t('settlement.document.supplier')}
        value={document.supplier ?? ''}
        error={errors[name('supplier')]}
        onChange={(v) => onChange({ supplier: v })}
      />
      <TextField
        form={FORM}
        name={name('issuedOn')}
        type="date"
        label={t('settlement.document.issuedOn')}
        value={document.issuedOn ?? ''}
        error={errors[name('issuedOn')]}
        onChange={(v) => onChange({ issuedOn: v || undefined })}
      />
      <TextField
        form={FORM}
        name={name('amount')}
        label={t('settlement.document.amount')}
        inputMode="decimal"
        hint={t('settlement.document.amountHint')}
        value={amountText}
        error={amountInvalid ? t('settlement.document.amountInvalid') : errors[name('amount')]}
        onChange={onAmountText}
      />
      <TextField
        form={FORM}
        name={name('paidOn')}
        type="date"
        label={t('settlement.document.paidOn')}
        value={document.paidOn ?? ''}
        error={errors[name('paidOn')]}
        onChange={(v) => onChange({ paidOn: v || undefined })}
      />
      <div className="field">
        <label className="gov-form-label" htmlFor={scanId}>
          <span className="gov-form-label__label">
            <FormattedMessage id="settlement.scan.label" values={{ n: index + 1 }} />
          </span>
        </label>
        <p className="field__hint" id={`${scanId}-hint`}>
          <FormattedMessage id="settlement.scan.hint" />
        </p>
        <input
          id={scanId}
          type="file"
          accept=".pdf,.jpg,.jpeg,.png"
          aria-describedby={`${scanId}-hint`}
          disabled={progress !== null}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) void upload(file);
          }}
        />
      </div>
      {progress !== null && (
        <p>
          <label htmlFor={`${scanId}-progress`}>
            <FormattedMessage id="settlement.scan.uploading" />
          </label>{' '}
          <progress id={`${scanId}-progress`} max={1} value={progress} aria-valuetext={`${Math.round(progress * 100)} %`} />
        </p>
      )}
      <p role="status" aria-live="polite" className={verdict && !verdict.ok ? 'text-error' : undefined}>
        {verdict?.text}
      </p>
      {files.length > 0 && (
        <ul aria-label={t('settlement.scan.list', { n: index + 1 })}>
          {files.map((file) => (
            <li key={file.id}>{file.fileName}</li>
          ))}
        </ul>
      )}
      <div className="actions">
        <button type="button" className="gov-button" data-type="outlined" data-color="error" data-size="s" onClick={onRemove}>
          <FormattedMessage id="settlement.document.remove" values={{ n: index + 1 }} />
        </button>
      </div>
    </fieldset>
  );
}

function Outputs({
  options,
  report,
  errors,
  onChange,
}: {
  options: readonly OutputOption[];
  report: OutputState[];
  errors: Record<string, string>;
  onChange(report: OutputState[]): void;
}) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const chosen = new Map(report.map((r, i) => [optionKey(r), i]));
  const [texts, setTexts] = useState<Record<string, string>>(() => Object.fromEntries(report.map((r) => [optionKey(r), r.achieved === undefined ? '' : String(r.achieved)])));
  return (
    <section aria-labelledby="settlement-outputs-title">
      <h2 id="settlement-outputs-title">
        <FormattedMessage id="settlement.outputs.title" />
      </h2>
      <fieldset className="settlement-outputs">
        <legend>
          <FormattedMessage id="settlement.outputs.legend" />
        </legend>
        {options.length === 0 && (
          <p>
            <FormattedMessage id="settlement.outputs.none" />
          </p>
        )}
        {options.map((option, n) => {
          const key = optionKey(option);
          const index = chosen.get(key);
          const checkboxId = `settlement-output-${n}`;
          const achievedName = `report[${index ?? -1}].achieved`;
          const text = texts[key] ?? '';
          const invalid = text !== '' && !/^\d{1,9}$/.test(text.trim());
          const error = invalid ? t('settlement.outputs.achievedInvalid') : index !== undefined ? (errors[achievedName] ?? errors[`report[${index}].indicator`]) : undefined;
          return (
            <div key={key} className="settlement-output">
              <label className="checkbox-row" htmlFor={checkboxId}>
                <input
                  id={checkboxId}
                  type="checkbox"
                  checked={index !== undefined}
                  aria-describedby={`${checkboxId}-hint`}
                  onChange={(event) => {
                    if (event.target.checked) onChange([...report, { indicator: option.indicator, unit: option.unit }]);
                    else onChange(report.filter((r) => optionKey(r) !== key));
                  }}
                />
                {option.indicator} ({option.unit})
              </label>
              <p className="field__hint" id={`${checkboxId}-hint`}>
                {option.source === 'application' ? (
                  <FormattedMessage id="settlement.outputs.promised" values={{ count: option.promised, unit: option.unit }} />
                ) : (
                  <FormattedMessage id="settlement.outputs.activity" values={{ code: option.activityCode ?? '' }} />
                )}
              </p>
              {index !== undefined && (
                <TextField
                  form={FORM}
                  name={achievedName}
                  label={t('settlement.outputs.achievedOf', { indicator: option.indicator, unit: option.unit })}
                  inputMode="numeric"
                  value={text}
                  error={error}
                  onChange={(value) => {
                    setTexts((current) => ({ ...current, [key]: value }));
                    const trimmed = value.trim();
                    if (trimmed === '' || /^\d{1,9}$/.test(trimmed)) {
                      onChange(report.map((r, i) => (i === index ? compact({ indicator: r.indicator, unit: r.unit, achieved: trimmed === '' ? undefined : Number(trimmed) }) : r)));
                    }
                  }}
                />
              )}
            </div>
          );
        })}
      </fieldset>
    </section>
  );
}

/** After submission: the settlement as submitted, and once checked, its return with the letter to download. */
function Submitted({ draft, settlementId }: { draft: SettlementDraft; settlementId: string }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        <FormattedMessage id="settlement.form.title" values={{ number: draft.agreementNumber }} />
      </h1>
      <p className="lead">{draft.title}</p>
      <SettlementResult settlementId={settlementId} audience="recipient" />
    </>
  );
}
