import { FormattedMessage } from 'react-intl';
import { useFormat } from '../../lib/use-format';
import type { ChainVerification } from './types';

/** The chain verification's answer in plain words: intact or not, which link broke and what that means, and the witness outside the database. */
export function VerificationResult({ result }: { result: ChainVerification }) {
  const f = useFormat();
  const checkpoint = result.checkpoint;
  const broken = result.firstBrokenLink;
  return (
    <div className={result.valid ? 'notice notice--success' : 'notice'}>
      <p>
        <strong>
          <FormattedMessage id={result.valid ? 'auditor.verify.valid' : 'auditor.verify.invalid'} />
        </strong>
      </p>
      <p>
        <FormattedMessage id="auditor.verify.checked" values={{ count: result.checkedEntries, last: result.lastSeq ?? '—' }} />
      </p>
      {broken && (
        <p>
          <FormattedMessage id={`auditor.verify.reason.${broken.reason}`} values={{ seq: broken.seq, found: broken.found, expected: broken.expected }} />
        </p>
      )}
      <p>
        {checkpoint ? (
          <FormattedMessage id="auditor.verify.checkpoint" values={{ seq: checkpoint.seq, at: f.dateTime(checkpoint.at) }} />
        ) : (
          <FormattedMessage id="auditor.verify.noCheckpoint" />
        )}
      </p>
    </div>
  );
}
