/**
 * Czech first, English second. Every area keeps its own catalogs (`messages/<area>.cs.json` and
 * `<area>.en.json`); they are merged here when the app loads, so a new area adds files and edits nothing shared.
 * Messages use ICU syntax, plurals included: `{count, plural, one {# výzva} few {# výzvy} other {# výzev}}`.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { IntlProvider } from 'react-intl';
import { setApiLanguage } from '../api/client';
import type { Locale } from '../lib/format';

const modules = import.meta.glob<Record<string, string>>('./messages/*.json', { eager: true, import: 'default' });

export const LOCALES: Locale[] = ['cs', 'en'];
const STORAGE_KEY = 'grants.language';

/** Every catalog of one language, merged. Keys are namespaced by area (`public.home.title`), so areas cannot collide. */
export function messagesFor(locale: Locale): Record<string, string> {
  const merged: Record<string, string> = {};
  for (const [file, messages] of Object.entries(modules)) {
    if (file.endsWith(`.${locale}.json`)) Object.assign(merged, messages);
  }
  return merged;
}

const CATALOGS: Record<Locale, Record<string, string>> = { cs: messagesFor('cs'), en: messagesFor('en') };

interface LanguageContextValue {
  locale: Locale;
  /** Switches the language and keeps the choice in this browser (the header's switch also stores it in the profile). */
  setLocale(locale: Locale): void;
}

const LanguageContext = createContext<LanguageContextValue>({ locale: 'cs', setLocale: () => undefined });

function initialLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (stored === 'cs' || stored === 'en') return stored;
  } catch {
    // storage blocked: fall through
  }
  return 'cs';
}

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  setApiLanguage(locale);
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  const setLocale = useCallback((next: Locale) => {
    setApiLanguage(next);
    setLocaleState(next);
    try {
      window.localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // storage blocked: the choice lasts this visit
    }
  }, []);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return (
    <LanguageContext.Provider value={value}>
      <IntlProvider locale={locale === 'cs' ? 'cs-CZ' : 'en-GB'} messages={CATALOGS[locale]} defaultLocale="cs-CZ">
        {children}
      </IntlProvider>
    </LanguageContext.Provider>
  );
}

export function useLanguage(): LanguageContextValue {
  return useContext(LanguageContext);
}
