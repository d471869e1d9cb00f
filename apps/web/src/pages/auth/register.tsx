import { Link, useNavigate } from '@tanstack/react-router';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call } from '../../api/client';
import { useSession } from '../../api/session';
import { ErrorSummary, TextField, useFormErrors } from '../../forms/errors';
import { useLanguage } from '../../i18n';

/** An applicant's own account; signed in straight away. */
export function RegisterPage() {
  const intl = useIntl();
  const { locale } = useLanguage();
  const { signIn } = useSession();
  const navigate = useNavigate();
  const errors = useFormErrors('register');
  const [form, setForm] = useState({ displayName: '', email: '', password: '' });
  const [busy, setBusy] = useState(false);
  const set = (field: keyof typeof form) => (value: string) => setForm((f) => ({ ...f, [field]: value }));
  const labels = {
    displayName: intl.formatMessage({ id: 'auth.displayName' }),
    email: intl.formatMessage({ id: 'auth.email' }),
    password: intl.formatMessage({ id: 'auth.newPassword' }),
  };
  return (
    <>
      <h1>
        <FormattedMessage id="auth.register.title" />
      </h1>
      <p>
        <FormattedMessage id="auth.register.intro" />
      </p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const missing: Record<string, string> = {};
          if (form.displayName.trim().length < 2) missing.displayName = intl.formatMessage({ id: 'auth.error.nameRequired' });
          if (!form.email.trim()) missing.email = intl.formatMessage({ id: 'auth.error.emailRequired' });
          if (form.password.length < 12) missing.password = intl.formatMessage({ id: 'auth.error.passwordShort' });
          if (Object.keys(missing).length > 0) return errors.setFieldErrors(missing);
          setBusy(true);
          void (async () => {
            try {
              await call(api.POST('/api/v1/auth/register', { body: { ...form, language: locale } }));
              await signIn(form.email, form.password);
              await navigate({ to: '/zadosti' });
            } catch (error) {
              errors.fromError(error, Object.keys(labels));
            } finally {
              setBusy(false);
            }
          })();
        }}
      >
        <ErrorSummary form="register" errors={errors.errors} version={errors.version} labels={labels} />
        <TextField
          form="register"
          name="displayName"
          autoComplete="name"
          label={labels.displayName}
          value={form.displayName}
          onChange={set('displayName')}
          error={errors.errors.fields.displayName}
        />
        <TextField
          form="register"
          name="email"
          type="email"
          autoComplete="email"
          label={labels.email}
          value={form.email}
          onChange={set('email')}
          error={errors.errors.fields.email}
        />
        <TextField
          form="register"
          name="password"
          type="password"
          autoComplete="new-password"
          label={labels.password}
          hint={<FormattedMessage id="auth.passwordHint" />}
          value={form.password}
          onChange={set('password')}
          error={errors.errors.fields.password}
        />
        <div className="actions">
          <button type="submit" className="gov-button" data-type="solid" data-color="primary" data-size="m" disabled={busy}>
            <FormattedMessage id="auth.register.submit" />
          </button>
          <Link to="/prihlaseni">
            <FormattedMessage id="auth.register.haveAccount" />
          </Link>
        </div>
      </form>
    </>
  );
}
