// Load articles: paste text, drop .txt files or give a URL, see progress per article, then what changed in the graph.
import { useRef, useState } from 'react';
import * as api from '../../api/explorer.ts';
import type { IngestArticleInput, IngestResult } from '../../api/types.ts';
import { DateField } from '../DateField.tsx';
import { FeedsSection } from './FeedsSection.tsx';
import { checkArticleSize, loadErrorMessage, MAX_ARTICLE_BYTES, tooLargeMessage } from './loadErrors.ts';
import { parseArticle } from './parseArticle.ts';
import { UrlLoadForm } from './UrlLoadForm.tsx';

interface QueueItem {
  key: number;
  name: string;
  /** Pasted or dropped text, or the address of a page the server fetches. */
  input: IngestArticleInput | { url: string };
  status: 'waiting' | 'loading' | 'done' | 'error';
  result?: IngestResult;
  error?: string;
}

export interface LoaderPanelProps {
  /** Called once a batch is finished, with the successful results, to show them on the canvas. */
  onLoaded: (results: IngestResult[]) => void;
}

let nextKey = 1;

export function LoaderPanel({ onLoaded }: LoaderPanelProps) {
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [date, setDate] = useState('');
  const [queue, setQueue] = useState<QueueItem[]>([]);
  const [running, setRunning] = useState(false);
  const [dragOver, setDragOver] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  /** Loads the items one after the other; resolves to how many failed. */
  const process = async (items: QueueItem[]): Promise<number> => {
    setQueue(items);
    setRunning(true);
    const results: IngestResult[] = [];
    let failed = 0;
    // One at a time: ingest is write-heavy, and sequential order makes "merged" counts meaningful.
    for (const item of items) {
      setQueue((q) => q.map((x) => (x.key === item.key ? { ...x, status: 'loading' } : x)));
      try {
        const result = 'text' in item.input ? await api.ingestArticle(item.input) : await api.ingestUrl(item.input.url);
        results.push(result);
        setQueue((q) => q.map((x) => (x.key === item.key ? { ...x, status: 'done', result } : x)));
      } catch (error) {
        failed++;
        const message = loadErrorMessage(error);
        setQueue((q) => q.map((x) => (x.key === item.key ? { ...x, status: 'error', error: message } : x)));
      }
    }
    setRunning(false);
    if (results.length > 0) onLoaded(results);
    return failed;
  };

  const submitPasted = () => {
    if (!text.trim()) {
      setFormError('Article text is empty: paste the article body, or drop .txt files below.');
      return;
    }
    const tooLarge = checkArticleSize(text);
    if (tooLarge) {
      setFormError(tooLarge);
      return;
    }
    setFormError(null);
    const parsed = parseArticle(text);
    const input: IngestArticleInput = { text };
    if (title.trim()) input.title = title.trim();
    if (url.trim()) input.url = url.trim();
    if (date.trim()) input.publishedAt = date.trim();
    void process([
      { key: nextKey++, name: title.trim() || parsed.title || 'Pasted article', input, status: 'waiting' },
    ]).then((failed) => {
      // A failed load keeps the text, so it can be fixed and sent again.
      if (failed > 0) return;
      setText('');
      setTitle('');
      setUrl('');
      setDate('');
    });
  };

  const addFiles = async (files: FileList | File[]) => {
    const list = [...files];
    const notText = list.filter((f) => !/\.(txt|text|md)$/i.test(f.name) && f.type !== 'text/plain');
    const tooLarge = list.filter((f) => !notText.includes(f) && f.size > MAX_ARTICLE_BYTES);
    const bad = [...notText, ...tooLarge];
    const problems = [
      notText.length > 0
        ? `Only plain-text article files can be loaded; skipped ${notText.map((f) => f.name).join(', ')}.`
        : '',
      ...tooLarge.map((f) => tooLargeMessage(f.name, f.size)),
    ].filter(Boolean);
    setFormError(problems.length > 0 ? problems.join(' ') : null);
    const items: QueueItem[] = [];
    for (const file of list.filter((f) => !bad.includes(f))) {
      const content = await file.text();
      const parsed = parseArticle(content);
      // The raw file goes to the server unchanged: it reads the header lines itself, exactly as the CLI does.
      items.push({ key: nextKey++, name: parsed.title || file.name, input: { text: content }, status: 'waiting' });
    }
    if (items.length > 0) void process(items);
  };

  const done = queue.filter((q) => q.status === 'done' || q.status === 'error').length;
  const results = queue.filter((q) => q.result).map((q) => q.result as IngestResult);
  const sum = (f: (r: IngestResult) => number) => results.reduce((s, r) => s + f(r), 0);

  return (
    <div className="loader" data-testid="loader">
      <h2 className="panel-title">Load articles</h2>
      <p className="muted small">
        Give an article's web address, paste an article (optional header lines <code>URL:</code>, <code>Dato:</code>,
        then a blank line, the title and the body), or drop .txt files. Loading the same article twice changes nothing.
      </p>
      <UrlLoadForm
        running={running}
        onLoad={(pageUrl) =>
          process([{ key: nextKey++, name: pageUrl, input: { url: pageUrl }, status: 'waiting' }]).then((n) => n === 0)
        }
      />
      <label className="field">
        <span>Title (optional — else the first line)</span>
        <input value={title} onChange={(e) => setTitle(e.target.value)} data-testid="loader-title" />
      </label>
      <div className="field-row">
        <label className="field">
          <span>URL (optional)</span>
          <input value={url} onChange={(e) => setUrl(e.target.value)} type="url" data-testid="loader-url" />
        </label>
        <label className="field" htmlFor="loader-date">
          <span>Date (optional)</span>
          <DateField id="loader-date" value={date || null} onChange={(d) => setDate(d ?? '')} testId="loader-date" />
        </label>
      </div>
      <label className="field">
        <span>Article text</span>
        <textarea
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={9}
          data-testid="loader-text"
          placeholder="Indsæt artiklens tekst her…"
        />
      </label>
      <div className="button-row">
        <button type="button" className="primary" disabled={running} onClick={submitPasted} data-testid="loader-submit">
          {running ? 'Loading…' : 'Load article'}
        </button>
      </div>
      {/* biome-ignore lint/a11y/useSemanticElements: a drop target holding a hidden file input; a <button> cannot hold the input */}
      <div
        className={`dropzone${dragOver ? ' over' : ''}`}
        data-testid="dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragOver(true);
        }}
        onDragLeave={() => setDragOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragOver(false);
          void addFiles(e.dataTransfer.files);
        }}
        onClick={() => fileInput.current?.click()}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ' ') {
            e.preventDefault();
            fileInput.current?.click();
          }
        }}
        role="button"
        tabIndex={0}
      >
        Drop .txt files here, or click to choose
        <input
          ref={fileInput}
          type="file"
          accept=".txt,text/plain"
          multiple
          hidden
          data-testid="loader-files"
          onChange={(e) => e.target.files && void addFiles(e.target.files)}
        />
      </div>
      {formError && (
        <p className="error-text" role="alert">
          {formError}
        </p>
      )}
      {queue.length > 0 && (
        <section className="queue" data-testid="loader-queue">
          <div className="progress" title="Progress">
            <div className="progress-bar" style={{ width: `${(100 * done) / queue.length}%` }} />
          </div>
          <div className="small muted">
            {done} of {queue.length} articles processed
          </div>
          <ul>
            {queue.map((q) => (
              <li key={q.key} className={`queue-item ${q.status}`} data-testid="loader-item" data-status={q.status}>
                <span className="queue-status">
                  {q.status === 'done' ? (q.result?.status === 'unchanged' ? 'unchanged' : 'loaded') : q.status}
                </span>
                <span className="queue-name">{q.result?.title || q.name}</span>
                {q.error && <div className="error-text small">{q.error}</div>}
                {q.result && (
                  <div className="small muted">
                    {q.result.entitiesCreated} new entities, {q.result.entitiesMerged} merged ·{' '}
                    {q.result.relationsCreated} new relations, {q.result.relationsMerged} reinforced ·{' '}
                    {q.result.eventsCreated} new events
                  </div>
                )}
              </li>
            ))}
          </ul>
          {!running && results.length > 0 && sum((r) => r.createdNodeIds.length + r.mergedNodeIds.length) === 0 && (
            <div className="summary" data-testid="loader-summary">
              <strong>Nothing changed:</strong> {results.length === 1 ? 'this article was' : 'these articles were'}{' '}
              already in the graph.
            </div>
          )}
          {!running && results.length > 0 && sum((r) => r.createdNodeIds.length + r.mergedNodeIds.length) > 0 && (
            <div className="summary" data-testid="loader-summary">
              <strong>What changed:</strong> {sum((r) => r.createdNodeIds.length)} new nodes and{' '}
              {sum((r) => r.mergedNodeIds.length)} existing nodes updated across {results.length} article
              {results.length === 1 ? '' : 's'}. They are highlighted on the canvas (<span className="swatch created" />{' '}
              new, <span className="swatch merged" /> merged).
            </div>
          )}
        </section>
      )}
      <FeedsSection />
    </div>
  );
}
