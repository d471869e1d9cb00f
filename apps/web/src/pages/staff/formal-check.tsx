/**
 * /sprava/zadosti/<id>: the formal check side by side. Left, the submitted version that counts (every section,
 * the budget, the activities, the annexes opened here in the browser); right, the checklist with the machine's
 * findings per item and the three outcomes: accept, a remedy request (sections, deadline, the letter previewed)
 * or exclusion with a reason. Below, the correction of the activity mapping with its reason.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call, downloadFile, fetchFile } from '../../api/client';
import { RequireRole } from '../../app/require-role';
import { QueryState } from '../../components/query-state';
import { ErrorSummary, fieldId, useFormErrors } from '../../forms/errors';
import { useLanguage } from '../../i18n';
import { useFormat } from '../../lib/use-format';
import { applicationsKey, usePublicationCheck, useStaffCall } from '../../features/staff/api';
import { findingsOf } from '../../features/staff/bulk';
import { ConfirmDialog } from '../../features/staff/confirm-dialog';
import { addDays, pragueInstant } from '../../features/staff/dates';
import { remedyLetter, remedySectionName } from '../../features/staff/remedy-letter';
import { FORMAL_CHECK_ITEMS } from '../../features/staff/types';
import type { FormalCheck, FormalCheckItemKey, FormalCheckResult, StaffApplication, StaffCall, SubmittedVersion } from '../../features/staff/types';
import { StatusTag } from '../../features/applicant/status';
import { ShareEditor, parsePercentInput, shareTotal } from '../../features/applicant/share-editor';
import type { ActivityShare } from '../../features/applicant/share-editor';
import '../../features/applicant/applicant.css';
import '../../features/staff/staff.css';

const SECTIONS = [
  'project',
  'purpose',
  'justification',
  'period',
  'place',
  'targetGroups',
  'outputs',
  'representatives',
  'beneficialOwners',
  'holdings',
  'declarations',
  'budgetLines',
  'activities',
  'contact',
] as const;

const applicationKey = (id: string) => ['staff-application', id] as const;

export function FormalCheckPage() {
  const { applicationId } = useParams({ strict: false }) as { applicationId: string };
  return (
    <RequireRole roles={['staff', 'admin']}>
      <Loader applicationId={applicationId} />
    </RequireRole>
  );
}

function Loader({ applicationId }: { applicationId: string }) {
  const application = useQuery({
    queryKey: applicationKey(applicationId),
    queryFn: () => call<StaffApplication>(api.GET('/api/v1/applications/{id}', { params: { path: { id: applicationId } } })),
  });
  const grantCall = useStaffCall(application.data?.call.id ?? '');
  return <QueryState query={application}>{application.data && grantCall.data && <FormalCheckView application={application.data} call={grantCall.data} />}</QueryState>;
}

/** The remedy section a finding belongs to ("budgetLines.2.unitPrice" → "budgetLines", annexes → "annex:CODE"). */
export function remedySectionOf(field: string): string {
  if (field.startsWith('annex:')) return field;
  if (field.startsWith('annexes.')) return `annex:${field.split('.')[1]}`;
  const head = field.split('.')[0];
  if (head === 'budgetAreaCode') return 'project';
  return (SECTIONS as readonly string[]).includes(head) ? head : 'project';
}

