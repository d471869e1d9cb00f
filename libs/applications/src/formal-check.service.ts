import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor, BulkResult, DomainError, eachReported, FieldError, formatCzechDateTime } from '#core';
import { readAll, Tx, UnitOfWork } from '#database';
import { Organisation } from '#organisations';
import { ApplicationService } from './application.service.js';
import { ApplicationStore } from './application-store.js';
import type { CallRules } from './application-store.js';
import { checkCompleteness } from './draft.js';
import { ApplicationView, FormalCheckRequest, FormalCheckView, ReasonRequest, RemedyRequestInput } from './dto.js';
import { Application, ApplicationAttachment, FORMAL_CHECK_ITEMS, FormalCheck, FormalCheckItem, RemedyRequest } from './entities.js';

/** Which completeness findings belong to which checklist item, so staff see the machine's findings next to each item. */
function itemOf(finding: FieldError): FormalCheckItem {
  if (finding.code === 'APPLICANT_NOT_ELIGIBLE') return 'eligibility';
  if (finding.field.startsWith('annexes')) return 'annexes';
  if (finding.field.startsWith('budgetLines')) return 'budget';
  if (finding.field.startsWith('declarations')) return 'declarations';
  return 'completeness';
}

/**
 * The formal check (formální kontrola) after the application period: a checklist per application
 * with the machine's findings as suggestions, then one of three outcomes: accepted, a remedy
 * request with a deadline (correctable defects), or exclusion with a reason (uncorrectable ones).
 */
