// Response DTOs of every route: what a client generated from /api/docs-json is typed by.
// Written by scripts/generate-response-dtos.ts from the controllers' return types, then reviewed; the controllers
// declare these classes as their return types, so tsc refuses a service result that no longer fits.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ROLES } from '#core';
import type { Role } from '#core';

export class ProjectSectionResponse {
  @ApiPropertyOptional({ type: String }) title?: string;
  @ApiPropertyOptional({ type: String }) summary?: string;
}

export class PeriodSectionResponse {
  @ApiPropertyOptional({ type: String }) from?: string;
  @ApiPropertyOptional({ type: String }) to?: string;
}

export class PlaceSectionResponse {
  @ApiPropertyOptional({ type: String, isArray: true }) districts?: readonly string[];
  @ApiPropertyOptional({ type: String }) description?: string;
}

export class OutputItemResponse {
  @ApiPropertyOptional({ type: String }) indicator?: string;
  @ApiPropertyOptional({ type: String }) unit?: string;
  @ApiPropertyOptional({ type: Number }) target?: number;
}

export class RepresentativeItemResponse {
  @ApiPropertyOptional({ type: String }) name?: string;
  @ApiPropertyOptional({ type: String }) function?: string;
  @ApiPropertyOptional({ enum: ['statutory', 'power_of_attorney'] }) basis?: 'statutory' | 'power_of_attorney';
}

export class BeneficialOwnerItemResponse {
  @ApiPropertyOptional({ type: String }) name?: string;
  @ApiPropertyOptional({ type: String }) dateOfBirth?: string;
  @ApiPropertyOptional({ type: String }) sharePercent?: string;
}

export class HoldingItemResponse {
  @ApiPropertyOptional({ type: String }) name?: string;
  @ApiPropertyOptional({ type: String }) ico?: string;
  @ApiPropertyOptional({ type: String }) sharePercent?: string;
}

export class DeclarationsSectionResponse {
  @ApiPropertyOptional({ type: Boolean }) noOverdueDebts?: boolean;
  @ApiPropertyOptional({ type: Boolean }) oneApplicationPerPurpose?: boolean;
  @ApiPropertyOptional({ type: Boolean }) nonProfit?: boolean;
  @ApiPropertyOptional({ type: Boolean }) notYetCarriedOut?: boolean;
  @ApiPropertyOptional({ type: Boolean }) truthful?: boolean;
}

export class BudgetLineItemResponse {
  @ApiPropertyOptional({ type: String }) category?: string;
  @ApiPropertyOptional({ type: String }) description?: string;
  @ApiPropertyOptional({ type: String }) unit?: string;
  @ApiPropertyOptional({ type: String }) count?: string;
  @ApiPropertyOptional({ type: String }) unitPrice?: string;
  @ApiPropertyOptional({ type: String }) totalCost?: string;
  @ApiPropertyOptional({ type: String }) requested?: string;
  @ApiPropertyOptional({ type: String }) otherSources?: string;
}

export class ActivityShareItemResponse {
  @ApiPropertyOptional({ type: String }) activityId?: string;
  @ApiPropertyOptional({ type: String }) sharePercent?: string;
}

export class ContactSectionResponse {
  @ApiPropertyOptional({ type: String }) name?: string;
  @ApiPropertyOptional({ type: String }) email?: string;
  @ApiPropertyOptional({ type: String }) phone?: string;
}

export class ApplicationDraftResponse {
  @ApiPropertyOptional({ type: () => ProjectSectionResponse }) project?: ProjectSectionResponse;
  @ApiPropertyOptional({ type: String }) budgetAreaCode?: string;
  @ApiPropertyOptional({ type: String }) purpose?: string;
  @ApiPropertyOptional({ type: String }) justification?: string;
  @ApiPropertyOptional({ type: () => PeriodSectionResponse }) period?: PeriodSectionResponse;
  @ApiPropertyOptional({ type: () => PlaceSectionResponse }) place?: PlaceSectionResponse;
  @ApiPropertyOptional({ type: String, isArray: true }) targetGroups?: readonly string[];
  @ApiPropertyOptional({ type: () => OutputItemResponse, isArray: true }) outputs?: readonly OutputItemResponse[];
  @ApiPropertyOptional({ type: () => RepresentativeItemResponse, isArray: true }) representatives?: readonly RepresentativeItemResponse[];
  @ApiPropertyOptional({ type: () => BeneficialOwnerItemResponse, isArray: true }) beneficialOwners?: readonly BeneficialOwnerItemResponse[];
  @ApiPropertyOptional({ type: () => HoldingItemResponse, isArray: true }) holdings?: readonly HoldingItemResponse[];
  @ApiPropertyOptional({ type: () => DeclarationsSectionResponse }) declarations?: DeclarationsSectionResponse;
  @ApiPropertyOptional({ type: () => BudgetLineItemResponse, isArray: true }) budgetLines?: readonly BudgetLineItemResponse[];
  @ApiPropertyOptional({ type: () => ActivityShareItemResponse, isArray: true }) activities?: readonly ActivityShareItemResponse[];
  @ApiPropertyOptional({ type: () => ContactSectionResponse }) contact?: ContactSectionResponse;
}

export class BudgetSummaryResponse {
  @ApiProperty({ type: String }) totalCost: string;
  @ApiProperty({ type: String }) requested: string;
  @ApiProperty({ type: String }) otherSources: string;
  @ApiProperty({ type: String, nullable: true }) coFinancingPercent: string | null;
}

export class LocalisedTextResponse {
  @ApiProperty({ type: String }) cs: string;
  @ApiProperty({ type: String }) en: string;
}

export class FieldErrorResponse {
  @ApiProperty({ type: String }) field: string;
  @ApiProperty({ type: String }) code: string;
  @ApiProperty({ type: () => LocalisedTextResponse }) message: LocalisedTextResponse;
}

export class AttachmentResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) annexTypeCode: string;
  @ApiProperty({ type: String }) fileName: string;
  @ApiProperty({ type: String }) mediaType: string;
  @ApiProperty({ type: Number }) sizeBytes: number;
  @ApiProperty({ type: String }) sha256: string;
  @ApiProperty({ type: String }) uploadedAt: string;
}

export class ApplicationRemedyItemResponse {
  @ApiProperty({ type: String }) section: string;
  @ApiProperty({ type: String }) message: string;
}

export class ApplicationRemedyResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: () => ApplicationRemedyItemResponse, isArray: true }) items: readonly ApplicationRemedyItemResponse[];
  @ApiProperty({ type: String }) deadlineAt: string;
}

export class ApplicationActivityResponse {
  @ApiProperty({ type: String }) activityId: string;
  @ApiProperty({ type: String }) code: string;
  @ApiProperty({ type: String }) name: string;
  @ApiProperty({ type: String }) sharePercent: string;
}

export class ApplicationCallResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) code: string;
  @ApiProperty({ type: String }) title: string;
}

export class ApplicationOrganisationResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) name: string;
  @ApiProperty({ type: String }) ico: string;
  @ApiProperty({ type: String }) type: string;
}

export class ApplicationResponse {
  @ApiProperty({ type: () => ApplicationDraftResponse }) draft: ApplicationDraftResponse;
  @ApiProperty({ type: Number }) draftVersion: number;
  @ApiProperty({ type: () => BudgetSummaryResponse }) draftBudget: BudgetSummaryResponse;
  @ApiProperty({ type: () => FieldErrorResponse, isArray: true }) missing: readonly FieldErrorResponse[];
  @ApiProperty({ type: String }) deadline: string;
  @ApiProperty({ type: () => AttachmentResponse, isArray: true }) attachments: readonly AttachmentResponse[];
  @ApiProperty({ type: () => ApplicationRemedyResponse, nullable: true }) remedy: ApplicationRemedyResponse | null;
  @ApiProperty({ type: () => ApplicationActivityResponse, isArray: true }) activities: readonly ApplicationActivityResponse[];
  @ApiProperty({ type: String, nullable: true }) endReason: string | null;
  @ApiProperty({ type: String, nullable: true }) firstSubmittedAt: string | null;
  @ApiProperty({ type: String }) createdAt: string;
  @ApiProperty({ type: String, isArray: true }) availableActions: readonly string[];
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) number: string;
  @ApiProperty({ type: () => ApplicationCallResponse }) call: ApplicationCallResponse;
  @ApiProperty({ type: () => ApplicationOrganisationResponse }) organisation: ApplicationOrganisationResponse;
  @ApiProperty({ enum: ['draft', 'submitted', 'remedy_requested', 'accepted', 'excluded', 'withdrawn'] }) status:
    'draft' | 'submitted' | 'remedy_requested' | 'accepted' | 'excluded' | 'withdrawn';
  @ApiProperty({ type: () => LocalisedTextResponse }) statusName: LocalisedTextResponse;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty({ type: String, nullable: true }) budgetAreaCode: string | null;
  @ApiProperty({ type: String, nullable: true }) requestedAmount: string | null;
  @ApiProperty({ type: String, nullable: true }) totalCost: string | null;
  @ApiProperty({ type: Number }) currentVersionNo: number;
  @ApiProperty({ type: String, nullable: true }) lastSubmittedAt: string | null;
  @ApiProperty({ type: String }) updatedAt: string;
}

export class ApplicationSummaryResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) number: string;
  @ApiProperty({ type: () => ApplicationCallResponse }) call: ApplicationCallResponse;
  @ApiProperty({ type: () => ApplicationOrganisationResponse }) organisation: ApplicationOrganisationResponse;
  @ApiProperty({ enum: ['draft', 'submitted', 'remedy_requested', 'accepted', 'excluded', 'withdrawn'] }) status:
    'draft' | 'submitted' | 'remedy_requested' | 'accepted' | 'excluded' | 'withdrawn';
  @ApiProperty({ type: () => LocalisedTextResponse }) statusName: LocalisedTextResponse;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty({ type: String, nullable: true }) budgetAreaCode: string | null;
  @ApiProperty({ type: String, nullable: true }) requestedAmount: string | null;
  @ApiProperty({ type: String, nullable: true }) totalCost: string | null;
  @ApiProperty({ type: Number }) currentVersionNo: number;
  @ApiProperty({ type: String, nullable: true }) lastSubmittedAt: string | null;
  @ApiProperty({ type: String }) updatedAt: string;
}

export class PageApplicationSummaryResponse {
  @ApiProperty({ type: () => ApplicationSummaryResponse, isArray: true }) items: readonly ApplicationSummaryResponse[];
  @ApiProperty({ type: Number }) page: number;
  @ApiProperty({ type: Number }) pageSize: number;
  @ApiProperty({ type: Number }) total: number;
}

export class SubmissionReceiptResponse {
  @ApiProperty({ type: String }) applicationId: string;
  @ApiProperty({ type: String }) applicationNumber: string;
  @ApiProperty({ type: String }) receiptNumber: string;
  @ApiProperty({ type: Number }) versionNo: number;
  @ApiProperty({ enum: ['submission', 'remedy'] }) kind: 'submission' | 'remedy';
  @ApiProperty({ type: String }) submittedAt: string;
  @ApiProperty({ type: String }) contentSha256: string;
  @ApiProperty({ type: String }) receiptPdf: string;
}

export class ApplicationHistoryEntryResponse {
  @ApiProperty({ type: String, nullable: true }) from: string | null;
  @ApiProperty({ type: String }) to: string;
  @ApiProperty({ type: () => LocalisedTextResponse }) toName: LocalisedTextResponse;
  @ApiProperty({ type: String }) at: string;
  @ApiProperty({ type: String, nullable: true }) by: string | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
}

export class ApplicationsBudgetLineResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: Number }) versionNo: number;
  @ApiProperty({ type: Number }) position: number;
  @ApiProperty({ type: String }) categoryCode: string;
  @ApiProperty({ type: String }) description: string;
  @ApiProperty({ type: String }) totalCost: string;
  @ApiProperty({ type: String }) requested: string;
  @ApiProperty({ type: String }) otherSources: string;
}

export class VersionResponse extends SubmissionReceiptResponse {
  @ApiPropertyOptional({
    description: 'JSON',
    nullable: true,
    oneOf: [{ type: 'object', additionalProperties: true }, { type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: {} }],
  })
  content?: unknown;
}

export class SubmittedContentOrganisationResponse extends ApplicationOrganisationResponse {
  @ApiProperty({ type: String }) seat: string;
}

export class SubmittedAnnexResponse {
  @ApiProperty({ type: String }) attachmentId: string;
  @ApiProperty({ type: String }) annexTypeCode: string;
  @ApiProperty({ type: String }) fileName: string;
  @ApiProperty({ type: String }) mediaType: string;
  @ApiProperty({ type: Number }) sizeBytes: number;
  @ApiProperty({ type: String }) sha256: string;
}

export class SubmittedContentResponse {
  @ApiProperty({ type: () => ApplicationDraftResponse }) draft: ApplicationDraftResponse;
  @ApiProperty({ type: () => SubmittedContentOrganisationResponse }) organisation: SubmittedContentOrganisationResponse;
  @ApiProperty({ type: () => ApplicationCallResponse }) call: ApplicationCallResponse;
  @ApiProperty({ type: () => BudgetSummaryResponse }) budget: BudgetSummaryResponse;
  @ApiProperty({ type: () => SubmittedAnnexResponse, isArray: true }) annexes: readonly SubmittedAnnexResponse[];
}

export class SubmittedVersionResponse extends SubmissionReceiptResponse {
  @ApiProperty({ type: () => SubmittedContentResponse }) content: SubmittedContentResponse;
}

export class FormalCheckItemsDeclarationsResponse {
  @ApiProperty({ enum: ['ok', 'correctable', 'uncorrectable'], nullable: true }) result: 'ok' | 'correctable' | 'uncorrectable' | null;
  @ApiProperty({ type: String }) note: string;
  @ApiProperty({ enum: ['ok', 'correctable', 'uncorrectable'] }) suggestion: 'ok' | 'correctable' | 'uncorrectable';
  @ApiProperty({ type: () => FieldErrorResponse, isArray: true }) findings: readonly FieldErrorResponse[];
}

