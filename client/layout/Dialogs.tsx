// The questions the app asks before acting: draw a graph past the element cap, merge two entities.
import type { PendingDraw } from '../hooks/useDraw.ts';
import type { Merging } from '../hooks/useMerge.ts';
import { useI18n } from '../i18n/index.ts';
import { typeName } from '../i18n/labels.ts';
import { Rich } from '../i18n/Rich.tsx';
import { ConfirmDialog } from '../panels/dialog/ConfirmDialog.tsx';
import { ELEMENT_CAP } from '../state/graph.ts';

export interface DialogsProps {
  pending: PendingDraw | null;
  onPending: (choice: 'all' | 'trim' | 'cancel') => void;
  merging: Merging;
}

export function Dialogs({ pending, onPending, merging }: DialogsProps) {
  const { t } = useI18n();
  const { keep, merge } = merging;
  return (
    <>
      {pending && (
        <ConfirmDialog
          title={t('dialog.largeTitle')}
          confirmLabel={t('dialog.drawAll', { count: pending.total })}
          onCancel={() => onPending('cancel')}
          onConfirm={() => onPending('all')}
          extra={{ label: t('dialog.drawBest'), onClick: () => onPending('trim') }}
        >
          <p>{t('dialog.largeBody', { total: pending.total, cap: ELEMENT_CAP })}</p>
        </ConfirmDialog>
      )}
      {merging.confirming && keep && merge && (
        <ConfirmDialog
          title={t('dialog.mergeTitle')}
          confirmLabel={t('common.merge')}
          danger
          busy={merging.busy}
          onCancel={merging.cancel}
          onConfirm={merging.confirm}
        >
          <p>
            <Rich
              k="dialog.mergeWhat"
              slots={{
                merge: <strong>{merge.name}</strong>,
                mergeType: typeName(merge.label),
                keep: <strong>{keep.name}</strong>,
                keepType: typeName(keep.label),
              }}
            />
          </p>
          <p>{t('dialog.mergeEffect', { keep: keep.name, merge: merge.name })}</p>
        </ConfirmDialog>
      )}
    </>
  );
}
