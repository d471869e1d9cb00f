/**
 * The agreement's documents: the PDF previewed in the page (the token is not a cookie, so the file is fetched and
 * shown from memory) and downloaded; the signed copy when there is one.
 */
import { useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { downloadFile, fetchFile } from '../../api/client';
import { ProblemError } from '../../api/errors';
import { documentName } from './api';
import type { Agreement } from './api';

export function AgreementDocuments({ agreement }: { agreement: Agreement }) {
  const intl = useIntl();
  const [viewer, setViewer] = useState<{ url: string; title: string } | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const frame = useRef<HTMLIFrameElement>(null);
  useEffect(() => () => (viewer ? URL.revokeObjectURL(viewer.url) : undefined), [viewer]);
  useEffect(() => {
    if (viewer) frame.current?.focus();
  }, [viewer]);
  const fail = (error: unknown) => setFailure(error instanceof ProblemError ? error.message : intl.formatMessage({ id: 'common.error.network' }));
  const documentPath = `/api/v1/agreements/${agreement.id}/document.pdf`;
  const signedPath = `/api/v1/agreements/${agreement.id}/signed-copy.pdf`;
  const hasSignedCopy = Boolean(agreement.signedCopySha256 || agreement.recipientSignature);
  const preview = async (path: string, title: string) => {
    setFailure(null);
    try {
      const blob = await fetchFile(path);
      setViewer({ url: URL.createObjectURL(new Blob([blob], { type: 'application/pdf' })), title });
    } catch (error) {
      fail(error);
    }
  };
  const title = intl.formatMessage({ id: 'agreements.documents.agreementTitle' }, { number: agreement.number, version: agreement.agreementVersion });
  const signedTitle = intl.formatMessage({ id: 'agreements.documents.signedTitle' }, { number: agreement.number });
  return (
    <section aria-labelledby="agreement-documents">
      <h2 id="agreement-documents">
        <FormattedMessage id="agreements.documents.title" />
      </h2>
      <div className="agreement-actions">
        <button type="button" className="gov-button" data-type="outlined" data-color="primary" data-size="m" onClick={() => void preview(documentPath, title)}>
          <FormattedMessage id="agreements.documents.preview" />
        </button>
        <button
          type="button"
          className="gov-button"
          data-type="outlined"
          data-color="primary"
          data-size="m"
          onClick={() => {
            setFailure(null);
            downloadFile(documentPath, documentName(agreement)).catch(fail);
          }}
        >
          <FormattedMessage id="agreements.documents.download" />
        </button>
        {hasSignedCopy && (
          <button type="button" className="gov-button" data-type="outlined" data-color="primary" data-size="m" onClick={() => void preview(signedPath, signedTitle)}>
            <FormattedMessage id="agreements.documents.signedPreview" />
          </button>
        )}
      </div>
      {failure && (
        <p role="alert" className="text-error">
          {failure}
        </p>
      )}
      {viewer && <iframe ref={frame} className="annex-viewer" src={viewer.url} title={viewer.title} />}
    </section>
  );
}
