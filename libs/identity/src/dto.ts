import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayNotEmpty, IsArray, IsEmail, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { Role, ROLES, UniqueItems } from '#core';

export class LoginRequest {
  @ApiProperty({ example: 'zadatel@example.cz' })
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
}

/** API clients send the token in the body; the portal sends none and the httpOnly cookie is used. */
export class RefreshRequest {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(10)
  @MaxLength(300)
  refreshToken?: string;
}

export class UpdateProfileRequest {
  @ApiProperty({ enum: ['cs', 'en'] })
  @IsIn(['cs', 'en'])
  language: 'cs' | 'en';
}

export class PasswordResetRequest {
  @ApiProperty()
  @IsEmail()
  @MaxLength(254)
  email: string;
}

export class PasswordResetConfirmation {
  @ApiProperty()
  @IsString()
  @MinLength(10)
  @MaxLength(300)
  token: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  newPassword: string;
}

export class CreateUserRequest {
  @ApiProperty()
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  displayName: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password: string;

  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayNotEmpty()
  @IsIn(ROLES, { each: true })
  @UniqueItems()
  roles: Role[];

  @ApiPropertyOptional({ enum: ['cs', 'en'] })
  @IsOptional()
  @IsIn(['cs', 'en'])
  language?: 'cs' | 'en';
}

/** Self-registration of an applicant's account (always the applicant role). */
export class RegisterRequest {
  @ApiProperty()
  @IsEmail()
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(2)
  @MaxLength(200)
  displayName: string;

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password: string;

  @ApiPropertyOptional({ enum: ['cs', 'en'] })
  @IsOptional()
  @IsIn(['cs', 'en'])
  language?: 'cs' | 'en';
}

export class UpdateRolesRequest {
  @ApiProperty({ enum: ROLES, isArray: true })
  @IsArray()
  @ArrayNotEmpty()
  @IsIn(ROLES, { each: true })
  @UniqueItems()
  roles: Role[];
}

export interface TokenPair {
  accessToken: string;
  accessTokenExpiresIn: number;
  refreshToken: string;
  tokenType: 'Bearer';
}

export interface UserView {
  id: string;
  email: string;
  displayName: string;
  roles: Role[];
  language: 'cs' | 'en';
  isActive: boolean;
  createdAt: string;
}
