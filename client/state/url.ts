// The shareable part of the view (nodes on canvas, hidden, pinned, filters, selection) <-> the URL hash.
import { type Filters, NO_FILTERS } from './filters.ts';

export interface UrlView {
  readonly nodes: readonly string[];
  readonly hidden: readonly string[];
  readonly pinned: readonly string[];
  readonly filters: Filters;
  /** Selected node or edge id. */
  readonly selection: string | null;
}

export const EMPTY_URL_VIEW: UrlView = Object.freeze({
  nodes: [],
  hidden: [],
  pinned: [],
  filters: NO_FILTERS,
  selection: null,
});

// Short keys keep links with a few hundred nodes readable in chat tools.
const KEYS = {
  nodes: 'n',
  hidden: 'h',
  pinned: 'p',
  hiddenTypes: 'xt',
  hiddenRelations: 'xr',
  hiddenKinds: 'xk',
  coMentions: 'cm',
  from: 'from',
  to: 'to',
  selection: 'sel',
} as const;

// Each list item is percent-encoded on its own, so ids may contain commas, ampersands or '#'.
function encodeList(items: readonly string[]): string {
  return items.map(encodeURIComponent).join(',');
}

function decodeList(raw: string | undefined): string[] {
  if (!raw) return [];
  return raw
    .split(',')
    .filter((s) => s !== '')
    .map(safeDecode);
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The hash fragment (without '#') for a view; empty parts are left out. */
export function encodeView(view: UrlView): string {
  const parts: string[] = [];
  const list = (key: string, items: readonly string[]) => {
    if (items.length > 0) parts.push(`${key}=${encodeList(items)}`);
  };
  list(KEYS.nodes, view.nodes);
  list(KEYS.hidden, view.hidden);
  list(KEYS.pinned, view.pinned);
  list(KEYS.hiddenTypes, view.filters.hiddenTypes);
  list(KEYS.hiddenRelations, view.filters.hiddenRelations);
  list(KEYS.hiddenKinds, view.filters.hiddenKinds);
  if (view.filters.coMentions) parts.push(`${KEYS.coMentions}=1`);
  if (view.filters.from) parts.push(`${KEYS.from}=${view.filters.from}`);
  if (view.filters.to) parts.push(`${KEYS.to}=${view.filters.to}`);
  if (view.selection) parts.push(`${KEYS.selection}=${encodeURIComponent(view.selection)}`);
  return parts.join('&');
}

/** Reads a hash (with or without '#'); unknown keys and malformed dates are ignored, never thrown on. */
export function decodeView(hash: string): UrlView {
  const raw = hash.startsWith('#') ? hash.slice(1) : hash;
  const params = new Map<string, string>();
  for (const part of raw.split('&')) {
    const eq = part.indexOf('=');
    if (eq > 0) params.set(part.slice(0, eq), part.slice(eq + 1));
  }
  const date = (key: string): string | null => {
    const v = params.get(key);
    return v && ISO_DATE.test(v) ? v : null;
  };
  const selection = params.get(KEYS.selection);
  return {
    nodes: decodeList(params.get(KEYS.nodes)),
    hidden: decodeList(params.get(KEYS.hidden)),
    pinned: decodeList(params.get(KEYS.pinned)),
    filters: {
      coMentions: params.get(KEYS.coMentions) === '1',
      hiddenTypes: decodeList(params.get(KEYS.hiddenTypes)),
      hiddenRelations: decodeList(params.get(KEYS.hiddenRelations)),
      hiddenKinds: decodeList(params.get(KEYS.hiddenKinds)),
      from: date(KEYS.from),
      to: date(KEYS.to),
    },
    selection: selection ? safeDecode(selection) : null,
  };
}
