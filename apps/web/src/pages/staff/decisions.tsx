/**
 * /sprava/vyzvy/<id>/rozhodnuti: the call's decisions. The allocation left per budget area; the award proposal per
 * approving body (Council / Assembly) with the rule that put each application there; every decision recorded
 * (in force or superseded) with its agreement's paid money and its letter: preview and the record of its sending.
 * Staff assemble a resolution or change a decision from here; auditors read the same page without the actions.
 */
import { Link, useParams, useSearch } from '@tanstack/react-router';
import { useEffect, useRef, useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { downloadFile } from '../../api/client';
import { NetworkError, ProblemError } from '../../api/errors';
import { useSession } from '../../api/session';
import { RequireRole } from '../../app/require-role';
import { QueryState } from '../../components/query-state';
import { useLanguage } from '../../i18n';
import { useFormat } from '../../lib/use-format';
import { useStaffCall } from '../../features/staff/api';
import { useDecisions, useFunding, useProposal } from '../../features/decisions/api';
import type { Body, Decision, Funding, Proposal, ProposalLine } from '../../features/decisions/api';
import '../../features/applicant/applicant.css';
import '../../features/staff/staff.css';
import '../../features/decisions/decisions.css';

export function DecisionsPage() {
  return (
    <RequireRole roles={['staff', 'admin', 'auditor']}>
      <Decisions />
    </RequireRole>
  );
}

const BODIES: Body[] = ['council', 'assembly'];

function Decisions() {
  const { callId } = useParams({ strict: false }) as { callId: string };
  const search = useSearch({ strict: false }) as { zaznamenano?: string; soubor?: string };
  const { user } = useSession();
  const canManage = !!user && (user.roles.includes('staff') || user.roles.includes('admin'));
  const intl = useIntl();
  const call = useStaffCall(callId);
  const proposal = useProposal(callId);
  const funding = useFunding(callId);
  const [waiting, setWaiting] = useState(false);
  // Letters go out from the worker shortly after a resolution: the list refreshes until every letter is sent.
  const decisions = useDecisions(callId, waiting ? 3000 : false);
  // Announced once, when the last letter of those this page waited for has gone (not on every visit).
  const [allSent, setAllSent] = useState(false);
  const wasWaiting = useRef(false);
  useEffect(() => {
    const pending = (decisions.data ?? []).some((d) => d.letter.status === 'queued' || d.letter.status === 'sending');
    if (wasWaiting.current && !pending) setAllSent(true);
    wasWaiting.current = pending;
    setWaiting(pending);
  }, [decisions.data]);
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);

  return (
    <>
      <p>
        <Link to="/sprava/vyzvy/$callId" params={{ callId }}>
          <FormattedMessage id="decisions.back" />
        </Link>
      </p>
      <h1 ref={heading} tabIndex={-1}>
        <FormattedMessage id="decisions.title" values={{ code: call.data?.code ?? '' }} />
      </h1>
      {search.zaznamenano && (
        <div className="notice notice--success" role="status">
          <FormattedMessage id="decisions.recorded" values={{ number: search.zaznamenano }} />
          {search.soubor && (
            <>
              {' '}
              <FormattedMessage id="decisions.recordedFileFailed" values={{ reason: search.soubor }} />
            </>
          )}
        </div>
      )}
      <QueryState query={funding}>{funding.data && <FundingTable funding={funding.data} />}</QueryState>
      <QueryState query={proposal}>
        {proposal.data && (
          <>
            {!proposal.data.commissionSessionClosed && (
              <div className="notice">
                <FormattedMessage id="decisions.noSession" />
              </div>
            )}
            {BODIES.map((body) => (
              <ProposalSection key={body} callId={callId} body={body} proposal={proposal.data} canManage={canManage} />
            ))}
          </>
        )}
      </QueryState>
      <section aria-labelledby="decisions-list-title">
        <h2 id="decisions-list-title">
          <FormattedMessage id="decisions.list.title" />
        </h2>
        <QueryState query={decisions}>
          {decisions.data &&
            (decisions.data.length === 0 ? (
              <p>
                <FormattedMessage id="decisions.list.empty" />
              </p>
            ) : (
              <DecisionsTable callId={callId} decisions={decisions.data} canManage={canManage} />
            ))}
        </QueryState>
        <p className="visually-hidden" aria-live="polite">
          {allSent && !waiting ? intl.formatMessage({ id: 'decisions.letters.allSent' }) : ''}
        </p>
      </section>
    </>
  );
}

