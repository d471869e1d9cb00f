import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { IsAmount, IsCalendarDate, PageQuery, UniqueItems } from '#core';
import type { FieldError } from '#core';
import { CALL_STATUSES } from './call-status.js';
import type { CallStatus } from './call-status.js';
import { APPLICANT_TYPES, STATE_AID_REGIMES } from './entities.js';
import type { ApplicantType, StateAidRegime } from './entities.js';

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,39}$/;
const present = (_: unknown, value: unknown) => value !== undefined;

export class BudgetAreaInput {
  @ApiProperty({ example: 'I' }) @Matches(CODE) code: string;
  @ApiProperty({ example: 'Okruh I – integrační aktivity' }) @IsString() @MinLength(2) @MaxLength(300) name: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) description?: string;
  @ApiProperty({ example: '14000000.00' }) @IsAmount() allocation: string;
}

export class CriterionInput {
  @ApiProperty({ example: 'K1' }) @Matches(CODE) code: string;
  @ApiProperty({ example: 'Soulad s Koncepcí a akčním plánem' }) @IsString() @MinLength(2) @MaxLength(300) name: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) description?: string;
  @ApiProperty({ example: 20 }) @IsInt() @Min(1) @Max(1000) maxScore: number;
  @ApiProperty({ example: '1', description: 'Váha kritéria (desetinné číslo jako text)' }) @Matches(/^\d{1,3}(\.\d{1,3})?$/) weight: string;
  @ApiPropertyOptional({ description: 'Minimální počet bodů, pod nímž žádost nelze doporučit' }) @IsOptional() @IsInt() @Min(0) minScore?: number;
}

export class AnnexTypeInput {
  @ApiProperty({ example: 'STATUTORY' }) @Matches(CODE) code: string;
  @ApiProperty({ example: 'Doklad o oprávnění jednat za žadatele' }) @IsString() @MinLength(2) @MaxLength(300) name: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) description?: string;
  @ApiProperty() @IsBoolean() required: boolean;
  @ApiPropertyOptional({ enum: APPLICANT_TYPES, isArray: true, description: 'Povinná jen pro tyto typy žadatelů; prázdné = pro všechny' })
  @IsOptional()
  @IsArray()
  @IsIn(APPLICANT_TYPES, { each: true })
  requiredFrom?: ApplicantType[];
  @ApiProperty({ example: ['pdf'], description: 'pdf, jpeg, png, docx, xlsx, odt, ods' }) @IsArray() @ArrayNotEmpty() @IsString({ each: true }) allowedFormats: string[];
  @ApiProperty({ example: 10 }) @IsInt() @Min(1) @Max(200) maxSizeMb: number;
}

export class CostCategoryInput {
  @ApiProperty({ example: 'PERSONAL' }) @Matches(CODE) code: string;
  @ApiProperty({ example: 'Osobní náklady' }) @IsString() @MinLength(2) @MaxLength(200) name: string;
}

/**
 * The content of a call. Creating a call needs only code, year and title: the rest can be filled in
 * over time and is checked for completeness (§ 10c(2) a–j) when the call is published.
 */
