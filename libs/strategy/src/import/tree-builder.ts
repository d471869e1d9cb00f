import { STRATEGY_LEVELS, type ParsedNode, type StrategyLevel } from './types.js';

/** A reason a node could not be placed, or null when it was. */
export type Placement = string | null;

export function makeNode(level: StrategyLevel, code: string, name: string, sourceLine: number, sourceCode?: string): ParsedNode {
  return sourceCode === undefined ? { level, code, name, sourceLine, children: [] } : { level, code, sourceCode, name, sourceLine, children: [] };
}

/**
 * Grows the strategy tree in document order. Both documents list each node right after its
 * parent, so a node always hangs under the most recent node of the level above — but only when
 * its own numbering agrees (measure 13.II under sub-goal 13); otherwise it is refused with a
 * reason instead of being filed somewhere plausible.
 */
export class StrategyTreeBuilder {
  readonly roots: ParsedNode[] = [];
  private readonly current: Partial<Record<StrategyLevel, ParsedNode>> = {};
  private readonly codesSeen = new Map<StrategyLevel, Set<string>>(STRATEGY_LEVELS.map((level) => [level, new Set<string>()]));

  currentNode(level: StrategyLevel): ParsedNode | undefined {
    return this.current[level];
  }

  addPriority(node: ParsedNode): Placement {
    return this.attach(node, null);
  }

  /**
   * `expectedParentCode` is the parent code the node's own numbering implies; leave it out when
   * the numbering says nothing about the parent (the action plan's sub-goals are numbered globally).
   */
  addChild(node: ParsedNode, expectedParentCode?: string): Placement {
    const parentLevel = STRATEGY_LEVELS[STRATEGY_LEVELS.indexOf(node.level) - 1];
    const parent = this.current[parentLevel];
    if (parent === undefined) return `${node.level} ${node.code} appears before any ${parentLevel}`;
    if (expectedParentCode !== undefined && parent.code !== expectedParentCode) {
      return `${node.level} ${node.code} belongs to ${parentLevel} ${expectedParentCode}, but it follows ${parentLevel} ${parent.code}`;
    }
    return this.attach(node, parent);
  }

  counts(): Record<StrategyLevel, number> {
    const counts: Record<StrategyLevel, number> = { priority: 0, area: 0, subgoal: 0, measure: 0, activity: 0 };
    const visit = (node: ParsedNode): void => {
      counts[node.level] += 1;
      node.children.forEach(visit);
    };
    this.roots.forEach(visit);
    return counts;
  }

  private attach(node: ParsedNode, parent: ParsedNode | null): Placement {
    const seen = this.codesSeen.get(node.level) as Set<string>;
    if (seen.has(node.code)) return `duplicate ${node.level} ${node.code}`;
    seen.add(node.code);
    (parent === null ? this.roots : parent.children).push(node);
    this.makeCurrent(node);
    return null;
  }

  /** A new node closes every deeper branch, so nothing later can attach to a stale parent. */
  private makeCurrent(node: ParsedNode): void {
    const depth = STRATEGY_LEVELS.indexOf(node.level);
    this.current[node.level] = node;
    for (const deeper of STRATEGY_LEVELS.slice(depth + 1)) delete this.current[deeper];
  }
}
