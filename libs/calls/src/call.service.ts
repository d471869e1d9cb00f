import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { LegalRules } from '#config';
import { Actor, addDays, Clock, DomainError, FieldError, Money, Page, PageQuery, pageOf, pragueIsoDate, systemActor } from '#core';
import { readAll, Tx, UnitOfWork } from '#database';
import { ANNEX_MEDIA_TYPES } from '#storage';
import { CALL_MACHINE, CallAction, CallStatus, callStatusAt, callStatusAtSql } from './call-status.js';
import { AmendCallRequest, CallContentInput, CallListQuery, CallPublicationCheck, CallTransitionRequest, CallView, CreateCallRequest, UpdateCallRequest } from './dto.js';
import { CallActivity, CallAmendment, CallAnnexType, CallBudgetArea, CallCriterion, CallStatusChange, GrantCall } from './entities.js';

const DAY_MS = 86_400_000;
const daysBetween = (fromIsoDate: string, toIsoDate: string) => Math.round((Date.parse(toIsoDate) - Date.parse(fromIsoDate)) / DAY_MS);

/** What staff may do to a call by hand; opening and closing belong to the clock. */
const STAFF_ACTIONS: readonly CallAction[] = ['start_evaluation', 'mark_decided', 'archive'];

/** Fields whose change after publication an amendment records (everything applicants rely on). */
type ComparableView = Omit<CallView, 'status' | 'statusName' | 'publishedAt' | 'amendments' | 'version' | 'createdAt' | 'updatedAt' | 'id'>;

