import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AccessService } from '#access';
import { Actor, DomainError, normaliseBankAccount, Page, PageQuery, pageOf, requireIco } from '#core';
import { Tx, UnitOfWork } from '#database';
import { AddMemberRequest, CreateOrganisationRequest, MemberView, OrganisationListQuery, OrganisationView, UpdateOrganisationRequest } from './dto.js';
import { Organisation, OrganisationMember, OrganisationVerification } from './entities.js';
import { toVerificationView } from './verification.js';

export function toOrganisationView(o: Organisation, verification?: OrganisationVerification | null): OrganisationView {
  return {
    id: o.id,
    type: o.type,
    legalForm: o.legalForm,
    name: o.name,
    ico: o.ico,
    seat: { street: o.seatStreet, city: o.seatCity, postalCode: o.seatPostalCode },
    bankAccount: o.bankAccount,
    dataBoxId: o.dataBoxId,
    version: o.version,
    createdAt: o.createdAt.toISOString(),
    updatedAt: o.updatedAt.toISOString(),
    verification: toVerificationView(verification),
  };
}

function requireBankAccount(value: string): string {
  const account = normaliseBankAccount(value);
  if (!account) {
    throw DomainError.field('bankAccount', 'BANK_ACCOUNT_INVALID', {
      cs: `Číslo účtu „${value}“ není platné (formát předčíslí-číslo/kód banky, kontrola modulo 11).`,
      en: `Bank account "${value}" is not valid (format prefix-number/bank code, modulo-11 check).`,
    });
  }
  return account;
}

const icoTaken = (ico: string) =>
  DomainError.field('ico', 'ICO_TAKEN', {
    cs: `Organizace s IČO ${ico} je už registrována. Požádejte o členství v ní (žádost o členství s tímto IČO); schválí ji její správce.`,
    en: `An organisation with IČO ${ico} is already registered. Ask to join it (a join request with this IČO); its owner approves it.`,
  });

const normalisePostalCode = (value: string) => value.replace(/\s+/g, '').replace(/^(\d{3})(\d{2})$/, '$1 $2');

