import { FormattedMessage } from 'react-intl';
import { useFormat } from '../../lib/use-format';
import type { StatementLine as Line } from './types';

/**
 * The bank statement line behind a payment, a return or a levy, as the bank wrote it: the statement, the
 * bank's own reference of the entry, the day, the amount, the symbols and the counterparty, and whether
 * the import matched it or a person resolved it (who, and why).
 */
export function StatementLine({ line }: { line: Line | null }) {
  const f = useFormat();
  if (!line)
    return (
      <span className="meta">
        <FormattedMessage id="auditor.statement.none" />
      </span>
    );
  return (
    <span className="statement-line">
      <FormattedMessage
        id="auditor.statement.line"
        values={{ statement: line.statementId, file: line.statementFileName, ref: line.entryRef, bookedOn: f.date(line.bookedOn), amount: f.money(line.amount) }}
      />
      {line.variableSymbol && (
        <>
          {' '}
          <FormattedMessage id="auditor.statement.vs" values={{ vs: line.variableSymbol }} />
        </>
      )}
      {(line.counterpartyName || line.counterpartyAccount) && (
        <>
          {' '}
          <FormattedMessage id="auditor.statement.counterparty" values={{ who: [line.counterpartyName, line.counterpartyAccount].filter(Boolean).join(', ') }} />
        </>
      )}
      {line.message && (
        <>
          {' '}
          <FormattedMessage id="auditor.statement.message" values={{ message: line.message }} />
        </>
      )}{' '}
      {line.status === 'resolved' ? (
        <FormattedMessage
          id="auditor.statement.resolved"
          values={{ who: line.resolvedBy ?? '—', at: line.resolvedAt ? f.dateTime(line.resolvedAt) : '—', note: line.resolutionNote ?? '' }}
        />
      ) : (
        <FormattedMessage id="auditor.statement.matched" values={{ at: f.dateTime(line.importedAt) }} />
      )}
    </span>
  );
}
