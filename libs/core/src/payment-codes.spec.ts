import { Money } from './money.js';
import { czechIban, isValidIban, paymentCode } from './payment-codes.js';

describe('Czech account → IBAN', () => {
  it.each([
    // The ČNB's and the banks' published examples.
    ['19-2000145399/0800', 'CZ6508000000192000145399'],
    ['178124-4159/0710', 'CZ6907101781240000004159'],
  ])('%s is %s', (account, iban) => {
    expect(czechIban(account)).toBe(iban);
    expect(isValidIban(iban)).toBe(true);
  });

  it('pads a missing prefix with zeros and gives a valid IBAN for the city account', () => {
    const iban = czechIban('27-5157998/6000');
    // Bank 6000, prefix 27 → 000027, number 5157998 → 0005157998.
    expect(iban.slice(4)).toBe('6000' + '000027' + '0005157998');
    expect(isValidIban(iban)).toBe(true);
  });

  it('refuses an account that fails the ČNB check, and a mistyped IBAN', () => {
    expect(() => czechIban('19-2000145398/0800')).toThrow(RangeError);
    expect(isValidIban('CZ6508000000192000145398')).toBe(false);
    expect(isValidIban('CZ65 0800 0000 1920 0014 5399')).toBe(true);
  });
});

describe('QR Platba (SPAYD)', () => {
  it('writes the format’s published example', () => {
    // The example of the ČBA specification (qr-platba.cz): account with BIC, amount, currency, message.
    expect(paymentCode({ account: 'CZ5855000000001265098001', bic: 'RZBCCZPP', amount: '480.50', variableSymbol: '1234567890', message: 'PLATBA ZA ZBOZI' })).toBe(
      'SPD*1.0*ACC:CZ5855000000001265098001+RZBCCZPP*AM:480.50*CC:CZK*X-VS:1234567890*MSG:PLATBA ZA ZBOZI',
    );
  });

  it('converts a domestic account, keeps the amount exact and adds the due date', () => {
    expect(paymentCode({ account: '19-2000145399/0800', amount: Money.parse('37500'), variableSymbol: '2023000145', dueDate: '2026-12-31' })).toBe(
      'SPD*1.0*ACC:CZ6508000000192000145399*AM:37500.00*CC:CZK*DT:20261231*X-VS:2023000145',
    );
    expect(paymentCode({ account: '19-2000145399/0800', amount: '0.10', variableSymbol: '7' })).toContain('*AM:0.10*');
  });

  it('escapes * and %, drops diacritics and cuts the message to 60 characters', () => {
    const code = paymentCode({
      account: '19-2000145399/0800',
      amount: '1.00',
      variableSymbol: '1',
      recipientName: 'Hlavní město Praha',
      message: 'Odvod *50 %* – ' + 'x'.repeat(80),
    });
    expect(code).toContain('*RN:Hlavni mesto Praha*');
    const msg = code.split('*MSG:')[1];
    expect(msg.startsWith('Odvod %2A50 %25%2A – ')).toBe(true);
    expect(decodeURIComponent(msg).length).toBe(60);
    // Splitting on * gives back exactly the fields: nothing in a value can break the format.
    expect(code.split('*').map((f) => f.split(':')[0])).toEqual(['SPD', '1.0', 'ACC', 'AM', 'CC', 'RN', 'X-VS', 'MSG']);
  });

  it.each([
    [{ amount: '0.00' }, /positive/],
    [{ amount: '12345678.00' }, /10 characters/],
    [{ variableSymbol: '12345678901' }, /variable symbol/],
    [{ variableSymbol: 'ABC' }, /variable symbol/],
    [{ account: '19-2000145398/0800' }, /Czech bank account/],
    [{ bic: 'nope' }, /BIC/],
  ])('refuses %p', (override, message) => {
    expect(() => paymentCode({ account: '19-2000145399/0800', amount: '100.00', variableSymbol: '1', ...override })).toThrow(message);
  });
});
