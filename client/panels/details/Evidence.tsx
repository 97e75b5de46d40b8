// One supporting sentence with its article; clicking opens the article with the sentence highlighted.
import type { EvidenceItem } from '../../api/types.ts';
import { uniqueEvidence } from './relationships.ts';

export interface OpenEvidence {
  articleId: string;
  sentence: string | null;
}

export function EvidenceList({ items, onOpen }: { items: readonly EvidenceItem[]; onOpen: (e: OpenEvidence) => void }) {
  if (items.length === 0) return <p className="muted small">No supporting sentence recorded.</p>;
  return (
    <ul className="evidence-list">
      {uniqueEvidence(items).map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: one article can give several sentences; the list is fixed per edge
        <li key={`${item.articleId}-${i}`}>
          <button
            type="button"
            className="evidence"
            data-testid="evidence"
            title="Open the article with this sentence highlighted"
            onClick={() => onOpen({ articleId: item.articleId, sentence: item.sentence })}
          >
            <span className="evidence-sentence">“{item.sentence}”</span>
            <span className="evidence-source">
              {item.articleTitle}
              {item.publishedAt ? ` · ${item.publishedAt.slice(0, 10)}` : ''}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
