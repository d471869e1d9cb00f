/**
 * The score sheet: every criterion with its description, scale and weight, points or "not applicable", a
 * justification, and the weighted total computed live by the server's rule (weighted-total.ts). Drafts go
 * through the portal's one autosave mechanism (IndexedDB first, then PUT with the sheet's version; a second
 * tab's newer version stops the queue with <ConflictNotice>); submitting locks the sheet.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call } from '../../api/client';
import { ProblemError } from '../../api/errors';
import { ConflictNotice, changedFields } from '../../components/conflict';
import { ErrorSummary, fieldId, useFormErrors } from '../../forms/errors';
import { AutosaveQueue } from '../../lib/autosave/queue';
import type { AutosaveStorage, SavedDraft, Sections } from '../../lib/autosave/queue';
import { AutosaveStatus, indexedDbStorage, useAutosaveState, useLeaveWarning } from '../../lib/autosave/use-autosave';
import { whenOnline } from '../../lib/connection';
import { useFormat } from '../../lib/use-format';
import type { Sheet, StoredScore } from './api';
import { weightedTotal } from './weighted-total';
import './commission.css';

export interface SheetCriterionView {
  id: string;
  code: string;
  name: string;
  description?: string;
  maxScore: number;
  weight: string;
  minScore: number | null;
}

/** What the reviewer types: the score stays text until it is a whole number in range. */
interface Entry {
  score: string;
  notApplicable: boolean;
  justification: string;
}

const FORM = 'sheet';
export const scoreFieldId = (criterionId: string) => fieldId(FORM, `scores[${criterionId}]`);

function toEntries(scores: readonly StoredScore[]): Record<string, Entry> {
  return Object.fromEntries(
    scores.map((s) => [s.criterionId, { score: s.score === null || s.score === undefined ? '' : String(s.score), notApplicable: s.notApplicable, justification: s.justification }]),
  );
}

/** "1.500" → "1,5" (Czech) or "1.5"; "2" stays "2". */
function showWeight(weight: string, locale: string): string {
  const trimmed = weight.includes('.') ? weight.replace(/0+$/, '').replace(/\.$/, '') : weight;
  return locale === 'cs' ? trimmed.replace('.', ',') : trimmed;
}

function parseScore(text: string, max: number): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,4}$/.test(trimmed)) return null;
  const value = Number(trimmed);
  return value <= max ? value : null;
}

function toPayload(criteria: readonly SheetCriterionView[], entries: Record<string, Entry>): StoredScore[] {
  return criteria
    .filter((c) => entries[c.id])
    .map((c) => {
      const e = entries[c.id];
      return { criterionId: c.id, score: e.notApplicable ? null : parseScore(e.score, c.maxScore), notApplicable: e.notApplicable, justification: e.justification };
    });
}

/** One queue per sheet for the whole tab. */
const queues = new Map<string, AutosaveQueue>();
export function sheetQueueFor(applicationId: string, storage: AutosaveStorage = indexedDbStorage): AutosaveQueue {
  let queue = queues.get(applicationId);
  if (!queue) {
    queue = new AutosaveQueue({
      key: `score-sheet:${applicationId}`,
      storage,
      whenOnline,
      send: async (version, sections) => {
        try {
          const saved = await call<Sheet>(
            api.PUT('/api/v1/reviews/{applicationId}/sheet', { params: { path: { applicationId } }, body: { version, scores: (sections.scores ?? []) as StoredScore[] } as never }),
          );
          return { ...saved, draftVersion: saved.version };
        } catch (error) {
          // The server's 409 carries the sheet as it is now; the queue reads its version as draftVersion.
          const current = error instanceof ProblemError ? (error.problem.current as Sheet | undefined) : undefined;
          if (error instanceof ProblemError && error.status === 409 && current && typeof current.version === 'number') {
            throw new ProblemError({ ...error.problem, current: { ...current, draftVersion: current.version } });
          }
          throw error;
        }
      },
    });
    queues.set(applicationId, queue);
  }
  return queue;
}

