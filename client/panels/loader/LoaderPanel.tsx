// Load articles: paste text, drop .txt files or give a URL, see progress per article, then what changed in the graph.
import { useEffect, useMemo, useRef, useState } from 'react';
import * as api from '../../api/explorer.ts';
import type { IngestArticleInput, IngestResult } from '../../api/types.ts';
import { plural, useI18n } from '../../i18n/index.ts';
import { Rich } from '../../i18n/Rich.tsx';
import { DateField } from '../DateField.tsx';
import { FeedsSection } from './FeedsSection.tsx';
import { LoadQueue, type QueueItem } from './LoadQueue.tsx';
import { checkArticleSize, loadErrorMessage, MAX_ARTICLE_BYTES, tooLargeMessage } from './loadErrors.ts';
import { parseArticle, titleQuestion } from './parseArticle.ts';
import { UrlLoadForm } from './UrlLoadForm.tsx';

export interface LoaderPanelProps {
  /** Called once a batch is finished, with the successful results, to show them on the canvas. */
  onLoaded: (results: IngestResult[]) => void;
}

let nextKey = 1;

/** A dropped or chosen file whose first line would make a wrong title: it goes through the form, which asks for one. */
interface HeldFile {
  name: string;
  text: string;
}

export function LoaderPanel({ onLoaded }: LoaderPanelProps) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [title, setTitle] = useState('');
  const [url, setUrl] = useState('');
  const [date, setDate] = useState('');
  const [queue, setQueue] = useState<QueueItem[]>([]);
  const [running, setRunning] = useState(false);
  const [dragOver, setDragOver] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const titleInput = useRef<HTMLInputElement>(null);
  // The file whose text is in the form (null for pasted text), and the files waiting for the form after it.
  const [formFile, setFormFile] = useState<string | null>(null);
  const heldFiles = useRef<HeldFile[]>([]);
  const [heldCount, setHeldCount] = useState(0);
  // A first line that reads as a sentence or a dateline would become a wrong title: ask for the title and date.
  const question = useMemo(() => titleQuestion(text), [text]);
  const askedFor = useRef<string | null>(null);
  const questionKey = question ? `${question.why}|${question.title}|${question.date}` : null;
  // Prefill once per question, so what the person then types (or clears) is left alone.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the question changes, not on every keystroke in the fields
  useEffect(() => {
    if (!question) askedFor.current = null;
    if (!question || askedFor.current === questionKey) return;
    askedFor.current = questionKey;
    if (question.title && !title.trim()) setTitle(question.title);
    if (question.date && !date.trim()) setDate(question.date);
  }, [questionKey]);

  /** Fills the form with the next held file, or empties it when none is left. */
  const fillFormWithNextFile = () => {
    const next = heldFiles.current.shift();
    setHeldCount(heldFiles.current.length);
    setText(next?.text ?? '');
    setTitle('');
    setUrl('');
    setDate('');
    setFormFile(next?.name ?? null);
  };

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
      setFormError(t('loader.emptyText'));
      return;
    }
    if (question && !title.trim()) {
      setFormError(t('loader.titleRequired'));
      titleInput.current?.focus();
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
      {
        key: nextKey++,
        name: title.trim() || parsed.title || formFile || t('loader.pasted'),
        input,
        status: 'waiting',
      },
    ]).then((failed) => {
      // A failed load keeps the text, so it can be fixed and sent again.
      if (failed === 0) fillFormWithNextFile();
    });
  };

  const addFiles = async (files: FileList | File[]) => {
    const list = [...files];
    const notText = list.filter((f) => !/\.(txt|text|md)$/i.test(f.name) && f.type !== 'text/plain');
    const tooLarge = list.filter((f) => !notText.includes(f) && f.size > MAX_ARTICLE_BYTES);
    const bad = [...notText, ...tooLarge];
    const problems = [
      notText.length > 0 ? t('loader.notText', { names: notText.map((f) => f.name).join(', ') }) : '',
      ...tooLarge.map((f) => tooLargeMessage(f.name, f.size)),
    ].filter(Boolean);
    setFormError(problems.length > 0 ? problems.join(' ') : null);
    const items: QueueItem[] = [];
    const asking: HeldFile[] = [];
    for (const file of list.filter((f) => !bad.includes(f))) {
      const content = await file.text();
      // The same check as for pasted text: such a file waits for the form, where its title and date are asked for.
      if (titleQuestion(content)) {
        asking.push({ name: file.name, text: content });
        continue;
      }
      const parsed = parseArticle(content);
      // The raw file goes to the server unchanged: it reads the header lines itself, exactly as the CLI does.
      items.push({ key: nextKey++, name: parsed.title || file.name, input: { text: content }, status: 'waiting' });
    }
    heldFiles.current.push(...asking);
    setHeldCount(heldFiles.current.length);
    // Text already in the form is left alone; the held files follow once it is loaded.
    if (asking.length > 0 && !text.trim()) fillFormWithNextFile();
    if (items.length > 0) void process(items);
  };

  const titleField = (
    <label className="field">
      <span>{question ? t('loader.titleAsked') : t('loader.titleLabel')}</span>
      <input
        ref={titleInput}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        required={question !== null}
        data-testid="loader-title"
      />
    </label>
  );
  const dateField = (
    <label className="field" htmlFor="loader-date">
      <span>{question ? t('props.date') : t('loader.dateLabel')}</span>
      <DateField id="loader-date" value={date || null} onChange={(d) => setDate(d ?? '')} testId="loader-date" />
    </label>
  );

  return (
    <div className="loader" data-testid="loader">
      <h2 className="panel-title">{t('topbar.loadArticles')}</h2>
      <p className="muted small">
        <Rich k="loader.help" slots={{ url: <code>URL:</code>, date: <code>Dato:</code> }} />
      </p>
      <UrlLoadForm
        running={running}
        onLoad={(pageUrl) =>
          process([{ key: nextKey++, name: pageUrl, input: { url: pageUrl }, status: 'waiting' }]).then((n) => n === 0)
        }
      />
      {!question && titleField}
      <div className="field-row">
        <label className="field">
          <span>{t('loader.urlLabel')}</span>
          <input value={url} onChange={(e) => setUrl(e.target.value)} type="url" data-testid="loader-url" />
        </label>
        {!question && dateField}
      </div>
      <label className="field">
        <span>{t('loader.textLabel')}</span>
        <textarea
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            // Emptied by hand: what is pasted next is no longer the file's text.
            if (!e.target.value.trim()) setFormFile(null);
          }}
          rows={9}
          data-testid="loader-text"
          placeholder={t('loader.textPlaceholder')}
        />
      </label>
      {question && (
        <div className="ask-title" role="status" data-testid="loader-ask-title" data-why={question.why}>
          {formFile && (
            <p className="small" data-testid="loader-form-file">
              {t('loader.fileAsked', { name: formFile })}
            </p>
          )}
          <p className="small">{t(question.why === 'date' ? 'loader.askDate' : 'loader.askSentence')}</p>
          {heldCount > 0 && (
            <p className="small muted" data-testid="loader-held-files">
              {plural(heldCount, 'loader.filesHeld.one', 'loader.filesHeld.other')}
            </p>
          )}
          {titleField}
          {dateField}
        </div>
      )}
      <div className="button-row">
        <button type="button" className="primary" disabled={running} onClick={submitPasted} data-testid="loader-submit">
          {running ? t('common.loading') : t('loader.submit')}
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
        {t('loader.drop')}
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
      {queue.length > 0 && <LoadQueue queue={queue} running={running} />}
      <FeedsSection />
    </div>
  );
}
