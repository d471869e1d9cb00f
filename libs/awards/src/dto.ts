import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
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

export class DecisionItem {
  @ApiProperty() @IsUUID() applicationId: string;
  @ApiProperty({ enum: ['approved', 'rejected'] }) @IsIn(['approved', 'rejected']) outcome: 'approved' | 'rejected';
  @ApiPropertyOptional({ example: '150000.00', description: 'Schválená částka (jen u schválení)' }) @IsOptional() @IsAmount() amount?: string;
  @ApiPropertyOptional({ type: [String] }) @IsOptional() @IsArray() @ArrayMaxSize(30) @IsString({ each: true }) @MaxLength(2000, { each: true }) conditions?: string[];
  @ApiPropertyOptional({ description: 'Důvod zamítnutí (povinný u zamítnutí)' }) @IsOptional() @IsString() @MaxLength(4000) reason?: string;
  @ApiPropertyOptional({ description: 'Rozhodnutí, které toto mění (jinak žádné platné rozhodnutí nesmí existovat)' }) @IsOptional() @IsUUID() supersedesId?: string;
}

export class RecordResolutionRequest {
  @ApiProperty({ enum: ['council', 'assembly'] }) @IsIn(['council', 'assembly']) body: 'council' | 'assembly';
  @ApiProperty({ example: 'USN RHMP 123/2023' }) @IsString() @MinLength(1) @MaxLength(60) number: string;
  @ApiProperty({ example: '2023-03-14' }) @IsCalendarDate() adoptedOn: string;
  @ApiProperty() @IsString() @MinLength(5) @MaxLength(20000) text: string;
  @ApiProperty({ type: [DecisionItem] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(2000) @ValidateNested({ each: true }) @Type(() => DecisionItem) decisions: DecisionItem[];
  @ApiPropertyOptional({ description: "Why the body decides without the commission's closed session (required when the call has none)" })
  @IsOptional()
  @IsString()
  @MinLength(10)
  @MaxLength(4000)
  withoutCommissionReason?: string;
}

export class PenaltyInput {
  @ApiProperty({ enum: ['fixed', 'percentage', 'percentage-range'] }) @IsIn(['fixed', 'percentage', 'percentage-range']) kind: 'fixed' | 'percentage' | 'percentage-range';
  @ApiPropertyOptional() @IsOptional() @IsAmount() amount?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{1,2}(\.\d{1,2})?$/) percent?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{1,2}(\.\d{1,2})?$/) minPercent?: string;
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{1,2}(\.\d{1,2})?$/) maxPercent?: string;
}

export class ConditionInput {
  @ApiProperty() @IsString() @MinLength(5) @MaxLength(4000) text: string;
  @ApiProperty({ description: 'Méně závažná povinnost (§ 10a odst. 6)' }) @IsBoolean() minor: boolean;
  @ApiPropertyOptional({ type: PenaltyInput }) @ValidateIf((c: ConditionInput) => c.minor) @ValidateNested() @Type(() => PenaltyInput) penalty?: PenaltyInput;
}

export class TrancheInput {
  @ApiProperty({ example: '100000.00' }) @IsAmount() amount: string;
  @ApiProperty({ example: '2023-04-30' }) @IsCalendarDate() dueDate: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) condition?: string;
}

