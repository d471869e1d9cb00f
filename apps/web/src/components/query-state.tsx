import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { FormattedMessage } from 'react-intl';
import { NetworkError, ProblemError } from '../api/errors';

/** Loading and failure of a page's data, said the same way everywhere (politely announced). */
export function QueryState({ query, children }: { query: UseQueryResult<unknown>; children: ReactNode }) {
  if (query.isPending)
    return (
      <p role="status">
        <FormattedMessage id="common.loading" />
      </p>
    );
  if (query.isError) {
    const error = query.error;
    return (
      <div className="notice" role="alert">
        {error instanceof ProblemError ? (
          error.message
        ) : error instanceof NetworkError ? (
          <FormattedMessage id="common.error.network" />
        ) : (
          <FormattedMessage id="common.error.unexpected" />
        )}
      </div>
    );
  }
  return <>{children}</>;
}
