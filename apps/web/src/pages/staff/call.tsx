/**
 * /sprava/vyzvy/<id>: a draft opens in the editor; a published call shows its overview (counts, money against
 * allocations, timeline, what staff can do now). /sprava/vyzvy/nova creates a draft (code, year, title) and
 * continues in the editor.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useNavigate, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call } from '../../api/client';
import { RequireRole } from '../../app/require-role';
import { QueryState } from '../../components/query-state';
import { ErrorSummary, TextField, useFormErrors } from '../../forms/errors';
import { callKey, useStaffCall } from '../../features/staff/api';
import type { StaffCall } from '../../features/staff/types';
import { CallEditor } from './call-editor';
import { CallOverview } from './call-overview';
import '../../features/applicant/applicant.css';
import '../../features/staff/staff.css';

export function CallPage() {
  const { callId } = useParams({ strict: false }) as { callId: string };
  return (
    <RequireRole roles={['staff', 'admin']}>
      <CallLoader callId={callId} />
    </RequireRole>
  );
}

function CallLoader({ callId }: { callId: string }) {
  const query = useStaffCall(callId);
  const queryClient = useQueryClient();
  return (
    <QueryState query={query}>
      {query.data &&
        (query.data.status === 'draft' ? (
          <CallEditor key={callId} call={query.data} onPublished={(view) => queryClient.setQueryData(callKey(callId), view)} />
        ) : (
          <CallOverview call={query.data} />
        ))}
    </QueryState>
  );
}

export function NewCallPage() {
  return (
    <RequireRole roles={['staff', 'admin']}>
      <NewCall />
    </RequireRole>
  );
}

function NewCall() {
  const intl = useIntl();
  const navigate = useNavigate();
  const errors = useFormErrors('new-call');
  const [code, setCode] = useState('');
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const [title, setTitle] = useState('');
  const labels = {
    code: intl.formatMessage({ id: 'staff.new.code' }),
    year: intl.formatMessage({ id: 'staff.new.year' }),
    title: intl.formatMessage({ id: 'staff.call.title' }),
  };
  const create = useMutation({
    mutationFn: () => call<StaffCall>(api.POST('/api/v1/calls', { body: { code: code.trim(), year: Number(year), title: title.trim() } })),
    onSuccess: (view) => navigate({ to: '/sprava/vyzvy/$callId', params: { callId: view.id } }),
    onError: (error) => errors.fromError(error, ['code', 'year', 'title']),
  });
  return (
    <form
      className="staff-form"
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        const missing: Record<string, string> = {};
        if (!code.trim()) missing.code = intl.formatMessage({ id: 'staff.error.required' });
        if (!/^\d{4}$/.test(year)) missing.year = intl.formatMessage({ id: 'staff.error.number' });
        if (title.trim().length < 5) missing.title = intl.formatMessage({ id: 'staff.error.titleShort' });
        if (Object.keys(missing).length) errors.setFieldErrors(missing);
        else create.mutate();
      }}
    >
      <h1>
        <FormattedMessage id="staff.new.title" />
      </h1>
      <p className="lead">
        <FormattedMessage id="staff.new.lead" />
      </p>
      <ErrorSummary form="new-call" errors={errors.errors} version={errors.version} labels={labels} />
      <TextField
        form="new-call"
        name="code"
        label={labels.code}
        value={code}
        onChange={setCode}
        error={errors.errors.fields.code}
        hint={intl.formatMessage({ id: 'staff.new.codeHint' })}
      />
      <TextField form="new-call" name="year" label={labels.year} value={year} inputMode="numeric" onChange={setYear} error={errors.errors.fields.year} />
      <TextField form="new-call" name="title" label={labels.title} value={title} onChange={setTitle} error={errors.errors.fields.title} />
      <button type="submit" className="gov-button" data-type="solid" data-color="primary" data-size="m" disabled={create.isPending}>
        <FormattedMessage id="staff.new.create" />
      </button>
    </form>
  );
}
