import { useQuery } from '@tanstack/react-query';
import { FormattedMessage } from 'react-intl';
import { api, call } from '../../api/client';
import { QueryState } from '../../components/query-state';

interface OpenDataSchema {
  columns: { name: string; description?: string; type?: string }[] | string[];
  amounts: string;
  dates: string;
  recipients: string;
  rowCount: number;
}

/** Open data: the downloads, what each column means, and how many rows there are. */
export function OpenDataPage() {
  const schema = useQuery({ queryKey: ['open-data-schema'], queryFn: () => call<OpenDataSchema>(api.GET('/api/v1/open-data/schema')) });
  return (
    <>
      <h1>
        <FormattedMessage id="public.openData.title" />
      </h1>
      <p className="lead">
        <FormattedMessage id="public.openData.lead" />
      </p>
      <QueryState query={schema}>
        {schema.data && (
          <>
            <p>
              <FormattedMessage id="public.openData.rows" values={{ count: schema.data.rowCount }} />
            </p>
            <h2>
              <FormattedMessage id="public.openData.downloads" />
            </h2>
            <ul>
              <li>
                <a href="/api/v1/open-data/grants.csv" download>
                  <FormattedMessage id="public.openData.csv" />
                </a>
              </li>
              <li>
                <a href="/api/v1/open-data/grants.json">
                  <FormattedMessage id="public.openData.json" />
                </a>
              </li>
              <li>
                <a href="/api/v1/open-data/schema">
                  <FormattedMessage id="public.openData.schemaLink" />
                </a>
              </li>
            </ul>
            <h2>
              <FormattedMessage id="public.openData.schema" />
            </h2>
            <p>
              <FormattedMessage id="public.openData.formats" />
            </p>
            <div className="table-wrap">
              <table className="data">
                <caption className="visually-hidden">
                  <FormattedMessage id="public.openData.schema" />
                </caption>
                <thead>
                  <tr>
                    <th scope="col">
                      <FormattedMessage id="public.openData.column" />
                    </th>
                    <th scope="col">
                      <FormattedMessage id="public.openData.meaning" />
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {schema.data.columns.map((column) => {
                    const name = typeof column === 'string' ? column : column.name;
                    return (
                      <tr key={name}>
                        <th scope="row">
                          <code>{name}</code>
                        </th>
                        <td>
                          <FormattedMessage id={`public.openData.col.${name}`} defaultMessage={typeof column === 'string' ? name : (column.description ?? name)} />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </>
        )}
      </QueryState>
    </>
  );
}
