// The article reader: full text with the evidence sentence highlighted and entity mentions marked by type.
import { useEffect, useMemo, useRef } from 'react';
import * as api from '../../api/explorer.ts';
import type { ArticleView } from '../../api/types.ts';
import { useLatest } from '../../api/useLatest.ts';
import { typeStyle } from '../../graph/types.ts';
import { showDate, useI18n } from '../../i18n/index.ts';
import { typeName } from '../../i18n/labels.ts';
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
  const { t } = useI18n();
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
          {t('reader.back')}
        </button>
      </div>
      {state.status === 'loading' && !article && <p className="muted">{t('reader.loading')}</p>}
      {state.status === 'error' && <p className="error-text">{t('reader.error', { error: state.error ?? '' })}</p>}
      {state.status === 'ok' && !article && <p className="error-text">{t('reader.gone')}</p>}
      {article && prepared && (
        <article>
          <h2 className="reader-title">{article.title}</h2>
          <div className="reader-meta">
            {article.publishedAt && <span>{showDate(article.publishedAt)}</span>}
            {article.url && (
              <a href={article.url} target="_blank" rel="noreferrer">
                {article.url}
              </a>
            )}
            <span>{t('reader.entitiesMarked', { count: article.entities.length })}</span>
          </div>
          {sentence && !prepared.range && <p className="note">{t('reader.notFound', { sentence })}</p>}
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
                  title={t('reader.markTitle', { type: typeName(seg.entity.label), name: seg.entity.name })}
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
