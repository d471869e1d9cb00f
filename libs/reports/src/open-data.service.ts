import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { csvRow, Money } from '#core';

/**
 * The open-data columns, in the shape of the national subsidy register's chain (recipient by IČO →
 * subsidy → decision with the amounts requested and decided → budget period with released, drawn,
 * spent and returned), plus the action-plan activities each grant serves. Documented in the README.
 */
export const OPEN_DATA_COLUMNS = [
  'prijemce_ico',
  'prijemce_nazev',
  'prijemce_typ',
  'vyzva_kod',
  'rok',
  'zadost_cislo',
  'projekt_nazev',
  'rozhodl_organ',
  'usneseni_cislo',
  'usneseni_datum',
  'castka_pozadovana',
  'castka_rozhodnuta',
  'castka_uvolnena',
  'castka_cerpana',
  'castka_vyuctovana',
  'castka_vracena',
  'aktivity_akcniho_planu',
] as const;
export type OpenDataRow = Record<(typeof OPEN_DATA_COLUMNS)[number], string>;

const BATCH = 1000;

/**
 * Which effective decisions make a row: every approval, and any other decision (a rejection that
 * cancelled a grant) of a project that has money paid out, so money really released never drops out
 * of the public data; such a row shows what was decided, released, drawn and returned.
 */
const PUBLISHED = `(d.outcome = 'approved' OR EXISTS (SELECT 1 FROM ledger_entry p WHERE p.application_id = d.application_id AND p.kind = 'paid'))`;

/**
 * Funded projects for anyone, without signing in. Only legal persons (city districts and NGOs) are
 * published: a recipient that may be a natural person never appears. Read in batches by key, so an
 * export of any size streams with flat memory.
 */
@Injectable()
export class OpenDataService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** How many rows an export will have, so a client can show progress while they stream. */
  async count(): Promise<number> {
    const [row] = await this.dataSource.query<{ n: number }[]>(
      `SELECT count(*)::int AS n FROM award_decision d JOIN application a ON a.id = d.application_id JOIN organisation o ON o.id = a.organisation_id
        WHERE ${PUBLISHED} AND NOT EXISTS (SELECT 1 FROM award_decision n WHERE n.supersedes_id = d.id) AND o.type IN ('city_district', 'ngo')`,
    );
    return row.n;
  }

  async *rows(): AsyncGenerator<OpenDataRow> {
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const batch = await this.dataSource.query<
        {
          id: string;
          ico: string;
          name: string;
          type: string;
          code: string;
          year: number;
          number: string;
          title: string | null;
          body: string;
          resolution: string;
          adopted_on: string;
          requested: string;
          decided: string;
          paid: string;
          settled: string;
          returned: string;
          activities: string | null;
        }[]
      >(
        `SELECT a.id, o.ico, o.name, o.type, g.code, g.year, a.number, a.title, r.body, r.number AS resolution, r.adopted_on::text AS adopted_on,
                d.requested_amount::text AS requested, d.amount::text AS decided,
                coalesce(m.paid, 0)::text AS paid, coalesce(m.settled, 0)::text AS settled, coalesce(m.returned, 0)::text AS returned,
                (SELECT string_agg(n.code || ' (' || to_char(aa.share_basis_points / 100.0, 'FM990.00') || ' %)', ', ' ORDER BY aa.share_basis_points DESC, n.code)
                   FROM application_activity aa JOIN strategy_node n ON n.id = aa.strategy_node_id WHERE aa.application_id = a.id) AS activities
           FROM award_decision d
           JOIN application a ON a.id = d.application_id JOIN organisation o ON o.id = a.organisation_id JOIN grant_call g ON g.id = a.call_id JOIN resolution r ON r.id = d.resolution_id
           LEFT JOIN LATERAL (
             SELECT sum(amount) FILTER (WHERE kind = 'paid') AS paid, sum(amount) FILTER (WHERE kind = 'settled') AS settled, sum(amount) FILTER (WHERE kind = 'returned') AS returned
               FROM ledger_entry WHERE application_id = a.id) m ON true
          WHERE ${PUBLISHED} AND NOT EXISTS (SELECT 1 FROM award_decision n WHERE n.supersedes_id = d.id)
            AND o.type IN ('city_district', 'ngo') AND a.id > $1
          ORDER BY a.id LIMIT ${BATCH}`,
        [after],
      );
      for (const r of batch) {
        yield {
          prijemce_ico: r.ico,
          prijemce_nazev: r.name,
          prijemce_typ: r.type === 'city_district' ? 'městská část' : 'nestátní nezisková organizace',
          vyzva_kod: r.code,
          rok: String(r.year),
          zadost_cislo: r.number,
          projekt_nazev: r.title ?? '',
          rozhodl_organ: r.body === 'assembly' ? 'Zastupitelstvo hl. m. Prahy' : 'Rada hl. m. Prahy',
          usneseni_cislo: r.resolution,
          usneseni_datum: r.adopted_on,
          castka_pozadovana: Money.parse(r.requested).toString(),
          castka_rozhodnuta: Money.parse(r.decided).toString(),
          // Released and drawn are the same here: the city pays straight to the recipient's account.
          castka_uvolnena: Money.parse(r.paid).toString(),
          castka_cerpana: Money.parse(r.paid).toString(),
          castka_vyuctovana: Money.parse(r.settled).toString(),
          castka_vracena: Money.parse(r.returned).toString(),
          aktivity_akcniho_planu: r.activities ?? '',
        };
      }
      if (batch.length < BATCH) return;
      after = batch[batch.length - 1].id;
    }
  }

  /** CSV, UTF-8 with BOM and semicolons (what Czech spreadsheets open as is), amounts with a decimal dot as in the national data. */
  async *csv(): AsyncGenerator<string> {
    yield '\uFEFF' + csvRow(OPEN_DATA_COLUMNS);
    for await (const row of this.rows()) yield csvRow(OPEN_DATA_COLUMNS.map((c) => row[c]));
  }

  /** One JSON array, written element by element. */
  async *json(): AsyncGenerator<string> {
    yield '[';
    let first = true;
    for await (const row of this.rows()) {
      yield (first ? '\n' : ',\n') + JSON.stringify(row);
      first = false;
    }
    yield '\n]\n';
  }
}
