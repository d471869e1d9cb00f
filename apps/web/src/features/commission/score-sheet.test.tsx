import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { IntlProvider } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { ProblemError } from '../../api/errors';
import { messagesFor } from '../../i18n';
import { AutosaveQueue } from '../../lib/autosave/queue';
import type { AutosaveStorage, PendingEdits, Sections } from '../../lib/autosave/queue';
import type { Sheet } from './api';
import { ScoreSheet } from './score-sheet';

const criteria = [
  { id: 'k1', code: 'K1', name: 'Soulad', description: 'Soulad s akčním plánem.', maxScore: 20, weight: '2', minScore: null },
  { id: 'k2', code: 'K2', name: 'Kvalita', maxScore: 20, weight: '1', minScore: 8 },
  { id: 'k3', code: 'K3', name: 'Rozpočet', maxScore: 10, weight: '1', minScore: null },
];
const empty: Sheet = { applicationId: 'app', status: 'new', scores: [], version: 0, submittedAt: null, problems: [] };

function memory(): AutosaveStorage {
  const data = new Map<string, PendingEdits>();
  return { get: async (key) => data.get(key), set: async (key, value) => void data.set(key, value), del: async (key) => void data.delete(key) };
}

function setup(send: (version: number, sections: Sections) => Promise<{ draftVersion: number; [k: string]: unknown }>) {
  const sent: { version: number; sections: Sections }[] = [];
  const queue = new AutosaveQueue({
    key: `test-${Math.random()}`,
    storage: memory(),
    whenOnline: () => Promise.resolve(),
    debounceMs: 10,
    send: (version, sections) => {
      sent.push({ version, sections });
      return send(version, sections);
    },
  });
  render(
    <IntlProvider locale="cs-CZ" messages={messagesFor('cs')}>
      <ScoreSheet applicationId="app" criteria={criteria} sheet={empty} queue={queue} />
    </IntlProvider>,
  );
  return { sent, queue };
}

const nbsp = (text: string | null) => (text ?? '').replace(/[\u00a0\u202f]/g, ' ');

describe('score sheet', () => {
  it('computes the weighted total live by the server rule, leaves "not applicable" out, and autosaves with the version', async () => {
    const user = userEvent.setup();
    let version = 0;
    const { sent } = setup(async (_v, sections) => ({ ...empty, status: 'draft', scores: sections.scores, version: ++version, draftVersion: version }));
    expect(screen.getByText(/zatím nic neohodnoceno/)).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Body za K1 (0–20)' }), '16');
    await user.type(screen.getByRole('textbox', { name: 'Body za K2 (0–20)' }), '12');
    expect(nbsp(screen.getByText(/Průběžný vážený součet/).textContent)).toContain('51,33 z 70,00 bodů (73,33 %)');
    await user.click(screen.getByRole('checkbox', { name: 'K3 se na žádost nevztahuje (n/a)' }));
    expect(screen.getByRole('textbox', { name: 'Body za K3 (0–10)' })).toBeDisabled();
    expect(nbsp(screen.getByText(/^Vážený součet/).textContent)).toContain('51,33 z 70,00 bodů');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(/Uloženo v/));
    const last = sent[sent.length - 1];
    expect(last.sections.scores).toEqual([
      { criterionId: 'k1', score: 16, notApplicable: false, justification: '' },
      { criterionId: 'k2', score: 12, notApplicable: false, justification: '' },
      { criterionId: 'k3', score: null, notApplicable: true, justification: '' },
    ]);
    // Each save is based on the version the previous one returned.
    expect(sent.map((s) => s.version)).toEqual(sent.map((_, i) => i));
  });

  it('refuses to submit without scores and justifications, pointing at each criterion', async () => {
    const user = userEvent.setup();
    const { sent } = setup(async () => {
      throw new Error('must not be called');
    });
    await user.click(screen.getByRole('button', { name: 'Odevzdat hodnoticí list' }));
    const summary = await screen.findByRole('alert');
    expect(summary).toHaveTextContent('K1 Soulad: Zadejte celé číslo od 0 do 20');
    expect(summary).toHaveTextContent('K3 Rozpočet: Zadejte celé číslo od 0 do 10');
    expect(sent).toEqual([]);
  });

  it("stops on a second tab's newer version and lets the reviewer take theirs", async () => {
    const user = userEvent.setup();
    const theirs = { ...empty, status: 'draft', version: 3, scores: [{ criterionId: 'k1', score: 5, notApplicable: false, justification: 'Z druhé karty.' }] };
    setup(async () => {
      throw new ProblemError({ status: 409, code: 'STALE_VERSION', current: { ...theirs, draftVersion: 3 } });
    });
    await user.type(screen.getByRole('textbox', { name: 'Body za K1 (0–20)' }), '9');
    expect(await screen.findByRole('heading', { name: messagesFor('cs')['common.conflict.title'] })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: messagesFor('cs')['common.conflict.takeTheirs'] }));
    await waitFor(() => expect(screen.getByRole('textbox', { name: 'Body za K1 (0–20)' })).toHaveValue('5'));
    expect(screen.getByRole('textbox', { name: 'Zdůvodnění k K1' })).toHaveValue('Z druhé karty.');
  });
});
