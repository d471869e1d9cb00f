/**
 * The call's list blocks, shared by the editor (a draft, autosaved) and the amendment form (a published call):
 * budget areas with allocations, cost categories, criteria with weights and minimums, annex types with limits,
 * eligible action-plan activities, and the applicant types. `name` is the API field the block edits, prefixed
 * as the form's errors name it (`budgetAreas` in the editor, `changes.budgetAreas` in an amendment).
 */
import { FormattedMessage, useIntl } from 'react-intl';
import { fieldId } from '../../forms/errors';
import { useActionPlanActivities } from './api';
import { ActivityPicker } from './activity-picker';
import type { AnnexRow, AreaRow, CategoryRow, CriterionRow } from './call-form';
import { RowsEditor } from './rows-editor';
import { ANNEX_FORMATS, APPLICANT_TYPES } from './types';

interface BlockProps<T> {
  form: string;
  name: string;
  rows: T[];
  onChange(rows: T[]): void;
  error?: string;
}

export function BudgetAreasBlock(props: BlockProps<AreaRow>) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  return (
    <RowsEditor<AreaRow>
      {...props}
      caption={t('staff.area.caption')}
      columns={[
        { key: 'code', label: t('staff.area.code'), width: '6rem' },
        { key: 'name', label: t('staff.area.name') },
        { key: 'allocation', label: t('staff.area.allocation'), kind: 'number' },
        { key: 'description', label: t('staff.area.description'), kind: 'textarea' },
      ]}
      empty={{ code: '', name: '', description: '', allocation: '' }}
    />
  );
}

export function CostCategoriesBlock(props: BlockProps<CategoryRow>) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  return (
    <RowsEditor<CategoryRow>
      {...props}
      caption={t('staff.category.caption')}
      columns={[
        { key: 'code', label: t('staff.category.code'), width: '8rem' },
        { key: 'name', label: t('staff.category.name') },
      ]}
      empty={{ code: '', name: '' }}
    />
  );
}

export function CriteriaBlock(props: BlockProps<CriterionRow>) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  return (
    <RowsEditor<CriterionRow>
      {...props}
      caption={t('staff.call.criteria')}
      columns={[
        { key: 'code', label: t('staff.criterion.code'), width: '5rem' },
        { key: 'name', label: t('staff.criterion.name') },
        { key: 'maxScore', label: t('staff.criterion.maxScore'), kind: 'number', width: '6rem' },
        { key: 'weight', label: t('staff.criterion.weight'), kind: 'number', width: '6rem' },
        { key: 'minScore', label: t('staff.criterion.minScore'), kind: 'number', width: '6rem' },
        { key: 'description', label: t('staff.criterion.description'), kind: 'textarea' },
      ]}
      empty={{ code: '', name: '', description: '', maxScore: '10', weight: '1', minScore: '' }}
    />
  );
}

export function AnnexTypesBlock(props: BlockProps<AnnexRow>) {
  const intl = useIntl();
  const t = (id: string) => intl.formatMessage({ id });
  return (
    <RowsEditor<AnnexRow>
      {...props}
      caption={t('staff.annex.caption')}
      columns={[
        { key: 'code', label: t('staff.annex.code'), width: '7rem' },
        { key: 'name', label: t('staff.annex.name') },
        { key: 'required', label: t('staff.annex.required'), kind: 'checkbox' },
        { key: 'allowedFormats', label: t('staff.annex.formats'), kind: 'formats', options: ANNEX_FORMATS },
        { key: 'maxSizeMb', label: t('staff.annex.maxSize'), kind: 'number', width: '5rem' },
      ]}
      empty={{ code: '', name: '', description: '', required: true, allowedFormats: ['pdf'], maxSizeMb: '10' }}
    />
  );
}

/** The eligible activities, picked from the newest action plan's tree. */
export function ActivitiesBlock({ form, name, selected, onChange, error }: { form: string; name: string; selected: string[]; onChange(ids: string[]): void; error?: string }) {
  const activities = useActionPlanActivities();
  return activities.data ? (
    <ActivityPicker form={form} name={name} activities={activities.data} selected={selected} onChange={onChange} error={error} />
  ) : (
    <p role="status">
      <FormattedMessage id="common.loading" />
    </p>
  );
}

/** Who may apply: one checkbox per applicant type. */
export function ApplicantTypesBlock({
  form,
  name,
  legend,
  selected,
  onChange,
  error,
  describedBy,
}: {
  form: string;
  name: string;
  legend: string;
  selected: string[];
  onChange(types: string[]): void;
  error?: string;
  describedBy?: string;
}) {
  const intl = useIntl();
  return (
    <fieldset id={fieldId(form, name)} tabIndex={-1} aria-describedby={describedBy}>
      <legend>{legend}</legend>
      {error && (
        <p className="gov-form-message" data-color="error">
          {error}
        </p>
      )}
      {APPLICANT_TYPES.map((type) => (
        <label key={type} style={{ display: 'block' }}>
          <input type="checkbox" checked={selected.includes(type)} onChange={(e) => onChange(e.target.checked ? [...selected, type] : selected.filter((x) => x !== type))} />{' '}
          {intl.formatMessage({ id: `staff.applicantType.${type}` })}
        </label>
      ))}
    </fieldset>
  );
}