export class FormalCheckItemsResponse {
  @ApiProperty({ type: () => FormalCheckItemsDeclarationsResponse }) declarations: FormalCheckItemsDeclarationsResponse;
  @ApiProperty({ type: () => FormalCheckItemsDeclarationsResponse }) eligibility: FormalCheckItemsDeclarationsResponse;
  @ApiProperty({ type: () => FormalCheckItemsDeclarationsResponse }) completeness: FormalCheckItemsDeclarationsResponse;
  @ApiProperty({ type: () => FormalCheckItemsDeclarationsResponse }) annexes: FormalCheckItemsDeclarationsResponse;
  @ApiProperty({ type: () => FormalCheckItemsDeclarationsResponse }) budget: FormalCheckItemsDeclarationsResponse;
}

export class FormalCheckResponse {
  @ApiProperty({ type: String }) applicationId: string;
  @ApiProperty({ type: () => FormalCheckItemsResponse }) items: FormalCheckItemsResponse;
  @ApiProperty({ enum: ['cs', 'en'], isArray: true, description: "The languages of the applicant's people's profiles: a remedy letter reaches each in theirs" })
  letterLanguages: readonly ('cs' | 'en')[];
  @ApiProperty({ type: String, nullable: true }) updatedAt: string | null;
}

export class AuditLogEntryResponse {
  @ApiProperty({ type: String }) seq: string;
  @ApiProperty({ type: String, format: 'date-time' }) occurredAt: Date;
  @ApiProperty({ type: String, nullable: true }) actorUserId: string | null;
  @ApiProperty({ type: String, isArray: true }) actorRoles: readonly string[];
  @ApiProperty({ type: String }) action: string;
  @ApiProperty({ type: String }) objectType: string;
  @ApiProperty({ type: String }) objectId: string;
  @ApiProperty({
    description: 'JSON',
    nullable: true,
    oneOf: [{ type: 'object', additionalProperties: true }, { type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: {} }],
  })
  before: unknown;
  @ApiProperty({
    description: 'JSON',
    nullable: true,
    oneOf: [{ type: 'object', additionalProperties: true }, { type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: {} }],
  })
  after: unknown;
  @ApiProperty({ type: String }) correlationId: string;
  @ApiProperty({ type: String }) prevHash: string;
  @ApiProperty({ type: String }) hash: string;
}

export class PageAuditLogEntryResponse {
  @ApiProperty({ type: () => AuditLogEntryResponse, isArray: true }) items: readonly AuditLogEntryResponse[];
  @ApiProperty({ type: Number }) page: number;
  @ApiProperty({ type: Number }) pageSize: number;
  @ApiProperty({ type: Number }) total: number;
}

export class ChainVerificationFirstBrokenLinkResponse {
  @ApiProperty({ type: String }) seq: string;
  @ApiProperty({ enum: ['hash_mismatch', 'prev_hash_mismatch', 'sequence_gap', 'tail_missing', 'checkpoint_mismatch', 'checkpoint_forged'] })
  reason: 'hash_mismatch' | 'prev_hash_mismatch' | 'sequence_gap' | 'tail_missing' | 'checkpoint_mismatch' | 'checkpoint_forged';
  @ApiProperty({ type: String }) expected: string;
  @ApiProperty({ type: String }) found: string;
}

export class ChainCheckpointResponse {
  @ApiProperty({ type: String }) seq: string;
  @ApiProperty({ type: String }) hash: string;
  @ApiProperty({ type: String }) at: string;
}

export class ChainVerificationResponse {
  @ApiProperty({ type: Boolean }) valid: boolean;
  @ApiProperty({
    type: () => ChainCheckpointResponse,
    nullable: true,
    description: 'The last witness of the head kept outside the database / poslední svědek hlavy řetězce mimo databázi',
  })
  checkpoint: ChainCheckpointResponse | null;
  @ApiProperty({ type: Number }) checkedEntries: number;
  @ApiProperty({ type: String, nullable: true }) lastSeq: string | null;
  @ApiProperty({ type: () => ChainVerificationFirstBrokenLinkResponse, nullable: true }) firstBrokenLink: ChainVerificationFirstBrokenLinkResponse | null;
}

export class UserResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) email: string;
  @ApiProperty({ type: String }) displayName: string;
  @ApiProperty({ enum: ['applicant', 'staff', 'commission_member', 'auditor', 'admin'], isArray: true }) roles: readonly (
    'applicant' | 'staff' | 'commission_member' | 'auditor' | 'admin'
  )[];
  @ApiProperty({ enum: ['cs', 'en'] }) language: 'cs' | 'en';
  @ApiProperty({ type: Boolean }) isActive: boolean;
  @ApiProperty({ type: String }) createdAt: string;
}

export class TokenPairResponse {
  @ApiProperty({ type: String }) accessToken: string;
  @ApiProperty({ type: Number }) accessTokenExpiresIn: number;
  @ApiProperty({ type: String, required: false, description: 'Chybí, dostane-li ho portál v httpOnly cookie / absent when the portal receives it in an httpOnly cookie' })
  refreshToken?: string;
  @ApiProperty({ enum: ['Bearer'] }) tokenType: 'Bearer';
}

export class ProposalLineBodyReasonResponse {
  @ApiProperty({ type: String }) cs: string;
  @ApiProperty({ type: String }) en: string;
  @ApiProperty({ type: String }) legalBasis: string;
}

export class ProposalLineCurrentDecisionResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ enum: ['approved', 'rejected'] }) outcome: 'approved' | 'rejected';
  @ApiProperty({ type: String }) amount: string;
  @ApiProperty({ type: String }) resolution: string;
}

export class ProposalLineResponse {
  @ApiProperty({ type: String }) applicationId: string;
  @ApiProperty({ type: String }) number: string;
  @ApiProperty({ type: String }) applicant: string;
  @ApiProperty({ type: String }) applicantType: string;
  @ApiProperty({ type: String, nullable: true }) budgetAreaId: string | null;
  @ApiProperty({ type: String, nullable: true }) budgetAreaCode: string | null;
  @ApiProperty({ type: String }) requested: string;
  @ApiProperty({ type: String }) recommended: string;
  @ApiProperty({ enum: ['approve', 'reject'] }) proposal: 'approve' | 'reject';
  @ApiProperty({ type: String }) explanation: string;
  @ApiProperty({ type: String }) explanationEn: string;
  @ApiProperty({ enum: ['council', 'assembly'] }) body: 'council' | 'assembly';
  @ApiProperty({ type: () => ProposalLineBodyReasonResponse }) bodyReason: ProposalLineBodyReasonResponse;
  @ApiProperty({ type: () => ProposalLineCurrentDecisionResponse, nullable: true }) currentDecision: ProposalLineCurrentDecisionResponse | null;
}

export class AwardsProposalResponse {
  @ApiProperty({ type: Boolean, description: 'Uzavřelo hodnoticí komise jednání? Jinak usnesení potřebuje withoutCommissionReason / has the commission closed its session?' })
  commissionSessionClosed: boolean;
  @ApiProperty({
    enum: ['commission', 'applications'],
    description: 'Návrh z doporučení komise, nebo (bez něj) z formálně přijatých žádostí / from the recommendation, or from the accepted applications',
  })
  source: 'commission' | 'applications';
  @ApiProperty({ type: () => ProposalLineResponse, isArray: true }) council: readonly ProposalLineResponse[];
  @ApiProperty({ type: () => ProposalLineResponse, isArray: true }) assembly: readonly ProposalLineResponse[];
}

export class AwardsRecordDecisionResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) applicationId: string;
  @ApiProperty({ enum: ['approved', 'rejected'] }) outcome: 'approved' | 'rejected';
  @ApiProperty({ type: String }) amount: string;
  @ApiProperty({ type: String, nullable: true }) supersedesId: string | null;
}

export class AwardsRecordResponse {
  @ApiProperty({ type: String }) resolutionId: string;
  @ApiProperty({ type: () => AwardsRecordDecisionResponse, isArray: true }) decisions: readonly AwardsRecordDecisionResponse[];
}

export class AgreementConditionPenaltyResponse {
  @ApiProperty({ enum: ['fixed', 'percentage', 'percentage-range'] }) kind: 'fixed' | 'percentage' | 'percentage-range';
  @ApiPropertyOptional({ type: String }) amount?: string;
  @ApiPropertyOptional({ type: String }) percent?: string;
  @ApiPropertyOptional({ type: String }) minPercent?: string;
  @ApiPropertyOptional({ type: String }) maxPercent?: string;
}

export class AgreementConditionResponse {
  @ApiProperty({ type: String }) text: string;
  @ApiProperty({ type: Boolean }) minor: boolean;
  @ApiPropertyOptional({ type: () => AgreementConditionPenaltyResponse }) penalty?: AgreementConditionPenaltyResponse;
}

export class AgreementTemplateResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) callId: string;
  @ApiProperty({ type: Number }) version: number;
  @ApiProperty({ type: () => AgreementConditionResponse, isArray: true }) conditions: readonly AgreementConditionResponse[];
  @ApiProperty({ type: String, isArray: true }) transformationDuties: readonly string[];
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, nullable: true }) createdBy: string | null;
}

export class DecisionAgreementResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) number: string;
  @ApiProperty({ type: String }) status: string;
  @ApiProperty({ type: String }) amount: string;
  @ApiProperty({ type: String, description: 'Vyplaceno nebo k výplatě zadáno / paid or ordered' }) committed: string;
  @ApiProperty({ type: String }) paid: string;
}

export class DecisionLetterDeliveryResponse {
  @ApiProperty({ type: String }) recipient: string;
  @ApiProperty({ type: String, nullable: true }) name: string | null;
  @ApiProperty({ type: String }) status: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt: Date | null;
}

export class DecisionLetterResponse {
  @ApiProperty({ enum: ['approval', 'rejection'] }) kind: 'approval' | 'rejection';
  @ApiProperty({ type: String }) fileName: string;
  @ApiProperty({ enum: ['queued', 'sending', 'sent', 'failed', 'no_recipients'] }) status: 'queued' | 'sending' | 'sent' | 'failed' | 'no_recipients';
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt: Date | null;
  @ApiProperty({ type: () => DecisionLetterDeliveryResponse, isArray: true }) deliveries: readonly DecisionLetterDeliveryResponse[];
}

export class DecisionResponse extends AwardsRecordDecisionResponse {
  @ApiProperty({ type: String }) number: string;
  @ApiProperty({ type: String }) applicant: string;
  @ApiProperty({ type: String, nullable: true }) budgetAreaCode: string | null;
  @ApiProperty({ type: String }) requestedAmount: string;
  @ApiProperty({ type: String, isArray: true }) conditions: readonly string[];
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) decidedAt: Date;
  @ApiProperty({ type: String }) resolutionId: string;
  @ApiProperty({ enum: ['council', 'assembly'] }) body: 'council' | 'assembly';
  @ApiProperty({ type: String }) resolution: string;
  @ApiProperty({ type: String }) adoptedOn: string;
  @ApiProperty({ type: Boolean }) effective: boolean;
  @ApiProperty({ type: () => DecisionAgreementResponse, nullable: true }) agreement: DecisionAgreementResponse | null;
  @ApiProperty({ type: () => DecisionLetterResponse }) letter: DecisionLetterResponse;
}

export class AwardsFundingCallResponse {
  @ApiProperty({ type: String }) allocation: string;
  @ApiProperty({ type: String }) approved: string;
  @ApiProperty({ type: String }) remaining: string;
}

export class AwardsFundingAreaResponse {
  @ApiProperty({ type: String }) allocation: string;
  @ApiProperty({ type: String }) approved: string;
  @ApiProperty({ type: String }) remaining: string;
  @ApiProperty({ type: String }) budgetAreaId: string;
  @ApiProperty({ type: String }) code: string;
  @ApiProperty({ type: String }) name: string;
}

export class AwardsFundingResponse {
  @ApiProperty({ type: () => AwardsFundingCallResponse }) call: AwardsFundingCallResponse;
  @ApiProperty({ type: () => AwardsFundingAreaResponse, isArray: true }) areas: readonly AwardsFundingAreaResponse[];
}

export class RegisterClockResponse {
  @ApiProperty({ type: String, format: 'date' }) signedOn: string;
  @ApiProperty({ type: Number, description: 'Dnů od uzavření / calendar days since signature' }) day: number;
  @ApiProperty({ type: String, format: 'date' }) warningFrom: string;
  @ApiProperty({ type: String, format: 'date' }) overdueFrom: string;
  @ApiProperty({ type: String, format: 'date' }) voidFrom: string;
}

export class AgreementApplicationResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) number: string;
  @ApiProperty({ type: String }) title: string;
}

export class AgreementCallResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) code: string;
}

export class AgreementOrganisationResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) name: string;
}

export class RecipientSignatureResponse {
  @ApiProperty({ type: String, format: 'date-time' }) signedAt: Date;
  @ApiProperty({ type: String }) sha256: string;
}

export class AgreementTrancheResponse {
  @ApiProperty({ type: Number }) trancheNo: number;
  @ApiProperty({ type: String }) amount: string;
  @ApiProperty({ type: String }) dueDate: string;
  @ApiPropertyOptional({ type: String }) condition?: string;
}

