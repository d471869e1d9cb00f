/** The auditor's shared pieces: amounts with decorative bars, the kind and level names, downloads, the filter forms and their fields. */
import { Link, useNavigate } from '@tanstack/react-router';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call } from '../../api/client';
import { NetworkError, ProblemError } from '../../api/errors';
import { useFormat } from '../../lib/use-format';
import { barPercent } from './tree';
import { searchFromTraceFilters, routerSearch } from './filters';
import type { ApplicantType, TraceFilters, UrlSearch } from './filters';
import './auditor.css';

/** An amount as text, with a bar beside it that only repeats the number for the eye (hidden from screen readers). */
export function Amount({ amount, largest, kind }: { amount: string; largest: bigint; kind: string }) {
  const f = useFormat();
  return (
    <span className="amount">
      <span className="amount__value">{f.money(amount)}</span>
      <span className="amount__bar" aria-hidden="true">
        <span className={`amount__fill amount__fill--${kind}`} style={{ width: `${barPercent(amount, largest)}%` }} />
      </span>
    </span>
  );
}

export function KindName({ kind }: { kind: string }) {
  return <FormattedMessage id={`auditor.kind.${kind}`} defaultMessage={kind} />;
}

export function LevelName({ level }: { level: string }) {
  return <FormattedMessage id={`auditor.level.${level}`} defaultMessage={level} />;
}

/** A download button (a CSV built from the data on the screen, or a file from the API); a failure is said beside it. */
export function DownloadButton({ onClick, children }: { onClick: () => void | Promise<void>; children: ReactNode }) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<unknown>(null);
  return (
    <>
      <button
        type="button"
        className="gov-button"
        data-type="outlined"
        data-color="primary"
        data-size="m"
        aria-disabled={busy}
        onClick={() => {
          if (busy) return;
          setBusy(true);
          setFailure(null);
          void Promise.resolve()
            .then(onClick)
            .catch(setFailure)
            .finally(() => setBusy(false));
        }}
      >
        {children}
      </button>
      {failure !== null && (
        <span className="download-error" role="alert">
          {failure instanceof ProblemError ? failure.message : <FormattedMessage id={failure instanceof NetworkError ? 'common.error.network' : 'common.error.unexpected'} />}
        </span>
      )}
    </>
  );
}

interface CallOption {
  id: string;
  code: string;
  year: number;
  title: string;
}
interface OrganisationOption {
  id: string;
  name: string;
}

export interface VersionOption {
  id: string;
  kind: 'koncepce' | 'action-plan';
  title: string;
}

/** The strategy versions (the Koncepce and the action plans), and the one a view shows: the URL's, else the first action plan. */
export function useStrategyVersions(chosen: unknown) {
  const versions = useQuery({ queryKey: ['strategy-versions'], queryFn: () => call<VersionOption[]>(api.GET('/api/v1/strategy/versions')) });
  const versionId = (typeof chosen === 'string' ? chosen : undefined) ?? versions.data?.find((v) => v.kind === 'action-plan')?.id ?? versions.data?.[0]?.id;
  return { versions, versionId, version: versions.data?.find((v) => v.id === versionId) };
}

/** The calls an auditor may narrow a view to (the trace filters, the fulfilment report). */
export function useCallOptions() {
  return useQuery({
    queryKey: ['auditor', 'calls'],
    queryFn: () => call<{ items: CallOption[] }>(api.GET('/api/v1/calls', { params: { query: { pageSize: 200 } as never } })),
    staleTime: 60_000,
  });
}

/**
 * The trace filters (year, call, area, applicant type, district, dates) as a form whose submit puts them in
 * the URL: the page reads them back from there, so a view is shared by its address.
 */
