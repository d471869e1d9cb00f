import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { AccessService } from '#access';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { GrantCall } from '#calls';
import { LegalRules } from '#config';
import { Actor, addDays, addMonths, bankNameOf, Clock, csvCell, DomainError, Money, PageQuery, pageOf, pragueIsoDate } from '#core';
import type { Page } from '#core';
import { UnitOfWork } from '#database';
import { renderGrantAgreement } from '#documents';
import type { GrantAgreementData } from '#documents';
import { LedgerWriter } from '#ledger';
import { checkUpload, FileStorage } from '#storage';
import type { AgreementListQuery, AgreementTemplateRequest, AmendmentRequest, ConditionInput, CreateAgreementRequest, PublicationRequest, SignatureRequest } from './dto.js';
import { Agreement, AgreementAmendment, AgreementStatus, AgreementTemplate, AwardDecision } from './entities.js';
import type { AgreementCondition, AmendedTerms } from './entities.js';
import { calendarDaysBetween } from './rules/index.js';

/** The provider: the City of Prague, from its public identification. */
export const PROVIDER = {
  name: 'Hlavní město Praha',
  seat: 'Mariánské náměstí 2/2, 110 00 Praha 1',
  ico: '00064581',
  dic: 'CZ00064581',
  bankAccount: { number: '27-5157998/6000', bankName: 'PPF banka a.s.' },
  representedBy: { name: 'vedoucí odboru sociálních věcí MHMP', role: 'na základě pověření' },
} as const;

/** The variable symbol of an agreement's payments and returns: the digits of the application number. */
export function variableSymbolOf(applicationNumber: string): string {
  return applicationNumber.replace(/\D/g, '').slice(-10) || '0';
}

export type RegisterState = 'not_required' | 'not_signed' | 'pending' | 'warning' | 'overdue' | 'void' | 'published';

/**
 * The Registr smluv clock of a signed, unpublished agreement over the threshold, computed by the one rule
 * (`registerState`) so the portal never re-implements it: the day since signature and the days the state changes.
 */
export interface RegisterClock {
  signedOn: string;
  /** Calendar days since the signature (day 0 is the day of signature). */
  day: number;
  warningFrom: string;
  overdueFrom: string;
  voidFrom: string;
}

/** What can be done with the agreement now, by its state: the portal offers exactly these. */
export type AgreementAction = 'send' | 'recipient_sign' | 'sign' | 'publish' | 'amend';

export interface AgreementListItem {
  id: string;
  number: string;
  agreementVersion: number;
  status: AgreementStatus;
  amount: string;
  applicationId: string;
  applicationNumber: string;
  title: string;
  callId: string;
  callCode: string;
  organisationId: string;
  organisationName: string;
  ico: string;
  registerRequired: boolean;
  registerState: RegisterState;
  registerClock: RegisterClock | null;
  recipientSignedAt: Date | null;
  signedOn: string | null;
  publishedOn: string | null;
  version: number;
}

const TRANSITIONS: Record<string, AgreementStatus[]> = {
  send: ['draft'],
  sign: ['awaiting_signature'],
  publish: ['signed'],
};

/** What an amendment step changes on the amendment. */
type AmendmentChange = Partial<AgreementAmendment> & { status: AgreementAmendment['status'] };

/**
 * Agreements from approved decisions: generation (the § 10a odst. 5 PDF), signature with the signed
 * copy's hash, and the Registr smluv (over 50 000 Kč the agreement takes effect only on publication,
 * warned from day 20, overdue at day 30, void after three months).
 */
