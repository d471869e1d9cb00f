import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ApplicationService, AttachmentService, FormalCheckService, SubmissionService } from '#applications';
import { CallService } from '#calls';
import { CommissionService, ReviewService, SessionService } from '#evaluation';
import type { CreateCallRequest } from '#calls';
import { Actor, Clock, pragueInstant } from '#core';
import { PdfDocumentBuilder } from '#documents';

/**
 * The clock of the command-line tasks: the present, unless the demo loader is replaying a past
 * round. Services read time only through the Clock, so the replayed round carries the dates it
 * would have had (audit log and status history included).
 */
export class ReplayClock extends Clock {
  private fixed: Date | null = null;
  now(): Date {
    return this.fixed ? new Date(this.fixed) : new Date();
  }
  travelTo(instant: Date): void {
    this.fixed = new Date(instant);
  }
  backToPresent(): void {
    this.fixed = null;
  }
}

export interface DemoApplicant {
  organisationId: string;
  userId: string;
  type: 'city_district' | 'ngo';
  district: string;
}

const DAY = 86_400_000;

/** Project types districts and NGOs actually run (seed 003: community interpreters, intercultural workers, Czech courses …). */
const PROJECTS_I = [
  ['Komunitní tlumočníci pro školy', 'Tlumočení schůzek škol s rodiči a doprovod rodin na úřady.', 'počet podpořených žáků', 'žák', 120],
  ['Interkulturní pracovnice na úřadě městské části', 'Interkulturní pracovnice pomáhá cizincům na podatelně a v sociálním odboru.', 'počet konzultací', 'konzultace', 400],
  ['Kurzy češtiny pro dospělé cizince', 'Večerní kurzy češtiny A1–B1 s hlídáním dětí.', 'počet absolventů kurzů', 'osoba', 80],
  ['Adaptační skupiny pro děti s odlišným mateřským jazykem', 'Letní adaptační skupiny a doučování češtiny.', 'počet podpořených žáků', 'žák', 60],
  ['Sousedská setkání a komunitní slavnosti', 'Setkávání starousedlíků a cizinců v komunitním centru.', 'počet akcí', 'akce', 12],
  ['Poradna pro cizince v lokalitě', 'Sociálně-právní poradenství a asistence při jednání s úřady.', 'počet klientů', 'osoba', 250],
  ['Mentoring pro nově příchozí rodiny', 'Dobrovolníci provázejí nově příchozí rodiny prvním rokem v Praze.', 'počet podpořených rodin', 'rodina', 40],
  ['Vzdělávání pedagogů v práci s dětmi cizinců', 'Semináře pro učitele mateřských a základních škol.', 'počet proškolených pedagogů', 'osoba', 90],
] as const;
const PROJECTS_II = [
  [
    'Informační brožura „Žijeme v Praze“ v šesti jazycích',
    'Přehled úřadů, škol a služeb v ukrajinštině, vietnamštině, ruštině, angličtině, mongolštině a arabštině.',
    'počet vydaných výtisků',
    'výtisk',
    5000,
  ],
  ['Dokumentární film o cizincích v Praze', 'Krátký dokument o sousedských vztazích v Libni.', 'počet projekcí', 'projekce', 10],
  ['Podcast o životě cizinců v Praze', 'Dvanáct dílů podcastu s hosty z migrantských komunit.', 'počet dílů', 'díl', 12],
] as const;

/**
 * Replays the 2023 round of the integration programme through the real services: the call published
 * on 10 October 2022, applications 14–24 November 2022, the formal check in December, about a hundred
 * applications in every state of the lifecycle so far. Also a call open today, for trying things out.
 */
