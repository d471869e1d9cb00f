import { readFile } from 'node:fs/promises';
import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Role, systemActor } from '#core';
import { UnitOfWork } from '#database';
import { DEMO_PASSWORD, DEMO_USERS, User, UserService } from '#identity';
import { CreateOrganisationRequest, Organisation, OrganisationMember, OrganisationService } from '#organisations';
import { StrategyService } from '#strategy';
import { DemoRound } from './demo-round.js';
import type { DemoApplicant } from './demo-round.js';

export { DEMO_PASSWORD, DEMO_USERS };

/** City districts with their public IČO and seat; the fictional NGOs are marked "(demo)". */
const DEMO_ORGANISATIONS: (CreateOrganisationRequest & { owner?: string })[] = [
  { type: 'city_district', name: 'Městská část Praha 1', ico: '00063410', seatStreet: 'Vodičkova 681/18', seatCity: 'Praha 1', seatPostalCode: '115 68' },
  { type: 'city_district', name: 'Městská část Praha 2', ico: '00063461', seatStreet: 'nám. Míru 600/20', seatCity: 'Praha 2', seatPostalCode: '120 39' },
  {
    type: 'city_district',
    name: 'Městská část Praha 3',
    ico: '00063517',
    seatStreet: 'Havlíčkovo nám. 700/9',
    seatCity: 'Praha 3',
    seatPostalCode: '130 85',
    owner: 'mc3@demo.praha.eu',
  },
  { type: 'city_district', name: 'Městská část Praha 5', ico: '00063631', seatStreet: 'nám. 14. října 1381/4', seatCity: 'Praha 5', seatPostalCode: '150 22' },
  { type: 'city_district', name: 'Městská část Praha 4', ico: '00063584', seatStreet: 'Antala Staška 2059/80b', seatCity: 'Praha 4', seatPostalCode: '140 46' },
  { type: 'city_district', name: 'Městská část Praha 6', ico: '00063703', seatStreet: 'Čs. armády 601/23', seatCity: 'Praha 6', seatPostalCode: '160 52' },
  { type: 'city_district', name: 'Městská část Praha 7', ico: '00063754', seatStreet: 'U Průhonu 1338/38', seatCity: 'Praha 7', seatPostalCode: '170 00' },
  { type: 'city_district', name: 'Městská část Praha 8', ico: '00063797', seatStreet: 'Zenklova 1/35', seatCity: 'Praha 8', seatPostalCode: '180 48' },
  { type: 'city_district', name: 'Městská část Praha 9', ico: '00063801', seatStreet: 'Sokolovská 324/14', seatCity: 'Praha 9', seatPostalCode: '180 49' },
  { type: 'city_district', name: 'Městská část Praha 10', ico: '00063941', seatStreet: 'Vršovická 1429/68', seatCity: 'Praha 10', seatPostalCode: '101 38' },
  { type: 'city_district', name: 'Městská část Praha 11', ico: '00231151', seatStreet: 'Ocelíkova 672/1', seatCity: 'Praha 11', seatPostalCode: '149 41' },
  { type: 'city_district', name: 'Městská část Praha 13', ico: '00241687', seatStreet: 'Sluneční nám. 2580/13', seatCity: 'Praha 13', seatPostalCode: '158 00' },
  { type: 'city_district', name: 'Městská část Praha 14', ico: '00231312', seatStreet: 'Bratří Venclíků 1073/8', seatCity: 'Praha 14', seatPostalCode: '198 21' },
  { type: 'city_district', name: 'Městská část Praha 15', ico: '00231304', seatStreet: 'Boloňská 478/1', seatCity: 'Praha 15', seatPostalCode: '109 00' },
  { type: 'city_district', name: 'Městská část Praha 22', ico: '00240702', seatStreet: 'Nové náměstí 1250', seatCity: 'Praha 22', seatPostalCode: '104 00' },
  { type: 'city_district', name: 'Městská část Praha-Libuš', ico: '00231355', seatStreet: 'Libušská 35/200', seatCity: 'Praha-Libuš', seatPostalCode: '142 00' },
  {
    type: 'ngo',
    legalForm: 'spolek',
    name: 'Sousedé bez hranic, z. s. (demo)',
    ico: '27900011',
    seatStreet: 'Koněvova 12',
    seatCity: 'Praha 3',
    seatPostalCode: '130 00',
    bankAccount: '19-2000145399/0800',
    owner: 'zadatel@demo.praha.eu',
  },
  { type: 'ngo', legalForm: 'ops', name: 'Jazyková škola Most, o. p. s. (demo)', ico: '27900029', seatStreet: 'Na Poříčí 8', seatCity: 'Praha 1', seatPostalCode: '110 00' },
  { type: 'ngo', legalForm: 'ustav', name: 'Komunitní tlumočení Praha, z. ú. (demo)', ico: '27900037', seatStreet: 'Ječná 22', seatCity: 'Praha 2', seatPostalCode: '120 00' },
  { type: 'ngo', legalForm: 'nadacni_fond', name: 'Nadační fond Nový domov (demo)', ico: '27900045', seatStreet: 'Plzeňská 50', seatCity: 'Praha 5', seatPostalCode: '150 00' },
];

