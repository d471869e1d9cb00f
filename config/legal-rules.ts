import type { LegalRuleVersion } from '../libs/config/src/legal-rules.js';

/**
 * The legal numbers the system enforces, as versioned, effective-dated data. Each version applies
 * from its `effectiveFrom` (a Prague calendar date) until the next one starts; a rule is always read
 * "as at" the date of the act it governs (the publication of a call, the signature of an agreement),
 * so that history is judged by the law of its day. When the law changes (new versions of Acts
 * 250/2000, 131/2000 and 215/2004 take effect on 1 January 2027), add a version; never edit a past one.
 */
export const LEGAL_RULES: readonly LegalRuleVersion[] = [
  {
    id: 'cz-2026',
    effectiveFrom: '2000-01-01',
    source: 'zákon č. 250/2000 Sb., zákon č. 131/2000 Sb., zákon č. 340/2015 Sb. (stav k podzimu 2026)',
    call: {
      // § 10c odst. 1 zákona č. 250/2000 Sb.
      minDaysFromPublicationToOpening: 30,
      minDaysPublished: 90,
    },
    callAmendment: {
      // The statute is silent on amending a published call; the conservative reading of § 10c (equal
      // treatment, the 30-day lead): before the period starts an amended call must still be public
      // 30 days before it opens; once it has started an amendment may extend the period but not
      // shorten it, and may not tighten eligibility, lower the maximum grant or add required annexes.
      minDaysFromAmendmentToOpening: 30,
      afterOpening: { mayShortenPeriod: false, mayTightenEligibility: false, mayLowerMaxGrant: false, mayAddRequiredAnnexes: false },
    },
    approval: {
      // § 59 odst. 3 písm. e) a f), § 68 odst. 2 písm. l) zákona č. 131/2000 Sb.
      cityDistrictsToAssembly: true,
      assemblyAboveAmount: '1000000.00',
    },
    contractRegister: {
      // §§ 5–7 zákona č. 340/2015 Sb.
      thresholdAmount: '50000.00',
      publishWithinDays: 30,
      voidAfterMonths: 3,
    },
    budgetDiscipline: {
      // § 22 zákona č. 250/2000 Sb.
      noLevyUpToAmount: '1000.00',
      penaltyPerMillePerDay: '0.4',
      noPenaltyUpToAmount: '1000.00',
      limitationYears: 10,
    },
  },
];
