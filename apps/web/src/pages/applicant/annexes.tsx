/**
 * Annexes: the call's annex types with their limits (formats, size, required) shown before choosing a file,
 * an upload progress bar, the server's verdict per file (it checks the type by content and the size), removal.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call, uploadWithProgress } from '../../api/client';
import { NetworkError, ProblemError } from '../../api/errors';
import { ApplicationFrame, applicationKey, useApplicationContext } from '../../features/applicant/application-frame';
import { PartPage, draftFieldId } from '../../features/applicant/part-page';
import type { AttachmentView } from '../../features/applicant/types';
import type { CallView } from '../public/types';

export function AnnexesPartPage() {
  const { applicationId } = useParams({ strict: false }) as { applicationId: string };
  return (
    <ApplicationFrame applicationId={applicationId}>
      <PartPage slug="prilohy">
        <Annexes />
      </PartPage>
    </ApplicationFrame>
  );
}

function Annexes() {
  const { call: grantCall, application } = useApplicationContext();
  if (grantCall.annexTypes.length === 0)
    return (
      <p>
        <FormattedMessage id="applicant.annexes.none" />
      </p>
    );
  return (
    <>
      {grantCall.annexTypes.map((type) => (
        <AnnexType key={type.code} type={type} attachments={application.attachments.filter((a) => a.annexTypeCode === type.code)} />
      ))}
    </>
  );
}

function AnnexType({ type, attachments }: { type: CallView['annexTypes'][number]; attachments: AttachmentView[] }) {
  const { application, canEdit, missing } = useApplicationContext();
  const intl = useIntl();
  const queryClient = useQueryClient();
  const [progress, setProgress] = useState<number | null>(null);
  const [verdict, setVerdict] = useState<{ ok: boolean; text: string } | null>(null);
  const editable = canEdit('annexes') || canEdit(`annex:${type.code}`);
  const inputId = draftFieldId(`annexes.${type.code}`);
  const refresh = () => queryClient.invalidateQueries({ queryKey: applicationKey(application.id) });
  const formats = type.allowedFormats.map((f) => f.toUpperCase()).join(', ');

  const upload = async (file: File) => {
    if (file.size > type.maxSizeMb * 1024 * 1024) {
      setVerdict({ ok: false, text: intl.formatMessage({ id: 'applicant.annexes.tooBig' }, { name: file.name, max: type.maxSizeMb }) });
      return;
    }
    const body = new FormData();
    body.append('annexType', type.code);
    body.append('file', file);
    setVerdict(null);
    setProgress(0);
    try {
      const saved = await uploadWithProgress<AttachmentView>(`/api/v1/applications/${application.id}/attachments`, body, setProgress);
      setVerdict({ ok: true, text: intl.formatMessage({ id: 'applicant.annexes.accepted' }, { name: saved.fileName, type: saved.mediaType }) });
      await refresh();
    } catch (error) {
      setVerdict({
        ok: false,
        text: error instanceof ProblemError ? error.message : intl.formatMessage({ id: error instanceof NetworkError ? 'common.error.network' : 'common.error.unexpected' }),
      });
    } finally {
      setProgress(null);
    }
  };

  const remove = async (attachment: AttachmentView) => {
    try {
      await call(api.DELETE('/api/v1/applications/{id}/attachments/{attachmentId}', { params: { path: { id: application.id, attachmentId: attachment.id } } }));
      setVerdict({ ok: true, text: intl.formatMessage({ id: 'applicant.annexes.removed' }, { name: attachment.fileName }) });
      await refresh();
    } catch (error) {
      setVerdict({ ok: false, text: error instanceof ProblemError ? error.message : intl.formatMessage({ id: 'common.error.network' }) });
    }
  };

  const missingText = missing[`annexes.${type.code}`];
  return (
    <section className="annex" aria-labelledby={`annex-${type.code}-title`}>
      <h2 id={`annex-${type.code}-title`}>
        {type.name}{' '}
        {type.required && (
          <span className="meta">
            (<FormattedMessage id="applicant.annexes.required" />)
          </span>
        )}
      </h2>
      {type.description && <p>{type.description}</p>}
      <p className="field__hint" id={`${inputId}-hint`}>
        <FormattedMessage id="applicant.annexes.limits" values={{ formats, max: type.maxSizeMb }} />
      </p>
      {attachments.length > 0 && (
        <ul>
          {attachments.map((a) => (
            <li key={a.id}>
              {a.fileName} ({intl.formatNumber(a.sizeBytes / 1024, { maximumFractionDigits: 0 })} kB){' '}
              {editable && (
                <button type="button" className="gov-button" data-type="link" data-color="error" data-size="s" onClick={() => void remove(a)}>
                  <FormattedMessage id="applicant.annexes.remove" values={{ name: a.fileName }} />
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {missingText && attachments.length === 0 && (
        <p className="gov-form-message" data-color="error" id={`${inputId}-error`}>
          {missingText}
        </p>
      )}
      {editable && (
        <div className="field">
          <label className="gov-form-label" htmlFor={inputId}>
            <span className="gov-form-label__label">
              <FormattedMessage id="applicant.annexes.choose" values={{ name: type.name }} />
            </span>
          </label>
          <input
            id={inputId}
            type="file"
            accept={type.allowedFormats.map((f) => `.${f.toLowerCase()}`).join(',')}
            aria-describedby={[`${inputId}-hint`, missingText && attachments.length === 0 ? `${inputId}-error` : null].filter(Boolean).join(' ')}
            disabled={progress !== null}
            onChange={(event) => {
              const file = event.target.files?.[0];
              event.target.value = '';
              if (file) void upload(file);
            }}
          />
        </div>
      )}
      {progress !== null && (
        <p>
          <label htmlFor={`${inputId}-progress`}>
            <FormattedMessage id="applicant.annexes.uploading" />
          </label>{' '}
          <progress id={`${inputId}-progress`} max={1} value={progress} aria-valuetext={`${Math.round(progress * 100)} %`} /> {Math.round(progress * 100)} %
        </p>
      )}
      <p role="status" aria-live="polite" className={verdict && !verdict.ok ? 'text-error' : undefined}>
        {verdict?.text}
      </p>
    </section>
  );
}
