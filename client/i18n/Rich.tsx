// A dictionary message with markup in its slots ("{command}" -> <code>npm start</code>), for text that is not plain.
import { Fragment, type ReactNode } from 'react';
import { type MessageKey, t } from './index.ts';

/** Renders message `k` with each "{slot}" replaced by the node given for it; text slots are filled by t(). */
export function Rich({ k, slots }: { k: MessageKey; slots: Readonly<Record<string, ReactNode>> }) {
  const text: Record<string, string | number> = {};
  const nodes: Record<string, ReactNode> = {};
  for (const [name, value] of Object.entries(slots)) {
    if (typeof value === 'string' || typeof value === 'number') text[name] = value;
    else nodes[name] = value;
  }
  const parts = t(k, text).split(/(\{\w+\})/);
  return (
    <>
      {parts.map((part, i) => {
        const slot = /^\{(\w+)\}$/.exec(part)?.[1];
        // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed message, never reordered
        return <Fragment key={i}>{slot && slot in nodes ? nodes[slot] : part}</Fragment>;
      })}
    </>
  );
}
