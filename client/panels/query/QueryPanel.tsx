// The Query tab: the bundled GraphiQL editor (docs, autocomplete, history) plus "Show on canvas" for its results.
// Loaded lazily: Monaco is large and only needed once the user opens this tab.
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { GraphiQL } from 'graphiql';
import { useMemo, useState } from 'react';
import type { GraphQLResponse } from '../../api/client.ts';
import { collectIds } from '../../api/collectIds.ts';
import { createGraphiQLFetcher } from '../../api/graphiqlFetcher.ts';
import { plural, useI18n } from '../../i18n/index.ts';

/** The example the editor opens with, under a comment in the UI language (query.defaultComment). */
const EXAMPLE_QUERY = `query CompaniesAndPeople {
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
  const { t } = useI18n();
  const [last, setLast] = useState<GraphQLResponse | null>(null);
  // Read once: GraphiQL keeps what the person typed, and a switch must not replace it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: the comment is chosen when the editor opens
  const defaultQuery = useMemo(() => `${t('query.defaultComment')}\n\n${EXAMPLE_QUERY}`, []);
  const fetcher = useMemo(() => createGraphiQLFetcher(setLast), []);
  const ids = useMemo(() => (last?.data ? collectIds(last.data) : []), [last]);
  return (
    <div className="query-panel" data-testid="query-panel">
      <div className="query-bar">
        <span className="muted small">
          {last === null
            ? t('query.hint')
            : ids.length > 0
              ? plural(ids.length, 'query.ids.one', 'query.ids.other')
              : last.errors?.length
                ? t('query.failed')
                : t('query.noIds')}
        </span>
        <button
          type="button"
          className="primary"
          disabled={ids.length === 0}
          onClick={() => onShowIds(ids)}
          data-testid="show-on-canvas"
        >
          {t('query.show')}
        </button>
      </div>
      <div className="graphiql-host">
        <GraphiQL
          fetcher={fetcher}
          defaultQuery={defaultQuery}
          forcedTheme="light"
          defaultEditorToolsVisibility={false}
        />
      </div>
    </div>
  );
}
