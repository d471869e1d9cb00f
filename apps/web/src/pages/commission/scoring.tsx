/**
 * /hodnoceni/<callId>/zadosti/<applicationId>: the application (read-only, every section and annex) beside the
 * score sheet on wide screens, one above the other on narrow ones. An application the member may not review
 * (conflict, not assigned) does not exist here: the API answers "not found".
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from '@tanstack/react-router';
import { useMemo } from 'react';
import { FormattedMessage } from 'react-intl';
import { RequireRole } from '../../app/require-role';
import { QueryState } from '../../components/query-state';
import { keys, loadReview, usePublicCall } from '../../features/commission/api';
import { ApplicationReadOnly } from '../../features/commission/application-view';
import { ScoreSheet } from '../../features/commission/score-sheet';
import type { SheetCriterionView } from '../../features/commission/score-sheet';
import '../../features/commission/commission.css';

export function ScoringPage() {
  return (
    <RequireRole roles={['commission_member']}>
      <Scoring />
    </RequireRole>
  );
}

function Scoring() {
  const { callId, applicationId } = useParams({ strict: false }) as { callId: string; applicationId: string };
  const queryClient = useQueryClient();
  const review = useQuery({
    queryKey: keys.review(applicationId),
    retry: false,
    // Drafts save through the autosave queue, not this query: refetching while typing would only repaint old scores.
    refetchOnWindowFocus: false,
    queryFn: () => loadReview(applicationId),
  });
  const publicCall = usePublicCall(callId);
  const criteria = useMemo<SheetCriterionView[]>(
    () => (review.data?.criteria ?? []).map((c) => ({ ...c, description: publicCall.data?.criteria.find((p) => p.id === c.id)?.description })),
    [review.data, publicCall.data],
  );
  const data = review.data;
  return (
    <>
      <p>
        <Link to="/hodnoceni/$callId" params={{ callId }}>
          <FormattedMessage id="commission.scoring.back" />
        </Link>
      </p>
      {!data && (
        <h1>
          <FormattedMessage id="commission.scoring.titleLoading" />
        </h1>
      )}
      <QueryState query={review}>
        {data && (
          <>
            <p className="meta">
              {data.content.organisation.name} · <FormattedMessage id="commission.scoring.receipt" values={{ number: data.receiptNumber }} />
            </p>
            <h1>
              <FormattedMessage id="commission.scoring.title" values={{ title: data.content.draft.project?.title ?? data.receiptNumber }} />
            </h1>
            <div className="scoring-layout">
              <ApplicationReadOnly application={data} call={publicCall.data} />
              <ScoreSheet
                // A sheet reopened by the chair (or submitted elsewhere) since a cached visit starts afresh.
                key={`${applicationId}:${data.sheet.status}:${data.sheet.version}`}
                applicationId={applicationId}
                criteria={criteria}
                sheet={data.sheet}
                onSubmitted={() => void queryClient.invalidateQueries({ queryKey: ['my-reviews'] })}
              />
            </div>
          </>
        )}
      </QueryState>
    </>
  );
}
