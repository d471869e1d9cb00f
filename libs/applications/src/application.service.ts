import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '#access';
import { CallService, GrantCall } from '#calls';
import { Actor, Clock, csvCell, DomainError, formatCzechDateTime, LocalisedText, Page, pageOf, PageQuery, systemActor } from '#core';
import { readAll, UnitOfWork } from '#database';
import { LedgerWriter } from '#ledger';
import { Organisation } from '#organisations';
import { APPLICATION_MACHINE, applicationStatusAt, remedyLapsedReason } from './application-status.js';
import type { ApplicationStatus } from './application-status.js';
import { ApplicationStore } from './application-store.js';
import type { CallRules } from './application-store.js';
import { basisPointsToPercent, budgetSummary, checkActivityShares, checkCompleteness, DRAFT_SECTIONS, DraftSection, percentToBasisPoints } from './draft.js';
import type { ApplicationDraft } from './draft.js';
import { ApplicationListQuery, ApplicationSummary, ApplicationView, CorrectMappingRequest, CreateApplicationRequest, ReasonRequest, SaveDraftRequest } from './dto.js';
import { Application, ApplicationActivity, ApplicationAttachment, ApplicationBudgetLine, RemedyRequest } from './entities.js';

const frozen = (closesAt: Date) =>
  DomainError.conflict('APPLICATION_FROZEN', {
    cs: `Lhůta pro podání žádostí skončila ${formatCzechDateTime(closesAt)}; žádost už nelze měnit.`,
    en: `The application period ended at ${closesAt.toISOString()}; the application can no longer change.`,
  });

/** A row of the application list as its query selects it (numeric amounts arrive as decimal strings). */
type ApplicationListRow = Omit<ApplicationSummary, 'call' | 'organisation' | 'statusName' | 'lastSubmittedAt' | 'updatedAt'> & {
  callId: string;
  callCode: string;
  callTitle: string;
  orgId: string;
  orgName: string;
  orgIco: string;
  orgType: string;
  lastSubmittedAt: Date | null;
  updatedAt: Date;
};

