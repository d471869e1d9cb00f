import { describe, expect, it } from 'vitest';
import { remedyLetter } from './remedy-letter';

const input = {
  number: 'NMC-2027-0007',
  title: 'Komunitní tlumočníci',
  deadlineDate: '2027-02-15',
  deadlineTime: '23:59',
  items: [
    { section: 'budgetLines', message: 'Položka 2 nemá výpočet.' },
    { section: 'annex:STATUTORY', message: 'Chybí podpis.' },
  ],
  annexNames: { STATUTORY: 'Doklad o oprávnění jednat' },
};

describe('remedyLetter', () => {
  it('writes the letter in Czech for an applicant who reads Czech', () => {
    const letter = remedyLetter(input, 'cs');
    expect(letter).toContain('Výzva k odstranění nedostatků žádosti NMC-2027-0007');
    expect(letter).toContain('15. 2. 2027 23:59');
    expect(letter).toContain('• Rozpočet: Položka 2 nemá výpočet.');
    expect(letter).toContain('• Příloha: Doklad o oprávnění jednat: Chybí podpis.');
  });

  it('writes the letter in English for an applicant whose profile is English, section names and date included', () => {
    const letter = remedyLetter(input, 'en');
    expect(letter).toContain('Request to remedy application NMC-2027-0007');
    expect(letter).toContain('15 Feb 2027 23:59');
    expect(letter).toContain('• Budget: Položka 2 nemá výpočet.');
    expect(letter).not.toContain('Výzva k odstranění');
  });

  it('shows an ellipsis until a deadline is picked', () => {
    expect(remedyLetter({ ...input, deadlineDate: '' }, 'cs')).toContain('nejpozději do ….');
  });
});
