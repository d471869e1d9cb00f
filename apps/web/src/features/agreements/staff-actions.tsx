/**
 * What staff can do with an agreement now — exactly the server's `actions`: send it for signature (the document is
 * fixed from then on, so confirmed first), record the city's signature (counter-signing the copy the recipient
 * uploaded, or uploading the copy both sides signed), record the Registr smluv publication (confirmed: the
 * agreement takes effect). The same signature and publication forms serve amendments.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call, uploadWithProgress } from '../../api/client';
import { ErrorSummary, fieldId, TextField, useFormErrors } from '../../forms/errors';
import { ConfirmDialog } from '../staff/confirm-dialog';
import { agreementKey } from './api';
import type { Agreement } from './api';

/** Today in Prague, as the server judges dates. */
export const pragueToday = (now = new Date()) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Prague' }).format(now);

export function SendAction({ agreement, onDone }: { agreement: Agreement; onDone(message: string): void }) {
  const intl = useIntl();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState(false);
  const errors = useFormErrors('send');
  const send = useMutation({
    mutationFn: () => call<Agreement>(api.POST('/api/v1/agreements/{id}/send', { params: { path: { id: agreement.id } }, body: { version: agreement.version } })),
    onSuccess: (saved) => {
      setOpen(false);
      queryClient.setQueryData(agreementKey(agreement.id), saved);
      onDone(intl.formatMessage({ id: 'agreements.send.done' }));
    },
    onError: (error) => {
      setOpen(false);
      errors.fromError(error);
    },
  });
  return (
    <div>
      <ErrorSummary form="send" errors={errors.errors} version={errors.version} labels={{}} />
      <button type="button" className="gov-button" data-type="solid" data-color="primary" data-size="m" onClick={() => setOpen(true)}>
        <FormattedMessage id="agreements.send.button" />
      </button>
      <ConfirmDialog
        open={open}
        title={intl.formatMessage({ id: 'agreements.send.confirmTitle' }, { number: agreement.number })}
        confirmLabel={intl.formatMessage({ id: 'agreements.send.confirm' })}
        cancelLabel={intl.formatMessage({ id: 'agreements.cancel' })}
        busy={send.isPending}
        onConfirm={() => send.mutate()}
        onCancel={() => setOpen(false)}
      >
        <p>
          <FormattedMessage id="agreements.send.confirmText" />
        </p>
      </ConfirmDialog>
    </div>
  );
}

/**
 * The city's signature (of an agreement or an amendment): the day, who signed, and the signed PDF. For an agreement
 * the recipient signed in the portal the file may be left out (`fileOptional`): the city counter-signs that copy.
 */
