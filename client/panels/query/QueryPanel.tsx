// The Query tab: the bundled GraphiQL editor (docs, autocomplete, history) plus "Show on canvas" for its results.
// Loaded lazily: Monaco is large and only needed once the user opens this tab.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { GraphiQL } from 'graphiql';
import { useMemo, useState } from 'react';
import type { GraphQLResponse } from '../../api/client.ts';
import { collectIds } from '../../api/collectIds.ts';
import { createGraphiQLFetcher } from '../../api/graphiqlFetcher.ts';

const DEFAULT_QUERY = `# Run with ▶ or Ctrl-Enter, then "Show on canvas".
# Explorer operations (search, neighborhood, paths,
# timeline, evidence…) and generated types (people,
# companies, governments, organizations, places,
# events, articles) are in the Docs pane on the left.

query CompaniesAndPeople {
  search(query: "Huawei", limit: 10) {
    id
    label
    name
    mentionCount
  }
  companies(limit: 10) {
    id
    name
    aliases
  }
}
`;

export interface QueryPanelProps {
  onShowIds: (ids: string[]) => void;
}

export default function QueryPanel({ onShowIds }: QueryPanelProps) {
  const [last, setLast] = useState<GraphQLResponse | null>(null);
  const fetcher = useMemo(() => createGraphiQLFetcher(setLast), []);
  const ids = useMemo(() => (last?.data ? collectIds(last.data) : []), [last]);
  return (
    <div className="query-panel" data-testid="query-panel">
      <div className="query-bar">
        <span className="muted small">
          {last === null
            ? 'Run a query; any objects with an id in its result can be drawn on the canvas.'
            : ids.length > 0
              ? `Last result carries ${ids.length} id${ids.length === 1 ? '' : 's'}.`
              : last.errors?.length
                ? 'The last query failed; see the result pane.'
                : 'The last result has no ids to draw.'}
        </span>
        <button
          type="button"
          className="primary"
          disabled={ids.length === 0}
          onClick={() => onShowIds(ids)}
          data-testid="show-on-canvas"
        >
          Show on canvas
        </button>
      </div>
      <div className="graphiql-host">
        <GraphiQL
          fetcher={fetcher}
          defaultQuery={DEFAULT_QUERY}
          forcedTheme="light"
          defaultEditorToolsVisibility={false}
        />
      </div>
    </div>
  );
}
