import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsBoolean, IsEmail, IsIn, IsInt, IsString, IsUUID, Matches, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { FieldError, IsAmount, IsCalendarDate, Money, UniqueItems } from '#core';

/*
 * The application form. Every field is optional while drafting (partial saves are always accepted);
 * what must be filled in is decided at submission by checkCompleteness(), which names every gap.
 * Types are still checked on every save, so the draft never holds a malformed amount or date.
 */

const present = (_: unknown, value: unknown) => value !== undefined;
const PERCENT = /^(100(\.0{1,2})?|\d{1,2}(\.\d{1,2})?)$/;

export class ProjectSection {
  @ApiPropertyOptional({ example: 'Komunitní tlumočníci ve školách' }) @ValidateIf(present) @IsString() @MaxLength(300) title?: string;
  @ApiPropertyOptional() @ValidateIf(present) @IsString() @MaxLength(4000) summary?: string;
}

export class PeriodSection {
  @ApiPropertyOptional({ example: '2023-01-01' }) @ValidateIf(present) @IsCalendarDate() from?: string;
  @ApiPropertyOptional({ example: '2023-12-31' }) @ValidateIf(present) @IsCalendarDate() to?: string;
}

export class PlaceSection {
  @ApiPropertyOptional({ example: ['Praha 3', 'Praha 9'] })
  @ValidateIf(present)
  @IsArray()
  @ArrayMaxSize(60)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  districts?: string[];
  @ApiPropertyOptional() @ValidateIf(present) @IsString() @MaxLength(2000) description?: string;
}

export class OutputItem {
  @ApiPropertyOptional({ example: 'počet podpořených žáků' }) @ValidateIf(present) @IsString() @MaxLength(300) indicator?: string;
  @ApiPropertyOptional({ example: 'žák' }) @ValidateIf(present) @IsString() @MaxLength(50) unit?: string;
  @ApiPropertyOptional({ example: 120 }) @ValidateIf(present) @IsInt() @Min(0) @Max(100_000_000) target?: number;
}

export const REPRESENTATION_BASES = ['statutory', 'power_of_attorney'] as const;

export class RepresentativeItem {
  @ApiPropertyOptional() @ValidateIf(present) @IsString() @MaxLength(200) name?: string;
  @ApiPropertyOptional({ example: 'předseda spolku' }) @ValidateIf(present) @IsString() @MaxLength(200) function?: string;
  @ApiPropertyOptional({ enum: REPRESENTATION_BASES }) @ValidateIf(present) @IsIn(REPRESENTATION_BASES) basis?: (typeof REPRESENTATION_BASES)[number];
}

export class BeneficialOwnerItem {
  @ApiPropertyOptional() @ValidateIf(present) @IsString() @MaxLength(200) name?: string;
  @ApiPropertyOptional({ example: '1975-03-02' }) @ValidateIf(present) @IsCalendarDate() dateOfBirth?: string;
  @ApiPropertyOptional({ example: '100' }) @ValidateIf(present) @Matches(PERCENT) sharePercent?: string;
}

export class HoldingItem {
  @ApiPropertyOptional() @ValidateIf(present) @IsString() @MaxLength(300) name?: string;
  @ApiPropertyOptional() @ValidateIf(present) @Matches(/^\d{8}$/) ico?: string;
  @ApiPropertyOptional({ example: '25' }) @ValidateIf(present) @Matches(PERCENT) sharePercent?: string;
}

export class DeclarationsSection {
  @ApiPropertyOptional({ description: 'Nemá v evidenci daní zachyceny daňové nedoplatky ani nedoplatky vůči veřejným rozpočtům' })
  @ValidateIf(present)
  @IsBoolean()
  noOverdueDebts?: boolean;
  @ApiPropertyOptional({ description: 'Na stejný účel nepodává jinou žádost' }) @ValidateIf(present) @IsBoolean() oneApplicationPerPurpose?: boolean;
  @ApiPropertyOptional({ description: 'Projekt je neziskový i se započtením všech příjmů' }) @ValidateIf(present) @IsBoolean() nonProfit?: boolean;
  @ApiPropertyOptional({ description: 'Činnosti ještě nebyly uskutečněny' }) @ValidateIf(present) @IsBoolean() notYetCarriedOut?: boolean;
  @ApiPropertyOptional({ description: 'Údaje jsou pravdivé a úplné' }) @ValidateIf(present) @IsBoolean() truthful?: boolean;
}

export const REQUIRED_DECLARATIONS = ['noOverdueDebts', 'oneApplicationPerPurpose', 'nonProfit', 'notYetCarriedOut', 'truthful'] as const;