export function SignatureForm({
  form,
  path,
  version,
  fileOptional,
  title,
  onSaved,
}: {
  form: string;
  path: string;
  version: number;
  fileOptional: boolean;
  title: string;
  onSaved(view: unknown): void;
}) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const errors = useFormErrors(form);
  const [signedOn, setSignedOn] = useState(pragueToday());
  const [signatories, setSignatories] = useState('');
  const [busy, setBusy] = useState(false);
  const file = useRef<HTMLInputElement>(null);
  const fileId = fieldId(form, 'file');
  const fe = errors.errors.fields;
  const labels = { signedOn: t('agreements.signature.signedOn'), signatories: t('agreements.signature.signatories'), file: t('agreements.signature.file') };
  const submit = async () => {
    const chosen = file.current?.files?.[0];
    const missing: Record<string, string> = {};
    if (!signedOn) missing.signedOn = t('agreements.error.date');
    if (signatories.trim().length < 3) missing.signatories = t('agreements.error.signatories');
    if (!chosen && !fileOptional) missing.file = t('agreements.sign.fileMissing');
    if (Object.keys(missing).length > 0) {
      errors.setFieldErrors(missing);
      return;
    }
    const body = new FormData();
    body.set('version', String(version));
    body.set('signedOn', signedOn);
    body.set('signatories', signatories.trim());
    if (chosen) body.set('file', chosen, chosen.name);
    setBusy(true);
    try {
      const saved = await uploadWithProgress<unknown>(path, body, () => undefined);
      errors.clear();
      onSaved(saved);
    } catch (error) {
      errors.fromError(error, ['signedOn', 'signatories', 'file']);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form
      noValidate
      aria-labelledby={`${form}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 id={`${form}-title`}>{title}</h3>
      <ErrorSummary form={form} errors={errors.errors} version={errors.version} labels={labels} />
      <div className="inline-fields">
        <TextField form={form} name="signedOn" type="date" label={labels.signedOn} value={signedOn} onChange={setSignedOn} error={fe.signedOn} />
        <TextField form={form} name="signatories" label={labels.signatories} value={signatories} onChange={setSignatories} error={fe.signatories} />
      </div>
      <div className="gov-form-control field">
        <label className="gov-form-label" htmlFor={fileId}>
          <span className="gov-form-label__label">{labels.file}</span>
        </label>
        <p className="field__hint" id={`${fileId}-hint`}>
          <FormattedMessage id={fileOptional ? 'agreements.signature.fileOptional' : 'agreements.sign.hint'} />
        </p>
        {fe.file && (
          <p className="gov-form-message" data-color="error" id={`${fileId}-error`}>
            {fe.file}
          </p>
        )}
        <input
          ref={file}
          id={fileId}
          type="file"
          accept="application/pdf,.pdf"
          aria-invalid={fe.file ? true : undefined}
          aria-describedby={[`${fileId}-hint`, fe.file ? `${fileId}-error` : null].filter(Boolean).join(' ')}
        />
      </div>
      <button type="submit" className="gov-button" data-type="solid" data-color="primary" data-size="m" disabled={busy}>
        <FormattedMessage id="agreements.signature.submit" />
      </button>
    </form>
  );
}

/** The Registr smluv publication (of an agreement or an amendment): the day and the register's id; confirmed first. */
export function PublicationForm({
  form,
  kind,
  id,
  version,
  title,
  onSaved,
}: {
  form: string;
  kind: 'agreement' | 'amendment';
  id: string;
  version: number;
  title: string;
  onSaved(view: unknown): void;
}) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  const errors = useFormErrors(form);
  const [publishedOn, setPublishedOn] = useState(pragueToday());
  const [registerId, setRegisterId] = useState('');
  const [open, setOpen] = useState(false);
  const labels = { publishedOn: t('agreements.publication.publishedOn'), registerId: t('agreements.publication.registerId') };
  const publish = useMutation({
    mutationFn: () => {
      const request = { params: { path: { id } }, body: { version, publishedOn, registerId: registerId.trim() } };
      return call<unknown>(kind === 'agreement' ? api.POST('/api/v1/agreements/{id}/publication', request) : api.POST('/api/v1/amendments/{id}/publication', request));
    },
    onSuccess: (saved) => {
      setOpen(false);
      errors.clear();
      onSaved(saved);
    },
    onError: (error) => {
      setOpen(false);
      errors.fromError(error, ['publishedOn', 'registerId']);
    },
  });
  const fe = errors.errors.fields;
  return (
    <form
      noValidate
      aria-labelledby={`${form}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        const missing: Record<string, string> = {};
        if (!publishedOn) missing.publishedOn = t('agreements.error.date');
        if (!registerId.trim()) missing.registerId = t('agreements.error.registerId');
        if (Object.keys(missing).length > 0) errors.setFieldErrors(missing);
        else setOpen(true);
      }}
    >
      <h3 id={`${form}-title`}>{title}</h3>
      <ErrorSummary form={form} errors={errors.errors} version={errors.version} labels={labels} />
      <div className="inline-fields">
        <TextField form={form} name="publishedOn" type="date" label={labels.publishedOn} value={publishedOn} onChange={setPublishedOn} error={fe.publishedOn} />
        <TextField form={form} name="registerId" label={labels.registerId} value={registerId} onChange={setRegisterId} error={fe.registerId} />
      </div>
      <button type="submit" className="gov-button" data-type="solid" data-color="primary" data-size="m">
        <FormattedMessage id="agreements.publication.submit" />
      </button>
      <ConfirmDialog
        open={open}
        title={t('agreements.publication.confirmTitle')}
        confirmLabel={t('agreements.publication.confirm')}
        cancelLabel={t('agreements.cancel')}
        busy={publish.isPending}
        onConfirm={() => publish.mutate()}
        onCancel={() => setOpen(false)}
      >
        <p>
          <FormattedMessage id="agreements.publication.confirmText" />
        </p>
      </ConfirmDialog>
    </form>
  );
}
