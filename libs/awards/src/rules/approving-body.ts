import type { LegalRuleVersion } from '#config';
import { Money } from '#core';

/** The approval part of one legal-rules version: read it "as at" the date of the decision. */
export type ApprovalRules = LegalRuleVersion['approval'];

export type ApplicantType = 'city_district' | 'ngo' | 'other';
export type ApprovingBody = 'council' | 'assembly';

export interface ApprovingBodyResult {
  body: ApprovingBody;
  reason: { cs: string; en: string; legalBasis: string };
}

const ACT_CS = 'zákona č. 131/2000 Sb., o hlavním městě Praze';

/**
 * Which body of the City may decide a grant (zákon č. 131/2000 Sb.): the Assembly reserves to
 * itself every grant to a city district (§ 59 odst. 3 písm. e)) and any grant over the configured
 * amount in an individual case (§ 59 odst. 3 písm. f)); everything else is the Council's
 * (§ 68 odst. 2 písm. l)). "Over" is strict: exactly the configured amount stays with the Council.
 */
export function approvingBody(rules: ApprovalRules, input: { applicantType: ApplicantType; amount: Money }): ApprovingBodyResult {
  if (input.amount.isNegative()) throw new RangeError('a grant amount cannot be negative');
  const limit = Money.parse(rules.assemblyAboveAmount, 'approval.assemblyAboveAmount');
  const district = rules.cityDistrictsToAssembly && input.applicantType === 'city_district';
  const overLimit = input.amount.compare(limit) > 0;
  const amount = input.amount.format();
  const limitText = limit.format();

  if (district) {
    // When both grounds apply both are cited, so the resolution names its full legal basis.
    const letters = overLimit ? 'e) a f)' : 'e)';
    return {
      body: 'assembly',
      reason: {
        cs:
          `Dotace městské části (${amount}) náleží do pravomoci Zastupitelstva hl. m. Prahy` +
          (overLimit ? ` a zároveň převyšuje ${limitText} v jednotlivém případě.` : ' bez ohledu na výši částky.'),
        en:
          `A grant to a city district (${amount}) is reserved to the Prague City Assembly` +
          (overLimit ? ` and it also exceeds ${limitText} in an individual case.` : ' whatever its amount.'),
        legalBasis: `§ 59 odst. 3 písm. ${letters} ${ACT_CS}`,
      },
    };
  }
  if (overLimit) {
    return {
      body: 'assembly',
      reason: {
        cs: `Dotace ${amount} převyšuje v jednotlivém případě ${limitText}, rozhoduje Zastupitelstvo hl. m. Prahy.`,
        en: `The grant of ${amount} exceeds ${limitText} in an individual case, so the Prague City Assembly decides.`,
        legalBasis: `§ 59 odst. 3 písm. f) ${ACT_CS}`,
      },
    };
  }
  return {
    body: 'council',
    reason: {
      cs: `Dotace ${amount} nepřevyšuje ${limitText} a příjemcem není městská část, rozhoduje Rada hl. m. Prahy.`,
      en: `The grant of ${amount} does not exceed ${limitText} and the recipient is not a city district, so the Prague City Council decides.`,
      legalBasis: `§ 68 odst. 2 písm. l) ${ACT_CS}`,
    },
  };
}
