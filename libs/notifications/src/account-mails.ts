import type { OutgoingMail } from './mail-sender.js';

interface Recipient {
  email: string;
  displayName: string;
  language: 'cs' | 'en';
}

/** Czech first; English for users who chose it. */
export function passwordResetMail(recipient: Recipient, link: string, validMinutes: number, messageId: string): OutgoingMail {
  const cs = {
    subject: 'Obnovení hesla – Dotační portál hl. m. Prahy',
    text: `Dobrý den, ${recipient.displayName},\n\nobdrželi jsme žádost o obnovení hesla k vašemu účtu. Nové heslo nastavíte na této adrese (platí ${validMinutes} minut a jen jednou):\n\n${link}\n\nPokud jste o obnovení nežádali, zprávu ignorujte; vaše heslo zůstává beze změny.\n\nOddělení národnostních menšin a cizinců MHMP`,
  };
  const en = {
    subject: 'Password reset – City of Prague grant portal',
    text: `Hello ${recipient.displayName},\n\nwe received a request to reset the password of your account. Set a new password here (valid for ${validMinutes} minutes, once):\n\n${link}\n\nIf you did not ask for this, ignore this message; your password stays as it is.\n\nPrague City Hall, Department of National Minorities and Foreigners`,
  };
  const chosen = recipient.language === 'en' ? en : cs;
  return { to: recipient.email, subject: chosen.subject, text: chosen.text, messageId };
}

export function welcomeMail(recipient: Recipient, portalUrl: string, messageId: string): OutgoingMail {
  const cs = {
    subject: 'Vítejte na dotačním portálu hl. m. Prahy',
    text: `Dobrý den, ${recipient.displayName},\n\nváš účet na dotačním portálu hl. m. Prahy je založen. Přihlásíte se na ${portalUrl} e-mailem ${recipient.email}.\n\nOddělení národnostních menšin a cizinců MHMP`,
  };
  const en = {
    subject: 'Welcome to the City of Prague grant portal',
    text: `Hello ${recipient.displayName},\n\nyour account on the City of Prague grant portal is ready. Sign in at ${portalUrl} with ${recipient.email}.\n\nPrague City Hall, Department of National Minorities and Foreigners`,
  };
  const chosen = recipient.language === 'en' ? en : cs;
  return { to: recipient.email, subject: chosen.subject, text: chosen.text, messageId };
}