@Injectable()
export class DemoRound {
  private readonly logger = new Logger('DemoRound');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly calls: CallService,
    private readonly applications: ApplicationService,
    private readonly submissions: SubmissionService,
    private readonly attachments: AttachmentService,
    private readonly formalChecks: FormalCheckService,
    private readonly commissions: CommissionService,
    private readonly reviews: ReviewService,
    private readonly sessions: SessionService,
  ) {}

  async load(staffUserId: string, applicants: DemoApplicant[]): Promise<void> {
    if (!(this.clock instanceof ReplayClock)) throw new Error('the demo round needs the ReplayClock');
    const clock = this.clock;
    const existing = await this.dataSource.query<{ code: string }[]>(`SELECT code FROM grant_call WHERE code IN ('NMC-2023', $1)`, [currentCode()]);
    const staff: Actor = { userId: staffUserId, roles: ['staff'], correlationId: `demo-${randomUUID()}`, language: 'cs' };
    const activities = await this.dataSource.query<{ id: string }[]>(`SELECT n.id FROM strategy_node n JOIN strategy_version v ON v.id = n.version_id
        WHERE v.kind = 'action-plan' AND v.year = 2023 AND n.level = 'activity' AND n.funded_by_grant_programme ORDER BY n.position, n.code`);
    const annex = await demoAnnexPdf();
    try {
      if (!existing.some((c) => c.code === 'NMC-2023'))
        await this.round2023(
          clock,
          staff,
          applicants,
          activities.map((a) => a.id),
          annex,
        );
      if (!existing.some((c) => c.code === currentCode()))
        await this.currentCall(
          clock,
          staff,
          activities.map((a) => a.id),
        );
      await this.evaluation2023(clock, staff);
    } finally {
      clock.backToPresent();
    }
  }

  private async round2023(clock: ReplayClock, staff: Actor, applicants: DemoApplicant[], activityIds: string[], annex: Buffer): Promise<void> {
    clock.travelTo(pragueInstant('2022-10-10', '09:30:00'));
    const created = await this.calls.create(staff, callDefinition('NMC-2023', 2023, pragueInstant('2022-11-14'), pragueInstant('2022-11-25'), activityIds));
    const call = await this.calls.publish(staff, created.id, { version: created.version });

    // 92 applications in Okruh I and 11 in Okruh II, as in the real 2024 round.
    const plan = Array.from({ length: 103 }, (_, i) => ({ i, applicant: applicants[i % applicants.length], area: i < 92 ? 'I' : 'II' }));
    const ids: string[] = [];
    for (const { i, applicant, area } of plan) {
      clock.travelTo(new Date(pragueInstant('2022-11-14', '08:00:00').getTime() + Math.floor((i * 10 * DAY) / plan.length) + (i % 7) * 3_600_000));
      const actor: Actor = { userId: applicant.userId, roles: ['applicant'], correlationId: `demo-${randomUUID()}`, language: 'cs' };
      const draft = await this.applications.create(actor, { callId: call.id, organisationId: applicant.organisationId });
      ids.push(draft.id);
      const filled =
        i % 37 === 5
          ? partial()
          : sections(
              i,
              area,
              applicant,
              call.activities.map((a) => a.id),
            );
      await this.applications.saveDraft(actor, draft.id, { version: draft.draftVersion, ...filled });
      if (i % 37 === 5) continue; // left unfinished: drafts that never made it
      for (const code of applicant.type === 'ngo' ? ['STATUTORY', 'BANK'] : ['BANK']) {
        await this.attachments.upload(actor, draft.id, code, { originalName: code === 'BANK' ? 'Potvrzení o účtu.pdf' : 'Výpis ze spolkového rejstříku.pdf', bytes: annex });
      }
      await this.submissions.submit(actor, draft.id, `demo-${draft.id}`);
      if (i % 11 === 3) {
        // Corrected and submitted again before the deadline: the last version counts.
        const view = await this.applications.get(actor, draft.id);
        clock.travelTo(new Date(clock.now().getTime() + 2 * 3_600_000));
        await this.applications.saveDraft(actor, draft.id, { version: view.draftVersion, justification: `${view.draft.justification} Doplněno o zkušenosti z pilotního ročníku.` });
        await this.submissions.submit(actor, draft.id, undefined);
      }
      if (i % 31 === 7) await this.applications.withdraw(actor, draft.id, { reason: 'Projekt budeme financovat z jiného zdroje.' });
    }

    // The formal check, after the deadline.
    clock.travelTo(pragueInstant('2022-11-29', '10:00:00'));
    await this.calls.advanceByClock();
    const ok = { result: 'ok' as const, note: '' };
    const remedyDeadline = pragueInstant('2022-12-09', '23:59:59');
    for (const [n, id] of ids.entries()) {
      const view = await this.applications.get(staff, id);
      if (view.status !== 'submitted') continue;
      if (n % 13 === 1) {
        await this.formalChecks.requestRemedy(staff, id, {
          items: [{ section: 'budgetLines', message: 'Položka „Ostatní služby“ není rozepsána; upřesněte ji.' }],
          deadlineAt: remedyDeadline.toISOString(),
        });
      } else if (n % 29 === 2) {
        await this.formalChecks.exclude(staff, id, { reason: 'Projekt nemá prokazatelný dopad na území hl. m. Prahy (podmínka výzvy č. 3).' });
      } else if (n % 17 !== 4) {
        await this.formalChecks.record(staff, id, { eligibility: ok, completeness: ok, annexes: ok, budget: ok, declarations: ok });
        await this.formalChecks.accept(staff, id);
      } // the rest is still waiting for its formal check
    }
    // Most remedy requests are answered in time; the others lapse.
    clock.travelTo(pragueInstant('2022-12-06', '14:00:00'));
    for (const [n, id] of ids.entries()) {
      const view = await this.applications.get(staff, id);
      if (view.status !== 'remedy_requested' || n % 3 === 0) continue;
      const owner = applicants.find((a) => a.organisationId === view.organisation.id)!;
      const actor: Actor = { userId: owner.userId, roles: ['applicant'], correlationId: `demo-${randomUUID()}`, language: 'cs' };
      const lines = (view.draft.budgetLines ?? []).map((l) => (l.category === 'SERVICES' ? { ...l, description: 'Pronájem sálu (10 setkání × 3 000 Kč) a grafické práce' } : l));
      await this.applications.saveDraft(actor, id, { version: view.draftVersion, budgetLines: lines });
      await this.submissions.submit(actor, id, undefined);
    }
    clock.travelTo(pragueInstant('2022-12-12', '09:00:00'));
    await this.applications.advanceByClock();
    this.logger.log(`replayed the 2023 round: ${ids.length} applications`);
  }

  /**
   * The commission of the 2023 round, in January 2023: both demo members declare (one conflict),
   * reviews are assigned and mostly scored, and the session is convened but left open, so that a
   * newcomer can score as komise1@demo.praha.eu (the chair), vote, and close it as referent@….
   */
  private async evaluation2023(clock: ReplayClock, staff: Actor): Promise<void> {
    const [call] = await this.dataSource.query<{ id: string; version: number; status: string }[]>(
      `SELECT g.id, g.version, g.status FROM grant_call g WHERE g.code = 'NMC-2023' AND NOT EXISTS (SELECT 1 FROM commission c WHERE c.call_id = g.id)`,
    );
    if (!call || call.status !== 'closed') return;
    const members = await this.dataSource.query<{ id: string; email: string }[]>(
      `SELECT id, email FROM app_user WHERE email IN ('komise1@demo.praha.eu', 'komise2@demo.praha.eu') ORDER BY email`,
    );
    if (members.length < 2) return;
    const [chair, second] = members.map((m): Actor => ({ userId: m.id, roles: ['commission_member'], correlationId: `demo-${randomUUID()}`, language: 'cs' }));
    clock.travelTo(pragueInstant('2023-01-09', '09:00:00'));
    await this.calls.transition(staff, call.id, 'start_evaluation', { version: call.version });
    const commission = await this.commissions.create(staff, call.id, {
      name: 'Hodnoticí komise dotačního programu pro oblast integrace cizinců 2023',
      chairUserId: chair.userId!,
      secretaryUserId: staff.userId!,
      memberUserIds: members.map((m) => m.id),
      reviewersPerApplication: 2,
      spreadLimit: '15',
      overallThreshold: '35',
      strategy: 'rank_order',
      allowPartial: true,
    });
    for (const [index, member] of [chair, second].entries()) {
      clock.travelTo(pragueInstant('2023-01-10', `1${index}:00:00`));
      const { organisations } = await this.commissions.declarationsOf(member, commission.id);
      await this.commissions.declare(member, commission.id, {
        declarations: organisations.map((o, i) => ({
          organisationId: o.organisationId,
          conflict: index === 1 && i === 0,
          reason: index === 1 && i === 0 ? 'Jsem členkou správní rady žadatele.' : undefined,
        })),
      });
    }
    await this.commissions.autoAssign(staff, commission.id);
    const criteria = await this.dataSource.query<{ id: string; max_score: number }[]>(`SELECT id, max_score FROM call_criterion WHERE call_id = $1 ORDER BY position`, [call.id]);
    for (const [index, member] of [chair, second].entries()) {
      clock.travelTo(pragueInstant('2023-01-20', `1${index}:00:00`));
      const reviews = await this.reviews.myApplications(member, commission.id);
      for (const [n, review] of reviews.entries()) {
        if (index === 0 && n % 10 === 0) continue; // left for the newcomer to score
        const quality = 45 + ((n * 37 + index * 11) % 55);
        const scores = criteria.map((c, k) => ({
          criterionId: c.id,
          score: Math.min(c.max_score, Math.round((c.max_score * quality) / 100) + (k % 2)),
          notApplicable: false,
          justification: quality > 75 ? 'Projekt přesně odpovídá aktivitě akčního plánu a má ověřený tým.' : 'Projekt je přínosný, ale rozpočet a výstupy jsou popsány obecně.',
        }));
        const saved = await this.reviews.save(member, review.applicationId, { scores, version: 0 });
        await this.reviews.submit(member, review.applicationId, saved.version);
      }
    }
    clock.travelTo(pragueInstant('2023-01-25', '10:00:00'));
    const session = await this.sessions.create(staff, commission.id, {
      number: '1/2023',
      heldAt: pragueInstant('2023-02-02', '14:00:00').toISOString(),
      place: 'Mariánské náměstí 2, Praha 1',
    });
    await this.sessions.setAttendance(staff, session.id, { present: members.map((m) => m.id), version: session.version });
    this.logger.log('replayed the 2023 commission: declarations, assignments, score sheets, an open session');
  }

  /** A call open today, so that a newcomer can apply as zadatel@demo.praha.eu. */
  private async currentCall(clock: ReplayClock, staff: Actor, activityIds: string[]): Promise<void> {
    const now = Date.now();
    const opens = new Date(now - 5 * DAY);
    clock.travelTo(new Date(opens.getTime() - 35 * DAY));
    const year = new Date(now).getUTCFullYear() + 1;
    const created = await this.calls.create(staff, callDefinition(currentCode(), year, opens, new Date(now + 30 * DAY), activityIds));
    await this.calls.publish(staff, created.id, { version: created.version });
    clock.backToPresent();
    await this.calls.advanceByClock();
    this.logger.log(`call ${currentCode()} is open until ${new Date(now + 30 * DAY).toISOString().slice(0, 10)}`);
  }
}

