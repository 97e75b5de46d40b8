// A date input that takes ISO or day-first Danish dates as typed text (the browser's date picker shows mm/dd/yyyy).
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/index.ts';
import { readDateInput } from './dates.ts';

export interface DateFieldProps {
  /** ISO date or null. */
  value: string | null;
  /** Called with an ISO date (or null when emptied) as soon as the text reads as one. */
  onChange: (iso: string | null) => void;
  testId: string;
  /** For a <label htmlFor>. */
  id: string;
  label?: string;
}

export function DateField({ value, onChange, testId, id, label }: DateFieldProps) {
  const { t } = useI18n();
  const [draft, setDraft] = useState(value ?? '');
  // A value set from outside (the timeline brush, Clear) replaces what is typed.
  useEffect(() => setDraft(value ?? ''), [value]);
  const read = readDateInput(draft);
  const invalid = read === undefined;
  return (
    <input
      id={id}
      type="text"
      inputMode="numeric"
      className={`date-field${invalid ? ' invalid' : ''}`}
      value={draft}
      placeholder={t('date.placeholder')}
      aria-label={label}
      aria-invalid={invalid}
      title={invalid ? t('date.invalid') : undefined}
      size={10}
      onChange={(e) => {
        setDraft(e.target.value);
        const next = readDateInput(e.target.value);
        if (next !== undefined && next !== value) onChange(next);
      }}
      data-testid={testId}
    />
  );
}
