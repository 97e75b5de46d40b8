// Unit tests: the two dictionaries cover the same keys, Danish is really translated, and language-dependent wording.
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../../client/api/client.ts';
import { dictionary, format, preferredLang, SAME_IN_BOTH, setLang, showDate, t } from '../../../client/i18n/index.ts';
import { kindName, relationName, typeName, typePlural } from '../../../client/i18n/labels.ts';
import { checkArticleSize, loadErrorMessage } from '../../../client/panels/loader/loadErrors.ts';
import { looksLikeSentence, titleQuestion } from '../../../client/panels/loader/parseArticle.ts';
import { EVENT_KINDS, NODE_LABELS, RELATIONSHIP_TYPES } from '../../../server/model.ts';

/** Keys whose slots differ on purpose: English shows the server's own (English) words, Danish a general sentence. */
const SLOTS_DIFFER = new Set(['loadErr.other', 'loadErr.BAD_USER_INPUT', 'error.server']);

const da = dictionary('da');
const en = dictionary('en');
const slots = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

afterEach(() => setLang('en'));

describe('dictionaries', () => {
  it('have the same keys, and every Danish text differs from the English one unless listed as the same', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(da).sort());
    const untranslated = Object.keys(da).filter(
      (k) => da[k as keyof typeof da] === en[k as keyof typeof en] && !SAME_IN_BOTH.has(k as keyof typeof da),
    );
    expect(untranslated).toEqual([]);
    for (const k of SAME_IN_BOTH) expect(da[k]).toBe(en[k]);
  });

  it('fill the same slots in both languages', () => {
    const mismatched = Object.keys(da).filter(
      (k) => !SLOTS_DIFFER.has(k) && slots(da[k as keyof typeof da]).join() !== slots(en[k as keyof typeof en]).join(),
    );
    expect(mismatched).toEqual([]);
  });

  it('name every node label, relationship type and event kind of the graph model in both languages', () => {
    for (const lang of ['da', 'en'] as const) {
      const dict = dictionary(lang) as Record<string, string>;
      for (const label of NODE_LABELS) expect(dict[`type.${label}`], label).toBeTruthy();
      for (const label of NODE_LABELS) expect(dict[`types.${label}`], label).toBeTruthy();
      for (const type of RELATIONSHIP_TYPES) expect(dict[`rel.${type}`], type).toBeTruthy();
      for (const kind of EVENT_KINDS) expect(dict[`kind.${kind}`], kind).toBeTruthy();
    }
    expect(typeName('Company', 'da')).toBe('Virksomhed');
    expect(typePlural('Company', 'da')).toBe('Virksomheder');
    expect(relationName('EMPLOYED_BY', 'da')).toBe('ansat i');
    expect(relationName('EMPLOYED_BY', 'en')).toBe('employed by');
    expect(kindName('SANCTION_LIFTED', 'da')).toBe('Sanktion ophævet');
    // A type the client does not know yet still reads as words.
    expect(relationName('WORKS_WITH', 'da')).toBe('works with');
    expect(typePlural('Ship', 'da')).toBe('Andre');
  });
});

describe('choosing the language', () => {
  it('is Danish when the browser ranks Danish (or Norwegian) before English, English otherwise', () => {
    expect(preferredLang(['da-DK', 'en-US'])).toBe('da');
    expect(preferredLang(['da'])).toBe('da');
    expect(preferredLang(['nb-NO', 'en'])).toBe('da');
    expect(preferredLang(['en-US', 'da'])).toBe('en');
    expect(preferredLang(['de-DE', 'da-DK'])).toBe('da');
    expect(preferredLang(['de-DE'])).toBe('en');
    expect(preferredLang([])).toBe('en');
  });

  it('switches t() and fills slots with numbers written the language’s way', () => {
    setLang('da');
    expect(t('topbar.loadArticles')).toBe('Indlæs artikler');
    expect(t('toolbar.nodes.other', { count: 1234 })).toBe('1.234 knuder');
    setLang('en');
    expect(t('toolbar.nodes.other', { count: 1234 })).toBe('1,234 nodes');
    expect(format('{a} and {b}', { a: 'x' })).toBe('x and {b}');
  });
});