export function ScoreSheet({
  applicationId,
  criteria,
  sheet,
  queue = sheetQueueFor(applicationId),
  onSubmitted,
}: {
  applicationId: string;
  criteria: readonly SheetCriterionView[];
  sheet: Sheet;
  queue?: AutosaveQueue;
  onSubmitted?(sheet: Sheet): void;
}) {
  const intl = useIntl();
  // Beside the application, a sheet that fits the window stays in view while the reviewer reads; a longer one
  // scrolls with the page (never a scroll area inside the page, which would hide part of it).
  const sheetRef = useRef<HTMLElement>(null);
  const fits = useFitsWindow(sheetRef);
  const f = useFormat();
  const state = useAutosaveState(queue);
  useLeaveWarning(queue);
  const errors = useFormErrors(FORM);
  const [entries, setEntries] = useState<Record<string, Entry>>(() => toEntries(sheet.scores));
  const [version, setVersion] = useState(sheet.version);
  const [status, setStatus] = useState(sheet.status);
  const [submittedAt, setSubmittedAt] = useState(sheet.submittedAt);
  const [submitting, setSubmitting] = useState(false);
  const versionRef = useRef(sheet.version);
  const locked = status === 'submitted';

  // Edits a previous visit left unsent (IndexedDB) come back first; saved sheets keep the version current.
  useEffect(() => {
    let live = true;
    void queue.restore().then((restored) => {
      if (live && restored?.sections.scores) setEntries((current) => ({ ...current, ...toEntries(restored.sections.scores as StoredScore[]) }));
    });
    const stop = queue.onSaved((saved: SavedDraft) => {
      versionRef.current = saved.draftVersion;
      setVersion(saved.draftVersion);
    });
    return () => {
      live = false;
      stop();
    };
  }, [queue]);

  const total = useMemo(
    () =>
      weightedTotal(
        criteria,
        criteria.map((c) => {
          const e = entries[c.id];
          return { criterionId: c.id, score: e && !e.notApplicable ? parseScore(e.score, c.maxScore) : null, notApplicable: e?.notApplicable ?? false };
        }),
      ),
    [criteria, entries],
  );

  function change(criterionId: string, patch: Partial<Entry>) {
    const next = { ...entries, [criterionId]: { ...(entries[criterionId] ?? { score: '', notApplicable: false, justification: '' }), ...patch } };
    if (patch.notApplicable) next[criterionId].score = '';
    setEntries(next);
    void queue.edit(versionRef.current, { scores: toPayload(criteria, next) });
  }

  async function submit() {
    errors.clear();
    const local: Record<string, string> = {};
    for (const c of criteria) {
      const e = entries[c.id];
      if (!e || (!e.notApplicable && parseScore(e.score, c.maxScore) === null))
        local[`scores[${c.id}]`] = intl.formatMessage({ id: 'commission.sheet.scoreMissing' }, { max: c.maxScore });
      else if (Array.from(e.justification.trim()).length < 10) local[`scores[${c.id}]`] = intl.formatMessage({ id: 'commission.sheet.justificationMissing' });
    }
    if (Object.keys(local).length > 0) return errors.setFieldErrors(local);
    setSubmitting(true);
    try {
      await queue.flush();
      if (queue.hasUnsaved()) return;
      const submitted = await call<Sheet>(api.POST('/api/v1/reviews/{applicationId}/sheet/submit', { params: { path: { applicationId } }, body: { version: versionRef.current } }));
      setStatus(submitted.status);
      setSubmittedAt(submitted.submittedAt);
      versionRef.current = submitted.version;
      setVersion(submitted.version);
      onSubmitted?.(submitted);
    } catch (error) {
      errors.fromError(error);
    } finally {
      setSubmitting(false);
    }
  }

  const labels = Object.fromEntries(criteria.map((c) => [`scores[${c.id}]`, `${c.code} ${c.name}`]));
  const conflictLabels = Object.fromEntries(criteria.map((c) => [c.id, `${c.code} ${c.name}`]));
  const byId = (scores: unknown) =>
    Object.fromEntries(((scores as StoredScore[] | undefined) ?? []).map((s) => [s.criterionId, s.notApplicable ? 'n/a' : `${s.score ?? '—'} · ${s.justification}`]));

  return (
    <section className="score-sheet" aria-labelledby="sheet-title" ref={sheetRef} data-fits={fits ? 'true' : undefined}>
      <h2 id="sheet-title">
        <FormattedMessage id="commission.sheet.title" />
      </h2>
      {locked ? (
        <p className="notice" role="status">
          <FormattedMessage id="commission.sheet.locked" values={{ when: submittedAt ? f.dateTime(submittedAt) : '' }} />
        </p>
      ) : (
        <AutosaveStatus state={state} />
      )}
      {state.kind === 'conflict' && (
        <ConflictNotice
          changes={changedFields(byId(state.mine.scores), byId((state.theirs as Sections).scores), conflictLabels)}
          onKeepMine={() => void queue.keepMine(state.theirs)}
          onTakeTheirs={() => {
            setEntries(toEntries(((state.theirs as Sections).scores as StoredScore[]) ?? []));
            void queue.takeTheirs(state.theirs);
          }}
        />
      )}
      <ErrorSummary form={FORM} errors={errors.errors} version={errors.version} labels={labels} />
      <Total total={total} />
      {criteria.map((c) => {
        const e = entries[c.id] ?? { score: '', notApplicable: false, justification: '' };
        const id = scoreFieldId(c.id);
        const error = errors.errors.fields[`scores[${c.id}]`];
        const hintId = `${id}-hint`;
        return (
          <fieldset key={c.id} className="criterion">
            <legend>
              {c.code} {c.name}
            </legend>
            {c.description && <p>{c.description}</p>}
            <p className="meta" id={hintId}>
              <FormattedMessage
                id="commission.sheet.scale"
                values={{ max: c.maxScore, weight: showWeight(c.weight, f.locale), min: c.minScore === null ? 'none' : String(c.minScore) }}
              />
            </p>
            {error && (
              <p className="gov-form-message" data-color="error" id={`${id}-error`}>
                {error}
              </p>
            )}
            <div className="criterion__row">
              <div className="gov-form-control field">
                <label className="gov-form-label" htmlFor={id}>
                  <span className="gov-form-label__label">
                    <FormattedMessage id="commission.sheet.points" values={{ code: c.code, max: c.maxScore }} />
                  </span>
                </label>
                <div className="gov-form-input" data-size="m" data-invalid={error ? '' : undefined}>
                  <div className="element">
                    <input
                      id={id}
                      type="text"
                      inputMode="numeric"
                      autoComplete="off"
                      value={e.score}
                      disabled={e.notApplicable}
                      readOnly={locked}
                      aria-invalid={error ? true : undefined}
                      aria-describedby={[hintId, error ? `${id}-error` : null].filter(Boolean).join(' ')}
                      onChange={(event) => change(c.id, { score: event.target.value })}
                    />
                  </div>
                </div>
              </div>
              <label className="checkbox-row">
                <input type="checkbox" checked={e.notApplicable} disabled={locked} onChange={(event) => change(c.id, { notApplicable: event.target.checked })} />{' '}
                <FormattedMessage id="commission.sheet.notApplicable" values={{ code: c.code }} />
              </label>
            </div>
            <div className="gov-form-control field">
              <label className="gov-form-label" htmlFor={`${id}-justification`}>
                <span className="gov-form-label__label">
                  <FormattedMessage id="commission.sheet.justification" values={{ code: c.code }} />
                </span>
              </label>
              <textarea
                id={`${id}-justification`}
                className="textarea"
                rows={3}
                value={e.justification}
                readOnly={locked}
                onChange={(event) => change(c.id, { justification: event.target.value })}
              />
            </div>
          </fieldset>
        );
      })}
      {!locked && (
        <p>
          <button type="button" className="gov-button" data-type="solid" data-color="primary" data-size="m" disabled={submitting} onClick={() => void submit()}>
            <FormattedMessage id="commission.sheet.submit" />
          </button>{' '}
          <span className="meta">
            <FormattedMessage id="commission.sheet.submitHint" values={{ version }} />
          </span>
        </p>
      )}
    </section>
  );
}