function currentCode(): string {
  return `NMC-${new Date().getUTCFullYear() + 1}`;
}

function callDefinition(code: string, year: number, opensAt: Date, closesAt: Date, activityIds: string[]): CreateCallRequest {
  return {
    code,
    year,
    title: `Dotační program hl. m. Prahy pro oblast integrace cizinců pro rok ${year}`,
    purpose: 'Podpora projektů, které naplňují akční plán Koncepce hl. m. Prahy pro oblast integrace cizinců 2022–2027: vzdělávání, služby pro cizince, soužití a informovanost.',
    reasons: 'Praha je domovem většiny cizinců žijících v Česku; integrace probíhá v městských částech, školách a komunitách, které potřebují stabilní podporu.',
    totalAllocation: '17000000.00',
    minGrant: '20000.00',
    maxGrant: '1000000.00',
    eligibleApplicantTypes: ['city_district', 'ngo'],
    opensAt: opensAt.toISOString(),
    closesAt: closesAt.toISOString(),
    decisionDeadline: `${year}-05-31`,
    conditions: [
      '1. Dotaci lze použít jen na uznatelné náklady vzniklé v období realizace projektu.',
      '2. Spolufinancování z jiných zdrojů činí nejméně 10 % celkových nákladů projektu.',
      '3. Projekt musí mít prokazatelný dopad na území hl. m. Prahy.',
      '4. Příjemce předloží finanční vypořádání do termínu vyúčtování.',
    ].join('\n'),
    coFinancingMinPercent: '10',
    costCategories: [
      { code: 'PERSONAL', name: 'Osobní náklady' },
      { code: 'SERVICES', name: 'Služby' },
      { code: 'MATERIAL', name: 'Materiál' },
      { code: 'TRAVEL', name: 'Cestovné' },
    ],
    settlementDeadline: `${year + 1}-01-31`,
    stateAidRegime: 'none',
    budgetAreas: [
      { code: 'I', name: 'Okruh I – integrační aktivity', allocation: '16000000.00' },
      { code: 'II', name: 'Okruh II – publikace a audiovizuální díla', allocation: '1000000.00' },
    ],
    criteria: [
      { code: 'K1', name: 'Soulad s Koncepcí a akčním plánem', maxScore: 20, weight: '1.5' },
      { code: 'K2', name: 'Potřebnost a přínos pro cílovou skupinu', maxScore: 20, weight: '1.5', minScore: 8 },
      { code: 'K3', name: 'Kvalita a proveditelnost projektu', maxScore: 20, weight: '1' },
      { code: 'K4', name: 'Přiměřenost a hospodárnost rozpočtu', maxScore: 20, weight: '1', minScore: 6 },
      { code: 'K5', name: 'Zkušenosti a kapacita žadatele', maxScore: 20, weight: '0.5' },
    ],
    annexTypes: [
      { code: 'STATUTORY', name: 'Doklad o právní osobnosti a oprávnění jednat za žadatele', required: true, requiredFrom: ['ngo'], allowedFormats: ['pdf'], maxSizeMb: 10 },
      { code: 'BANK', name: 'Doklad o vlastnictví bankovního účtu', required: true, allowedFormats: ['pdf', 'jpeg', 'png'], maxSizeMb: 5 },
      { code: 'OTHER', name: 'Další přílohy (reference, výroční zpráva)', required: false, allowedFormats: ['pdf', 'docx', 'xlsx', 'odt'], maxSizeMb: 20 },
    ],
    activityIds,
  };
}

