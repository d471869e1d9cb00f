/**
 * The applicant's organisations: create one (IČO and bank account checked as they are typed, the API checks
 * again), its verification state when the API reports it, and its members (add a member by e-mail).
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link, useNavigate, useParams, useSearch } from '@tanstack/react-router';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call } from '../../api/client';
import { RequireRole } from '../../app/require-role';
import { QueryState } from '../../components/query-state';
import { ErrorSummary, TextField, fieldId, useFormErrors } from '../../forms/errors';
import { useLanguage } from '../../i18n';
import { isValidBankAccount, isValidIco } from '../../features/applicant/identifiers';
import type { MemberView, OrganisationView } from '../../features/applicant/types';
import type { Page } from '../public/types';
import '../../features/applicant/applicant.css';

export function OrganisationsPage() {
  return (
    <RequireRole roles={['applicant']}>
      <Organisations />
    </RequireRole>
  );
}

export function OrganisationPage() {
  return (
    <RequireRole roles={['applicant']}>
      <OrganisationDetail />
    </RequireRole>
  );
}

function Organisations() {
  const organisations = useQuery({ queryKey: ['organisations'], queryFn: () => call<Page<OrganisationView>>(api.GET('/api/v1/organisations')) });
  return (
    <>
      <h1>
        <FormattedMessage id="applicant.organisations.title" />
      </h1>
      <QueryState query={organisations}>
        {(organisations.data?.items.length ?? 0) > 0 && (
          <ul>
            {organisations.data!.items.map((o) => (
              <li key={o.id}>
                <Link to="/organizace/$organisationId" params={{ organisationId: o.id }}>
                  {o.name}
                </Link>{' '}
                ({o.ico}) <VerificationTag organisation={o} />
              </li>
            ))}
          </ul>
        )}
      </QueryState>
      <CreateOrganisation />
    </>
  );
}

/** Whether staff verified who may act for the organisation (until then its applications cannot be submitted). */
export function VerificationTag({ organisation }: { organisation: OrganisationView }) {
  const { locale } = useLanguage();
  const status = organisation.verification?.status;
  if (!status) return null;
  const name = organisation.verification?.statusName?.[locale];
  const tone = status === 'verified' ? 'status-tag--done' : status === 'rejected' ? 'status-tag--error' : 'status-tag--todo';
  return (
    <strong className={`status-tag ${tone}`}>
      {name ?? <FormattedMessage id={`applicant.organisations.verification.${status === 'verified' || status === 'rejected' ? status : 'unverified'}`} />}
    </strong>
  );
}

const FIELDS = ['type', 'legalForm', 'name', 'ico', 'seatStreet', 'seatCity', 'seatPostalCode', 'bankAccount', 'dataBoxId'] as const;
type Field = (typeof FIELDS)[number];

