// Extraction fingerprint: extracts a fixed set of texts (demo, held-out and blind articles, the seeds when
// ../shared is present, and a synthetic corpus, each also with known entities from the others) and prints one
// sha256 per set plus the first article whose output differs from a saved run. Speed work must leave it unchanged.
//
//   npx tsx bench/fingerprint.ts save      writes .tmp/fingerprint.json
//   npx tsx bench/fingerprint.ts check     compares with it, exit 1 on any difference
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from '../server/config.ts';
import { extractArticle } from '../server/ingest/extract.ts';
import type { KnownEntity } from '../server/model.ts';
import { syntheticCorpus } from './corpus.ts';

const OUT = join(PROJECT_ROOT, '.tmp', 'fingerprint.json');

function textsIn(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

const sets: Record<string, string[]> = {
  demo: textsIn(join(PROJECT_ROOT, 'data', 'articles')),
  heldout: textsIn(join(PROJECT_ROOT, 'test', 'fixtures', 'heldout', 'articles')),
  blind: textsIn(join(PROJECT_ROOT, 'test', 'fixtures', 'blind', 'articles')),
  seeds: textsIn(join(PROJECT_ROOT, '..', 'shared', 'seeds')),
  // The dense corpus: the saved fingerprints were made with it (before the news density became the default).
  synthetic: [...syntheticCorpus(150, { seed: 7, density: 'dense' })].map((a) => a.text),
};

/** Every entity of every set, as a loaded graph would know them. */
const known: KnownEntity[] = [];
const seen = new Set<string>();
for (const texts of Object.values(sets)) {
  for (const text of texts) {
    for (const e of extractArticle({ text }).entities) {
      if (!seen.has(e.id)) known.push({ id: e.id, type: e.type, name: e.name, aliases: e.aliases });
      seen.add(e.id);
    }
  }
}

const hashes: Record<string, string[]> = {};
for (const [name, texts] of Object.entries(sets)) {
  hashes[name] = texts.map((text) =>
    createHash('sha256')
      .update(JSON.stringify(extractArticle({ text })))
      .digest('hex')
      .slice(0, 16),
  );
  hashes[`${name}+known`] = texts.map((text) =>
    createHash('sha256')
      .update(JSON.stringify(extractArticle({ text }, { known })))
      .digest('hex')
      .slice(0, 16),
  );
}

const mode = process.argv[2] ?? 'check';
if (mode === 'save') {
  mkdirSync(join(PROJECT_ROOT, '.tmp'), { recursive: true });
  writeFileSync(OUT, JSON.stringify(hashes, null, 1));
  console.log(`saved ${Object.values(hashes).flat().length} fingerprints to ${OUT}`);
} else {
  const saved = JSON.parse(readFileSync(OUT, 'utf8')) as Record<string, string[]>;
  let differences = 0;
  for (const [name, list] of Object.entries(hashes)) {
    const before = saved[name] ?? [];
    const changed = list.map((h, i) => (h === before[i] ? -1 : i)).filter((i) => i >= 0);
    console.log(
      `${name}: ${list.length} articles, ${changed.length} differ${changed.length ? ` (first: #${changed[0]})` : ''}`,
    );
    differences += changed.length;
  }
  if (differences > 0) process.exit(1);
}