@Injectable()
export class CallService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly rules: LegalRules,
  ) {}

  async create(actor: Actor, request: CreateCallRequest): Promise<CallView> {
    return this.unitOfWork.run(actor, async (tx) => {
      if (await tx.manager.existsBy(GrantCall, { code: request.code })) throw codeTaken(request.code);
      const call = tx.manager.create(GrantCall, {
        id: randomUUID(),
        code: request.code,
        year: request.year,
        title: request.title.trim(),
        status: 'draft',
        purpose: null,
        reasons: null,
        totalAllocation: null,
        minGrant: null,
        maxGrant: null,
        grantRule: null,
        eligibleApplicantTypes: [],
        opensAt: null,
        closesAt: null,
        decisionDeadline: null,
        conditions: null,
        coFinancingMinPercent: '0',
        costCategories: [],
        settlementDeadline: null,
        stateAidRegime: 'none',
        reviewersPerApplication: 3,
        publishedAt: null,
        amendmentCount: 0,
        lastApplicationSeq: 0,
        version: 1,
        createdAt: tx.now,
        updatedAt: tx.now,
      });
      await tx.manager.insert(GrantCall, call).catch((error: { driverError?: { code?: string } }) => {
        if (error.driverError?.code === '23505') throw codeTaken(request.code);
        throw error;
      });
      await this.applyContent(tx.manager, call, request);
      await this.recordStatus(tx, call.id, null, 'draft', null);
      const view = await this.view(tx.manager, call.id);
      tx.audit({ action: 'call.created', objectType: 'call', objectId: call.id, after: view });
      return view;
    });
  }

  /** Drafts change freely; a published call changes only through an amendment. */
  async update(actor: Actor, id: string, request: UpdateCallRequest): Promise<CallView> {
    return this.unitOfWork.run(actor, async (tx) => {
      const call = await this.lockCurrent(tx, id, request.version);
      if (call.status !== 'draft') {
        throw DomainError.conflict('CALL_PUBLISHED', {
          cs: 'Zveřejněnou výzvu nelze tiše změnit. Změnu proveďte jako číslovanou změnu výzvy s odůvodněním (POST /calls/{id}/amendments).',
          en: 'A published call cannot change silently. Make the change as a numbered amendment with a reason (POST /calls/{id}/amendments).',
        });
      }
      const before = await this.view(tx.manager, id);
      const { version: _, ...content } = request;
      await this.applyContent(tx.manager, call, content);
      await this.bumpVersion(tx, call);
      const after = await this.view(tx.manager, id);
      tx.audit({ action: 'call.updated', objectType: 'call', objectId: id, before, after });
      return after;
    });
  }

  async amend(actor: Actor, id: string, request: AmendCallRequest): Promise<CallView> {
    return this.unitOfWork.run(actor, async (tx) => {
      const call = await this.lockCurrent(tx, id, request.version);
      if (!['published', 'open', 'closed', 'in_evaluation'].includes(call.status)) {
        throw DomainError.conflict('CALL_NOT_AMENDABLE', {
          cs: `Výzvu ve stavu „${CALL_MACHINE.statusName(call.status).cs}“ nelze měnit změnou výzvy.`,
          en: `A call in status "${CALL_MACHINE.statusName(call.status).en}" cannot be amended.`,
        });
      }
      const before = await this.view(tx.manager, id);
      const oldOpensAt = call.opensAt;
      // Refusals name the amendment's own fields (changes.budgetAreas, changes.criteria.0.minScore), as the form shows them.
      await this.applyContent(tx.manager, call, request.changes).catch((error: unknown) => {
        throw error instanceof DomainError
          ? new DomainError(
              error.code,
              error.kind,
              error.text,
              error.fields.map((f) => ({ ...f, field: `changes.${f.field}` })),
              error.details,
            )
          : error;
      });
      if (request.changes.opensAt !== undefined && call.opensAt!.getTime() !== oldOpensAt!.getTime()) {
        if (call.status !== 'published') {
          throw DomainError.field('changes.opensAt', 'CALL_ALREADY_OPEN', {
            cs: 'Příjem žádostí už začal; jeho začátek nelze změnit.',
            en: 'Applications have already opened; the opening cannot change.',
          });
        }
        this.assertPublicationLead(call.publishedAt!, call.opensAt!, 'changes.opensAt');
      }
      if (request.changes.closesAt !== undefined && call.closesAt! < tx.now) {
        throw DomainError.field('changes.closesAt', 'CLOSES_IN_PAST', {
          cs: 'Konec příjmu žádostí nelze přesunout do minulosti.',
          en: 'The end of the application period cannot move into the past.',
        });
      }
      this.assertComplete(call, await this.children(tx.manager, id), 'changes.');
      this.assertAmendmentAllowed(before, await this.view(tx.manager, id), tx.now);
      await tx.manager.update(GrantCall, { id }, { amendmentCount: call.amendmentCount + 1 });
      call.amendmentCount += 1;
      await this.bumpVersion(tx, call);
      const after = await this.view(tx.manager, id);
      const changes = diff(comparable(before), comparable(after));
      if (changes.length === 0) {
        throw DomainError.field('changes', 'AMENDMENT_EMPTY', { cs: 'Změna výzvy nic nemění.', en: 'The amendment changes nothing.' });
      }
      await tx.manager.save(CallAmendment, {
        id: randomUUID(),
        callId: id,
        number: call.amendmentCount,
        reason: request.reason.trim(),
        changes,
        createdAt: tx.now,
        createdBy: tx.actor.userId,
      });
      tx.audit({ action: 'call.amended', objectType: 'call', objectId: id, before, after: { number: call.amendmentCount, reason: request.reason, changes } });
      tx.emit({ type: 'call.amended', aggregateType: 'call', aggregateId: id, payload: { amendment: call.amendmentCount } });
      return this.view(tx.manager, id);
    });
  }

  async publish(actor: Actor, id: string, request: CallTransitionRequest): Promise<CallView> {
    return this.unitOfWork.run(actor, async (tx) => {
      const call = await this.lockCurrent(tx, id, request.version);
      const to = CALL_MACHINE.assert('publish', call.status);
      this.assertComplete(call, await this.children(tx.manager, id));
      this.assertPublicationLead(tx.now, call.opensAt!, 'opensAt');
      await tx.manager.update(GrantCall, { id }, { status: to, publishedAt: tx.now });
      await this.bumpVersion(tx, call);
      await this.recordStatus(tx, id, call.status, to, request.reason ?? null);
      tx.emit({ type: 'call.published', aggregateType: 'call', aggregateId: id });
      return this.view(tx.manager, id);
    });
  }

  /** Staff transitions after the application period: evaluation, decided, archived. */
  async transition(actor: Actor, id: string, action: CallAction, request: CallTransitionRequest): Promise<CallView> {
    if (!STAFF_ACTIONS.includes(action)) throw DomainError.forbidden();
    return this.unitOfWork.run(actor, async (tx) => {
      const call = await this.lockCurrent(tx, id, request.version);
      const to = CALL_MACHINE.assert(action, call.status);
      if (action === 'archive') {
        const minDays = this.rules.at(pragueIsoDate(call.publishedAt!)).call.minDaysPublished;
        const published = daysBetween(pragueIsoDate(call.publishedAt!), pragueIsoDate(tx.now));
        if (published < minDays) {
          throw DomainError.conflict('CALL_MIN_PUBLICATION', {
            cs: `Výzva musí být zveřejněna nejméně ${minDays} dní (§ 10c odst. 1 zákona č. 250/2000 Sb.); zveřejněna je ${published} dní.`,
            en: `A call must stay published at least ${minDays} days; it has been published ${published} days.`,
          });
        }
      }
      await tx.manager.update(GrantCall, { id }, { status: to });
      await this.bumpVersion(tx, call);
      await this.recordStatus(tx, id, call.status, to, request.reason ?? null);
      tx.emit({ type: `call.${to}`, aggregateType: 'call', aggregateId: id });
      return this.view(tx.manager, id);
    });
  }

  /**
   * Moves calls whose moment has come: published → open at the start of the application period,
   * open → closed at its end. Run by the worker's ticker; reads derive the status (callStatusAt) and
   * writes store the moves first. Deadlines themselves are always judged by the timestamps.
   */
  async advanceByClock(): Promise<{ callId: string; from: CallStatus; to: CallStatus }[]> {
    const now = this.clock.now();
    const due = await this.dataSource.query<{ id: string }[]>(
      `SELECT id FROM grant_call WHERE (status = 'published' AND opens_at <= $1) OR (status = 'open' AND closes_at <= $1) ORDER BY id`,
      [now],
    );
    if (due.length === 0) return [];
    const nothingLeft = new Error('another process advanced these calls');
    return this.unitOfWork
      .run(systemActor('clock'), async (tx) => {
        const moved: { callId: string; from: CallStatus; to: CallStatus }[] = [];
        const calls = await tx.manager.find(GrantCall, { where: { id: In(due.map((d) => d.id)) }, lock: { mode: 'pessimistic_write' }, order: { id: 'ASC' } });
        for (const call of calls) moved.push(...(await this.catchUp(tx, call)));
        if (moved.length === 0) throw nothingLeft;
        return moved;
      })
      .catch((error: unknown) => {
        if (error === nothingLeft) return [];
        throw error;
      });
  }

  /**
   * What still stops publication if staff published now: the same checks publish() runs (§ 10c(2) a–j, the
   * programme's structure, the 30-day lead), as a list instead of the first refusal, plus the date rule itself
   * so the editor can show it while dates are picked. Empty `blockers` = ready.
   */
  async publicationCheck(id: string): Promise<CallPublicationCheck> {
    const manager = this.dataSource.manager;
    const call = await manager.findOneBy(GrantCall, { id });
    if (!call) throw DomainError.notFound('call', id);
    const today = pragueIsoDate(this.clock.now());
    const minDays = this.rules.at(today).call.minDaysFromPublicationToOpening;
    const blockers = call.status === 'draft' ? this.completenessProblems(call, await this.children(manager, id)) : [];
    const lead = call.status === 'draft' && call.opensAt ? this.publicationLeadProblem(this.clock.now(), call.opensAt, 'opensAt') : null;
    if (lead) blockers.push(lead);
    return {
      callId: id,
      status: call.status,
      ready: call.status === 'draft' && blockers.length === 0,
      blockers,
      today,
      minDaysFromPublicationToOpening: minDays,
      earliestOpeningDate: addDays(today, minDays),
    };
  }

  async get(id: string): Promise<CallView> {
    return this.view(this.dataSource.manager, id);
  }

  async list(query: CallListQuery, page: PageQuery): Promise<Page<CallView>> {
    const qb = this.dataSource.getRepository(GrantCall).createQueryBuilder('c').select('c.id', 'id');
    if (query.status) qb.andWhere(`${callStatusAtSql('c', ':now')} = :status`, { status: query.status, now: this.clock.now() });
    if (query.year) qb.andWhere('c.year = :year', { year: query.year });
    const total = await qb.getCount();
    const rows = await qb.orderBy('c.year', 'DESC').addOrderBy('c.code').offset(page.offset).limit(page.pageSize).getRawMany<{ id: string }>();
    return pageOf(
      await this.views(
        this.dataSource.manager,
        rows.map((r) => r.id),
      ),
      total,
      page,
    );
  }

  /** The public notice board: calls that are published (upcoming) or open, with their full conditions. */
  async listPublic(page: PageQuery): Promise<Page<CallView>> {
    const where = `${callStatusAtSql('g', '$1')} IN ('published','open')`;
    const now = this.clock.now();
    const [{ count }] = await this.dataSource.query<{ count: number }[]>(`SELECT count(*)::int AS count FROM grant_call g WHERE ${where}`, [now]);
    const rows = await this.dataSource.query<{ id: string }[]>(`SELECT id FROM grant_call g WHERE ${where} ORDER BY opens_at, code OFFSET $2 LIMIT $3`, [
      now,
      page.offset,
      page.pageSize,
    ]);
    return pageOf(
      await this.views(
        this.dataSource.manager,
        rows.map((r) => r.id),
      ),
      count,
      page,
    );
  }

  /** Any call that has been published stays readable by the public (with its amendments); drafts do not exist for them. */
  async getPublic(id: string): Promise<CallView> {
    const call = await this.dataSource.getRepository(GrantCall).findOneBy({ id });
    if (!call || call.status === 'draft') throw DomainError.notFound('call', id);
    return this.view(this.dataSource.manager, id);
  }

  // ---------------------------------------------------------------------------------------------

  private assertPublicationLead(publishedAt: Date, opensAt: Date, field: string): void {
    const problem = this.publicationLeadProblem(publishedAt, opensAt, field);
    if (problem) throw DomainError.field(problem.field, problem.code, problem.message);
  }

  private publicationLeadProblem(publishedAt: Date, opensAt: Date, field: string): FieldError | null {
    const publicationDate = pragueIsoDate(publishedAt);
    const minDays = this.rules.at(publicationDate).call.minDaysFromPublicationToOpening;
    const lead = daysBetween(publicationDate, pragueIsoDate(opensAt));
    if (lead >= minDays) return null;
    return {
      field,
      code: 'PUBLICATION_TOO_LATE',
      message: {
        cs: `Příjem žádostí musí začít nejdříve ${minDays} dní po zveřejnění výzvy (§ 10c odst. 1 zákona č. 250/2000 Sb.); nyní je to ${lead} dní.`,
        en: `The application period must open at least ${minDays} days after publication; it is ${lead} days.`,
      },
    };
  }

  /**
   * The amendment rules in force on the amendment's date (effective-dated in the legal rules): before the
   * period starts the call must still be public long enough before it opens; once it has started, nothing
   * may turn against those who may already have applied.
   */
  private assertAmendmentAllowed(before: CallView, after: CallView, now: Date): void {
    const rules = this.rules.at(pragueIsoDate(now)).callAmendment;
    if (now < new Date(before.opensAt)) {
      const lead = daysBetween(pragueIsoDate(now), pragueIsoDate(new Date(after.opensAt)));
      if (lead < rules.minDaysFromAmendmentToOpening) {
        throw DomainError.field('changes.opensAt', 'AMENDMENT_TOO_CLOSE_TO_OPENING', {
          cs: `Změněná výzva musí být zveřejněna nejméně ${rules.minDaysFromAmendmentToOpening} dní před zahájením příjmu žádostí; nyní je to ${lead} dní. Posuňte začátek příjmu.`,
          en: `An amended call must be published at least ${rules.minDaysFromAmendmentToOpening} days before the application period opens; it is ${lead} days. Move the opening.`,
        });
      }
      return;
    }
    const problems: FieldError[] = [];
    const refuse = (field: string, code: string, cs: string, en: string) => problems.push({ field: `changes.${field}`, code, message: { cs, en } });
    const { afterOpening } = rules;
    if (!afterOpening.mayShortenPeriod && new Date(after.closesAt) < new Date(before.closesAt)) {
      refuse(
        'closesAt',
        'PERIOD_SHORTENED',
        'Příjem žádostí už začal; lhůtu lze prodloužit, ne zkrátit.',
        'The application period has started; it may be extended, not shortened.',
      );
    }
    if (!afterOpening.mayTightenEligibility && before.eligibleApplicantTypes.some((type) => !after.eligibleApplicantTypes.includes(type))) {
      refuse(
        'eligibleApplicantTypes',
        'ELIGIBILITY_TIGHTENED',
        'Příjem žádostí už začal; okruh oprávněných žadatelů nelze zúžit.',
        'The application period has started; eligibility may not be tightened.',
      );
    }
    const maxOf = (view: CallView) => (view.maxGrant === null ? null : Money.parse(view.maxGrant));
    const [maxBefore, maxAfter] = [maxOf(before), maxOf(after)];
    if (!afterOpening.mayLowerMaxGrant && maxAfter && (!maxBefore || maxAfter.compare(maxBefore) < 0)) {
      refuse(
        'maxGrant',
        'MAX_GRANT_LOWERED',
        'Příjem žádostí už začal; nejvyšší částku dotace nelze snížit.',
        'The application period has started; the maximum grant may not be lowered.',
      );
    }
    const requiredFrom = (view: CallView) =>
      new Map(view.annexTypes.filter((a) => a.required).map((a) => [a.code, new Set(a.requiredFrom.length ? a.requiredFrom : view.eligibleApplicantTypes)]));
    const [requiredBefore, requiredAfter] = [requiredFrom(before), requiredFrom(after)];
    if (!afterOpening.mayAddRequiredAnnexes && [...requiredAfter].some(([code, types]) => [...types].some((type) => !requiredBefore.get(code)?.has(type)))) {
      refuse(
        'annexTypes',
        'REQUIRED_ANNEX_ADDED',
        'Příjem žádostí už začal; nelze přidat povinnou přílohu.',
        'The application period has started; no required annex may be added.',
      );
    }
    if (problems.length) throw DomainError.validation(problems, 'AMENDMENT_NOT_ALLOWED');
  }

  /** § 10c(2) a–j and the programme's own structure: everything a published call must state. */
  private assertComplete(call: GrantCall, children: Children, prefix = ''): void {
    const missing = this.completenessProblems(call, children, prefix);
    if (missing.length > 0) throw DomainError.validation(missing, 'CALL_INCOMPLETE');
  }

  private completenessProblems(call: GrantCall, children: Children, prefix = ''): FieldError[] {
    const missing: FieldError[] = [];
    const need = (ok: boolean, field: string, cs: string, en: string) => {
      if (!ok) missing.push({ field: prefix + field, code: 'REQUIRED_FOR_PUBLICATION', message: { cs: `Chybí: ${cs}.`, en: `Missing: ${en}.` } });
    };
    need(!!call.purpose?.trim(), 'purpose', 'účel (písm. a)', 'purpose (a)');
    need(!!call.reasons?.trim(), 'reasons', 'důvody podpory (písm. b)', 'reasons (b)');
    need(call.totalAllocation !== null, 'totalAllocation', 'celkový objem peněžních prostředků (písm. c)', 'total allocation (c)');
    need(
      call.maxGrant !== null || !!call.grantRule?.trim(),
      'maxGrant',
      'maximální výše dotace nebo kritéria pro její stanovení (písm. d)',
      'maximum grant or the rule for it (d)',
    );
    need(call.eligibleApplicantTypes.length > 0, 'eligibleApplicantTypes', 'okruh způsobilých žadatelů (písm. e)', 'eligible applicants (e)');
    need(call.opensAt !== null, 'opensAt', 'začátek lhůty pro podání žádostí (písm. f)', 'start of the application period (f)');
    need(call.closesAt !== null, 'closesAt', 'konec lhůty pro podání žádostí (písm. f)', 'end of the application period (f)');
    need(children.criteria.length > 0, 'criteria', 'hodnoticí kritéria (písm. g)', 'evaluation criteria (g)');
    need(call.decisionDeadline !== null, 'decisionDeadline', 'lhůta pro rozhodnutí (písm. h)', 'decision deadline (h)');
    need(!!call.conditions?.trim(), 'conditions', 'podmínky pro poskytnutí dotace (písm. i)', 'conditions (i)');
    need(children.annexTypes.length > 0, 'annexTypes', 'přílohy žádosti (písm. j)', 'annexes (j)');
    need(children.areas.length > 0, 'budgetAreas', 'okruhy (rozpočtové oblasti) výzvy', 'budget areas');
    need(children.activities.length > 0, 'activityIds', 'podporované aktivity akčního plánu', 'action-plan activities funded');
    need(call.costCategories.length > 0, 'costCategories', 'uznatelné kategorie nákladů', 'eligible cost categories');
    need(call.settlementDeadline !== null, 'settlementDeadline', 'termín vyúčtování', 'settlement deadline');
    if (call.totalAllocation && children.areas.length > 0) {
      const areas = Money.sum(children.areas.map((a) => a.allocation));
      if (areas.compare(call.totalAllocation) > 0) {
        missing.push({
          field: prefix + 'budgetAreas',
          code: 'AREAS_EXCEED_TOTAL',
          message: {
            cs: `Součet alokací okruhů (${areas.format()}) převyšuje celkový objem výzvy (${call.totalAllocation.format()}).`,
            en: `The budget areas' allocations (${areas.toString()}) exceed the call's total (${call.totalAllocation.toString()}).`,
          },
        });
      }
    }
    return missing;
  }

  /** Writes the given parts of the content; children are matched by code, so ids that applications use stay stable. */
  private async applyContent(manager: EntityManager, call: GrantCall, input: CallContentInput): Promise<void> {
    const set = <K extends keyof GrantCall>(key: K, value: GrantCall[K] | undefined) => {
      if (value !== undefined) call[key] = value;
    };
    set('title', input.title?.trim());
    set('purpose', input.purpose);
    set('reasons', input.reasons);
    set('totalAllocation', input.totalAllocation === undefined ? undefined : Money.parse(input.totalAllocation, 'totalAllocation'));
    set('minGrant', input.minGrant === undefined ? undefined : input.minGrant === null ? null : Money.parse(input.minGrant, 'minGrant'));
    set('maxGrant', input.maxGrant === undefined ? undefined : input.maxGrant === null ? null : Money.parse(input.maxGrant, 'maxGrant'));
    set('grantRule', input.grantRule);
    set('eligibleApplicantTypes', input.eligibleApplicantTypes ? [...new Set(input.eligibleApplicantTypes)] : undefined);
    set('opensAt', input.opensAt === undefined ? undefined : new Date(input.opensAt));
    set('closesAt', input.closesAt === undefined ? undefined : new Date(input.closesAt));
    set('decisionDeadline', input.decisionDeadline);
    set('conditions', input.conditions);
    set('coFinancingMinPercent', input.coFinancingMinPercent);
    set(
      'costCategories',
      input.costCategories?.map((c) => ({ code: c.code, name: c.name.trim() })),
    );
    set('settlementDeadline', input.settlementDeadline);
    set('stateAidRegime', input.stateAidRegime);
    set('reviewersPerApplication', input.reviewersPerApplication);

    const errors: FieldError[] = [];
    const error = (field: string, code: string, cs: string, en: string) => errors.push({ field, code, message: { cs, en } });
    if (call.opensAt && call.closesAt && call.closesAt <= call.opensAt) {
      error('closesAt', 'PERIOD_REVERSED', 'Konec příjmu žádostí musí být po jeho začátku.', 'The application period must end after it starts.');
    }
    if (call.minGrant && call.maxGrant && call.minGrant.compare(call.maxGrant) > 0) {
      error('minGrant', 'MIN_ABOVE_MAX', 'Minimální dotace je vyšší než maximální.', 'The minimum grant is above the maximum.');
    }
    if (call.maxGrant && call.totalAllocation && call.maxGrant.compare(call.totalAllocation) > 0) {
      error('maxGrant', 'MAX_ABOVE_TOTAL', 'Maximální dotace převyšuje celkový objem výzvy.', 'The maximum grant exceeds the total allocation.');
    }
    if (call.decisionDeadline && call.closesAt && call.decisionDeadline < pragueIsoDate(call.closesAt)) {
      error(
        'decisionDeadline',
        'DECISION_BEFORE_CLOSE',
        'Lhůta pro rozhodnutí je dříve než konec příjmu žádostí.',
        'The decision deadline is before the end of the application period.',
      );
    }
    for (const [field, list] of [
      ['budgetAreas', input.budgetAreas],
      ['criteria', input.criteria],
      ['annexTypes', input.annexTypes],
      ['costCategories', input.costCategories],
    ] as const) {
      const codes = (list ?? []).map((x) => x.code);
      if (new Set(codes).size !== codes.length) error(field, 'DUPLICATE_CODE', 'Kódy v seznamu se opakují.', 'Codes in the list repeat.');
    }
    input.criteria?.forEach((c, i) => {
      if (c.minScore !== undefined && c.minScore > c.maxScore)
        error(`criteria.${i}.minScore`, 'THRESHOLD_ABOVE_MAX', 'Minimální počet bodů převyšuje maximum kritéria.', 'The threshold exceeds the maximum score.');
    });
    input.annexTypes?.forEach((a, i) => {
      const unknown = a.allowedFormats.filter((f) => !(f in ANNEX_MEDIA_TYPES));
      if (unknown.length) {
        error(
          `annexTypes.${i}.allowedFormats`,
          'UNKNOWN_FORMAT',
          `Neznámé formáty: ${unknown.join(', ')} (povolené: ${Object.keys(ANNEX_MEDIA_TYPES).join(', ')}).`,
          `Unknown formats: ${unknown.join(', ')}.`,
        );
      }
    });
    if (input.activityIds?.length) {
      const found = await manager.query<{ id: string }[]>(`SELECT id FROM strategy_node WHERE id = ANY($1::uuid[]) AND level = 'activity'`, [input.activityIds]);
      const known = new Set(found.map((f) => f.id));
      const bad = input.activityIds.filter((id) => !known.has(id));
      if (bad.length) error('activityIds', 'NOT_AN_ACTIVITY', `Tyto položky nejsou aktivitami akčního plánu: ${bad.join(', ')}.`, `Not action-plan activities: ${bad.join(', ')}.`);
    }
    if (errors.length) throw DomainError.validation(errors);

    const { version: _v, ...columns } = call;
    await manager.update(GrantCall, { id: call.id }, columns);
    if (input.budgetAreas) {
      await this.replaceByCode(
        manager,
        CallBudgetArea,
        call.id,
        input.budgetAreas.map((a, position) => ({
          code: a.code,
          name: a.name.trim(),
          description: a.description ?? '',
          allocation: Money.parse(a.allocation, `budgetAreas.${position}.allocation`),
          position,
        })),
        'budgetAreas',
      );
    }
    if (input.criteria) {
      await this.replaceByCode(
        manager,
        CallCriterion,
        call.id,
        input.criteria.map((c, position) => ({
          code: c.code,
          name: c.name.trim(),
          description: c.description ?? '',
          maxScore: c.maxScore,
          weight: c.weight,
          minScore: c.minScore ?? null,
          position,
        })),
        'criteria',
      );
    }
    if (input.annexTypes) {
      await this.replaceByCode(
        manager,
        CallAnnexType,
        call.id,
        input.annexTypes.map((a, position) => ({
          code: a.code,
          name: a.name.trim(),
          description: a.description ?? '',
          required: a.required,
          requiredFrom: a.requiredFrom ?? [],
          allowedFormats: [...new Set(a.allowedFormats)],
          maxSizeMb: a.maxSizeMb,
          position,
        })),
        'annexTypes',
      );
    }
    if (input.activityIds) {
      await manager.delete(CallActivity, { callId: call.id });
      const ids = [...new Set(input.activityIds)];
      if (ids.length)
        await manager.insert(
          CallActivity,
          ids.map((strategyNodeId) => ({ callId: call.id, strategyNodeId })),
        );
    }
  }

  private async replaceByCode<T extends { id: string; callId: string; code: string }>(
    manager: EntityManager,
    entity: new () => T,
    callId: string,
    rows: Omit<T, 'id' | 'callId' | 'call'>[],
    field: string,
  ): Promise<void> {
    const existing = await manager.find<T>(entity, { where: { callId } as never });
    const byCode = new Map(existing.map((e) => [e.code, e]));
    for (const row of rows) {
      const current = byCode.get(row.code);
      if (current) await manager.update(entity, { id: current.id }, row as never);
      else await manager.insert(entity, { ...row, id: randomUUID(), callId } as never);
    }
    const keep = new Set(rows.map((r) => r.code));
    const removed = existing.filter((e) => !keep.has(e.code));
    if (removed.length) {
      await manager
        .delete(
          entity,
          removed.map((r) => r.id),
        )
        .catch((error: { driverError?: { code?: string } }) => {
          if (error.driverError?.code === '23503') {
            throw DomainError.field(field, 'IN_USE', {
              cs: `Položky ${removed.map((r) => r.code).join(', ')} už používají podané žádosti; nelze je odebrat.`,
              en: `Items ${removed.map((r) => r.code).join(', ')} are used by applications and cannot be removed.`,
            });
          }
          throw error;
        });
    }
  }

  /** The call under its row lock, at the version the client read, with the clock's moves stored first. */
  private async lockCurrent(tx: Tx, id: string, version: number): Promise<GrantCall> {
    const call = await tx.manager.findOne(GrantCall, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!call) throw DomainError.notFound('call', id);
    if (call.version !== version) throw DomainError.staleVersion(await this.view(tx.manager, id));
    await this.catchUp(tx, call);
    return call;
  }

  /** Stores the moves the clock has made on a locked call since it was last written (history, audit, events). */
  private async catchUp(tx: Tx, call: GrantCall): Promise<{ callId: string; from: CallStatus; to: CallStatus }[]> {
    const moved: { callId: string; from: CallStatus; to: CallStatus }[] = [];
    let status = call.status;
    for (const [action, at] of [
      ['open', call.opensAt],
      ['close', call.closesAt],
    ] as const) {
      if (CALL_MACHINE.can(action, status) && at && at <= tx.now) {
        const to = CALL_MACHINE.assert(action, status);
        await this.recordStatus(tx, call.id, status, to, 'clock');
        tx.emit({ type: `call.${to}`, aggregateType: 'call', aggregateId: call.id });
        moved.push({ callId: call.id, from: status, to });
        status = to;
      }
    }
    if (status !== call.status) {
      call.status = status;
      call.version += 1;
      await tx.manager.update(GrantCall, { id: call.id }, { status, version: call.version, updatedAt: tx.now });
    }
    return moved;
  }

  private async bumpVersion(tx: Tx, call: GrantCall): Promise<void> {
    call.version += 1;
    await tx.manager.update(GrantCall, { id: call.id }, { version: call.version, updatedAt: tx.now });
  }

  private async recordStatus(tx: Tx, callId: string, from: CallStatus | null, to: CallStatus, reason: string | null): Promise<void> {
    await tx.manager.insert(CallStatusChange, { callId, fromStatus: from, toStatus: to, changedAt: tx.now, changedBy: tx.actor.userId, reason });
    if (from) tx.audit({ action: 'call.status_changed', objectType: 'call', objectId: callId, before: { status: from }, after: { status: to, reason } });
  }

  private async children(manager: EntityManager, callId: string): Promise<Children> {
    return (await this.childrenOf(manager, [callId])).get(callId)!;
  }

  /** The children of several calls in four queries, whatever their number. */
  private async childrenOf(manager: EntityManager, callIds: string[]): Promise<Map<string, Children>> {
    const [areas, criteria, annexTypes, activities] = await readAll<
      [CallBudgetArea[], CallCriterion[], CallAnnexType[], { callId: string; id: string; code: string; name: string }[]]
    >(manager, [
      () => manager.find(CallBudgetArea, { where: { callId: In(callIds) }, order: { position: 'ASC' } }),
      () => manager.find(CallCriterion, { where: { callId: In(callIds) }, order: { position: 'ASC' } }),
      () => manager.find(CallAnnexType, { where: { callId: In(callIds) }, order: { position: 'ASC' } }),
      () =>
        manager.query<{ callId: string; id: string; code: string; name: string }[]>(
          `SELECT a.call_id AS "callId", n.id, n.code, n.name FROM call_activity a JOIN strategy_node n ON n.id = a.strategy_node_id WHERE a.call_id = ANY($1::uuid[]) ORDER BY n.position, n.code`,
          [callIds],
        ),
    ]);
    return new Map(
      callIds.map((callId) => [
        callId,
        {
          areas: areas.filter((a) => a.callId === callId),
          criteria: criteria.filter((c) => c.callId === callId),
          annexTypes: annexTypes.filter((a) => a.callId === callId),
          activities: activities.filter((a) => a.callId === callId).map(({ id, code, name }) => ({ id, code, name })),
        },
      ]),
    );
  }

  async view(manager: EntityManager, id: string): Promise<CallView> {
    const [view] = await this.views(manager, [id]);
    if (!view) throw DomainError.notFound('call', id);
    return view;
  }

  /** Views of several calls in six queries, whatever their number, in the order of `ids`; the status as at now. */
  private async views(manager: EntityManager, ids: string[]): Promise<CallView[]> {
    if (ids.length === 0) return [];
    const [calls, childrenByCall, amendments] = await readAll<[GrantCall[], Map<string, Children>, CallAmendment[]]>(manager, [
      () => manager.find(GrantCall, { where: { id: In(ids) } }),
      () => this.childrenOf(manager, ids),
      () => manager.find(CallAmendment, { where: { callId: In(ids) }, order: { number: 'ASC' } }),
    ]);
    const now = this.clock.now();
    const byId = new Map(calls.map((c) => [c.id, c]));
    return ids
      .filter((id) => byId.has(id))
      .map((id) =>
        this.toView(
          byId.get(id)!,
          childrenByCall.get(id)!,
          amendments.filter((a) => a.callId === id),
          now,
        ),
      );
  }

  private toView(call: GrantCall, children: Children, amendments: CallAmendment[], now: Date): CallView {
    const status = callStatusAt(call.status, call.opensAt, call.closesAt, now);
    return {
      id: call.id,
      code: call.code,
      year: call.year,
      title: call.title,
      status,
      statusName: CALL_MACHINE.statusName(status),
      purpose: call.purpose ?? '',
      reasons: call.reasons ?? '',
      totalAllocation: call.totalAllocation?.toString() ?? '',
      minGrant: call.minGrant?.toString() ?? null,
      maxGrant: call.maxGrant?.toString() ?? null,
      grantRule: call.grantRule,
      eligibleApplicantTypes: call.eligibleApplicantTypes,
      opensAt: call.opensAt?.toISOString() ?? '',
      closesAt: call.closesAt?.toISOString() ?? '',
      decisionDeadline: call.decisionDeadline ?? '',
      conditions: call.conditions ?? '',
      coFinancingMinPercent: call.coFinancingMinPercent,
      costCategories: call.costCategories,
      settlementDeadline: call.settlementDeadline ?? '',
      stateAidRegime: call.stateAidRegime,
      reviewersPerApplication: call.reviewersPerApplication,
      budgetAreas: children.areas.map((a) => ({ id: a.id, code: a.code, name: a.name, description: a.description, allocation: a.allocation.toString() })),
      criteria: children.criteria.map((c) => ({ id: c.id, code: c.code, name: c.name, description: c.description, maxScore: c.maxScore, weight: c.weight, minScore: c.minScore })),
      annexTypes: children.annexTypes.map((a) => ({
        id: a.id,
        code: a.code,
        name: a.name,
        description: a.description,
        required: a.required,
        requiredFrom: a.requiredFrom,
        allowedFormats: a.allowedFormats,
        maxSizeMb: a.maxSizeMb,
      })),
      activities: children.activities,
      publishedAt: call.publishedAt?.toISOString() ?? null,
      amendments: amendments.map((a) => ({ number: a.number, reason: a.reason, createdAt: a.createdAt.toISOString(), changes: a.changes })),
      version: call.version,
      createdAt: call.createdAt.toISOString(),
      updatedAt: call.updatedAt.toISOString(),
    };
  }
}

interface Children {
  areas: CallBudgetArea[];
  criteria: CallCriterion[];
  annexTypes: CallAnnexType[];
  activities: { id: string; code: string; name: string }[];
}

const codeTaken = (code: string) => DomainError.field('code', 'CALL_CODE_TAKEN', { cs: `Výzva s kódem ${code} už existuje.`, en: `A call with code ${code} already exists.` });

function comparable(view: CallView): ComparableView {
  const { status: _s, statusName: _n, publishedAt: _p, amendments: _a, version: _v, createdAt: _c, updatedAt: _u, id: _i, ...rest } = view;
  return rest;
}

function diff(before: ComparableView, after: ComparableView): { field: string; before: unknown; after: unknown }[] {
  return (Object.keys(after) as (keyof ComparableView)[])
    .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]))
    .map((field) => ({ field, before: before[field], after: after[field] }));
}
