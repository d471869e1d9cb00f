import { createHash, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Actor, DomainError, Money, Page, PageQuery, pageOf } from '#core';
import { Tx, UnitOfWork } from '#database';
import { StrategyNode, StrategyLevelName, StrategyVersion } from './entities.js';
import { ParsedDocument, ParsedNode, parseStrategyDocument } from './import/index.js';
import { foldText, prefixTsQuery } from './text-search.js';

export interface ImportResult {
  version: StrategyVersionView;
  created: boolean;
  counts: Record<string, number>;
  unplaced: { line: number; text: string; reason: string }[];
}

export interface StrategyVersionView {
  id: string;
  kind: 'koncepce' | 'action-plan';
  title: string;
  year: number | null;
  periodFrom: number;
  periodTo: number;
  sourceName: string;
  importedAt: string;
  counts: Record<string, number>;
}

export interface StrategyNodeView {
  id: string;
  versionId: string;
  parentId: string | null;
  level: StrategyLevelName;
  code: string;
  sourceCode: string | null;
  name: string;
  descriptors: string[];
  activity: StrategyNode['activity'];
  estimatedCostsCzk: string | null;
  estimatedCostsFormatted: string | null;
  fundedByGrantProgramme: boolean;
}

export interface StrategyTreeNode extends StrategyNodeView {
  children: StrategyTreeNode[];
}

const toVersionView = (v: StrategyVersion): StrategyVersionView => ({
  id: v.id,
  kind: v.kind,
  title: v.title,
  year: v.year,
  periodFrom: v.periodFrom,
  periodTo: v.periodTo,
  sourceName: v.sourceName,
  importedAt: v.importedAt.toISOString(),
  counts: v.counts,
});

const toNodeView = (n: StrategyNode): StrategyNodeView => ({
  id: n.id,
  versionId: n.versionId,
  parentId: n.parentId,
  level: n.level,
  code: n.code,
  sourceCode: n.sourceCode,
  name: n.name,
  descriptors: n.descriptors,
  activity: n.activity,
  estimatedCostsCzk: n.estimatedCostsCzk?.toString() ?? null,
  estimatedCostsFormatted: n.estimatedCostsCzk?.format() ?? null,
  fundedByGrantProgramme: n.fundedByGrantProgramme,
});

