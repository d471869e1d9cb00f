import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { DomainError, Money } from '#core';

/** One booked transaction of a statement, as the matching reads it. */
export interface StatementEntry {
  /** The bank's reference of the entry; with `#n` when one entry books several transactions. */
  entryRef: string;
  direction: 'credit' | 'debit';
  amount: Money;
  currency: string;
  bookedOn: string;
  endToEndId: string | null;
  variableSymbol: string | null;
  counterpartyName: string | null;
  counterpartyAccount: string | null;
  message: string | null;
}

export interface Statement {
  /** Stmt/Id. */
  id: string;
  /** The IBAN of the account (or its other id when the bank gives no IBAN). */
  account: string;
  entries: StatementEntry[];
}

const REPEATED = new Set(['Stmt', 'Ntry', 'TxDtls', 'Ustrd', 'Strd', 'Bal', 'NtryDtls']);

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  // Amounts stay strings: money is parsed exactly by Money, never as a float.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  processEntities: true,
  isArray: (name) => REPEATED.has(name),
});

type Node = Record<string, unknown>;

/**
 * Reads an ISO 20022 bank-to-customer statement (camt.053, any version 001.02–001.13: the elements read
 * here have not changed) with fast-xml-parser. A file that is not well-formed XML, not a camt.053, or
 * misses what identifies a transaction is refused with a coded 422, never a 500.
 */
export function parseCamt053(xml: Buffer | string): Statement[] {
  const text = typeof xml === 'string' ? xml : xml.toString('utf8');
  const wellFormed = XMLValidator.validate(text);
  if (wellFormed !== true) {
    throw malformed('BANK_STATEMENT_MALFORMED', {
      cs: `Soubor není platné XML (řádek ${wellFormed.err.line}: ${wellFormed.err.msg}).`,
      en: `The file is not well-formed XML (line ${wellFormed.err.line}: ${wellFormed.err.msg}).`,
    });
  }
  const root = parser.parse(text) as Node;
  const document = root.Document as Node | undefined;
  // The parser drops namespace declarations with the prefixes; the root's own declaration is read from the text.
  const namespace = /<(?:[\w.-]+:)?Document\b[^>]*?\sxmlns(?::[\w.-]+)?\s*=\s*["'](urn:iso:std:iso:20022:tech:xsd:camt\.053\.001\.\d{2})["']/.exec(text);
  const body = document?.BkToCstmrStmt as Node | undefined;
  if (!body || !namespace) {
    throw malformed('BANK_STATEMENT_NOT_CAMT053', {
      cs: 'Soubor není bankovní výpis ve formátu ISO 20022 camt.053.',
      en: 'The file is not an ISO 20022 camt.053 bank statement.',
    });
  }
  const statements = (body.Stmt as Node[] | undefined) ?? [];
  if (statements.length === 0) throw malformed('BANK_STATEMENT_EMPTY', { cs: 'Výpis neobsahuje žádný výkaz (Stmt).', en: 'The statement file holds no statement (Stmt).' });
  return statements.map((stmt, s) => {
    const id = str(stmt.Id);
    const account = str(path(stmt, 'Acct', 'Id', 'IBAN')) ?? str(path(stmt, 'Acct', 'Id', 'Othr', 'Id'));
    if (!id || !account) throw missing(`Stmt[${s}]`, 'Id, Acct/Id');
    const entries: StatementEntry[] = [];
    ((stmt.Ntry as Node[] | undefined) ?? []).forEach((entry, n) => {
      const where = `Stmt[${s}]/Ntry[${n}]`;
      // Only booked entries move money; pending ones come again once booked.
      const status = str(entry.Sts) ?? str(path(entry, 'Sts', 'Cd'));
      if (status && status !== 'BOOK') return;
      const ref = str(entry.NtryRef) ?? str(entry.AcctSvcrRef);
      const indicator = str(entry.CdtDbtInd);
      const amountNode = entry.Amt as Node | string | undefined;
      const bookedOn = (str(path(entry, 'BookgDt', 'Dt')) ?? str(path(entry, 'BookgDt', 'DtTm')))?.slice(0, 10);
      if (!ref || !indicator || amountNode === undefined || !bookedOn) throw missing(where, 'NtryRef/AcctSvcrRef, Amt, CdtDbtInd, BookgDt');
      if (indicator !== 'CRDT' && indicator !== 'DBIT') throw missing(where, 'CdtDbtInd (CRDT/DBIT)');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(bookedOn)) throw missing(where, 'BookgDt');
      const direction = indicator === 'CRDT' ? 'credit' : 'debit';
      const details = ((entry.NtryDtls as Node[] | undefined) ?? []).flatMap((d) => (d.TxDtls as Node[] | undefined) ?? []);
      const transactions = details.length > 0 ? details : [{} as Node];
      transactions.forEach((tx, t) => {
        const txAmount = (path(tx, 'Amt') as Node | string | undefined) ?? (transactions.length === 1 ? amountNode : undefined);
        if (txAmount === undefined) throw missing(`${where}/NtryDtls/TxDtls[${t}]`, 'Amt');
        const { amount, currency } = money(txAmount, where);
        const party = direction === 'credit' ? 'Dbtr' : 'Cdtr';
        const parties = (tx.RltdPties as Node | undefined) ?? {};
        const name = str(path(parties, party, 'Nm')) ?? str(path(parties, party, 'Pty', 'Nm'));
        const counterpartyAccount = str(path(parties, `${party}Acct`, 'Id', 'IBAN')) ?? str(path(parties, `${party}Acct`, 'Id', 'Othr', 'Id'));
        const remittance = (tx.RmtInf as Node | undefined) ?? {};
        const unstructured = ((remittance.Ustrd as unknown[] | undefined) ?? []).map(str).filter((u): u is string => !!u);
        const references = ((remittance.Strd as Node[] | undefined) ?? []).map((x) => str(path(x, 'CdtrRefInf', 'Ref'))).filter((r): r is string => !!r);
        const endToEndId = str(path(tx, 'Refs', 'EndToEndId'));
        entries.push({
          entryRef: transactions.length > 1 ? `${ref}#${t + 1}` : ref,
          direction,
          amount,
          currency,
          bookedOn,
          endToEndId: endToEndId && endToEndId !== 'NOTPROVIDED' ? endToEndId : null,
          variableSymbol: variableSymbolIn([...references, endToEndId ?? '', ...unstructured]),
          counterpartyName: name ?? null,
          counterpartyAccount: counterpartyAccount ?? null,
          message: unstructured.join(' ') || null,
        });
      });
    });
    return { id, account, entries };
  });
}

