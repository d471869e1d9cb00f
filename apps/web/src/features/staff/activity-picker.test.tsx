import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { IntlProvider } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../i18n';
import { ActivityPicker } from './activity-picker';
import type { ActivityNode } from './api';

const measure = { code: '13.II', name: 'Podpora vzdělávání dětí cizinců' };
const activities: ActivityNode[] = [
  { id: 'a1', code: '13.II.1', name: 'Tlumočení ve školách', path: [{ code: '13', name: 'Vzdělávání' }, measure] },
  { id: 'a2', code: '13.II.2', name: 'Kurzy češtiny pro rodiče', path: [{ code: '13', name: 'Vzdělávání' }, measure] },
  { id: 'a3', code: '6.I.1', name: 'Informační centrum', path: [{ code: '6.I', name: 'Informovanost cizinců' }] },
];

function Harness({ onPick }: { onPick(ids: string[]): void }) {
  const [selected, setSelected] = useState<string[]>([]);
  return (
    <IntlProvider locale="cs-CZ" messages={messagesFor('cs')}>
      <ActivityPicker
        form="call"
        activities={activities}
        selected={selected}
        onChange={(ids) => {
          setSelected(ids);
          onPick(ids);
        }}
      />
    </IntlProvider>
  );
}

describe('the eligible activities picker', () => {
  it('groups activities under their measure and finds them by the measure above, ignoring diacritics', async () => {
    const user = userEvent.setup();
    render(<Harness onPick={() => undefined} />);
    expect(screen.getByRole('group', { name: '13.II Podpora vzdělávání dětí cizinců' })).toBeInTheDocument();
    await user.type(screen.getByRole('searchbox', { name: /Hledat aktivitu/ }), 'vzdelavani deti');
    expect(screen.getAllByRole('checkbox')).toHaveLength(2);
    expect(screen.getByText('Nalezeny 2 aktivity')).toBeInTheDocument();
  });

  it('is used by keyboard: Space picks, the chosen list offers removal', async () => {
    const user = userEvent.setup();
    let picked: string[] = [];
    render(<Harness onPick={(ids) => (picked = ids)} />);
    screen.getByRole('checkbox', { name: '6.I.1 Informační centrum' }).focus();
    await user.keyboard(' ');
    expect(picked).toEqual(['a3']);
    expect(screen.getByText('Vybrána 1 aktivita:')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Odebrat 6.I.1' }));
    expect(picked).toEqual([]);
  });
});
