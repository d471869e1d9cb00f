import { Role } from '#core';

/** What a route or a service may require. Object-level rules live in AccessService. */
export enum Permission {
  AccountSelf = 'account.self',
  UserRead = 'user.read',
  UserManage = 'user.manage',
  OrganisationCreate = 'organisation.create',
  OrganisationRead = 'organisation.read',
  OrganisationUpdate = 'organisation.update',
  OrganisationMembersManage = 'organisation.members.manage',
  /** Decide who may act for an organisation: verify or reject the owner's evidence (staff). */
  OrganisationVerify = 'organisation.verify',
  AuditRead = 'audit.read',
  AuditVerify = 'audit.verify',
  /** Queue counts, failed jobs, the dead-letter list, the local mail sink. */
  QueueRead = 'queue.read',
  /** Re-queue dead letters and failed jobs. */
  QueueManage = 'queue.manage',
  CallRead = 'call.read',
  CallManage = 'call.manage',
  ApplicationRead = 'application.read',
  /** Create, edit, upload, submit, withdraw: acting as the applicant. */
  ApplicationWrite = 'application.write',
  /** The formal check: checklist, remedy requests, acceptance, exclusion, mapping corrections. */
  ApplicationCheck = 'application.check',
  /** Set up a commission, assign reviews, run its sessions (staff; the secretary). */
  EvaluationManage = 'evaluation.manage',
  /** Declare conflicts, score assigned applications, vote (commission members). */
  EvaluationReview = 'evaluation.review',
  /** Scores, rankings, recommendations and minutes of every commission (staff, auditors). */
  EvaluationRead = 'evaluation.read',
  /** A commission, its sessions and their agendas: staff and auditors every one, members their own (object-level in AccessService). */
  CommissionRead = 'commission.read',
  /** Prepare batches and record resolutions with their award decisions (staff). */
  AwardManage = 'award.manage',
  /** Decisions, funding and the ledger (staff, auditors). */
  AwardRead = 'award.read',
  /** Trace money to the strategy and run the reports (staff, auditors); every run is audited. */
  ReportRead = 'report.read',
  /** Move the clock of a non-production system (rehearsing a round); admins only. */
  SystemClockManage = 'system.clock.manage',
}

const everyone = [Permission.AccountSelf];

/**
 * Role → permissions, as data: a diff here is a permission change, and the route snapshot test
 * shows which routes it touches. Auditors get only read permissions: they read everything and
 * write nothing.
 */
export const ROLE_PERMISSIONS: Readonly<Record<Role, readonly Permission[]>> = {
  applicant: [
    ...everyone,
    Permission.OrganisationCreate,
    Permission.OrganisationRead,
    Permission.OrganisationUpdate,
    Permission.OrganisationMembersManage,
    Permission.ApplicationRead,
    Permission.ApplicationWrite,
  ],
  staff: [
    ...everyone,
    Permission.UserRead,
    Permission.OrganisationCreate,
    Permission.OrganisationRead,
    Permission.OrganisationUpdate,
    Permission.OrganisationMembersManage,
    Permission.OrganisationVerify,
    Permission.CallRead,
    Permission.CallManage,
    Permission.ApplicationRead,
    Permission.ApplicationCheck,
    Permission.QueueRead,
    Permission.QueueManage,
    Permission.EvaluationManage,
    Permission.EvaluationRead,
    Permission.CommissionRead,
    Permission.AwardManage,
    Permission.AwardRead,
    Permission.ReportRead,
  ],
  commission_member: [...everyone, Permission.EvaluationReview, Permission.CommissionRead],
  auditor: [
    ...everyone,
    Permission.UserRead,
    Permission.OrganisationRead,
    Permission.AuditRead,
    Permission.AuditVerify,
    Permission.QueueRead,
    Permission.CallRead,
    Permission.ApplicationRead,
    Permission.EvaluationRead,
    Permission.CommissionRead,
    Permission.AwardRead,
    Permission.ReportRead,
  ],
  admin: Object.values(Permission),
};

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((role) => ROLE_PERMISSIONS[role] ?? []));
}

export function hasPermission(roles: readonly Role[], permission: Permission): boolean {
  return roles.some((role) => ROLE_PERMISSIONS[role]?.includes(permission));
}
