// The article reader: full text with the evidence sentence highlighted and entity mentions marked by type.
import { useEffect, useMemo, useRef } from 'react';
import * as api from '../../api/explorer.ts';
import type { ArticleView } from '../../api/types.ts';
import { useLatest } from '../../api/useLatest.ts';
import { typeStyle } from '../../graph/types.ts';
import type { MarkEntity } from './marks.ts';
import { findEntityRanges, findSentence, segmentText } from './marks.ts';

export interface ArticleReaderProps {
  articleId: string;
  sentence: string | null;
  onClose: () => void;
  /** A marked entity was clicked: put it on the canvas. */
  onEntity: (entity: MarkEntity) => void;
}

export function ArticleReader({ articleId, sentence, onClose, onEntity }: ArticleReaderProps) {
  const { state, run } = useLatest<ArticleView | null>();
  const sentenceRef = useRef<HTMLSpanElement | null>(null);
  useEffect(() => {
    void run((signal) => api.article(articleId, signal));
  }, [articleId, run]);

  const article = state.data ?? null;
  const prepared = useMemo(() => {
    if (!article) return null;
    const range = findSentence(article.text, sentence);
    const entities = findEntityRanges(article.text, article.entities);
    return { range, segments: segmentText(article.text, range, entities) };
  }, [article, sentence]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: scrolls to the sentence whenever a new article or sentence is shown
  useEffect(() => {
    sentenceRef.current?.scrollIntoView({ block: 'center' });
  }, [prepared]);

  let firstSentenceSegment = true;
  return (
    <div className="reader" data-testid="article-reader">
      <div className="reader-bar">
        <button type="button" onClick={onClose}>
          ← Back to details
        </button>
      </div>
      {state.status === 'loading' && !article && <p className="muted">Loading article…</p>}
      {state.status === 'error' && <p className="error-text">Could not load the article: {state.error}</p>}
      {state.status === 'ok' && !article && (
        <p className="error-text">This article is no longer in the graph (it may have been deleted).</p>
      )}
      {article && prepared && (
        <article>
          <h2 className="reader-title">{article.title}</h2>
          <div className="reader-meta">
            {article.publishedAt && <span>{article.publishedAt.slice(0, 10)}</span>}
            {article.url && (
              <a href={article.url} target="_blank" rel="noreferrer">
                {article.url}
              </a>
            )}
            <span>{article.entities.length} entities marked</span>
          </div>
          {sentence && !prepared.range && (
            <p className="note">The sentence could not be located in the stored text; it is shown here: “{sentence}”</p>
          )}
          <div className="reader-text">
            {prepared.segments.map((seg) => {
              const content = seg.entity ? (
                // biome-ignore lint/a11y/useKeyWithClickEvents: a mouse shortcut; the same entities are listed as buttons in the details panel
                <mark
                  key={`e${seg.start}`}
                  className="entity-mark"
                  data-type={seg.entity.label}
                  style={{
                    borderBottomColor: typeStyle(seg.entity.label).color,
                    background: `${typeStyle(seg.entity.label).color}22`,
                  }}
                  title={`${seg.entity.label}: ${seg.entity.name} — click to add to the canvas`}
                  onClick={() => seg.entity && onEntity(seg.entity)}
                >
                  {seg.text}
                </mark>
              ) : (
                seg.text
              );
              if (!seg.inSentence) return <span key={seg.start}>{content}</span>;
              const isFirst = firstSentenceSegment;
              firstSentenceSegment = false;
              return (
                <span
                  key={seg.start}
                  className="evidence-highlight"
                  data-testid="highlighted-sentence"
                  ref={isFirst ? sentenceRef : undefined}
                >
                  {content}
                </span>
              );
            })}
          </div>
        </article>
      )}
    </div>
  );
}