@Injectable()
export class FormalCheckService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly store: ApplicationStore,
    private readonly applications: ApplicationService,
  ) {}

  async get(id: string): Promise<FormalCheckView> {
    return this.view(this.dataSource.manager, await this.store.find(this.dataSource.manager, id));
  }

  async record(actor: Actor, id: string, request: FormalCheckRequest): Promise<FormalCheckView> {
    return this.unitOfWork.run(actor, async (tx) => {
      const application = await this.startCheck(tx, id);
      const current = await tx.manager.findOneBy(FormalCheck, { applicationId: id });
      const items = { ...(current?.items ?? {}) };
      for (const key of FORMAL_CHECK_ITEMS) {
        const input = request[key];
        if (input) items[key] = { result: input.result, note: input.note?.trim() ?? '' };
      }
      await tx.manager.upsert(FormalCheck, { applicationId: id, items, updatedBy: tx.actor.userId, updatedAt: tx.now }, ['applicationId']);
      tx.audit({ action: 'application.formal_check_recorded', objectType: 'application', objectId: id, before: current?.items ?? null, after: items });
      return this.view(tx.manager, application);
    });
  }

  async accept(actor: Actor, id: string): Promise<ApplicationView> {
    await this.acceptOne(actor, id);
    return this.applications.view(this.dataSource.manager, id);
  }

  /**
   * Accepts many applications, each in its own transaction and audited on its own, so one with a
   * finding (or in the wrong state) does not hold back the rest: the answer says, per application,
   * which were accepted and why the others were not.
   */
  async acceptMany(actor: Actor, ids: readonly string[]): Promise<BulkResult> {
    return eachReported(ids, (id) => this.acceptOne(actor, id));
  }

  private async acceptOne(actor: Actor, id: string): Promise<void> {
    await this.unitOfWork.run(actor, async (tx) => {
      const application = await this.startCheck(tx, id);
      const check = await tx.manager.findOneBy(FormalCheck, { applicationId: id });
      const notOk = FORMAL_CHECK_ITEMS.filter((item) => check?.items[item]?.result !== 'ok');
      if (notOk.length) {
        throw DomainError.validation(
          notOk.map((item) => ({
            field: `formalCheck.${item}`,
            code: 'CHECK_NOT_OK',
            message: { cs: 'Tato položka kontrolního listu není potvrzena jako v pořádku.', en: 'This checklist item is not confirmed as OK.' },
          })),
          'FORMAL_CHECK_INCOMPLETE',
        );
      }
      await this.store.changeStatus(tx, application, 'accept', null);
      tx.emit({ type: 'application.formal_check_passed', aggregateType: 'application', aggregateId: id });
    });
  }

  async requestRemedy(actor: Actor, id: string, request: RemedyRequestInput): Promise<ApplicationView> {
    await this.unitOfWork.run(actor, async (tx) => {
      const application = await this.startCheck(tx, id);
      const deadlineAt = new Date(request.deadlineAt);
      if (deadlineAt <= tx.now) {
        throw DomainError.field('deadlineAt', 'DEADLINE_IN_PAST', { cs: 'Lhůta k odstranění vad musí být v budoucnosti.', en: 'The remedy deadline must be in the future.' });
      }
      const rules = await this.store.callRules(tx.manager, application.callId);
      const unknownAnnexes = request.items.filter((i) => i.section.startsWith('annex:') && !rules.annexTypes.some((a) => `annex:${a.code}` === i.section));
      if (unknownAnnexes.length) {
        throw DomainError.field('items', 'UNKNOWN_ANNEX_TYPE', { cs: `Výzva nemá přílohy ${unknownAnnexes.map((i) => i.section).join(', ')}.`, en: 'Unknown annex types.' });
      }
      const remedy: RemedyRequest = {
        id: randomUUID(),
        applicationId: id,
        items: request.items.map((i) => ({ section: i.section, message: i.message.trim() })),
        deadlineAt,
        status: 'open',
        createdBy: tx.actor.userId,
        createdAt: tx.now,
        answeredAt: null,
        answeredVersionNo: null,
      };
      await tx.manager.insert(RemedyRequest, remedy);
      await this.store.changeStatus(tx, application, 'request_remedy', `Výzva k odstranění vad do ${formatCzechDateTime(deadlineAt)}`);
      tx.audit({
        action: 'application.remedy_requested',
        objectType: 'application',
        objectId: id,
        after: { remedyId: remedy.id, items: remedy.items, deadlineAt: deadlineAt.toISOString() },
      });
      tx.emit({ type: 'application.remedy_requested', aggregateType: 'application', aggregateId: id, payload: { remedyId: remedy.id } });
    });
    return this.applications.view(this.dataSource.manager, id);
  }

  async exclude(actor: Actor, id: string, request: ReasonRequest): Promise<ApplicationView> {
    await this.unitOfWork.run(actor, async (tx) => {
      const application = await this.startCheck(tx, id);
      await this.store.changeStatus(tx, application, 'exclude', request.reason.trim(), { endReason: request.reason.trim() });
      await tx.manager.update(RemedyRequest, { applicationId: id, status: 'open' }, { status: 'expired' });
      tx.emit({ type: 'application.excluded', aggregateType: 'application', aggregateId: id });
    });
    return this.applications.view(this.dataSource.manager, id);
  }

  /** The formal check starts when the application period is over: until then the applicant may still change everything. */
  private async startCheck(tx: Tx, id: string): Promise<Application> {
    const application = await this.store.lock(tx.manager, id);
    const rules = await this.store.callRules(tx.manager, application.callId);
    if (tx.now < rules.call.closesAt!) {
      throw DomainError.conflict('CALL_STILL_OPEN', {
        cs: `Formální kontrola začíná po skončení příjmu žádostí (${formatCzechDateTime(rules.call.closesAt!)}).`,
        en: `The formal check starts after the application period ends (${rules.call.closesAt!.toISOString()}).`,
      });
    }
    if (!['submitted', 'remedy_requested'].includes(application.status)) {
      throw DomainError.conflict(
        'INVALID_STATE',
        {
          cs: 'Formální kontrolu lze provádět jen u podané žádosti.',
          en: 'Only submitted applications are formally checked.',
        },
        { currentStatus: application.status },
      );
    }
    return application;
  }

  private async view(manager: EntityManager, application: Application): Promise<FormalCheckView> {
    const [rules, organisation, attachments, check, languages] = await readAll<[CallRules, Organisation, ApplicationAttachment[], FormalCheck | null, { language: 'cs' | 'en' }[]]>(
      manager,
      [
        () => this.store.callRules(manager, application.callId),
        () => manager.findOneByOrFail(Organisation, { id: application.organisationId }),
        () => this.store.activeAttachments(manager, application.id),
        () => manager.findOneBy(FormalCheck, { applicationId: application.id }),
        // A remedy letter reaches every member of the applicant organisation in their profile's language.
        () =>
          manager.query(`SELECT DISTINCT u.language FROM organisation_member m JOIN app_user u ON u.id = m.user_id WHERE m.organisation_id = $1 ORDER BY u.language`, [
            application.organisationId,
          ]),
      ],
    );
    // Findings are about the version that counts (the last submitted), not the working copy.
    const version = await manager.query<
      {
        content: { draft: Application['draft']; annexes: { annexTypeCode: string }[] };
      }[]
    >('SELECT content FROM application_version WHERE application_id = $1 AND version_no = $2', [application.id, application.currentVersionNo]);
    const submitted = version[0]?.content;
    const context = this.store.completenessContext({ ...application, draft: submitted?.draft ?? application.draft }, rules, organisation, attachments);
    if (submitted) context.attachedAnnexCodes = [...new Set(submitted.annexes.map((a) => a.annexTypeCode))];
    const findings = checkCompleteness(context);
    const items = Object.fromEntries(
      FORMAL_CHECK_ITEMS.map((item) => {
        const own = findings.filter((f) => itemOf(f) === item);
        const saved = check?.items[item];
        return [
          item,
          { result: saved?.result ?? null, note: saved?.note ?? '', suggestion: own.length === 0 ? 'ok' : item === 'eligibility' ? 'uncorrectable' : 'correctable', findings: own },
        ];
      }),
    ) as FormalCheckView['items'];
    const letterLanguages = languages.map((l) => l.language);
    return { applicationId: application.id, items, letterLanguages: letterLanguages.length ? letterLanguages : ['cs'], updatedAt: check?.updatedAt.toISOString() ?? null };
  }
}
