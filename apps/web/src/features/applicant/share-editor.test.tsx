import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { IntlProvider } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../i18n';
import { evenShares, parsePercentInput, ShareEditor } from './share-editor';
import type { ActivityShare } from './share-editor';

const activities = [
  { id: 'a1', code: '1.1.1', name: 'Tlumočení ve školách' },
  { id: 'a2', code: '1.1.2', name: 'Kurzy češtiny' },
  { id: 'a3', code: '2.1.1', name: 'Poradenství' },
];

function Harness({ onShares }: { onShares?(shares: ActivityShare[]): void }) {
  const [shares, setShares] = useState<ActivityShare[]>([]);
  return (
    <IntlProvider locale="cs-CZ" messages={messagesFor('cs')}>
      <ShareEditor
        activities={activities}
        shares={shares}
        onChange={(next) => {
          setShares(next);
          onShares?.(next);
        }}
      />
    </IntlProvider>
  );
}

describe('share editor', () => {
  it('searches without diacritics, and shows the sum live until it is 100 %', async () => {
    const user = userEvent.setup();
    let last: ActivityShare[] = [];
    render(<Harness onShares={(shares) => (last = shares)} />);
    await user.type(screen.getByRole('searchbox', { name: 'Hledat aktivitu (kód nebo název)' }), 'tlumoceni');
    expect(screen.getAllByRole('checkbox')).toHaveLength(1);
    await user.click(screen.getByRole('checkbox', { name: /Tlumočení ve školách/ }));
    expect(screen.getByRole('status')).toHaveTextContent('Součet podílů je 100 %.');

    await user.clear(screen.getByRole('searchbox'));
    await user.click(screen.getByRole('checkbox', { name: /Kurzy češtiny/ }));
    expect(screen.getByRole('textbox', { name: 'Podíl: 1.1.2 Kurzy češtiny' })).toHaveValue('');

    const first = screen.getByRole('textbox', { name: 'Podíl: 1.1.1 Tlumočení ve školách' });
    await user.clear(first);
    await user.type(first, '66,67');
    const second = screen.getByRole('textbox', { name: 'Podíl: 1.1.2 Kurzy češtiny' });
    await user.type(second, '33,3');
    expect(screen.getByRole('status')).toHaveTextContent('Součet podílů 99,97 % – zbývá rozdělit 0,03 %');
    await user.type(second, '3');
    expect(screen.getByRole('status')).toHaveTextContent('Součet podílů je 100 %.');
    expect(last).toEqual([
      { activityId: 'a1', sharePercent: '66.67' },
      { activityId: 'a2', sharePercent: '33.33' },
    ]);
  });

  it('splits evenly to the hundredth and refuses what is not a percentage', async () => {
    expect(evenShares(['a', 'b', 'c'])).toEqual([
      { activityId: 'a', sharePercent: '33.34' },
      { activityId: 'b', sharePercent: '33.33' },
      { activityId: 'c', sharePercent: '33.33' },
    ]);
    expect(parsePercentInput('100,5')).toBeNull();
    expect(parsePercentInput('12,345')).toBeNull();
    expect(parsePercentInput('12,5 %')).toBe('12.5');

    const user = userEvent.setup();
    render(<Harness />);
    await user.click(screen.getByRole('checkbox', { name: /Kurzy češtiny/ }));
    const share = screen.getByRole('textbox', { name: 'Podíl: 1.1.2 Kurzy češtiny' });
    await user.clear(share);
    await user.type(share, 'abc');
    expect(share).toHaveAttribute('aria-invalid', 'true');
    expect(share).toHaveAccessibleDescription('Zadejte procento od 0 do 100, nejvýše na dvě desetinná místa.');
  });
});
