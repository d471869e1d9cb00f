import { XMLParser } from 'fast-xml-parser';
import { czechIban } from '#core';
import {
  bearer,
  callInEvaluation,
  createTestActivities,
  createTestApp,
  createUser,
  decide,
  effectiveAgreement,
  ISO20022_XSD,
  pay,
  signIn,
  TestApp,
  TestUser,
  xsdErrors,
} from '#testing';
import { camt053Statement } from '../scripts/camt053-statement.js';
import { extractPdfPages } from '../libs/documents/src/testing/pdf-text.js';

const DAY = 24 * 60 * 60 * 1000;
const CITY_IBAN = czechIban('27-5157998/6000');

/** The bank's own files: pain.001 out (valid, each order once), camt.053 in (matched, idempotent), the unmatched lines resolved by a person. */
describe('bank files', () => {
  let t: TestApp;
  let activities: string[];

  beforeAll(async () => {
    t = await createTestApp();
    activities = await createTestActivities(t);
  });

  afterAll(async () => {
    await t?.close();
  });

  const today = () => t.clock.now().toISOString().slice(0, 10);
  const binary = (request: ReturnType<TestApp['http']['get']>) =>
    request.buffer(true).parse((res, done) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => done(null, Buffer.concat(chunks)));
    });
  const upload = (user: TestUser, xml: string | Buffer, name = 'vypis.xml') =>
    t.http
      .post('/bank-statements')
      .set(bearer(user))
      .attach('file', Buffer.isBuffer(xml) ? xml : Buffer.from(xml, 'utf8'), { filename: name, contentType: 'application/xml' });
  const counts = async () => {
    const [row] = await t.dataSource.query<{ lines: number; statements: number; audit: number; ledger: number; receipts: number }[]>(
      `SELECT (SELECT count(*)::int FROM bank_statement_line) AS lines, (SELECT count(*)::int FROM bank_statement) AS statements,
              (SELECT count(*)::int FROM audit_log) AS audit, (SELECT count(*)::int FROM ledger_entry) AS ledger, (SELECT count(*)::int FROM return_receipt) AS receipts`,
    );
    return row;
  };

  it('exports orders as pain.001 once, imports the camt.053 statement, matches payments, a return and a levy, lists the rest, and changes nothing the second time', async () => {
    const { staff, call, applications } = await callInEvaluation(t, activities, new Date(Date.now() + 700 * DAY), 4, undefined, {
      budgetAreas: [
        { code: 'I', name: 'Okruh I – integrační aktivity', allocation: '15000000.00' },
        { code: 'II', name: 'Okruh II – publikace', allocation: '1000000.00' },
      ],
    });
    const [a, b, c, d] = applications;
    await t.dataSource.query(`UPDATE organisation SET bank_account = '19-2000145399/0800' WHERE id = ANY($1::uuid[])`, [applications.map((x) => x.organisationId)]);
    const second = await createUser(t, ['staff']);
    for (const app of applications) await decide(t, staff, call.id, app.id, '100000.00').expect(201);
    const [agreementA, agreementB, agreementC, agreementD] = [
      await effectiveAgreement(t, staff, a.id, ['100000.00']),
      await effectiveAgreement(t, staff, b.id, ['100000.00']),
      await effectiveAgreement(t, staff, c.id, ['60000.00', '40000.00']),
      await effectiveAgreement(t, staff, d.id, ['100000.00']),
    ];
    const vsOf = async (applicationId: string) =>
      (await t.dataSource.query<{ number: string }[]>(`SELECT number FROM application WHERE id = $1`, [applicationId]))[0].number.replace(/\D/g, '').slice(-10);

    // A: paid, settled with 80 000 eligible → 20 000 to return; and a breach with a 5 000 levy.
    expect((await pay(t, staff, second, agreementA, 1, '100000.00')).status).toBe(200);
    const applicant = await signIn(t, a.user);
    const [line] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM application_budget_line WHERE application_id = $1 ORDER BY position`, [a.id]);
    const submitted = await t.http
      .post(`/agreements/${agreementA}/settlement`)
      .set(bearer(applicant))
      .send({
        costDocuments: [{ budgetLineId: line.id, number: 'FV-1', issuedOn: '2023-05-31', supplier: 'Tlumočnice', amount: '80000.00', paidOn: '2023-06-05' }],
        report: [{ indicator: 'počet podpořených žáků', unit: 'žák', promised: 120, achieved: 120 }],
      })
      .expect(201);
    const checked = await t.http
      .post(`/settlements/${submitted.body.id}/check`)
      .set(bearer(staff))
      .send({ reviews: [{ costDocumentId: submitted.body.costDocuments[0].id, review: 'eligible' }], returnDueDate: '2099-03-31', version: 1 })
      .expect(200);
    expect(checked.body).toMatchObject({ status: 'checked', returnDue: '20000.00' });
    const vsA = await vsOf(a.id);
    const vsB = await vsOf(b.id);
    // What is owed carries its QR Platba string for the portal.
    const owed = await t.http.get(`/settlements/${submitted.body.id}`).set(bearer(applicant)).expect(200);
    expect(owed.body.paymentCode).toMatch(new RegExp(`^SPD\\*1\\.0\\*ACC:${CITY_IBAN}\\*AM:20000\\.00\\*CC:CZK\\*DT:20990331\\*X-VS:${vsA}\\*MSG:Vratka dotace, smlouva \\S+$`));
    // The letter asking for it carries the QR code (an image) and the same string.
    const letter = await binary(t.http.get(`/settlements/${submitted.body.id}/return-call.pdf`).set(bearer(applicant))).expect(200);
    const pdf = letter.body as Buffer;
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/Subtype\s*\/Image/);
    const { pages } = await extractPdfPages(pdf);
    expect(pages.join(' ').replace(/\s+/g, '')).toContain(owed.body.paymentCode.replace(/\s+/g, ''));
    const breach = await t.http
      .post(`/agreements/${agreementA}/breaches`)
      .set(bearer(staff))
      .send({ description: 'Publicita projektu nebyla zajištěna podle smlouvy.', breachDate: today(), misused: '5000.00' })
      .expect(201);
    const levied = await t.http
      .post(`/breaches/${breach.body.id}/levy`)
      .set(bearer(staff))
      .send({ dueDate: new Date(t.clock.now().getTime() + 30 * DAY).toISOString().slice(0, 10), version: breach.body.version })
      .expect(200);
    expect(levied.body).toMatchObject({ status: 'levied', levy: '5000.00' });
    expect(levied.body.paymentCode).toMatch(new RegExp(`^SPD\\*1\\.0\\*ACC:${CITY_IBAN}\\*AM:\\d+\\.\\d{2}\\*CC:CZK\\*DT:\\d{8}\\*X-VS:${vsA}\\*MSG:`));

    // B, C (tranche 1) and D ordered and approved by the second officer.
    const order = async (agreementId: string, trancheNo: number, amount: string) => {
      const ordered = await t.http.post(`/agreements/${agreementId}/payments`).set(bearer(staff)).send({ trancheNo, amount }).expect(201);
      await t.http.post(`/payments/${ordered.body.id}/approve`).set(bearer(second)).send({ version: 1 }).expect(200);
      return ordered.body.id as string;
    };
    const [paymentB, paymentC, paymentD] = [await order(agreementB, 1, '100000.00'), await order(agreementC, 1, '60000.00'), await order(agreementD, 1, '100000.00')];

    // The wrong role is refused before anything happens.
    await t.http.post(`/payments/bank-export/pain001?callId=${call.id}`).set(bearer(applicant)).expect(403);
    await upload(applicant, '<x/>').expect(403);
    await t.http.get('/bank-statements/lines').set(bearer(applicant)).expect(403);

    const exported = await binary(t.http.post(`/payments/bank-export/pain001?version=pain.001.001.09&callId=${call.id}`).set(bearer(second))).expect(200);
    expect(exported.headers['content-type']).toMatch(/^application\/xml/);
    const xml = (exported.body as Buffer).toString('utf8');
    expect(await xsdErrors(xml, ISO20022_XSD['pain.001.001.09'])).toEqual([]);
    const parsed = new XMLParser({ parseTagValue: false, ignoreAttributes: false, isArray: (n) => n === 'CdtTrfTxInf' }).parse(xml).Document.CstmrCdtTrfInitn;
    expect(parsed.GrpHdr).toMatchObject({ NbOfTxs: '3', CtrlSum: '260000.00' });
    expect(parsed.PmtInf.DbtrAcct.Id.IBAN).toBe(CITY_IBAN);
    const transfers = parsed.PmtInf.CdtTrfTxInf as { PmtId: { EndToEndId: string }; Amt: { InstdAmt: { '#text': string } }; RmtInf: { Strd: { CdtrRefInf: { Ref: string } } } }[];
    expect(transfers.map((x) => x.Amt.InstdAmt['#text']).sort()).toEqual(['100000.00', '100000.00', '60000.00']);
    const transferB = transfers.find((x) => x.RmtInf.Strd.CdtrRefInf.Ref === `VS:${vsB}`)!;
    expect(transferB.Amt.InstdAmt['#text']).toBe('100000.00');
    expect(transferB.PmtId.EndToEndId).toMatch(new RegExp(`^VS${vsB}-[0-9a-f]{16}$`));
    for (const id of [paymentB, paymentC, paymentD]) expect((await t.http.get(`/payments/${id}`).set(bearer(staff)).expect(200)).body.status).toBe('exported');

    // Each order once: neither a second pain.001 of the call nor the CSV carries them again; the batch downloads again unchanged.
    const again = await t.http.post(`/payments/bank-export/pain001?callId=${call.id}`).set(bearer(second)).expect(409);
    expect(again.body.code).toBe('NOTHING_TO_EXPORT');
    const csv = await t.http.post('/payments/bank-export').set(bearer(second)).expect(200);
    for (const id of [paymentB, paymentC, paymentD]) expect(csv.text).not.toContain(id);
    const batchId = exported.headers['x-payment-batch-id'];
    const batches = await t.http.get('/payment-batches').set(bearer(staff)).expect(200);
    expect(batches.body.find((x: { id: string }) => x.id === batchId)).toMatchObject({ format: 'pain.001.001.09', payments: 3, total: '260000.00' });
    const redownload = await binary(t.http.get(`/payment-batches/${batchId}/pain001.xml`).set(bearer(second))).expect(200);
    expect((redownload.body as Buffer).equals(exported.body as Buffer)).toBe(true);

    // The statement: B by its end-to-end id, C by variable symbol and amount (no id), the return and the levy of A, and a stranger.
    const statement = camt053Statement({
      id: `VYPIS-${batchId.slice(0, 8)}`,
      iban: CITY_IBAN,
      entries: [
        { ref: `E-${batchId.slice(0, 8)}-1`, direction: 'debit', amount: '100000.00', bookedOn: today(), endToEndId: transferB.PmtId.EndToEndId, variableSymbol: vsB },
        { ref: `E-${batchId.slice(0, 8)}-2`, direction: 'debit', amount: '60000.00', bookedOn: today(), variableSymbol: await vsOf(c.id), message: 'Dotace' },
        { ref: `E-${batchId.slice(0, 8)}-3`, direction: 'credit', amount: '20000.00', bookedOn: today(), variableSymbol: vsA, counterpartyName: 'Spolek A' },
        { ref: `E-${batchId.slice(0, 8)}-4`, direction: 'credit', amount: levied.body.paymentCode.match(/AM:([\d.]+)/)[1], bookedOn: today(), variableSymbol: vsA },
        {
          ref: `E-${batchId.slice(0, 8)}-5`,
          direction: 'credit',
          amount: '1234.50',
          bookedOn: today(),
          variableSymbol: '8888888888',
          counterpartyName: 'Neznámý plátce',
          message: 'Dar',
        },
      ],
    });
    const first = await upload(staff, statement).expect(200);
    expect(first.body).toMatchObject({ lines: 5, matched: 4, unmatched: 1, skipped: 0, statements: [{ alreadyImported: false }] });
    const paidB = (await t.http.get(`/payments/${paymentB}`).set(bearer(staff)).expect(200)).body;
    expect(paidB).toMatchObject({ status: 'paid', bankReference: `E-${batchId.slice(0, 8)}-1`, paidOn: today() });
    expect((await t.http.get(`/payments/${paymentC}`).set(bearer(staff)).expect(200)).body.status).toBe('paid');
    expect((await t.http.get(`/payments/${paymentD}`).set(bearer(staff)).expect(200)).body.status).toBe('exported');
    const [paidLedger] = await t.dataSource.query<{ total: string }[]>(`SELECT sum(amount)::text AS total FROM ledger_entry WHERE kind = 'paid' AND application_id = $1`, [b.id]);
    expect(paidLedger.total).toBe('100000.00');
    const settled = await t.http.get(`/settlements/${submitted.body.id}`).set(bearer(staff)).expect(200);
    expect(settled.body).toMatchObject({ status: 'closed', returned: '20000.00', paymentCode: null });
    expect((await t.http.get(`/settlements/${submitted.body.id}/return-call.pdf`).set(bearer(staff)).expect(409)).body.code).toBe('NOTHING_OWED');
    const breaches = await t.http.get(`/agreements/${agreementA}/breaches`).set(bearer(staff)).expect(200);
    expect(breaches.body[0]).toMatchObject({ status: 'paid', paidOn: today(), paymentCode: null });
    const audit = await t.dataSource.query<{ action: string }[]>(`SELECT action FROM audit_log WHERE object_id = ANY($1::text[])`, [
      [paymentB, paymentC, submitted.body.id, breach.body.id],
    ]);
    expect(audit.map((x) => x.action)).toEqual(expect.arrayContaining(['payment.confirmed', 'settlement.return_received', 'breach.levy_paid']));

    const unmatched = await t.http.get('/bank-statements/lines?status=unmatched&pageSize=100').set(bearer(staff)).expect(200);
    const stranger = unmatched.body.items.find((x: { entryRef: string }) => x.entryRef === `E-${batchId.slice(0, 8)}-5`);
    expect(stranger).toMatchObject({ direction: 'credit', amount: '1234.50', variableSymbol: '8888888888', counterpartyName: 'Neznámý plátce', status: 'unmatched', version: 1 });

    // The same statement again: nothing changes, not even the audit log.
    const before = await counts();
    const repeat = await upload(staff, statement).expect(200);
    expect(repeat.body).toMatchObject({ lines: 0, matched: 0, unmatched: 0, skipped: 5, statements: [{ id: first.body.statements[0].id, alreadyImported: true }] });
    expect(await counts()).toEqual(before);

    // A person resolves the stranger: the wrong role is refused, a stale version too, then it is recorded and audited.
    await t.http.post(`/bank-statements/lines/${stranger.id}/resolve`).set(bearer(applicant)).send({ version: 1, note: 'Dar, ne vratka.' }).expect(403);
    const wrongWay = await t.http
      .post(`/bank-statements/lines/${stranger.id}/resolve`)
      .set(bearer(staff))
      .send({ version: 1, matchType: 'payment', matchId: paymentD, note: 'Omyl.' })
      .expect(422);
    expect(wrongWay.body.code).toBe('WRONG_DIRECTION');
    const resolved = await t.http
      .post(`/bank-statements/lines/${stranger.id}/resolve`)
      .set(bearer(staff))
      .send({ version: 1, note: 'Dar od fyzické osoby, nesouvisí s dotací.' })
      .expect(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', matchType: null, resolutionNote: 'Dar od fyzické osoby, nesouvisí s dotací.', resolvedBy: staff.id, version: 2 });
    expect((await t.http.post(`/bank-statements/lines/${stranger.id}/resolve`).set(bearer(staff)).send({ version: 2, note: 'Znovu.' }).expect(409)).body.code).toBe(
      'INVALID_STATE',
    );
    const [resolvedAudit] = await t.dataSource.query<{ actor_user_id: string }[]>(
      `SELECT actor_user_id FROM audit_log WHERE action = 'bank_statement_line.resolved' AND object_id = $1`,
      [stranger.id],
    );
    expect(resolvedAudit.actor_user_id).toBe(staff.id);

    // A default export writes pain.001.001.03 (the Czech banks' long-standing version).
    const paymentC2 = await order(agreementC, 2, '40000.00');
    const v03 = await t.http.post(`/payments/bank-export/pain001?callId=${call.id}`).set(bearer(second)).expect(200);
    expect(v03.text).toContain('xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"');
    expect(v03.text).toContain('<InstdAmt Ccy="CZK">40000.00</InstdAmt>');
    expect((await t.http.get(`/payments/${paymentC2}`).set(bearer(staff)).expect(200)).body.status).toBe('exported');
    // Four applications taken through decision, agreement, settlement and a breach: minutes on a loaded machine.
  }, 180_000);

  it('a statement line resolved by a person goes through the same path: the order is confirmed and paid in the ledger', async () => {
    const { staff, call, applications } = await callInEvaluation(t, activities, new Date(Date.now() + 900 * DAY), 1);
    const [a] = applications;
    await t.dataSource.query(`UPDATE organisation SET bank_account = '19-2000145399/0800' WHERE id = $1`, [a.organisationId]);
    const second = await createUser(t, ['staff']);
    await decide(t, staff, call.id, a.id, '150000.00').expect(201);
    const agreementId = await effectiveAgreement(t, staff, a.id, ['150000.00']);
    const ordered = await t.http.post(`/agreements/${agreementId}/payments`).set(bearer(staff)).send({ trancheNo: 1, amount: '150000.00' }).expect(201);
    await t.http.post(`/payments/${ordered.body.id}/approve`).set(bearer(second)).send({ version: 1 }).expect(200);
    await t.http.post(`/payments/bank-export/pain001?callId=${call.id}`).set(bearer(second)).expect(200);
    // The bank lost both the end-to-end id and the variable symbol: nothing to match by.
    const ref = `LOST-${ordered.body.id.slice(0, 8)}`;
    const imported = await upload(
      staff,
      camt053Statement({ id: `V-${ref}`, iban: CITY_IBAN, entries: [{ ref, direction: 'debit', amount: '150000.00', bookedOn: today(), message: 'bez symbolu' }] }),
    ).expect(200);
    expect(imported.body).toMatchObject({ lines: 1, matched: 0, unmatched: 1 });
    const { items } = (await t.http.get('/bank-statements/lines?status=unmatched&pageSize=100').set(bearer(staff)).expect(200)).body;
    const lost = items.find((x: { entryRef: string }) => x.entryRef === ref);
    const resolved = await t.http
      .post(`/bank-statements/lines/${lost.id}/resolve`)
      .set(bearer(staff))
      .send({ version: 1, matchType: 'payment', matchId: ordered.body.id, note: 'Banka nepřenesla symboly; částka a den sedí.' })
      .expect(200);
    expect(resolved.body).toMatchObject({ status: 'resolved', matchType: 'payment', matchId: ordered.body.id });
    expect((await t.http.get(`/payments/${ordered.body.id}`).set(bearer(staff)).expect(200)).body).toMatchObject({ status: 'paid', bankReference: ref });
    const [paid] = await t.dataSource.query<{ total: string }[]>(`SELECT sum(amount)::text AS total FROM ledger_entry WHERE kind = 'paid' AND application_id = $1`, [a.id]);
    expect(paid.total).toBe('150000.00');
  });

  it('refuses what is not a readable statement with a coded 422, never a 500', async () => {
    const staff = await createUser(t, ['staff']);
    const broken = await upload(staff, '<?xml version="1.0"?><Document><BkToCstmrStmt><Stmt></BkToCstmrStmt>').expect(422);
    expect(broken.body).toMatchObject({ code: 'BANK_STATEMENT_MALFORMED' });
    expect(broken.body.errors[0].field).toBe('file');
    const pain = await upload(staff, '<?xml version="1.0"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:pain.001.001.03"><CstmrCdtTrfInitn/></Document>').expect(422);
    expect(pain.body.code).toBe('BANK_STATEMENT_NOT_CAMT053');
    expect((await upload(staff, Buffer.from([0xff, 0xfe, 0x00, 0x01, 0x02]), 'vypis.bin').expect(422)).body.code).toBe('BANK_STATEMENT_MALFORMED');
    const foreign = camt053Statement({ id: 'CIZI-1', iban: 'CZ6508000000192000145399', entries: [{ ref: 'X1', direction: 'credit', amount: '1.00', bookedOn: today() }] });
    expect((await upload(staff, foreign).expect(422)).body.code).toBe('BANK_STATEMENT_WRONG_ACCOUNT');
    const noAmount = camt053Statement({ id: 'BEZ-CASTKY', iban: CITY_IBAN, entries: [{ ref: 'X2', direction: 'credit', amount: 'abc', bookedOn: today() }] });
    expect((await upload(staff, noAmount).expect(422)).body.code).toBe('BANK_STATEMENT_INCOMPLETE');
    expect((await t.http.post('/bank-statements').set(bearer(staff)).expect(422)).body.code).toBe('FILE_REQUIRED');
    // Nothing of it was kept.
    const [kept] = await t.dataSource.query<{ n: number }[]>(`SELECT count(*)::int AS n FROM bank_statement WHERE statement_id IN ('CIZI-1','BEZ-CASTKY')`);
    expect(kept.n).toBe(0);
  });
});
