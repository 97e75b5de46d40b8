// Unit tests for the Danish tokenizer: DaN+ token conventions and character offsets.
import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../server/nlp/tokenizer.ts';

const texts = (s: string) => tokenize(s).map((t) => t.text);

describe('tokenize', () => {
  it('splits punctuation and quotes from words', () => {
    expect(texts('Det skriver Bloomberg, "ifølge kilder".')).toEqual([
      'Det',
      'skriver',
      'Bloomberg',
      ',',
      '"',
      'ifølge',
      'kilder',
      '"',
      '.',
    ]);
    expect(texts('“Vi er glade”, siger hun.')).toEqual(['“', 'Vi', 'er', 'glade', '”', ',', 'siger', 'hun', '.']);
    expect(texts('‘Nej’ (igen)?')).toEqual(['‘', 'Nej', '’', '(', 'igen', ')', '?']);
  });

  it('keeps company forms, genitives and hyphenated words whole', () => {
    expect(texts("Netcompany A/S og USA's og Trump-regeringen")).toEqual([
      'Netcompany',
      'A/S',
      'og',
      "USA's",
      'og',
      'Trump-regeringen',
    ]);
    expect(texts("Huaweis og USA’s og Elvis' plade")).toEqual(['Huaweis', 'og', 'USA’s', 'og', "Elvis'", 'plade']);
  });

  it('keeps numbers, decimals and ordinals before a lowercase word or month', () => {
    expect(texts('Væksten var 6,7 pct. og 10.000 kr. i 1992.')).toEqual([
      'Væksten',
      'var',
      '6,7',
      'pct.',
      'og',
      '10.000',
      'kr.',
      'i',
      '1992',
      '.',
    ]);
    expect(texts("pr. 1. oktober 2025 i 80'erne for 23-årige")).toEqual([
      'pr.',
      '1.',
      'oktober',
      '2025',
      'i',
      "80'erne",
      'for',
      '23-årige',
    ]);
  });

  it('keeps abbreviations, dotted acronyms and initials', () => {
    expect(texts('bl.a. f.eks. ca. B.T. og K. Olsen')).toEqual(['bl.a.', 'f.eks.', 'ca.', 'B.T.', 'og', 'K.', 'Olsen']);
    expect(texts('Han bor i Odense Å.')).toEqual(['Han', 'bor', 'i', 'Odense', 'Å', '.']);
  });

  it('keeps a dangling compound hyphen and the ellipsis', () => {
    expect(texts('forsknings- og udviklingsarbejde...')).toEqual(['forsknings-', 'og', 'udviklingsarbejde', '...']);
  });

  it('keeps URLs, domain names and e-mail addresses whole', () => {
    expect(texts('Det skriver Computerworld.dk og ing.dk.')).toEqual([
      'Det',
      'skriver',
      'Computerworld.dk',
      'og',
      'ing.dk',
      '.',
    ]);
    expect(texts('Se https://example.dk/a?b=1. Skriv til jo@firma.dk.')).toEqual([
      'Se',
      'https://example.dk/a?b=1',
      '.',
      'Skriv',
      'til',
      'jo@firma.dk',
      '.',
    ]);
  });

  it('reports character offsets that slice back to the token text', () => {
    const text = '  Mette Frederiksen (S) mødte\tXi Jinping i Beijing.\n';
    const tokens = tokenize(text);
    for (const t of tokens) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(tokens[0]).toEqual({ text: 'Mette', start: 2, end: 7 });
  });

  it('returns no tokens for empty or blank text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' \n\t ')).toEqual([]);
  });
});
