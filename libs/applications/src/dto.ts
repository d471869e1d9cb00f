import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayNotEmpty, IsArray, IsIn, IsInt, IsISO8601, IsOptional, IsString, IsUUID, Matches, MaxLength, Min, MinLength, ValidateNested } from 'class-validator';
import { FieldError, LocalisedText, PageQuery, UniqueItems } from '#core';
import { APPLICATION_STATUSES } from './application-status.js';
import type { ApplicationStatus } from './application-status.js';
import { ActivityShareItem, DraftSections } from './draft.js';
import type { ApplicationDraft, BudgetSummary } from './draft.js';
import { FORMAL_CHECK_RESULTS } from './entities.js';
import type { FormalCheckItem, FormalCheckResult } from './entities.js';

export class BulkAcceptRequest {
  @ApiProperty({ type: [String], description: 'Žádosti k přijetí / applications to accept (1–200, each once)' })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  @UniqueItems()
  applicationIds: string[];
}

export class CreateApplicationRequest {
  @ApiProperty() @IsUUID() callId: string;
  @ApiProperty() @IsUUID() organisationId: string;
}

export class SaveDraftRequest extends DraftSections {
  @ApiProperty({ description: 'Verze konceptu, kterou jste načetli / the draft version you read' }) @IsInt() @Min(1) version: number;
}

export class ReasonRequest {
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(5000) reason: string;
}

export class CorrectMappingRequest {
  @ApiProperty({ type: [ActivityShareItem] })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ActivityShareItem)
  @UniqueItems('activityId')
  activities: ActivityShareItem[];
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(5000) reason: string;
}

export class FormalCheckItemInput {
  @ApiProperty({ enum: FORMAL_CHECK_RESULTS }) @IsIn(FORMAL_CHECK_RESULTS) result: FormalCheckResult;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(5000) note?: string;
}

export class FormalCheckRequest {
  @ApiPropertyOptional({ type: FormalCheckItemInput }) @IsOptional() @ValidateNested() @Type(() => FormalCheckItemInput) eligibility?: FormalCheckItemInput;
  @ApiPropertyOptional({ type: FormalCheckItemInput }) @IsOptional() @ValidateNested() @Type(() => FormalCheckItemInput) completeness?: FormalCheckItemInput;
  @ApiPropertyOptional({ type: FormalCheckItemInput }) @IsOptional() @ValidateNested() @Type(() => FormalCheckItemInput) annexes?: FormalCheckItemInput;
  @ApiPropertyOptional({ type: FormalCheckItemInput }) @IsOptional() @ValidateNested() @Type(() => FormalCheckItemInput) budget?: FormalCheckItemInput;
  @ApiPropertyOptional({ type: FormalCheckItemInput }) @IsOptional() @ValidateNested() @Type(() => FormalCheckItemInput) declarations?: FormalCheckItemInput;
}

export class RemedyItemInput {
  @ApiProperty({ example: 'budgetLines', description: 'Oddíl žádosti (např. budgetLines, declarations) nebo annex:KÓD přílohy' })
  @Matches(
    /^(project|budgetAreaCode|purpose|justification|period|place|targetGroups|outputs|representatives|beneficialOwners|holdings|declarations|budgetLines|activities|contact|annex:[A-Za-z0-9_.-]{1,40})$/,
  )
  section: string;
  @ApiProperty({ example: 'Položka 3 rozpočtu nesouhlasí se součtem.' }) @IsString() @MinLength(3) @MaxLength(2000) message: string;
}

export class RemedyRequestInput {
  @ApiProperty({ type: [RemedyItemInput] }) @IsArray() @ArrayNotEmpty() @ArrayMaxSize(30) @ValidateNested({ each: true }) @Type(() => RemedyItemInput) items: RemedyItemInput[];
  @ApiProperty({ example: '2022-12-09T23:59:59+01:00', description: 'Lhůta k odstranění vad (ISO 8601)' }) @IsISO8601({ strict: true }) deadlineAt: string;
}

export class ApplicationListQuery extends PageQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() callId?: string;
  @ApiPropertyOptional() @IsOptional() @IsUUID() organisationId?: string;
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES }) @IsOptional() @IsIn(APPLICATION_STATUSES) status?: ApplicationStatus;
  @ApiPropertyOptional({ description: 'Hledání v čísle, názvu projektu a názvu žadatele' }) @IsOptional() @IsString() @MaxLength(100) search?: string;
}

export interface AttachmentView {
  id: string;
  annexTypeCode: string;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  sha256: string;
  uploadedAt: string;
}

export interface ApplicationSummary {
  id: string;
  number: string;
  call: { id: string; code: string; title: string };
  organisation: { id: string; name: string; ico: string; type: string };
  status: ApplicationStatus;
  statusName: LocalisedText;
  title: string | null;
  budgetAreaCode: string | null;
  requestedAmount: string | null;
  totalCost: string | null;
  currentVersionNo: number;
  lastSubmittedAt: string | null;
  updatedAt: string;
}

export interface ApplicationView extends ApplicationSummary {
  draft: ApplicationDraft;
  draftVersion: number;
  /** Live figures of the working copy. */
  draftBudget: BudgetSummary;
  /** What still stands between the draft and a valid submission (empty = ready). */
  missing: FieldError[];
  deadline: string;
  attachments: AttachmentView[];
  remedy: { id: string; items: { section: string; message: string }[]; deadlineAt: string } | null;
  activities: { activityId: string; code: string; name: string; sharePercent: string }[];
  endReason: string | null;
  firstSubmittedAt: string | null;
  createdAt: string;
  availableActions: string[];
}

export interface SubmissionReceipt {
  applicationId: string;
  applicationNumber: string;
  receiptNumber: string;
  versionNo: number;
  kind: 'submission' | 'remedy';
  submittedAt: string;
  contentSha256: string;
  receiptPdf: string;
}

export interface VersionView extends SubmissionReceipt {
  content?: unknown;
}

export type FormalCheckView = {
  applicationId: string;
  items: Record<FormalCheckItem, { result: FormalCheckResult | null; note: string; suggestion: FormalCheckResult; findings: FieldError[] }>;
  /** The languages the applicant's people read their letters in (their profiles'), Czech first; a remedy letter goes in these. */
  letterLanguages: ('cs' | 'en')[];
  updatedAt: string | null;
};
