import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { IntlProvider } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { ProblemError } from '../api/errors';
import { messagesFor } from '../i18n';
import { ErrorSummary, TextField, useFormErrors } from './errors';

function Form({ error }: { error: unknown }) {
  const state = useFormErrors('f');
  const [email, setEmail] = useState('');
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        state.fromError(error, ['email']);
      }}
    >
      <ErrorSummary form="f" errors={state.errors} version={state.version} labels={{ email: 'E-mail' }} />
      <TextField form="f" name="email" label="E-mail" value={email} onChange={setEmail} error={state.errors.fields.email} />
      <button type="submit">Odeslat</button>
    </form>
  );
}

const wrap = (error: unknown) =>
  render(
    <IntlProvider locale="cs" messages={messagesFor('cs')}>
      <Form error={error} />
    </IntlProvider>,
  );

describe('one way to show errors', () => {
  it('puts a problem+json field error next to its field, summarises it at the top and moves focus there', async () => {
    const user = userEvent.setup();
    wrap(new ProblemError({ status: 422, code: 'EMAIL_TAKEN', detail: 'Účet už existuje.', errors: [{ field: 'email', code: 'EMAIL_TAKEN', message: 'Účet už existuje.' }] }));
    await user.click(screen.getByRole('button', { name: 'Odeslat' }));
    const summary = screen.getByRole('alert');
    expect(summary).toHaveFocus();
    const input = screen.getByRole('textbox', { name: 'E-mail' });
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription('Účet už existuje.');
    await user.click(screen.getByRole('link', { name: 'E-mail: Účet už existuje.' }));
    expect(input).toHaveFocus();
  });

  it('shows an error without fields as a general message, and a lost connection as such', async () => {
    const user = userEvent.setup();
    wrap(new ProblemError({ status: 409, code: 'CONFLICT', detail: 'Mezitím se změnilo.' }));
    await user.click(screen.getByRole('button', { name: 'Odeslat' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Mezitím se změnilo.');
  });
});