function CreateOrganisation() {
  const intl = useIntl();
  const navigate = useNavigate();
  const search = useSearch({ strict: false }) as { vyzva?: string };
  const queryClient = useQueryClient();
  const errors = useFormErrors('org');
  const [values, setValues] = useState<Record<Field, string>>({
    type: 'ngo',
    legalForm: 'spolek',
    name: '',
    ico: '',
    seatStreet: '',
    seatCity: 'Praha',
    seatPostalCode: '',
    bankAccount: '',
    dataBoxId: '',
  });
  const set = (field: Field) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const labels = Object.fromEntries(FIELDS.map((field) => [field, intl.formatMessage({ id: `applicant.organisations.${field}` })])) as Record<Field, string>;
  const icoLive = values.ico.replace(/\s/g, '').length >= 8 && !isValidIco(values.ico) ? intl.formatMessage({ id: 'applicant.organisations.icoInvalid' }) : undefined;
  const bankLive =
    values.bankAccount.includes('/') && values.bankAccount.replace(/\s/g, '').length >= 7 && !isValidBankAccount(values.bankAccount)
      ? intl.formatMessage({ id: 'applicant.organisations.bankInvalid' })
      : undefined;
  const create = useMutation({
    mutationFn: () =>
      call<OrganisationView>(
        api.POST('/api/v1/organisations', {
          body: {
            type: values.type as 'ngo',
            legalForm: values.type === 'ngo' ? (values.legalForm as 'spolek') : undefined,
            name: values.name,
            ico: values.ico.replace(/\s/g, ''),
            seatStreet: values.seatStreet,
            seatCity: values.seatCity,
            seatPostalCode: values.seatPostalCode,
            bankAccount: values.bankAccount || undefined,
            dataBoxId: values.dataBoxId || undefined,
          },
        }),
      ),
    onSuccess: async (created) => {
      await queryClient.invalidateQueries({ queryKey: ['organisations'] });
      if (search.vyzva) await navigate({ to: '/zadosti', search: { vyzva: search.vyzva } as never });
      else await navigate({ to: '/organizace/$organisationId', params: { organisationId: created.id } });
    },
    onError: (error) => errors.fromError(error, FIELDS),
  });

  const submit = () => {
    const missing: Record<string, string> = {};
    for (const field of ['name', 'ico', 'seatStreet', 'seatCity', 'seatPostalCode'] as const) {
      if (!values[field].trim()) missing[field] = intl.formatMessage({ id: 'applicant.required' }, { field: labels[field] });
    }
    if (!missing.ico && !isValidIco(values.ico)) missing.ico = intl.formatMessage({ id: 'applicant.organisations.icoInvalid' });
    if (values.bankAccount && !isValidBankAccount(values.bankAccount)) missing.bankAccount = intl.formatMessage({ id: 'applicant.organisations.bankInvalid' });
    if (Object.keys(missing).length > 0) return errors.setFieldErrors(missing);
    create.mutate();
  };

  const fieldError = (field: Field) => errors.errors.fields[field];
  return (
    <section aria-labelledby="create-org-title">
      <h2 id="create-org-title">
        <FormattedMessage id="applicant.organisations.create" />
      </h2>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <ErrorSummary form="org" errors={errors.errors} version={errors.version} labels={labels} />
        <div className="gov-form-control field">
          <label className="gov-form-label" htmlFor={fieldId('org', 'type')}>
            <span className="gov-form-label__label">{labels.type}</span>
          </label>
          <div className="gov-form-select" data-size="m">
            <select id={fieldId('org', 'type')} value={values.type} onChange={(event) => set('type')(event.target.value)}>
              {['ngo', 'city_district', 'other'].map((type) => (
                <option key={type} value={type}>
                  {intl.formatMessage({ id: `applicant.organisations.type.${type}` })}
                </option>
              ))}
            </select>
          </div>
        </div>
        {values.type === 'ngo' && (
          <div className="gov-form-control field">
            <label className="gov-form-label" htmlFor={fieldId('org', 'legalForm')}>
              <span className="gov-form-label__label">{labels.legalForm}</span>
            </label>
            <div className="gov-form-select" data-size="m">
              <select id={fieldId('org', 'legalForm')} value={values.legalForm} onChange={(event) => set('legalForm')(event.target.value)}>
                {['spolek', 'ops', 'ustav', 'nadace', 'nadacni_fond', 'church'].map((form) => (
                  <option key={form} value={form}>
                    {intl.formatMessage({ id: `applicant.organisations.legalForm.${form}` })}
                  </option>
                ))}
              </select>
            </div>
          </div>
        )}
        <TextField form="org" name="name" label={labels.name} value={values.name} onChange={set('name')} error={fieldError('name')} autoComplete="organization" />
        <TextField
          form="org"
          name="ico"
          label={labels.ico}
          value={values.ico}
          onChange={set('ico')}
          error={fieldError('ico') ?? icoLive}
          hint={<FormattedMessage id="applicant.organisations.icoHint" />}
          inputMode="numeric"
          maxLength={10}
        />
        <TextField
          form="org"
          name="seatStreet"
          label={labels.seatStreet}
          value={values.seatStreet}
          onChange={set('seatStreet')}
          error={fieldError('seatStreet')}
          autoComplete="street-address"
        />
        <TextField
          form="org"
          name="seatCity"
          label={labels.seatCity}
          value={values.seatCity}
          onChange={set('seatCity')}
          error={fieldError('seatCity')}
          autoComplete="address-level2"
        />
        <TextField
          form="org"
          name="seatPostalCode"
          label={labels.seatPostalCode}
          value={values.seatPostalCode}
          onChange={set('seatPostalCode')}
          error={fieldError('seatPostalCode')}
          autoComplete="postal-code"
          inputMode="numeric"
        />
        <TextField
          form="org"
          name="bankAccount"
          label={labels.bankAccount}
          value={values.bankAccount}
          onChange={set('bankAccount')}
          error={fieldError('bankAccount') ?? bankLive}
          hint={<FormattedMessage id="applicant.organisations.bankHint" />}
        />
        <TextField form="org" name="dataBoxId" label={labels.dataBoxId} value={values.dataBoxId} onChange={set('dataBoxId')} error={fieldError('dataBoxId')} />
        <button type="submit" className="gov-button" data-type="solid" data-color="primary" data-size="m" disabled={create.isPending}>
          <FormattedMessage id="applicant.organisations.createSubmit" />
        </button>
      </form>
    </section>
  );
}

