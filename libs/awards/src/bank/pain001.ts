import { create } from 'xmlbuilder2';
import { Money } from '#core';

export type PainVersion = 'pain.001.001.03' | 'pain.001.001.09';
export const PAIN_VERSIONS: readonly PainVersion[] = ['pain.001.001.03', 'pain.001.001.09'];

/** One credit transfer of a payment-order file. */
export interface Pain001Transfer {
  /** Max 35 characters; comes back in the bank statement (camt.053) and identifies the order there. */
  endToEndId: string;
  amount: Money;
  creditorName: string;
  creditorIban: string;
  /** Up to 10 digits. */
  variableSymbol: string;
  /** The unstructured message for the recipient (max 140). */
  message: string;
}

export interface Pain001Batch {
  version: PainVersion;
  /** Max 35 characters, unique per file: the bank refuses a message id it has seen. */
  messageId: string;
  createdAt: Date;
  /** The day the bank is to execute the transfers, YYYY-MM-DD. */
  executionDate: string;
  debtor: { name: string; iban: string; bic: string };
  transfers: readonly Pain001Transfer[];
}

/**
 * ISO 20022 customer credit transfer initiation (pain.001) for domestic CZK payments, in version
 * 001.001.03 (the one every Czech bank has taken for years) or 001.001.09 (the 2019 edition the banks
 * move to). One payment information block (one debit account, one execution date); each transfer
 * carries the variable symbol twice, as Czech banks read it: structured (`RmtInf/Strd/CdtrRefInf/Ref`
 * = `VS:…`) and at the head of the end-to-end id (`VS…-…`). Built as a tree by xmlbuilder2, so every
 * value is escaped by the library.
 */
export function buildPain001(batch: Pain001Batch): string {
  if (batch.transfers.length === 0) throw new RangeError('a pain.001 file needs at least one transfer');
  const v09 = batch.version === 'pain.001.001.09';
  const total = Money.sum(batch.transfers.map((t) => t.amount));
  const sum = total.toString();
  const count = String(batch.transfers.length);
  const agent = v09 ? { FinInstnId: { BICFI: batch.debtor.bic } } : { FinInstnId: { BIC: batch.debtor.bic } };
  const document = {
    Document: {
      '@xmlns': `urn:iso:std:iso:20022:tech:xsd:${batch.version}`,
      '@xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      CstmrCdtTrfInitn: {
        GrpHdr: {
          MsgId: max(batch.messageId, 35, 'messageId'),
          CreDtTm: batch.createdAt.toISOString().slice(0, 19),
          NbOfTxs: count,
          CtrlSum: sum,
          InitgPty: { Nm: text(batch.debtor.name, 70) },
        },
        PmtInf: {
          PmtInfId: max(batch.messageId, 35, 'messageId'),
          PmtMtd: 'TRF',
          BtchBookg: 'false',
          NbOfTxs: count,
          CtrlSum: sum,
          ReqdExctnDt: v09 ? { Dt: batch.executionDate } : batch.executionDate,
          Dbtr: { Nm: text(batch.debtor.name, 70) },
          DbtrAcct: { Id: { IBAN: batch.debtor.iban }, Ccy: 'CZK' },
          DbtrAgt: agent,
          ChrgBr: 'SHAR',
          CdtTrfTxInf: batch.transfers.map((t) => {
            if (t.amount.halere <= 0n) throw new RangeError(`transfer ${t.endToEndId}: the amount must be positive`);
            if (!/^\d{1,10}$/.test(t.variableSymbol)) throw new RangeError(`transfer ${t.endToEndId}: the variable symbol must be 1 to 10 digits`);
            return {
              PmtId: { InstrId: max(t.endToEndId, 35, 'endToEndId'), EndToEndId: max(t.endToEndId, 35, 'endToEndId') },
              Amt: { InstdAmt: { '@Ccy': 'CZK', '#': t.amount.toString() } },
              Cdtr: { Nm: text(t.creditorName, 70) },
              CdtrAcct: { Id: { IBAN: t.creditorIban } },
              RmtInf: {
                Ustrd: text(t.message, 140),
                Strd: { CdtrRefInf: { Ref: `VS:${t.variableSymbol}` } },
              },
            };
          }),
        },
      },
    },
  };
  return create({ version: '1.0', encoding: 'UTF-8' }, document).end({ prettyPrint: true });
}

function max(value: string, length: number, field: string): string {
  if (value.length === 0 || value.length > length) throw new RangeError(`${field} must have 1 to ${length} characters; got "${value}"`);
  return value;
}

/** Free text: whitespace collapsed, cut to the element's length (the XML library escapes it). */
function text(value: string, length: number): string {
  const clean = value.replace(/\s+/g, ' ').trim();
  return clean.length > 0 ? clean.slice(0, length) : '-';
}