function FundingTable({ funding }: { funding: Funding }) {
  const f = useFormat();
  const intl = useIntl();
  const caption = intl.formatMessage({ id: 'decisions.funding.title' });
  return (
    <section aria-labelledby="funding-title">
      <h2 id="funding-title">{caption}</h2>
      <div className="table-wrap" role="region" aria-label={intl.formatMessage({ id: 'decisions.tableOf' }, { title: caption })} tabIndex={0}>
        <table className="data">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="decisions.funding.area" />
              </th>
              <th scope="col" className="num">
                <FormattedMessage id="decisions.funding.allocation" />
              </th>
              <th scope="col" className="num">
                <FormattedMessage id="decisions.funding.approved" />
              </th>
              <th scope="col" className="num">
                <FormattedMessage id="decisions.funding.remaining" />
              </th>
            </tr>
          </thead>
          <tbody>
            {funding.areas.map((area) => (
              <tr key={area.budgetAreaId}>
                <th scope="row">
                  {area.code} {area.name}
                </th>
                <td className="num">{f.money(area.allocation)}</td>
                <td className="num">{f.money(area.approved)}</td>
                <td className="num">{f.money(area.remaining)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">
                <FormattedMessage id="decisions.funding.total" />
              </th>
              <td className="num">{f.money(funding.call.allocation)}</td>
              <td className="num">{f.money(funding.call.approved)}</td>
              <td className="num">{f.money(funding.call.remaining)}</td>
            </tr>
          </tbody>
        </table>
      </div>
    </section>
  );
}

function ProposalSection({ callId, body, proposal, canManage }: { callId: string; body: Body; proposal: Proposal; canManage: boolean }) {
  const intl = useIntl();
  const f = useFormat();
  const { locale } = useLanguage();
  const lines: readonly ProposalLine[] = proposal[body];
  const pending = lines.filter((l) => !l.currentDecision).length;
  const title = intl.formatMessage({ id: `decisions.body.${body}` });
  return (
    <section aria-labelledby={`proposal-${body}`}>
      <h2 id={`proposal-${body}`}>
        <FormattedMessage id="decisions.proposal.title" values={{ body: title }} />
      </h2>
      {lines.length === 0 ? (
        <p>
          <FormattedMessage id="decisions.proposal.empty" />
        </p>
      ) : (
        <>
          {canManage && pending > 0 && (
            <p>
              <Link
                className="gov-button"
                data-type="solid"
                data-color="primary"
                data-size="m"
                to="/sprava/vyzvy/$callId/rozhodnuti/usneseni"
                params={{ callId }}
                search={{ organ: body } as never}
              >
                <FormattedMessage id={`decisions.proposal.assemble.${body}`} values={{ count: pending }} />
              </Link>
            </p>
          )}
          <div
            className="table-wrap"
            role="region"
            aria-label={intl.formatMessage({ id: 'decisions.tableOf' }, { title: intl.formatMessage({ id: 'decisions.proposal.title' }, { body: title }) })}
            tabIndex={0}
          >
            <table className="data">
              <caption className="visually-hidden">
                <FormattedMessage id="decisions.proposal.title" values={{ body: title }} />
              </caption>
              <thead>
                <tr>
                  <th scope="col">
                    <FormattedMessage id="decisions.col.application" />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="decisions.col.area" />
                  </th>
                  <th scope="col" className="num">
                    <FormattedMessage id="decisions.col.requested" />
                  </th>
                  <th scope="col" className="num">
                    <FormattedMessage id="decisions.col.proposed" />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="decisions.col.rule" />
                  </th>
                  <th scope="col">
                    <FormattedMessage id="decisions.col.decision" />
                  </th>
                </tr>
              </thead>
              <tbody>
                {lines.map((line) => (
                  <tr key={line.applicationId}>
                    <th scope="row">
                      {line.number}
                      <br />
                      <span className="muted">{line.applicant}</span>
                    </th>
                    <td>{line.budgetAreaCode ?? '—'}</td>
                    <td className="num">{f.money(line.requested)}</td>
                    <td className="num">
                      {line.proposal === 'reject' ? <FormattedMessage id="decisions.proposal.reject" /> : f.money(line.recommended)}
                      <br />
                      <span className="muted">{locale === 'cs' ? line.explanation : line.explanationEn}</span>
                    </td>
                    <td>
                      {line.bodyReason[locale]}
                      <br />
                      <span className="muted">{line.bodyReason.legalBasis}</span>
                    </td>
                    <td>
                      {line.currentDecision ? (
                        <FormattedMessage
                          id={`decisions.current.${line.currentDecision.outcome}`}
                          values={{ amount: f.money(line.currentDecision.amount), resolution: line.currentDecision.resolution }}
                        />
                      ) : (
                        <FormattedMessage id="decisions.current.none" />
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function DecisionsTable({ callId, decisions, canManage }: { callId: string; decisions: readonly Decision[]; canManage: boolean }) {
  const intl = useIntl();
  const f = useFormat();
  const [failure, setFailure] = useState<string | null>(null);
  const caption = intl.formatMessage({ id: 'decisions.list.title' });
  const preview = async (decision: Decision) => {
    setFailure(null);
    try {
      await downloadFile(`/api/v1/decisions/${decision.id}/letter.pdf`, decision.letter.fileName);
    } catch (error) {
      setFailure(error instanceof ProblemError ? error.message : intl.formatMessage({ id: error instanceof NetworkError ? 'common.error.network' : 'common.error.unexpected' }));
    }
  };
  return (
    <>
      {failure && (
        <div className="notice" role="alert">
          {failure}
        </div>
      )}
      <div className="table-wrap" role="region" aria-label={intl.formatMessage({ id: 'decisions.tableOf' }, { title: caption })} tabIndex={0}>
        <table className="data">
          <caption className="visually-hidden">{caption}</caption>
          <thead>
            <tr>
              <th scope="col">
                <FormattedMessage id="decisions.col.application" />
              </th>
              <th scope="col">
                <FormattedMessage id="decisions.col.resolution" />
              </th>
              <th scope="col">
                <FormattedMessage id="decisions.col.outcome" />
              </th>
              <th scope="col">
                <FormattedMessage id="decisions.col.agreement" />
              </th>
              <th scope="col">
                <FormattedMessage id="decisions.col.letter" />
              </th>
              <th scope="col">
                <FormattedMessage id="decisions.col.actions" />
              </th>
            </tr>
          </thead>
          <tbody>
            {decisions.map((d) => (
              <tr key={d.id}>
                <th scope="row">
                  {d.number}
                  <br />
                  <span className="muted">{d.applicant}</span>
                </th>
                <td>
                  {d.resolution}
                  <br />
                  <span className="muted">
                    <FormattedMessage id={`decisions.body.${d.body}`} />, {f.date(d.adoptedOn)}
                  </span>
                </td>
                <td>
                  {d.outcome === 'approved' ? (
                    <FormattedMessage id="decisions.outcome.approved" values={{ amount: f.money(d.amount) }} />
                  ) : (
                    <FormattedMessage id="decisions.outcome.rejected" values={{ reason: d.reason ?? '' }} />
                  )}
                  <br />
                  <span className="status-tag">
                    <FormattedMessage id={d.effective ? 'decisions.effective' : 'decisions.superseded'} />
                  </span>
                  {d.supersedesId && (
                    <>
                      {' '}
                      <span className="muted">
                        <FormattedMessage id="decisions.changes" />
                      </span>
                    </>
                  )}
                </td>
                <td>
                  {d.effective && d.agreement ? (
                    <FormattedMessage
                      id="decisions.agreement"
                      values={{ number: d.agreement.number, amount: f.money(d.agreement.amount), paid: f.money(d.agreement.paid), committed: f.money(d.agreement.committed) }}
                    />
                  ) : (
                    '—'
                  )}
                </td>
                <td>
                  <LetterRecord decision={d} />
                </td>
                <td>
                  <ul className="row-actions">
                    <li>
                      <button
                        type="button"
                        className="gov-button"
                        data-type="outlined"
                        data-color="primary"
                        data-size="s"
                        onClick={() => void preview(d)}
                        aria-label={intl.formatMessage({ id: 'decisions.letter.previewOf' }, { number: d.number, resolution: d.resolution })}
                      >
                        <FormattedMessage id="decisions.letter.preview" />
                      </button>
                    </li>
                    {canManage && d.effective && (
                      <li>
                        <Link
                          to="/sprava/vyzvy/$callId/rozhodnuti/usneseni"
                          params={{ callId }}
                          search={{ organ: d.body, zmena: d.id } as never}
                          aria-label={intl.formatMessage({ id: 'decisions.changeOf' }, { number: d.number })}
                        >
                          <FormattedMessage id="decisions.change" />
                        </Link>
                      </li>
                    )}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function LetterRecord({ decision }: { decision: Decision }) {
  const f = useFormat();
  const { letter } = decision;
  return (
    <>
      <FormattedMessage id={`decisions.letter.kind.${letter.kind}`} />
      <br />
      <strong>
        <FormattedMessage id={`decisions.letter.status.${letter.status}`} values={{ at: letter.sentAt ? f.dateTime(letter.sentAt) : '' }} />
      </strong>
      {letter.deliveries.length > 0 && (
        <ul className="deliveries">
          {letter.deliveries.map((x) => (
            <li key={x.recipient}>
              <FormattedMessage id="decisions.letter.delivery" values={{ recipient: x.recipient, status: x.status, at: x.sentAt ? f.dateTime(x.sentAt) : '—' }} />
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
