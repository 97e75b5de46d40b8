// One supporting sentence with its article; clicking opens the article with the sentence highlighted.
import type { EvidenceItem } from '../../api/types.ts';
import { showDate, useI18n } from '../../i18n/index.ts';
import { uniqueEvidence } from './relationships.ts';

export interface OpenEvidence {
  articleId: string;
  sentence: string | null;
}

export function EvidenceList({ items, onOpen }: { items: readonly EvidenceItem[]; onOpen: (e: OpenEvidence) => void }) {
  const { t } = useI18n();
  if (items.length === 0) return <p className="muted small">{t('evidence.none')}</p>;
  return (
    <ul className="evidence-list">
      {uniqueEvidence(items).map((item, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: one article can give several sentences; the list is fixed per edge
        <li key={`${item.articleId}-${i}`}>
          <button
            type="button"
            className="evidence"
            data-testid="evidence"
            title={t('evidence.openTitle')}
            onClick={() => onOpen({ articleId: item.articleId, sentence: item.sentence })}
          >
            <span className="evidence-sentence">“{item.sentence}”</span>
            <span className="evidence-source">
              {item.articleTitle}
              {item.publishedAt ? ` · ${showDate(item.publishedAt)}` : ''}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
