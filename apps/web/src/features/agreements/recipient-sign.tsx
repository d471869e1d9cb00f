/**
 * The recipient signs the agreement sent to them: they download it, sign it (electronically or on paper and
 * scanned) and upload the signed PDF here (POST /agreements/{id}/applicant-signature). The city then counter-signs;
 * until then a new upload replaces the copy.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { uploadWithProgress } from '../../api/client';
import { ErrorSummary, fieldId, useFormErrors } from '../../forms/errors';
import { useFormat } from '../../lib/use-format';
import { agreementKey } from './api';
import type { Agreement } from './api';

const FORM = 'recipient-signature';

export function RecipientSignature({ agreement }: { agreement: Agreement }) {
  const intl = useIntl();
  const f = useFormat();
  const queryClient = useQueryClient();
  const errors = useFormErrors(FORM);
  const input = useRef<HTMLInputElement>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [done, setDone] = useState(false);
  const fileId = fieldId(FORM, 'file');
  const fileError = errors.errors.fields.file;
  const upload = async () => {
    const file = input.current?.files?.[0];
    if (!file) {
      errors.setFieldErrors({ file: intl.formatMessage({ id: 'agreements.sign.fileMissing' }) });
      return;
    }
    const body = new FormData();
    body.set('version', String(agreement.version));
    body.set('file', file, file.name);
    setProgress(0);
    setDone(false);
    try {
      const saved = await uploadWithProgress<Agreement>(`/api/v1/agreements/${agreement.id}/applicant-signature`, body, setProgress);
      errors.clear();
      queryClient.setQueryData(agreementKey(agreement.id), saved);
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
    <section aria-labelledby="recipient-sign-title">
      <h2 id="recipient-sign-title">
        <FormattedMessage id="agreements.sign.title" />
      </h2>
      {agreement.recipientSignature ? (
        <p>
          <FormattedMessage id="agreements.sign.received" values={{ when: f.dateTime(String(agreement.recipientSignature.signedAt)) }} />
        </p>
      ) : (
        <ol>
          <li>
            <FormattedMessage id="agreements.sign.step1" />
          </li>
          <li>
            <FormattedMessage id="agreements.sign.step2" />
          </li>
          <li>
            <FormattedMessage id="agreements.sign.step3" />
          </li>
        </ol>
      )}
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void upload();
        }}
      >
        <ErrorSummary form={FORM} errors={errors.errors} version={errors.version} labels={{ file: intl.formatMessage({ id: 'agreements.sign.file' }) }} />
        <div className="gov-form-control field">
          <label className="gov-form-label" htmlFor={fileId}>
            <span className="gov-form-label__label">
              <FormattedMessage id={agreement.recipientSignature ? 'agreements.sign.fileAgain' : 'agreements.sign.file'} />
            </span>
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
          <FormattedMessage id="agreements.sign.submit" />
        </button>
      </form>
      <p role="status">
        {progress !== null && <FormattedMessage id="agreements.sign.progress" values={{ percent: Math.round(progress * 100) }} />}
        {done && <FormattedMessage id="agreements.sign.done" />}
      </p>
    </section>
  );
}