export class AgreementResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) applicationId: string;
  @ApiProperty({ type: String }) decisionId: string;
  @ApiProperty({ type: String }) number: string;
  @ApiProperty({ type: Number }) agreementVersion: number;
  @ApiProperty({ enum: ['draft', 'awaiting_signature', 'signed', 'effective', 'void'] }) status: 'draft' | 'awaiting_signature' | 'signed' | 'effective' | 'void';
  @ApiProperty({ type: String }) amount: string;
  @ApiProperty({ type: String }) committed: string;
  @ApiProperty({ type: String }) remaining: string;
  @ApiProperty({ type: String }) purpose: string;
  @ApiProperty({ type: String }) purposeFrom: string;
  @ApiProperty({ type: String }) purposeTo: string;
  @ApiProperty({ type: String }) settlementDeadline: string;
  @ApiProperty({ type: () => AgreementConditionResponse, isArray: true }) conditions: readonly AgreementConditionResponse[];
  @ApiProperty({ type: () => AgreementTrancheResponse, isArray: true }) tranches: readonly AgreementTrancheResponse[];
  @ApiProperty({ type: Boolean }) registerRequired: boolean;
  @ApiProperty({ enum: ['void', 'not_required', 'not_signed', 'pending', 'warning', 'overdue', 'published'] }) registerState:
    'void' | 'not_required' | 'not_signed' | 'pending' | 'warning' | 'overdue' | 'published';
  @ApiProperty({ type: () => RegisterClockResponse, nullable: true, description: 'Lhůta registru smluv, dokud běží / the register clock while it runs' })
  registerClock: RegisterClockResponse | null;
  @ApiProperty({ type: () => AgreementApplicationResponse }) application: AgreementApplicationResponse;
  @ApiProperty({ type: () => AgreementCallResponse }) call: AgreementCallResponse;
  @ApiProperty({ type: () => AgreementOrganisationResponse }) organisation: AgreementOrganisationResponse;
  @ApiProperty({ type: () => RecipientSignatureResponse, nullable: true }) recipientSignature: RecipientSignatureResponse | null;
  @ApiProperty({ enum: ['send', 'recipient_sign', 'sign', 'publish', 'amend'], isArray: true, description: 'Co lze se smlouvou udělat teď / what can be done now' })
  actions: readonly ('send' | 'recipient_sign' | 'sign' | 'publish' | 'amend')[];
  @ApiProperty({ type: () => AmendmentResponse, isArray: true }) amendments: readonly AmendmentResponse[];
  @ApiProperty({ type: String, nullable: true }) signedOn: string | null;
  @ApiProperty({ type: String, nullable: true }) signatories: string | null;
  @ApiProperty({ type: String, nullable: true }) signedCopySha256: string | null;
  @ApiProperty({ type: String, nullable: true }) publishedOn: string | null;
  @ApiProperty({ type: String, nullable: true }) registerId: string | null;
  @ApiProperty({ type: Number }) version: number;
}

export class AgreementListItemResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) number: string;
  @ApiProperty({ type: Number }) agreementVersion: number;
  @ApiProperty({ enum: ['draft', 'awaiting_signature', 'signed', 'effective', 'void'] }) status: 'draft' | 'awaiting_signature' | 'signed' | 'effective' | 'void';
  @ApiProperty({ type: String }) amount: string;
  @ApiProperty({ type: String }) applicationId: string;
  @ApiProperty({ type: String }) applicationNumber: string;
  @ApiProperty({ type: String }) title: string;
  @ApiProperty({ type: String }) callId: string;
  @ApiProperty({ type: String }) callCode: string;
  @ApiProperty({ type: String }) organisationId: string;
  @ApiProperty({ type: String }) organisationName: string;
  @ApiProperty({ type: String }) ico: string;
  @ApiProperty({ type: Boolean }) registerRequired: boolean;
  @ApiProperty({ enum: ['void', 'not_required', 'not_signed', 'pending', 'warning', 'overdue', 'published'] }) registerState:
    'void' | 'not_required' | 'not_signed' | 'pending' | 'warning' | 'overdue' | 'published';
  @ApiProperty({ type: () => RegisterClockResponse, nullable: true }) registerClock: RegisterClockResponse | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) recipientSignedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) signedOn: string | null;
  @ApiProperty({ type: String, nullable: true }) publishedOn: string | null;
  @ApiProperty({ type: Number }) version: number;
}

export class PageAgreementListItemResponse {
  @ApiProperty({ type: () => AgreementListItemResponse, isArray: true }) items: readonly AgreementListItemResponse[];
  @ApiProperty({ type: Number }) page: number;
  @ApiProperty({ type: Number }) pageSize: number;
  @ApiProperty({ type: Number }) total: number;
}

export class AmendedTermsResponse {
  @ApiPropertyOptional({ type: () => AgreementTrancheResponse, isArray: true }) tranches?: readonly AgreementTrancheResponse[];
  @ApiPropertyOptional({ type: () => AgreementConditionResponse, isArray: true }) conditions?: readonly AgreementConditionResponse[];
  @ApiPropertyOptional({ type: String }) purposeTo?: string;
  @ApiPropertyOptional({ type: String }) settlementDeadline?: string;
}

export class AmendmentResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) agreementId: string;
  @ApiProperty({ type: Number }) number: number;
  @ApiProperty({ type: String }) reason: string;
  @ApiProperty({ type: String, isArray: true }) changes: readonly string[];
  @ApiProperty({ type: () => AmendedTermsResponse }) terms: AmendedTermsResponse;
  @ApiProperty({ type: () => AmendedTermsResponse, nullable: true, description: 'Co dodatek nahrazuje / the terms it replaces' }) previousTerms: AmendedTermsResponse | null;
  @ApiProperty({ type: () => RecipientSignatureResponse, nullable: true }) recipientSignature: RecipientSignatureResponse | null;
  @ApiProperty({ enum: ['awaiting_signature', 'signed', 'effective'] }) status: 'awaiting_signature' | 'signed' | 'effective';
  @ApiProperty({ type: String, nullable: true }) signedOn: string | null;
  @ApiProperty({ type: String, nullable: true }) signedCopySha256: string | null;
  @ApiProperty({ type: String, nullable: true }) publishedOn: string | null;
  @ApiProperty({ type: String, nullable: true }) registerId: string | null;
  @ApiProperty({ type: Number }) version: number;
}

export class PaymentResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) agreementId: string;
  @ApiProperty({ type: Number }) trancheNo: number;
  @ApiProperty({ type: String }) amount: string;
  @ApiProperty({ enum: ['approved', 'ordered', 'exported', 'paid', 'held', 'cancelled'] }) status: 'approved' | 'ordered' | 'exported' | 'paid' | 'held' | 'cancelled';
  @ApiProperty({ type: String }) orderedBy: string;
  @ApiProperty({ type: String, format: 'date-time' }) orderedAt: Date;
  @ApiProperty({ type: String, nullable: true }) approvedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) approvedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) holdReason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) exportedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) bankReference: string | null;
  @ApiProperty({ type: String, nullable: true }) paidOn: string | null;
  @ApiProperty({ type: Number }) version: number;
}

export class PaymentListItemRecipientResponse {
  @ApiProperty({ type: String }) organisationId: string;
  @ApiProperty({ type: String }) name: string;
  @ApiProperty({ type: String }) ico: string;
}

export class PaymentListItemResponse extends PaymentResponse {
  @ApiProperty({ type: String }) agreementNumber: string;
  @ApiProperty({ type: String }) applicationId: string;
  @ApiProperty({ type: String }) applicationNumber: string;
  @ApiProperty({ type: String }) callId: string;
  @ApiProperty({ type: () => PaymentListItemRecipientResponse }) recipient: PaymentListItemRecipientResponse;
  @ApiProperty({ type: String, nullable: true }) orderedByName: string | null;
  @ApiProperty({ type: String, nullable: true }) approvedByName: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Dávka pain.001 / the pain.001 batch' }) batchId: string | null;
  @ApiProperty({ type: String, nullable: true }) batchMessageId: string | null;
}

export class DueTrancheResponse {
  @ApiProperty({ type: String, format: 'uuid' }) agreementId: string;
  @ApiProperty({ type: String }) agreementNumber: string;
  @ApiProperty({ enum: ['signed', 'effective'] }) agreementStatus: 'signed' | 'effective';
  @ApiProperty({ type: Boolean, description: 'Smlouva čeká na uveřejnění v registru smluv / the agreement awaits its publication' }) awaitingPublication: boolean;
  @ApiProperty({ type: String, format: 'uuid' }) applicationId: string;
  @ApiProperty({ type: String }) applicationNumber: string;
  @ApiProperty({ type: Number }) trancheNo: number;
  @ApiProperty({ type: String, example: '100000.00' }) amount: string;
  @ApiProperty({ type: String, format: 'date' }) dueDate: string;
  @ApiProperty({ type: () => PaymentListItemRecipientResponse }) recipient: PaymentListItemRecipientResponse;
}

export class PageDueTrancheResponse {
  @ApiProperty({ type: () => DueTrancheResponse, isArray: true }) items: readonly DueTrancheResponse[];
  @ApiProperty({ type: Number }) page: number;
  @ApiProperty({ type: Number }) pageSize: number;
  @ApiProperty({ type: Number }) total: number;
  @ApiProperty({ type: String, example: '250000.00', description: 'Součet všech splatných splátek / the sum of every due tranche' }) totalAmount: string;
}

export class PagePaymentListItemResponse {
  @ApiProperty({ type: () => PaymentListItemResponse, isArray: true }) items: readonly PaymentListItemResponse[];
  @ApiProperty({ type: Number }) page: number;
  @ApiProperty({ type: Number }) pageSize: number;
  @ApiProperty({ type: Number }) total: number;
}

export class SettlementReportResponse {
  @ApiProperty({ type: String }) indicator: string;
  @ApiProperty({ type: String }) unit: string;
  @ApiProperty({ type: Number }) promised: number;
  @ApiProperty({ type: Number }) achieved: number;
}

export class CostDocumentResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) budgetLineId: string;
  @ApiProperty({ type: String }) number: string;
  @ApiProperty({ type: String }) issuedOn: string;
  @ApiProperty({ type: String }) supplier: string;
  @ApiProperty({ type: String }) amount: string;
  @ApiProperty({ type: String }) paidOn: string;
  @ApiProperty({ enum: ['eligible', 'partly_eligible', 'ineligible'], nullable: true }) review: 'eligible' | 'partly_eligible' | 'ineligible' | null;
  @ApiProperty({ type: String, nullable: true }) eligibleAmount: string | null;
  @ApiProperty({ type: String, nullable: true }) reviewReason: string | null;
  @ApiProperty({ type: () => RecordFileResponse, isArray: true, description: 'Skeny dokladu / the scans' }) files: readonly RecordFileResponse[];
}

export class SettlementReturnResponse {
  @ApiProperty({ type: String }) amount: string;
  @ApiProperty({ type: String }) receivedOn: string;
  @ApiProperty({ type: String }) bankReference: string;
  @ApiProperty({ type: Boolean }) late: boolean;
}

export class SettlementReturnAccountResponse {
  @ApiProperty({ type: String }) number: string;
  @ApiProperty({ type: String }) bankName: string;
  @ApiProperty({ type: String }) variableSymbol: string;
}

export class SettlementBudgetLineResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) category: string;
  @ApiProperty({ type: String }) description: string;
  @ApiProperty({ type: String, description: 'Částka položky podle smlouvy / planned by the agreement' }) planned: string;
  @ApiProperty({ type: String }) claimed: string;
  @ApiProperty({ type: String, nullable: true }) eligible: string | null;
}

export class SettlementShiftResponse {
  @ApiProperty({ type: String }) budgetLineId: string;
  @ApiProperty({ type: String }) planned: string;
  @ApiProperty({ type: String }) eligible: string;
  @ApiProperty({ type: String }) overBy: string;
  @ApiProperty({ type: Boolean }) withinTolerance: boolean;
  @ApiProperty({ type: String }) notCounted: string;
}

export class SettlementComputationResponse {
  @ApiProperty({ type: String }) paid: string;
  @ApiProperty({ type: String }) eligibleTotal: string;
  @ApiProperty({ type: String, description: 'Nevyčerpáno / unspent' }) unspent: string;
  @ApiProperty({ type: String, description: 'Neuznatelné (vč. přesunů nad toleranci) / ineligible' }) ineligible: string;
  @ApiProperty({ type: String }) returnDue: string;
  @ApiProperty({ type: String }) tolerancePercent: string;
  @ApiProperty({ type: Boolean }) needsAmendment: boolean;
  @ApiProperty({ type: () => SettlementShiftResponse, isArray: true }) shifts: readonly SettlementShiftResponse[];
  @ApiProperty({ type: () => LocalisedTextResponse }) explanation: LocalisedTextResponse;
}

export class SettlementResponse {
  @ApiProperty({ type: String, nullable: true, description: 'QR Platba (SPAYD) vratky, která zbývá / of the return still owed' }) paymentCode: string | null;
  @ApiProperty({ type: String }) paid: string;
  @ApiProperty({ type: () => SettlementReturnAccountResponse }) returnAccount: SettlementReturnAccountResponse;
  @ApiProperty({ type: () => SettlementBudgetLineResponse, isArray: true }) budgetLines: readonly SettlementBudgetLineResponse[];
  @ApiProperty({ type: () => SettlementComputationResponse, nullable: true, description: 'Výpočet vratky po kontrole / the return computed, part by part' })
  computation: SettlementComputationResponse | null;
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) agreementId: string;
  @ApiProperty({ enum: ['submitted', 'checked', 'closed'] }) status: 'submitted' | 'checked' | 'closed';
  @ApiProperty({ type: Boolean }) late: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) submittedAt: Date;
  @ApiProperty({ type: () => SettlementReportResponse, isArray: true }) report: readonly SettlementReportResponse[];
  @ApiProperty({ type: String, nullable: true }) eligibleTotal: string | null;
  @ApiProperty({ type: String, nullable: true }) returnDue: string | null;
  @ApiProperty({ type: String, nullable: true }) returnDueDate: string | null;
  @ApiProperty({ type: String }) returned: string;
  @ApiProperty({ type: String, nullable: true }) explanation: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: Date | null;
  @ApiProperty({ type: Number }) version: number;
  @ApiProperty({ type: () => CostDocumentResponse, isArray: true }) costDocuments: readonly CostDocumentResponse[];
  @ApiProperty({ type: () => SettlementReturnResponse, isArray: true }) returns: readonly SettlementReturnResponse[];
}

