/**
 * Shapes of the public routes' answers. The OpenAPI document does not describe these responses yet (the
 * API contract issue adds them); until then the pages read them through these types, in this one place.
 */
export type ApplicantType = 'city_district' | 'ngo';

export interface CallView {
  id: string;
  code: string;
  year: number;
  title: string;
  status: 'draft' | 'published' | 'open' | 'closed' | 'evaluation' | 'decided' | 'archived' | 'cancelled';
  statusName: { cs: string; en: string };
  purpose: string;
  reasons: string;
  totalAllocation: string;
  minGrant: string | null;
  maxGrant: string | null;
  grantRule: string | null;
  eligibleApplicantTypes: ApplicantType[];
  opensAt: string;
  closesAt: string;
  decisionDeadline: string;
  conditions: string;
  coFinancingMinPercent: string;
  costCategories: { code: string; name: string }[];
  settlementDeadline: string;
  stateAidRegime: string;
  budgetAreas: { id: string; code: string; name: string; description: string; allocation: string }[];
  criteria: { id: string; code: string; name: string; description: string; maxScore: number; weight: string; minScore: number | null }[];
  annexTypes: { id: string; code: string; name: string; description: string; required: boolean; requiredFrom: ApplicantType[]; allowedFormats: string[]; maxSizeMb: number }[];
  activities: { id: string; code: string; name: string }[];
  publishedAt: string | null;
  amendments: { number: number; reason: string; createdAt: string; changes: { field: string; before: unknown; after: unknown }[] }[];
}

export interface Page<T> {
  items: T[];
  page: number;
  pageSize: number;
  total: number;
}

export interface StrategyVersionView {
  id: string;
  kind: 'koncepce' | 'action-plan';
  title: string;
  year: number | null;
  periodFrom: number;
  periodTo: number;
  counts: Record<string, number>;
}

export interface StrategyNodeView {
  id: string;
  versionId: string;
  parentId: string | null;
  level: string;
  code: string;
  name: string;
  fundedByGrantProgramme: boolean;
}

export interface StrategyTreeNode extends StrategyNodeView {
  children: StrategyTreeNode[];
}