/** Fictional NGOs (checksum-valid IČOs in the 279… range no real body uses here), one per kind of integration work. */
const NGO_NAMES: [string, CreateOrganisationRequest['legalForm'], string][] = [
  ['Centrum pro integraci cizinců Karlín', 'ops', 'Praha 8'],
  ['Spolek Vietnamská komunita Libuš', 'spolek', 'Praha-Libuš'],
  ['Poradna Domov', 'ustav', 'Praha 4'],
  ['Ukrajinská iniciativa Praha', 'spolek', 'Praha 10'],
  ['Česky snadno', 'ops', 'Praha 2'],
  ['Interkulturní most', 'ustav', 'Praha 9'],
  ['Klub rodičů-cizinců Jižní Město', 'spolek', 'Praha 11'],
  ['Mongolský kulturní spolek', 'spolek', 'Praha 14'],
  ['Nadace Otevřená Praha', 'nadace', 'Praha 1'],
  ['Diakonie pro cizince', 'church', 'Praha 5'],
  ['Komunitní centrum Žižkov', 'spolek', 'Praha 3'],
  ['Škola bez bariér', 'ops', 'Praha 6'],
  ['Sousedská síť Letňany', 'spolek', 'Praha 18'],
  ['Migrace a práce', 'ustav', 'Praha 7'],
  ['Jazykové kavárny', 'spolek', 'Praha 2'],
  ['Arabsko-český dialog', 'spolek', 'Praha 13'],
  ['Nový start', 'ops', 'Praha 15'],
  ['Rodinné centrum Barevný svět', 'spolek', 'Praha 22'],
  ['Tlumočníci ve zdravotnictví', 'ustav', 'Praha 4'],
  ['Mladí cizinci v Praze', 'spolek', 'Praha 9'],
  ['Filmový klub Hranice', 'spolek', 'Praha 7'],
  ['Nakladatelství Vícejazyčně', 'ops', 'Praha 1'],
  ['Podcast Naši sousedé', 'spolek', 'Praha 3'],
  ['Nadační fond Přístav', 'nadacni_fond', 'Praha 10'],
];

function checksumIco(seven: string): string {
  const sum = [8, 7, 6, 5, 4, 3, 2].reduce((acc, weight, i) => acc + weight * Number(seven[i]), 0);
  return `${seven}${(11 - (sum % 11)) % 10}`;
}

const GENERATED_NGOS: (CreateOrganisationRequest & { owner?: string })[] = NGO_NAMES.map(([name, legalForm, district], i) => {
  const suffix = { spolek: 'z. s.', ops: 'o. p. s.', ustav: 'z. ú.', nadace: 'nadace', nadacni_fond: 'nadační fond', church: 'evidovaná právnická osoba' }[legalForm!];
  return {
    type: 'ngo',
    legalForm,
    name: `${name}, ${suffix} (demo)`,
    ico: checksumIco(String(2791000 + i * 7)),
    seatStreet: `Ulice ${i + 1}`,
    seatCity: district,
    seatPostalCode: '110 00',
  };
});

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
    private readonly round: DemoRound,
  ) {}

  async load(): Promise<void> {
    const actor = systemActor('demo-data');
    for (const seed of STRATEGY_SEEDS) {
      const result = await this.strategy.importDocument(actor, await readFile(seed, 'utf8'), seed.pathname.split('/').pop()!);
      if (result.created) this.logger.log(`imported ${result.version.title}`);
    }
    const existingEmails = new Set((await this.dataSource.getRepository(User).find({ select: { email: true } })).map((u) => u.email));
    const existingIcos = new Set((await this.dataSource.getRepository(Organisation).find({ select: { ico: true } })).map((o) => o.ico));
    const allOrganisations = [...DEMO_ORGANISATIONS, ...GENERATED_NGOS].map((o) => ({ ...o, owner: o.owner ?? `spravce-${o.ico}@demo.praha.eu` }));
    const owners = allOrganisations
      .filter((o) => !DEMO_USERS.some((u) => u.email === o.owner))
      .map((o) => ({ email: o.owner, displayName: `Správce: ${o.name}`, roles: ['applicant'] as Role[] }));
    const missingUsers = [...DEMO_USERS, ...owners].filter((u) => !existingEmails.has(u.email));
    const missingOrganisations = allOrganisations.filter((o) => !existingIcos.has(o.ico));
    if (missingUsers.length > 0 || missingOrganisations.length > 0) {
      const passwordHash = await this.users.hashPassword(DEMO_PASSWORD);
      await this.unitOfWork.run(actor, async (tx) => {
        for (const user of missingUsers) await this.users.insert(tx, { ...user, passwordHash });
        for (const { owner, ...organisation } of missingOrganisations) {
          const ownerRow = owner ? await tx.manager.findOneByOrFail(User, { email: owner }) : null;
          await this.organisations.insert(tx, organisation, ownerRow?.id ?? null, 'verified');
        }
      });
    }
    const applicants = await this.dataSource.query<DemoApplicant[]>(
      `SELECT o.id AS "organisationId", m.user_id AS "userId", o.type, o.seat_city AS district
         FROM organisation o JOIN organisation_member m ON m.organisation_id = o.id AND m.role = 'owner'
        WHERE o.ico = ANY($1) ORDER BY o.type DESC, o.ico`,
      [allOrganisations.map((o) => o.ico)],
    );
    const staff = await this.dataSource.getRepository(User).findOneByOrFail({ email: 'referent@demo.praha.eu' });
    await this.round.load(staff.id, applicants);
    const members = await this.dataSource.getRepository(OrganisationMember).count();
    const [{ count }] = await this.dataSource.query<{ count: number }[]>('SELECT count(*)::int AS count FROM application');
    this.logger.log(`demo data ready (${allOrganisations.length} organisations, ${members} memberships, ${count} applications)`);
  }
}