export class SettlementListItemResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) agreementId: string;
  @ApiProperty({ type: String }) agreementNumber: string;
  @ApiProperty({ type: String }) applicationNumber: string;
  @ApiProperty({ type: String }) title: string;
  @ApiProperty({ type: String }) organisationName: string;
  @ApiProperty({ enum: ['submitted', 'checked', 'closed'] }) status: 'submitted' | 'checked' | 'closed';
  @ApiProperty({ type: Boolean }) late: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) submittedAt: Date;
  @ApiProperty({ type: String, nullable: true }) returnDue: string | null;
  @ApiProperty({ type: String }) returned: string;
  @ApiProperty({ type: Number }) documents: number;
}

export class PageSettlementListItemResponse {
  @ApiProperty({ type: () => SettlementListItemResponse, isArray: true }) items: readonly SettlementListItemResponse[];
  @ApiProperty({ type: Number }) page: number;
  @ApiProperty({ type: Number }) pageSize: number;
  @ApiProperty({ type: Number }) total: number;
}

export class SettlementDraftBudgetLineResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) category: string;
  @ApiProperty({ type: String }) description: string;
  @ApiProperty({ type: String, description: 'Částka položky podle smlouvy / planned by the agreement' }) planned: string;
}

export class SettlementOutputOptionResponse {
  @ApiProperty({ type: String }) indicator: string;
  @ApiProperty({ type: String }) unit: string;
  @ApiProperty({ type: Number, description: 'Slíbeno v žádosti (0 u ukazatele aktivity, který žádost neslíbila)' }) promised: number;
  @ApiProperty({ enum: ['application', 'activity'] }) source: 'application' | 'activity';
  @ApiProperty({ type: String, nullable: true }) activityCode: string | null;
}

export class SettlementDraftDocumentResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String, nullable: true }) budgetLineId: string | null;
  @ApiProperty({ type: String, nullable: true }) number: string | null;
  @ApiProperty({ type: String, nullable: true }) issuedOn: string | null;
  @ApiProperty({ type: String, nullable: true }) supplier: string | null;
  @ApiProperty({ type: String, nullable: true }) amount: string | null;
  @ApiProperty({ type: String, nullable: true }) paidOn: string | null;
  @ApiProperty({ type: () => RecordFileResponse, isArray: true }) files: readonly RecordFileResponse[];
}

export class SettlementDraftOutputResponse {
  @ApiProperty({ type: String }) indicator: string;
  @ApiProperty({ type: String }) unit: string;
  @ApiProperty({ type: Number, nullable: true }) achieved: number | null;
}

export class SettlementDraftResponse {
  @ApiProperty({ type: String }) agreementId: string;
  @ApiProperty({ type: String }) agreementNumber: string;
  @ApiProperty({ type: String }) title: string;
  @ApiProperty({ type: String }) organisationName: string;
  @ApiProperty({ type: String }) settlementDeadline: string;
  @ApiProperty({ type: String }) grant: string;
  @ApiProperty({ type: String }) paid: string;
  @ApiProperty({ type: String, nullable: true, description: 'Podané vyúčtování / the submitted settlement' }) settlementId: string | null;
  @ApiProperty({ type: Number, description: 'Verze konceptu (0 před prvním uložením) / draft version' }) draftVersion: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) updatedAt: Date | null;
  @ApiProperty({ type: () => SettlementDraftBudgetLineResponse, isArray: true }) budgetLines: readonly SettlementDraftBudgetLineResponse[];
  @ApiProperty({ type: () => SettlementOutputOptionResponse, isArray: true }) outputOptions: readonly SettlementOutputOptionResponse[];
  @ApiProperty({ type: () => SettlementDraftDocumentResponse, isArray: true }) costDocuments: readonly SettlementDraftDocumentResponse[];
  @ApiProperty({ type: () => SettlementDraftOutputResponse, isArray: true }) report: readonly SettlementDraftOutputResponse[];
}

export class SettlementCheckShiftResponse {
  @ApiProperty({ type: String }) planned: string;
  @ApiProperty({ type: String }) eligible: string;
  @ApiProperty({ type: String }) overBy: string;
  @ApiProperty({ type: String }) budgetLineId: string;
  @ApiProperty({ type: Boolean }) withinTolerance: boolean;
  @ApiProperty({ type: String }) notCounted: { toJSON(): string };
}

export class SettlementCheckResponse extends SettlementResponse {
  @ApiProperty({ type: () => SettlementCheckShiftResponse, isArray: true }) shifts: readonly SettlementCheckShiftResponse[];
  @ApiProperty({ type: Boolean }) needsAmendment: boolean;
}

export class BreachResponse {
  @ApiProperty({ type: String, nullable: true, description: 'QR Platba (SPAYD) odvodu s penále do splatnosti / of the levy with its penalty to the due date' }) paymentCode:
    string | null;
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) agreementId: string;
  @ApiProperty({ type: Number, nullable: true }) conditionNo: number | null;
  @ApiProperty({ type: String }) description: string;
  @ApiProperty({ type: String }) breachDate: string;
  @ApiProperty({ type: String }) misused: string;
  @ApiProperty({ enum: ['remedy_requested', 'paid', 'remedied', 'open', 'levied', 'waived'] }) status: 'remedy_requested' | 'paid' | 'remedied' | 'open' | 'levied' | 'waived';
  @ApiProperty({ type: String, nullable: true }) remedyDeadline: string | null;
  @ApiProperty({ type: String, nullable: true }) remediedOn: string | null;
  @ApiProperty({ type: String, nullable: true }) levy: string | null;
  @ApiProperty({ type: String, nullable: true }) levyDueDate: string | null;
  @ApiProperty({ type: String, nullable: true }) levyReason: string | null;
  @ApiProperty({ type: String, nullable: true }) penalty: string | null;
  @ApiProperty({ type: String, nullable: true }) penaltyComputation: string | null;
  @ApiProperty({ type: String, nullable: true }) paidOn: string | null;
  @ApiProperty({ type: Number }) version: number;
}

export class RecordFileResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) fileName: string;
  @ApiProperty({ type: String }) mediaType: string;
  @ApiProperty({ type: Number }) sizeBytes: number;
  @ApiProperty({ type: String }) sha256: string;
  @ApiProperty({ type: String, format: 'date-time' }) uploadedAt: Date;
}

export class CallStatusNameResponse {
  @ApiProperty({ type: String }) cs: string;
  @ApiProperty({ type: String }) en: string;
}

export class CallCostCategoryResponse {
  @ApiProperty({ type: String }) code: string;
  @ApiProperty({ type: String }) name: string;
}

export class CallBudgetAreaResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) code: string;
  @ApiProperty({ type: String }) name: string;
  @ApiProperty({ type: String }) description: string;
  @ApiProperty({ type: String }) allocation: string;
}

export class CallCriteriaResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) code: string;
  @ApiProperty({ type: String }) name: string;
  @ApiProperty({ type: String }) description: string;
  @ApiProperty({ type: Number }) maxScore: number;
  @ApiProperty({ type: String }) weight: string;
  @ApiProperty({ type: Number, nullable: true }) minScore: number | null;
}

export class CallAnnexTypeResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) code: string;
  @ApiProperty({ type: String }) name: string;
  @ApiProperty({ type: String }) description: string;
  @ApiProperty({ type: Boolean }) required: boolean;
  @ApiProperty({ enum: ['city_district', 'ngo', 'other'], isArray: true }) requiredFrom: readonly ('city_district' | 'ngo' | 'other')[];
  @ApiProperty({ type: String, isArray: true }) allowedFormats: readonly string[];
  @ApiProperty({ type: Number }) maxSizeMb: number;
}

export class CallActivityResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) code: string;
  @ApiProperty({ type: String }) name: string;
}

export class CallAmendmentChangeResponse {
  @ApiProperty({ type: String }) field: string;
  @ApiProperty({
    description: 'JSON',
    nullable: true,
    oneOf: [{ type: 'object', additionalProperties: true }, { type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: {} }],
  })
  before: unknown;
  @ApiProperty({
    description: 'JSON',
    nullable: true,
    oneOf: [{ type: 'object', additionalProperties: true }, { type: 'string' }, { type: 'number' }, { type: 'boolean' }, { type: 'array', items: {} }],
  })
  after: unknown;
}

export class CallAmendmentResponse {
  @ApiProperty({ type: Number }) number: number;
  @ApiProperty({ type: String }) reason: string;
  @ApiProperty({ type: String }) createdAt: string;
  @ApiProperty({ type: () => CallAmendmentChangeResponse, isArray: true }) changes: readonly CallAmendmentChangeResponse[];
}

export class CallResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) code: string;
  @ApiProperty({ type: Number }) year: number;
  @ApiProperty({ type: String }) title: string;
  @ApiProperty({ enum: ['draft', 'published', 'closed', 'open', 'in_evaluation', 'decided', 'archived'] }) status:
    'draft' | 'published' | 'closed' | 'open' | 'in_evaluation' | 'decided' | 'archived';
  @ApiProperty({ type: () => CallStatusNameResponse }) statusName: CallStatusNameResponse;
  @ApiProperty({ type: String }) purpose: string;
  @ApiProperty({ type: String }) reasons: string;
  @ApiProperty({ type: String }) totalAllocation: string;
  @ApiProperty({ type: String, nullable: true }) minGrant: string | null;
  @ApiProperty({ type: String, nullable: true }) maxGrant: string | null;
  @ApiProperty({ type: String, nullable: true }) grantRule: string | null;
  @ApiProperty({ enum: ['city_district', 'ngo', 'other'], isArray: true }) eligibleApplicantTypes: readonly ('city_district' | 'ngo' | 'other')[];
  @ApiProperty({ type: String }) opensAt: string;
  @ApiProperty({ type: String }) closesAt: string;
  @ApiProperty({ type: String }) decisionDeadline: string;
  @ApiProperty({ type: String }) conditions: string;
  @ApiProperty({ type: String }) coFinancingMinPercent: string;
  @ApiProperty({ type: () => CallCostCategoryResponse, isArray: true }) costCategories: readonly CallCostCategoryResponse[];
  @ApiProperty({ type: String }) settlementDeadline: string;
  @ApiProperty({ enum: ['none', 'de_minimis'] }) stateAidRegime: 'none' | 'de_minimis';
  @ApiProperty({ type: Number }) reviewersPerApplication: number;
  @ApiProperty({ type: () => CallBudgetAreaResponse, isArray: true }) budgetAreas: readonly CallBudgetAreaResponse[];
  @ApiProperty({ type: () => CallCriteriaResponse, isArray: true }) criteria: readonly CallCriteriaResponse[];
  @ApiProperty({ type: () => CallAnnexTypeResponse, isArray: true }) annexTypes: readonly CallAnnexTypeResponse[];
  @ApiProperty({ type: () => CallActivityResponse, isArray: true }) activities: readonly CallActivityResponse[];
  @ApiProperty({ type: String, nullable: true }) publishedAt: string | null;
  @ApiProperty({ type: () => CallAmendmentResponse, isArray: true }) amendments: readonly CallAmendmentResponse[];
  @ApiProperty({ type: Number }) version: number;
  @ApiProperty({ type: String }) createdAt: string;
  @ApiProperty({ type: String }) updatedAt: string;
}

export class CallPublicationCheckResponse {
  @ApiProperty({ type: String }) callId: string;
  @ApiProperty({ enum: ['draft', 'published', 'open', 'closed', 'in_evaluation', 'decided', 'archived'] }) status:
    'draft' | 'published' | 'open' | 'closed' | 'in_evaluation' | 'decided' | 'archived';
  @ApiProperty({ type: Boolean }) ready: boolean;
  @ApiProperty({ type: () => FieldErrorResponse, isArray: true }) blockers: readonly FieldErrorResponse[];
  @ApiProperty({ type: String, description: 'Dnešní datum v Praze podle hodin systému / today in Prague by the system clock' }) today: string;
  @ApiProperty({ type: Number }) minDaysFromPublicationToOpening: number;
  @ApiProperty({ type: String, description: 'Nejbližší možný začátek příjmu při zveřejnění dnes / earliest opening if published today' }) earliestOpeningDate: string;
}

export class PageCallResponse {
  @ApiProperty({ type: () => CallResponse, isArray: true }) items: readonly CallResponse[];
  @ApiProperty({ type: Number }) page: number;
  @ApiProperty({ type: Number }) pageSize: number;
  @ApiProperty({ type: Number }) total: number;
}

export class QueueHealthFailedResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) name: string;
  @ApiProperty({ type: String }) failedReason: string;
  @ApiProperty({ type: Number }) attemptsMade: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) failedAt: Date | null;
}

export class QueueHealthResponse {
  @ApiProperty({ enum: ['outbox', 'mail'] }) name: 'outbox' | 'mail';
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) counts: Record<string, number>;
  @ApiProperty({ type: () => QueueHealthFailedResponse, isArray: true }) failed: readonly QueueHealthFailedResponse[];
}

export class DeadLetterCountsResponse {
  @ApiProperty({ type: Number }) permanent: number;
  @ApiProperty({ type: Number }) attempts_exhausted: number;
  @ApiProperty({ type: Number }) outcome_unknown: number;
  @ApiProperty({ type: Number }) total: number;
}

export class QueueBacklogResponse {
  @ApiProperty({
    type: Number,
    description: 'Po kolika sekundách se čekající událost nebo e-mail považuje za ztracené frontou / seconds after which a waiting event or mail counts as lost by the queue',
  })
  afterSeconds: number;
  @ApiProperty({ type: Number }) outboxNotRelayed: number;
  @ApiProperty({ type: Number }) outboxNotProcessed: number;
  @ApiProperty({ type: Number }) mailsWaiting: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) oldestSince: Date | null;
}

export class DeliveryAdminQueuesResponse {
  @ApiProperty({ type: () => QueueHealthResponse, isArray: true }) queues: readonly QueueHealthResponse[];
  @ApiProperty({ type: () => QueueBacklogResponse }) backlog: QueueBacklogResponse;
  @ApiProperty({ type: () => DeadLetterCountsResponse }) deadLetters: DeadLetterCountsResponse;
}

export class DeliveryAdminRetryFailedResponse {
  @ApiProperty({ type: String }) queue: string;
  @ApiProperty({ type: String }) jobId: string;
}