/** The variable symbol as Czech banks write it: "VS:123", "VS 123", "/VS123", "VS123-…", or a bare reference of digits. */
export function variableSymbolIn(texts: readonly string[]): string | null {
  for (const text of texts) {
    const tagged = /(?:^|[^A-Z])VS[:\s/]*(\d{1,10})(?!\d)/i.exec(text);
    if (tagged) return tagged[1].replace(/^0+(?=\d)/, '');
  }
  const bare = texts.find((t) => /^\d{1,10}$/.test(t.trim()));
  return bare ? bare.trim().replace(/^0+(?=\d)/, '') : null;
}

function money(node: Node | string, where: string): { amount: Money; currency: string } {
  const value = typeof node === 'string' ? node : str(node['#text']);
  const currency = typeof node === 'string' ? 'CZK' : (str(node['@Ccy']) ?? 'CZK');
  if (!value || !Money.isValid(value) || value.trim().startsWith('-')) throw missing(where, 'Amt (a positive decimal)');
  const amount = Money.parse(value);
  if (amount.halere <= 0n) throw missing(where, 'Amt (a positive decimal)');
  return { amount, currency };
}

function path(node: unknown, ...keys: string[]): unknown {
  let current = node;
  for (const key of keys) {
    if (current === null || typeof current !== 'object') return undefined;
    current = Array.isArray(current) ? (current[0] as Node)?.[key] : (current as Node)[key];
  }
  return Array.isArray(current) ? current[0] : current;
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (typeof value === 'number') return String(value);
  if (value && typeof value === 'object' && '#text' in value) return str((value as Node)['#text']);
  return undefined;
}

function malformed(code: string, message: { cs: string; en: string }): DomainError {
  return DomainError.field('file', code, message);
}

function missing(where: string, what: string): DomainError {
  return malformed('BANK_STATEMENT_INCOMPLETE', {
    cs: `Ve výpisu chybí nebo je neplatné: ${where} – ${what}.`,
    en: `The statement misses or has an invalid ${what} at ${where}.`,
  });
}