@Injectable()
export class ApplicationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly access: AccessService,
    private readonly store: ApplicationStore,
    private readonly calls: CallService,
    private readonly clock: Clock,
    private readonly ledger: LedgerWriter,
  ) {}

  /** A member of an eligible organisation starts a draft for a call that is open now. */
  async create(actor: Actor, request: CreateApplicationRequest): Promise<ApplicationView> {
    await this.access.requireOrganisationObject(actor, 'act_for_applicant', { type: 'organisation', id: request.organisationId, organisationId: request.organisationId });
    await this.calls.advanceByClock();
    const id = await this.unitOfWork.run(actor, async (tx) => {
      const call = await tx.manager.findOne(GrantCall, { where: { id: request.callId }, lock: { mode: 'pessimistic_write' } });
      if (!call || call.status === 'draft') throw DomainError.notFound('call', request.callId);
      if (!call.opensAt || tx.now < call.opensAt || tx.now >= call.closesAt!) {
        throw DomainError.conflict('CALL_NOT_OPEN', {
          cs: `Výzva nyní nepřijímá žádosti (příjem: ${formatCzechDateTime(call.opensAt!)} – ${formatCzechDateTime(call.closesAt!)}).`,
          en: `The call is not accepting applications now (${call.opensAt!.toISOString()} – ${call.closesAt!.toISOString()}).`,
        });
      }
      const organisation = await tx.manager.findOneByOrFail(Organisation, { id: request.organisationId });
      if (!call.eligibleApplicantTypes.includes(organisation.type)) {
        throw DomainError.field('organisationId', 'APPLICANT_NOT_ELIGIBLE', {
          cs: 'Tento typ žadatele výzva nepřipouští.',
          en: 'The call does not admit this type of applicant.',
        });
      }
      const seq = call.lastApplicationSeq + 1;
      await tx.manager.update(GrantCall, { id: call.id }, { lastApplicationSeq: seq });
      const application: Application = {
        id: randomUUID(),
        number: `${call.code}-${String(seq).padStart(4, '0')}`,
        callId: call.id,
        organisationId: organisation.id,
        status: 'draft',
        draft: {},
        draftVersion: 1,
        currentVersionNo: 0,
        title: null,
        budgetAreaId: null,
        requestedAmount: null,
        totalCost: null,
        firstSubmittedAt: null,
        lastSubmittedAt: null,
        endReason: null,
        createdBy: tx.actor.userId,
        createdAt: tx.now,
        updatedAt: tx.now,
      };
      await tx.manager.insert(Application, application);
      tx.audit({
        action: 'application.created',
        objectType: 'application',
        objectId: application.id,
        after: { number: application.number, callId: call.id, organisationId: organisation.id },
      });
      return application.id;
    });
    return this.view(this.dataSource.manager, id);
  }

  async get(actor: Actor, id: string): Promise<ApplicationView> {
    const application = await this.store.find(this.dataSource.manager, id);
    await this.access.requireOrganisationObject(actor, 'read', { type: 'application', id, organisationId: application.organisationId });
    return this.view(this.dataSource.manager, id);
  }

  async list(actor: Actor, query: ApplicationListQuery, page: PageQuery): Promise<Page<ApplicationSummary>> {
    const visible = await this.access.readableOrganisationIds(actor);
    // The status as at now (`applicationStatusAt` in SQL): a lapsed remedy request reads as excluded before the clock stores it.
    const status = `CASE WHEN a.status = 'remedy_requested' AND EXISTS (SELECT 1 FROM remedy_request rr WHERE rr.application_id = a.id AND rr.status = 'open' AND rr.deadline_at <= :now) THEN 'excluded' ELSE a.status END`;
    const qb = this.dataSource
      .getRepository(Application)
      .createQueryBuilder('a')
      .innerJoin(GrantCall, 'c', 'c.id = a.call_id')
      .innerJoin(Organisation, 'o', 'o.id = a.organisation_id')
      .leftJoin('call_budget_area', 'ba', 'ba.id = a.budget_area_id')
      .select([
        'a.id AS id',
        'a.number AS number',
        `${status} AS status`,
        'a.title AS title',
        'a.requested_amount AS "requestedAmount"',
        'a.total_cost AS "totalCost"',
        'a.current_version_no AS "currentVersionNo"',
        'a.last_submitted_at AS "lastSubmittedAt"',
        'a.updated_at AS "updatedAt"',
        'c.id AS "callId"',
        'c.code AS "callCode"',
        'c.title AS "callTitle"',
        'o.id AS "orgId"',
        'o.name AS "orgName"',
        'o.ico AS "orgIco"',
        'o.type AS "orgType"',
        'ba.code AS "budgetAreaCode"',
      ]);
    if (visible) qb.andWhere('a.organisation_id = ANY(:visible::uuid[])', { visible });
    if (query.callId) qb.andWhere('a.call_id = :callId', { callId: query.callId });
    if (query.organisationId) qb.andWhere('a.organisation_id = :organisationId', { organisationId: query.organisationId });
    qb.setParameter('now', this.clock.now());
    if (query.status) qb.andWhere(`${status} = :status`, { status: query.status });
    if (query.search) {
      qb.andWhere('(a.number ILIKE :s OR a.title ILIKE :s OR o.name ILIKE :s OR o.ico LIKE :s)', { s: `%${query.search.replace(/[\\%_]/g, '\\$&')}%` });
    }
    const total = await qb.getCount();
    const rows = await qb.orderBy('a.number').offset(page.offset).limit(page.pageSize).getRawMany<ApplicationListRow>();
    return pageOf(
      rows.map((r) => ({
        id: r.id,
        number: r.number,
        call: { id: r.callId, code: r.callCode, title: r.callTitle },
        organisation: { id: r.orgId, name: r.orgName, ico: r.orgIco, type: r.orgType },
        status: r.status,
        statusName: APPLICATION_MACHINE.statusName(r.status),
        title: r.title,
        budgetAreaCode: r.budgetAreaCode,
        requestedAmount: r.requestedAmount,
        totalCost: r.totalCost,
        currentVersionNo: r.currentVersionNo,
        lastSubmittedAt: r.lastSubmittedAt ? new Date(r.lastSubmittedAt).toISOString() : null,
        updatedAt: new Date(r.updatedAt).toISOString(),
      })),
      total,
      page,
    );
  }

  /** The application's timeline: every status change with when, by whom (or by the clock) and why. */
  /** The budget lines of the version that counts, with the ids a settlement charges its cost documents to. */
  async budgetLines(actor: Actor, id: string) {
    const application = await this.store.find(this.dataSource.manager, id);
    await this.access.requireOrganisationObject(actor, 'read', { type: 'application', id, organisationId: application.organisationId });
    const lines = await this.dataSource.manager.find(ApplicationBudgetLine, { where: { applicationId: id }, order: { position: 'ASC' } });
    return lines.map((l) => ({
      id: l.id,
      versionNo: l.versionNo,
      position: l.position,
      categoryCode: l.categoryCode,
      description: l.description,
      totalCost: l.totalCost.toString(),
      requested: l.requested.toString(),
      otherSources: l.otherSources.toString(),
    }));
  }

  async history(actor: Actor, id: string): Promise<{ from: string | null; to: string; toName: LocalisedText; at: string; by: string | null; reason: string | null }[]> {
    const application = await this.store.find(this.dataSource.manager, id);
    await this.access.requireOrganisationObject(actor, 'read', { type: 'application', id, organisationId: application.organisationId });
    const rows = await this.dataSource.query<
      { from_status: ApplicationStatus | null; to_status: ApplicationStatus; changed_at: Date; reason: string | null; display_name: string | null }[]
    >(
      `SELECT h.from_status, h.to_status, h.changed_at, h.reason, u.display_name
         FROM application_status_change h LEFT JOIN app_user u ON u.id = h.changed_by
        WHERE h.application_id = $1 ORDER BY h.id`,
      [id],
    );
    return rows.map((r) => ({
      from: r.from_status,
      to: r.to_status,
      toName: APPLICATION_MACHINE.statusName(r.to_status),
      at: new Date(r.changed_at).toISOString(),
      by: r.display_name,
      reason: r.reason,
    }));
  }

  /**
   * The list as CSV for spreadsheets (UTF-8 with BOM, semicolons and decimal commas, as Czech Excel
   * expects), produced page by page so a large call never sits in memory at once.
   */
  async *exportCsv(actor: Actor, query: ApplicationListQuery): AsyncGenerator<string> {
    const header = ['Číslo žádosti', 'Výzva', 'Žadatel', 'IČO', 'Typ žadatele', 'Název projektu', 'Okruh', 'Stav', 'Požadováno (Kč)', 'Celkové náklady (Kč)', 'Verze', 'Podáno'];
    yield `\uFEFF${header.map(csvCell).join(';')}\r\n`;
    const page = Object.assign(new PageQuery(), { pageSize: 200, page: 1 });
    for (;;) {
      const batch = await this.list(actor, query, page);
      for (const a of batch.items) {
        yield `${[
          a.number,
          a.call.code,
          a.organisation.name,
          a.organisation.ico,
          a.organisation.type === 'city_district' ? 'městská část' : a.organisation.type === 'ngo' ? 'NNO' : 'jiný',
          a.title ?? '',
          a.budgetAreaCode ?? '',
          a.statusName.cs,
          (a.requestedAmount ?? '').replace('.', ','),
          (a.totalCost ?? '').replace('.', ','),
          String(a.currentVersionNo),
          a.lastSubmittedAt ? formatCzechDateTime(new Date(a.lastSubmittedAt)) : '',
        ]
          .map(csvCell)
          .join(';')}\r\n`;
      }
      if (page.page * page.pageSize >= batch.total) return;
      page.page += 1;
    }
  }

  /**
   * Saves the sections the request names (partial saves at any time). The request names the draft
   * version it started from; if someone saved in between, 409 with the current state, never a
   * silent overwrite. During a remedy request only the sections the staff asked about may change.
   */
  async saveDraft(actor: Actor, id: string, request: SaveDraftRequest): Promise<ApplicationView> {
    const found = await this.store.find(this.dataSource.manager, id);
    await this.access.requireOrganisationObject(actor, 'act_for_applicant', { type: 'application', id, organisationId: found.organisationId });
    const { version, ...sections } = request;
    const named = (Object.keys(sections) as DraftSection[]).filter((k) => DRAFT_SECTIONS.includes(k) && sections[k] !== undefined);
    await this.unitOfWork.run(actor, async (tx) => {
      const application = await this.store.lock(tx.manager, id);
      if (application.draftVersion !== version) throw DomainError.staleVersion(await this.view(tx.manager, id));
      await this.assertEditable(tx.manager, application, tx.now, named);
      const draft: ApplicationDraft = { ...application.draft };
      for (const key of named) (draft as Record<string, unknown>)[key] = JSON.parse(JSON.stringify(sections[key]));
      await tx.manager.update(Application, { id }, { draft, draftVersion: version + 1, updatedAt: tx.now });
      tx.audit({ action: 'application.draft_saved', objectType: 'application', objectId: id, after: { draftVersion: version + 1, sections: named } });
    });
    return this.view(this.dataSource.manager, id);
  }

  async withdraw(actor: Actor, id: string, request: ReasonRequest): Promise<ApplicationView> {
    const found = await this.store.find(this.dataSource.manager, id);
    await this.access.requireOrganisationObject(actor, 'act_for_applicant', { type: 'application', id, organisationId: found.organisationId });
    await this.unitOfWork.run(actor, async (tx) => {
      const application = await this.store.lock(tx.manager, id);
      await this.store.changeStatus(tx, application, 'withdraw', request.reason.trim(), { endReason: request.reason.trim() });
      await tx.manager.update(RemedyRequest, { applicationId: id, status: 'open' }, { status: 'expired' });
      tx.emit({ type: 'application.withdrawn', aggregateType: 'application', aggregateId: id });
    });
    return this.view(this.dataSource.manager, id);
  }

  /** Staff correct which activities a submitted project serves (audited with before and after). */
  async correctMapping(actor: Actor, id: string, request: CorrectMappingRequest): Promise<ApplicationView> {
    await this.unitOfWork.run(actor, async (tx) => {
      const application = await this.store.lock(tx.manager, id);
      if (application.status === 'draft') {
        throw DomainError.conflict('NOT_SUBMITTED', { cs: 'Mapování lze opravit až u podané žádosti.', en: 'The mapping can be corrected only once submitted.' });
      }
      const rules = await this.store.callRules(tx.manager, application.callId);
      const problems = checkActivityShares(request.activities, rules.activityIds);
      if (problems.length) throw DomainError.validation(problems);
      const before = await tx.manager.findBy(ApplicationActivity, { applicationId: id });
      await tx.manager.delete(ApplicationActivity, { applicationId: id });
      const shares = request.activities.map((a) => ({ activityId: a.activityId!, basisPoints: percentToBasisPoints(a.sharePercent!) }));
      await tx.manager.insert(
        ApplicationActivity,
        shares.map((s) => ({ applicationId: id, strategyNodeId: s.activityId, shareBasisPoints: s.basisPoints })),
      );
      await tx.manager.update(Application, { id }, { updatedAt: tx.now });
      // Every kind of money the ledger holds for the project moves to the new mapping, at any stage.
      await this.ledger.resplit(tx, { applicationId: id, shares, sourceType: 'application_mapping', sourceId: id });
      tx.audit({
        action: 'application.mapping_corrected',
        objectType: 'application',
        objectId: id,
        before: before.map((b) => ({ activityId: b.strategyNodeId, shareBasisPoints: b.shareBasisPoints })),
        after: { reason: request.reason, activities: request.activities },
      });
    });
    return this.view(this.dataSource.manager, id);
  }

  /** Ends applications whose remedy deadline passed unanswered. Run by the worker's clock only: reads derive the state (`applicationStatusAt`). */
  async advanceByClock(): Promise<number> {
    const due = await this.dataSource.query<{ id: string }[]>(`SELECT application_id AS id FROM remedy_request WHERE status = 'open' AND deadline_at <= $1`, [this.clock.now()]);
    let ended = 0;
    for (const { id } of due) {
      await this.unitOfWork
        .run(systemActor('clock'), async (tx) => {
          const application = await this.store.lock(tx.manager, id);
          const remedy = await this.store.openRemedy(tx.manager, id);
          if (!remedy || remedy.deadlineAt > tx.now || !APPLICATION_MACHINE.can('miss_remedy_deadline', application.status)) throw new NothingDue();
          await tx.manager.update(RemedyRequest, { id: remedy.id }, { status: 'expired' });
          const reason = remedyLapsedReason(remedy.deadlineAt);
          await this.store.changeStatus(tx, application, 'miss_remedy_deadline', reason, { endReason: reason });
          tx.emit({ type: 'application.excluded', aggregateType: 'application', aggregateId: id });
          ended++;
        })
        .catch((error: unknown) => {
          if (!(error instanceof NothingDue)) throw error;
        });
    }
    return ended;
  }

  /** Throws unless the named sections may change now: before the deadline, or within an open remedy request. */
  async assertEditable(manager: EntityManager, application: Application, now: Date, sections: string[]): Promise<void> {
    if (application.status === 'draft' || application.status === 'submitted') {
      const call = await manager.findOneByOrFail(GrantCall, { id: application.callId });
      if (now >= call.closesAt!) throw frozen(call.closesAt!);
      return;
    }
    if (application.status === 'remedy_requested') {
      const remedy = await this.store.openRemedy(manager, application.id);
      if (!remedy || now >= remedy.deadlineAt) {
        throw DomainError.conflict('REMEDY_DEADLINE_PASSED', { cs: 'Lhůta k odstranění vad uplynula.', en: 'The remedy deadline has passed.' });
      }
      const allowed = new Set(remedy.items.map((i) => i.section));
      const outside = sections.filter((s) => !allowed.has(s));
      if (outside.length) {
        throw DomainError.validation(
          outside.map((field) => ({
            field,
            code: 'OUTSIDE_REMEDY_SCOPE',
            message: { cs: 'Tuto část výzva k odstranění vad nezmiňuje; nelze ji měnit.', en: 'The remedy request does not cover this part; it cannot change.' },
          })),
          'OUTSIDE_REMEDY_SCOPE',
        );
      }
      return;
    }
    APPLICATION_MACHINE.assert('submit', application.status);
  }

  async view(manager: EntityManager, id: string): Promise<ApplicationView> {
    const application = await this.store.find(manager, id);
    const [rules, organisation, attachments, remedy, activities] = await readAll<
      [CallRules, Organisation, ApplicationAttachment[], RemedyRequest | null, { activityId: string; code: string; name: string; bp: number }[]]
    >(manager, [
      () => this.store.callRules(manager, application.callId),
      () => manager.findOneByOrFail(Organisation, { id: application.organisationId }),
      () => this.store.activeAttachments(manager, id),
      () => this.store.openRemedy(manager, id),
      () =>
        manager.query<{ activityId: string; code: string; name: string; bp: number }[]>(
          `SELECT n.id AS "activityId", n.code, n.name, a.share_basis_points AS bp FROM application_activity a JOIN strategy_node n ON n.id = a.strategy_node_id WHERE a.application_id = $1 ORDER BY n.code`,
          [id],
        ),
    ]);
    const area = rules.areas.find((a) => a.id === application.budgetAreaId);
    const now = this.clock.now();
    const open = now < rules.call.closesAt!;
    // A lapsed remedy request reads as the end it already is; the worker's clock stores it (audited).
    const status = applicationStatusAt(application.status, remedy?.deadlineAt ?? null, now);
    const lapsed = status !== application.status;
    const availableActions = APPLICATION_MACHINE.actionsFrom(status).filter((action) => {
      if (action === 'submit') return open;
      if (action === 'answer_remedy') return !!remedy && now < remedy.deadlineAt;
      if (action === 'miss_remedy_deadline') return false;
      if (action === 'accept' || action === 'exclude' || action === 'request_remedy') return !open;
      return true;
    });
    return {
      id: application.id,
      number: application.number,
      call: { id: rules.call.id, code: rules.call.code, title: rules.call.title },
      organisation: { id: organisation.id, name: organisation.name, ico: organisation.ico, type: organisation.type },
      status,
      statusName: APPLICATION_MACHINE.statusName(status),
      title: application.title ?? application.draft.project?.title ?? null,
      budgetAreaCode: area?.code ?? null,
      requestedAmount: application.requestedAmount?.toString() ?? null,
      totalCost: application.totalCost?.toString() ?? null,
      currentVersionNo: application.currentVersionNo,
      lastSubmittedAt: application.lastSubmittedAt?.toISOString() ?? null,
      updatedAt: application.updatedAt.toISOString(),
      draft: application.draft,
      draftVersion: application.draftVersion,
      draftBudget: budgetSummary(application.draft.budgetLines),
      missing: checkCompleteness(this.store.completenessContext(application, rules, organisation, attachments)),
      deadline: rules.call.closesAt!.toISOString(),
      attachments: attachments.map(attachmentView),
      remedy: remedy && !lapsed ? { id: remedy.id, items: remedy.items, deadlineAt: remedy.deadlineAt.toISOString() } : null,
      activities: activities.map((a) => ({ activityId: a.activityId, code: a.code, name: a.name, sharePercent: basisPointsToPercent(a.bp) })),
      endReason: lapsed ? remedyLapsedReason(remedy!.deadlineAt) : application.endReason,
      firstSubmittedAt: application.firstSubmittedAt?.toISOString() ?? null,
      createdAt: application.createdAt.toISOString(),
      availableActions,
    };
  }
}

class NothingDue extends Error {}

export function attachmentView(a: ApplicationAttachment) {
  return {
    id: a.id,
    annexTypeCode: a.annexTypeCode,
    fileName: a.fileName,
    mediaType: a.mediaType,
    sizeBytes: a.sizeBytes,
    sha256: a.sha256,
    uploadedAt: a.uploadedAt.toISOString(),
  };
}