export class CallContentInput {
  @ApiPropertyOptional({ example: 'Dotační program hl. m. Prahy pro oblast integrace cizinců pro rok 2023' })
  @ValidateIf(present)
  @IsString()
  @MinLength(5)
  @MaxLength(500)
  title?: string;
  @ApiPropertyOptional({ description: 'a) účel' }) @ValidateIf(present) @IsString() @MaxLength(20000) purpose?: string;
  @ApiPropertyOptional({ description: 'b) důvody podpory' }) @ValidateIf(present) @IsString() @MaxLength(20000) reasons?: string;
  @ApiPropertyOptional({ description: 'c) celkový objem', example: '16000000.00' }) @ValidateIf(present) @IsAmount() totalAllocation?: string;
  @ApiPropertyOptional({ description: 'd) minimální dotace' }) @IsOptional() @IsAmount() minGrant?: string | null;
  @ApiPropertyOptional({ description: 'd) maximální dotace' }) @IsOptional() @IsAmount() maxGrant?: string | null;
  @ApiPropertyOptional({ description: 'd) kritéria pro stanovení výše dotace (místo maxima)' }) @IsOptional() @IsString() @MaxLength(5000) grantRule?: string | null;
  @ApiPropertyOptional({ enum: APPLICANT_TYPES, isArray: true, description: 'e) okruh způsobilých žadatelů' })
  @ValidateIf(present)
  @IsArray()
  @IsIn(APPLICANT_TYPES, { each: true })
  eligibleApplicantTypes?: ApplicantType[];
  @ApiPropertyOptional({ description: 'f) začátek příjmu žádostí (ISO 8601, např. 2022-11-14T00:00:00+01:00)' }) @ValidateIf(present) @IsISO8601({ strict: true }) opensAt?: string;
  @ApiPropertyOptional({ description: 'f) konec příjmu žádostí' }) @ValidateIf(present) @IsISO8601({ strict: true }) closesAt?: string;
  @ApiPropertyOptional({ description: 'h) lhůta pro rozhodnutí' }) @ValidateIf(present) @IsCalendarDate() decisionDeadline?: string;
  @ApiPropertyOptional({ description: 'i) podmínky' }) @ValidateIf(present) @IsString() @MaxLength(50000) conditions?: string;
  @ApiPropertyOptional({ example: '10', description: 'Minimální spolufinancování v %' })
  @ValidateIf(present)
  @Matches(/^(100(\.0{1,2})?|\d{1,2}(\.\d{1,2})?)$/)
  coFinancingMinPercent?: string;
  @ApiPropertyOptional({ type: [CostCategoryInput] })
  @ValidateIf(present)
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CostCategoryInput)
  costCategories?: CostCategoryInput[];
  @ApiPropertyOptional({ description: 'Termín vyúčtování' }) @ValidateIf(present) @IsCalendarDate() settlementDeadline?: string;
  @ApiPropertyOptional({ enum: STATE_AID_REGIMES }) @ValidateIf(present) @IsIn(STATE_AID_REGIMES) stateAidRegime?: StateAidRegime;
  @ApiPropertyOptional({ example: 3 }) @ValidateIf(present) @IsInt() @Min(1) @Max(20) reviewersPerApplication?: number;
  @ApiPropertyOptional({ type: [BudgetAreaInput] })
  @ValidateIf(present)
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => BudgetAreaInput)
  budgetAreas?: BudgetAreaInput[];
  @ApiPropertyOptional({ type: [CriterionInput], description: 'g) hodnoticí kritéria' })
  @ValidateIf(present)
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CriterionInput)
  criteria?: CriterionInput[];
  @ApiPropertyOptional({ type: [AnnexTypeInput], description: 'j) přílohy žádosti' })
  @ValidateIf(present)
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => AnnexTypeInput)
  annexTypes?: AnnexTypeInput[];
  @ApiPropertyOptional({ description: 'Aktivity akčního plánu (id uzlů strategie), které výzva podporuje' })
  @ValidateIf(present)
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  @UniqueItems()
  activityIds?: string[];
}

export class CreateCallRequest extends CallContentInput {
  @ApiProperty({ example: 'NMC-2023' }) @Matches(CODE) code: string;
  @ApiProperty({ example: 2023 }) @IsInt() @Min(2000) @Max(2100) year: number;
  @ApiProperty({ example: 'Dotační program hl. m. Prahy pro oblast integrace cizinců pro rok 2023' }) @IsString() @MinLength(5) @MaxLength(500) declare title: string;
}

export class UpdateCallRequest extends CallContentInput {
  @ApiProperty({ description: 'Verze, kterou jste načetli / the version you read' }) @IsInt() @Min(1) version: number;
}

export class AmendCallRequest {
  @ApiProperty() @IsInt() @Min(1) version: number;
  @ApiProperty({ description: 'Důvod změny (zobrazí se žadatelům)' }) @IsString() @MinLength(5) @MaxLength(5000) reason: string;
  @ApiProperty({ type: CallContentInput }) @ValidateNested() @Type(() => CallContentInput) changes: CallContentInput;
}

export class CallTransitionRequest {
  @ApiProperty() @IsInt() @Min(1) version: number;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}

export class CallListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: CALL_STATUSES }) @IsOptional() @IsIn(CALL_STATUSES) status?: CallStatus;
  @ApiPropertyOptional() @IsOptional() @Type(() => Number) @IsInt() year?: number;
}

/** What still stops publication (GET /calls/{id}/publication-check). */
export interface CallPublicationCheck {
  callId: string;
  status: CallStatus;
  ready: boolean;
  blockers: FieldError[];
  /** Today in Prague by the system's clock, and the earliest opening date a publication today allows. */
  today: string;
  minDaysFromPublicationToOpening: number;
  earliestOpeningDate: string;
}

export interface CallView {
  id: string;
  code: string;
  year: number;
  title: string;
  status: CallStatus;
  statusName: { cs: string; en: string };
  purpose: string;
  reasons: string;
  totalAllocation: string;
  minGrant: string | null;
  maxGrant: string | null;
  grantRule: string | null;
  eligibleApplicantTypes: ApplicantType[];
  opensAt: string;
  closesAt: string;
  decisionDeadline: string;
  conditions: string;
  coFinancingMinPercent: string;
  costCategories: { code: string; name: string }[];
  settlementDeadline: string;
  stateAidRegime: StateAidRegime;
  reviewersPerApplication: number;
  budgetAreas: { id: string; code: string; name: string; description: string; allocation: string }[];
  criteria: { id: string; code: string; name: string; description: string; maxScore: number; weight: string; minScore: number | null }[];
  annexTypes: { id: string; code: string; name: string; description: string; required: boolean; requiredFrom: ApplicantType[]; allowedFormats: string[]; maxSizeMb: number }[];
  activities: { id: string; code: string; name: string }[];
  publishedAt: string | null;
  amendments: { number: number; reason: string; createdAt: string; changes: { field: string; before: unknown; after: unknown }[] }[];
  version: number;
  createdAt: string;
  updatedAt: string;
}
