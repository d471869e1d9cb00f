/**
 * The frame of one part of the application: its heading, what is still missing in it (each item a link
 * to its field), the fields, and "Uložit a pokračovat" that waits for the autosave before moving on.
 */
import { useNavigate } from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { FieldFrame, describedBy, fieldId } from '../../forms/errors';
import { PARTS, sectionOf, useApplicationContext } from './application-frame';
import type { PartSlug } from './application-frame';

export const draftFieldId = (path: string) => fieldId('app', path);

export function PartPage({ slug, children }: { slug: PartSlug; children: ReactNode }) {
  const { application, missing, flush, canEdit } = useApplicationContext();
  const navigate = useNavigate();
  const part = PARTS.find((p) => p.slug === slug)!;
  const mine = Object.entries(missing).filter(([field]) => (part.sections as readonly string[]).includes(sectionOf(field)));
  const index = PARTS.indexOf(part);
  const next = PARTS[index + 1];
  const editable = part.sections.some(canEdit);
  return (
    <>
      <h1>
        <FormattedMessage id={`applicant.part.${slug}`} />
      </h1>
      {!editable && (
        <p className="notice">
          <FormattedMessage id="applicant.part.readOnly" />
        </p>
      )}
      {mine.length > 0 && (
        <div className="notice" aria-labelledby="part-missing-title">
          <h2 id="part-missing-title" className="error-summary__title">
            <FormattedMessage id="applicant.part.missing" values={{ count: mine.length }} />
          </h2>
          <ul>
            {mine.map(([field, message]) => (
              <li key={field}>
                <a
                  href={`#${draftFieldId(field)}`}
                  onClick={(event) => {
                    const target = document.getElementById(draftFieldId(field)) ?? document.getElementById(draftFieldId(sectionOf(field)));
                    if (target) {
                      event.preventDefault();
                      target.focus();
                    }
                  }}
                >
                  {message}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {children}
      <div className="actions">
        <button
          type="button"
          className="gov-button"
          data-type="solid"
          data-color="primary"
          data-size="m"
          onClick={() =>
            void flush().then(() =>
              navigate(
                next
                  ? { to: `/zadosti/$applicationId/${next.slug}` as never, params: { applicationId: application.id } }
                  : { to: '/zadosti/$applicationId/kontrola', params: { applicationId: application.id } },
              ),
            )
          }
        >
          <FormattedMessage id="applicant.part.continue" />
        </button>
      </div>
    </>
  );
}

interface DraftFieldProps {
  path: string;
  label: string;
  value: string;
  onChange(value: string): void;
  hint?: ReactNode;
  multiline?: boolean;
  type?: string;
  readOnly?: boolean;
  autoComplete?: string;
}

/** A labelled field of the draft; the API's `missing` message for its path is shown next to it. */
export function DraftField({ path, label, value, onChange, hint, multiline, type = 'text', readOnly, autoComplete }: DraftFieldProps) {
  const { missing } = useApplicationContext();
  const intl = useIntl();
  const id = draftFieldId(path);
  const error = value === '' ? missing[path] : undefined;
  const common = {
    id,
    value,
    readOnly,
    'aria-describedby': describedBy(id, hint, error),
    'aria-invalid': error ? true : undefined,
    onChange: (event: { target: { value: string } }) => onChange(event.target.value),
  } as const;
  return (
    <FieldFrame id={id} label={label} hint={hint} error={error}>
      {multiline ? (
        <textarea className="textarea" {...common} />
      ) : (
        <div className="gov-form-input" data-size="m" data-invalid={error ? '' : undefined}>
          <div className="element">
            <input
              {...common}
              type={type}
              autoComplete={autoComplete}
              aria-readonly={readOnly || undefined}
              title={readOnly ? intl.formatMessage({ id: 'applicant.part.readOnly' }) : undefined}
            />
          </div>
        </div>
      )}
    </FieldFrame>
  );
}