@Injectable()
export class StrategyService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly unitOfWork: UnitOfWork,
  ) {}

  /**
   * Imports a strategy document as a new catalogue version. Importing the same text again is a
   * no-op that returns the existing version; a changed text becomes a new version and the old one stays.
   */
  async importDocument(actor: Actor, text: string, sourceName: string): Promise<ImportResult> {
    const sha = createHash('sha256').update(text).digest('hex');
    const existing = await this.dataSource.getRepository(StrategyVersion).findOneBy({ sourceSha256: sha });
    if (existing) return { version: toVersionView(existing), created: false, counts: existing.counts, unplaced: existing.unplaced };

    let parsed: ParsedDocument;
    try {
      parsed = parseStrategyDocument(text);
    } catch (error) {
      throw DomainError.field('file', 'STRATEGY_DOCUMENT_UNRECOGNISED', {
        cs: `Soubor ${sourceName} není Koncepce ani akční plán, který umíme načíst: ${(error as Error).message}`,
        en: `File ${sourceName} is not a Koncepce or an action plan this importer understands: ${(error as Error).message}`,
      });
    }
    return this.unitOfWork.run(actor, async (tx) => {
      // Two importers racing on the same text: the unique key on the hash lets only one win.
      await tx.manager.query('SELECT pg_advisory_xact_lock(hashtext($1))', [sha]);
      const raced = await tx.manager.findOneBy(StrategyVersion, { sourceSha256: sha });
      if (raced) return { version: toVersionView(raced), created: false, counts: raced.counts, unplaced: raced.unplaced };
      const version: StrategyVersion = {
        id: randomUUID(),
        kind: parsed.kind,
        title: parsed.title,
        year: parsed.year,
        periodFrom: parsed.periodFrom,
        periodTo: parsed.periodTo,
        sourceSha256: sha,
        sourceName,
        importedAt: tx.now,
        counts: parsed.counts,
        unplaced: parsed.unplaced,
      };
      await tx.manager.insert(StrategyVersion, version);
      await this.insertNodes(tx, version.id, parsed.roots);
      tx.audit({
        action: 'strategy.version_imported',
        objectType: 'strategy_version',
        objectId: version.id,
        after: { kind: version.kind, title: version.title, year: version.year, sourceName, sha256: sha, counts: parsed.counts, unplacedLines: parsed.unplaced.length },
      });
      return { version: toVersionView(version), created: true, counts: parsed.counts, unplaced: parsed.unplaced };
    });
  }

  private async insertNodes(tx: Tx, versionId: string, roots: ParsedNode[]): Promise<void> {
    const rows: StrategyNode[] = [];
    const walk = (nodes: ParsedNode[], parentId: string | null) =>
      nodes.forEach((node, position) => {
        const id = randomUUID();
        const costs = node.activity?.estimatedCostsCzk ?? null;
        const { estimatedCostsCzk: _, fundedByGrantProgramme: __, ...details } = node.activity ?? ({} as NonNullable<ParsedNode['activity']>);
        rows.push({
          id,
          versionId,
          parentId,
          level: node.level,
          code: node.code,
          sourceCode: node.sourceCode && node.sourceCode !== node.code ? node.sourceCode : null,
          name: node.name,
          position,
          sourceLine: node.sourceLine,
          descriptors: node.descriptors ?? [],
          activity: node.activity ? details : null,
          estimatedCostsCzk: costs ? Money.parse(costs) : null,
          fundedByGrantProgramme: node.activity?.fundedByGrantProgramme ?? false,
          searchText: foldText(
            [node.code, node.name, ...(node.descriptors ?? []), ...(node.activity?.indicators ?? []), node.activity?.guarantor ?? '', node.activity?.targetGroups ?? ''].join(' '),
          ),
        });
        walk(node.children, id);
      });
    walk(roots, null);
    for (let i = 0; i < rows.length; i += 500) await tx.manager.insert(StrategyNode, rows.slice(i, i + 500));
  }

  async versions(): Promise<StrategyVersionView[]> {
    const versions = await this.dataSource.getRepository(StrategyVersion).find({ order: { importedAt: 'DESC' } });
    return versions.map(toVersionView);
  }

  async tree(versionId: string): Promise<{ version: StrategyVersionView; roots: StrategyTreeNode[] }> {
    const version = await this.dataSource.getRepository(StrategyVersion).findOneBy({ id: versionId });
    if (!version) throw DomainError.notFound('strategy_version', versionId);
    const nodes = await this.dataSource.getRepository(StrategyNode).find({ where: { versionId }, order: { position: 'ASC' } });
    const byId = new Map<string, StrategyTreeNode>(nodes.map((n) => [n.id, { ...toNodeView(n), children: [] }]));
    const roots: StrategyTreeNode[] = [];
    for (const node of nodes) {
      const view = byId.get(node.id)!;
      if (node.parentId) byId.get(node.parentId)?.children.push(view);
      else roots.push(view);
    }
    return { version: toVersionView(version), roots };
  }

  async node(id: string): Promise<StrategyNodeView & { ancestors: StrategyNodeView[]; children: StrategyNodeView[] }> {
    const repo = this.dataSource.getRepository(StrategyNode);
    const node = await repo.findOneBy({ id });
    if (!node) throw DomainError.notFound('strategy_node', id);
    const ancestors = await this.dataSource.query<{ id: string }[]>(
      `WITH RECURSIVE up AS (SELECT * FROM strategy_node WHERE id = $1 UNION ALL SELECT p.* FROM strategy_node p JOIN up ON p.id = up.parent_id)
       SELECT id FROM up WHERE id <> $1`,
      [id],
    );
    const ancestorNodes = ancestors.length ? await repo.findBy(ancestors.map((a) => ({ id: a.id }))) : [];
    const order = ['priority', 'area', 'subgoal', 'measure', 'activity'];
    ancestorNodes.sort((a, b) => order.indexOf(a.level) - order.indexOf(b.level));
    const children = await repo.find({ where: { parentId: id }, order: { position: 'ASC' } });
    return { ...toNodeView(node), ancestors: ancestorNodes.map(toNodeView), children: children.map(toNodeView) };
  }

  async search(query: { q: string; versionId?: string; level?: StrategyLevelName; fundedByGrantProgramme?: boolean }, page: PageQuery): Promise<Page<StrategyNodeView>> {
    const tsQuery = prefixTsQuery(query.q);
    if (!tsQuery) {
      throw DomainError.field('q', 'SEARCH_QUERY_EMPTY', { cs: 'Zadejte alespoň jedno slovo k vyhledání.', en: 'Enter at least one word to search for.' });
    }
    const qb = this.dataSource.getRepository(StrategyNode).createQueryBuilder('n').where(`to_tsvector('simple', n.search_text) @@ to_tsquery('simple', :tsQuery)`, { tsQuery });
    if (query.versionId) qb.andWhere('n.versionId = :versionId', { versionId: query.versionId });
    if (query.level) qb.andWhere('n.level = :level', { level: query.level });
    if (query.fundedByGrantProgramme !== undefined) qb.andWhere('n.fundedByGrantProgramme = :f', { f: query.fundedByGrantProgramme });
    const [items, total] = await qb
      .orderBy(`ts_rank(to_tsvector('simple', n.search_text), to_tsquery('simple', :tsQuery))`, 'DESC')
      .addOrderBy('n.code', 'ASC')
      .skip(page.offset)
      .take(page.pageSize)
      .getManyAndCount();
    return pageOf(items.map(toNodeView), total, page);
  }
}