export class CreateAgreementRequest {
  @ApiProperty() @IsString() @MinLength(10) @MaxLength(4000) purpose: string;
  @ApiProperty() @IsCalendarDate() purposeFrom: string;
  @ApiProperty() @IsCalendarDate() purposeTo: string;
  @ApiProperty() @IsCalendarDate() settlementDeadline: string;
  @ApiProperty({ type: [ConditionInput] }) @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => ConditionInput) conditions: ConditionInput[];
  @ApiProperty({ type: [TrancheInput] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(24) @ValidateNested({ each: true }) @Type(() => TrancheInput) tranches: TrancheInput[];
}

export class VersionRequest {
  @ApiProperty() @Type(() => Number) @IsInt() @Min(1) version: number;
}

export class PaymentVersionItem {
  @ApiProperty() @IsUUID() id: string;
  @ApiProperty({ description: 'Verze příkazu, kterou jste viděli / the version you saw' }) @IsInt() @Min(1) version: number;
}

export class BulkApproveRequest {
  @ApiProperty({ type: [PaymentVersionItem], description: 'Příkazy ke schválení / orders to approve (1–200, each once)' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => PaymentVersionItem)
  @UniqueItems('id')
  payments: PaymentVersionItem[];
}

export class SignatureRequest extends VersionRequest {
  @ApiProperty({ example: '2023-04-12' }) @IsCalendarDate() signedOn: string;
  @ApiProperty({ example: 'Jana Nováková (předsedkyně spolku); Petr Svoboda (MHMP)' }) @IsString() @MinLength(3) @MaxLength(1000) signatories: string;
}

export class PublicationRequest extends VersionRequest {
  @ApiProperty({ example: '2023-04-20' }) @IsCalendarDate() publishedOn: string;
  @ApiProperty({ example: '23145678' }) @IsString() @MinLength(1) @MaxLength(40) registerId: string;
}

export class PaymentOrderRequest {
  @ApiProperty() @IsInt() @Min(1) trancheNo: number;
  @ApiProperty({ example: '100000.00' }) @IsAmount() amount: string;
}

/** The call's tranches due and not yet ordered (what the bulk order would take), a page at a time. */
export class DueTrancheQuery extends PageQuery {
  @ApiPropertyOptional({ example: '2023-06-30', description: 'Jen splátky splatné do tohoto dne (včetně) / only tranches due by this day' })
  @IsOptional()
  @IsCalendarDate()
  dueBy?: string;
}

export class BulkPaymentOrdersRequest {
  @ApiPropertyOptional({ example: '2023-06-30', description: 'Jen splátky splatné do tohoto dne (včetně) / only tranches due by this day' })
  @IsOptional()
  @IsCalendarDate()
  dueBy?: string;
}

export class HoldRequest {
  @ApiProperty() @IsString() @MinLength(5) @MaxLength(2000) reason: string;
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export const PAYMENT_STATUSES = ['ordered', 'approved', 'exported', 'paid', 'held', 'cancelled'] as const;

/** Payments across agreements: what staff look for when matching the bank's statements or chasing a call's tranches. */
export class PaymentListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: PAYMENT_STATUSES }) @IsOptional() @IsIn(PAYMENT_STATUSES) status?: (typeof PAYMENT_STATUSES)[number];
  @ApiPropertyOptional({ format: 'uuid', description: 'Výzva / call' }) @IsOptional() @IsUUID() callId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Příjemce (organizace) / recipient organisation' }) @IsOptional() @IsUUID() organisationId?: string;
  @ApiPropertyOptional({ example: '2023-01-01', description: 'Zadáno od (včetně) / ordered on or after' }) @IsOptional() @IsCalendarDate() from?: string;
  @ApiPropertyOptional({ example: '2023-12-31', description: 'Zadáno do (včetně) / ordered on or before' }) @IsOptional() @IsCalendarDate() to?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Dávka pain.001, se kterou příkaz odešel / the pain.001 batch the order went in' })
  @IsOptional()
  @IsUUID()
  batchId?: string;
}

