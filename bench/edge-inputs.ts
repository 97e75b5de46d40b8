// Inputs at the edges of what extraction accepts: the unit tests check what extraction gives for them, `npm run bench -- extract` times them.
import { extractArticle } from '../server/ingest/extract.ts';
import { DEFAULT_MODEL_PATH, loadTagger } from '../server/nlp/tagger.ts';
import type { Figure } from './report.ts';

/** The default NEWSGRAPH_MAX_ARTICLE_BYTES. */
export const DEFAULT_MAX_ARTICLE_BYTES = 2 * 1024 * 1024;

/** An article just under `maxBytes` of distinct paragraphs (repeated identical paragraphs are dropped as page furniture), each naming Huawei once. */
export function articleAtLimit(maxBytes = DEFAULT_MAX_ARTICLE_BYTES): { text: string; paragraphs: number } {
  const paragraph = (i: number) =>
    `Afsnit ${i}: Det skriver Reuters. Huawei sagsøger den amerikanske regering, og Xiaomi får medhold ved en amerikansk distriktsdomstol.\n\n`;
  const paragraphs = Math.floor((maxBytes - 100) / Buffer.byteLength(paragraph(99999)));
  return { text: `Stor artikel\n\n${Array.from({ length: paragraphs }, (_, i) => paragraph(i)).join('')}`, paragraphs };
}

/** Article bodies that once sent sentence splitting or mention detection into quadratic time. */
export const PATHOLOGICAL_BODIES: readonly { readonly name: string; readonly body: string }[] = [
  { name: 'unbalanced quotes', body: '"a '.repeat(200_000) },
  { name: 'one endless line', body: 'Huawei og USA '.repeat(60_000) },
  { name: 'runs of capitals', body: 'Aaa Bbb Ccc '.repeat(60_000) },
];

/** 5 MB of text, over the 2 MiB default limit: refused before any extraction. */
export const OVERSIZED_TEXT = 'Huawei får dispensation i USA. '.repeat(170_000);

/** Token lists the NER tagger must get through: one 100,000-character token, one 20,000-token sentence. */
export const TAGGER_JUNK: readonly (readonly string[])[] = [
  ['x'.repeat(100_000)],
  Array.from({ length: 20_000 }, (_, i) => (i % 2 ? 'og' : 'Jensen')),
];

function timeMs(run: () => unknown): number {
  const started = performance.now();
  run();
  return performance.now() - started;
}

/** How long each edge input takes, once (after the extract benchmark's warm-up). */
export function measureEdgeInputs(): Figure[] {
  const { text, paragraphs } = articleAtLimit();
  const tagger = loadTagger();
  return [
    {
      label: 'NER model load (the committed model, from disk)',
      value: timeMs(() => loadTagger(DEFAULT_MODEL_PATH)),
      unit: 'ms',
    },
    {
      label: `article at the 2 MiB limit (${paragraphs} paragraphs), NER tagger off`,
      value: timeMs(() => extractArticle({ text }, { tagger: null })),
      unit: 'ms',
    },
    {
      label: `pathological input, slowest of ${PATHOLOGICAL_BODIES.map((p) => p.name).join(', ')}, NER tagger off`,
      value: Math.max(
        ...PATHOLOGICAL_BODIES.map(({ body }) =>
          timeMs(() => extractArticle({ text: `Titel\n\n${body}` }, { tagger: null })),
        ),
      ),
      unit: 'ms',
    },
    {
      label: 'NER tagger on junk (a 100,000-character token, a 20,000-token sentence)',
      value: timeMs(() => {
        for (const tokens of TAGGER_JUNK) tagger.tag(tokens);
      }),
      unit: 'ms',
    },
    {
      label: 'refusing a 5 MB text over the 2 MiB limit (TEXT_TOO_LARGE)',
      value: timeMs(() => {
        try {
          extractArticle({ text: OVERSIZED_TEXT });
        } catch {
          /* refused, as it should be */
        }
      }),
      unit: 'ms',
    },
  ];
}