export class BudgetLineItem {
  @ApiPropertyOptional({ example: 'PERSONAL' }) @ValidateIf(present) @IsString() @MaxLength(40) category?: string;
  @ApiPropertyOptional({ example: 'Odměny komunitních tlumočníků (DPP)' }) @ValidateIf(present) @IsString() @MaxLength(500) description?: string;
  @ApiPropertyOptional({ example: 'hodina', description: 'Jednotka / unit (the portal computes totalCost = count × unitPrice)' })
  @ValidateIf(present)
  @IsString()
  @MaxLength(50)
  unit?: string;
  @ApiPropertyOptional({ example: '300', description: 'Počet jednotek / number of units' }) @ValidateIf(present) @Matches(/^\d{1,9}(\.\d{1,2})?$/) count?: string;
  @ApiPropertyOptional({ example: '500.00', description: 'Cena za jednotku / unit price' }) @ValidateIf(present) @IsAmount() unitPrice?: string;
  @ApiPropertyOptional({ example: '150000.00' }) @ValidateIf(present) @IsAmount() totalCost?: string;
  @ApiPropertyOptional({ example: '120000.00' }) @ValidateIf(present) @IsAmount() requested?: string;
  @ApiPropertyOptional({ example: '30000.00' }) @ValidateIf(present) @IsAmount() otherSources?: string;
}

export class ActivityShareItem {
  @ApiPropertyOptional({ description: 'Id aktivity akčního plánu z výzvy' }) @ValidateIf(present) @IsUUID() activityId?: string;
  @ApiPropertyOptional({ example: '60' }) @ValidateIf(present) @Matches(PERCENT) sharePercent?: string;
}

export class ContactSection {
  @ApiPropertyOptional() @ValidateIf(present) @IsString() @MaxLength(200) name?: string;
  @ApiPropertyOptional() @ValidateIf(present) @IsEmail() email?: string;
  @ApiPropertyOptional() @ValidateIf(present) @Matches(/^\+?[0-9 ]{9,20}$/) phone?: string;
}

/** The sections of the form; a save replaces the sections it names and leaves the others alone. */
export class DraftSections {
  @ApiPropertyOptional({ type: ProjectSection }) @ValidateIf(present) @ValidateNested() @Type(() => ProjectSection) project?: ProjectSection;
  @ApiPropertyOptional({ example: 'I', description: 'Kód okruhu výzvy' }) @ValidateIf(present) @IsString() @MaxLength(40) budgetAreaCode?: string;
  @ApiPropertyOptional() @ValidateIf(present) @IsString() @MaxLength(20000) purpose?: string;
  @ApiPropertyOptional() @ValidateIf(present) @IsString() @MaxLength(20000) justification?: string;
  @ApiPropertyOptional({ type: PeriodSection }) @ValidateIf(present) @ValidateNested() @Type(() => PeriodSection) period?: PeriodSection;
  @ApiPropertyOptional({ type: PlaceSection }) @ValidateIf(present) @ValidateNested() @Type(() => PlaceSection) place?: PlaceSection;
  @ApiPropertyOptional({ example: ['děti a žáci s odlišným mateřským jazykem'] })
  @ValidateIf(present)
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(300, { each: true })
  targetGroups?: string[];
  @ApiPropertyOptional({ type: [OutputItem] }) @ValidateIf(present) @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => OutputItem) outputs?: OutputItem[];
  @ApiPropertyOptional({ type: [RepresentativeItem] })
  @ValidateIf(present)
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => RepresentativeItem)
  representatives?: RepresentativeItem[];
  @ApiPropertyOptional({ type: [BeneficialOwnerItem] })
  @ValidateIf(present)
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => BeneficialOwnerItem)
  beneficialOwners?: BeneficialOwnerItem[];
  @ApiPropertyOptional({ type: [HoldingItem], description: 'Osoby, v nichž má žadatel podíl (prázdný seznam = žádné)' })
  @ValidateIf(present)
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => HoldingItem)
  holdings?: HoldingItem[];
  @ApiPropertyOptional({ type: DeclarationsSection }) @ValidateIf(present) @ValidateNested() @Type(() => DeclarationsSection) declarations?: DeclarationsSection;
  @ApiPropertyOptional({ type: [BudgetLineItem] })
  @ValidateIf(present)
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => BudgetLineItem)
  budgetLines?: BudgetLineItem[];
  @ApiPropertyOptional({ type: [ActivityShareItem] })
  @ValidateIf(present)
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ActivityShareItem)
  @UniqueItems('activityId')
  activities?: ActivityShareItem[];
  @ApiPropertyOptional({ type: ContactSection }) @ValidateIf(present) @ValidateNested() @Type(() => ContactSection) contact?: ContactSection;
}

