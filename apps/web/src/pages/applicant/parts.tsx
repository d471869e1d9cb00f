/**
 * The parts of the application form, one page each. Every change goes through `edit()` (autosaved);
 * a part the applicant may not change now (after the deadline, or not named by a remedy request) is read-only.
 */
import { useParams } from '@tanstack/react-router';
import { useCallback, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { ApplicationFrame, useApplicationContext } from '../../features/applicant/application-frame';
import type { PartSlug } from '../../features/applicant/application-frame';
import { BudgetTable } from '../../features/applicant/budget-table';
import { DraftField, PartPage, draftFieldId } from '../../features/applicant/part-page';
import { ShareEditor } from '../../features/applicant/share-editor';
import type { Draft } from '../../features/applicant/types';

function Part({ slug, children }: { slug: PartSlug; children: ReactNode }) {
  const { applicationId } = useParams({ strict: false }) as { applicationId: string };
  return (
    <ApplicationFrame applicationId={applicationId}>
      <PartPage slug={slug}>{children}</PartPage>
    </ApplicationFrame>
  );
}

export const ProjectPartPage = () => (
  <Part slug="projekt">
    <ProjectFields />
  </Part>
);
export const ApplicantPartPage = () => (
  <Part slug="zadatel">
    <ApplicantFields />
  </Part>
);
export const BudgetPartPage = () => (
  <Part slug="rozpocet">
    <BudgetFields />
  </Part>
);
export const ActivitiesPartPage = () => (
  <Part slug="aktivity">
    <ActivityFields />
  </Part>
);
export const DeclarationsPartPage = () => (
  <Part slug="prohlaseni">
    <DeclarationFields />
  </Part>
);

const listOf = (text: string, separator: ',' | '\n') =>
  text
    .split(separator)
    .map((item) => item.trim())
    .filter(Boolean);

/**
 * A list typed as text (districts separated by commas, target groups one per line). The text is kept as typed:
 * deriving it from the saved list on every key dropped the comma, the line break and the space being typed, so
 * "Praha 3, Praha 9" came out as "Praha3Praha9". It follows the draft when the list changes elsewhere (a conflict
 * resolved by taking theirs, edits restored after a reload).
 */
function DraftListField({
  path,
  label,
  hint,
  values,
  separator,
  readOnly,
  onChange,
}: {
  path: string;
  label: string;
  hint: string;
  values: string[];
  separator: ',' | '\n';
  readOnly: boolean;
  onChange(values: string[]): void;
}) {
  const joined = values.join(separator === ',' ? ', ' : '\n');
  const [text, setText] = useState(joined);
  const [seen, setSeen] = useState(joined);
  if (seen !== joined) {
    setSeen(joined);
    if (listOf(text, separator).join('\u0000') !== values.join('\u0000')) setText(joined);
  }
  return (
    <DraftField
      path={path}
      label={label}
      hint={hint}
      multiline={separator === '\n'}
      value={text}
      readOnly={readOnly}
      onChange={(next) => {
        setText(next);
        onChange(listOf(next, separator));
      }}
    />
  );
}

function ProjectFields() {
  const { draft, edit, canEdit, call, missing } = useApplicationContext();
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id: `applicant.project.${id}` });
  const ro = (section: string) => !canEdit(section);
  const outputs = draft.outputs ?? [];
  return (
    <>
      <DraftField
        path="project.title"
        label={t('title')}
        value={draft.project?.title ?? ''}
        readOnly={ro('project')}
        onChange={(title) => edit({ project: { ...draft.project, title } })}
      />
      <DraftField
        path="project.summary"
        label={t('summary')}
        multiline
        value={draft.project?.summary ?? ''}
        readOnly={ro('project')}
        onChange={(summary) => edit({ project: { ...draft.project, summary } })}
      />
      <div className="gov-form-control field">
        <label className="gov-form-label" htmlFor={draftFieldId('budgetAreaCode')}>
          <span className="gov-form-label__label">{t('budgetArea')}</span>
        </label>
        {missing.budgetAreaCode && !draft.budgetAreaCode && (
          <p className="gov-form-message" data-color="error" id={`${draftFieldId('budgetAreaCode')}-error`}>
            {missing.budgetAreaCode}
          </p>
        )}
        <div className="gov-form-select" data-size="m">
          <select
            id={draftFieldId('budgetAreaCode')}
            value={draft.budgetAreaCode ?? ''}
            disabled={ro('budgetAreaCode')}
            aria-describedby={missing.budgetAreaCode && !draft.budgetAreaCode ? `${draftFieldId('budgetAreaCode')}-error` : undefined}
            onChange={(event) => edit({ budgetAreaCode: event.target.value || undefined })}
          >
            <option value="">{intl.formatMessage({ id: 'applicant.budget.chooseCategory' })}</option>
            {call.budgetAreas.map((area) => (
              <option key={area.code} value={area.code}>
                {area.code} – {area.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      <DraftField path="purpose" label={t('purpose')} multiline value={draft.purpose ?? ''} readOnly={ro('purpose')} onChange={(purpose) => edit({ purpose })} />
      <DraftField
        path="justification"
        label={t('justification')}
        multiline
        value={draft.justification ?? ''}
        readOnly={ro('justification')}
        onChange={(justification) => edit({ justification })}
      />
      <DraftField
        path="period.from"
        type="date"
        label={t('periodFrom')}
        value={draft.period?.from ?? ''}
        readOnly={ro('period')}
        onChange={(from) => edit({ period: { ...draft.period, from: from || undefined } })}
      />
      <DraftField
        path="period.to"
        type="date"
        label={t('periodTo')}
        value={draft.period?.to ?? ''}
        readOnly={ro('period')}
        onChange={(to) => edit({ period: { ...draft.period, to: to || undefined } })}
      />
      <DraftListField
        path="place.districts"
        label={t('districts')}
        hint={t('districtsHint')}
        values={draft.place?.districts ?? []}
        separator=","
        readOnly={ro('place')}
        onChange={(districts) => edit({ place: { ...draft.place, districts } })}
      />
      <DraftListField
        path="targetGroups"
        label={t('targetGroups')}
        hint={t('onePerLine')}
        values={draft.targetGroups ?? []}
        separator={'\n'}
        readOnly={ro('targetGroups')}
        onChange={(targetGroups) => edit({ targetGroups })}
      />
      <fieldset className="repeat" id={draftFieldId('outputs')} tabIndex={-1}>
        <legend>{t('outputs')}</legend>
        {outputs.map((output, i) => (
          <div key={i}>
            <DraftField
              path={`outputs.${i}.indicator`}
              label={intl.formatMessage({ id: 'applicant.project.indicator' }, { number: i + 1 })}
              value={output.indicator ?? ''}
              readOnly={ro('outputs')}
              onChange={(indicator) => edit({ outputs: outputs.map((o, j) => (j === i ? { ...o, indicator } : o)) })}
            />
            <DraftField
              path={`outputs.${i}.unit`}
              label={intl.formatMessage({ id: 'applicant.project.outputUnit' }, { number: i + 1 })}
              value={output.unit ?? ''}
              readOnly={ro('outputs')}
              onChange={(unit) => edit({ outputs: outputs.map((o, j) => (j === i ? { ...o, unit } : o)) })}
            />
            <DraftField
              path={`outputs.${i}.target`}
              label={intl.formatMessage({ id: 'applicant.project.target' }, { number: i + 1 })}
              value={output.target === undefined ? '' : String(output.target)}
              readOnly={ro('outputs')}
              onChange={(text) => {
                const digits = text.replace(/\s/g, '');
                if (digits === '' || /^\d{1,9}$/.test(digits))
                  edit({ outputs: outputs.map((o, j) => (j === i ? { ...o, target: digits === '' ? undefined : Number(digits) } : o)) });
              }}
            />
          </div>
        ))}
        {canEdit('outputs') && (
          <button type="button" className="gov-button" data-type="outlined" data-color="primary" data-size="s" onClick={() => edit({ outputs: [...outputs, {}] })}>
            <FormattedMessage id="applicant.project.addOutput" />
          </button>
        )}
      </fieldset>
      <DraftField
        path="contact.name"
        label={t('contactName')}
        autoComplete="name"
        value={draft.contact?.name ?? ''}
        readOnly={ro('contact')}
        onChange={(name) => edit({ contact: { ...draft.contact, name } })}
      />
      <DraftField
        path="contact.email"
        type="email"
        label={t('contactEmail')}
        autoComplete="email"
        value={draft.contact?.email ?? ''}
        readOnly={ro('contact')}
        onChange={(email) => edit({ contact: { ...draft.contact, email: email || undefined } })}
      />
      <DraftField
        path="contact.phone"
        type="tel"
        label={t('contactPhone')}
        autoComplete="tel"
        value={draft.contact?.phone ?? ''}
        readOnly={ro('contact')}
        onChange={(phone) => edit({ contact: { ...draft.contact, phone: phone || undefined } })}
      />
    </>
  );
}

function ApplicantFields() {
  const { draft, edit, canEdit, application } = useApplicationContext();
  const intl = useIntl();
  const t = (id: string, values?: Record<string, unknown>) => intl.formatMessage({ id: `applicant.applicant.${id}` }, values as never);
  const reps = draft.representatives ?? [];
  const owners = draft.beneficialOwners ?? [];
  const holdings = draft.holdings;
  const publicBody = application.organisation.type === 'city_district';
  const update = <K extends keyof Draft>(key: K, list: NonNullable<Draft[K]>) => edit({ [key]: list });
  return (
    <>
      <fieldset className="repeat" id={draftFieldId('representatives')} tabIndex={-1}>
        <legend>{t('representatives')}</legend>
        {reps.map((rep, i) => (
          <div key={i}>
            <DraftField
              path={`representatives.${i}.name`}
              label={t('repName', { number: i + 1 })}
              value={rep.name ?? ''}
              readOnly={!canEdit('representatives')}
              onChange={(name) =>
                update(
                  'representatives',
                  reps.map((r, j) => (j === i ? { ...r, name } : r)),
                )
              }
            />
            <DraftField
              path={`representatives.${i}.function`}
              label={t('repFunction', { number: i + 1 })}
              value={rep.function ?? ''}
              readOnly={!canEdit('representatives')}
              onChange={(fn) =>
                update(
                  'representatives',
                  reps.map((r, j) => (j === i ? { ...r, function: fn } : r)),
                )
              }
            />
            <div className="gov-form-control field">
              <label className="gov-form-label" htmlFor={draftFieldId(`representatives.${i}.basis`)}>
                <span className="gov-form-label__label">{t('repBasis', { number: i + 1 })}</span>
              </label>
              <div className="gov-form-select" data-size="m">
                <select
                  id={draftFieldId(`representatives.${i}.basis`)}
                  value={rep.basis ?? ''}
                  disabled={!canEdit('representatives')}
                  onChange={(event) =>
                    update(
                      'representatives',
                      reps.map((r, j) => (j === i ? { ...r, basis: (event.target.value || undefined) as 'statutory' } : r)),
                    )
                  }
                >
                  <option value="">{intl.formatMessage({ id: 'applicant.budget.chooseCategory' })}</option>
                  <option value="statutory">{t('basis.statutory')}</option>
                  <option value="power_of_attorney">{t('basis.power_of_attorney')}</option>
                </select>
              </div>
            </div>
          </div>
        ))}
        {canEdit('representatives') && (
          <button type="button" className="gov-button" data-type="outlined" data-color="primary" data-size="s" onClick={() => update('representatives', [...reps, {}])}>
            {t('addRepresentative')}
          </button>
        )}
      </fieldset>
      {!publicBody && (
        <>
          <fieldset className="repeat" id={draftFieldId('beneficialOwners')} tabIndex={-1}>
            <legend>{t('owners')}</legend>
            {owners.map((owner, i) => (
              <div key={i}>
                <DraftField
                  path={`beneficialOwners.${i}.name`}
                  label={t('ownerName', { number: i + 1 })}
                  value={owner.name ?? ''}
                  readOnly={!canEdit('beneficialOwners')}
                  onChange={(name) =>
                    update(
                      'beneficialOwners',
                      owners.map((o, j) => (j === i ? { ...o, name } : o)),
                    )
                  }
                />
                <DraftField
                  path={`beneficialOwners.${i}.dateOfBirth`}
                  type="date"
                  label={t('ownerBirth', { number: i + 1 })}
                  value={owner.dateOfBirth ?? ''}
                  readOnly={!canEdit('beneficialOwners')}
                  onChange={(dateOfBirth) =>
                    update(
                      'beneficialOwners',
                      owners.map((o, j) => (j === i ? { ...o, dateOfBirth: dateOfBirth || undefined } : o)),
                    )
                  }
                />
              </div>
            ))}
            {canEdit('beneficialOwners') && (
              <button type="button" className="gov-button" data-type="outlined" data-color="primary" data-size="s" onClick={() => update('beneficialOwners', [...owners, {}])}>
                {t('addOwner')}
              </button>
            )}
          </fieldset>
          <fieldset className="repeat" id={draftFieldId('holdings')} tabIndex={-1}>
            <legend>{t('holdings')}</legend>
            <label className="checkbox-row">
              <input
                type="checkbox"
                checked={Array.isArray(holdings) && holdings.length === 0}
                disabled={!canEdit('holdings')}
                onChange={(event) => edit({ holdings: event.target.checked ? [] : [{}] })}
              />{' '}
              {t('noHoldings')}
            </label>
            {(holdings ?? []).map((holding, i) => (
              <div key={i}>
                <DraftField
                  path={`holdings.${i}.name`}
                  label={t('holdingName', { number: i + 1 })}
                  value={holding.name ?? ''}
                  readOnly={!canEdit('holdings')}
                  onChange={(name) =>
                    update(
                      'holdings',
                      (holdings ?? []).map((h, j) => (j === i ? { ...h, name } : h)),
                    )
                  }
                />
              </div>
            ))}
          </fieldset>
        </>
      )}
    </>
  );
}

function BudgetFields() {
  const { draft, edit, canEdit, call, missing } = useApplicationContext();
  // Stable between keystrokes: the table's rows are memoised, and a new `errors` object or `onChange` function on
  // every render made all of them render again on every key (hundreds of milliseconds with 100 lines).
  const errors = useMemo(() => Object.fromEntries(Object.entries(missing).filter(([field]) => field.startsWith('budgetLines.'))), [missing]);
  const onChange = useCallback((budgetLines: Draft['budgetLines']) => edit({ budgetLines }), [edit]);
  const limits = useMemo(
    () => ({ minGrant: call.minGrant, maxGrant: call.maxGrant, coFinancingMinPercent: call.coFinancingMinPercent }),
    [call.minGrant, call.maxGrant, call.coFinancingMinPercent],
  );
  return (
    <>
      {missing.budgetLines && (
        <p className="gov-form-message" data-color="error" id={draftFieldId('budgetLines')} tabIndex={-1}>
          {missing.budgetLines}
        </p>
      )}
      <BudgetTable lines={draft.budgetLines ?? []} categories={call.costCategories} limits={limits} readOnly={!canEdit('budgetLines')} errors={errors} onChange={onChange} />
    </>
  );
}

function ActivityFields() {
  const { draft, edit, canEdit, call, missing } = useApplicationContext();
  return (
    <div id={draftFieldId('activities')} tabIndex={-1}>
      <ShareEditor
        activities={call.activities}
        shares={draft.activities ?? []}
        readOnly={!canEdit('activities')}
        error={missing.activities}
        onChange={(activities) => edit({ activities })}
      />
    </div>
  );
}

export const DECLARATIONS = ['noOverdueDebts', 'oneApplicationPerPurpose', 'nonProfit', 'notYetCarriedOut', 'truthful'] as const;

function DeclarationFields() {
  const { draft, edit, canEdit, missing } = useApplicationContext();
  const intl = useIntl();
  return (
    <fieldset className="repeat">
      <legend>
        <FormattedMessage id="applicant.declarations.legend" />
      </legend>
      {DECLARATIONS.map((key) => {
        const id = draftFieldId(`declarations.${key}`);
        const error = draft.declarations?.[key] ? undefined : missing[`declarations.${key}`];
        return (
          <div key={key} className="field">
            <label className="checkbox-row" htmlFor={id}>
              <input
                id={id}
                type="checkbox"
                checked={draft.declarations?.[key] === true}
                disabled={!canEdit('declarations')}
                aria-describedby={error ? `${id}-error` : undefined}
                onChange={(event) => edit({ declarations: { ...draft.declarations, [key]: event.target.checked } })}
              />
              {intl.formatMessage({ id: `applicant.declarations.${key}` })}
            </label>
            {error && (
              <p className="gov-form-message" data-color="error" id={`${id}-error`}>
                {error}
              </p>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