export class DeadLetterResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) kind: string;
  @ApiProperty({ type: String }) recipient: string;
  @ApiProperty({ enum: ['permanent', 'attempts_exhausted', 'outcome_unknown'] }) reason: 'permanent' | 'attempts_exhausted' | 'outcome_unknown';
  @ApiProperty({ type: String, nullable: true }) lastError: string | null;
  @ApiProperty({ type: Number }) attempts: number;
  @ApiProperty({ type: String, nullable: true }) sourceEventId: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) deadSince: Date;
}

export class PageDeadLetterResponse {
  @ApiProperty({ type: () => DeadLetterResponse, isArray: true }) items: readonly DeadLetterResponse[];
  @ApiProperty({ type: Number }) page: number;
  @ApiProperty({ type: Number }) pageSize: number;
  @ApiProperty({ type: Number }) total: number;
}

export class DeliveryAdminRequeueResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: Number }) generation: number;
}

export class SinkMessageSummaryResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) receivedAt: string;
  @ApiProperty({ type: String }) from: string;
  @ApiProperty({ type: String, isArray: true }) to: readonly string[];
  @ApiProperty({ type: String }) subject: string;
  @ApiProperty({ type: Number }) size: number;
  @ApiProperty({ type: Number }) attachments: number;
}

export class DeliveryAdminSinkResponse {
  @ApiProperty({ type: Number }) page: number;
  @ApiProperty({ type: Number }) pageSize: number;
  @ApiProperty({ type: () => SinkMessageSummaryResponse, isArray: true }) items: readonly SinkMessageSummaryResponse[];
  @ApiProperty({ type: Number }) total: number;
}

export class SinkMessageAttachmentListResponse {
  @ApiProperty({ type: String }) filename: string;
  @ApiProperty({ type: String }) contentType: string;
  @ApiProperty({ type: Number }) size: number;
}

export class SinkMessageResponse extends SinkMessageSummaryResponse {
  @ApiProperty({ type: String }) text: string;
  @ApiProperty({ type: String, nullable: true }) html: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) headers: Record<string, string>;
  @ApiProperty({ type: () => SinkMessageAttachmentListResponse, isArray: true }) attachmentList: readonly SinkMessageAttachmentListResponse[];
}

export class CommissionMemberResponse {
  @ApiProperty({ type: String }) userId: string;
  @ApiProperty({ type: String }) displayName: string;
  @ApiProperty({ type: Boolean }) declaredAll: boolean;
  @ApiProperty({ type: Number }) conflicts: number;
  @ApiProperty({ type: Number }) assigned: number;
}

export class CommissionResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) callId: string;
  @ApiProperty({ type: String }) name: string;
  @ApiProperty({ type: String }) chairUserId: string;
  @ApiProperty({ type: String }) secretaryUserId: string;
  @ApiProperty({ type: () => CommissionMemberResponse, isArray: true }) members: readonly CommissionMemberResponse[];
  @ApiProperty({ type: Number }) reviewersPerApplication: number;
  @ApiProperty({ type: String, nullable: true }) spreadLimit: string | null;
  @ApiProperty({ type: String, nullable: true }) overallThreshold: string | null;
  @ApiProperty({ type: Number }) quorumPercent: number;
  @ApiProperty({ enum: ['rank_order', 'proportional'] }) strategy: 'rank_order' | 'proportional';
  @ApiProperty({ type: Boolean }) allowPartial: boolean;
  @ApiProperty({ type: Number }) version: number;
}

export class AssignmentOverviewApplicationResponse {
  @ApiProperty({ type: String }) applicationId: string;
  @ApiProperty({ type: String }) number: string;
  @ApiProperty({ type: String, isArray: true }) reviewers: readonly string[];
  @ApiProperty({ type: Number }) eligible: number;
  @ApiProperty({ type: String, isArray: true }) eligibleUserIds: readonly string[];
  @ApiProperty({ type: String, isArray: true }) conflictedUserIds: readonly string[];
}

export class AssignmentOverviewWarningResponse {
  @ApiProperty({ type: String }) applicationId: string;
  @ApiProperty({ type: String }) number: string;
  @ApiProperty({ type: Number }) eligible: number;
  @ApiProperty({ type: Number }) required: number;
}

export class AssignmentOverviewResponse {
  @ApiProperty({ type: Number }) assigned: number;
  @ApiProperty({ type: () => AssignmentOverviewApplicationResponse, isArray: true }) applications: readonly AssignmentOverviewApplicationResponse[];
  @ApiProperty({ type: () => AssignmentOverviewWarningResponse, isArray: true }) warnings: readonly AssignmentOverviewWarningResponse[];
}

export class CriterionResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) code: string;
  @ApiProperty({ type: String }) name: string;
  @ApiProperty({ type: Number }) maxScore: number;
  @ApiProperty({ type: String }) weight: string;
  @ApiProperty({ type: Number, nullable: true }) minScore: number | null;
  @ApiProperty({ type: Number }) position: number;
}

export class ScorePerCriterionResponse {
  @ApiProperty({ type: String }) criterionId: string;
  @ApiProperty({ type: String, nullable: true }) mean: string | null;
}

export class ThresholdFailureResponse {
  @ApiProperty({ type: String, nullable: true }) criterionId: string | null;
  @ApiProperty({ enum: ['CRITERION_BELOW_MINIMUM', 'TOTAL_BELOW_THRESHOLD', 'NO_SHEETS'] }) code: 'CRITERION_BELOW_MINIMUM' | 'TOTAL_BELOW_THRESHOLD' | 'NO_SHEETS';
  @ApiPropertyOptional({ type: String }) required?: { toJSON(): string };
  @ApiPropertyOptional({ type: String }) actual?: { toJSON(): string };
}

export class ScoreResponse {
  @ApiProperty({ type: Number }) sheets: number;
  @ApiProperty({ type: String, nullable: true }) mean: string | null;
  @ApiProperty({ type: String, nullable: true }) median: string | null;
  @ApiProperty({ type: String, nullable: true }) spread: string | null;
  @ApiProperty({ type: String, nullable: true }) final: string | null;
  @ApiProperty({ type: String, nullable: true }) consensusReason: string | null;
  @ApiProperty({ type: () => ScorePerCriterionResponse, isArray: true }) perCriterion: readonly ScorePerCriterionResponse[];
  @ApiProperty({ type: () => ThresholdFailureResponse, isArray: true }) failedThresholds: readonly ThresholdFailureResponse[];
  @ApiProperty({ type: Boolean }) recommendable: boolean;
  @ApiProperty({ type: Boolean }) flaggedForDiscussion: boolean;
}

export class RankedApplicationVotesResponse {
  @ApiProperty({ type: Number }) for: number;
  @ApiProperty({ type: Number }) against: number;
  @ApiProperty({ type: Number }) abstain: number;
}

export class RankedApplicationResponse {
  @ApiProperty({ type: Number }) rank: number;
  @ApiProperty({ type: String }) applicationId: string;
  @ApiProperty({ type: String }) applicationNumber: string;
  @ApiProperty({ type: String, nullable: true }) final: { toJSON(): string } | null;
  @ApiProperty({ type: String }) tieBreak: string;
  @ApiProperty({ type: String }) applicant: string;
  @ApiProperty({ type: String }) projectTitle: string;
  @ApiProperty({ type: () => ScoreResponse }) score: ScoreResponse;
  @ApiProperty({ type: () => RankedApplicationVotesResponse }) votes: RankedApplicationVotesResponse;
}

export class AreaResultRecommendationLineResponse {
  @ApiProperty({ type: Number }) rank: number;
  @ApiProperty({ type: String }) applicationId: string;
  @ApiProperty({ type: String }) applicationNumber: string;
  @ApiProperty({ type: String }) requested: string;
  @ApiProperty({ type: String }) eligible: string;
  @ApiProperty({ type: String }) recommended: string;
  @ApiProperty({ type: String }) remainingAfter: string;
  @ApiProperty({ type: String }) reasonCode: string;
  @ApiProperty({ type: () => CallStatusNameResponse }) explanation: CallStatusNameResponse;
}

export class AreaResultRecommendationResponse {
  @ApiProperty({ type: () => AreaResultRecommendationLineResponse, isArray: true }) lines: readonly AreaResultRecommendationLineResponse[];
  @ApiProperty({ type: String }) recommendedTotal: string;
  @ApiProperty({ type: String }) remaining: string;
}

export class AreaResultResponse {
  @ApiProperty({ type: String }) code: string;
  @ApiProperty({ type: String }) name: string;
  @ApiProperty({ type: String }) allocation: string;
  @ApiProperty({ type: () => RankedApplicationResponse, isArray: true }) ranking: readonly RankedApplicationResponse[];
  @ApiProperty({ type: () => AreaResultRecommendationResponse }) recommendation: AreaResultRecommendationResponse;
}

export class CommissionResultsResponse {
  @ApiProperty({ type: String }) commissionId: string;
  @ApiProperty({ type: String }) callId: string;
  @ApiProperty({ type: String, nullable: true }) sessionId: string | null;
  @ApiProperty({ type: () => CriterionResponse, isArray: true }) criteria: readonly CriterionResponse[];
  @ApiProperty({ type: () => AreaResultResponse, isArray: true }) areas: readonly AreaResultResponse[];
}

export class CommissionsForApplicantPerCriterionResponse {
  @ApiProperty({ type: String }) code: string;
  @ApiProperty({ type: String }) name: string;
  @ApiProperty({ type: Number }) maxScore: number;
  @ApiProperty({ type: String, nullable: true }) mean: string | null;
}

export class CommissionsForApplicantResponse {
  @ApiProperty({ type: String }) applicationId: string;
  @ApiProperty({ type: String }) budgetAreaCode: string;
  @ApiProperty({ type: Number }) rank: number;
  @ApiProperty({ type: String, nullable: true }) finalPoints: string | null;
  @ApiProperty({ type: () => CommissionsForApplicantPerCriterionResponse, isArray: true }) perCriterion: readonly CommissionsForApplicantPerCriterionResponse[];
  @ApiProperty({ type: String }) recommendedAmount: string;
  @ApiProperty({ type: () => CallStatusNameResponse }) explanation: CallStatusNameResponse;
}

export class ReviewsDeclarationsOrganisationDeclarationResponse {
  @ApiProperty({ type: Boolean }) conflict: boolean;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) declaredAt: Date | null;
}

export class ReviewsDeclarationsOrganisationResponse {
  @ApiProperty({ type: String }) organisationId: string;
  @ApiProperty({ type: String }) name: string;
  @ApiProperty({ type: String }) ico: string;
  @ApiProperty({ type: () => ReviewsDeclarationsOrganisationDeclarationResponse, nullable: true }) declaration: ReviewsDeclarationsOrganisationDeclarationResponse | null;
}

export class ReviewsDeclarationsResponse {
  @ApiProperty({ type: Number }) pending: number;
  @ApiProperty({ type: () => ReviewsDeclarationsOrganisationResponse, isArray: true }) organisations: readonly ReviewsDeclarationsOrganisationResponse[];
}

export class ReviewsMineResponse {
  @ApiProperty({ type: String }) applicationId: string;
  @ApiProperty({ type: String }) number: string;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty({ type: String }) applicant: string;
  @ApiProperty({ type: String, nullable: true }) requestedAmount: string | null;
  @ApiProperty({ type: String }) sheetStatus: string;
  @ApiProperty({ type: Number }) sheetVersion: number;
}

export class ReviewsApplicationAttachmentResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) annexTypeCode: string;
  @ApiProperty({ type: String }) fileName: string;
  @ApiProperty({ type: String }) mediaType: string;
  @ApiProperty({ type: Number }) sizeBytes: number;
}

export class StoredCriterionScoreResponse {
  @ApiProperty({ type: String }) criterionId: string;
  @ApiProperty({ type: Number, nullable: true }) score: number | null;
  @ApiProperty({ type: Boolean }) notApplicable: boolean;
  @ApiProperty({ type: String }) justification: string;
}

export class SheetProblemResponse {
  @ApiProperty({ type: String, nullable: true }) criterionId: string | null;
  @ApiProperty({ enum: ['SCORE_OUT_OF_RANGE', 'SCORE_MISSING', 'JUSTIFICATION_MISSING', 'UNKNOWN_CRITERION', 'ALL_NOT_APPLICABLE', 'NA_WITH_SCORE'] }) code:
    'SCORE_OUT_OF_RANGE' | 'SCORE_MISSING' | 'JUSTIFICATION_MISSING' | 'UNKNOWN_CRITERION' | 'ALL_NOT_APPLICABLE' | 'NA_WITH_SCORE';
  @ApiProperty({ type: () => LocalisedTextResponse }) message: LocalisedTextResponse;
}

export class SheetResponse {
  @ApiProperty({ type: String }) applicationId: string;
  @ApiProperty({ enum: ['draft', 'submitted', 'void', 'new'] }) status: 'draft' | 'submitted' | 'void' | 'new';
  @ApiProperty({ type: () => StoredCriterionScoreResponse, isArray: true }) scores: readonly StoredCriterionScoreResponse[];
  @ApiProperty({ type: Number }) version: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: Date | null;
  @ApiProperty({ type: () => SheetProblemResponse, isArray: true }) problems: readonly SheetProblemResponse[];
}

export class ReviewsApplicationResponse {
  @ApiProperty({ type: String }) applicationId: string;
  @ApiProperty({ type: Number }) versionNo: number;
  @ApiProperty({ type: String }) receiptNumber: string;
  @ApiProperty({ type: () => SubmittedContentResponse }) content: SubmittedContentResponse;
  @ApiProperty({ type: () => ReviewsApplicationAttachmentResponse, isArray: true }) attachments: readonly ReviewsApplicationAttachmentResponse[];
  @ApiProperty({ type: () => CriterionResponse, isArray: true }) criteria: readonly CriterionResponse[];
  @ApiProperty({ type: () => SheetResponse }) sheet: SheetResponse;
}