function partial() {
  return { project: { title: 'Rozpracovaný projekt – doplníme', summary: '' }, budgetAreaCode: 'I' };
}

function sections(i: number, area: string, applicant: DemoApplicant, activityIds: string[]) {
  const [title, summary, indicator, unit, target] = area === 'I' ? PROJECTS_I[i % PROJECTS_I.length] : PROJECTS_II[i % PROJECTS_II.length];
  const scale = 1 + (i % 9);
  const personal = 40_000 * scale;
  const services = 10_000 * (1 + (i % 4));
  const material = 5_000 * (1 + (i % 3));
  const line = (category: string, description: string, total: number, ownShare: number) => {
    const other = Math.round(total * ownShare);
    return { category, description, totalCost: `${total}.00`, requested: `${total - other}.00`, otherSources: `${other}.00` };
  };
  const a = activityIds[i % activityIds.length];
  const b = activityIds[(i * 7 + 3) % activityIds.length];
  return {
    project: { title: `${title} – ${applicant.district}`, summary },
    budgetAreaCode: area,
    purpose: `${summary} Projekt navazuje na potřeby cizinců v lokalitě ${applicant.district}.`,
    justification: 'Podle údajů škol a úřadu městské části přibývá rodin, které nerozumějí česky; bez podpory se jim nedostává informací a služeb.',
    period: { from: '2023-01-01', to: '2023-12-31' },
    place: { districts: [applicant.district] },
    targetGroups: ['cizinci s dlouhodobým pobytem', 'děti a žáci s odlišným mateřským jazykem'],
    outputs: [{ indicator, unit, target: Number(target) * (1 + (i % 3)) }],
    representatives: [
      {
        name: applicant.type === 'ngo' ? 'statutární ředitel/ka organizace' : 'starosta/starostka městské části',
        function: applicant.type === 'ngo' ? 'statutární orgán' : 'starosta',
        basis: 'statutory' as const,
      },
    ],
    ...(applicant.type === 'ngo' ? { beneficialOwners: [{ name: 'členové správní rady (demo)', sharePercent: '100' }], holdings: [] } : {}),
    declarations: { noOverdueDebts: true, oneApplicationPerPurpose: true, nonProfit: true, notYetCarriedOut: true, truthful: true },
    budgetLines: [
      line('PERSONAL', 'Odměny pracovníků projektu (DPP, DPČ)', personal, 0.1),
      line('SERVICES', 'Pronájem prostor a služby', services, 0.2),
      line('MATERIAL', 'Materiál a tisk', material, 0.1),
    ],
    activities:
      a === b
        ? [{ activityId: a, sharePercent: '100' }]
        : [
            { activityId: a, sharePercent: '70' },
            { activityId: b, sharePercent: '30' },
          ],
  };
}

async function demoAnnexPdf(): Promise<Buffer> {
  return new PdfDocumentBuilder({ title: 'Příloha žádosti (demo)', creationDate: new Date('2022-11-01T00:00:00Z') })
    .header()
    .title('Příloha žádosti o dotaci', 'Ukázkový dokument demo dat')
    .paragraph('Tento soubor zastupuje přílohu žádosti (výpis z rejstříku, potvrzení o bankovním účtu) v ukázkových datech.')
    .finish();
}
