import { create } from 'xmlbuilder2';

/** One transaction of a test statement. */
export interface CamtTestEntry {
  ref: string;
  direction: 'credit' | 'debit';
  amount: string;
  bookedOn: string;
  endToEndId?: string;
  /** Written as the Czech banks do: `VS:…` in the structured creditor reference. */
  variableSymbol?: string;
  counterpartyName?: string;
  counterpartyIban?: string;
  message?: string;
  currency?: string;
}

/** A camt.053.001.02 bank statement as a Czech bank sends it, for tests and the benchmark. */
export function camt053Statement(statement: { id: string; iban: string; createdAt?: string; entries: readonly CamtTestEntry[] }): string {
  const created = statement.createdAt ?? '2026-12-04T06:00:00';
  const party = (e: CamtTestEntry) => ({
    Nm: e.counterpartyName ?? 'Protistrana',
  });
  const account = (e: CamtTestEntry) => ({ Id: { IBAN: e.counterpartyIban ?? 'CZ6508000000192000145399' } });
  return create(
    { version: '1.0', encoding: 'UTF-8' },
    {
      Document: {
        '@xmlns': 'urn:iso:std:iso:20022:tech:xsd:camt.053.001.02',
        BkToCstmrStmt: {
          GrpHdr: { MsgId: `MSG-${statement.id}`, CreDtTm: created },
          Stmt: {
            Id: statement.id,
            CreDtTm: created,
            Acct: { Id: { IBAN: statement.iban }, Ccy: 'CZK' },
            Ntry: statement.entries.map((e) => ({
              NtryRef: e.ref,
              Amt: { '@Ccy': e.currency ?? 'CZK', '#': e.amount },
              CdtDbtInd: e.direction === 'credit' ? 'CRDT' : 'DBIT',
              Sts: 'BOOK',
              BookgDt: { Dt: e.bookedOn },
              ValDt: { Dt: e.bookedOn },
              AcctSvcrRef: e.ref,
              BkTxCd: { Prtry: { Cd: '10000107000', Issr: 'CBA' } },
              NtryDtls: {
                TxDtls: {
                  Refs: { AcctSvcrRef: e.ref, ...(e.endToEndId ? { EndToEndId: e.endToEndId } : {}) },
                  AmtDtls: { TxAmt: { Amt: { '@Ccy': e.currency ?? 'CZK', '#': e.amount } } },
                  RltdPties: e.direction === 'credit' ? { Dbtr: party(e), DbtrAcct: account(e) } : { Cdtr: party(e), CdtrAcct: account(e) },
                  RmtInf: {
                    ...(e.message ? { Ustrd: e.message } : {}),
                    ...(e.variableSymbol ? { Strd: { CdtrRefInf: { Ref: `VS:${e.variableSymbol}` } } } : {}),
                  },
                },
              },
            })),
          },
        },
      },
    },
  ).end({ prettyPrint: true });
}
