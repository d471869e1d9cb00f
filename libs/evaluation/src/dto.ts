import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
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
  ValidateNested,
} from 'class-validator';
import { IsAmount, UniqueItems } from '#core';

const POINTS = /^\d{1,6}(\.\d{1,3})?$/;

export class CreateCommissionRequest {
  @ApiProperty() @IsString() @MinLength(3) @MaxLength(300) name: string;
  @ApiProperty() @IsUUID() chairUserId: string;
  @ApiProperty() @IsUUID() secretaryUserId: string;
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(50) @IsUUID('all', { each: true }) @UniqueItems() memberUserIds: string[];
  @ApiPropertyOptional({ description: 'Default: what the call says' }) @IsOptional() @IsInt() @Min(1) @Max(20) reviewersPerApplication?: number;
  @ApiPropertyOptional({ example: '15', description: 'Body; rozdíl hodnocení nad limit → k projednání' }) @IsOptional() @Matches(POINTS) spreadLimit?: string;
  @ApiPropertyOptional({ example: '50', description: 'Body; pod prahem žádost nelze doporučit' }) @IsOptional() @Matches(POINTS) overallThreshold?: string;
  @ApiPropertyOptional({ default: 51 }) @IsOptional() @IsInt() @Min(1) @Max(100) quorumPercent?: number;
  @ApiPropertyOptional({ enum: ['rank_order', 'proportional'] }) @IsOptional() @IsIn(['rank_order', 'proportional']) strategy?: 'rank_order' | 'proportional';
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() allowPartial?: boolean;
}

export class MemberChangeRequest {
  @ApiProperty() @IsUUID() userId: string;
}

export class ConflictDeclarationItem {
  @ApiProperty() @IsUUID() organisationId: string;
  @ApiProperty() @IsBoolean() conflict: boolean;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) reason?: string;
}

export class DeclareConflictsRequest {
  @ApiProperty({ type: [ConflictDeclarationItem] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => ConflictDeclarationItem)
  @UniqueItems('organisationId')
  declarations: ConflictDeclarationItem[];
}

export class AssignRequest {
  @ApiProperty() @IsUUID() applicationId: string;
  @ApiProperty() @IsUUID() userId: string;
}

export class CriterionScoreInput {
  @ApiProperty() @IsUUID() criterionId: string;
  @ApiPropertyOptional({ nullable: true }) @IsOptional() @IsInt() @Min(0) @Max(1000) score?: number | null;
  @ApiProperty() @IsBoolean() notApplicable: boolean;
  @ApiProperty() @IsString() @MaxLength(5000) justification: string;
}

export class SaveSheetRequest {
  @ApiProperty({ type: [CriterionScoreInput] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CriterionScoreInput)
  @UniqueItems('criterionId')
  scores: CriterionScoreInput[];
  @ApiProperty({ description: 'Verze, ze které úprava vychází (0 pro nový list)' }) @IsInt() @Min(0) version: number;
}

export class SubmitSheetRequest {
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class ReopenSheetRequest {
  @ApiProperty() @IsString() @MinLength(5) @MaxLength(2000) reason: string;
}

export class CreateSessionRequest {
  @ApiProperty({ example: '1/2023' }) @IsString() @MinLength(1) @MaxLength(40) number: string;
  @ApiProperty() @IsISO8601({ strict: true }) heldAt: string;
  @ApiProperty() @IsString() @MinLength(2) @MaxLength(300) place: string;
}

export class AttendanceRequest {
  @ApiProperty({ type: [String] }) @IsArray() @ArrayMaxSize(50) @IsUUID('all', { each: true }) @UniqueItems() present: string[];
  @ApiProperty() @IsInt() @Min(1) version: number;
}

export class SessionDecisionRequest {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(10000) discussionNotes?: string;
  @ApiPropertyOptional({ nullable: true, example: '82.5' }) @IsOptional() @Matches(POINTS) consensusPoints?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) consensusReason?: string | null;
  @ApiPropertyOptional({ nullable: true, example: '20000.00' }) @IsOptional() @IsAmount() cutAmount?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) cutReason?: string | null;
  @ApiPropertyOptional({ nullable: true, example: '150000.00' }) @IsOptional() @IsAmount() adjustedAmount?: string | null;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(2000) adjustReason?: string | null;
}

export class VoteRequest {
  @ApiProperty({ enum: ['for', 'against', 'abstain'] }) @IsIn(['for', 'against', 'abstain']) vote: 'for' | 'against' | 'abstain';
}

export class CloseSessionRequest {
  @ApiProperty() @IsString() @MinLength(5) @MaxLength(5000) conclusion: string;
  @ApiProperty() @IsInt() @Min(1) version: number;
}
