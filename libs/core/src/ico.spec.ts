import { bankNameOf, normaliseBankAccount, normaliseIco, requireIco } from './ico.js';

describe('IČO', () => {
  it.each(['00064581', '00063410', '00006947', '70890692', '64581', ' 0006 4581 '])('accepts %p', (ico) => {
    expect(normaliseIco(ico)).toMatch(/^\d{8}$/);
  });

  it('pads and strips spaces', () => {
    expect(normaliseIco('64581')).toBe('00064581');
    expect(normaliseIco('000 634 10')).toBe('00063410');
  });

  it.each(['12345678', '00064582', '123456789', 'abcdefgh', '', '0006458x'])('refuses %p', (ico) => {
    expect(normaliseIco(ico)).toBeNull();
  });

  it('covers the check-digit edge cases r=0 → 1, r=1 → 0, r=10 → 1', () => {
    // find bases that hit each remainder and check the rule (11 − r) mod 10
    const digitFor = (base: string) => {
      const r = [8, 7, 6, 5, 4, 3, 2].reduce((a, w, i) => a + w * Number(base[i]), 0) % 11;
      return { r, digit: (11 - r) % 10 };
    };
    const seen = new Map<number, string>();
    for (let n = 1000000; seen.size < 11 && n < 1100000; n++) {
      const base = String(n).padStart(7, '0');
      const { r, digit } = digitFor(base);
      if (!seen.has(r)) seen.set(r, `${base}${digit}`);
    }
    expect(digitFor(seen.get(0)!.slice(0, 7)).digit).toBe(1);
    expect(digitFor(seen.get(1)!.slice(0, 7)).digit).toBe(0);
    expect(digitFor(seen.get(10)!.slice(0, 7)).digit).toBe(1);
    for (const ico of seen.values()) expect(normaliseIco(ico)).toBe(ico);
  });

  it('throws a field error in Czech', () => {
    expect(() => requireIco('12345678')).toThrow(/not valid/);
  });
});

describe('Czech bank account', () => {
  it('accepts valid accounts and canonicalises them', () => {
    expect(normaliseBankAccount('19-2000145399/0800')).toBe('19-2000145399/0800');
    expect(normaliseBankAccount('000019-2000145399/0800')).toBe('19-2000145399/0800');
    expect(normaliseBankAccount('2000145399/0800')).toBe('2000145399/0800');
  });
  it('refuses bad checksums and formats', () => {
    expect(normaliseBankAccount('19-2000145398/0800')).toBeNull();
    expect(normaliseBankAccount('2000145399')).toBeNull();
    expect(normaliseBankAccount('12-2000145399/0800')).toBeNull();
  });
});

describe('bank names', () => {
  it('names the bank of a domestic account by its code, and says the code when it does not know it', () => {
    expect(bankNameOf('19-2000145399/0800')).toBe('Česká spořitelna, a.s.');
    expect(bankNameOf('2400000001/2010')).toBe('Fio banka, a.s.');
    expect(bankNameOf('123/9999')).toBe('kód banky 9999');
  });
});
