/** The public pages' shapes: the generated client's response schemas, named for the pages. */
import type { components } from '../../api/schema';

type Schemas = components['schemas'];
export type ApplicantType = 'city_district' | 'ngo';

export type CallView = Schemas['CallResponse'];

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export type StrategyVersionView = Schemas['StrategyVersionResponse'];
export type StrategyNodeView = Schemas['StrategyNodeResponse'];

export interface StrategyTreeNode extends StrategyNodeView {
  children: StrategyTreeNode[];
}
