import { readFile } from 'node:fs/promises';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Role, systemActor } from '#core';
import { UnitOfWork } from '#database';
import { User, UserService } from '#identity';
import { CreateOrganisationRequest, Organisation, OrganisationMember, OrganisationService } from '#organisations';
import { StrategyService } from '#strategy';

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

/** City districts with their public IČO and seat; the fictional NGOs are marked "(demo)". */
const DEMO_ORGANISATIONS: (CreateOrganisationRequest & { owner?: string })[] = [
  { type: 'city_district', name: 'Městská část Praha 1', ico: '00063410', seatStreet: 'Vodičkova 681/18', seatCity: 'Praha 1', seatPostalCode: '115 68' },
  { type: 'city_district', name: 'Městská část Praha 2', ico: '00063461', seatStreet: 'nám. Míru 600/20', seatCity: 'Praha 2', seatPostalCode: '120 39' },
  { type: 'city_district', name: 'Městská část Praha 3', ico: '00063517', seatStreet: 'Havlíčkovo nám. 700/9', seatCity: 'Praha 3', seatPostalCode: '130 85', owner: 'mc3@demo.praha.eu' },
  { type: 'city_district', name: 'Městská část Praha 5', ico: '00063631', seatStreet: 'nám. 14. října 1381/4', seatCity: 'Praha 5', seatPostalCode: '150 22' },
  { type: 'ngo', legalForm: 'spolek', name: 'Sousedé bez hranic, z. s. (demo)', ico: '27900011', seatStreet: 'Koněvova 12', seatCity: 'Praha 3', seatPostalCode: '130 00', bankAccount: '19-2000145399/0800', owner: 'zadatel@demo.praha.eu' },
  { type: 'ngo', legalForm: 'ops', name: 'Jazyková škola Most, o. p. s. (demo)', ico: '27900029', seatStreet: 'Na Poříčí 8', seatCity: 'Praha 1', seatPostalCode: '110 00' },
  { type: 'ngo', legalForm: 'ustav', name: 'Komunitní tlumočení Praha, z. ú. (demo)', ico: '27900037', seatStreet: 'Ječná 22', seatCity: 'Praha 2', seatPostalCode: '120 00' },
  { type: 'ngo', legalForm: 'nadacni_fond', name: 'Nadační fond Nový domov (demo)', ico: '27900045', seatStreet: 'Plzeňská 50', seatCity: 'Praha 5', seatPostalCode: '150 00' },
];

export const STRATEGY_SEEDS = [
  new URL('../../../../libs/strategy/seeds/koncepce-2022-2027.txt', import.meta.url),
  new URL('../../../../libs/strategy/seeds/akcni-plan-2023.txt', import.meta.url),
];

/**
 * Loads the demo data set. Idempotent: what exists (by e-mail, IČO, document hash) is left alone,
 * so it runs on every start.
 */
@Injectable()
export class DemoData {
  private readonly logger = new Logger('DemoData');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
    private readonly users: UserService,
    private readonly organisations: OrganisationService,
    private readonly strategy: StrategyService,
  ) {}

  async load(): Promise<void> {
    const actor = systemActor('demo-data');
    for (const seed of STRATEGY_SEEDS) {
      const result = await this.strategy.importDocument(actor, await readFile(seed, 'utf8'), seed.pathname.split('/').pop()!);
      if (result.created) this.logger.log(`imported ${result.version.title}`);
    }
    const existingEmails = new Set((await this.dataSource.getRepository(User).find({ select: { email: true } })).map((u) => u.email));
    const existingIcos = new Set((await this.dataSource.getRepository(Organisation).find({ select: { ico: true } })).map((o) => o.ico));
    const missingUsers = DEMO_USERS.filter((u) => !existingEmails.has(u.email));
    const missingOrganisations = DEMO_ORGANISATIONS.filter((o) => !existingIcos.has(o.ico));
    if (missingUsers.length > 0 || missingOrganisations.length > 0) {
      const passwordHash = await this.users.hashPassword(DEMO_PASSWORD);
      await this.unitOfWork.run(actor, async (tx) => {
        for (const user of missingUsers) await this.users.insert(tx, { ...user, passwordHash });
        for (const { owner, ...organisation } of missingOrganisations) {
          const ownerRow = owner ? await tx.manager.findOneByOrFail(User, { email: owner }) : null;
          await this.organisations.insert(tx, organisation, ownerRow?.id ?? null);
        }
      });
    }
    const members = await this.dataSource.getRepository(OrganisationMember).count();
    this.logger.log(`demo data ready (${DEMO_USERS.length} users, ${DEMO_ORGANISATIONS.length} organisations, ${members} memberships)`);
  }
}
