// Writes the DaN+ sentences that name two or more first-level entities as unannotated relation-corpus records, in chunks for annotators.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConll, spansFromTags } from '../../server/nlp/conll.ts';
import { DANPLUS_DIR } from '../../server/nlp/train.ts';

const FILES = { train: 'da_news_train.tsv', dev: 'da_news_dev.tsv' } as const;
const CHUNK_SIZE = Number(process.env.CHUNK_SIZE ?? 120);
const outDir = process.argv[2] ?? '/tmp/relwork/skeleton';
mkdirSync(outDir, { recursive: true });

for (const [split, file] of Object.entries(FILES)) {
  const sentences = parseConll(readFileSync(join(DANPLUS_DIR, file), 'utf8'));
  const records: { id: string; entities: unknown[]; [field: string]: unknown }[] = [];
  sentences.forEach((sentence, index) => {
    const spans = spansFromTags(sentence.tags);
    if (spans.length < 2) return;
    records.push({
      id: `danplus-${split}-${String(index).padStart(5, '0')}`,
      source: file,
      index,
      tokens: sentence.tokens,
      text: sentence.tokens.join(' '),
      entities: spans.map((s) => ({
        start: s.start,
        end: s.end,
        ner: s.type,
        text: sentence.tokens.slice(s.start, s.end).join(' '),
        type: null,
      })),
      relations: [],
    });
  });
  for (let c = 0; c * CHUNK_SIZE < records.length; c++) {
    const chunk = records.slice(c * CHUNK_SIZE, (c + 1) * CHUNK_SIZE);
    writeFileSync(
      join(outDir, `${split}-${String(c + 1).padStart(2, '0')}.jsonl`),
      `${chunk.map((r) => JSON.stringify(r)).join('\n')}\n`,
    );
  }
  const pairs = records.reduce((n, r) => n + r.entities.length * (r.entities.length - 1), 0);
  console.log(`${split}: ${sentences.length} sentences, ${records.length} with 2+ entities, ${pairs} ordered pairs`);
}
