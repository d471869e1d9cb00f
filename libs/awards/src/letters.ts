import { EntityManager } from 'typeorm';
import type { LetterCommonData } from '#documents';
import { PROVIDER } from './agreement.service.js';

/** What every letter to an applicant carries: reference, addressee, call, application, who handles it and who signs. */
export async function letterCommon(manager: EntityManager, applicationId: string, date: string, handlerUserId: string | null): Promise<LetterCommonData> {
  const [row] = await manager.query<
    {
      number: string;
      title: string | null;
      name: string;
      ico: string;
      seat_street: string;
      seat_postal_code: string;
      seat_city: string;
      code: string;
      call_title: string;
      display_name: string | null;
      email: string | null;
    }[]
  >(
    `SELECT a.number, a.title, o.name, o.ico, o.seat_street, o.seat_postal_code, o.seat_city, g.code, g.title AS call_title, u.display_name, u.email
       FROM application a JOIN organisation o ON o.id = a.organisation_id JOIN grant_call g ON g.id = a.call_id LEFT JOIN app_user u ON u.id = $2
      WHERE a.id = $1`,
    [applicationId, handlerUserId],
  );
  return {
    referenceNumber: `MHMP-NMC-${row.number}`,
    date,
    handledBy: { name: row.display_name ?? 'Oddělení národnostních menšin a cizinců', email: row.email ?? undefined },
    signatory: { ...PROVIDER.representedBy },
    addressee: { name: row.name, addressLines: [row.seat_street, `${row.seat_postal_code} ${row.seat_city}`], ico: row.ico },
    call: { code: row.code, title: row.call_title },
    application: { number: row.number, title: row.title ?? '' },
  };
}
