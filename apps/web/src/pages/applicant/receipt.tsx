/** The receipt of a submission: its number, the time, the content's fingerprint and the PDF. */
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call, downloadFile } from '../../api/client';
import { ProblemError } from '../../api/errors';
import { RequireRole } from '../../app/require-role';
import { QueryState } from '../../components/query-state';
import { useFormat } from '../../lib/use-format';
import type { SubmissionReceipt } from '../../features/applicant/types';

export function ReceiptPage() {
  return (
    <RequireRole roles={['applicant']}>
      <Receipt />
    </RequireRole>
  );
}

function Receipt() {
  const { applicationId, versionNo } = useParams({ strict: false }) as { applicationId: string; versionNo: string };
  const f = useFormat();
  const intl = useIntl();
  const [failure, setFailure] = useState<string | null>(null);
  const receipt = useQuery({
    queryKey: ['receipt', applicationId, versionNo],
    queryFn: () => call<SubmissionReceipt>(api.GET('/api/v1/applications/{id}/versions/{versionNo}', { params: { path: { id: applicationId, versionNo: Number(versionNo) } } })),
  });
  const r = receipt.data;
  return (
    <QueryState query={receipt}>
      {r && (
        <>
          <div className="notice notice--success">
            <h1>
              <FormattedMessage id={r.kind === 'remedy' ? 'applicant.receipt.titleRemedy' : 'applicant.receipt.title'} />
            </h1>
            <p className="lead">
              <FormattedMessage id="applicant.receipt.number" values={{ number: <strong>{r.receiptNumber}</strong> }} />
            </p>
          </div>
          <dl className="facts">
            <dt>
              <FormattedMessage id="applicant.receipt.application" />
            </dt>
            <dd>{r.applicationNumber}</dd>
            <dt>
              <FormattedMessage id="applicant.receipt.time" />
            </dt>
            <dd>{f.dateTime(r.submittedAt)}</dd>
            <dt>
              <FormattedMessage id="applicant.receipt.version" />
            </dt>
            <dd>{r.versionNo}</dd>
            <dt>
              <FormattedMessage id="applicant.receipt.fingerprint" />
            </dt>
            <dd>
              <code>{r.contentSha256}</code>
            </dd>
          </dl>
          <div className="actions">
            <button
              type="button"
              className="gov-button"
              data-type="solid"
              data-color="primary"
              data-size="m"
              onClick={() => {
                setFailure(null);
                downloadFile(`/api/v1${r.receiptPdf}`, `potvrzeni-${r.receiptNumber}.pdf`).catch((error) =>
                  setFailure(error instanceof ProblemError ? error.message : intl.formatMessage({ id: 'common.error.network' })),
                );
              }}
            >
              <FormattedMessage id="applicant.receipt.download" />
            </button>
            <Link to="/zadosti/$applicationId" params={{ applicationId }}>
              <FormattedMessage id="applicant.receipt.back" />
            </Link>
          </div>
          {failure && (
            <p role="alert" className="text-error">
              {failure}
            </p>
          )}
        </>
      )}
    </QueryState>
  );
}