@Injectable()
export class AgreementService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly ledger: LedgerWriter,
    private readonly legalRules: LegalRules,
    private readonly storage: FileStorage,
    private readonly clock: Clock,
    private readonly access: AccessService,
  ) {}

  async create(actor: Actor, applicationId: string, request: CreateAgreementRequest) {
    return this.unitOfWork.run(actor, async (tx) => {
      const [decision] = await tx.manager.query<
        { id: string; amount: string; number: string; title: string | null; bank_account: string | null; representatives: { name?: string }[] | null }[]
      >(
        `SELECT d.id, d.amount, a.number, a.title, o.bank_account, a.draft -> 'representatives' AS representatives
           FROM award_decision d JOIN application a ON a.id = d.application_id JOIN organisation o ON o.id = a.organisation_id
          WHERE d.application_id = $1 AND d.outcome = 'approved' AND NOT EXISTS (SELECT 1 FROM award_decision n WHERE n.supersedes_id = d.id)`,
        [applicationId],
      );
      if (!decision) throw DomainError.conflict('NOT_APPROVED', { cs: 'Žádost nemá platné rozhodnutí o poskytnutí dotace.', en: 'The application has no effective approval.' });
      // Elements § 10a odst. 5 requires of the recipient: checked now, not when the PDF is first rendered.
      if (!decision.bank_account) {
        throw DomainError.conflict('RECIPIENT_BANK_ACCOUNT_MISSING', {
          cs: 'Příjemce nemá v profilu organizace bankovní účet; smlouva ho musí uvádět (§ 10a odst. 5 písm. b).',
          en: 'The recipient organisation has no bank account on record; the agreement must state it.',
        });
      }
      if (!(decision.representatives ?? []).some((r) => r.name?.trim())) {
        throw DomainError.conflict('RECIPIENT_SIGNATORY_MISSING', {
          cs: 'Žádost neuvádí nikoho, kdo za příjemce jedná; smlouvu by neměl kdo podepsat.',
          en: 'The application names nobody who acts for the recipient.',
        });
      }
      const amount = Money.parse(decision.amount);
      const planned = Money.sum(request.tranches.map((t) => Money.parse(t.amount)));
      if (!planned.equals(amount)) {
        throw DomainError.field('tranches', 'TRANCHES_DO_NOT_ADD_UP', {
          cs: `Splátky dávají ${planned.format()}, dotace činí ${amount.format()}.`,
          en: `The tranches add up to ${planned.toString()}, the grant is ${amount.toString()}.`,
        });
      }
      if (request.purposeTo < request.purposeFrom) {
        throw DomainError.field('purposeTo', 'PERIOD_REVERSED', { cs: 'Konec období je před jeho začátkem.', en: 'The period ends before it starts.' });
      }
      const threshold = Money.parse(this.legalRules.at(pragueIsoDate(tx.now)).contractRegister.thresholdAmount);
      const [template] = await tx.manager.query<{ version: number; conditions: AgreementCondition[] }[]>(
        `SELECT t.version, t.conditions FROM agreement_template t JOIN application a ON a.call_id = t.call_id WHERE a.id = $1 ORDER BY t.version DESC LIMIT 1`,
        [applicationId],
      );
      const agreement = tx.manager.create(Agreement, {
        id: randomUUID(),
        applicationId,
        decisionId: decision.id,
        number: `SML-${decision.number}`,
        version: 1,
        status: 'draft',
        amount,
        committed: Money.ZERO,
        purpose: request.purpose,
        purposeFrom: request.purposeFrom,
        purposeTo: request.purposeTo,
        settlementDeadline: request.settlementDeadline,
        conditions: [...(template?.conditions ?? []), ...request.conditions.map((c, i) => toCondition(c, i))],
        templateVersion: template?.version ?? null,
        tranches: request.tranches.map((t, i) => ({ trancheNo: i + 1, amount: Money.parse(t.amount).toString(), dueDate: t.dueDate, condition: t.condition })),
        registerRequired: amount.compare(threshold) > 0,
        signedOn: null,
        signedCopyStorageKey: null,
        signedCopySha256: null,
        signatories: null,
        publishedOn: null,
        registerId: null,
        documentStorageKey: null,
        createdAt: tx.now,
        updatedAt: tx.now,
        rowVersion: 1,
      });
      await tx.manager.insert(Agreement, agreement);
      tx.audit({ action: 'agreement.created', objectType: 'agreement', objectId: agreement.id, after: { ...agreement, amount: amount.toString(), committed: '0.00' } });
      return this.view(tx.manager, agreement.id);
    });
  }

  /** A new version of the call's agreement template; agreements already drawn keep theirs. */
  async saveTemplate(actor: Actor, callId: string, request: AgreementTemplateRequest) {
    return this.unitOfWork.run(actor, async (tx) => {
      if (!(await tx.manager.existsBy(GrantCall, { id: callId }))) throw DomainError.notFound('call', callId);
      // The call row's lock serialises two staff saving at once, so versions never collide.
      await tx.manager.query('SELECT id FROM grant_call WHERE id = $1 FOR UPDATE', [callId]);
      const [latest] = await tx.manager.query<{ version: number | null }[]>('SELECT max(version) AS version FROM agreement_template WHERE call_id = $1', [callId]);
      const template = tx.manager.create(AgreementTemplate, {
        id: randomUUID(),
        callId,
        version: (latest?.version ?? 0) + 1,
        conditions: request.conditions.map((c, i) => toCondition(c, i)),
        transformationDuties: request.transformationDuties,
        createdAt: tx.now,
        createdBy: actor.userId,
      });
      await tx.manager.insert(AgreementTemplate, template);
      tx.audit({
        action: 'agreement_template.saved',
        objectType: 'call',
        objectId: callId,
        after: { version: template.version, conditions: template.conditions, transformationDuties: template.transformationDuties },
      });
      return templateView(template);
    });
  }

  async template(callId: string) {
    const template = await this.dataSource.manager.findOne(AgreementTemplate, { where: { callId }, order: { version: 'DESC' } });
    if (!template) throw DomainError.notFound('agreement_template', callId);
    return templateView(template);
  }

  /** Staff and auditors read every agreement; the recipient's members read theirs once it was sent to them (a draft is not theirs yet). */
  async get(actor: Actor, agreementId: string) {
    await this.requireReader(actor, agreementId);
    return this.view(this.dataSource.manager, agreementId);
  }

  private async requireReader(actor: Actor, agreementId: string): Promise<void> {
    const [row] = await this.dataSource.query<{ organisation_id: string; status: AgreementStatus }[]>(
      `SELECT a.organisation_id, g.status FROM agreement g JOIN application a ON a.id = g.application_id WHERE g.id = $1`,
      [agreementId],
    );
    if (!row) throw DomainError.notFound('agreement', agreementId);
    await this.access.requireOrganisationObject(actor, 'read', { type: 'agreement', id: agreementId, organisationId: row.organisation_id });
    const readsAll = (await this.access.readableOrganisationIds(actor)) === null;
    if (!readsAll && row.status === 'draft') throw DomainError.notFound('agreement', agreementId);
  }

  /**
   * Agreements the actor may read, filtered, paged, the most urgent first: signed and unpublished by the day of
   * signature (the register's clock runs from it), then those waiting for signatures by the day they were sent.
   * Two queries whatever the page size.
   */
  async search(actor: Actor, query: AgreementListQuery, page: PageQuery): Promise<Page<AgreementListItem>> {
    const clauses: string[] = [];
    const params: unknown[] = [];
    const add = (clause: (p: string) => string, value: unknown) => clauses.push(clause(`$${params.push(value)}`));
    const readable = await this.access.readableOrganisationIds(actor);
    if (readable !== null) {
      add((p) => `a.organisation_id = ANY(${p}::uuid[])`, readable);
      clauses.push(`g.status <> 'draft'`);
    }
    if (query.status) add((p) => `g.status = ${p}`, query.status);
    if (query.callId) add((p) => `a.call_id = ${p}::uuid`, query.callId);
    if (query.applicationId) add((p) => `g.application_id = ${p}::uuid`, query.applicationId);
    if (query.search) {
      add((p) => `(g.number ILIKE ${p} OR a.number ILIKE ${p} OR o.name ILIKE ${p} OR coalesce(a.title, '') ILIKE ${p})`, `%${query.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
    const where = clauses.length > 0 ? clauses.join(' AND ') : 'TRUE';
    const from = `agreement g JOIN application a ON a.id = g.application_id JOIN organisation o ON o.id = a.organisation_id JOIN grant_call c ON c.id = a.call_id`;
    const [{ total }] = await this.dataSource.query<{ total: number }[]>(`SELECT count(*)::int AS total FROM ${from} WHERE ${where}`, params);
    const rows = await this.dataSource.query<(Omit<AgreementListItem, 'registerState' | 'registerClock' | 'amount'> & { amount: string })[]>(
      `SELECT g.id, g.number, g.version AS "agreementVersion", g.status, g.amount::text AS amount, a.id AS "applicationId", a.number AS "applicationNumber",
              coalesce(a.title, c.title) AS title, c.id AS "callId", c.code AS "callCode", o.id AS "organisationId", o.name AS "organisationName", o.ico,
              g.register_required AS "registerRequired", g.recipient_signed_at AS "recipientSignedAt", g.signed_on::text AS "signedOn",
              g.published_on::text AS "publishedOn", g.row_version AS version
         FROM ${from}
        WHERE ${where}
        ORDER BY (g.status = 'signed' AND g.register_required AND g.published_on IS NULL) DESC, g.signed_on ASC NULLS LAST, g.status = 'draft' DESC, g.updated_at ASC, g.number
       OFFSET $${params.length + 1} LIMIT $${params.length + 2}`,
      [...params, page.offset, page.pageSize],
    );
    const now = this.clock.now();
    return pageOf(
      rows.map((r) => ({ ...r, registerState: this.registerState(r, now), registerClock: this.registerClock(r, now) })),
      total,
      page,
    );
  }

  /** The list as CSV (UTF-8 with BOM, semicolons, decimal commas), with the same filters. */
  async *exportCsv(actor: Actor, query: AgreementListQuery): AsyncGenerator<string> {
    const header = [
      'Číslo smlouvy',
      'Verze',
      'Výzva',
      'Žádost',
      'Příjemce',
      'IČO',
      'Projekt',
      'Stav',
      'Částka (Kč)',
      'Podepsána příjemcem',
      'Uzavřena',
      'Registr smluv',
      'Den lhůty',
      'Uveřejnit do',
      'Neplatná od',
      'Uveřejněna',
    ];
    yield `\uFEFF${header.map(csvCell).join(';')}\r\n`;
    const page = Object.assign(new PageQuery(), { pageSize: 200, page: 1 });
    for (;;) {
      const batch = await this.search(actor, query, page);
      for (const a of batch.items) {
        yield `${[
          a.number,
          a.agreementVersion,
          a.callCode,
          a.applicationNumber,
          a.organisationName,
          a.ico,
          a.title,
          STATUS_NAMES[a.status],
          a.amount.replace('.', ','),
          a.recipientSignedAt ? pragueIsoDate(new Date(a.recipientSignedAt)) : '',
          a.signedOn ?? '',
          REGISTER_STATE_NAMES[a.registerState],
          a.registerClock?.day ?? '',
          a.registerClock ? addDays(a.registerClock.overdueFrom, -1) : '',
          a.registerClock?.voidFrom ?? '',
          a.publishedOn ?? '',
        ]
          .map(csvCell)
          .join(';')}\r\n`;
      }
      if (page.page * page.pageSize >= batch.total) return;
      page.page += 1;
    }
  }

  /** Sent to the recipient for signature: the document is fixed from here on. */
  async send(actor: Actor, agreementId: string, version: number) {
    return this.transition(actor, agreementId, version, 'send', async (agreement, manager) => {
      await manager.update(Agreement, { id: agreement.id }, { status: 'awaiting_signature' });
      return { type: 'agreement.sent' };
    });
  }

  /**
   * The recipient's signature in the portal: a member of the recipient organisation uploads the copy they signed
   * while the agreement awaits signatures. It does not conclude the agreement; the city counter-signs
   * (`sign`), and from that day the register's clock runs. A new upload before that replaces the copy.
   */
  async recipientSign(actor: Actor, agreementId: string, version: number, file: { originalName: string; bytes: Buffer }) {
    const [row] = await this.dataSource.query<{ organisation_id: string; status: AgreementStatus }[]>(
      `SELECT a.organisation_id, g.status FROM agreement g JOIN application a ON a.id = g.application_id WHERE g.id = $1`,
      [agreementId],
    );
    if (!row) throw DomainError.notFound('agreement', agreementId);
    await this.access.requireOrganisationObject(actor, 'act_for_applicant', { type: 'agreement', id: agreementId, organisationId: row.organisation_id });
    if (row.status === 'draft') throw DomainError.notFound('agreement', agreementId);
    await checkSignedCopy(file.bytes);
    return this.unitOfWork.run(actor, async (tx) => {
      const agreement = await tx.manager.findOne(Agreement, { where: { id: agreementId }, lock: { mode: 'pessimistic_write' } });
      if (!agreement) throw DomainError.notFound('agreement', agreementId);
      if (agreement.rowVersion !== version) throw DomainError.staleVersion(await this.view(tx.manager, agreementId));
      if (agreement.status !== 'awaiting_signature') {
        throw DomainError.conflict(
          'INVALID_STATE',
          { cs: 'Smlouvu už nelze podepsat: nečeká na podpis příjemce.', en: 'The agreement is not waiting for the recipient’s signature.' },
          { currentStatus: agreement.status },
        );
      }
      const key = `agreements/${agreement.id}/recipient-signed-v${agreement.version}-${agreement.rowVersion}.pdf`;
      await this.storage.put(key, file.bytes);
      const sha256 = createHash('sha256').update(file.bytes).digest('hex');
      await tx.manager.update(
        Agreement,
        { id: agreement.id },
        {
          recipientCopyStorageKey: key,
          recipientCopySha256: sha256,
          recipientSignedAt: tx.now,
          recipientSignedBy: actor.userId,
          updatedAt: tx.now,
          rowVersion: agreement.rowVersion + 1,
        },
      );
      tx.audit({
        action: 'agreement.recipient_signed',
        objectType: 'agreement',
        objectId: agreement.id,
        before: { recipientCopySha256: agreement.recipientCopySha256 },
        after: { recipientCopySha256: sha256, fileName: file.originalName },
      });
      tx.emit({ type: 'agreement.recipient_signed', aggregateType: 'agreement', aggregateId: agreement.id });
      return this.view(tx.manager, agreement.id);
    });
  }

  /** The signed copy: the concluded agreement's, else the recipient's while the city has not counter-signed. */
  async signedCopy(actor: Actor, agreementId: string): Promise<{ stream: Readable; fileName: string }> {
    await this.requireReader(actor, agreementId);
    const agreement = await this.dataSource.manager.findOneByOrFail(Agreement, { id: agreementId });
    const key = agreement.signedCopyStorageKey ?? agreement.recipientCopyStorageKey;
    if (!key) throw DomainError.notFound('signed_copy', agreementId);
    return { stream: await this.storage.get(key), fileName: `${agreement.number.replace(/[^A-Za-z0-9-]/g, '_')}-v${agreement.version}-podepsana.pdf` };
  }

  /**
   * The city's signature: the agreement is concluded on `signedOn`. Staff upload the copy signed by both sides,
   * or, when the recipient signed in the portal, may confirm that copy with the city's counter-signature.
   */
  async sign(actor: Actor, agreementId: string, request: SignatureRequest, file: { originalName: string; bytes: Buffer } | null) {
    if (file) await checkSignedCopy(file.bytes);
    return this.transition(actor, agreementId, request.version, 'sign', async (agreement, manager, tx) => {
      if (request.signedOn > pragueIsoDate(tx.now)) {
        throw DomainError.field('signedOn', 'DATE_IN_FUTURE', { cs: 'Datum podpisu nemůže být v budoucnosti.', en: 'The signature date cannot be in the future.' });
      }
      if (!file && !agreement.recipientCopyStorageKey) {
        throw DomainError.field('file', 'FILE_REQUIRED', {
          cs: 'Příjemce smlouvu v portálu nepodepsal: nahrajte smlouvu podepsanou oběma stranami (PDF).',
          en: 'The recipient has not signed in the portal: upload the agreement signed by both parties (PDF).',
        });
      }
      if (agreement.recipientSignedAt && request.signedOn < pragueIsoDate(agreement.recipientSignedAt)) {
        throw DomainError.field('signedOn', 'DATE_BEFORE_RECIPIENT', {
          cs: 'Smlouva je uzavřena podpisem města, který nemůže předcházet podpisu příjemce.',
          en: 'The city cannot have signed before the recipient did.',
        });
      }
      const key = file ? `agreements/${agreement.id}/signed-v${agreement.version}.pdf` : agreement.recipientCopyStorageKey!;
      if (file) await this.storage.put(key, file.bytes);
      const sha256 = file ? createHash('sha256').update(file.bytes).digest('hex') : agreement.recipientCopySha256!;
      const status: AgreementStatus = agreement.registerRequired ? 'signed' : 'effective';
      await manager.update(
        Agreement,
        { id: agreement.id },
        { status, signedOn: request.signedOn, signatories: request.signatories, signedCopyStorageKey: key, signedCopySha256: sha256 },
      );
      await this.recordContracted(tx, agreement);
      return { type: status === 'effective' ? 'agreement.effective' : 'agreement.signed' };
    });
  }

  /** Recorded publication in the Registr smluv: from here the agreement is effective and can be paid. */
  async publish(actor: Actor, agreementId: string, request: PublicationRequest) {
    return this.transition(actor, agreementId, request.version, 'publish', async (agreement, manager, tx) => {
      if (!agreement.registerRequired)
        throw DomainError.conflict('REGISTER_NOT_REQUIRED', {
          cs: 'Smlouva do 50 000 Kč se v registru smluv neuveřejňuje.',
          en: 'Agreements up to the threshold are not published.',
        });
      const state = this.registerState(agreement, tx.now);
      if (state === 'void') {
        throw DomainError.conflict('AGREEMENT_VOID', {
          cs: 'Smlouva nebyla uveřejněna do tří měsíců od uzavření, a je proto zrušena od počátku (§ 7 zákona č. 340/2015 Sb.). Je třeba uzavřít novou.',
          en: 'The agreement was not published within three months of signature and is void from the start; a new one is needed.',
        });
      }
      if (request.publishedOn < agreement.signedOn! || request.publishedOn > pragueIsoDate(tx.now)) {
        throw DomainError.field('publishedOn', 'DATE_OUT_OF_RANGE', {
          cs: 'Datum uveřejnění musí ležet mezi podpisem a dneškem.',
          en: 'The publication date must lie between the signature and today.',
        });
      }
      await manager.update(Agreement, { id: agreement.id }, { status: 'effective', publishedOn: request.publishedOn, registerId: request.registerId });
      return { type: 'agreement.published' };
    });
  }

  /**
   * Proposes a dodatek to an effective agreement. The amount stays (a different amount takes a new
   * decision); tranches must still add up to it. One amendment at a time.
   */
  async proposeAmendment(actor: Actor, agreementId: string, request: AmendmentRequest) {
    return this.unitOfWork.run(actor, async (tx) => {
      const agreement = await tx.manager.findOne(Agreement, { where: { id: agreementId }, lock: { mode: 'pessimistic_write' } });
      if (!agreement) throw DomainError.notFound('agreement', agreementId);
      if (agreement.status !== 'effective') {
        throw DomainError.conflict(
          'AGREEMENT_NOT_EFFECTIVE',
          { cs: 'Dodatek lze uzavřít jen k účinné smlouvě.', en: 'Only an agreement in effect can be amended.' },
          { currentStatus: agreement.status },
        );
      }
      if (await tx.manager.existsBy(AgreementAmendment, { agreementId, status: In(['awaiting_signature', 'signed']) })) {
        throw DomainError.conflict('AMENDMENT_PENDING', { cs: 'Smlouva už má rozpracovaný dodatek.', en: 'An amendment is already in progress.' });
      }
      if (request.tranches) {
        const planned = Money.sum(request.tranches.map((t) => Money.parse(t.amount)));
        if (!planned.equals(agreement.amount)) {
          throw DomainError.field('tranches', 'TRANCHES_DO_NOT_ADD_UP', {
            cs: `Splátky dávají ${planned.format()}, dotace činí ${agreement.amount.format()}.`,
            en: `The tranches add up to ${planned.toString()}, the grant is ${agreement.amount.toString()}.`,
          });
        }
      }
      const terms: AmendedTerms = {
        ...(request.tranches
          ? { tranches: request.tranches.map((t, i) => ({ trancheNo: i + 1, amount: Money.parse(t.amount).toString(), dueDate: t.dueDate, condition: t.condition })) }
          : {}),
        ...(request.conditions ? { conditions: request.conditions.map((c, i) => toCondition(c, i)) } : {}),
        ...(request.purposeTo ? { purposeTo: request.purposeTo } : {}),
        ...(request.settlementDeadline ? { settlementDeadline: request.settlementDeadline } : {}),
      };
      const amendment = tx.manager.create(AgreementAmendment, {
        id: randomUUID(),
        agreementId,
        number: agreement.version,
        reason: request.reason,
        changes: request.changes,
        terms,
        previousTerms: {
          ...(terms.tranches ? { tranches: agreement.tranches } : {}),
          ...(terms.conditions ? { conditions: agreement.conditions } : {}),
          ...(terms.purposeTo ? { purposeTo: agreement.purposeTo } : {}),
          ...(terms.settlementDeadline ? { settlementDeadline: agreement.settlementDeadline } : {}),
        },
        status: 'awaiting_signature',
        signedOn: null,
        signedCopySha256: null,
        signedCopyStorageKey: null,
        publishedOn: null,
        registerId: null,
        createdAt: tx.now,
        version: 1,
      });
      await tx.manager.insert(AgreementAmendment, amendment);
      tx.audit({
        action: 'agreement.amendment_proposed',
        objectType: 'agreement',
        objectId: agreementId,
        after: { number: amendment.number, reason: request.reason, changes: request.changes, terms },
      });
      return amendmentView(amendment);
    });
  }

  /** The signed amendment; under the register threshold it takes effect at once, above it on publication. */
  /**
   * The recipient's signature of an amendment in the portal, like the agreement's: a member of the recipient
   * organisation uploads the copy they signed while the amendment awaits signatures; the city then counter-signs.
   */
  async recipientSignAmendment(actor: Actor, amendmentId: string, version: number, file: { originalName: string; bytes: Buffer }) {
    const [row] = await this.dataSource.query<{ organisation_id: string }[]>(
      `SELECT a.organisation_id FROM agreement_amendment m JOIN agreement g ON g.id = m.agreement_id JOIN application a ON a.id = g.application_id WHERE m.id = $1`,
      [amendmentId],
    );
    if (!row) throw DomainError.notFound('agreement_amendment', amendmentId);
    await this.access.requireOrganisationObject(actor, 'act_for_applicant', { type: 'agreement_amendment', id: amendmentId, organisationId: row.organisation_id });
    await checkSignedCopy(file.bytes);
    return this.unitOfWork.run(actor, async (tx) => {
      const amendment = await tx.manager.findOne(AgreementAmendment, { where: { id: amendmentId }, lock: { mode: 'pessimistic_write' } });
      if (!amendment) throw DomainError.notFound('agreement_amendment', amendmentId);
      if (amendment.version !== version) throw DomainError.staleVersion(amendmentView(amendment));
      if (amendment.status !== 'awaiting_signature') {
        throw DomainError.conflict(
          'INVALID_STATE',
          { cs: 'Dodatek už nečeká na podpis příjemce.', en: 'The amendment is not waiting for the recipient’s signature.' },
          { currentStatus: amendment.status },
        );
      }
      const key = `agreements/${amendment.agreementId}/amendment-${amendment.number}-recipient-signed-${amendment.version}.pdf`;
      await this.storage.put(key, file.bytes);
      const sha256 = createHash('sha256').update(file.bytes).digest('hex');
      const changes = { recipientCopyStorageKey: key, recipientCopySha256: sha256, recipientSignedAt: tx.now, recipientSignedBy: actor.userId, version: amendment.version + 1 };
      await tx.manager.update(AgreementAmendment, { id: amendment.id }, changes);
      tx.audit({
        action: 'agreement.amendment_recipient_signed',
        objectType: 'agreement',
        objectId: amendment.agreementId,
        before: { amendment: amendment.number, recipientCopySha256: amendment.recipientCopySha256 },
        after: { amendment: amendment.number, recipientCopySha256: sha256, fileName: file.originalName },
      });
      tx.emit({ type: 'agreement.amendment_recipient_signed', aggregateType: 'agreement', aggregateId: amendment.agreementId });
      return amendmentView({ ...amendment, ...changes });
    });
  }

  /** The city's signature of an amendment: with the copy both signed, or confirming the copy the recipient signed in the portal. */
  async signAmendment(actor: Actor, amendmentId: string, request: SignatureRequest, file: { originalName: string; bytes: Buffer } | null) {
    if (file) {
      const upload = await checkUpload(file.bytes, { allowed: ['pdf'], maxBytes: 20 * 1024 * 1024 });
      if (!upload.ok)
        throw DomainError.field('file', 'SIGNED_COPY_INVALID', {
          cs: 'Podepsaný dodatek nahrajte jako PDF (nejvýše 20 MB).',
          en: 'Upload the signed amendment as a PDF (at most 20 MB).',
        });
    }
    return this.amendmentStep(actor, amendmentId, request.version, 'awaiting_signature', async (amendment, agreement, tx) => {
      if (!file && !amendment.recipientCopyStorageKey) {
        throw DomainError.field('file', 'FILE_REQUIRED', {
          cs: 'Příjemce dodatek v portálu nepodepsal: nahrajte dodatek podepsaný oběma stranami (PDF).',
          en: 'The recipient has not signed in the portal: upload the amendment signed by both parties (PDF).',
        });
      }
      if (request.signedOn > pragueIsoDate(tx.now)) {
        throw DomainError.field('signedOn', 'DATE_IN_FUTURE', { cs: 'Datum podpisu nemůže být v budoucnosti.', en: 'The signature date cannot be in the future.' });
      }
      if (amendment.recipientSignedAt && request.signedOn < pragueIsoDate(amendment.recipientSignedAt)) {
        throw DomainError.field('signedOn', 'DATE_BEFORE_RECIPIENT', {
          cs: 'Dodatek je uzavřen podpisem města, který nemůže předcházet podpisu příjemce.',
          en: 'The city cannot have signed before the recipient did.',
        });
      }
      const key = file ? `agreements/${agreement.id}/amendment-${amendment.number}-signed.pdf` : amendment.recipientCopyStorageKey!;
      if (file) await this.storage.put(key, file.bytes);
      const sha256 = file ? createHash('sha256').update(file.bytes).digest('hex') : amendment.recipientCopySha256!;
      const changes = { signedOn: request.signedOn, signedCopySha256: sha256, signedCopyStorageKey: key };
      return agreement.registerRequired ? { ...changes, status: 'signed' as const } : { ...changes, status: 'effective' as const };
    });
  }

  async publishAmendment(actor: Actor, amendmentId: string, request: PublicationRequest) {
    return this.amendmentStep(actor, amendmentId, request.version, 'signed', () => ({
      status: 'effective' as const,
      publishedOn: request.publishedOn,
      registerId: request.registerId,
    }));
  }

  private async amendmentStep(
    actor: Actor,
    amendmentId: string,
    version: number,
    from: AgreementAmendment['status'],
    work: (amendment: AgreementAmendment, agreement: Agreement, tx: Parameters<LedgerWriter['record']>[0]) => AmendmentChange | Promise<AmendmentChange>,
  ) {
    return this.unitOfWork.run(actor, async (tx) => {
      const amendment = await tx.manager.findOne(AgreementAmendment, { where: { id: amendmentId }, lock: { mode: 'pessimistic_write' } });
      if (!amendment) throw DomainError.notFound('agreement_amendment', amendmentId);
      if (amendment.version !== version) throw DomainError.staleVersion(amendmentView(amendment));
      if (amendment.status !== from)
        throw DomainError.conflict(
          'INVALID_STATE',
          { cs: `Dodatek je ve stavu „${amendment.status}“.`, en: `The amendment is "${amendment.status}".` },
          { currentStatus: amendment.status },
        );
      const agreement = await tx.manager.findOne(Agreement, { where: { id: amendment.agreementId }, lock: { mode: 'pessimistic_write' } });
      const changes = await work(amendment, agreement!, tx);
      const after = { ...amendment, ...changes, version: amendment.version + 1 };
      await tx.manager.update(AgreementAmendment, { id: amendment.id }, { ...changes, version: after.version });
      if (after.status === 'effective') {
        // Its terms become the agreement's next version; the document is rendered afresh for it.
        await tx.manager.update(
          Agreement,
          { id: agreement!.id },
          {
            ...amendment.terms,
            version: agreement!.version + 1,
            documentStorageKey: null,
            updatedAt: tx.now,
            rowVersion: agreement!.rowVersion + 1,
          },
        );
      }
      tx.audit({
        action: `agreement.amendment_${after.status}`,
        objectType: 'agreement',
        objectId: amendment.agreementId,
        before: { amendment: amendment.number, status: amendment.status },
        after: { amendment: amendment.number, status: after.status },
      });
      return amendmentView(after);
    });
  }

  /** The agreement as PDF, rendered once per version and kept. */
  async document(actor: Actor, agreementId: string): Promise<{ stream: Readable; fileName: string }> {
    await this.requireReader(actor, agreementId);
    const agreement = await this.dataSource.manager.findOneBy(Agreement, { id: agreementId });
    if (!agreement) throw DomainError.notFound('agreement', agreementId);
    const fileName = `${agreement.number.replace(/[^A-Za-z0-9-]/g, '_')}-v${agreement.version}.pdf`;
    if (agreement.documentStorageKey) return { stream: await this.storage.get(agreement.documentStorageKey), fileName };
    const pdf = await renderGrantAgreement(await this.documentData(agreement), { creationDate: agreement.createdAt });
    const key = `agreements/${agreement.id}/agreement-v${agreement.version}.pdf`;
    await this.storage.put(key, pdf);
    // A derived document of a fixed version: where it lies needs no audit entry.
    await this.dataSource.manager.update(Agreement, { id: agreement.id }, { documentStorageKey: key });
    return { stream: Readable.from(pdf), fileName };
  }

  registerState(agreement: Pick<Agreement, 'registerRequired' | 'signedOn' | 'publishedOn'>, now: Date): RegisterState {
    if (!agreement.registerRequired) return 'not_required';
    if (agreement.publishedOn) return 'published';
    if (!agreement.signedOn) return 'not_signed';
    const clock = this.registerClock(agreement, now)!;
    const today = pragueIsoDate(now);
    if (today >= clock.voidFrom) return 'void';
    if (today >= clock.overdueFrom) return 'overdue';
    if (today >= clock.warningFrom) return 'warning';
    return 'pending';
  }

  /** The register's clock while it runs (signed, over the threshold, not published); null otherwise. */
  registerClock(agreement: Pick<Agreement, 'registerRequired' | 'signedOn' | 'publishedOn'>, now: Date): RegisterClock | null {
    if (!agreement.registerRequired || agreement.publishedOn || !agreement.signedOn) return null;
    const rules = this.legalRules.at(agreement.signedOn).contractRegister;
    return {
      signedOn: agreement.signedOn,
      day: calendarDaysBetween(agreement.signedOn, pragueIsoDate(now)),
      warningFrom: addDays(agreement.signedOn, rules.publishWithinDays - 10),
      overdueFrom: addDays(agreement.signedOn, rules.publishWithinDays),
      voidFrom: addMonths(agreement.signedOn, rules.voidAfterMonths),
    };
  }

  private async recordContracted(tx: Parameters<LedgerWriter['record']>[0], agreement: Agreement): Promise<void> {
    const [row] = await tx.manager.query<{ call_id: string; budget_area_id: string }[]>(`SELECT a.call_id, a.budget_area_id FROM application a WHERE a.id = $1`, [
      agreement.applicationId,
    ]);
    const shares = (await this.ledger.sharesOf(tx.manager, [agreement.applicationId])).get(agreement.applicationId);
    await this.ledger.record(tx, [
      {
        kind: 'contracted',
        callId: row.call_id,
        budgetAreaId: row.budget_area_id,
        applicationId: agreement.applicationId,
        amount: agreement.amount,
        sourceType: 'agreement',
        sourceId: agreement.id,
        shares,
      },
    ]);
  }

  private async transition(
    actor: Actor,
    agreementId: string,
    version: number,
    action: keyof typeof TRANSITIONS,
    work: (agreement: Agreement, manager: EntityManager, tx: Parameters<LedgerWriter['record']>[0]) => Promise<{ type: string }>,
  ) {
    return this.unitOfWork.run(actor, async (tx) => {
      const agreement = await tx.manager.findOne(Agreement, { where: { id: agreementId }, lock: { mode: 'pessimistic_write' } });
      if (!agreement) throw DomainError.notFound('agreement', agreementId);
      if (agreement.rowVersion !== version) throw DomainError.staleVersion(await this.view(tx.manager, agreementId));
      if (!TRANSITIONS[action].includes(agreement.status)) {
        throw DomainError.conflict(
          'INVALID_STATE',
          {
            cs: `Smlouvu ve stavu „${agreement.status}“ nelze ${action === 'send' ? 'odeslat k podpisu' : action === 'sign' ? 'podepsat' : 'uveřejnit'}.`,
            en: `An agreement in state "${agreement.status}" cannot be ${action === 'send' ? 'sent' : action === 'sign' ? 'signed' : 'published'}.`,
          },
          { currentStatus: agreement.status },
        );
      }
      const event = await work(agreement, tx.manager, tx);
      await tx.manager.update(Agreement, { id: agreement.id }, { updatedAt: tx.now, rowVersion: agreement.rowVersion + 1 });
      const after = await tx.manager.findOneByOrFail(Agreement, { id: agreement.id });
      tx.audit({
        action: `agreement.${action}`,
        objectType: 'agreement',
        objectId: agreement.id,
        before: { status: agreement.status },
        after: { status: after.status, signedOn: after.signedOn, publishedOn: after.publishedOn, registerId: after.registerId, signedCopySha256: after.signedCopySha256 },
      });
      tx.emit({ type: event.type, aggregateType: 'agreement', aggregateId: agreement.id });
      return this.view(tx.manager, agreement.id);
    });
  }

  private async view(manager: EntityManager, agreementId: string) {
    const agreement = await manager.findOneBy(Agreement, { id: agreementId });
    if (!agreement) throw DomainError.notFound('agreement', agreementId);
    const [context] = await manager.query<{ number: string; title: string; call_id: string; call_code: string; organisation_id: string; organisation_name: string }[]>(
      `SELECT a.number, coalesce(a.title, c.title) AS title, c.id AS call_id, c.code AS call_code, o.id AS organisation_id, o.name AS organisation_name
         FROM application a JOIN grant_call c ON c.id = a.call_id JOIN organisation o ON o.id = a.organisation_id WHERE a.id = $1`,
      [agreement.applicationId],
    );
    const amendments = await manager.find(AgreementAmendment, { where: { agreementId }, order: { number: 'ASC' } });
    const now = this.clock.now();
    const registerState = this.registerState(agreement, now);
    const pendingAmendment = amendments.some((a) => a.status !== 'effective');
    const actions: AgreementAction[] =
      agreement.status === 'draft'
        ? ['send']
        : agreement.status === 'awaiting_signature'
          ? ['recipient_sign', 'sign']
          : agreement.status === 'signed' && registerState !== 'void'
            ? ['publish']
            : agreement.status === 'effective' && !pendingAmendment
              ? ['amend']
              : [];
    return {
      id: agreement.id,
      applicationId: agreement.applicationId,
      decisionId: agreement.decisionId,
      number: agreement.number,
      agreementVersion: agreement.version,
      status: agreement.status,
      amount: agreement.amount.toString(),
      committed: agreement.committed.toString(),
      remaining: agreement.amount.subtract(agreement.committed).toString(),
      purpose: agreement.purpose,
      purposeFrom: agreement.purposeFrom,
      purposeTo: agreement.purposeTo,
      settlementDeadline: agreement.settlementDeadline,
      conditions: agreement.conditions,
      tranches: agreement.tranches,
      registerRequired: agreement.registerRequired,
      registerState,
      registerClock: this.registerClock(agreement, now),
      application: { id: agreement.applicationId, number: context.number, title: context.title },
      call: { id: context.call_id, code: context.call_code },
      organisation: { id: context.organisation_id, name: context.organisation_name },
      recipientSignature: agreement.recipientSignedAt ? { signedAt: agreement.recipientSignedAt, sha256: agreement.recipientCopySha256! } : null,
      actions,
      amendments: amendments.map((a) => amendmentView(a, agreement)),
      signedOn: agreement.signedOn,
      signatories: agreement.signatories,
      signedCopySha256: agreement.signedCopySha256,
      publishedOn: agreement.publishedOn,
      registerId: agreement.registerId,
      // `version` is the optimistic-concurrency version every write sends back, as on every other resource.
      version: agreement.rowVersion,
    };
  }

  private async documentData(agreement: Agreement): Promise<GrantAgreementData> {
    const [row] = await this.dataSource.query<
      {
        number: string;
        title: string | null;
        draft: { representatives?: { name?: string; function?: string }[] };
        name: string;
        legal_form: string | null;
        ico: string;
        seat_street: string;
        seat_city: string;
        seat_postal_code: string;
        bank_account: string | null;
        call_id: string;
        call_code: string;
        call_title: string;
        area_code: string;
        area_name: string;
        body: 'council' | 'assembly';
        resolution: string;
        adopted_on: string;
      }[]
    >(
      `SELECT a.number, a.title, a.draft, o.name, o.legal_form, o.ico, o.seat_street, o.seat_city, o.seat_postal_code, o.bank_account,
              g.id AS call_id, g.code AS call_code, g.title AS call_title, b.code AS area_code, b.name AS area_name, r.body, r.number AS resolution, r.adopted_on::text AS adopted_on
         FROM application a JOIN organisation o ON o.id = a.organisation_id JOIN grant_call g ON g.id = a.call_id JOIN call_budget_area b ON b.id = a.budget_area_id
         JOIN award_decision d ON d.id = $2 JOIN resolution r ON r.id = d.resolution_id
        WHERE a.id = $1`,
      [agreement.applicationId, agreement.decisionId],
    );
    const activities = await this.dataSource.query<{ code: string; name: string; share_basis_points: number }[]>(
      `SELECT n.code, n.name, aa.share_basis_points FROM application_activity aa JOIN strategy_node n ON n.id = aa.strategy_node_id WHERE aa.application_id = $1 ORDER BY aa.share_basis_points DESC`,
      [agreement.applicationId],
    );
    const decision = await this.dataSource.manager.findOneByOrFail(AwardDecision, { id: agreement.decisionId });
    return {
      agreementNumber: agreement.number,
      version: agreement.version,
      provider: { ...PROVIDER, bankAccount: { ...PROVIDER.bankAccount }, representedBy: { ...PROVIDER.representedBy } },
      recipient: {
        name: row.name,
        legalForm: row.legal_form ?? 'právnická osoba',
        seat: `${row.seat_street}, ${row.seat_postal_code} ${row.seat_city}`,
        ico: row.ico,
        bankAccount: { number: row.bank_account!, bankName: bankNameOf(row.bank_account!) },
        statutoryRepresentatives: (row.draft.representatives ?? []).filter((r) => r.name).map((r) => ({ name: r.name!, role: r.function ?? 'statutární orgán' })),
      },
      call: { code: row.call_code, title: row.call_title },
      project: { applicationNumber: row.number, title: row.title ?? '' },
      budgetArea: { code: row.area_code, name: row.area_name },
      activities: activities.map((a) => ({
        code: a.code,
        name: a.name,
        sharePercent: `${Math.floor(a.share_basis_points / 100)}.${String(a.share_basis_points % 100).padStart(2, '0')}`,
      })),
      amount: agreement.amount.toString(),
      purpose: agreement.purpose,
      purposePeriod: { from: agreement.purposeFrom, to: agreement.purposeTo },
      payments: agreement.tranches.map((t) => ({ amount: t.amount, dueDate: t.dueDate, condition: t.condition })),
      conditions: [
        ...decision.conditions.map((text) => ({ text })),
        ...agreement.conditions.map((c) => (c.minor && c.penalty ? { text: c.text, minor: true as const, penalty: c.penalty } : { text: c.text })),
      ],
      settlement: { deadline: agreement.settlementDeadline, returnAccount: { ...PROVIDER.bankAccount }, variableSymbol: variableSymbolOf(row.number) },
      resolution: { body: row.body === 'assembly' ? 'zastupitelstvo' : 'rada', number: row.resolution, date: row.adopted_on },
      ...(agreement.templateVersion
        ? {
            transformationDuties: (await this.dataSource.manager.findOneByOrFail(AgreementTemplate, { callId: row.call_id, version: agreement.templateVersion }))
              .transformationDuties,
          }
        : {}),
      ...(agreement.version > 1
        ? { amendment: { changes: (await this.dataSource.manager.findOneByOrFail(AgreementAmendment, { agreementId: agreement.id, number: agreement.version - 1 })).changes } }
        : {}),
    };
  }
}

const STATUS_NAMES: Record<AgreementStatus, string> = {
  draft: 'návrh',
  awaiting_signature: 'čeká na podpis',
  signed: 'podepsána, čeká na uveřejnění',
  effective: 'účinná',
  void: 'zrušena',
};

const REGISTER_STATE_NAMES: Record<RegisterState, string> = {
  not_required: 'neuveřejňuje se',
  not_signed: 'dosud nepodepsána',
  pending: 've lhůtě',
  warning: 'blíží se konec lhůty',
  overdue: 'po lhůtě',
  void: 'zrušena (neuveřejněna do 3 měsíců)',
  published: 'uveřejněna',
};

/** A signed copy is a PDF of at most 20 MB, the type decided by the bytes. */
async function checkSignedCopy(bytes: Buffer): Promise<void> {
  const upload = await checkUpload(bytes, { allowed: ['pdf'], maxBytes: 20 * 1024 * 1024 });
  if (!upload.ok) {
    throw DomainError.field('file', 'SIGNED_COPY_INVALID', {
      cs: 'Podepsanou smlouvu nahrajte jako PDF (nejvýše 20 MB).',
      en: 'Upload the signed agreement as a PDF (at most 20 MB).',
    });
  }
}

/** A minor condition needs the levy its breach costs, in the shape its kind asks for. */
function toCondition(input: ConditionInput, index: number): AgreementCondition {
  if (!input.minor) return { text: input.text, minor: false };
  const p = input.penalty;
  const penalty =
    p?.kind === 'fixed' && p.amount
      ? { kind: 'fixed' as const, amount: p.amount }
      : p?.kind === 'percentage' && p.percent
        ? { kind: 'percentage' as const, percent: p.percent }
        : p?.kind === 'percentage-range' && p.minPercent && p.maxPercent
          ? { kind: 'percentage-range' as const, minPercent: p.minPercent, maxPercent: p.maxPercent }
          : null;
  if (!penalty) {
    throw DomainError.field(`conditions[${index}].penalty`, 'PENALTY_INCOMPLETE', {
      cs: 'U méně závažné povinnosti uveďte odvod: pevnou částku, procento, nebo rozpětí procent (§ 10a odst. 6).',
      en: 'A minor condition needs its levy: a fixed amount, a percentage or a percentage range.',
    });
  }
  return { text: input.text, minor: true, penalty };
}

/**
 * An amendment with the terms it replaces beside its own (before/after per changed field). Amendments proposed
 * before the previous terms were kept show the agreement's current terms while pending, nothing once effective.
 */
function amendmentView(amendment: AgreementAmendment, agreement?: Agreement) {
  const fallback =
    agreement && amendment.status !== 'effective'
      ? {
          ...(amendment.terms.tranches ? { tranches: agreement.tranches } : {}),
          ...(amendment.terms.conditions ? { conditions: agreement.conditions } : {}),
          ...(amendment.terms.purposeTo ? { purposeTo: agreement.purposeTo } : {}),
          ...(amendment.terms.settlementDeadline ? { settlementDeadline: agreement.settlementDeadline } : {}),
        }
      : null;
  return {
    id: amendment.id,
    agreementId: amendment.agreementId,
    number: amendment.number,
    reason: amendment.reason,
    changes: amendment.changes,
    terms: amendment.terms,
    previousTerms: amendment.previousTerms ?? fallback,
    recipientSignature: amendment.recipientSignedAt ? { signedAt: amendment.recipientSignedAt, sha256: amendment.recipientCopySha256! } : null,
    status: amendment.status,
    signedOn: amendment.signedOn,
    signedCopySha256: amendment.signedCopySha256,
    publishedOn: amendment.publishedOn,
    registerId: amendment.registerId,
    version: amendment.version,
  };
}

/** What a client sees of a template: its own fields, never the entity with its relations. */
function templateView(template: AgreementTemplate) {
  return {
    id: template.id,
    callId: template.callId,
    version: template.version,
    conditions: template.conditions,
    transformationDuties: template.transformationDuties,
    createdAt: template.createdAt,
    createdBy: template.createdBy,
  };
}
