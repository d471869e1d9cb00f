import { useQuery } from '@tanstack/react-query';
import { Link, useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { callUntyped } from '../../api/client';
import { ProblemError } from '../../api/errors';
import { useSession } from '../../api/session';
import type { Role } from '../../api/session';
import { ErrorSummary, TextField, useFormErrors } from '../../forms/errors';

interface DemoAccounts {
  password: string | null;
  accounts: { email: string; displayName: string; roles: Role[] }[];
}

/** Only a relative path inside the portal may follow sign-in (no open redirect). */
function safeNext(next: string | undefined): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  const intl = useIntl();
  const search = useSearch({ strict: false }) as { dalsi?: string; odhlaseno?: string; heslo?: string };
  const navigate = useNavigate();
  const { signIn, endedBecause } = useSession();
  const errors = useFormErrors('sign-in');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const labels = { email: intl.formatMessage({ id: 'auth.email' }), password: intl.formatMessage({ id: 'auth.password' }) };

  const go = async (address: string, secret: string) => {
    setBusy(true);
    try {
      await signIn(address, secret);
      await navigate({ to: safeNext(search.dalsi) });
    } catch (error) {
      errors.fromError(error, ['email', 'password']);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>
        <FormattedMessage id="auth.signIn.title" />
      </h1>
      {endedBecause === 'idle' && (
        <p className="notice" role="status">
          <FormattedMessage id="auth.signIn.endedIdle" />
        </p>
      )}
      {(search.odhlaseno === 'ano' || endedBecause === 'user') && endedBecause !== 'idle' && (
        <p className="notice" role="status">
          <FormattedMessage id="auth.signIn.signedOut" />
        </p>
      )}
      {search.heslo === 'zmeneno' && (
        <p className="notice notice--success" role="status">
          <FormattedMessage id="auth.reset.done" />
        </p>
      )}
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const missing: Record<string, string> = {};
          if (!email.trim()) missing.email = intl.formatMessage({ id: 'auth.error.emailRequired' });
          if (!password) missing.password = intl.formatMessage({ id: 'auth.error.passwordRequired' });
          if (Object.keys(missing).length > 0) return errors.setFieldErrors(missing);
          void go(email, password);
        }}
      >
        <ErrorSummary form="sign-in" errors={errors.errors} version={errors.version} labels={labels} />
        <TextField form="sign-in" name="email" type="email" autoComplete="username" label={labels.email} value={email} onChange={setEmail} error={errors.errors.fields.email} />
        <TextField
          form="sign-in"
          name="password"
          type="password"
          autoComplete="current-password"
          label={labels.password}
          value={password}
          onChange={setPassword}
          error={errors.errors.fields.password}
        />
        <div className="actions">
          <button type="submit" className="gov-button" data-type="solid" data-color="primary" data-size="m" disabled={busy}>
            <FormattedMessage id="auth.signIn.submit" />
          </button>
          <Link to="/zapomenute-heslo">
            <FormattedMessage id="auth.signIn.forgot" />
          </Link>
          <Link to="/registrace">
            <FormattedMessage id="auth.signIn.register" />
          </Link>
        </div>
      </form>
      <DemoAccountList onPick={(address, secret) => void go(address, secret)} busy={busy} />
    </>
  );
}

/** Development only: the API answers 404 in production, and then nothing shows. */
function DemoAccountList({ onPick, busy }: { onPick(email: string, password: string): void; busy: boolean }) {
  const intl = useIntl();
  const demo = useQuery({
    queryKey: ['demo-accounts'],
    queryFn: () =>
      callUntyped<DemoAccounts>('/api/v1/dev/demo-accounts').catch((error: unknown) => {
        if (error instanceof ProblemError && error.status === 404) return null;
        throw error;
      }),
    retry: false,
    staleTime: Infinity,
  });
  const password = demo.data?.password;
  if (!password || !demo.data?.accounts.length) return null;
  return (
    <section className="demo-accounts" aria-labelledby="demo-accounts-title">
      <h2 id="demo-accounts-title">
        <FormattedMessage id="auth.demo.title" />
      </h2>
      <p>
        <FormattedMessage id="auth.demo.text" />
      </p>
      <ul>
        {demo.data.accounts.map((account) => (
          <li key={account.email}>
            <button type="button" className="gov-button" data-type="outlined" data-color="primary" data-size="s" disabled={busy} onClick={() => onPick(account.email, password)}>
              <FormattedMessage
                id="auth.demo.signInAs"
                values={{ name: account.displayName, roles: account.roles.map((role) => intl.formatMessage({ id: `auth.role.${role}` })).join(', ') }}
              />
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
