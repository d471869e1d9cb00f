/**
 * The remedy letter as the applicant receives it: in the language of their profile (each member of the applicant
 * organisation gets it in theirs), whatever language the staff member reads the portal in.
 */
import { createIntl } from 'react-intl';
import type { IntlShape } from 'react-intl';
import { messagesFor } from '../../i18n';
import { formatDate } from '../../lib/format';
import type { Locale } from '../../lib/format';

const intls = new Map<Locale, IntlShape>();
function intlFor(locale: Locale): IntlShape {
  let intl = intls.get(locale);
  if (!intl) {
    intl = createIntl({ locale: locale === 'cs' ? 'cs-CZ' : 'en-GB', messages: messagesFor(locale), defaultLocale: 'cs-CZ' });
    intls.set(locale, intl);
  }
  return intl;
}

export interface RemedyLetterInput {
  number: string;
  title: string;
  /** A calendar date (YYYY-MM-DD) and a time (HH:MM), or an empty date while none is picked. */
  deadlineDate: string;
  deadlineTime: string;
  items: { section: string; message: string }[];
  /** Annex types of the call, to name an "annex:<code>" section. */
  annexNames: Record<string, string>;
}

/** A section's name in `locale`: the application's sections by key, an annex by its name. */
export function remedySectionName(section: string, locale: Locale, annexNames: Record<string, string>): string {
  const intl = intlFor(locale);
  if (section.startsWith('annex:')) {
    const code = section.slice('annex:'.length);
    return intl.formatMessage({ id: 'staff.section.annex' }, { name: annexNames[code] ?? code });
  }
  return intl.formatMessage({ id: `staff.remedySection.${section}` });
}

export function remedyLetter(input: RemedyLetterInput, locale: Locale): string {
  return intlFor(locale).formatMessage(
    { id: 'staff.remedy.letter' },
    {
      number: input.number,
      title: input.title,
      deadline: input.deadlineDate ? `${formatDate(input.deadlineDate, locale)} ${input.deadlineTime}` : '…',
      items: input.items.map((i) => `• ${remedySectionName(i.section, locale, input.annexNames)}: ${i.message}`).join('\n'),
    },
  );
}