export class ConfirmPaymentRequest {
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(60) bankReference: string;
  @ApiProperty() @IsCalendarDate() paidOn: string;
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class CostDocumentInput {
  @ApiProperty() @IsUUID() budgetLineId: string;
  @ApiProperty({ example: 'FV-2023-0117' }) @IsString() @MinLength(1) @MaxLength(60) number: string;
  @ApiProperty() @IsCalendarDate() issuedOn: string;
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(300) supplier: string;
  @ApiProperty({ example: '12500.00' }) @IsAmount() amount: string;
  @ApiProperty() @IsCalendarDate() paidOn: string;
}

export class OutputInput {
  @ApiProperty({ example: 'počet podpořených žáků' }) @IsString() @MinLength(2) @MaxLength(300) indicator: string;
  @ApiProperty({ example: 'žák' }) @IsString() @MinLength(1) @MaxLength(60) unit: string;
  @ApiProperty() @IsInt() @Min(0) promised: number;
  @ApiProperty() @IsInt() @Min(0) achieved: number;
}

export class SubmitSettlementRequest {
  @ApiProperty({ type: [CostDocumentInput] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => CostDocumentInput)
  costDocuments: CostDocumentInput[];
  @ApiProperty({ type: [OutputInput] }) @IsArray() @ArrayMaxSize(100) @ValidateNested({ each: true }) @Type(() => OutputInput) report: OutputInput[];
}

const present = (_: unknown, value: unknown) => value !== undefined;

/** A cost document of the settlement draft: every field may still be missing (checked in full at submission). */
export class DraftCostDocumentInput {
  @ApiProperty({ format: 'uuid', description: 'Chosen by the client; the submitted document keeps it (and its scans)' }) @IsUUID() id: string;
  @ApiPropertyOptional({ format: 'uuid' }) @ValidateIf(present) @IsUUID() budgetLineId?: string;
  @ApiPropertyOptional({ example: 'FV-2023-0117' }) @ValidateIf(present) @IsString() @MaxLength(60) number?: string;
  @ApiPropertyOptional() @ValidateIf(present) @IsCalendarDate() issuedOn?: string;
  @ApiPropertyOptional() @ValidateIf(present) @IsString() @MaxLength(300) supplier?: string;
  @ApiPropertyOptional({ example: '12500.00' }) @ValidateIf(present) @IsAmount() amount?: string;
  @ApiPropertyOptional() @ValidateIf(present) @IsCalendarDate() paidOn?: string;
}

/** An output of the settlement draft: one of the offered indicators (by name and unit) and what was achieved. */
export class DraftOutputInput {
  @ApiProperty({ example: 'počet podpořených žáků' }) @IsString() @MinLength(1) @MaxLength(300) indicator: string;
  @ApiProperty({ example: 'žák' }) @IsString() @MinLength(1) @MaxLength(60) unit: string;
  @ApiPropertyOptional() @ValidateIf(present) @IsInt() @Min(0) @Max(100_000_000) achieved?: number;
}

/** A partial save of the settlement draft: the parts sent replace the stored ones; `version` is the draft version read (0: none yet). */
export class SaveSettlementDraftRequest {
  @ApiProperty({ description: 'Verze konceptu, ze které změna vychází (0, dokud koncept neexistuje)' }) @IsInt() @Min(0) version: number;
  @ApiPropertyOptional({ type: [DraftCostDocumentInput] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => DraftCostDocumentInput)
  @UniqueItems('id')
  costDocuments?: DraftCostDocumentInput[];
  @ApiPropertyOptional({ type: [DraftOutputInput] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => DraftOutputInput)
  report?: DraftOutputInput[];
}

export const SETTLEMENT_STATUSES = ['submitted', 'checked', 'closed'] as const;

/** Settlements across agreements for staff: the ones to check, with a return owed, closed. */
export class SettlementListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SETTLEMENT_STATUSES }) @IsOptional() @IsIn(SETTLEMENT_STATUSES) status?: (typeof SETTLEMENT_STATUSES)[number];
  @ApiPropertyOptional({ format: 'uuid', description: 'Výzva / call' }) @IsOptional() @IsUUID() callId?: string;
}

export class SubmitSettlementDraftRequest {
  @ApiProperty({ description: 'Verze konceptu, která se podává' }) @IsInt() @Min(1) version: number;
}

export class CostReviewInput {
  @ApiProperty() @IsUUID() costDocumentId: string;
  @ApiProperty({ enum: ['eligible', 'partly_eligible', 'ineligible'] }) @IsIn(['eligible', 'partly_eligible', 'ineligible']) review: 'eligible' | 'partly_eligible' | 'ineligible';
  @ApiPropertyOptional({ description: 'Uznaná částka (jen u částečně uznatelného dokladu)' }) @IsOptional() @IsAmount() eligibleAmount?: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}

export class CheckSettlementRequest {
  @ApiProperty({ type: [CostReviewInput] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(5000)
  @ValidateNested({ each: true })
  @Type(() => CostReviewInput)
  @UniqueItems('costDocumentId')
  reviews: CostReviewInput[];
  @ApiProperty({ description: 'Lhůta k vrácení nevyčerpané nebo neuznané části' }) @IsCalendarDate() returnDueDate: string;
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class ReturnReceiptRequest {
  @ApiProperty({ example: '20000.00' }) @IsAmount() amount: string;
  @ApiProperty() @IsCalendarDate() receivedOn: string;
  @ApiProperty() @IsString() @MinLength(1) @MaxLength(60) bankReference: string;
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class OpenBreachRequest {
  @ApiProperty() @IsString() @MinLength(10) @MaxLength(4000) description: string;
  @ApiPropertyOptional({ description: 'Číslo porušené podmínky smlouvy' }) @IsOptional() @IsInt() @Min(1) conditionNo?: number;
  @ApiProperty() @IsCalendarDate() breachDate: string;
  @ApiProperty({ example: '25000.00', description: 'Neoprávněně použitá nebo zadržená částka' }) @IsAmount() misused: string;
  @ApiPropertyOptional({ description: 'Lhůta k nápravě: jen u odstranitelného porušení méně závažné podmínky (§ 22 odst. 6)' })
  @IsOptional()
  @IsCalendarDate()
  remedyDeadline?: string;
}

export class RemediedRequest {
  @ApiProperty() @IsCalendarDate() remediedOn: string;
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class ImposeLevyRequest {
  @ApiProperty() @IsCalendarDate() dueDate: string;
  @ApiPropertyOptional({ description: 'U rozpětí procent ve smlouvě: zvolené procento', example: '10' }) @IsOptional() @Matches(/^\d{1,2}(\.\d{1,2})?$/) percent?: string;
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class LevyPaidRequest {
  @ApiProperty() @IsCalendarDate() paidOn: string;
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class AmendmentRequest {
  @ApiProperty() @IsString() @MinLength(5) @MaxLength(2000) reason: string;
  @ApiProperty({ type: [String], description: 'Co dodatek mění, větami pro text dodatku' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @MaxLength(2000, { each: true })
  changes: string[];
  @ApiPropertyOptional({ type: [TrancheInput] })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(24)
  @ValidateNested({ each: true })
  @Type(() => TrancheInput)
  tranches?: TrancheInput[];
  @ApiPropertyOptional({ type: [ConditionInput] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ConditionInput)
  conditions?: ConditionInput[];
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() purposeTo?: string;
  @ApiPropertyOptional() @IsOptional() @IsCalendarDate() settlementDeadline?: string;
}

export class AgreementTemplateRequest {
  @ApiProperty({ type: [ConditionInput] }) @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => ConditionInput) conditions: ConditionInput[];
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(20) @IsString({ each: true }) @MaxLength(2000, { each: true }) transformationDuties: string[];
}

export const AGREEMENT_STATUSES = ['draft', 'awaiting_signature', 'signed', 'effective', 'void'] as const;

/**
 * Agreements across calls: staff find those waiting for the recipient, the counter-signature or the Registr smluv
 * (sorted by urgency: the oldest signature first); a recipient sees their organisations' agreements once sent.
 */
export class AgreementListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: AGREEMENT_STATUSES, description: 'Stav smlouvy / agreement status (signed = čeká na uveřejnění)' })
  @IsOptional()
  @IsIn(AGREEMENT_STATUSES)
  status?: (typeof AGREEMENT_STATUSES)[number];
  @ApiPropertyOptional({ format: 'uuid', description: 'Výzva / call' }) @IsOptional() @IsUUID() callId?: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'Žádost / application' }) @IsOptional() @IsUUID() applicationId?: string;
  @ApiPropertyOptional({ description: 'Hledání v čísle smlouvy, žádosti a názvu příjemce' }) @IsOptional() @IsString() @MaxLength(100) search?: string;
}
