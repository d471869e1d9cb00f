import { DomainError } from '#core';
import { parseCamt053, variableSymbolIn } from './camt053.js';

const statement = (entries: string, ns = 'camt.053.001.08') => `<?xml version="1.0" encoding="UTF-8"?>
<Document xmlns="urn:iso:std:iso:20022:tech:xsd:${ns}"><BkToCstmrStmt><GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-12-04T06:00:00</CreDtTm></GrpHdr>
<Stmt><Id>2026-241</Id><Acct><Id><IBAN>CZ2260000000270005157998</IBAN></Id></Acct>${entries}</Stmt></BkToCstmrStmt></Document>`;

describe('camt.053', () => {
  it('reads booked entries, skips pending ones, splits a batch booking and keeps amounts exact', () => {
    const [parsed] = parseCamt053(
      statement(`
      <Ntry><NtryRef>R1</NtryRef><Amt Ccy="CZK">100000.10</Amt><CdtDbtInd>DBIT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-12-03</Dt></BookgDt>
        <NtryDtls><TxDtls><Refs><EndToEndId>VS2023000145-0a1b2c3d4e5f6071</EndToEndId></Refs><Amt Ccy="CZK">100000.10</Amt>
          <RltdPties><Cdtr><Nm>Spolek &amp; přátelé</Nm></Cdtr><CdtrAcct><Id><IBAN>CZ6508000000192000145399</IBAN></Id></CdtrAcct></RltdPties></TxDtls></NtryDtls></Ntry>
      <Ntry><AcctSvcrRef>R2</AcctSvcrRef><Amt Ccy="CZK">30.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>PDNG</Cd></Sts><BookgDt><Dt>2026-12-03</Dt></BookgDt></Ntry>
      <Ntry><NtryRef>R3</NtryRef><Amt Ccy="CZK">300.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><DtTm>2026-12-03T10:00:00</DtTm></BookgDt>
        <NtryDtls><TxDtls><Amt Ccy="CZK">100.00</Amt><RmtInf><Strd><CdtrRefInf><Ref>VS:0000012345</Ref></CdtrRefInf></Strd></RmtInf></TxDtls>
        <TxDtls><Amt Ccy="CZK">200.00</Amt><RmtInf><Ustrd>vratka VS 777</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>`),
    );
    expect(parsed).toMatchObject({ id: '2026-241', account: 'CZ2260000000270005157998' });
    expect(parsed.entries.map((e) => [e.entryRef, e.direction, e.amount.toString(), e.bookedOn, e.variableSymbol])).toEqual([
      ['R1', 'debit', '100000.10', '2026-12-03', '2023000145'],
      ['R3#1', 'credit', '100.00', '2026-12-03', '12345'],
      ['R3#2', 'credit', '200.00', '2026-12-03', '777'],
    ]);
    expect(parsed.entries[0]).toMatchObject({ endToEndId: 'VS2023000145-0a1b2c3d4e5f6071', counterpartyName: 'Spolek & přátelé', counterpartyAccount: 'CZ6508000000192000145399' });
  });

  it.each([
    [['VS:123'], '123'],
    [['/VS0001234/SS/KS0308'], '1234'],
    [['VS2023000145-0a1b'], '2023000145'],
    [['platba', '42'], '42'],
    [['bez symbolu'], null],
    [['VS:12345678901'], null],
  ])('finds the variable symbol in %p', (texts, vs) => {
    expect(variableSymbolIn(texts)).toBe(vs);
  });

  it.each([
    ['<Document><BkToCstmrStmt>', 'BANK_STATEMENT_MALFORMED'],
    [statement('', 'camt.052.001.02').replace(/camt\.053/g, 'camt.052'), 'BANK_STATEMENT_NOT_CAMT053'],
    [statement('<Ntry><NtryRef>R</NtryRef><Amt Ccy="CZK">-5.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-12-03</Dt></BookgDt></Ntry>'), 'BANK_STATEMENT_INCOMPLETE'],
    [statement('<Ntry><Amt Ccy="CZK">5.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-12-03</Dt></BookgDt></Ntry>'), 'BANK_STATEMENT_INCOMPLETE'],
  ])('refuses %# with a coded field error', (xml, code) => {
    let error: unknown;
    try {
      parseCamt053(xml);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
  });
});
