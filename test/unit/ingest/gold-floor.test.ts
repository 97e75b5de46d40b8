// The hard floors on the seed articles vs the gold graphs (../shared/gold): typed entity F1, relation F1, event recall.
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  DEFAULT_GOLD_DIR,
  DEFAULT_SEEDS_DIR,
  evaluateGold,
  type GoldEvaluation,
} from '../../../server/cli/commands/eval.ts';

const present = existsSync(DEFAULT_GOLD_DIR) && existsSync(DEFAULT_SEEDS_DIR);

describe.skipIf(!present)('gold floors (needs ../shared/gold and ../shared/seeds)', () => {
  // In a hook, not in the describe body: vitest runs the body of a skipped describe too, to collect its tests.
  let result: GoldEvaluation;
  // It extracts every seed: a busy machine gets more than the default 10 s for it.
  beforeAll(() => {
    result = evaluateGold();
  }, 120_000);

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
