import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { IsAmount, IsCalendarDate } from '#core';

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
}
