import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEmail, IsIn, IsInt, IsOptional, IsString, Matches, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { PageQuery } from '#core';
import { NGO_LEGAL_FORMS, ORGANISATION_TYPES, VERIFICATION_STATUSES } from './entities.js';
import type { VerificationStatus } from './entities.js';
import type { VerificationView } from './verification.js';
import type { OrganisationType } from './entities.js';
import type { NgoLegalForm } from './entities.js';

export class CreateOrganisationRequest {
  @ApiProperty({ enum: ORGANISATION_TYPES })
  @IsIn(ORGANISATION_TYPES)
  type: OrganisationType;

  @ApiPropertyOptional({ enum: NGO_LEGAL_FORMS, description: 'Povinné pro NNO / required for NGOs' })
  @IsOptional()
  @IsIn(NGO_LEGAL_FORMS)
  legalForm?: NgoLegalForm;

  @ApiProperty({ example: 'Poradna pro integraci, z. ú.' })
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  name: string;

  @ApiProperty({ example: '00064581', description: 'IČO: 8 číslic s kontrolní číslicí' })
  @IsString()
  @MaxLength(12)
  ico: string;

  @ApiProperty({ example: 'Mariánské nám. 2' })
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  seatStreet: string;

  @ApiProperty({ example: 'Praha 1' })
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  seatCity: string;

  @ApiProperty({ example: '110 00' })
  @Matches(/^\d{3}\s?\d{2}$/, { message: 'postalCode' })
  seatPostalCode: string;

  @ApiPropertyOptional({ example: '19-2000145399/0800' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  bankAccount?: string;

  @ApiPropertyOptional({ example: 'abc1234' })
  @IsOptional()
  @Matches(/^[a-z0-9]{7}$/i, { message: 'dataBoxId' })
  dataBoxId?: string;
}

export class UpdateOrganisationRequest {
  @ApiProperty({ description: 'Verze, kterou jste načetli (optimistické zamykání) / the version you read' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional()
  @ValidateIf((_, value) => value !== undefined)
  @IsString()
  @MinLength(2)
  @MaxLength(300)
  name?: string;

  @ApiPropertyOptional()
  @ValidateIf((_, value) => value !== undefined)
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  seatStreet?: string;

  @ApiPropertyOptional()
  @ValidateIf((_, value) => value !== undefined)
  @IsString()
  @MinLength(2)
  @MaxLength(100)
  seatCity?: string;

  @ApiPropertyOptional()
  @ValidateIf((_, value) => value !== undefined)
  @Matches(/^\d{3}\s?\d{2}$/, { message: 'postalCode' })
  seatPostalCode?: string;

  @ApiPropertyOptional()
  @ValidateIf((_, value) => value !== undefined)
  @IsString()
  @MaxLength(30)
  bankAccount?: string;

  @ApiPropertyOptional()
  @ValidateIf((_, value) => value !== undefined)
  @Matches(/^[a-z0-9]{7}$/i, { message: 'dataBoxId' })
  dataBoxId?: string;
}

export class AddMemberRequest {
  @ApiProperty()
  @IsEmail()
  email: string;

  @ApiProperty({ enum: ['owner', 'member'] })
  @IsIn(['owner', 'member'])
  role: 'owner' | 'member';
}

export class OrganisationListQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ORGANISATION_TYPES })
  @IsOptional()
  @IsIn(ORGANISATION_TYPES)
  type?: OrganisationType;

  @ApiPropertyOptional({ enum: VERIFICATION_STATUSES, description: 'Stav ověření (úřad: `pending` = čeká na ověření) / verification status' })
  @IsOptional()
  @IsIn(VERIFICATION_STATUSES)
  verification?: VerificationStatus;

  @ApiPropertyOptional({ description: 'Hledání v názvu nebo IČO' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  search?: string;
}

export interface OrganisationView {
  id: string;
  type: OrganisationType;
  legalForm: NgoLegalForm | null;
  name: string;
  ico: string;
  seat: { street: string; city: string; postalCode: string };
  bankAccount: string | null;
  dataBoxId: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
  verification: VerificationView;
}

export class VerificationDecisionRequest {
  @ApiProperty({ enum: ['verified', 'rejected'] })
  @IsIn(['verified', 'rejected'])
  decision: 'verified' | 'rejected';

  @ApiPropertyOptional({ description: 'Důvod (povinný při zamítnutí) / reason, required for a rejection' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export class JoinRequestRequest {
  @ApiProperty({ example: '00064581', description: 'IČO organizace / the organisation’s IČO' })
  @IsString()
  @MaxLength(12)
  ico: string;

  @ApiPropertyOptional({ description: 'Vzkaz správci / a note for the owner' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  message?: string;
}

export class JoinDecisionRequest {
  @ApiPropertyOptional({ description: 'Důvod (u odmítnutí) / reason, for a refusal' })
  @IsOptional()
  @IsString()
  @MaxLength(2000)
  reason?: string;
}

export interface MemberView {
  userId: string;
  email: string;
  displayName: string;
  role: 'owner' | 'member';
}
