// Tests of the committed NER model: it loads, tags real Danish sentences sensibly, gets through junk, and meets the dev F1 floor.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TAGGER_JUNK } from '../../../bench/edge-inputs.ts';
import { evaluateTagger } from '../../../server/cli/commands/eval-ner.ts';
import { readConllInput, tagConll } from '../../../server/cli/commands/tag.ts';
import { PROJECT_ROOT } from '../../../server/config.ts';
import { parseConll } from '../../../server/nlp/conll.ts';
import { detectMentions, type SentenceTagger } from '../../../server/nlp/mentions.ts';
import { defaultSentenceTagger } from '../../../server/nlp/ner-adapter.ts';
import { DEFAULT_MODEL_PATH, loadTagger } from '../../../server/nlp/tagger.ts';
import { tokenize } from '../../../server/nlp/tokenizer.ts';

const DEV_FILE = join(PROJECT_ROOT, '..', 'shared', 'data', 'danplus', 'da_news_dev.tsv');

function entities(sentence: string): string[] {
  const tokens = tokenize(sentence).map((t) => t.text);
  return loadTagger()
    .tagSpans(tokens)
    .map((s) => `${s.type}:${tokens.slice(s.start, s.end).join(' ')}`);
}

describe('NER tagger', () => {
  it('loads the committed model', () => {
    const tagger = loadTagger(DEFAULT_MODEL_PATH);
    expect(tagger.tag(['Hej'])).toHaveLength(1);
  });

  it('returns the shared tagger for the default model', () => {
    expect(loadTagger()).toBe(loadTagger());
  });

  it('finds people, places and organisations in Danish news sentences', () => {
    expect(entities('Statsminister Mette Frederiksen mødte i går Joe Biden i Washington.')).toEqual([
      'PER:Mette Frederiksen',
      'PER:Joe Biden',
      'LOC:Washington',
    ]);
    expect(entities('Hun er uddannet cand.polit. fra Aarhus Universitet.')).toEqual(['ORG:Aarhus Universitet']);
    expect(entities('Sanktionerne rammer virksomheder i Kina, skriver Bloomberg.')).toEqual([
      'LOC:Kina',
      'ORG:Bloomberg',
    ]);
  });

  it('tags every token, and nothing in an empty sentence', () => {
    const tagger = loadTagger();
    expect(tagger.tag([])).toEqual([]);
    const tags = tagger.tag(['"', '...', '§', '2025', 'København', '—']);
    expect(tags).toHaveLength(6);
    for (const tag of tags) expect(tag).toMatch(/^(O|[BI]-(PER|ORG|LOC|MISC))$/);
  });

  it('gets through junk: a 100,000-character token and a 20,000-token sentence', () => {
    const tagger = loadTagger();
    const [longToken, longSentence] = TAGGER_JUNK;
    expect(tagger.tag(longToken)).toEqual(['O']);
    expect(tagger.tag(longSentence)).toHaveLength(20_000);
  });

  it('never starts an entity with an I- tag', () => {
    const tokens = tokenize(
      'Formand for Dansk Industri Lars Sandahl Sørensen og direktør i Novo Nordisk A/S taler i Folketinget.',
    ).map((t) => t.text);
    const tags = loadTagger().tag(tokens);
    tags.forEach((tag, i) => {
      if (tag.startsWith('I-')) expect(tags[i - 1]?.slice(2)).toBe(tag.slice(2));
    });
  });
});

describe('the tagger lexicon as a common-word check, and the tagging gate that uses it', () => {
  it('knows inflected common words, and never a name, name part or kind word', () => {
    const tagger = loadTagger();
    for (const word of ['analytikere', 'partnerskabet', 'opkøbet', 'kritikere'])
      expect(tagger.isCommonWord(word)).toBe(true);
    for (const word of ['danske', 'novo', 'mette', 'aarhus', 'retten']) expect(tagger.isCommonWord(word)).toBe(false);
  });

  /** The sentences the tagger was asked to read, for a sentence whose other names are all in the gazetteer. */
  function taggedSentences(text: string): string[] {
    const tagged: string[] = [];
    const shared = defaultSentenceTagger()!;
    const counting = Object.assign(
      (tokens: Parameters<SentenceTagger>[0]) => {
        tagged.push(tokens.map((t) => t.text).join(' '));
        return shared(tokens);
      },
      { isCommonWord: shared.isCommonWord },
    );
    detectMentions([{ index: 0, text, section: 'body', start: 0 }], counting);
    return tagged;
  }

  it('leaves a sentence to the rules when its only unknown capital is a common word opening it', () => {
    expect(taggedSentences('Analytikere venter, at Microsoft og Google skruer ned for investeringerne.')).toEqual([]);
  });

  it('still tags when the opening word starts a longer name, or another capital is unknown', () => {
    expect(taggedSentences('Kritikere Holding ApS har købt aktier i Microsoft.')).toHaveLength(0);
    expect(taggedSentences('Analytikere Bent Vorsholt og Microsoft er uenige.')).toHaveLength(1);
    expect(taggedSentences('Analytikere hos Vorsholt Gruppen venter mere af Microsoft.')).toHaveLength(1);
  });
});

describe('tag --conll', () => {
  it('prints token<TAB>tag per token, keeps blank lines and ignores extra columns', () => {
    const out = tagConll('Mette\tx\nFrederiksen\ty\n\nHun\nbor\ni\nAarhus\n');
    expect(out).toBe('Mette\tB-PER\nFrederiksen\tI-PER\n\nHun\tO\nbor\tO\ni\tO\nAarhus\tB-LOC\n');
  });

  it('refuses a missing, empty or binary file with a message that says what to give instead', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ner-tag-'));
    writeFileSync(join(dir, 'empty.conll'), '\n \n');
    writeFileSync(join(dir, 'model.bin'), Buffer.from([0x4e, 0x00, 0x01, 0x02]));
    expect(() => readConllInput(join(dir, 'missing.conll'))).toThrow(/does not exist/);
    expect(() => readConllInput(join(dir, 'empty.conll'))).toThrow(/is empty/);
    expect(() => readConllInput(join(dir, 'model.bin'))).toThrow(/binary/);
  });
});

describe.skipIf(!existsSync(DEV_FILE))('NER tagger on DaN+ dev (needs ../shared/data/danplus)', () => {
  it('reaches entity-level F1 of at least 0.75', () => {
    const scores = evaluateTagger(loadTagger(), parseConll(readFileSync(DEV_FILE, 'utf8')));
    expect(scores.overall.f1).toBeGreaterThanOrEqual(0.75);
  });
});