describe('dates', () => {
  it('are shown day-first in Danish and ISO in English, never month-first', () => {
    expect(showDate('2025-10-31', 'da')).toBe('31-10-2025');
    expect(showDate('2025-10-31T08:00:00Z', 'da')).toBe('31-10-2025');
    expect(showDate('2025-10-31', 'en')).toBe('2025-10-31');
    expect(showDate('i marts', 'da')).toBe('i marts');
  });
});

describe('the loader in Danish', () => {
  it('words size and server refusals in Danish, without internal names', () => {
    setLang('da');
    expect(checkArticleSize('x'.repeat(3 * 1024 * 1024))).toMatch(
      /^Denne artikel fylder 3,0 MB; en artikel må højst fylde 2,0 MB/,
    );
    expect(loadErrorMessage(new ApiError('BAD_USER_INPUT', 'x (NEWSGRAPH_MAX_ARTICLE_BYTES)', 'TEXT_TOO_LARGE'))).toBe(
      'Artiklen er større end 2,0 MB. Indlæs én artikel ad gangen.',
    );
    const notDanish = new ApiError('BAD_USER_INPUT', 'GraphQL input: this article reads as English', 'NOT_DANISH');
    expect(loadErrorMessage(notDanish)).toMatch(/^Artiklen ser ikke ud til at være på dansk/);
    const badDate = new ApiError('BAD_USER_INPUT', 'input.publishedAt "x" is not a date', undefined, {
      argument: 'input.publishedAt',
    });
    expect(loadErrorMessage(badDate)).toMatch(/^Datoen kunne ikke læses/);
    const http = new ApiError('HTTP_ERROR', 'https://a.example/: the site answered HTTP 404', undefined, {
      status: 404,
    });
    expect(loadErrorMessage(http)).toBe(
      'Sitet svarede HTTP 404: siden kunne ikke hentes. Tjek adressen, eller indsæt artiklens tekst. (HTTP_ERROR)',
    );
    const unknown = loadErrorMessage(new ApiError('BAD_USER_INPUT', 'GraphQL input: something else (NEWSGRAPH_X)'));
    expect(unknown).not.toMatch(/GraphQL input|NEWSGRAPH_|something/);
  });
});

describe('asking for the title', () => {
  it('asks when the first line reads as a sentence or holds a date, not for a headline', () => {
    expect(titleQuestion('Huawei får ny chef i Danmark\n\nBrødtekst her.')).toBeNull();
    expect(titleQuestion('URL: https://a.example/x\n\nHuawei får ny chef\n\nBrødtekst.')).toBeNull();
    expect(titleQuestion('')).toBeNull();
    expect(looksLikeSentence('Huawei har ansat en ny direktør.')).toBe(true);
    expect(looksLikeSentence(`Det er ${'meget '.repeat(15)}langt`)).toBe(true);
    expect(looksLikeSentence('Huawei får ny chef…')).toBe(false);

    expect(titleQuestion('Huawei har i dag ansat en ny direktør for Norden.\n\nHan kommer fra Ericsson.')).toEqual({
      why: 'sentence',
      title: '',
      date: null,
    });
    expect(titleQuestion('Dato: 2025-03-12\n\nHuawei har ansat en ny direktør.\nMere tekst.')).toEqual({
      why: 'sentence',
      title: '',
      date: '2025-03-12',
    });
    expect(titleQuestion('København, 12. marts 2025\nHuawei får ny chef\n\nHuawei har ansat en ny direktør.')).toEqual({
      why: 'date',
      title: 'Huawei får ny chef',
      date: '2025-03-12',
    });
    expect(titleQuestion('12.03.2025: Huawei har fået en ny direktør, som skal lede salget.\nMere.')?.date).toBe(
      '2025-03-12',
    );
  });
});
