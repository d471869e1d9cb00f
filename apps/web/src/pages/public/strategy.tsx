import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { FormattedMessage, useIntl } from 'react-intl';
import { api, call } from '../../api/client';
import { QueryState } from '../../components/query-state';
import { useFormat } from '../../lib/use-format';
import type { Page, StrategyNodeView, StrategyTreeNode, StrategyVersionView } from './types';
import { useActivityFunding } from './funding';

/**
 * The strategy browser: the Koncepce and the action plans as a tree, a diacritics-insensitive search (the
 * API's, so "vzdelavani" finds "vzdělávání"), and for each funded activity the money it has received.
 */
export function StrategyPage() {
  const intl = useIntl();
  const versions = useQuery({ queryKey: ['strategy-versions'], queryFn: () => call<StrategyVersionView[]>(api.GET('/api/v1/strategy/versions')) });
  const [chosen, setChosen] = useState<string | null>(null);
  const versionId = chosen ?? versions.data?.find((v) => v.kind === 'action-plan')?.id ?? versions.data?.[0]?.id ?? null;
  return (
    <>
      <h1>
        <FormattedMessage id="public.strategy.title" />
      </h1>
      <p className="lead">
        <FormattedMessage id="public.strategy.lead" />
      </p>
      <QueryState query={versions}>
        <div className="field">
          <label className="gov-form-label" htmlFor="strategy-version">
            <FormattedMessage id="public.strategy.version" />
          </label>
          <div className="gov-form-select" data-size="m">
            <select id="strategy-version" value={versionId ?? ''} onChange={(event) => setChosen(event.target.value)}>
              {versions.data?.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.title}
                </option>
              ))}
            </select>
          </div>
        </div>
        {versionId && (
          <>
            <Search versionId={versionId} />
            <h2>
              <FormattedMessage id="public.strategy.tree" />
            </h2>
            <Tree versionId={versionId} label={intl.formatMessage({ id: 'public.strategy.tree' })} />
          </>
        )}
      </QueryState>
    </>
  );
}

function Search({ versionId }: { versionId: string }) {
  const intl = useIntl();
  const [text, setText] = useState('');
  const [q, setQ] = useState('');
  const results = useQuery({
    queryKey: ['strategy-search', versionId, q],
    enabled: q.length > 0,
    queryFn: () => call<Page<StrategyNodeView>>(api.GET('/api/v1/strategy/search', { params: { query: { q, versionId } as never } })),
  });
  return (
    <section aria-labelledby="strategy-search-title">
      <h2 id="strategy-search-title">
        <FormattedMessage id="public.strategy.search" />
      </h2>
      <form
        role="search"
        aria-label={intl.formatMessage({ id: 'public.strategy.search' })}
        onSubmit={(event) => {
          event.preventDefault();
          setQ(text.trim());
        }}
      >
        <div className="field">
          <label className="gov-form-label" htmlFor="strategy-q">
            <FormattedMessage id="public.strategy.searchLabel" />
          </label>
          <p className="field__hint" id="strategy-q-hint">
            <FormattedMessage id="public.strategy.searchHint" />
          </p>
          <div className="gov-form-input" data-size="m">
            <div className="element">
              <input id="strategy-q" type="search" value={text} aria-describedby="strategy-q-hint" onChange={(event) => setText(event.target.value)} />
            </div>
          </div>
        </div>
        <button type="submit" className="gov-button" data-type="solid" data-color="primary" data-size="m">
          <FormattedMessage id="public.strategy.searchButton" />
        </button>
      </form>
      {q && (
        <div aria-live="polite">
          <QueryState query={results}>
            <h3>
              <FormattedMessage id="public.strategy.results" values={{ count: results.data?.total ?? 0, q }} />
            </h3>
            <ul>
              {results.data?.items.map((node) => (
                <li key={node.id}>
                  <strong>{node.code}</strong> {node.name}
                  {node.fundedByGrantProgramme && (
                    <>
                      {' '}
                      <span className="gov-tag" data-size="xs" data-type="subtle">
                        <FormattedMessage id="public.strategy.funded" />
                      </span>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </QueryState>
        </div>
      )}
    </section>
  );
}

function Tree({ versionId, label }: { versionId: string; label: string }) {
  const tree = useQuery({
    queryKey: ['strategy-tree', versionId],
    queryFn: () => call<{ roots: StrategyTreeNode[] }>(api.GET('/api/v1/strategy/versions/{id}/tree', { params: { path: { id: versionId } } })),
  });
  const funding = useActivityFunding(versionId);
  return (
    <QueryState query={tree}>
      <ul className="tree" aria-label={label}>
        {tree.data?.roots.map((node) => (
          <TreeNode key={node.id} node={node} funding={funding} />
        ))}
      </ul>
    </QueryState>
  );
}

function TreeNode({ node, funding }: { node: StrategyTreeNode; funding: Map<string, { approved: string; paid: string }> }) {
  const f = useFormat();
  const money = funding.get(node.id);
  const text = (
    <>
      <strong>{node.code}</strong> {node.name}
      {node.fundedByGrantProgramme && (
        <span className="meta">
          {' · '}
          {money ? (
            <FormattedMessage id="public.strategy.received" values={{ approved: f.money(money.approved), paid: f.money(money.paid) }} />
          ) : (
            <FormattedMessage id="public.strategy.funded" />
          )}
        </span>
      )}
    </>
  );
  if (node.children.length === 0) return <li>{text}</li>;
  return (
    <li>
      <details open={node.level === 'priority'}>
        <summary>{text}</summary>
        <ul>
          {node.children.map((child) => (
            <TreeNode key={child.id} node={child} funding={funding} />
          ))}
        </ul>
      </details>
    </li>
  );
}