function Total({ total }: { total: ReturnType<typeof weightedTotal> }) {
  const f = useFormat();
  return (
    <div className="sheet-total">
      <p aria-live="polite">
        <strong>
          {total.points === null ? (
            <FormattedMessage id="commission.sheet.totalNone" values={{ max: f.amount(total.maxPoints) }} />
          ) : (
            <FormattedMessage
              id={total.complete ? 'commission.sheet.total' : 'commission.sheet.totalProvisional'}
              values={{ points: f.amount(total.points), max: f.amount(total.maxPoints), percent: f.amount(total.percent!), missing: total.missing }}
            />
          )}
        </strong>
      </p>
      <details>
        <summary>
          <FormattedMessage id="commission.sheet.ruleTitle" />
        </summary>
        <p>
          <FormattedMessage id="commission.sheet.rule" />
        </p>
      </details>
    </div>
  );
}

function useFitsWindow(ref: { current: HTMLElement | null }): boolean {
  const [fits, setFits] = useState(false);
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => setFits(element.offsetHeight <= window.innerHeight);
    measure();
    const observer = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    observer?.observe(element);
    window.addEventListener('resize', measure);
    return () => {
      observer?.disconnect();
      window.removeEventListener('resize', measure);
    };
  }, [ref]);
  return fits;
}
