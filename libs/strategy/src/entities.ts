import { Check, Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn, type Relation } from 'typeorm';
import { Money } from '#core';
import { moneyTransformer } from '#database';

/**
 * One imported edition of a strategy document (the Koncepce, or an action plan for a year).
 * Editions are never changed or deleted: projects keep pointing at the activities of the edition
 * they were mapped to, and a new action plan arrives as a new version beside the old.
 */
@Entity('strategy_version')
@Check('strategy_version_kind_known', `kind IN ('koncepce','action-plan')`)
export class StrategyVersion {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'strategy_version_pkey' })
  id: string;

  @Column({ type: 'text' })
  kind: 'koncepce' | 'action-plan';

  @Column({ type: 'text' })
  title: string;

  @Column({ type: 'int', nullable: true })
  year: number | null;

  @Column({ type: 'int' })
  periodFrom: number;

  @Column({ type: 'int' })
  periodTo: number;

  @Index('strategy_version_source_key', { unique: true })
  @Column({ type: 'char', length: 64 })
  sourceSha256: string;

  @Column({ type: 'text' })
  sourceName: string;

  @Column({ type: 'timestamptz' })
  importedAt: Date;

  @Column({ type: 'jsonb' })
  counts: Record<string, number>;

  @Column({ type: 'jsonb' })
  unplaced: { line: number; text: string; reason: string }[];
}

export const STRATEGY_LEVELS = ['priority', 'area', 'subgoal', 'measure', 'activity'] as const;
export type StrategyLevelName = (typeof STRATEGY_LEVELS)[number];

export interface ActivityDetails {
  guarantor: string | null;
  partners: string | null;
  targetGroups: string | null;
  frequency: string | null;
  estimatedCostsText: string | null;
  fundingSource: string | null;
  indicators: string[];
}

@Entity('strategy_node')
@Index('strategy_node_code_key', ['versionId', 'level', 'code'], { unique: true })
@Index('strategy_node_parent_idx', ['parentId'])
// A GIN index on to_tsvector('simple', search_text), written by hand in the migration.
@Index('strategy_node_search_idx', { synchronize: false })
@Check('strategy_node_level_known', `level IN ('priority','area','subgoal','measure','activity')`)
@Check('strategy_node_costs_not_negative', `estimated_costs_czk IS NULL OR estimated_costs_czk >= 0`)
export class StrategyNode {
  @PrimaryColumn({ type: 'uuid', primaryKeyConstraintName: 'strategy_node_pkey' })
  id: string;

  @Column({ type: 'uuid' })
  versionId: string;

  /** Versions are kept for ever: projects point into them. */
  @ManyToOne(() => StrategyVersion, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'version_id', foreignKeyConstraintName: 'strategy_node_version_fk' })
  version?: Relation<StrategyVersion>;

  @Column({ type: 'uuid', nullable: true })
  parentId: string | null;

  @ManyToOne(() => StrategyNode, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_id', foreignKeyConstraintName: 'strategy_node_parent_fk' })
  parent?: Relation<StrategyNode>;

  @Column({ type: 'text' })
  level: StrategyLevelName;

  @Column({ type: 'text' })
  code: string;

  @Column({ type: 'text', nullable: true })
  sourceCode: string | null;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'int' })
  position: number;

  @Column({ type: 'int' })
  sourceLine: number;

  @Column({ type: 'text', array: true, default: () => "'{}'" })
  descriptors: string[];

  @Column({ type: 'jsonb', nullable: true })
  activity: ActivityDetails | null;

  @Column({ type: 'numeric', precision: 14, scale: 2, nullable: true, transformer: moneyTransformer })
  estimatedCostsCzk: Money | null;

  @Column({ type: 'boolean', default: false })
  fundedByGrantProgramme: boolean;

  /** Lower-cased text without diacritics, so "vzdelavani" finds "vzdělávání". */
  @Column({ type: 'text' })
  searchText: string;
}