@Injectable()
export class OrganisationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly access: AccessService,
  ) {}

  /**
   * Registers an organisation; an applicant who registers it becomes its owner and it starts unverified
   * (no submission until staff verify the owner's authority). Staff and admins register verified ones.
   */
  async create(actor: Actor, request: CreateOrganisationRequest): Promise<OrganisationView> {
    const byStaff = actor.roles.some((r) => r === 'staff' || r === 'admin');
    return this.unitOfWork.run(actor, (tx) => this.insert(tx, request, actor.roles.includes('applicant') ? actor.userId : null, byStaff ? 'verified' : 'unverified'));
  }

  async insert(tx: Tx, request: CreateOrganisationRequest, ownerUserId: string | null, verification: 'verified' | 'unverified'): Promise<OrganisationView> {
    const ico = requireIco(request.ico);
    if (request.type === 'ngo' && !request.legalForm) {
      throw DomainError.field('legalForm', 'LEGAL_FORM_REQUIRED', {
        cs: 'U nestátní neziskové organizace uveďte právní formu (spolek, o. p. s., ústav, nadace, nadační fond, církevní právnická osoba).',
        en: 'For an NGO, give its legal form.',
      });
    }
    if (await tx.manager.existsBy(Organisation, { ico })) throw icoTaken(ico);
    const organisation: Organisation = {
      id: randomUUID(),
      type: request.type,
      legalForm: request.type === 'ngo' ? request.legalForm! : null,
      name: request.name.trim(),
      ico,
      seatStreet: request.seatStreet.trim(),
      seatCity: request.seatCity.trim(),
      seatPostalCode: normalisePostalCode(request.seatPostalCode),
      bankAccount: request.bankAccount ? requireBankAccount(request.bankAccount) : null,
      dataBoxId: request.dataBoxId?.toLowerCase() ?? null,
      createdAt: tx.now,
      updatedAt: tx.now,
      version: 1,
    };
    await tx.manager.insert(Organisation, organisation).catch((error: { driverError?: { code?: string } }) => {
      // Two registrations of one IČO at once: the unique index decides, the loser gets the same answer.
      if (error.driverError?.code === '23505') throw icoTaken(ico);
      throw error;
    });
    const verified: OrganisationVerification = {
      organisationId: organisation.id,
      status: verification,
      authority: null,
      reason: verification === 'verified' ? 'Registrováno úřadem.' : null,
      evidenceStorageKey: null,
      evidenceFileName: null,
      evidenceMediaType: null,
      evidenceSha256: null,
      submittedAt: null,
      decidedAt: verification === 'verified' ? tx.now : null,
      decidedBy: verification === 'verified' ? tx.actor.userId : null,
      version: 1,
    };
    await tx.manager.insert(OrganisationVerification, verified);
    tx.audit({ action: 'organisation.created', objectType: 'organisation', objectId: organisation.id, after: toOrganisationView(organisation, verified) });
    if (ownerUserId) {
      await tx.manager.insert(OrganisationMember, { organisationId: organisation.id, userId: ownerUserId, role: 'owner', createdAt: tx.now });
      tx.audit({ action: 'organisation.member_added', objectType: 'organisation', objectId: organisation.id, after: { userId: ownerUserId, role: 'owner' } });
    }
    return toOrganisationView(organisation, verified);
  }

  async get(actor: Actor, id: string): Promise<OrganisationView> {
    await this.access.requireOrganisations(actor, 'read', [id]);
    const organisation = await this.dataSource.getRepository(Organisation).findOneBy({ id });
    if (!organisation) throw DomainError.notFound('organisation', id);
    return toOrganisationView(organisation, await this.dataSource.manager.findOneBy(OrganisationVerification, { organisationId: id }));
  }

  async list(actor: Actor, filter: OrganisationListQuery, page: PageQuery): Promise<Page<OrganisationView>> {
    const visible = await this.access.readableOrganisationIds(actor);
    const qb = this.dataSource.getRepository(Organisation).createQueryBuilder('o');
    if (visible) qb.andWhere('o.id = ANY(:visible::uuid[])', { visible });
    if (filter.type) qb.andWhere('o.type = :type', { type: filter.type });
    if (filter.verification) {
      qb.andWhere('EXISTS (SELECT 1 FROM organisation_verification v WHERE v.organisation_id = o.id AND v.status = :verification)', { verification: filter.verification });
    }
    if (filter.search) qb.andWhere('(o.name ILIKE :s OR o.ico LIKE :s)', { s: `%${filter.search.replace(/[\\%_]/g, '\\$&')}%` });
    const [items, total] = await qb.orderBy('o.name', 'ASC').addOrderBy('o.id').skip(page.offset).take(page.pageSize).getManyAndCount();
    // One query for the page's verifications, whatever its size.
    const verifications = items.length ? await this.dataSource.manager.findBy(OrganisationVerification, { organisationId: In(items.map((o) => o.id)) }) : [];
    const byId = new Map(verifications.map((v) => [v.organisationId, v]));
    return pageOf(
      items.map((o) => toOrganisationView(o, byId.get(o.id))),
      total,
      page,
    );
  }

  /** Optimistic concurrency: the caller sends the version it read; a stale one gets 409 with the current state. */
  async update(actor: Actor, id: string, request: UpdateOrganisationRequest): Promise<OrganisationView> {
    await this.access.requireOrganisations(actor, 'update', [id]);
    return this.unitOfWork.run(actor, async (tx) => {
      const current = await tx.manager.findOne(Organisation, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw DomainError.notFound('organisation', id);
      if (current.version !== request.version) {
        throw DomainError.conflict(
          'STALE_VERSION',
          {
            cs: 'Organizaci mezitím změnil někdo jiný. Načtěte aktuální údaje a změnu zopakujte.',
            en: 'Someone else changed the organisation meanwhile. Reload and repeat your change.',
          },
          { current: toOrganisationView(current, await tx.manager.findOneBy(OrganisationVerification, { organisationId: id })) },
        );
      }
      const verification = await tx.manager.findOneBy(OrganisationVerification, { organisationId: id });
      const before = toOrganisationView(current, verification);
      const { version: _, ...changes } = request;
      if (changes.name !== undefined) current.name = changes.name.trim();
      if (changes.seatStreet !== undefined) current.seatStreet = changes.seatStreet.trim();
      if (changes.seatCity !== undefined) current.seatCity = changes.seatCity.trim();
      if (changes.seatPostalCode !== undefined) current.seatPostalCode = normalisePostalCode(changes.seatPostalCode);
      if (changes.bankAccount !== undefined) current.bankAccount = requireBankAccount(changes.bankAccount);
      if (changes.dataBoxId !== undefined) current.dataBoxId = changes.dataBoxId.toLowerCase();
      current.updatedAt = tx.now;
      const result = await tx.manager
        .createQueryBuilder()
        .update(Organisation)
        .set({ ...current, version: current.version + 1 })
        .where('id = :id AND version = :version', { id, version: request.version })
        .execute();
      if (result.affected !== 1) throw DomainError.conflict('STALE_VERSION', { cs: 'Souběžná změna.', en: 'Concurrent change.' });
      const after = toOrganisationView({ ...current, version: current.version + 1 }, verification);
      tx.audit({ action: 'organisation.updated', objectType: 'organisation', objectId: id, before, after });
      return after;
    });
  }

  async members(actor: Actor, id: string): Promise<MemberView[]> {
    await this.access.requireOrganisations(actor, 'read', [id]);
    if (!(await this.dataSource.getRepository(Organisation).existsBy({ id }))) throw DomainError.notFound('organisation', id);
    return await this.dataSource.query<MemberView[]>(
      `SELECT m.user_id AS "userId", u.email, u.display_name AS "displayName", m.role
         FROM organisation_member m JOIN app_user u ON u.id = m.user_id
        WHERE m.organisation_id = $1 ORDER BY m.role DESC, u.email`,
      [id],
    );
  }

  async addMember(actor: Actor, id: string, request: AddMemberRequest): Promise<MemberView> {
    await this.access.requireOrganisations(actor, 'manage_members', [id]);
    return this.unitOfWork.run(actor, async (tx) => {
      if (!(await tx.manager.existsBy(Organisation, { id }))) throw DomainError.notFound('organisation', id);
      const [user] = await tx.manager.query<
        {
          id: string;
          email: string;
          display_name: string;
        }[]
      >('SELECT id, email, display_name FROM app_user WHERE email = $1', [request.email.trim().toLowerCase()]);
      if (!user) {
        throw DomainError.field('email', 'USER_NOT_FOUND', {
          cs: `Uživatel s e-mailem ${request.email} nemá účet. Ať se nejprve zaregistruje.`,
          en: `No account has the e-mail ${request.email}. Ask them to register first.`,
        });
      }
      if (await tx.manager.existsBy(OrganisationMember, { organisationId: id, userId: user.id })) {
        throw DomainError.conflict('ALREADY_MEMBER', { cs: 'Uživatel už je členem organizace.', en: 'The user is already a member.' });
      }
      await tx.manager.insert(OrganisationMember, { organisationId: id, userId: user.id, role: request.role, createdAt: tx.now });
      tx.audit({ action: 'organisation.member_added', objectType: 'organisation', objectId: id, after: { userId: user.id, role: request.role } });
      return { userId: user.id, email: user.email, displayName: user.display_name, role: request.role };
    });
  }
}