export class SessionQuorumResponse {
  @ApiProperty({ type: Number }) present: number;
  @ApiProperty({ type: Number }) total: number;
  @ApiProperty({ type: Number }) required: number;
  @ApiProperty({ type: Boolean }) met: boolean;
}

export class SessionAgendaResponse {
  @ApiProperty({ type: String }) applicationId: string;
  @ApiProperty({ type: String }) number: string;
  @ApiProperty({ type: Boolean }) flagged: boolean;
}

export class SessionDecisionResponse {
  @ApiProperty({ type: String }) applicationId: string;
  @ApiProperty({ type: String }) discussionNotes: string;
  @ApiProperty({ type: String, nullable: true }) consensusPoints: string | null;
  @ApiProperty({ type: String, nullable: true }) consensusReason: string | null;
  @ApiProperty({ type: String, nullable: true }) cutAmount: string | null;
  @ApiProperty({ type: String, nullable: true }) cutReason: string | null;
  @ApiProperty({ type: String, nullable: true }) adjustedAmount: string | null;
  @ApiProperty({ type: String, nullable: true }) adjustReason: string | null;
}

export class SessionMyVoteResponse {
  @ApiProperty({ type: String }) applicationId: string;
  @ApiProperty({ enum: ['abstain', 'against', 'for'] }) vote: 'abstain' | 'against' | 'for';
}

export class SessionResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) commissionId: string;
  @ApiProperty({ type: String }) number: string;
  @ApiProperty({ type: String, format: 'date-time' }) heldAt: Date;
  @ApiProperty({ type: String }) place: string;
  @ApiProperty({ enum: ['closed', 'open'] }) status: 'closed' | 'open';
  @ApiProperty({ type: String, isArray: true }) attendance: readonly string[];
  @ApiProperty({ type: () => SessionQuorumResponse }) quorum: SessionQuorumResponse;
  @ApiProperty({ type: () => SessionAgendaResponse, isArray: true }) agenda: readonly SessionAgendaResponse[];
  @ApiProperty({ type: () => SessionDecisionResponse, isArray: true }) decisions: readonly SessionDecisionResponse[];
  @ApiProperty({ type: () => SessionMyVoteResponse, isArray: true, description: "The reader's own votes; another member's vote is never returned" })
  myVotes: readonly SessionMyVoteResponse[];
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: Date | null;
  @ApiProperty({ type: Number }) version: number;
}

export class BulkFailureResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) code: string;
  @ApiProperty({ type: () => LocalisedTextResponse }) message: LocalisedTextResponse;
}

export class BulkPaymentOrderedResponse {
  @ApiProperty({ type: String, format: 'uuid' }) agreementId: string;
  @ApiProperty({ type: String }) agreementNumber: string;
  @ApiProperty({ type: Number }) trancheNo: number;
  @ApiProperty({ type: String, example: '100000.00' }) amount: string;
  @ApiProperty({ type: String, format: 'uuid' }) paymentId: string;
}

export class BulkPaymentFailedResponse {
  @ApiProperty({ type: String, format: 'uuid' }) agreementId: string;
  @ApiProperty({ type: String }) agreementNumber: string;
  @ApiProperty({ type: Number }) trancheNo: number;
  @ApiProperty({ type: String, example: '100000.00' }) amount: string;
  @ApiProperty({ type: String }) code: string;
  @ApiProperty({ type: () => LocalisedTextResponse }) message: LocalisedTextResponse;
}

export class BulkPaymentOrdersResponse {
  @ApiProperty({ type: () => BulkPaymentOrderedResponse, isArray: true }) ordered: readonly BulkPaymentOrderedResponse[];
  @ApiProperty({ type: () => BulkPaymentFailedResponse, isArray: true }) failed: readonly BulkPaymentFailedResponse[];
}

export class BulkResultResponse {
  @ApiProperty({ type: String, isArray: true }) succeeded: readonly string[];
  @ApiProperty({ type: () => BulkFailureResponse, isArray: true }) failed: readonly BulkFailureResponse[];
}

export class SessionSummaryResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) commissionId: string;
  @ApiProperty({ type: String }) number: string;
  @ApiProperty({ type: String, format: 'date-time' }) heldAt: Date;
  @ApiProperty({ type: String }) place: string;
  @ApiProperty({ enum: ['closed', 'open'] }) status: 'closed' | 'open';
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: Date | null;
  @ApiProperty({ type: Number }) version: number;
}

export class SessionsVoteResponse {
  @ApiProperty({ type: String }) applicationId: string;
  @ApiProperty({ enum: ['for', 'against', 'abstain'] }) vote: 'for' | 'against' | 'abstain';
}

export class HealthQueueResponse {
  @ApiProperty({ enum: ['up', 'down', 'timeout'] }) status: 'up' | 'down' | 'timeout';
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) counts: Record<string, number>;
  @ApiProperty({ enum: ['redis', 'postgres'] }) backend: 'redis' | 'postgres';
}

export class HealthResponse {
  @ApiProperty({ type: String }) status: string;
  @ApiProperty({ enum: ['up', 'down', 'timeout'] }) database: 'up' | 'down' | 'timeout';
  @ApiProperty({ type: () => HealthQueueResponse }) queue: HealthQueueResponse;
}

export class LivenessResponse {
  @ApiProperty({ enum: ['ok'] }) status: 'ok';
}

export class InboxItemResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) kind: string;
  @ApiProperty({ enum: ['application', 'call', 'decision', 'agreement', 'settlement', 'account', 'evaluation', 'payment'] }) category:
    'application' | 'call' | 'decision' | 'agreement' | 'settlement' | 'account' | 'evaluation' | 'payment';
  @ApiProperty({ type: String }) title: string;
  @ApiProperty({ type: String }) summary: string;
  @ApiProperty({ type: String, nullable: true }) link: string | null;
  @ApiProperty({ type: Boolean }) mandatory: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) readAt: Date | null;
}

export class InboxPageResponse {
  @ApiProperty({ type: () => InboxItemResponse, isArray: true }) items: readonly InboxItemResponse[];
  @ApiProperty({ type: Number }) page: number;
  @ApiProperty({ type: Number }) pageSize: number;
  @ApiProperty({ type: Number }) total: number;
  @ApiProperty({ type: Number }) unread: number;
}

export class NotificationsReadAllResponse {
  @ApiProperty({ type: Number }) marked: number;
}

export class PreferencesKindResponse {
  @ApiProperty({
    enum: [
      'remedy_requested',
      'account_welcome',
      'organisation_verification_decided',
      'organisation_join_requested',
      'organisation_join_decided',
      'password_reset',
      'call_published',
      'call_opened',
      'call_closing_soon',
      'draft_reminder',
      'submission_receipt',
      'remedy_deadline_reminder',
      'formal_check_passed',
      'application_excluded',
      'commission_assignment',
      'coi_declaration_pending',
      'review_due',
      'session_convened',
      'award_approved',
      'award_rejected',
      'agreement_ready_to_sign',
      'agreement_published',
      'payment_sent',
      'settlement_due',
      'settlement_overdue',
      'return_due',
      'return_received',
      'breach_remedy_request',
      'register_publication_due',
    ],
  })
  kind:
    | 'remedy_requested'
    | 'account_welcome'
    | 'organisation_verification_decided'
    | 'organisation_join_requested'
    | 'organisation_join_decided'
    | 'password_reset'
    | 'call_published'
    | 'call_opened'
    | 'call_closing_soon'
    | 'draft_reminder'
    | 'submission_receipt'
    | 'remedy_deadline_reminder'
    | 'formal_check_passed'
    | 'application_excluded'
    | 'commission_assignment'
    | 'coi_declaration_pending'
    | 'review_due'
    | 'session_convened'
    | 'award_approved'
    | 'award_rejected'
    | 'agreement_ready_to_sign'
    | 'agreement_published'
    | 'payment_sent'
    | 'settlement_due'
    | 'settlement_overdue'
    | 'return_due'
    | 'return_received'
    | 'breach_remedy_request'
    | 'register_publication_due';
  @ApiProperty({ enum: ['application', 'call', 'decision', 'agreement', 'settlement', 'account', 'evaluation', 'payment'] }) category:
    'application' | 'call' | 'decision' | 'agreement' | 'settlement' | 'account' | 'evaluation' | 'payment';
  @ApiProperty({ type: String }) label: string;
  @ApiProperty({ type: Boolean }) mandatory: boolean;
  @ApiProperty({ type: Boolean }) muted: boolean;
}

export class PreferencesResponse {
  @ApiProperty({ enum: ['immediate', 'daily_digest'] }) delivery: 'immediate' | 'daily_digest';
  @ApiProperty({ type: Number }) version: number;
  @ApiProperty({ type: () => PreferencesKindResponse, isArray: true }) kinds: readonly PreferencesKindResponse[];
}

export class OpenDataSchemaResponse {
  @ApiProperty({
    enum: [
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
    ],
    isArray: true,
  })
  columns: readonly (
    | 'prijemce_ico'
    | 'prijemce_nazev'
    | 'prijemce_typ'
    | 'vyzva_kod'
    | 'rok'
    | 'zadost_cislo'
    | 'projekt_nazev'
    | 'rozhodl_organ'
    | 'usneseni_cislo'
    | 'usneseni_datum'
    | 'castka_pozadovana'
    | 'castka_rozhodnuta'
    | 'castka_uvolnena'
    | 'castka_cerpana'
    | 'castka_vyuctovana'
    | 'castka_vracena'
    | 'aktivity_akcniho_planu'
  )[];
  @ApiProperty({ type: String }) amounts: string;
  @ApiProperty({ type: String }) dates: string;
  @ApiProperty({ type: String }) recipients: string;
  @ApiProperty({ type: Number, description: 'Počet řádků exportu teď / rows the downloads hold now' }) rowCount: number;
}

export class PublicActivityFundingResponse {
  @ApiProperty({ type: String, format: 'uuid' }) nodeId: string;
  @ApiProperty({ type: String }) code: string;
  @ApiProperty({ type: String, example: '12500.00' }) approved: string;
  @ApiProperty({ type: String, example: '12500.00' }) paid: string;
}

export class PublicStrategyFundingResponse {
  @ApiProperty({ type: String, format: 'uuid' }) versionId: string;
  @ApiProperty({ type: () => PublicActivityFundingResponse, isArray: true }) activities: PublicActivityFundingResponse[];
}

export class OrganisationSeatResponse {
  @ApiProperty({ type: String }) street: string;
  @ApiProperty({ type: String }) city: string;
  @ApiProperty({ type: String }) postalCode: string;
}

export class OrganisationVerificationResponse {
  @ApiProperty({ enum: ['unverified', 'pending', 'verified', 'rejected'] }) status: 'unverified' | 'pending' | 'verified' | 'rejected';
  @ApiProperty({ type: () => LocalisedTextResponse }) statusName: LocalisedTextResponse;
  @ApiProperty({ enum: ['statutory_body', 'power_of_attorney'], nullable: true }) authority: 'statutory_body' | 'power_of_attorney' | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, nullable: true }) evidenceFileName: string | null;
  @ApiProperty({ type: String, nullable: true }) submittedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) decidedAt: string | null;
}

export class JoinRequestOrganisationResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String }) name: string;
  @ApiProperty({ type: String }) ico: string;
}

export class JoinRequestUserResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: String }) email: string;
  @ApiProperty({ type: String }) displayName: string;
}

export class JoinRequestResponse {
  @ApiProperty({ type: String, format: 'uuid' }) id: string;
  @ApiProperty({ type: () => JoinRequestOrganisationResponse }) organisation: JoinRequestOrganisationResponse;
  @ApiProperty({ type: () => JoinRequestUserResponse }) user: JoinRequestUserResponse;
  @ApiProperty({ enum: ['pending', 'approved', 'refused'] }) status: 'pending' | 'approved' | 'refused';
  @ApiProperty({ type: String, nullable: true }) message: string | null;
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String }) createdAt: string;
  @ApiProperty({ type: String, nullable: true }) decidedAt: string | null;
}

export class OrganisationResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ enum: ['city_district', 'ngo', 'other'] }) type: 'city_district' | 'ngo' | 'other';
  @ApiProperty({ enum: ['spolek', 'ops', 'ustav', 'nadace', 'nadacni_fond', 'church'], nullable: true }) legalForm:
    'spolek' | 'ops' | 'ustav' | 'nadace' | 'nadacni_fond' | 'church' | null;
  @ApiProperty({ type: String }) name: string;
  @ApiProperty({ type: String }) ico: string;
  @ApiProperty({ type: () => OrganisationSeatResponse }) seat: OrganisationSeatResponse;
  @ApiProperty({ type: String, nullable: true }) bankAccount: string | null;
  @ApiProperty({ type: String, nullable: true }) dataBoxId: string | null;
  @ApiProperty({ type: Number }) version: number;
  @ApiProperty({ type: String }) createdAt: string;
  @ApiProperty({ type: String }) updatedAt: string;
  @ApiProperty({ type: () => OrganisationVerificationResponse }) verification: OrganisationVerificationResponse;
}

export class PageOrganisationResponse {
  @ApiProperty({ type: () => OrganisationResponse, isArray: true }) items: readonly OrganisationResponse[];
  @ApiProperty({ type: Number }) page: number;
  @ApiProperty({ type: Number }) pageSize: number;
  @ApiProperty({ type: Number }) total: number;
}

export class MemberResponse {
  @ApiProperty({ type: String }) userId: string;
  @ApiProperty({ type: String }) email: string;
  @ApiProperty({ type: String }) displayName: string;
  @ApiProperty({ enum: ['owner', 'member'] }) role: 'owner' | 'member';
}

export class StrategyVersionResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ enum: ['koncepce', 'action-plan'] }) kind: 'koncepce' | 'action-plan';
  @ApiProperty({ type: String }) title: string;
  @ApiProperty({ type: Number, nullable: true }) year: number | null;
  @ApiProperty({ type: Number }) periodFrom: number;
  @ApiProperty({ type: Number }) periodTo: number;
  @ApiProperty({ type: String }) sourceName: string;
  @ApiProperty({ type: String }) importedAt: string;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'number' } }) counts: Record<string, number>;
}