export const DRAFT_SECTIONS = [
  'project',
  'budgetAreaCode',
  'purpose',
  'justification',
  'period',
  'place',
  'targetGroups',
  'outputs',
  'representatives',
  'beneficialOwners',
  'holdings',
  'declarations',
  'budgetLines',
  'activities',
  'contact',
] as const;
export type DraftSection = (typeof DRAFT_SECTIONS)[number];

/** What is stored: plain JSON of the sections. */
export type ApplicationDraft = { [K in DraftSection]?: unknown } & {
  project?: ProjectSection;
  budgetAreaCode?: string;
  purpose?: string;
  justification?: string;
  period?: PeriodSection;
  place?: PlaceSection;
  targetGroups?: string[];
  outputs?: OutputItem[];
  representatives?: RepresentativeItem[];
  beneficialOwners?: BeneficialOwnerItem[];
  holdings?: HoldingItem[];
  declarations?: DeclarationsSection;
  budgetLines?: BudgetLineItem[];
  activities?: ActivityShareItem[];
  contact?: ContactSection;
};

/** The frozen content of a submitted version: the form plus what it was checked against. */
export interface SubmittedContent {
  draft: ApplicationDraft;
  organisation: { id: string; name: string; ico: string; type: string; seat: string };
  call: { id: string; code: string; title: string };
  budget: BudgetSummary;
  annexes: { attachmentId: string; annexTypeCode: string; fileName: string; mediaType: string; sizeBytes: number; sha256: string }[];
}

export interface BudgetSummary {
  totalCost: string;
  requested: string;
  otherSources: string;
  /** Share of other sources in the total cost, in percent with two decimals. */
  coFinancingPercent: string | null;
}

/** What the form is checked against: the call's rules and the applicant. */
export interface CompletenessContext {
  draft: ApplicationDraft;
  organisationType: string;
  call: {
    eligibleApplicantTypes: string[];
    budgetAreaCodes: string[];
    minGrant: Money | null;
    maxGrant: Money | null;
    coFinancingMinPercent: string;
    costCategoryCodes: string[];
    activityIds: string[];
    annexTypes: { code: string; name: string; required: boolean; requiredFrom: string[] }[];
  };
  attachedAnnexCodes: string[];
}

export const percentToBasisPoints = (value: string): number => {
  const [whole, fraction = ''] = value.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
};

/** 6667 → "66.67": shares are exact integers of hundredths of a percent, printed without floating point. */
export const basisPointsToPercent = (bp: bigint | number): string => {
  const value = BigInt(bp);
  return `${value / 100n}.${String(value % 100n).padStart(2, '0')}`;
};

/** Totals of the lines that have amounts; usable on a half-filled draft for live display. */
export function budgetSummary(lines: BudgetLineItem[] = []): BudgetSummary {
  const sum = (pick: (l: BudgetLineItem) => string | undefined) =>
    Money.sum(
      lines
        .map(pick)
        .filter((v): v is string => !!v)
        .map((v) => Money.parse(v)),
    );
  const totalCost = sum((l) => l.totalCost);
  const requested = sum((l) => l.requested);
  const otherSources = sum((l) => l.otherSources);
  const total = totalCost.halere;
  // Rounded down, so a share shown as 10.00 % really is at least 10 %.
  const coFinancingPercent = total > 0n ? basisPointsToPercent((otherSources.halere * 10_000n) / total) : null;
  return { totalCost: totalCost.toString(), requested: requested.toString(), otherSources: otherSources.toString(), coFinancingPercent };
}

const problem = (field: string, code: string, cs: string, en: string): FieldError => ({ field, code, message: { cs, en } });

/**
 * Everything that stands between this draft and a valid submission, each with the field it concerns.
 * Pure: the same rules show the applicant's progress while drafting and refuse an incomplete submission.
 */
