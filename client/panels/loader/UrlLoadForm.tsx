// The Load panel's URL field: one article's web address, fetched and loaded by the server.
import { useState } from 'react';
import { t as translate, useI18n } from '../../i18n/index.ts';

export interface UrlLoadFormProps {
  /** True while the panel loads something: the button waits. */
  running: boolean;
  /** Loads the page; resolves true when it loaded (the field is then cleared). */
  onLoad: (url: string) => Promise<boolean>;
}

/** What is wrong with `value` as an article address, or null. The server checks again (and resolves the host). */
export function urlProblem(value: string): string | null {
  if (!value.trim()) return translate('url.empty');
  try {
    const url = new URL(value.trim());
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return translate('url.scheme');
    return null;
  } catch {
    return translate('url.invalid');
  }
}

export function UrlLoadForm({ running, onLoad }: UrlLoadFormProps) {
  const { t } = useI18n();
  const [value, setValue] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const submit = () => {
    const found = urlProblem(value);
    setProblem(found);
    if (found) return;
    void onLoad(value.trim()).then((loaded) => {
      if (loaded) setValue('');
    });
  };

  return (
    <form
      className="url-load"
      data-testid="loader-page-url-form"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <label className="field">
        <span>{t('url.label')}</span>
        <input
          value={value}
          onChange={(e) => setValue(e.target.value)}
          type="text"
          inputMode="url"
          placeholder="https://…"
          data-testid="loader-page-url"
        />
      </label>
      <div className="button-row">
        <button type="submit" className="primary" disabled={running} data-testid="loader-page-url-submit">
          {running ? t('common.loading') : t('url.submit')}
        </button>
      </div>
      {problem && (
        <p className="error-text" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
