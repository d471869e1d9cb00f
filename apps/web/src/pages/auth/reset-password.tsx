import { useNavigate, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call } from '../../api/client';
import { ErrorSummary, TextField, useFormErrors } from '../../forms/errors';

/** The page the reset e-mail links to (/obnova-hesla?token=…). */
export function ResetPasswordPage() {
  const intl = useIntl();
  const navigate = useNavigate();
  const { token = '' } = useSearch({ strict: false }) as { token?: string };
  const errors = useFormErrors('reset');
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const labels = {
    newPassword: intl.formatMessage({ id: 'auth.newPassword' }),
    again: intl.formatMessage({ id: 'auth.passwordAgain' }),
    token: intl.formatMessage({ id: 'auth.reset.link' }),
  };
  return (
    <>
      <h1>
        <FormattedMessage id="auth.reset.title" />
      </h1>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          const problems: Record<string, string> = {};
          if (password.length < 12) problems.newPassword = intl.formatMessage({ id: 'auth.error.passwordShort' });
          if (again !== password) problems.again = intl.formatMessage({ id: 'auth.error.passwordsDiffer' });
          if (Object.keys(problems).length > 0) return errors.setFieldErrors(problems);
          void call(api.POST('/api/v1/auth/password-reset/confirm', { body: { token, newPassword: password } })).then(
            () => navigate({ to: '/prihlaseni', search: { heslo: 'zmeneno' } }),
            (error: unknown) => errors.fromError(error, ['newPassword']),
          );
        }}
      >
        <ErrorSummary form="reset" errors={errors.errors} version={errors.version} labels={labels} />
        <TextField
          form="reset"
          name="newPassword"
          type="password"
          autoComplete="new-password"
          label={labels.newPassword}
          hint={<FormattedMessage id="auth.passwordHint" />}
          value={password}
          onChange={setPassword}
          error={errors.errors.fields.newPassword}
        />
        <TextField
          form="reset"
          name="again"
          type="password"
          autoComplete="new-password"
          label={labels.again}
          value={again}
          onChange={setAgain}
          error={errors.errors.fields.again}
        />
        <div className="actions">
          <button type="submit" className="gov-button" data-type="solid" data-color="primary" data-size="m">
            <FormattedMessage id="auth.reset.submit" />
          </button>
        </div>
      </form>
    </>
  );
}
