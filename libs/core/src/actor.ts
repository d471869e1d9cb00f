/** Who is acting, as every service and the audit log see it. */
export type Role = 'applicant' | 'staff' | 'commission_member' | 'auditor' | 'admin';
export const ROLES: readonly Role[] = ['applicant', 'staff', 'commission_member', 'auditor', 'admin'];

export interface Actor {
  userId: string | null; // null for the system itself (jobs, imports, anonymous requests)
  roles: readonly Role[];
  sessionId?: string;
  correlationId: string;
  language: 'cs' | 'en';
}

export function systemActor(correlationId: string): Actor {
  return { userId: null, roles: [], correlationId, language: 'cs' };
}
