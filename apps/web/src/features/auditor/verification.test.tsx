import { render, screen } from '@testing-library/react';
import { IntlProvider } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../i18n';
import { VerificationResult } from './verification';
import type { ChainVerification } from './types';

const show = (result: ChainVerification, locale: 'cs' | 'en' = 'cs') =>
  render(
    <IntlProvider locale={locale === 'cs' ? 'cs-CZ' : 'en-GB'} messages={messagesFor(locale)}>
      <VerificationResult result={result} />
    </IntlProvider>,
  );

const checkpoint = { seq: '120', hash: 'ab'.repeat(32), at: '2026-12-03T10:15:00.000Z' };

describe('the chain verification, explained', () => {
  it('says an intact chain is intact, how much was checked and which witness it matched', () => {
    show({ valid: true, checkedEntries: 1234, lastSeq: '1234', checkpoint, firstBrokenLink: null });
    expect(screen.getByText('Řetězec je neporušený.')).toBeInTheDocument();
    expect(screen.getByText(/Ověřené záznamy: 1234, poslední má pořadí 1234\./)).toBeInTheDocument();
    expect(screen.getByText(/svědek hlavy řetězce uložený mimo databázi: záznam č\. 120/)).toBeInTheDocument();
  });

  it('explains entries missing from the end, which only the witness can tell', () => {
    show({ valid: false, checkedEntries: 100, lastSeq: '100', checkpoint, firstBrokenLink: { seq: '120', reason: 'tail_missing', expected: checkpoint.hash, found: '100' } });
    expect(screen.getByText('Řetězec je porušen.')).toBeInTheDocument();
    expect(screen.getByText(/Z konce řetězce zmizely záznamy: svědek mimo databázi viděl záznam č\. 120, ale řetězec dnes končí záznamem 100\./)).toBeInTheDocument();
  });

  it('explains a rewritten chain and a forged witness, in English too', () => {
    show({
      valid: false,
      checkedEntries: 130,
      lastSeq: '130',
      checkpoint,
      firstBrokenLink: { seq: '120', reason: 'checkpoint_mismatch', expected: checkpoint.hash, found: 'cd'.repeat(32) },
    });
    expect(screen.getByText(/řetězec byl od tohoto místa přepsán a celý přepočítán/)).toBeInTheDocument();
    show(
      { valid: false, checkedEntries: 130, lastSeq: '130', checkpoint, firstBrokenLink: { seq: '120', reason: 'checkpoint_forged', expected: checkpoint.hash, found: 'sig' } },
      'en',
    );
    expect(screen.getByText(/has no valid signature: someone forged or altered it/)).toBeInTheDocument();
  });

  it('says when there is no witness outside the database yet', () => {
    show({ valid: true, checkedEntries: 3, lastSeq: '3', checkpoint: null, firstBrokenLink: null });
    expect(screen.getByText(/Svědek mimo databázi zatím neexistuje/)).toBeInTheDocument();
  });

  it('has an explanation for every reason the API can give, in both languages', () => {
    const reasons = ['hash_mismatch', 'prev_hash_mismatch', 'sequence_gap', 'tail_missing', 'checkpoint_mismatch', 'checkpoint_forged'];
    for (const locale of ['cs', 'en'] as const) for (const r of reasons) expect(messagesFor(locale)[`auditor.verify.reason.${r}`]).toBeTruthy();
  });
});
