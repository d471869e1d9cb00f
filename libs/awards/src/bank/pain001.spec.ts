import { XMLParser } from 'fast-xml-parser';
import { czechIban, Money } from '#core';
import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { buildPain001, Pain001Batch } from './pain001.js';

/** The official ISO 20022 schema, from the Debian package libhbci4j-core-java (test/fixtures/iso20022/SOURCE.md). */
const XSD = readFileSync(new URL('../../../../test/fixtures/iso20022/pain.001.001.09.xsd', import.meta.url), 'utf8');
async function xsdErrors(xml: string): Promise<string[]> {
  const result = await validateXML({ xml: [{ fileName: 'pain.xml', contents: xml }], schema: [{ fileName: 'pain.001.001.09.xsd', contents: XSD }] });
  return result.errors.map((e) => e.rawMessage);
}

const batch = (version: Pain001Batch['version']): Pain001Batch => ({
  version,
  messageId: 'HMP-20261204-0001',
  createdAt: new Date('2026-12-04T09:30:00Z'),
  executionDate: '2026-12-07',
  debtor: { name: 'Hlavní město Praha', iban: czechIban('27-5157998/6000'), bic: 'PMBPCZPP' },
  transfers: [
    {
      endToEndId: 'VS2023000145-0a1b2c3d4e5f6071',
      amount: Money.parse('100000.00'),
      creditorName: 'Spolek <Přátel> & "sousedů"',
      creditorIban: czechIban('19-2000145399/0800'),
      variableSymbol: '2023000145',
      message: 'Dotace SML/2023/0001 splátka 1',
    },
    {
      endToEndId: 'VS2023000146-0a1b2c3d4e5f6072',
      amount: Money.parse('0.01'),
      creditorName: 'Druhý příjemce',
      creditorIban: czechIban('178124-4159/0710'),
      variableSymbol: '2023000146',
      message: 'Dotace SML/2023/0002 splátka 2',
    },
  ],
});

describe('pain.001', () => {
  it('pain.001.001.09 is valid against the official ISO 20022 schema', async () => {
    expect(await xsdErrors(buildPain001(batch('pain.001.001.09')))).toEqual([]);
  });

  it('refuses what the schema would: a wrong count is caught before the bank sees it', async () => {
    const bad = buildPain001(batch('pain.001.001.09')).replace('<NbOfTxs>2</NbOfTxs>', '<NbOfTxs>two</NbOfTxs>');
    expect((await xsdErrors(bad)).join('\n')).toMatch(/NbOfTxs/);
  });

  it.each(['pain.001.001.03', 'pain.001.001.09'] as const)('%s carries exact amounts, the sums, the IBANs, the variable symbol and escaped names', (version) => {
    const xml = buildPain001(batch(version));
    expect(xml).toContain(`xmlns="urn:iso:std:iso:20022:tech:xsd:${version}"`);
    expect(xml).toContain('Spolek &lt;Přátel&gt; &amp; "sousedů"');
    const doc = new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => name === 'CdtTrfTxInf' }).parse(xml).Document.CstmrCdtTrfInitn;
    expect(doc.GrpHdr).toMatchObject({ NbOfTxs: '2', CtrlSum: '100000.01' });
    expect(doc.PmtInf.DbtrAcct.Id.IBAN).toBe(czechIban('27-5157998/6000'));
    const [first, second] = doc.PmtInf.CdtTrfTxInf;
    expect(first.Amt.InstdAmt).toEqual({ '#text': '100000.00', '@_Ccy': 'CZK' });
    expect(second.Amt.InstdAmt['#text']).toBe('0.01');
    expect(first.CdtrAcct.Id.IBAN).toBe('CZ6508000000192000145399');
    expect(first.RmtInf.Strd.CdtrRefInf.Ref).toBe('VS:2023000145');
    expect(first.PmtId.EndToEndId).toBe('VS2023000145-0a1b2c3d4e5f6071');
    expect(version === 'pain.001.001.09' ? doc.PmtInf.ReqdExctnDt.Dt : doc.PmtInf.ReqdExctnDt).toBe('2026-12-07');
    expect(version === 'pain.001.001.09' ? doc.PmtInf.DbtrAgt.FinInstnId.BICFI : doc.PmtInf.DbtrAgt.FinInstnId.BIC).toBe('PMBPCZPP');
  });

  it('refuses an empty batch, a non-positive amount and a long message id', () => {
    expect(() => buildPain001({ ...batch('pain.001.001.03'), transfers: [] })).toThrow(/at least one/);
    expect(() => buildPain001({ ...batch('pain.001.001.03'), transfers: [{ ...batch('pain.001.001.03').transfers[0], amount: Money.ZERO }] })).toThrow(/positive/);
    expect(() => buildPain001({ ...batch('pain.001.001.03'), messageId: 'x'.repeat(36) })).toThrow(/messageId/);
  });
});
