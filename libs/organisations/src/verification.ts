import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AccessService } from '#access';
import { Actor, DomainError, LocalisedText, requireIco, StatusMachine } from '#core';
import { UnitOfWork } from '#database';
import { checkUpload, FileStorage, safeFileName } from '#storage';
import { AUTHORITY_KINDS, Organisation, OrganisationJoinRequest, OrganisationMember, OrganisationVerification } from './entities.js';
import type { AuthorityKind, JoinRequestStatus, VerificationStatus } from './entities.js';

export type VerificationAction = 'submit_evidence' | 'verify' | 'reject';

/**
 * The verification of who may act for an organisation, as data. Staff may verify an organisation they
 * checked otherwise (a public register) without evidence; a rejected claim can be made again.
 */
export const VERIFICATION_MACHINE = new StatusMachine<VerificationStatus, VerificationAction>(
  'organisation_verification',
  {
    submit_evidence: { from: ['unverified', 'rejected'], to: 'pending' },
    verify: { from: ['unverified', 'pending', 'rejected'], to: 'verified' },
    reject: { from: ['pending'], to: 'rejected' },
  },
  {
    unverified: { cs: 'neověřená', en: 'unverified' },
    pending: { cs: 'čeká na ověření', en: 'awaiting verification' },
    verified: { cs: 'ověřená', en: 'verified' },
    rejected: { cs: 'ověření zamítnuto', en: 'verification rejected' },
  },
  {
    submit_evidence: { cs: 'doložit oprávnění jednat za organizaci', en: 'submit evidence of authority' },
    verify: { cs: 'ověřit', en: 'verify' },
    reject: { cs: 'zamítnout ověření', en: 'reject the verification' },
  },
);

/** What the owner hands in: the kind of authority and the document proving it. */
export interface VerificationEvidence {
  authority: AuthorityKind;
  fileName: string;
  mediaType: string;
  sha256: string;
  storageKey: string;
}

export type VerifierDecision = { status: 'verified'; note: string } | { status: 'rejected'; reason: string };

/**
 * Decides whether the evidence proves the person's authority. The manual implementation leaves every
 * case to staff (`'needs_person'`); an automatic check against the public business register (ARES: the
 * statutory body of the IČO) can replace it by binding another class to ORGANISATION_VERIFIER, answering
 * `'needs_person'` for what it cannot decide (a power of attorney, a person not in the register).
 */
export interface OrganisationVerifier {
  verify(organisation: Organisation, evidence: VerificationEvidence): Promise<VerifierDecision | 'needs_person'>;
}

export const ORGANISATION_VERIFIER = Symbol('ORGANISATION_VERIFIER');

@Injectable()
export class ManualOrganisationVerifier implements OrganisationVerifier {
  verify(): Promise<'needs_person'> {
    return Promise.resolve('needs_person');
  }
}

export interface VerificationView {
  status: VerificationStatus;
  statusName: LocalisedText;
  authority: AuthorityKind | null;
  reason: string | null;
  evidenceFileName: string | null;
  submittedAt: string | null;
  decidedAt: string | null;
}

export function toVerificationView(v: OrganisationVerification | null | undefined): VerificationView {
  const status = v?.status ?? 'unverified';
  return {
    status,
    statusName: VERIFICATION_MACHINE.statusName(status),
    authority: v?.authority ?? null,
    reason: v?.reason ?? null,
    evidenceFileName: v?.evidenceFileName ?? null,
    submittedAt: v?.submittedAt?.toISOString() ?? null,
    decidedAt: v?.decidedAt?.toISOString() ?? null,
  };
}

/** Submission and other acts for the applicant need a verified organisation: 409 ORGANISATION_NOT_VERIFIED otherwise. */
export async function assertOrganisationVerified(manager: EntityManager, organisationId: string): Promise<void> {
  const verification = await manager.findOneBy(OrganisationVerification, { organisationId });
  const status = verification?.status ?? 'unverified';
  if (status === 'verified') return;
  throw DomainError.conflict(
    'ORGANISATION_NOT_VERIFIED',
    {
      cs: `Organizace zatím není ověřena (${VERIFICATION_MACHINE.statusName(status).cs}): žádost lze podat, až úřad ověří oprávnění jednat za ni (statutární orgán nebo plná moc, § 10a odst. 3 písm. f) zákona č. 250/2000 Sb.). Doklad nahrajte v profilu organizace.`,
      en: `The organisation is not verified yet (${VERIFICATION_MACHINE.statusName(status).en}): the application can be submitted once staff have verified the authority to act for it (statutory body or power of attorney). Upload the evidence in the organisation's profile.`,
    },
    { organisationId, verificationStatus: status },
  );
}

