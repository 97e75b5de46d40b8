// Records the GraphQL operations a page sends, to assert how many requests a user action costs.
import type { Page, Request } from 'playwright-core';

export interface Operation {
  name: string;
  variables: Record<string, unknown>;
}

/** The GraphQL operations `page` sends while `action` runs (named by their document's operation name). */
export async function recordOperations(page: Page, action: () => Promise<void>): Promise<Operation[]> {
  const operations: Operation[] = [];
  const onRequest = (request: Request) => {
    if (!request.url().endsWith('/graphql') || request.method() !== 'POST') return;
    const body = request.postDataJSON() as { query: string; variables?: Record<string, unknown> };
    const name = /^\s*(?:query|mutation)\s+(\w+)/.exec(body.query)?.[1] ?? 'anonymous';
    operations.push({ name, variables: body.variables ?? {} });
  };
  page.on('request', onRequest);
  try {
    await action();
  } finally {
    page.off('request', onRequest);
  }
  return operations;
}
