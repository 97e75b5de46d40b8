// A modal confirmation built on the native <dialog> element (focus handling and Escape come for free).
import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/index.ts';

export interface ConfirmDialogProps {
  title: string;
  children: React.ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  /** Optional third choice (e.g. "Draw first 2,500"). */
  extra?: { label: string; onClick: () => void };
}

export function ConfirmDialog({
  title,
  children,
  confirmLabel,
  cancelLabel,
  danger,
  busy,
  onConfirm,
  onCancel,
  extra,
}: ConfirmDialogProps) {
  const { t } = useI18n();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      className="confirm"
      data-testid="confirm-dialog"
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      <h2>{title}</h2>
      <div className="confirm-body">{children}</div>
      <div className="button-row end">
        <button type="button" onClick={onCancel} disabled={busy}>
          {cancelLabel ?? t('dialog.cancel')}
        </button>
        {extra && (
          <button type="button" onClick={extra.onClick} disabled={busy}>
            {extra.label}
          </button>
        )}
        <button
          type="button"
          className={danger ? 'danger' : 'primary'}
          onClick={onConfirm}
          disabled={busy}
          data-testid="confirm-ok"
          // biome-ignore lint/a11y/noAutofocus: a modal confirmation takes focus on its confirm button, so Enter or Escape answers it
          autoFocus
        >
          {busy ? t('dialog.working') : confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