const REJECTIONS = {
  empty: { cs: 'Soubor je prázdný.', en: 'The file is empty.' },
  too_large: { cs: 'Soubor je větší než 10 MB.', en: 'The file is larger than 10 MB.' },
  unknown_type: {
    cs: 'Obsah souboru neodpovídá žádnému povolenému formátu (rozhoduje obsah, ne přípona).',
    en: 'The content matches no accepted format (the content decides, not the extension).',
  },
  type_not_allowed: { cs: 'Doklad přijímáme jako PDF nebo obrázek (PNG, JPEG).', en: 'The evidence must be a PDF or an image (PNG, JPEG).' },
} as const;

export interface JoinRequestView {
  id: string;
  organisation: { id: string; name: string; ico: string };
  user: { id: string; email: string; displayName: string };
  status: JoinRequestStatus;
  message: string | null;
  reason: string | null;
  createdAt: string;
  decidedAt: string | null;
}

/**
 * Who may act for an organisation: the owner's evidence of authority and staff's decision on it, and
 * people asking to join an organisation someone else registered. Every decision is audited and told
 * to the people concerned through the outbox.
 */
@Injectable()
export class OrganisationVerificationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly access: AccessService,
    private readonly storage: FileStorage,
    @Inject(ORGANISATION_VERIFIER) private readonly verifier: OrganisationVerifier,
  ) {}

  async get(actor: Actor, organisationId: string): Promise<VerificationView> {
    await this.access.requireOrganisations(actor, 'read', [organisationId]);
    await this.organisation(this.dataSource.manager, organisationId);
    return toVerificationView(await this.dataSource.manager.findOneBy(OrganisationVerification, { organisationId }));
  }

  /** The owner hands in the evidence (PDF or image, checked on its bytes); the verifier decides or leaves it to staff. */
  async submitEvidence(
    actor: Actor,
    organisationId: string,
    authorityField: string | undefined,
    file: { originalName: string; bytes: Buffer } | undefined,
  ): Promise<VerificationView> {
    await this.access.requireOrganisations(actor, 'manage_members', [organisationId]);
    if (!AUTHORITY_KINDS.includes(authorityField as AuthorityKind)) {
      throw DomainError.field('authority', 'AUTHORITY_REQUIRED', {
        cs: 'Uveďte, na základě čeho za organizaci jednáte: statutory_body (statutární orgán) nebo power_of_attorney (plná moc).',
        en: 'Say what gives you the authority: statutory_body or power_of_attorney.',
      });
    }
    const authority = authorityField as AuthorityKind;
    if (!file) throw DomainError.field('file', 'FILE_REQUIRED', { cs: 'Přiložte doklad o oprávnění (pole „file“).', en: 'Attach the evidence (field "file").' });
    const check = await checkUpload(file.bytes, { allowed: ['pdf', 'png', 'jpeg'], maxBytes: 10 * 1024 * 1024 });
    if (!check.ok) throw DomainError.field('file', `FILE_${check.reason.toUpperCase()}`, REJECTIONS[check.reason]);
    const storageKey = `organisations/${organisationId}/verification/${randomUUID()}`;
    // The bytes go first: a row never points at a missing file.
    const stored = await this.storage.put(storageKey, file.bytes);
    const evidence: VerificationEvidence = {
      authority,
      fileName: safeFileName(file.originalName, check.extension, 'doklad'),
      mediaType: check.mediaType,
      sha256: stored.sha256,
      storageKey,
    };
    return this.unitOfWork.run(actor, async (tx) => {
      const organisation = await this.organisation(tx.manager, organisationId);
      const current = await this.lock(tx.manager, organisationId);
      const before = toVerificationView(current);
      VERIFICATION_MACHINE.assert('submit_evidence', current.status);
      Object.assign(current, {
        status: 'pending',
        authority,
        reason: null,
        evidenceStorageKey: evidence.storageKey,
        evidenceFileName: evidence.fileName,
        evidenceMediaType: evidence.mediaType,
        evidenceSha256: evidence.sha256,
        submittedAt: tx.now,
        decidedAt: null,
        decidedBy: null,
      } satisfies Partial<OrganisationVerification>);
      await tx.manager.save(OrganisationVerification, current);
      tx.audit({ action: 'organisation.verification_submitted', objectType: 'organisation', objectId: organisationId, before, after: toVerificationView(current) });
      const decision = await this.verifier.verify(organisation, evidence);
      if (decision !== 'needs_person') {
        const to = VERIFICATION_MACHINE.assert(decision.status === 'verified' ? 'verify' : 'reject', current.status);
        Object.assign(current, { status: to, reason: decision.status === 'verified' ? decision.note : decision.reason, decidedAt: tx.now, decidedBy: null });
        await tx.manager.save(OrganisationVerification, current);
        tx.audit({ action: `organisation.verification_${to}`, objectType: 'organisation', objectId: organisationId, after: { ...toVerificationView(current), automatic: true } });
        tx.emit({ type: 'organisation.verification_decided', aggregateType: 'organisation', aggregateId: organisationId, payload: { status: to } });
      }
      return toVerificationView(current);
    });
  }

  /** Staff decide: verified, or rejected with a reason the owner reads. */
  async decide(actor: Actor, organisationId: string, decision: 'verified' | 'rejected', reason: string | undefined): Promise<VerificationView> {
    const text = reason?.trim() || null;
    if (decision === 'rejected' && !text) {
      throw DomainError.field('reason', 'REASON_REQUIRED', {
        cs: 'Uveďte důvod zamítnutí; uvidí ho správce organizace.',
        en: 'Give the reason for the rejection; the owner will read it.',
      });
    }
    return this.unitOfWork.run(actor, async (tx) => {
      await this.organisation(tx.manager, organisationId);
      const current = await this.lock(tx.manager, organisationId);
      const before = toVerificationView(current);
      const to = VERIFICATION_MACHINE.assert(decision === 'verified' ? 'verify' : 'reject', current.status);
      Object.assign(current, { status: to, reason: text, decidedAt: tx.now, decidedBy: actor.userId });
      await tx.manager.save(OrganisationVerification, current);
      const after = toVerificationView(current);
      tx.audit({ action: `organisation.verification_${to}`, objectType: 'organisation', objectId: organisationId, before, after });
      tx.emit({ type: 'organisation.verification_decided', aggregateType: 'organisation', aggregateId: organisationId, payload: { status: to } });
      return after;
    });
  }

  /** The evidence file, for staff and the organisation's members. */
  async evidence(actor: Actor, organisationId: string): Promise<{ stream: Readable; fileName: string; mediaType: string }> {
    await this.access.requireOrganisations(actor, 'read', [organisationId]);
    const verification = await this.dataSource.manager.findOneBy(OrganisationVerification, { organisationId });
    if (!verification?.evidenceStorageKey) throw DomainError.notFound('evidence', organisationId);
    return { stream: await this.storage.get(verification.evidenceStorageKey), fileName: verification.evidenceFileName!, mediaType: verification.evidenceMediaType! };
  }

  /** Someone asks to join the organisation with this IČO; its owners hear about it. */
  async requestToJoin(actor: Actor, ico: string, message: string | undefined): Promise<JoinRequestView> {
    const normalised = requireIco(ico);
    return this.unitOfWork.run(actor, async (tx) => {
      const organisation = await tx.manager.findOneBy(Organisation, { ico: normalised });
      if (!organisation) {
        throw DomainError.field('ico', 'ORGANISATION_NOT_REGISTERED', {
          cs: `Organizace s IČO ${normalised} není registrována; můžete ji zaregistrovat.`,
          en: `No organisation with IČO ${normalised} is registered; you can register it.`,
        });
      }
      if (await tx.manager.existsBy(OrganisationMember, { organisationId: organisation.id, userId: actor.userId! })) {
        throw DomainError.conflict('ALREADY_MEMBER', { cs: 'Už jste členem této organizace.', en: 'You are already a member of this organisation.' });
      }
      const request: OrganisationJoinRequest = {
        id: randomUUID(),
        organisationId: organisation.id,
        userId: actor.userId!,
        status: 'pending',
        message: message?.trim() || null,
        reason: null,
        createdAt: tx.now,
        decidedAt: null,
        decidedBy: null,
      };
      await tx.manager.insert(OrganisationJoinRequest, request).catch((error: { driverError?: { code?: string } }) => {
        if (error.driverError?.code === '23505') {
          throw DomainError.conflict('JOIN_REQUEST_PENDING', {
            cs: 'O členství v této organizaci už jste požádali; žádost čeká na vyřízení.',
            en: 'You have already asked to join this organisation; the request is waiting.',
          });
        }
        throw error;
      });
      tx.audit({ action: 'organisation.join_requested', objectType: 'organisation', objectId: organisation.id, after: { requestId: request.id, userId: request.userId } });
      tx.emit({ type: 'organisation.join_requested', aggregateType: 'organisation', aggregateId: organisation.id, payload: { requestId: request.id } });
      return (await this.joinRequestViews(tx.manager, 'r.id = $1', [request.id]))[0];
    });
  }

  /** The requests to join one organisation (its owners and staff), newest first. */
  async joinRequests(actor: Actor, organisationId: string): Promise<JoinRequestView[]> {
    await this.access.requireOrganisations(actor, 'manage_members', [organisationId]);
    await this.organisation(this.dataSource.manager, organisationId);
    return this.joinRequestViews(this.dataSource.manager, 'r.organisation_id = $1', [organisationId]);
  }

  /** The caller's own requests, newest first. */
  async myJoinRequests(actor: Actor): Promise<JoinRequestView[]> {
    return this.joinRequestViews(this.dataSource.manager, 'r.user_id = $1', [actor.userId]);
  }

  /** The owner (or staff) approves, making the person a member, or refuses with a reason. */
  async decideJoin(actor: Actor, requestId: string, approve: boolean, reason: string | undefined): Promise<JoinRequestView> {
    const found = await this.dataSource.manager.findOneBy(OrganisationJoinRequest, { id: requestId });
    if (!found) throw DomainError.notFound('join_request', requestId);
    await this.access.requireOrganisations(actor, 'manage_members', [found.organisationId]);
    return this.unitOfWork.run(actor, async (tx) => {
      const request = await tx.manager.findOne(OrganisationJoinRequest, { where: { id: requestId }, lock: { mode: 'pessimistic_write' } });
      if (!request) throw DomainError.notFound('join_request', requestId);
      if (request.status !== 'pending') {
        throw DomainError.conflict(
          'INVALID_STATE',
          { cs: 'Žádost o členství už byla vyřízena.', en: 'The request to join has already been decided.' },
          { currentStatus: request.status },
        );
      }
      const status: JoinRequestStatus = approve ? 'approved' : 'refused';
      await tx.manager.update(OrganisationJoinRequest, { id: requestId }, { status, reason: reason?.trim() || null, decidedAt: tx.now, decidedBy: actor.userId });
      if (approve) {
        await tx.manager
          .createQueryBuilder()
          .insert()
          .into(OrganisationMember)
          .values({ organisationId: request.organisationId, userId: request.userId, role: 'member', createdAt: tx.now })
          .orIgnore()
          .execute();
        tx.audit({
          action: 'organisation.member_added',
          objectType: 'organisation',
          objectId: request.organisationId,
          after: { userId: request.userId, role: 'member', requestId },
        });
      }
      tx.audit({
        action: `organisation.join_${status}`,
        objectType: 'organisation',
        objectId: request.organisationId,
        before: { status: 'pending' },
        after: { requestId, status, reason },
      });
      tx.emit({ type: 'organisation.join_decided', aggregateType: 'organisation', aggregateId: request.organisationId, payload: { requestId } });
      return (await this.joinRequestViews(tx.manager, 'r.id = $1', [requestId]))[0];
    });
  }

  private async organisation(manager: EntityManager, id: string): Promise<Organisation> {
    const organisation = await manager.findOneBy(Organisation, { id });
    if (!organisation) throw DomainError.notFound('organisation', id);
    return organisation;
  }

  /** The organisation's verification row, locked; organisations always have one (created with them). */
  private async lock(manager: EntityManager, organisationId: string): Promise<OrganisationVerification> {
    const row = await manager.findOne(OrganisationVerification, { where: { organisationId }, lock: { mode: 'pessimistic_write' } });
    if (!row) throw DomainError.notFound('organisation', organisationId);
    return row;
  }

  private async joinRequestViews(manager: EntityManager, where: string, params: unknown[]): Promise<JoinRequestView[]> {
    const rows = await manager.query<
      (Omit<JoinRequestView, 'organisation' | 'user' | 'createdAt' | 'decidedAt'> & {
        organisationId: string;
        organisationName: string;
        ico: string;
        userId: string;
        email: string;
        displayName: string;
        createdAt: Date;
        decidedAt: Date | null;
      })[]
    >(
      `SELECT r.id, r.status, r.message, r.reason, r.created_at AS "createdAt", r.decided_at AS "decidedAt",
              o.id AS "organisationId", o.name AS "organisationName", o.ico, u.id AS "userId", u.email, u.display_name AS "displayName"
         FROM organisation_join_request r JOIN organisation o ON o.id = r.organisation_id JOIN app_user u ON u.id = r.user_id
        WHERE ${where} ORDER BY r.created_at DESC, r.id`,
      params,
    );
    return rows.map((r) => ({
      id: r.id,
      organisation: { id: r.organisationId, name: r.organisationName, ico: r.ico },
      user: { id: r.userId, email: r.email, displayName: r.displayName },
      status: r.status,
      message: r.message,
      reason: r.reason,
      createdAt: new Date(r.createdAt).toISOString(),
      decidedAt: r.decidedAt ? new Date(r.decidedAt).toISOString() : null,
    }));
  }
}
