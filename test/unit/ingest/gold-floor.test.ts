// The hard floors on the seed articles vs the gold graphs (../shared/gold): typed entity F1, relation F1, event recall.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULT_GOLD_DIR, DEFAULT_SEEDS_DIR, evaluateGold } from '../../../server/cli/commands/eval.ts';

const present = existsSync(DEFAULT_GOLD_DIR) && existsSync(DEFAULT_SEEDS_DIR);

describe.skipIf(!present)(`gold floors (skipped when ${DEFAULT_GOLD_DIR} is absent)`, () => {
  const result = evaluateGold();

  it('scores every gold article', () => {
    expect(result.articles.length).toBeGreaterThanOrEqual(3);
  });

  it('reaches typed entity F1 >= 0.85, relation F1 >= 0.70 and event recall >= 0.60 overall', () => {
    expect(result.overall.entitiesTyped.f1).toBeGreaterThanOrEqual(0.85);
    expect(result.overall.relations.f1).toBeGreaterThanOrEqual(0.7);
    expect(result.overall.eventRecall.recall).toBeGreaterThanOrEqual(0.6);
  });

  it('stays above the floors on each article too', () => {
    for (const a of result.articles) {
      expect(a.entitiesTyped.f1, a.article).toBeGreaterThanOrEqual(0.85);
      expect(a.relations.f1, a.article).toBeGreaterThanOrEqual(0.7);
      expect(a.eventRecall.recall, a.article).toBeGreaterThanOrEqual(0.6);
    }
  });
});