export function checkCompleteness(ctx: CompletenessContext): FieldError[] {
  const { draft, call } = ctx;
  const out: FieldError[] = [];
  const required = (ok: unknown, field: string, cs: string, en: string) => {
    if (!ok || (typeof ok === 'string' && !ok.trim())) out.push(problem(field, 'REQUIRED', `Vyplňte: ${cs}.`, `Required: ${en}.`));
  };

  if (!call.eligibleApplicantTypes.includes(ctx.organisationType)) {
    out.push(problem('organisation', 'APPLICANT_NOT_ELIGIBLE', 'Tento typ žadatele výzva nepřipouští.', 'The call does not admit this type of applicant.'));
  }
  required(draft.project?.title, 'project.title', 'název projektu', 'project title');
  required(draft.project?.summary, 'project.summary', 'stručný popis projektu', 'project summary');
  required(draft.budgetAreaCode, 'budgetAreaCode', 'okruh výzvy', 'budget area');
  if (draft.budgetAreaCode && !call.budgetAreaCodes.includes(draft.budgetAreaCode)) {
    out.push(problem('budgetAreaCode', 'UNKNOWN_BUDGET_AREA', `Výzva nemá okruh „${draft.budgetAreaCode}“.`, `The call has no budget area "${draft.budgetAreaCode}".`));
  }
  required(draft.purpose, 'purpose', 'účel dotace', 'purpose');
  required(draft.justification, 'justification', 'odůvodnění žádosti', 'justification');
  required(draft.period?.from, 'period.from', 'začátek realizace', 'project start');
  required(draft.period?.to, 'period.to', 'konec realizace', 'project end');
  if (draft.period?.from && draft.period?.to && draft.period.to < draft.period.from) {
    out.push(problem('period.to', 'PERIOD_REVERSED', 'Konec realizace je před jejím začátkem.', 'The project ends before it starts.'));
  }
  required(draft.place?.districts?.length, 'place.districts', 'místo realizace (městské části)', 'place (districts)');
  required(draft.targetGroups?.length, 'targetGroups', 'cílové skupiny', 'target groups');
  required(draft.outputs?.length, 'outputs', 'očekávané výstupy', 'expected outputs');
  draft.outputs?.forEach((o, i) => {
    required(o.indicator, `outputs.${i}.indicator`, 'název ukazatele', 'indicator');
    required(o.target !== undefined, `outputs.${i}.target`, 'cílová hodnota ukazatele', 'target value');
  });
  required(draft.representatives?.length, 'representatives', 'osoby zastupující žadatele', 'representatives');
  draft.representatives?.forEach((r, i) => {
    required(r.name, `representatives.${i}.name`, 'jméno zástupce', 'name');
    required(r.function, `representatives.${i}.function`, 'funkce zástupce', 'function');
    required(r.basis, `representatives.${i}.basis`, 'právní důvod zastoupení', 'basis of representation');
  });
  // § 10a(3)(f): a legal person lists its beneficial owners and the persons it holds shares in. City districts are public bodies.
  if (ctx.organisationType !== 'city_district') {
    required(draft.beneficialOwners?.length, 'beneficialOwners', 'skuteční majitelé', 'beneficial owners');
    draft.beneficialOwners?.forEach((b, i) => required(b.name, `beneficialOwners.${i}.name`, 'jméno skutečného majitele', 'name'));
    required(Array.isArray(draft.holdings), 'holdings', 'osoby, v nichž má žadatel podíl (nebo prázdný seznam)', 'holdings (or an empty list)');
  }
  for (const key of REQUIRED_DECLARATIONS) {
    if (draft.declarations?.[key] !== true) {
      out.push(problem(`declarations.${key}`, 'DECLARATION_REQUIRED', 'Bez tohoto čestného prohlášení nelze žádost podat.', 'This declaration is required.'));
    }
  }

  const lines = draft.budgetLines ?? [];
  required(lines.length, 'budgetLines', 'rozpočet projektu', 'budget');
  lines.forEach((line, i) => {
    required(line.category, `budgetLines.${i}.category`, 'kategorie nákladu', 'cost category');
    if (line.category && !call.costCategoryCodes.includes(line.category)) {
      out.push(
        problem(
          `budgetLines.${i}.category`,
          'UNKNOWN_COST_CATEGORY',
          `Kategorie „${line.category}“ není ve výzvě uznatelná.`,
          `Category "${line.category}" is not eligible in this call.`,
        ),
      );
    }
    required(line.description, `budgetLines.${i}.description`, 'popis položky', 'description');
    required(line.totalCost, `budgetLines.${i}.totalCost`, 'celkové náklady položky', 'total cost');
    required(line.requested, `budgetLines.${i}.requested`, 'požadovaná částka od hl. m. Prahy', 'amount requested');
    required(line.otherSources, `budgetLines.${i}.otherSources`, 'jiné zdroje (i 0)', 'other sources (0 if none)');
    if (line.totalCost && line.requested && line.otherSources) {
      if (!Money.parse(line.requested).add(Money.parse(line.otherSources)).equals(Money.parse(line.totalCost))) {
        out.push(
          problem(
            `budgetLines.${i}.totalCost`,
            'LINE_SUM_MISMATCH',
            'Požadovaná částka a jiné zdroje se nesčítají do celkových nákladů položky.',
            'Requested plus other sources does not equal the line total.',
          ),
        );
      }
    }
  });
  const budget = budgetSummary(lines);
  const requested = Money.parse(budget.requested);
  if (lines.length > 0 && requested.isZero()) {
    out.push(problem('budgetLines', 'NOTHING_REQUESTED', 'Žádost nepožaduje žádnou částku.', 'The application requests no money.'));
  }
  if (call.minGrant && !requested.isZero() && requested.compare(call.minGrant) < 0) {
    out.push(
      problem(
        'budgetLines',
        'BELOW_MIN_GRANT',
        `Požadovaná částka ${requested.format()} je nižší než minimální dotace ${call.minGrant.format()}.`,
        `Requested ${requested.toString()} is below the minimum grant ${call.minGrant.toString()}.`,
      ),
    );
  }
  if (call.maxGrant && requested.compare(call.maxGrant) > 0) {
    out.push(
      problem(
        'budgetLines',
        'ABOVE_MAX_GRANT',
        `Požadovaná částka ${requested.format()} převyšuje maximální dotaci ${call.maxGrant.format()}.`,
        `Requested ${requested.toString()} exceeds the maximum grant ${call.maxGrant.toString()}.`,
      ),
    );
  }
  const minShare = percentToBasisPoints(call.coFinancingMinPercent);
  if (minShare > 0 && budget.coFinancingPercent !== null && percentToBasisPoints(budget.coFinancingPercent) < minShare) {
    out.push(
      problem(
        'budgetLines',
        'CO_FINANCING_TOO_LOW',
        `Spolufinancování z jiných zdrojů je ${budget.coFinancingPercent.replace('.', ',')} %, výzva vyžaduje nejméně ${call.coFinancingMinPercent.replace('.', ',')} %.`,
        `Co-financing is ${budget.coFinancingPercent} %, the call requires at least ${call.coFinancingMinPercent} %.`,
      ),
    );
  }

  out.push(...checkActivityShares(draft.activities ?? [], call.activityIds));

  for (const annex of call.annexTypes) {
    const applies = annex.required && (annex.requiredFrom.length === 0 || annex.requiredFrom.includes(ctx.organisationType));
    if (applies && !ctx.attachedAnnexCodes.includes(annex.code)) {
      out.push(problem(`annexes.${annex.code}`, 'ANNEX_MISSING', `Chybí povinná příloha: ${annex.name}.`, `Missing required annex: ${annex.name}.`));
    }
  }
  return out;
}

