import { fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { IntlProvider } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { messagesFor } from '../../i18n';
import { BudgetTable } from './budget-table';
import type { BudgetLine } from './budget';

const categories = [
  { code: 'PERSONAL', name: 'Osobní náklady' },
  { code: 'MATERIAL', name: 'Materiál' },
];
const limits = { minGrant: '10000.00', maxGrant: '200000.00', coFinancingMinPercent: '10' };

function Harness({ initial = [], onLines }: { initial?: BudgetLine[]; onLines?(lines: BudgetLine[]): void }) {
  const [lines, setLines] = useState<BudgetLine[]>(initial);
  return (
    <IntlProvider locale="cs-CZ" messages={messagesFor('cs')}>
      <BudgetTable
        lines={lines}
        categories={categories}
        limits={limits}
        onChange={(next) => {
          setLines(next);
          onLines?.(next);
        }}
      />
    </IntlProvider>
  );
}

const nbsp = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('budget table', () => {
  it('typing Czech amounts computes the line and the totals exactly, live', async () => {
    const user = userEvent.setup();
    let last: BudgetLine[] = [];
    render(<Harness onLines={(lines) => (last = lines)} />);
    await user.click(screen.getByRole('button', { name: 'Přidat položku' }));
    expect(screen.getByRole('combobox', { name: 'Kategorie, položka 1' })).toHaveFocus();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Kategorie, položka 1' }), 'PERSONAL');
    await user.type(screen.getByRole('textbox', { name: 'Popis, položka 1' }), 'Tlumočníci');
    await user.type(screen.getByRole('textbox', { name: 'Počet, položka 1' }), '3');
    await user.type(screen.getByRole('textbox', { name: 'Cena za jednotku, položka 1' }), '1 234,50');
    await user.type(screen.getByRole('textbox', { name: 'Spolufinancování, položka 1' }), '370.35');

    expect(last).toEqual([
      { category: 'PERSONAL', description: 'Tlumočníci', count: '3', unitPrice: '1234.50', totalCost: '3703.50', otherSources: '370.35', requested: '3333.15' },
    ]);
    const totals = screen.getByRole('row', { name: /Součty/ });
    expect(nbsp(totals.textContent ?? '')).toContain('3 703,50 Kč');
    expect(nbsp(totals.textContent ?? '')).toContain('3 333,15 Kč');
    // 370.35 / 3703.50 = 10.00 % exactly; under the 10 000 Kč minimum grant
    expect(nbsp(document.querySelector('.budget-summary')?.textContent ?? '')).toContain('10,00 %');
    expect(nbsp(document.querySelector('.budget-summary')?.textContent ?? '')).toContain('méně než minimum 10 000,00 Kč');
  });

  it('sums 0.10 + 0.20 exactly (no floating point)', () => {
    render(
      <Harness
        initial={[
          { count: '1', unitPrice: '0.10', totalCost: '0.10', otherSources: '0.00', requested: '0.10' },
          { count: '1', unitPrice: '0.20', totalCost: '0.20', otherSources: '0.00', requested: '0.20' },
        ]}
      />,
    );
    expect(nbsp(screen.getByRole('row', { name: /Součty/ }).textContent ?? '')).toContain('0,30 Kč');
  });

  it('refuses what is not an amount, next to the field, and keeps the typed text', async () => {
    const user = userEvent.setup();
    let last: BudgetLine[] = [];
    render(<Harness initial={[{}]} onLines={(lines) => (last = lines)} />);
    const price = screen.getByRole('textbox', { name: 'Cena za jednotku, položka 1' });
    await user.type(price, '12,3,4');
    expect(price).toHaveValue('12,3,4');
    expect(price).toHaveAttribute('aria-invalid', 'true');
    expect(price).toHaveAccessibleDescription('Zadejte částku, např. 1 234,50.');
    expect(last.at(-1)?.unitPrice).not.toBe('12.34');
  });

  it('pastes tab-separated rows from a spreadsheet, categories by name or code', async () => {
    let last: BudgetLine[] = [];
    render(<Harness initial={[{}]} onLines={(lines) => (last = lines)} />);
    const text = 'Osobní náklady\tKoordinátor\thodina\t100\t350,00\t3500\nMATERIAL\tPapír\tbalík\t10\t1 000,50\t0\n';
    fireEvent.paste(screen.getByRole('textbox', { name: 'Popis, položka 1' }), { clipboardData: { getData: () => text } });
    expect(last).toEqual([
      {
        category: 'PERSONAL',
        description: 'Koordinátor',
        unit: 'hodina',
        count: '100',
        unitPrice: '350.00',
        otherSources: '3500.00',
        totalCost: '35000.00',
        requested: '31500.00',
      },
      { category: 'MATERIAL', description: 'Papír', unit: 'balík', count: '10', unitPrice: '1000.50', otherSources: '0.00', totalCost: '10005.00', requested: '10005.00' },
    ]);
    expect(screen.getByRole('textbox', { name: 'Popis, položka 2' })).toHaveValue('Papír');
    expect(screen.getByText('Vloženy 2 položky.')).toBeInTheDocument();
  });

  it('keyboard only: arrows move along a column, removing a line moves focus to the next one', async () => {
    const user = userEvent.setup();
    render(<Harness initial={[{ description: 'a' }, { description: 'b' }, { description: 'c' }]} />);
    await user.click(screen.getByRole('textbox', { name: 'Popis, položka 1' }));
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(screen.getByRole('textbox', { name: 'Popis, položka 3' })).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(screen.getByRole('textbox', { name: 'Popis, položka 2' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('textbox', { name: 'Jednotka, položka 2' })).toHaveFocus();

    screen.getByRole('button', { name: 'Odebrat položku 2' }).focus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('textbox', { name: 'Popis, položka 2' })).toHaveValue('c');
    expect(screen.getByRole('combobox', { name: 'Kategorie, položka 2' })).toHaveFocus();
    expect(screen.queryByRole('textbox', { name: 'Popis, položka 3' })).not.toBeInTheDocument();
    expect(within(document.body).getByText('Položka 2 odebrána.')).toBeInTheDocument();
  });
});
