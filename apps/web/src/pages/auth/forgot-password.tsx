import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call } from '../../api/client';
import { ErrorSummary, TextField, useFormErrors } from '../../forms/errors';

/** Asks for a reset link; the answer is the same whether the account exists or not. */
export function ForgotPasswordPage() {
  const intl = useIntl();
  const errors = useFormErrors('forgot');
  const [email, setEmail] = useState('');
  const [sent, setSent] = useState(false);
  const labels = { email: intl.formatMessage({ id: 'auth.email' }) };
  if (sent) {
    return (
      <>
        <h1>
          <FormattedMessage id="auth.forgot.title" />
        </h1>
        <p className="notice notice--success" role="status">
          <FormattedMessage id="auth.forgot.sent" values={{ email }} />
        </p>
      </>
    );
  }
  return (
    <>
      <h1>
        <FormattedMessage id="auth.forgot.title" />
      </h1>
      <p>
        <FormattedMessage id="auth.forgot.intro" />
      </p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          if (!email.trim()) return errors.setFieldErrors({ email: intl.formatMessage({ id: 'auth.error.emailRequired' }) });
          void call(api.POST('/api/v1/auth/password-reset', { body: { email } })).then(
            () => setSent(true),
            (error: unknown) => errors.fromError(error, ['email']),
          );
        }}
      >
        <ErrorSummary form="forgot" errors={errors.errors} version={errors.version} labels={labels} />
        <TextField form="forgot" name="email" type="email" autoComplete="email" label={labels.email} value={email} onChange={setEmail} error={errors.errors.fields.email} />
        <div className="actions">
          <button type="submit" className="gov-button" data-type="solid" data-color="primary" data-size="m">
            <FormattedMessage id="auth.forgot.submit" />
          </button>
        </div>
      </form>
    </>
  );
}
