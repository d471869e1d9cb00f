import type { Role } from '#core';

/** The demo data's password and main accounts: loaded by `npm start`, listed by the development-only "sign in as". */
export const DEMO_PASSWORD = 'Demo-heslo-2023!';

export const DEMO_USERS: { email: string; displayName: string; roles: Role[] }[] = [
  { email: 'admin@demo.praha.eu', displayName: 'Správce systému', roles: ['admin'] },
  { email: 'referent@demo.praha.eu', displayName: 'Jana Referentová (odd. NMC)', roles: ['staff'] },
  { email: 'komise1@demo.praha.eu', displayName: 'Petr Hodnotitel', roles: ['commission_member'] },
  { email: 'komise2@demo.praha.eu', displayName: 'Eva Posuzovatelka', roles: ['commission_member'] },
  { email: 'auditor@demo.praha.eu', displayName: 'Karel Kontrolor', roles: ['auditor'] },
  { email: 'zadatel@demo.praha.eu', displayName: 'Marie Žadatelová', roles: ['applicant'] },
  { email: 'mc3@demo.praha.eu', displayName: 'Tomáš Radní (MČ Praha 3)', roles: ['applicant'] },
];