export class ActivityDetailsResponse {
  @ApiProperty({ type: String, nullable: true }) guarantor: string | null;
  @ApiProperty({ type: String, nullable: true }) partners: string | null;
  @ApiProperty({ type: String, nullable: true }) targetGroups: string | null;
  @ApiProperty({ type: String, nullable: true }) frequency: string | null;
  @ApiProperty({ type: String, nullable: true }) estimatedCostsText: string | null;
  @ApiProperty({ type: String, nullable: true }) fundingSource: string | null;
  @ApiProperty({ type: String, isArray: true }) indicators: readonly string[];
}

export class StrategyTreeNodeResponse {
  @ApiProperty({ type: () => StrategyTreeNodeResponse, isArray: true }) children: readonly StrategyTreeNodeResponse[];
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) versionId: string;
  @ApiProperty({ type: String, nullable: true }) parentId: string | null;
  @ApiProperty({ enum: ['priority', 'area', 'subgoal', 'measure', 'activity'] }) level: 'priority' | 'area' | 'subgoal' | 'measure' | 'activity';
  @ApiProperty({ type: String }) code: string;
  @ApiProperty({ type: String, nullable: true }) sourceCode: string | null;
  @ApiProperty({ type: String }) name: string;
  @ApiProperty({ type: String, isArray: true }) descriptors: readonly string[];
  @ApiProperty({ type: () => ActivityDetailsResponse, nullable: true }) activity: ActivityDetailsResponse | null;
  @ApiProperty({ type: String, nullable: true }) estimatedCostsCzk: string | null;
  @ApiProperty({ type: String, nullable: true }) estimatedCostsFormatted: string | null;
  @ApiProperty({ type: Boolean }) fundedByGrantProgramme: boolean;
}

export class StrategyTreeResponse {
  @ApiProperty({ type: () => StrategyVersionResponse }) version: StrategyVersionResponse;
  @ApiProperty({ type: () => StrategyTreeNodeResponse, isArray: true }) roots: readonly StrategyTreeNodeResponse[];
}

export class StrategyNodeResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) versionId: string;
  @ApiProperty({ type: String, nullable: true }) parentId: string | null;
  @ApiProperty({ enum: ['priority', 'area', 'subgoal', 'measure', 'activity'] }) level: 'priority' | 'area' | 'subgoal' | 'measure' | 'activity';
  @ApiProperty({ type: String }) code: string;
  @ApiProperty({ type: String, nullable: true }) sourceCode: string | null;
  @ApiProperty({ type: String }) name: string;
  @ApiProperty({ type: String, isArray: true }) descriptors: readonly string[];
  @ApiProperty({ type: () => ActivityDetailsResponse, nullable: true }) activity: ActivityDetailsResponse | null;
  @ApiProperty({ type: String, nullable: true }) estimatedCostsCzk: string | null;
  @ApiProperty({ type: String, nullable: true }) estimatedCostsFormatted: string | null;
  @ApiProperty({ type: Boolean }) fundedByGrantProgramme: boolean;
}

export class StrategyNodeDetailResponse extends StrategyNodeResponse {
  @ApiProperty({ type: () => StrategyNodeResponse, isArray: true }) ancestors: readonly StrategyNodeResponse[];
  @ApiProperty({ type: () => StrategyNodeResponse, isArray: true }) children: readonly StrategyNodeResponse[];
}

export class PageStrategyNodeResponse {
  @ApiProperty({ type: () => StrategyNodeResponse, isArray: true }) items: readonly StrategyNodeResponse[];
  @ApiProperty({ type: Number }) page: number;
  @ApiProperty({ type: Number }) pageSize: number;
  @ApiProperty({ type: Number }) total: number;
}

export class TraceNodeSummaryResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) level: string;
  @ApiProperty({ type: String }) code: string;
  @ApiProperty({ type: String }) name: string;
  @ApiProperty({ type: String }) versionId: string;
}

export class TraceQueryResponse {
  @ApiPropertyOptional({ type: Number }) year?: number;
  @ApiPropertyOptional({ type: String }) callId?: string;
  @ApiPropertyOptional({ type: String }) budgetArea?: string;
  @ApiPropertyOptional({ enum: ['city_district', 'ngo', 'other'] }) applicantType?: 'city_district' | 'ngo' | 'other';
  @ApiPropertyOptional({ type: String }) districtId?: string;
  @ApiPropertyOptional({ type: String }) from?: string;
  @ApiPropertyOptional({ type: String }) to?: string;
}

export class KindTotalsResponse {
  @ApiProperty({ type: String }) requested: string;
  @ApiProperty({ type: String }) approved: string;
  @ApiProperty({ type: String }) paid: string;
  @ApiProperty({ type: String }) returned: string;
  @ApiProperty({ type: String }) recommended: string;
  @ApiProperty({ type: String }) contracted: string;
  @ApiProperty({ type: String }) settled: string;
  @ApiProperty({ type: String }) penalised: string;
}

export class TraceNodeResponse {
  @ApiProperty({ type: () => TraceNodeSummaryResponse }) node: TraceNodeSummaryResponse;
  @ApiProperty({ type: () => TraceQueryResponse }) filters: TraceQueryResponse;
  @ApiProperty({ type: () => KindTotalsResponse }) amounts: KindTotalsResponse;
  @ApiProperty({ type: Number }) supportedProjects: number;
  @ApiProperty({ type: Number }) supportedOrganisations: number;
}

export class TraceActivityTotalsResponse {
  @ApiProperty({ type: String }) activityId: string;
  @ApiProperty({ type: () => KindTotalsResponse }) amounts: KindTotalsResponse;
}

export class TraceVersionResponse {
  @ApiProperty({ type: String }) versionId: string;
  @ApiProperty({ type: () => TraceQueryResponse }) filters: TraceQueryResponse;
  @ApiProperty({ type: () => TraceActivityTotalsResponse, isArray: true, description: 'Jen aktivity s pohyby / only activities with entries' })
  activities: readonly TraceActivityTotalsResponse[];
}

export class TraceProjectsItemResponse {
  @ApiProperty({ type: String }) applicationId: string;
  @ApiProperty({ type: String }) number: string;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty({ type: String }) organisation: string;
  @ApiProperty({ type: String }) ico: string;
  @ApiProperty({ type: String }) applicantType: string;
  @ApiProperty({ type: String }) callCode: string;
  @ApiProperty({ type: String, nullable: true }) agreementId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: { type: 'string' } }) amounts: Record<string, string>;
}

export class TraceProjectsResponse {
  @ApiProperty({ type: () => TraceProjectsItemResponse, isArray: true }) items: readonly TraceProjectsItemResponse[];
  @ApiProperty({ type: Number }) page: number;
  @ApiProperty({ type: Number }) pageSize: number;
  @ApiProperty({ type: Number }) total: number;
}

export class TraceEntryResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) eventId: string;
  @ApiProperty({ type: String }) kind: string;
  @ApiProperty({ type: String, format: 'date-time' }) occurredAt: Date;
  @ApiProperty({ type: String }) amount: string;
  @ApiProperty({ type: String }) activityId: string;
  @ApiProperty({ type: String }) activityCode: string;
  @ApiProperty({ type: String }) sourceType: string;
  @ApiProperty({ type: String }) sourceId: string;
  @ApiProperty({ type: String, nullable: true }) actorUserId: string | null;
  @ApiProperty({ type: String, nullable: true }) actor: string | null;
  @ApiProperty({ type: String, nullable: true }) correlationId: string | null;
}

export class FulfilmentReportActionPlanResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) title: string;
  @ApiProperty({ type: Number, nullable: true }) year: number | null;
}

export class FulfilmentReportFiltersResponse {
  @ApiPropertyOptional({ type: String }) callId?: string;
}

export class FulfilmentPriorityResponse {
  @ApiProperty({ type: String }) code: string;
  @ApiProperty({ type: String }) name: string;
  @ApiProperty({ type: String }) approved: string;
  @ApiProperty({ type: String }) paid: string;
}

export class FulfilmentOutputResponse {
  @ApiProperty({ type: String }) indicator: string;
  @ApiProperty({ type: String }) unit: string;
  @ApiProperty({ type: Number }) promised: number;
  @ApiProperty({ type: Number }) achieved: number;
}

export class FulfilmentActivityResponse extends FulfilmentPriorityResponse {
  @ApiProperty({ type: String }) priorityCode: string;
  @ApiProperty({ type: String, isArray: true }) indicators: readonly string[];
  @ApiProperty({ type: Number }) supportedProjects: number;
  @ApiProperty({ type: String }) settled: string;
  @ApiProperty({ type: () => FulfilmentOutputResponse, isArray: true }) outputs: readonly FulfilmentOutputResponse[];
}

export class FulfilmentReportTotalsResponse {
  @ApiProperty({ type: Number }) supportedProjects: number;
  @ApiProperty({ type: String }) approved: string;
  @ApiProperty({ type: String }) paid: string;
  @ApiProperty({ type: String }) settled: string;
}

export class FulfilmentReportResponse {
  @ApiProperty({ type: () => FulfilmentReportActionPlanResponse }) actionPlan: FulfilmentReportActionPlanResponse;
  @ApiProperty({ type: String, format: 'date-time' }) generatedAt: Date;
  @ApiProperty({ type: () => FulfilmentReportFiltersResponse }) filters: FulfilmentReportFiltersResponse;
  @ApiProperty({ type: () => FulfilmentPriorityResponse, isArray: true }) priorities: readonly FulfilmentPriorityResponse[];
  @ApiProperty({ type: () => FulfilmentActivityResponse, isArray: true }) activities: readonly FulfilmentActivityResponse[];
  @ApiProperty({ type: () => FulfilmentReportTotalsResponse }) totals: FulfilmentReportTotalsResponse;
}

export class DossierProjectApplicationResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) number: string;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty({ type: String }) status: string;
  @ApiProperty({ type: String, nullable: true }) requested: string | null;
  @ApiProperty({ type: String }) organisation: string;
  @ApiProperty({ type: String }) ico: string;
  @ApiProperty({ type: String }) applicantType: string;
  @ApiProperty({ type: String }) callCode: string;
  @ApiProperty({ type: Number }) year: number;
}

export class DossierProjectActivityResponse {
  @ApiProperty({ type: String }) code: string;
  @ApiProperty({ type: String }) name: string;
  @ApiProperty({ type: Number }) shareBasisPoints: number;
}

export class FileRefResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) fileName: string;
  @ApiProperty({ type: String }) sha256: string;
}

export class DossierProjectDecisionResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) outcome: string;
  @ApiProperty({ type: String }) amount: string;
  @ApiProperty({ type: String, isArray: true }) conditions: readonly string[];
  @ApiProperty({ type: String, nullable: true }) reason: string | null;
  @ApiProperty({ type: String, nullable: true }) supersedesId: string | null;
  @ApiProperty({ type: String, format: 'date-time' }) decidedAt: Date;
  @ApiProperty({ type: String }) resolutionId: string;
  @ApiProperty({ type: String }) body: string;
  @ApiProperty({ type: String }) resolution: string;
  @ApiProperty({ type: String }) adoptedOn: string;
  @ApiProperty({ type: Boolean }) effective: boolean;
  @ApiProperty({ type: () => FileRefResponse, isArray: true }) resolutionFiles: readonly FileRefResponse[];
}

export class DossierProjectAgreementAmendmentResponse {
  @ApiProperty({ type: Number }) number: number;
  @ApiProperty({ type: String }) status: string;
  @ApiProperty({ type: String, isArray: true }) changes: readonly string[];
  @ApiProperty({ type: String, nullable: true }) signedOn: string | null;
  @ApiProperty({ type: String, nullable: true }) publishedOn: string | null;
}

export class DossierProjectAgreementResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) number: string;
  @ApiProperty({ type: Number }) agreementVersion: number;
  @ApiProperty({ type: String }) status: string;
  @ApiProperty({ type: String }) amount: string;
  @ApiProperty({ type: String, nullable: true }) signedOn: string | null;
  @ApiProperty({ type: String, nullable: true }) signedCopySha256: string | null;
  @ApiProperty({ type: String, nullable: true }) publishedOn: string | null;
  @ApiProperty({ type: String, nullable: true }) registerId: string | null;
  @ApiProperty({ type: () => DossierProjectAgreementAmendmentResponse, isArray: true }) amendments: readonly DossierProjectAgreementAmendmentResponse[];
}

/** The bank statement line that confirmed a payment or paid a return or levy (camt.053 import, or resolved by a person). */
export class DossierStatementLineResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String, description: 'matched (by the import) or resolved (by a person)' }) status: string;
  @ApiProperty({ type: String, description: 'The bank’s statement id (Stmt/Id)' }) statementId: string;
  @ApiProperty({ type: String }) statementFileName: string;
  @ApiProperty({ type: String, format: 'date-time' }) importedAt: Date;
  @ApiProperty({ type: String, description: 'The bank’s own reference of the entry' }) entryRef: string;
  @ApiProperty({ type: String }) direction: string;
  @ApiProperty({ type: String }) amount: string;
  @ApiProperty({ type: String }) bookedOn: string;
  @ApiProperty({ type: String, nullable: true }) variableSymbol: string | null;
  @ApiProperty({ type: String, nullable: true }) endToEndId: string | null;
  @ApiProperty({ type: String, nullable: true }) counterpartyName: string | null;
  @ApiProperty({ type: String, nullable: true }) counterpartyAccount: string | null;
  @ApiProperty({ type: String, nullable: true }) message: string | null;
  @ApiProperty({ type: String, nullable: true }) resolvedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) resolutionNote: string | null;
}

export class DossierProjectPaymentResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: Number }) trancheNo: number;
  @ApiProperty({ type: String }) amount: string;
  @ApiProperty({ type: String }) status: string;
  @ApiProperty({ type: String }) orderedBy: string;
  @ApiProperty({ type: String, nullable: true }) approvedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) exportedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) bankReference: string | null;
  @ApiProperty({ type: String, nullable: true }) paidOn: string | null;
  @ApiProperty({ type: String, nullable: true }) holdReason: string | null;
  @ApiProperty({ type: () => DossierStatementLineResponse, nullable: true }) statementLine: DossierStatementLineResponse | null;
}

export class DossierProjectSettlementCostDocumentResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) number: string;
  @ApiProperty({ type: String }) issuedOn: string;
  @ApiProperty({ type: String }) supplier: string;
  @ApiProperty({ type: String }) amount: string;
  @ApiProperty({ type: String }) paidOn: string;
  @ApiProperty({ type: String, nullable: true }) review: string | null;
  @ApiProperty({ type: String, nullable: true }) eligibleAmount: string | null;
  @ApiProperty({ type: String, nullable: true }) reviewReason: string | null;
  @ApiProperty({ type: () => FileRefResponse, isArray: true }) files: readonly FileRefResponse[];
}

export class DossierProjectSettlementReturnResponse {
  @ApiProperty({ type: String }) amount: string;
  @ApiProperty({ type: String }) receivedOn: string;
  @ApiProperty({ type: String, nullable: true }) bankReference: string | null;
  @ApiProperty({ type: Boolean }) late: boolean;
  @ApiProperty({ type: () => DossierStatementLineResponse, nullable: true }) statementLine: DossierStatementLineResponse | null;
}

export class DossierProjectSettlementResponse {
  @ApiProperty({ type: () => DossierProjectSettlementCostDocumentResponse, isArray: true }) costDocuments: readonly DossierProjectSettlementCostDocumentResponse[];
  @ApiProperty({ type: () => DossierProjectSettlementReturnResponse, isArray: true }) returns: readonly DossierProjectSettlementReturnResponse[];
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) status: string;
  @ApiProperty({ type: Boolean }) late: boolean;
  @ApiProperty({ type: String, format: 'date-time' }) submittedAt: Date;
  @ApiProperty({ type: () => SettlementReportResponse, isArray: true }) report: readonly SettlementReportResponse[];
  @ApiProperty({ type: String, nullable: true }) eligibleTotal: string | null;
  @ApiProperty({ type: String, nullable: true }) returnDue: string | null;
  @ApiProperty({ type: String, nullable: true }) returnDueDate: string | null;
  @ApiProperty({ type: String }) returned: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) closedAt: Date | null;
}

export class DossierProjectBreachResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) description: string;
  @ApiProperty({ type: String }) status: string;
  @ApiProperty({ type: String }) breachDate: string;
  @ApiProperty({ type: String, nullable: true }) levy: string | null;
  @ApiProperty({ type: String, nullable: true }) penalty: string | null;
  @ApiProperty({ type: String, nullable: true }) paidOn: string | null;
  @ApiProperty({ type: () => DossierStatementLineResponse, nullable: true }) statementLine: DossierStatementLineResponse | null;
}

export class DossierProjectLedgerResponse {
  @ApiProperty({ type: String }) kind: string;
  @ApiProperty({ type: String }) total: string;
  @ApiProperty({ type: Number }) events: number;
}

export class DossierProjectAuditResponse {
  @ApiProperty({ type: String }) seq: string;
  @ApiProperty({ type: String, format: 'date-time' }) occurredAt: Date;
  @ApiProperty({ type: String }) action: string;
  @ApiProperty({ type: String }) objectType: string;
  @ApiProperty({ type: String }) objectId: string;
  @ApiProperty({ type: String, nullable: true }) actorUserId: string | null;
  @ApiProperty({ type: String, nullable: true }) actor: string | null;
  @ApiProperty({ type: String, nullable: true }) correlationId: string | null;
}

export class DossierProjectResponse {
  @ApiProperty({ type: () => DossierProjectApplicationResponse }) application: DossierProjectApplicationResponse;
  @ApiProperty({ type: () => DossierProjectActivityResponse, isArray: true }) activities: readonly DossierProjectActivityResponse[];
  @ApiProperty({ type: () => DossierProjectDecisionResponse, isArray: true }) decisions: readonly DossierProjectDecisionResponse[];
  @ApiProperty({ type: () => DossierProjectAgreementResponse }) agreement: DossierProjectAgreementResponse;
  @ApiProperty({ type: () => DossierProjectPaymentResponse, isArray: true }) payments: readonly DossierProjectPaymentResponse[];
  @ApiProperty({ type: () => DossierProjectSettlementResponse, nullable: true }) settlement: DossierProjectSettlementResponse | null;
  @ApiProperty({ type: () => DossierProjectBreachResponse, isArray: true }) breaches: readonly DossierProjectBreachResponse[];
  @ApiProperty({ type: () => DossierProjectLedgerResponse, isArray: true }) ledger: readonly DossierProjectLedgerResponse[];
  @ApiProperty({ type: () => DossierProjectAuditResponse, isArray: true }) audit: readonly DossierProjectAuditResponse[];
}

export class PageUserResponse {
  @ApiProperty({ type: () => UserResponse, isArray: true }) items: readonly UserResponse[];
  @ApiProperty({ type: Number }) page: number;
  @ApiProperty({ type: Number }) pageSize: number;
  @ApiProperty({ type: Number }) total: number;
}

export class DemoAccountResponse {
  @ApiProperty({ type: String }) email: string;
  @ApiProperty({ type: String }) displayName: string;
  @ApiProperty({ enum: ROLES, isArray: true }) roles: Role[];
}

export class DemoAccountsResponse {
  @ApiProperty({ type: String, nullable: true, description: "Heslo všech demo účtů, jsou-li načtena demo data / the demo accounts' password when the demo data is loaded" })
  password: string | null;
  @ApiProperty({ type: () => DemoAccountResponse, isArray: true }) accounts: DemoAccountResponse[];
}

// The bank's own file formats (issue 17).

export class PaymentBatchResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ enum: ['pain.001.001.03', 'pain.001.001.09'] }) format: 'pain.001.001.03' | 'pain.001.001.09';
  @ApiProperty({ type: String }) messageId: string;
  @ApiProperty({ type: Number }) payments: number;
  @ApiProperty({ type: String }) total: string;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
  @ApiProperty({ type: String, nullable: true }) createdBy: string | null;
}

export class BankStatementImportStatementResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) statementId: string;
  @ApiProperty({ type: Boolean }) alreadyImported: boolean;
}

export class BankStatementImportResponse {
  @ApiProperty({ type: () => BankStatementImportStatementResponse, isArray: true }) statements: readonly BankStatementImportStatementResponse[];
  @ApiProperty({ type: Number }) lines: number;
  @ApiProperty({ type: Number }) matched: number;
  @ApiProperty({ type: Number }) unmatched: number;
  @ApiProperty({ type: Number, description: 'Řádky už dříve načtené / lines imported before' }) skipped: number;
  @ApiProperty({ type: Number, description: 'Potvrzené platební příkazy / payment orders confirmed' }) matchedPayments: number;
  @ApiProperty({ type: Number, description: 'Přijaté vratky / settlement returns received' }) matchedReturns: number;
  @ApiProperty({ type: Number, description: 'Uhrazené odvody / levies paid' }) matchedLevies: number;
}

export class StatementCandidateResponse {
  @ApiProperty({ enum: ['payment', 'settlement', 'breach'] }) matchType: 'payment' | 'settlement' | 'breach';
  @ApiProperty({ type: String, format: 'uuid' }) matchId: string;
  @ApiProperty({ type: String }) agreementNumber: string;
  @ApiProperty({ type: String }) recipientName: string;
  @ApiProperty({ type: String, example: '20000.00' }) amount: string;
  @ApiProperty({ type: String }) variableSymbol: string;
  @ApiProperty({ type: Number, nullable: true }) trancheNo: number | null;
  @ApiProperty({ type: Boolean }) sameVariableSymbol: boolean;
  @ApiProperty({ type: Boolean }) sameAmount: boolean;
}

export class BankStatementLineResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) statementId: string;
  @ApiProperty({ type: String }) entryRef: string;
  @ApiProperty({ enum: ['credit', 'debit'] }) direction: 'credit' | 'debit';
  @ApiProperty({ type: String }) amount: string;
  @ApiProperty({ type: String }) currency: string;
  @ApiProperty({ type: String }) bookedOn: string;
  @ApiProperty({ type: String, nullable: true }) variableSymbol: string | null;
  @ApiProperty({ type: String, nullable: true }) endToEndId: string | null;
  @ApiProperty({ type: String, nullable: true }) counterpartyName: string | null;
  @ApiProperty({ type: String, nullable: true }) counterpartyAccount: string | null;
  @ApiProperty({ type: String, nullable: true }) message: string | null;
  @ApiProperty({ enum: ['matched', 'unmatched', 'resolved'] }) status: 'matched' | 'unmatched' | 'resolved';
  @ApiProperty({ enum: ['payment', 'settlement', 'breach'], nullable: true }) matchType: 'payment' | 'settlement' | 'breach' | null;
  @ApiProperty({ type: String, nullable: true }) matchId: string | null;
  @ApiProperty({ type: String, nullable: true }) resolvedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) resolvedAt: Date | null;
  @ApiProperty({ type: String, nullable: true }) resolutionNote: string | null;
  @ApiProperty({ type: Number }) version: number;
}

export class PageBankStatementLineResponse {
  @ApiProperty({ type: () => BankStatementLineResponse, isArray: true }) items: readonly BankStatementLineResponse[];
  @ApiProperty({ type: Number }) page: number;
  @ApiProperty({ type: Number }) pageSize: number;
  @ApiProperty({ type: Number }) total: number;
}

export class RemedyDueResponse {
  @ApiProperty({ type: String }) applicationId: string;
  @ApiProperty({ type: String }) applicationNumber: string;
  @ApiProperty({ type: String }) title: string;
  @ApiProperty({ type: String }) organisationName: string;
  @ApiProperty({ type: String, format: 'date-time' }) deadlineAt: string;
}

export class SettlementDueResponse {
  @ApiProperty({ type: String }) agreementId: string;
  @ApiProperty({ type: String }) agreementNumber: string;
  @ApiProperty({ type: String }) applicationId: string;
  @ApiProperty({ type: String }) applicationNumber: string;
  @ApiProperty({ type: String }) title: string;
  @ApiProperty({ type: String }) organisationName: string;
  @ApiProperty({ type: String, format: 'date', description: 'Lhůta pro vyúčtování / the settlement deadline' }) deadline: string;
}

export class SignatureDueResponse {
  @ApiProperty({ type: String }) agreementId: string;
  @ApiProperty({ type: String }) agreementNumber: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Číslo dodatku, null u smlouvy / the amendment number, null for the agreement' })
  amendmentNumber: number | null;
  @ApiProperty({ type: String }) applicationId: string;
  @ApiProperty({ type: String }) applicationNumber: string;
  @ApiProperty({ type: String }) title: string;
  @ApiProperty({ type: String }) organisationName: string;
  @ApiProperty({ type: String, format: 'date-time', description: 'Odesláno k podpisu / sent for signature' }) sentAt: string;
}

/** What needs the signed-in user's action in their organisations: open remedy requests, agreements to sign and settlements due. */
export class ApplicantActionsResponse {
  @ApiProperty({ type: () => RemedyDueResponse, isArray: true }) remedies: RemedyDueResponse[];
  @ApiProperty({ type: () => SignatureDueResponse, isArray: true, description: 'Smlouvy k podpisu (příjemce je dosud nepodepsal) / agreements to sign' })
  signatures: SignatureDueResponse[];
  @ApiProperty({ type: () => SettlementDueResponse, isArray: true }) settlements: SettlementDueResponse[];
}

export class MyCommissionResponse {
  @ApiProperty({ type: String }) id: string;
  @ApiProperty({ type: String }) callId: string;
  @ApiProperty({ type: String }) callCode: string;
  @ApiProperty({ type: String }) callTitle: string;
  @ApiProperty({ type: String }) callStatus: string;
  @ApiProperty({ type: String }) name: string;
  @ApiProperty({ enum: ['chair', 'member', 'secretary'] }) role: 'chair' | 'member' | 'secretary';
  @ApiProperty({ type: Number }) pendingDeclarations: number;
  @ApiProperty({ type: String, nullable: true }) decisionDeadline: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) nextSessionAt: Date | null;
}

export class CommissionProgressMemberResponse {
  @ApiProperty({ type: String }) userId: string;
  @ApiProperty({ type: String }) displayName: string;
  @ApiProperty({ type: Number }) assigned: number;
  @ApiProperty({ type: Number }) submitted: number;
  @ApiProperty({ type: Number }) draft: number;
  @ApiProperty({ type: Number }) notStarted: number;
}

export class CommissionProgressSheetResponse {
  @ApiProperty({ type: String }) userId: string;
  @ApiProperty({ type: String }) displayName: string;
  @ApiProperty({ enum: ['new', 'draft', 'submitted'] }) status: 'new' | 'draft' | 'submitted';
  @ApiProperty({ type: Number }) version: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) submittedAt: Date | null;
}

export class CommissionProgressApplicationResponse {
  @ApiProperty({ type: String }) applicationId: string;
  @ApiProperty({ type: String }) number: string;
  @ApiProperty({ type: String }) applicant: string;
  @ApiProperty({ type: String, nullable: true }) title: string | null;
  @ApiProperty({ type: Number }) submitted: number;
  @ApiProperty({ type: String, nullable: true }) mean: string | null;
  @ApiProperty({ type: String, nullable: true }) spread: string | null;
  @ApiProperty({ type: Boolean }) flagged: boolean;
  @ApiProperty({ type: () => CommissionProgressSheetResponse, isArray: true }) sheets: readonly CommissionProgressSheetResponse[];
}

export class CommissionProgressResponse {
  @ApiProperty({ type: String }) commissionId: string;
  @ApiProperty({ type: Number }) reviewersPerApplication: number;
  @ApiProperty({ type: () => CommissionProgressMemberResponse, isArray: true }) members: readonly CommissionProgressMemberResponse[];
  @ApiProperty({ type: () => CommissionProgressApplicationResponse, isArray: true }) applications: readonly CommissionProgressApplicationResponse[];
}
