/** A minor condition's penalty in words: "odvod 5 000,00 Kč", "odvod 2 %", "odvod 1–5 %". */
import { FormattedMessage } from 'react-intl';
import { useFormat } from '../../lib/use-format';
import type { Condition } from './api';

export function PenaltyText({ penalty }: { penalty: NonNullable<Condition['penalty']> }) {
  const f = useFormat();
  if (penalty.kind === 'fixed') return <FormattedMessage id="agreements.penalty.fixedText" values={{ amount: f.money(penalty.amount ?? '0') }} />;
  if (penalty.kind === 'percentage') return <FormattedMessage id="agreements.penalty.percentText" values={{ percent: penalty.percent ?? '' }} />;
  return <FormattedMessage id="agreements.penalty.rangeText" values={{ min: penalty.minPercent ?? '', max: penalty.maxPercent ?? '' }} />;
}

/** The conditions as a numbered list, minor ones with their penalty. */
export function ConditionsList({ conditions }: { conditions: readonly Condition[] }) {
  return (
    <ol>
      {conditions.map((c, i) => (
        <li key={i}>
          {c.text}
          {c.minor && c.penalty && (
            <>
              {' '}
              (<FormattedMessage id="agreements.conditions.minorTag" />; <PenaltyText penalty={c.penalty} />)
            </>
          )}
        </li>
      ))}
    </ol>
  );
}
