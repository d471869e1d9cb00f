/**
 * The recipient signs what was sent to them — the agreement, or an amendment: they download it, sign it
 * (electronically, or on paper and scanned) and upload the signed PDF here (POST /agreements/{id}/applicant-signature
 * or /amendments/{id}/applicant-signature). The city then counter-signs; until then a new upload replaces the copy.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { uploadWithProgress } from '../../api/client';
import { ErrorSummary, fieldId, useFormErrors } from '../../forms/errors';
import { useFormat } from '../../lib/use-format';
import { agreementKey } from './api';
import type { Agreement, Amendment } from './api';

type Target = { kind: 'agreement'; agreement: Agreement } | { kind: 'amendment'; agreement: Agreement; amendment: Amendment };

export function RecipientSignature(target: Target) {
  const intl = useIntl();
  const f = useFormat();
  const queryClient = useQueryClient();
  const form = target.kind === 'agreement' ? 'recipient-signature' : `recipient-amendment-${target.amendment.number}`;
  const errors = useFormErrors(form);
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [done, setDone] = useState(false);
  const signed = target.kind === 'agreement' ? target.agreement.recipientSignature : target.amendment.recipientSignature;
  const number = target.kind === 'amendment' ? target.amendment.number : 0;
  const t = (id: string, values?: Record<string, string | number>) => intl.formatMessage({ id: target.kind === 'agreement' ? id : `${id}Amendment` }, { number, ...values });
  const fileId = fieldId(form, 'file');
  const fileError = errors.errors.fields.file;
  const upload = async () => {
    const file = input.current?.files?.[0];
    if (!file) {
      errors.setFieldErrors({ file: intl.formatMessage({ id: 'agreements.sign.fileMissing' }) });
      return;
    }
    const body = new FormData();
    body.set('version', String(target.kind === 'agreement' ? target.agreement.version : target.amendment.version));
    body.set('file', file, file.name);
    const path = target.kind === 'agreement' ? `/api/v1/agreements/${target.agreement.id}/applicant-signature` : `/api/v1/amendments/${target.amendment.id}/applicant-signature`;
    setProgress(0);
    setDone(false);
    try {
      const saved = await uploadWithProgress<Agreement>(path, body, setProgress);
      errors.clear();
      if (target.kind === 'agreement') queryClient.setQueryData(agreementKey(target.agreement.id), saved);
      else await queryClient.invalidateQueries({ queryKey: agreementKey(target.agreement.id) });
      void queryClient.invalidateQueries({ queryKey: ['applications', 'my-actions'] });
      setDone(true);
      if (input.current) input.current.value = '';
    } catch (error) {
      errors.fromError(error, ['file']);
    } finally {
      setProgress(null);
    }
  };
  return (
    <section aria-labelledby={`${form}-title`}>
      <h2 id={`${form}-title`}>{t('agreements.sign.title')}</h2>
      {signed ? (
        <p>{t('agreements.sign.received', { when: f.dateTime(String(signed.signedAt)) })}</p>
      ) : (
        <ol>
          <li>{t('agreements.sign.step1')}</li>
          <li>
            <FormattedMessage id="agreements.sign.step2" />
          </li>
          <li>{t('agreements.sign.step3')}</li>
        </ol>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void upload();
        }}
      >
        <ErrorSummary form={form} errors={errors.errors} version={errors.version} labels={{ file: t('agreements.sign.file') }} />
        <div className="gov-form-control field">
          <label className="gov-form-label" htmlFor={fileId}>
            <span className="gov-form-label__label">{t(signed ? 'agreements.sign.fileAgain' : 'agreements.sign.file')}</span>
          </label>
          <p className="field__hint" id={`${fileId}-hint`}>
            <FormattedMessage id="agreements.sign.hint" />
          </p>
          {fileError && (
            <p className="gov-form-message" data-color="error" id={`${fileId}-error`}>
              {fileError}
            </p>
          )}
          <input
            ref={input}
            id={fileId}
            type="file"
            accept="application/pdf,.pdf"
            aria-invalid={fileError ? true : undefined}
            aria-describedby={[`${fileId}-hint`, fileError ? `${fileId}-error` : null].filter(Boolean).join(' ')}
          />
        </div>
        <button type="submit" className="gov-button" data-type="solid" data-color="primary" data-size="m" disabled={progress !== null}>
          {t('agreements.sign.submit')}
        </button>
      </form>
      <p role="status">
        {progress !== null && <FormattedMessage id="agreements.sign.progress" values={{ percent: Math.round(progress * 100) }} />}
        {done && t('agreements.sign.done')}
      </p>
    </section>
  );
}
