// splitEntity and mergeHistory over HTTP against startServer(): merge, read the record, split, and the refusals.
import { describe, expect, it } from 'vitest';
import { loadArticleGraph } from '../../server/ingest/load/index.ts';
import { huaweiDuplicateGraph, huaweiSanctionGraph } from '../fixtures/loader/graphs.ts';
import { useTestApp, useTestServer } from '../support/app.ts';

useTestApp({
  beforeEach: async ({ repositories }) => {
    await loadArticleGraph(repositories, huaweiSanctionGraph());
    await loadArticleGraph(repositories, huaweiDuplicateGraph());
  },
});
const server = useTestServer();

async function data<T = any>(query: string, variables?: Record<string, unknown>): Promise<T> {
  const response = await server.gql<T>(query, variables);
  expect(response.errors).toBeUndefined();
  return response.data as T;
}

const HISTORY = `query ($id: ID!) { mergeHistory(id: $id) { mergeId mergedAt absorbed { id name label } } }`;
const SPLIT = `mutation ($id: ID!, $mergeId: ID) {
  splitEntity(id: $id, mergeId: $mergeId) { keptId mergeId restoredIds relationshipsRestored relationshipsNotRestored } }`;
const HUAWEI_NEIGHBOURS = `{ neighborhood(ids: ["company:huawei"]) { nodes { id } edges { type source target support } } }`;

describe('splitEntity over GraphQL', () => {
  it('undoes mergeEntities: the duplicate and its edges come back, the history empties', async () => {
    const before = await data(HUAWEI_NEIGHBOURS);
    const { mergeEntities } = await data(
      `mutation { mergeEntities(keepId: "company:huawei", mergeIds: ["company:huawei-technologies"]) { keptId mergeId } }`,
    );
    expect(mergeEntities.mergeId).toMatch(/^[0-9a-f-]{36}$/);
    const { mergeHistory } = await data(HISTORY, { id: 'company:huawei' });
    expect(mergeHistory).toEqual([
      {
        mergeId: mergeEntities.mergeId,
        mergedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        absorbed: [{ id: 'company:huawei-technologies', name: 'Huawei Technologies', label: 'Company' }],
      },
    ]);
    const merged = await data(HUAWEI_NEIGHBOURS);
    expect(merged.neighborhood.nodes.map((n: { id: string }) => n.id)).toContain('company:tdc');

    const { splitEntity } = await data(SPLIT, { id: 'company:huawei', mergeId: mergeEntities.mergeId });
    expect(splitEntity).toMatchObject({
      keptId: 'company:huawei',
      mergeId: mergeEntities.mergeId,
      restoredIds: ['company:huawei-technologies'],
      relationshipsNotRestored: 0,
    });
    expect(splitEntity.relationshipsRestored).toBeGreaterThanOrEqual(3);
    const sort = (r: any) => ({
      nodes: r.neighborhood.nodes.map((n: { id: string }) => n.id).sort(),
      edges: r.neighborhood.edges.map((e: unknown) => JSON.stringify(e)).sort(),
    });
    expect(sort(await data(HUAWEI_NEIGHBOURS))).toEqual(sort(before));
    const restored = await data(`{ nodesByIds(ids: ["company:huawei-technologies"]) { id name label } }`);
    expect(restored.nodesByIds).toEqual([
      { id: 'company:huawei-technologies', name: 'Huawei Technologies', label: 'Company' },
    ]);
    expect((await data(HISTORY, { id: 'company:huawei' })).mergeHistory).toEqual([]);
  });

  it('refuses an entity that absorbed nothing, an unknown entity and an unknown mergeId with BAD_USER_INPUT', async () => {
    for (const [variables, pattern] of [
      [{ id: 'company:huawei' }, /no recorded merge/],
      [{ id: 'company:nope' }, /unknown entity id/],
    ] as const) {
      const response = await server.gql(SPLIT, variables);
      expect(response.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].message).toMatch(pattern);
    }
    await data(
      `mutation { mergeEntities(keepId: "company:huawei", mergeIds: ["company:huawei-technologies"]) { keptId } }`,
    );
    const response = await server.gql(SPLIT, { id: 'company:huawei', mergeId: 'nope' });
    expect(response.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    expect((await data(HISTORY, { id: 'company:huawei' })).mergeHistory).toHaveLength(1);
  });
});