/** The strategy mapping: activities of the call, each once, shares adding up to exactly 100 %. */
export function checkActivityShares(shares: ActivityShareItem[], allowedActivityIds: string[]): FieldError[] {
  const out: FieldError[] = [];
  const required = (ok: unknown, field: string, cs: string, en: string) => {
    if (!ok) out.push(problem(field, 'REQUIRED', `Vyplňte: ${cs}.`, `Required: ${en}.`));
  };
  required(shares.length, 'activities', 'aktivity akčního plánu, jimž projekt slouží', 'action-plan activities served');
  shares.forEach((s, i) => {
    required(s.activityId, `activities.${i}.activityId`, 'aktivita', 'activity');
    required(s.sharePercent, `activities.${i}.sharePercent`, 'podíl v %', 'share in %');
    if (s.activityId && !allowedActivityIds.includes(s.activityId)) {
      out.push(problem(`activities.${i}.activityId`, 'ACTIVITY_NOT_IN_CALL', 'Tuto aktivitu výzva nepodporuje.', 'The call does not fund this activity.'));
    }
  });
  const ids = shares.map((s) => s.activityId).filter(Boolean);
  if (new Set(ids).size !== ids.length) out.push(problem('activities', 'DUPLICATE_ACTIVITY', 'Aktivita je uvedena vícekrát.', 'An activity is listed twice.'));
  if (shares.length > 0 && shares.every((s) => s.sharePercent)) {
    const total = shares.reduce((acc, s) => acc + percentToBasisPoints(s.sharePercent!), 0);
    if (total !== 10_000) {
      out.push(
        problem(
          'activities',
          'SHARES_NOT_100',
          `Podíly aktivit dávají dohromady ${basisPointsToPercent(total).replace('.', ',')} %, musí dát 100 %.`,
          `Activity shares add up to ${basisPointsToPercent(total)} %, they must add up to 100 %.`,
        ),
      );
    }
  }

  return out;
}