export function TraceFilterForm({ filters, onApply, keep = {} }: { filters: TraceFilters; onApply: (search: UrlSearch) => void; keep?: UrlSearch }) {
  const intl = useIntl();
  const calls = useCallOptions();
  const districts = useQuery({
    queryKey: ['auditor', 'districts'],
    queryFn: () => call<{ items: OrganisationOption[] }>(api.GET('/api/v1/organisations', { params: { query: { type: 'city_district', pageSize: 200 } as never } })),
    staleTime: 60_000,
  });
  const [draft, setDraft] = useState<Record<keyof TraceFilters, string>>(() => ({
    year: filters.year?.toString() ?? '',
    callId: filters.callId ?? '',
    budgetArea: filters.budgetArea ?? '',
    applicantType: filters.applicantType ?? '',
    districtId: filters.districtId ?? '',
    from: filters.from ?? '',
    to: filters.to ?? '',
  }));
  const set = (field: keyof TraceFilters) => (event: { target: { value: string } }) => setDraft((d) => ({ ...d, [field]: event.target.value }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const year = /^\d{4}$/.test(draft.year.trim()) ? Number(draft.year.trim()) : undefined;
    onApply({
      ...keep,
      ...searchFromTraceFilters({
        year,
        callId: draft.callId || undefined,
        budgetArea: draft.budgetArea.trim() || undefined,
        applicantType: (draft.applicantType || undefined) as ApplicantType | undefined,
        districtId: draft.districtId || undefined,
        from: draft.from || undefined,
        to: draft.to || undefined,
      }),
    });
  };
  const any = intl.formatMessage({ id: 'auditor.filters.any' });
  return (
    <FilterForm title="auditor.filters.title" submit="auditor.filters.apply" onSubmit={submit}>
      <FilterInput id="trace-year" label="auditor.filters.year" inputMode="numeric" value={draft.year} onChange={set('year')} />
      <FilterSelect id="trace-call" label="auditor.filters.call" value={draft.callId} onChange={set('callId')} any={any}>
        {calls.data?.items.map((c) => (
          <option key={c.id} value={c.id}>
            {c.code} – {c.title}
          </option>
        ))}
      </FilterSelect>
      <FilterInput id="trace-area" label="auditor.filters.area" hint="auditor.filters.areaHint" value={draft.budgetArea} onChange={set('budgetArea')} />
      <FilterSelect id="trace-type" label="auditor.filters.applicantType" value={draft.applicantType} onChange={set('applicantType')} any={any}>
        {(['city_district', 'ngo', 'other'] as const).map((t) => (
          <option key={t} value={t}>
            {intl.formatMessage({ id: `auditor.applicantType.${t}` })}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect id="trace-district" label="auditor.filters.district" value={draft.districtId} onChange={set('districtId')} any={any}>
        {districts.data?.items.map((o) => (
          <option key={o.id} value={o.id}>
            {o.name}
          </option>
        ))}
      </FilterSelect>
      <FilterInput id="trace-from" label="auditor.filters.from" type="date" value={draft.from} onChange={set('from')} />
      <FilterInput id="trace-to" label="auditor.filters.to" type="date" value={draft.to} onChange={set('to')} />
    </FilterForm>
  );
}

/** A filter form: its fields in a grid under a legend, applied by one submit button (a search form when `search`). */
export function FilterForm({
  title,
  submit,
  search = false,
  onSubmit,
  children,
}: {
  title: string;
  submit: string;
  search?: boolean;
  onSubmit: (event: FormEvent) => void;
  children: ReactNode;
}) {
  const intl = useIntl();
  return (
    <form className="filters" aria-label={intl.formatMessage({ id: title })} role={search ? 'search' : undefined} onSubmit={onSubmit}>
      <fieldset>
        <legend>
          <FormattedMessage id={title} />
        </legend>
        <div className="filters__grid">{children}</div>
        <div className="actions">
          <button type="submit" className="gov-button" data-type="solid" data-color="primary" data-size="m">
            <FormattedMessage id={submit} />
          </button>
        </div>
      </fieldset>
    </form>
  );
}

type Change = (event: { target: { value: string } }) => void;

/** A labelled select; `any` adds a first, empty option with that text. */
export function FilterSelect({ id, label, value, onChange, any, children }: { id: string; label: string; value: string; onChange: Change; any?: string; children: ReactNode }) {
  return (
    <div className="field">
      <label className="gov-form-label" htmlFor={id}>
        <FormattedMessage id={label} />
      </label>
      <div className="gov-form-select" data-size="m">
        <select id={id} value={value} onChange={onChange}>
          {any !== undefined && <option value="">{any}</option>}
          {children}
        </select>
      </div>
    </div>
  );
}

/** A labelled input with an optional hint tied to it. */
export function FilterInput({
  id,
  label,
  hint,
  type = 'text',
  inputMode,
  value,
  onChange,
}: {
  id: string;
  label: string;
  hint?: string;
  type?: 'text' | 'date';
  inputMode?: 'numeric';
  value: string;
  onChange: Change;
}) {
  return (
    <div className="field">
      <label className="gov-form-label" htmlFor={id}>
        <FormattedMessage id={label} />
      </label>
      <div className="gov-form-input" data-size="m">
        <input id={id} type={type} inputMode={inputMode} autoComplete="off" aria-describedby={hint ? `${id}-hint` : undefined} value={value} onChange={onChange} />
      </div>
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          <FormattedMessage id={hint} />
        </p>
      )}
    </div>
  );
}

/** Navigation with new search params on the current path, as a hook so pages stay short. */
export function useSetSearch(to: string, params?: Record<string, string>) {
  const navigate = useNavigate();
  return (search: UrlSearch) => void navigate({ to: to, params: params, search: routerSearch(search) });
}

export function BackLink({ to, params, search, children }: { to: string; params?: Record<string, string>; search?: UrlSearch; children: ReactNode }) {
  return (
    <p className="back-link">
      <Link to={to} params={params} search={routerSearch(search ?? {})}>
        ← {children}
      </Link>
    </p>
  );
}
