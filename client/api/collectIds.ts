// Finds node ids anywhere in an arbitrary GraphQL result, so any query's answer can be drawn on the canvas.

/** Keys whose string values are taken as ids: `id`, and names like `articleId` or `createdNodeIds`. */
function isIdKey(key: string): boolean {
  return key === 'id' || /[a-z]Ids?$/.test(key);
}

function addIdValue(value: unknown, out: Set<string>): void {
  if (typeof value === 'string' && value !== '') out.add(value);
  else if (typeof value === 'number' && Number.isFinite(value)) out.add(String(value));
  else if (Array.isArray(value)) for (const v of value) addIdValue(v, out);
}

/**
 * Walks objects and arrays depth-first, collecting id values in first-seen order. Cycles cannot
 * occur in JSON, but a `seen` set guards against them anyway since callers may pass live objects.
 */
export function collectIds(result: unknown): string[] {
  const out = new Set<string>();
  const seen = new Set<object>();
  const walk = (value: unknown): void => {
    if (value === null || typeof value !== 'object') return;
    if (seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) {
      for (const item of value) walk(item);
      return;
    }
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      if (isIdKey(key)) addIdValue(child, out);
      walk(child);
    }
  };
  walk(result);
  return [...out];
}
