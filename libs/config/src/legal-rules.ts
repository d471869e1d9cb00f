import { LEGAL_RULES } from '../../../config/legal-rules.js';

/** One version of the legal rules; see config/legal-rules.ts for the numbers and their sources. */
export interface LegalRuleVersion {
  id: string;
  /** Prague calendar date (YYYY-MM-DD) from which this version applies. */
  effectiveFrom: string;
  source: string;
  call: { minDaysFromPublicationToOpening: number; minDaysPublished: number };
  /** What an amendment of a published call may change, read as at the amendment's date. */
  callAmendment: {
    /** Before the application period starts: the amended call must still be public this many days before it opens. */
    minDaysFromAmendmentToOpening: number;
    /** Once the period has started: what an amendment may do to applicants who may already have applied. */
    afterOpening: { mayShortenPeriod: boolean; mayTightenEligibility: boolean; mayLowerMaxGrant: boolean; mayAddRequiredAnnexes: boolean };
  };
  approval: { cityDistrictsToAssembly: boolean; assemblyAboveAmount: string };
  contractRegister: { thresholdAmount: string; publishWithinDays: number; voidAfterMonths: number };
  budgetDiscipline: { noLevyUpToAmount: string; penaltyPerMillePerDay: string; noPenaltyUpToAmount: string; limitationYears: number };
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The rule versions in force over time. Injected (not imported) by services, so tests can add a future version. */
export class LegalRules {
  private readonly versions: readonly LegalRuleVersion[];

  constructor(versions: readonly LegalRuleVersion[] = LEGAL_RULES) {
    const problems = versions.filter((v) => !ISO_DATE.test(v.effectiveFrom)).map((v) => `${v.id}: effectiveFrom must be YYYY-MM-DD`);
    const dates = versions.map((v) => v.effectiveFrom);
    if (new Set(dates).size !== dates.length) problems.push('two rule versions start on the same day');
    if (versions.length === 0) problems.push('no rule version');
    if (problems.length) throw new Error(`Invalid legal rules: ${problems.join('; ')}`);
    this.versions = [...versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));
  }

  /** The version in force on a Prague calendar date (YYYY-MM-DD). */
  at(pragueDate: string): LegalRuleVersion {
    const found = this.versions.filter((v) => v.effectiveFrom <= pragueDate).at(-1);
    if (!found) throw new Error(`No legal rules in force on ${pragueDate}`);
    return found;
  }
}
