import { ArrayMaxSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Min } from 'class-validator';
import { Transform } from 'class-transformer';
import { PageQuery } from '#core';

export class InboxQuery extends PageQuery {
  /** true: only unread. */
  @IsOptional()
  @Transform(({ value }) => (value === undefined ? undefined : value === true || value === 'true' || value === '1'))
  @IsBoolean()
  unread?: boolean;
}

export class UpdatePreferencesRequest {
  @IsIn(['immediate', 'daily_digest'])
  delivery: 'immediate' | 'daily_digest';

  /** Optional kinds the user does not want e-mailed (they stay in the in-app list). Mandatory kinds cannot be muted. */
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  mutedKinds: string[];

  /** The version read; a stale one is refused so two tabs never overwrite each other silently. 0 when never saved. */
  @IsInt()
  @Min(0)
  version: number;
}
