import { randomUUID } from 'node:crypto';
import { czechIban } from '#core';
import { bearer, callInEvaluation, createTestActivities, createTestApp, createUser, decide, effectiveAgreement, signIn, TestApp, TestUser } from '#testing';
import { camt053Statement } from '../scripts/camt053-statement.js';

const DAY = 24 * 60 * 60 * 1000;
const CITY_IBAN = czechIban('27-5157998/6000');

interface StatementLine {
  status: string;
  statementId: string;
  entryRef: string;
  direction: string;
  amount: string;
  variableSymbol: string | null;
  counterpartyName: string | null;
  resolvedBy: string | null;
  resolutionNote: string | null;
}

/**
 * The auditor's dossier shows, with each payment, return and levy, the bank statement line that confirmed
 * or paid it (the bank's own reference), whether the import matched it or a person resolved it.
 */
describe('statement lines in the dossier', () => {
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
  const upload = (user: TestUser, xml: string) =>
    t.http.post('/bank-statements').set(bearer(user)).attach('file', Buffer.from(xml, 'utf8'), { filename: 'vypis.xml', contentType: 'application/xml' });

  it('names the statement line beside each payment (matched or resolved), each return and each levy; nothing before the bank has spoken', async () => {
    const { staff, call, applications } = await callInEvaluation(t, activities, new Date(Date.now() + 800 * DAY), 1);
    const [a] = applications;
    await t.dataSource.query(`UPDATE organisation SET bank_account = '19-2000145399/0800' WHERE id = $1`, [a.organisationId]);
    const second = await createUser(t, ['staff']);
    const auditor = await createUser(t, ['auditor']);
    await decide(t, staff, call.id, a.id, '100000.00').expect(201);
    const agreementId = await effectiveAgreement(t, staff, a.id, ['60000.00', '40000.00']);
    const [{ number }] = await t.dataSource.query<{ number: string }[]>(`SELECT number FROM application WHERE id = $1`, [a.id]);
    const vs = number.replace(/\D/g, '').slice(-10);

    const order = async (trancheNo: number, amount: string) => {
      const ordered = await t.http.post(`/agreements/${agreementId}/payments`).set(bearer(staff)).send({ trancheNo, amount }).expect(201);
      await t.http.post(`/payments/${ordered.body.id}/approve`).set(bearer(second)).send({ version: 1 }).expect(200);
      return ordered.body.id as string;
    };
    await order(1, '60000.00');
    const secondTranche = await order(2, '40000.00');
    // Another file's test may send every approved order with the CSV at the same moment: either way ours are exported.
    expect([200, 409]).toContain((await t.http.post(`/payments/bank-export/pain001?callId=${call.id}`).set(bearer(second))).status);

    const dossier = async () => (await t.http.get(`/trace/projects/${a.id}`).set(bearer(auditor)).expect(200)).body;
    const before = await dossier();
    expect(before.payments.map((p: { status: string; statementLine: unknown }) => [p.status, p.statementLine])).toEqual([
      ['exported', null],
      ['exported', null],
    ]);

    // The bank's statement: the first tranche by variable symbol and amount; the second came without symbols, so a person resolves it.
    const tag = randomUUID().slice(0, 8);
    const paid = await upload(
      staff,
      camt053Statement({
        id: `VYPIS-${tag}-1`,
        iban: CITY_IBAN,
        entries: [
          { ref: `R-${tag}-1`, direction: 'debit', amount: '60000.00', bookedOn: today(), variableSymbol: vs, counterpartyName: 'Spolek A', message: 'Dotace splatka 1' },
          { ref: `R-${tag}-2`, direction: 'debit', amount: '40000.00', bookedOn: today(), message: 'bez symbolu' },
        ],
      }),
    ).expect(200);
    expect(paid.body).toMatchObject({ lines: 2, matched: 1, unmatched: 1 });
    const lines = await t.http.get('/bank-statements/lines?status=unmatched&pageSize=100').set(bearer(staff)).expect(200);
    const lost = lines.body.items.find((l: { entryRef: string }) => l.entryRef === `R-${tag}-2`);
    await t.http
      .post(`/bank-statements/lines/${lost.id}/resolve`)
      .set(bearer(staff))
      .send({ version: lost.version, matchType: 'payment', matchId: secondTranche, note: 'Banka nepřenesla symbol; částka a den sedí.' })
      .expect(200);

    // A settlement with 20 000 Kč to return, and a levy of 5 000 Kč: both paid by the next statement.
    const applicant = await signIn(t, a.user);
    const [budgetLine] = await t.dataSource.query<{ id: string }[]>(`SELECT id FROM application_budget_line WHERE application_id = $1 ORDER BY position`, [a.id]);
    const submitted = await t.http
      .post(`/agreements/${agreementId}/settlement`)
      .set(bearer(applicant))
      .send({
        costDocuments: [{ budgetLineId: budgetLine.id, number: 'FV-1', issuedOn: '2023-05-31', supplier: 'Tlumočnice', amount: '80000.00', paidOn: '2023-06-05' }],
        report: [{ indicator: 'počet podpořených žáků', unit: 'žák', promised: 120, achieved: 120 }],
      })
      .expect(201);
    await t.http
      .post(`/settlements/${submitted.body.id}/check`)
      .set(bearer(staff))
      .send({ reviews: [{ costDocumentId: submitted.body.costDocuments[0].id, review: 'eligible' }], returnDueDate: '2099-03-31', version: 1 })
      .expect(200);
    const breach = await t.http
      .post(`/agreements/${agreementId}/breaches`)
      .set(bearer(staff))
      .send({ description: 'Publicita projektu nebyla zajištěna podle smlouvy.', breachDate: today(), misused: '5000.00' })
      .expect(201);
    const levied = await t.http
      .post(`/breaches/${breach.body.id}/levy`)
      .set(bearer(staff))
      .send({ dueDate: new Date(t.clock.now().getTime() + 30 * DAY).toISOString().slice(0, 10), version: breach.body.version })
      .expect(200);
    const levyOwed = (levied.body.paymentCode as string).match(/AM:([\d.]+)/)![1];
    const received = await upload(
      staff,
      camt053Statement({
        id: `VYPIS-${tag}-2`,
        iban: CITY_IBAN,
        entries: [
          { ref: `R-${tag}-3`, direction: 'credit', amount: '20000.00', bookedOn: today(), variableSymbol: vs, counterpartyName: 'Spolek A', message: 'Vratka' },
          { ref: `R-${tag}-4`, direction: 'credit', amount: levyOwed, bookedOn: today(), variableSymbol: vs, counterpartyName: 'Spolek A', message: 'Odvod' },
        ],
      }),
    ).expect(200);
    expect(received.body).toMatchObject({ lines: 2, matched: 2 });

    const after = await dossier();
    const lineOf = (x: { statementLine: StatementLine | null }) => x.statementLine;
    const [payment1, payment2] = after.payments;
    expect(payment1).toMatchObject({ status: 'paid', bankReference: `R-${tag}-1` });
    expect(lineOf(payment1)).toMatchObject({
      status: 'matched',
      statementId: `VYPIS-${tag}-1`,
      statementFileName: 'vypis.xml',
      entryRef: `R-${tag}-1`,
      direction: 'debit',
      amount: '60000.00',
      bookedOn: today(),
      variableSymbol: vs,
      counterpartyName: 'Spolek A',
      message: 'Dotace splatka 1',
      resolvedBy: null,
    });
    expect(lineOf(payment2)).toMatchObject({
      status: 'resolved',
      entryRef: `R-${tag}-2`,
      amount: '40000.00',
      variableSymbol: null,
      resolvedBy: 'Test staff',
      resolutionNote: 'Banka nepřenesla symbol; částka a den sedí.',
    });
    expect(after.settlement.returns).toHaveLength(1);
    expect(lineOf(after.settlement.returns[0])).toMatchObject({
      status: 'matched',
      statementId: `VYPIS-${tag}-2`,
      entryRef: `R-${tag}-3`,
      direction: 'credit',
      amount: '20000.00',
    });
    expect(lineOf(after.breaches[0])).toMatchObject({ status: 'matched', entryRef: `R-${tag}-4`, direction: 'credit', amount: levyOwed });

    // Only who may read reports sees it: the applicant is refused, an unknown project is 404.
    await t.http.get(`/trace/projects/${a.id}`).set(bearer(applicant)).expect(403);
    await t.http.get(`/trace/projects/${randomUUID()}`).set(bearer(auditor)).expect(404);
  }, 180_000);
});
