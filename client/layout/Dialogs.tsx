// The questions the app asks before acting: draw a graph past the element cap, merge two entities.
import type { PendingDraw } from '../hooks/useDraw.ts';
import type { Merging } from '../hooks/useMerge.ts';
import { ConfirmDialog } from '../panels/dialog/ConfirmDialog.tsx';
import { ELEMENT_CAP } from '../state/graph.ts';

export interface DialogsProps {
  pending: PendingDraw | null;
  onPending: (choice: 'all' | 'trim' | 'cancel') => void;
  merging: Merging;
}

export function Dialogs({ pending, onPending, merging }: DialogsProps) {
  const { keep, merge } = merging;
  return (
    <>
      {pending && (
        <ConfirmDialog
          title="Draw a large graph?"
          confirmLabel={`Draw all ${pending.total.toLocaleString()}`}
          onCancel={() => onPending('cancel')}
          onConfirm={() => onPending('all')}
          extra={{ label: 'Draw the best-connected part only', onClick: () => onPending('trim') }}
        >
          <p>
            This would put {pending.total.toLocaleString()} elements on the canvas (the comfortable limit is{' '}
            {ELEMENT_CAP.toLocaleString()}). Panning and layout may become slow.
          </p>
        </ConfirmDialog>
      )}
      {merging.confirming && keep && merge && (
        <ConfirmDialog
          title="Merge these entities?"
          confirmLabel="Merge"
          danger
          busy={merging.busy}
          onCancel={merging.cancel}
          onConfirm={merging.confirm}
        >
          <p>
            <strong>{merge.name}</strong> ({merge.label}) will be merged into <strong>{keep.name}</strong> ({keep.label}
            ).
          </p>
          <p>
            Its relationships, events and evidence move to {keep.name}, and “{merge.name}” becomes an alias. This
            changes the database and cannot be undone from the explorer.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
