// Compares @mozilla/readability on linkedom and on jsdom over the test pages: time per page and what survives.
// Run: npm install --no-save jsdom && npx tsx bench/html-extractors.ts (jsdom is not a dependency of the project).
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

const DIR = join(import.meta.dirname, '..', 'test', 'fixtures', 'web');
const ROUNDS = 50;
const jsdomName = 'jsdom';
const { JSDOM } = (await import(jsdomName)) as {
  JSDOM: new (html: string, o?: object) => { window: { document: Document } };
};

const parsers: Record<string, (html: string) => Document> = {
  linkedom: (html) => parseHTML(html).document as unknown as Document,
  jsdom: (html) => new JSDOM(html, { url: 'https://tekniknyt.example/' }).window.document,
};

for (const file of readdirSync(DIR).filter((f) => f.endsWith('.html'))) {
  const html = readFileSync(join(DIR, file), 'latin1');
  for (const [name, parse] of Object.entries(parsers)) {
    let result: ReturnType<Readability<string>['parse']> = null;
    const started = performance.now();
    for (let i = 0; i < ROUNDS; i++) result = new Readability(parse(html)).parse();
    const ms = (performance.now() - started) / ROUNDS;
    const text = result?.textContent ?? '';
    console.log(
      `${file.padEnd(24)} ${name.padEnd(9)} ${ms.toFixed(2).padStart(7)} ms/page  title=${Boolean(result?.title)} body=${text.length} chars  læs-også=${/Læs også/.test(text)} navnenyt=${/Navnenyt/.test(text)} ad=${/Annonce/.test(text)} cookie=${/cookies/.test(text)}`,
    );
  }
}
