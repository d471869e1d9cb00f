import { useMemo } from 'react';
import { useLanguage } from '../i18n';
import { formatAmount, formatDate, formatDateTime, formatMoney, formatMoneyShort, formatTime } from './format';

/** The formatting module bound to the current language: `const f = useFormat(); f.money('1234.50')`. */
export function useFormat() {
  const { locale } = useLanguage();
  return useMemo(
    () => ({
      locale,
      money: (amount: string) => formatMoney(amount, locale),
      amount: (amount: string) => formatAmount(amount, locale),
      moneyShort: (amount: string) => formatMoneyShort(amount, locale),
      date: (value: string) => formatDate(value, locale),
      dateTime: (value: string) => formatDateTime(value, locale),
      time: (value: string | Date) => formatTime(value, locale),
    }),
    [locale],
  );
}