function FormalCheckView({ application, call: grantCall }: { application: StaffApplication; call: StaffCall }) {
  const intl = useIntl();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const queryClient = useQueryClient();
  const version = useQuery({
    queryKey: ['staff-version', application.id, application.currentVersionNo],
    enabled: application.currentVersionNo > 0,
    queryFn: () =>
      call<SubmittedVersion>(api.GET('/api/v1/applications/{id}/versions/{versionNo}', { params: { path: { id: application.id, versionNo: application.currentVersionNo } } })),
  });
  const check = useQuery({
    queryKey: ['staff-formal-check', application.id],
    queryFn: () => call<FormalCheck>(api.GET('/api/v1/applications/{id}/formal-check', { params: { path: { id: application.id } } })),
  });
  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: applicationKey(application.id) }),
      queryClient.invalidateQueries({ queryKey: ['staff-formal-check', application.id] }),
      queryClient.invalidateQueries({ queryKey: applicationsKey(grantCall.id) }),
    ]);
  };
  const checkable = application.status === 'submitted' || application.status === 'remedy_requested';
  return (
    <>
      <h1>
        <FormattedMessage id="staff.check.title" values={{ number: application.number }} />
      </h1>
      <p>
        {application.organisation.name} ({application.organisation.ico}) · <StatusTag status={application.status} name={application.statusName} />{' '}
        <Link to="/sprava/vyzvy/$callId/zadosti" params={{ callId: grantCall.id }}>
          <FormattedMessage id="staff.check.back" values={{ code: grantCall.code }} />
        </Link>
      </p>
      {application.endReason && (
        <p className="notice">
          <FormattedMessage id="staff.check.endReason" values={{ reason: application.endReason }} />
        </p>
      )}
      <div className="side-by-side">
        <section aria-labelledby="submitted-title">
          <h2 id="submitted-title">
            <FormattedMessage id="staff.check.submitted" values={{ version: application.currentVersionNo }} />
          </h2>
          {application.currentVersionNo === 0 ? (
            <p>
              <FormattedMessage id="staff.check.notSubmitted" />
            </p>
          ) : (
            <QueryState query={version}>{version.data && <Submitted application={application} version={version.data} call={grantCall} />}</QueryState>
          )}
        </section>
        <section aria-labelledby="checklist-title">
          <h2 id="checklist-title">
            <FormattedMessage id="staff.check.checklist" />
          </h2>
          <QueryState query={check}>
            {check.data && <Checklist key={check.data.updatedAt ?? 'new'} application={application} check={check.data} call={grantCall} checkable={checkable} onDone={refresh} />}
          </QueryState>
        </section>
      </div>
      <MappingCorrection application={application} call={grantCall} onDone={refresh} t={t} />
    </>
  );
}

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <dl className="facts">
      {rows.map(([label, value]) => (
        <div key={label} style={{ display: 'contents' }}>
          <dt>{label}</dt>
          <dd>{value === '' || value === undefined || value === null ? '—' : value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Submitted({ application, version, call: grantCall }: { application: StaffApplication; version: SubmittedVersion; call: StaffCall }) {
  const intl = useIntl();
  const f = useFormat();
  const t = (id: string) => intl.formatMessage({ id });
  const draft = version.content.draft;
  const [viewer, setViewer] = useState<{ url: string; name: string; type: string } | null>(null);
  const [viewerError, setViewerError] = useState<string | null>(null);
  useEffect(() => () => (viewer ? URL.revokeObjectURL(viewer.url) : undefined), [viewer]);
  const categories = new Map(grantCall.costCategories.map((c) => [c.code, c.name]));
  const annexNames = new Map(grantCall.annexTypes.map((a) => [a.code, a.name]));
  const open = async (annex: SubmittedVersion['content']['annexes'][number]) => {
    setViewerError(null);
    const path = `/api/v1/applications/${application.id}/attachments/${annex.attachmentId}`;
    try {
      if (!/^(application\/pdf|image\/)/.test(annex.mediaType)) {
        await downloadFile(path, annex.fileName);
        return;
      }
      const blob = await fetchFile(path);
      setViewer({ url: URL.createObjectURL(new Blob([blob], { type: annex.mediaType })), name: annex.fileName, type: annex.mediaType });
    } catch (error) {
      setViewerError(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <>
      <p className="meta">
        <FormattedMessage id="staff.check.submittedAt" values={{ when: f.dateTime(version.submittedAt), receipt: version.receiptNumber }} />
      </p>
      <h3>{t('staff.section.project')}</h3>
      <Facts
        rows={[
          [t('staff.section.projectTitle'), draft.project?.title],
          [t('staff.section.summary'), draft.project?.summary],
          [t('staff.table.area'), grantCall.budgetAreas.find((a) => a.code === draft.budgetAreaCode)?.name ?? draft.budgetAreaCode],
          [t('staff.section.purpose'), draft.purpose],
          [t('staff.section.justification'), draft.justification],
          [t('staff.section.period'), draft.period?.from && draft.period?.to ? `${f.date(draft.period.from)} – ${f.date(draft.period.to)}` : ''],
          [t('staff.section.place'), [draft.place?.districts?.join(', '), draft.place?.description].filter(Boolean).join(' — ')],
          [t('staff.section.targetGroups'), draft.targetGroups?.join('; ')],
          [t('staff.section.outputs'), draft.outputs?.map((o) => `${o.indicator ?? ''}: ${o.target ?? ''} ${o.unit ?? ''}`).join('; ')],
        ]}
      />
      <h3>{t('staff.section.applicant')}</h3>
      <Facts
        rows={[
          [t('staff.section.organisation'), `${version.content.organisation.name}, ${version.content.organisation.seat} (${version.content.organisation.ico})`],
          [t('staff.section.representatives'), draft.representatives?.map((r) => `${r.name ?? ''} (${r.function ?? ''})`).join('; ')],
          [t('staff.section.beneficialOwners'), draft.beneficialOwners?.map((o) => `${o.name ?? ''} ${o.sharePercent ? `${o.sharePercent} %` : ''}`).join('; ')],
          [t('staff.section.holdings'), draft.holdings?.map((h) => `${h.name ?? ''} ${h.ico ?? ''}`).join('; ')],
          [t('staff.section.contact'), [draft.contact?.name, draft.contact?.email, draft.contact?.phone].filter(Boolean).join(', ')],
          [
            t('staff.section.declarations'),
            Object.entries(draft.declarations ?? {})
              .filter(([, v]) => v)
              .map(([k]) => intl.formatMessage({ id: `applicant.declarations.${k}`, defaultMessage: k }))
              .join('; '),
          ],
        ]}
      />
      <h3>{t('staff.section.budget')}</h3>
      <div className="table-wrap">
        <table className="data">
          <caption className="visually-hidden">{t('staff.section.budget')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('staff.budget.category')}</th>
              <th scope="col">{t('staff.budget.description')}</th>
              <th scope="col">{t('staff.budget.count')}</th>
              <th scope="col">{t('staff.budget.unitPrice')}</th>
              <th scope="col">{t('staff.budget.total')}</th>
              <th scope="col">{t('staff.budget.requested')}</th>
            </tr>
          </thead>
          <tbody>
            {(draft.budgetLines ?? []).map((line, i) => (
              <tr key={i}>
                <td>{categories.get(line.category ?? '') ?? line.category}</td>
                <td>{line.description}</td>
                <td>
                  {line.count} {line.unit}
                </td>
                <td className="num">{line.unitPrice ? f.money(line.unitPrice) : '—'}</td>
                <td className="num">{line.totalCost ? f.money(line.totalCost) : '—'}</td>
                <td className="num">{line.requested ? f.money(line.requested) : '—'}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={4}>
                {t('staff.budget.sum')}
              </th>
              <td className="num">{f.money(version.content.budget.totalCost)}</td>
              <td className="num">{f.money(version.content.budget.requested)}</td>
            </tr>
          </tfoot>
        </table>
      </div>
      <h3>{t('staff.section.activities')}</h3>
      <ul>
        {(draft.activities ?? []).map((a) => {
          const found = grantCall.activities.find((x) => x.id === a.activityId);
          return (
            <li key={a.activityId}>
              {found ? `${found.code} ${found.name}` : a.activityId}: {a.sharePercent} %
            </li>
          );
        })}
      </ul>
      <h3>{t('staff.section.annexes')}</h3>
      <ul>
        {version.content.annexes.map((annex) => (
          <li key={annex.attachmentId}>
            {annexNames.get(annex.annexTypeCode) ?? annex.annexTypeCode}: {annex.fileName} ({Math.ceil(annex.sizeBytes / 1024)} kB){' '}
            <button type="button" className="link-like" onClick={() => void open(annex)}>
              {intl.formatMessage({ id: 'staff.check.openAnnex' }, { name: annex.fileName })}
            </button>
          </li>
        ))}
      </ul>
      {viewerError && (
        <p className="notice" role="alert">
          {viewerError}
        </p>
      )}
      {viewer &&
        (viewer.type.startsWith('image/') ? (
          <img src={viewer.url} alt={viewer.name} style={{ maxWidth: '100%' }} />
        ) : (
          <iframe className="annex-viewer" src={viewer.url} title={viewer.name} />
        ))}
    </>
  );
}

function Checklist({
  application,
  check,
  call: grantCall,
  checkable,
  onDone,
}: {
  application: StaffApplication;
  check: FormalCheck;
  call: StaffCall;
  checkable: boolean;
  onDone(): Promise<void>;
}) {
  const intl = useIntl();
  const { locale } = useLanguage();
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id }, values);
  const errors = useFormErrors('check');
  const [results, setResults] = useState<Record<FormalCheckItemKey, FormalCheckResult>>(
    () => Object.fromEntries(FORMAL_CHECK_ITEMS.map((item) => [item, check.items[item].result ?? check.items[item].suggestion])) as Record<FormalCheckItemKey, FormalCheckResult>,
  );
  const [notes, setNotes] = useState<Record<FormalCheckItemKey, string>>(
    () => Object.fromEntries(FORMAL_CHECK_ITEMS.map((item) => [item, check.items[item].note])) as Record<FormalCheckItemKey, string>,
  );
  const [done, setDone] = useState<string | null>(null);
  const findings = findingsOf(check);
  const clock = usePublicationCheck(grantCall.id);

  const body = () => Object.fromEntries(FORMAL_CHECK_ITEMS.map((item) => [item, { result: results[item], note: notes[item] }]));
  const save = () => call<FormalCheck>(api.PUT('/api/v1/applications/{id}/formal-check', { params: { path: { id: application.id } }, body: body() as never }));
  const succeed = (message: string) => async () => {
    errors.clear();
    setDone(message);
    await onDone();
  };
  const saveOnly = useMutation({ mutationFn: save, onSuccess: succeed(t('staff.check.saved')), onError: (e) => errors.fromError(e) });
  const accept = useMutation({
    mutationFn: async () => {
      await save();
      return call(api.POST('/api/v1/applications/{id}/formal-check/accept', { params: { path: { id: application.id } } }));
    },
    onSuccess: succeed(t('staff.check.accepted')),
    onError: (e) => errors.fromError(e),
  });

  // Remedy request: sections with the machine's findings are preselected, each with its message in the language
  // the applicant reads the letter in (their profile's), which may not be the staff member's.
  const letterLanguages = check.letterLanguages.length ? check.letterLanguages : (['cs'] as const);
  const sections = useMemo(() => [...SECTIONS, ...grantCall.annexTypes.map((a) => `annex:${a.code}`)], [grantCall.annexTypes]);
  const [remedy, setRemedy] = useState<Record<string, string>>(() => {
    const initial: Record<string, string> = {};
    for (const finding of findings) {
      const section = remedySectionOf(finding.field);
      initial[section] = [initial[section], finding.message[letterLanguages[0]]].filter(Boolean).join(' ');
    }
    return initial;
  });
  const defaultDeadline = clock.data ? addDays(clock.data.today, 10) : '';
  const [deadlineDate, setDeadlineDate] = useState('');
  const [deadlineTime, setDeadlineTime] = useState('23:59');
  const deadline = deadlineDate || defaultDeadline;
  const annexNames = Object.fromEntries(grantCall.annexTypes.map((a) => [a.code, a.name]));
  const sectionName = (s: string) => remedySectionName(s, locale, annexNames);
  const items = Object.entries(remedy).map(([section, message]) => ({ section, message: message.trim() }));
  const requestRemedy = useMutation({
    mutationFn: () => {
      const local: Record<string, string> = {};
      if (items.length === 0) local.items = t('staff.remedy.noSections');
      for (const item of items) if (item.message.length < 3) local[`remedy-${item.section}`] = t('staff.remedy.messageMissing', { section: sectionName(item.section) });
      if (!deadline) local.deadlineAt = t('staff.error.required');
      if (Object.keys(local).length) {
        errors.setFieldErrors(local);
        return Promise.reject(new Error('local'));
      }
      return call(
        api.POST('/api/v1/applications/{id}/remedy-requests', {
          params: { path: { id: application.id } },
          body: { items, deadlineAt: pragueInstant(deadline, deadlineTime || '23:59') },
        }),
      );
    },
    onSuccess: succeed(t('staff.check.remedied')),
    onError: (e) => (e instanceof Error && e.message === 'local' ? undefined : errors.fromError(e, ['items', 'deadlineAt'])),
  });

  const [reason, setReason] = useState('');
  const [confirmExclude, setConfirmExclude] = useState(false);
  const exclude = useMutation({
    mutationFn: () => call(api.POST('/api/v1/applications/{id}/exclude', { params: { path: { id: application.id } }, body: { reason: reason.trim() } })),
    onSuccess: async () => {
      setConfirmExclude(false);
      await succeed(t('staff.check.excluded'))();
    },
    onError: (e) => {
      setConfirmExclude(false);
      errors.fromError(e, ['reason']);
    },
  });

  const doneRef = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    if (done) doneRef.current?.focus();
  }, [done]);
  const labels = { items: t('staff.remedy.sections'), deadlineAt: t('staff.remedy.deadline'), reason: t('staff.exclude.reason') };
  const letters = letterLanguages.map((language) => ({
    language,
    text: remedyLetter({ number: application.number, title: application.title ?? '', deadlineDate: deadline, deadlineTime, items, annexNames }, language),
  }));

  return (
    <>
      {done && (
        <p className="notice notice--success" role="status" tabIndex={-1} ref={doneRef}>
          {done}
        </p>
      )}
      <ErrorSummary form="check" errors={errors.errors} version={errors.version} labels={labels} />
      <p>{findings.length === 0 ? <FormattedMessage id="staff.check.noFindings" /> : <FormattedMessage id="staff.check.findings" values={{ count: findings.length }} />}</p>
      {FORMAL_CHECK_ITEMS.map((item) => {
        const own = check.items[item];
        return (
          <fieldset key={item}>
            <legend>{t(`staff.item.${item}`)}</legend>
            {own.findings.length > 0 ? (
              <ul className="text-error">
                {own.findings.map((finding) => (
                  <li key={`${finding.field}-${finding.code}`}>{finding.message[locale]}</li>
                ))}
              </ul>
            ) : (
              <p className="meta">
                <FormattedMessage id="staff.check.itemClean" />
              </p>
            )}
            <p className="meta">
              <FormattedMessage id="staff.check.suggestion" values={{ result: t(`staff.result.${own.suggestion}`) }} />
            </p>
            {(['ok', 'correctable', 'uncorrectable'] as const).map((result) => (
              <label key={result} style={{ display: 'inline-block', marginRight: '1rem' }}>
                <input
                  type="radio"
                  name={`item-${item}`}
                  value={result}
                  disabled={!checkable}
                  checked={results[item] === result}
                  onChange={() => setResults((r) => ({ ...r, [item]: result }))}
                />{' '}
                {t(`staff.result.${result}`)}
              </label>
            ))}
            <div className="field">
              <label className="gov-form-label" htmlFor={`note-${item}`}>
                {t('staff.check.note', { item: t(`staff.item.${item}`) })}
              </label>
              <input id={`note-${item}`} type="text" value={notes[item]} readOnly={!checkable} onChange={(e) => setNotes((n) => ({ ...n, [item]: e.target.value }))} />
            </div>
          </fieldset>
        );
      })}
      {checkable ? (
        <>
          <div className="actions">
            <button type="button" className="gov-button" data-type="outlined" data-color="primary" data-size="m" disabled={saveOnly.isPending} onClick={() => saveOnly.mutate()}>
              <FormattedMessage id="staff.check.save" />
            </button>
            <button type="button" className="gov-button" data-type="solid" data-color="primary" data-size="m" disabled={accept.isPending} onClick={() => accept.mutate()}>
              <FormattedMessage id="staff.check.accept" />
            </button>
          </div>

          <section aria-labelledby="remedy-title">
            <h3 id="remedy-title">
              <FormattedMessage id="staff.remedy.title" />
            </h3>
            <fieldset id={fieldId('check', 'items')} tabIndex={-1}>
              <legend>{labels.items}</legend>
              {sections.map((section) => (
                <div key={section}>
                  <label>
                    <input
                      type="checkbox"
                      checked={section in remedy}
                      onChange={(e) =>
                        setRemedy((current) => {
                          const next = { ...current };
                          if (e.target.checked) next[section] = '';
                          else delete next[section];
                          return next;
                        })
                      }
                    />{' '}
                    {sectionName(section)}
                  </label>
                  {section in remedy && (
                    <div className="field">
                      <label className="gov-form-label" htmlFor={fieldId('check', `remedy-${section}`)}>
                        {t('staff.remedy.message', { section: sectionName(section) })}
                      </label>
                      <textarea
                        id={fieldId('check', `remedy-${section}`)}
                        rows={2}
                        value={remedy[section]}
                        onChange={(e) => setRemedy((r) => ({ ...r, [section]: e.target.value }))}
                      />
                    </div>
                  )}
                </div>
              ))}
            </fieldset>
            <div className="field">
              <label className="gov-form-label" htmlFor={fieldId('check', 'deadlineAt')}>
                {labels.deadlineAt}
              </label>
              <input id={fieldId('check', 'deadlineAt')} type="date" value={deadline} onChange={(e) => setDeadlineDate(e.target.value)} />
              <label className="gov-form-label" htmlFor="deadline-time">
                {t('staff.remedy.deadlineTime')}
              </label>
              <input id="deadline-time" type="time" value={deadlineTime} onChange={(e) => setDeadlineTime(e.target.value)} />
            </div>
            <h4>
              <FormattedMessage id="staff.remedy.preview" />
            </h4>
            <p>
              <FormattedMessage
                id="staff.remedy.letterLanguage"
                values={{ count: letters.length, languages: intl.formatList(letters.map((l) => t(`staff.remedy.languageName.${l.language}`))) }}
              />
            </p>
            {letters.map((letter) => (
              <div
                key={letter.language}
                className="letter"
                lang={letter.language}
                aria-label={`${t('staff.remedy.preview')} (${t(`staff.remedy.languageName.${letter.language}`)})`}
                role="document"
              >
                {letter.text}
              </div>
            ))}
            <button
              type="button"
              className="gov-button"
              data-type="solid"
              data-color="primary"
              data-size="m"
              disabled={requestRemedy.isPending}
              onClick={() => requestRemedy.mutate()}
            >
              <FormattedMessage id="staff.remedy.send" />
            </button>
          </section>

          <section aria-labelledby="exclude-title">
            <h3 id="exclude-title">
              <FormattedMessage id="staff.exclude.title" />
            </h3>
            <div className="field">
              <label className="gov-form-label" htmlFor={fieldId('check', 'reason')}>
                {labels.reason}
              </label>
              <p className="field__hint" id="exclude-hint">
                <FormattedMessage id="staff.exclude.hint" />
              </p>
              <textarea id={fieldId('check', 'reason')} aria-describedby="exclude-hint" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} />
            </div>
            <button
              type="button"
              className="gov-button"
              data-type="outlined"
              data-color="error"
              data-size="m"
              onClick={() => (reason.trim().length < 3 ? errors.setFieldErrors({ reason: t('staff.exclude.reasonMissing') }) : setConfirmExclude(true))}
            >
              <FormattedMessage id="staff.exclude.open" />
            </button>
            <ConfirmDialog
              open={confirmExclude}
              title={t('staff.exclude.confirmTitle', { number: application.number })}
              confirmLabel={t('staff.exclude.confirm')}
              cancelLabel={t('staff.publish.cancel')}
              busy={exclude.isPending}
              onConfirm={() => exclude.mutate()}
              onCancel={() => setConfirmExclude(false)}
            >
              <p>
                <FormattedMessage id="staff.exclude.confirmText" />
              </p>
              <blockquote>{reason}</blockquote>
            </ConfirmDialog>
          </section>
        </>
      ) : (
        <p>
          <FormattedMessage id="staff.check.closed" values={{ status: application.statusName[locale] }} />
        </p>
      )}
    </>
  );
}

function MappingCorrection({
  application,
  call: grantCall,
  onDone,
  t,
}: {
  application: StaffApplication;
  call: StaffCall;
  onDone(): Promise<void>;
  t: (id: string, v?: Record<string, string | number>) => string;
}) {
  const errors = useFormErrors('mapping');
  const [shares, setShares] = useState<ActivityShare[]>(() => application.activities.map((a) => ({ activityId: a.activityId, sharePercent: a.sharePercent })));
  const [reason, setReason] = useState('');
  const [done, setDone] = useState(false);
  const correct = useMutation({
    mutationFn: () => {
      const local: Record<string, string> = {};
      if (shares.length === 0 || shareTotal(shares) !== 10_000 || shares.some((s) => !s.sharePercent || parsePercentInput(s.sharePercent) === null))
        local.activities = t('staff.mapping.sum');
      if (reason.trim().length < 3) local.reason = t('staff.mapping.reasonMissing');
      if (Object.keys(local).length) {
        errors.setFieldErrors(local);
        return Promise.reject(new Error('local'));
      }
      return call(
        api.PUT('/api/v1/applications/{id}/activities', {
          params: { path: { id: application.id } },
          body: { activities: shares.map((s) => ({ activityId: s.activityId!, sharePercent: s.sharePercent! })), reason: reason.trim() },
        }),
      );
    },
    onSuccess: async () => {
      errors.clear();
      setDone(true);
      await onDone();
    },
    onError: (e) => (e instanceof Error && e.message === 'local' ? undefined : errors.fromError(e, ['activities', 'reason'])),
  });
  if (application.currentVersionNo === 0) return null;
  return (
    <section aria-labelledby="mapping-title">
      <h2 id="mapping-title">
        <FormattedMessage id="staff.mapping.title" />
      </h2>
      <p>
        <FormattedMessage id="staff.mapping.lead" />
      </p>
      <ErrorSummary form="mapping" errors={errors.errors} version={errors.version} labels={{ activities: t('staff.mapping.activities'), reason: t('staff.mapping.reason') }} />
      <div id={fieldId('mapping', 'activities')} tabIndex={-1}>
        <ShareEditor activities={grantCall.activities} shares={shares} onChange={setShares} error={errors.errors.fields.activities} />
      </div>
      <div className="field">
        <label className="gov-form-label" htmlFor={fieldId('mapping', 'reason')}>
          {t('staff.mapping.reason')}
        </label>
        <textarea id={fieldId('mapping', 'reason')} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
      </div>
      <button type="button" className="gov-button" data-type="outlined" data-color="primary" data-size="m" disabled={correct.isPending} onClick={() => correct.mutate()}>
        <FormattedMessage id="staff.mapping.save" />
      </button>
      <p role="status">{done && <FormattedMessage id="staff.mapping.saved" />}</p>
    </section>
  );
}