function OrganisationDetail() {
  const { organisationId } = useParams({ strict: false }) as { organisationId: string };
  const intl = useIntl();
  const queryClient = useQueryClient();
  const organisation = useQuery({
    queryKey: ['organisation', organisationId],
    queryFn: () => call<OrganisationView>(api.GET('/api/v1/organisations/{id}', { params: { path: { id: organisationId } } })),
  });
  const members = useQuery({
    queryKey: ['organisation-members', organisationId],
    queryFn: () => call<MemberView[]>(api.GET('/api/v1/organisations/{id}/members', { params: { path: { id: organisationId } } })),
  });
  const errors = useFormErrors('member');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<'owner' | 'member'>('member');
  const add = useMutation({
    mutationFn: () => call(api.POST('/api/v1/organisations/{id}/members', { params: { path: { id: organisationId } }, body: { email, role } })),
    onSuccess: async () => {
      setEmail('');
      errors.clear();
      await queryClient.invalidateQueries({ queryKey: ['organisation-members', organisationId] });
    },
    onError: (error) => errors.fromError(error, ['email', 'role']),
  });
  const o = organisation.data;
  const memberList = Array.isArray(members.data) ? members.data : ((members.data as unknown as Page<MemberView> | undefined)?.items ?? []);
  return (
    <QueryState query={organisation}>
      {o && (
        <>
          <h1>{o.name}</h1>
          <dl className="facts">
            <dt>
              <FormattedMessage id="applicant.organisations.ico" />
            </dt>
            <dd>{o.ico}</dd>
            <dt>
              <FormattedMessage id="applicant.organisations.seat" />
            </dt>
            <dd>
              {o.seat.street}, {o.seat.postalCode} {o.seat.city}
            </dd>
            <dt>
              <FormattedMessage id="applicant.organisations.bankAccount" />
            </dt>
            <dd>{o.bankAccount ?? '—'}</dd>
            <dt>
              <FormattedMessage id="applicant.organisations.verificationLabel" />
            </dt>
            <dd>
              <VerificationTag organisation={o} />
              {!o.verification && '—'}
            </dd>
          </dl>
          <h2>
            <FormattedMessage id="applicant.organisations.members" />
          </h2>
          <QueryState query={members}>
            <ul>
              {memberList.map((m) => (
                <li key={m.userId}>
                  {m.displayName} ({m.email}) – <FormattedMessage id={`applicant.organisations.role.${m.role}`} />
                </li>
              ))}
            </ul>
          </QueryState>
          <h3>
            <FormattedMessage id="applicant.organisations.addMember" />
          </h3>
          <form
            noValidate
            onSubmit={(event) => {
              event.preventDefault();
              if (!email.trim()) return errors.setFieldErrors({ email: intl.formatMessage({ id: 'applicant.required' }, { field: 'E-mail' }) });
              add.mutate();
            }}
          >
            <ErrorSummary form="member" errors={errors.errors} version={errors.version} labels={{ email: 'E-mail' }} />
            <TextField form="member" name="email" type="email" label="E-mail" value={email} onChange={setEmail} error={errors.errors.fields.email} autoComplete="off" />
            <div className="gov-form-control field">
              <label className="gov-form-label" htmlFor={fieldId('member', 'role')}>
                <span className="gov-form-label__label">
                  <FormattedMessage id="applicant.organisations.roleLabel" />
                </span>
              </label>
              <div className="gov-form-select" data-size="m">
                <select id={fieldId('member', 'role')} value={role} onChange={(event) => setRole(event.target.value as 'owner' | 'member')}>
                  <option value="member">{intl.formatMessage({ id: 'applicant.organisations.role.member' })}</option>
                  <option value="owner">{intl.formatMessage({ id: 'applicant.organisations.role.owner' })}</option>
                </select>
              </div>
            </div>
            <button type="submit" className="gov-button" data-type="solid" data-color="primary" data-size="m" disabled={add.isPending}>
              <FormattedMessage id="applicant.organisations.addMemberSubmit" />
            </button>
          </form>
          <p>
            <Link to="/zadosti">
              <FormattedMessage id="applicant.dashboard.title" />
            </Link>
          </p>
        </>
      )}
    </QueryState>
  );
}
