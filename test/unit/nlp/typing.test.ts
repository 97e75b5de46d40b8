// Mention finding and typing on real seed sentences and tricky own cases (rules only: the tagger is tested elsewhere).
import { describe, expect, it } from 'vitest';
import type { Section, Sentence } from '../../../server/model.ts';
import { detectMentions } from '../../../server/nlp/mentions.ts';
import { typeMentions } from '../../../server/nlp/typing.ts';

function typed(text: string, section: Section = 'body') {
  const sentences: Sentence[] = [{ index: 0, text, section, start: 0 }];
  return typeMentions(detectMentions(sentences, null)).map((m) => ({
    text: m.text,
    type: m.type,
    canonical: m.canonical ?? null,
  }));
}

describe('government phrases', () => {
  it('reads nationality + state noun as the state itself', () => {
    expect(typed('Den amerikanske regering har indgået en aftale med Xiaomi.')).toContainEqual({
      text: 'Den amerikanske regering',
      type: 'Government',
      canonical: 'USA',
    });
    expect(typed('Selskaberne har bånd til det kinesiske militær.')).toContainEqual({
      text: 'det kinesiske militær',
      type: 'Government',
      canonical: 'Kina',
    });
    expect(typed('Ifølge de amerikanske myndigheder er det et problem.')).toContainEqual({
      text: 'de amerikanske myndigheder',
      type: 'Government',
      canonical: 'USA',
    });
  });

  it('reads "Trump-regeringen" as the state the leader heads', () => {
    expect(typed('Sortlisten blev indført af Trump-regeringen.')).toContainEqual({
      text: 'Trump-regeringen',
      type: 'Government',
      canonical: 'USA',
    });
  });

  it('makes ministries and courts institutions of their state, not the state', () => {
    const m = typed('Nyheden er leveret af det amerikanske handelsministerium.');
    expect(m).toContainEqual({
      text: 'det amerikanske handelsministerium',
      type: 'Government',
      canonical: 'det amerikanske handelsministerium',
    });
    expect(typed('Xiaomi fik medhold ved en amerikansk distriktsdomstol.')).toContainEqual({
      text: 'en amerikansk distriktsdomstol',
      type: 'Government',
      canonical: 'amerikansk distriktsdomstol',
    });
    expect(typed('Kinas udenrigsministerium kritiserer beslutningen.')).toContainEqual({
      text: 'Kinas udenrigsministerium',
      type: 'Government',
      canonical: 'Kinas udenrigsministerium',
    });
  });

  it('does not make a state of a plain nationality adjective', () => {
    expect(typed('Amerikanske virksomheder må igen sælge udstyr til kinesiske Huawei.')).toEqual([
      { text: 'Huawei', type: 'Company', canonical: 'Huawei' },
    ]);
  });
});

describe('typing by context', () => {
  it('types a name after a shop, bank, brewery or shipping-line noun as a company', () => {
    for (const cue of ['netbutikken', 'banken', 'bryggeriet', 'rederiet', 'sparekassen', 'webshoppen', 'konkurrent'])
      expect(typed(`Koncernen har købt ${cue} Ravnholt.`).map((m) => `${m.text}/${m.type}`)).toEqual([
        'Ravnholt/Company',
      ]);
  });

  it('types companies by legal form, cue nouns and "hos"', () => {
    expect(typed('Det oplyser Nordlys Data ApS i en meddelelse.')).toContainEqual({
      text: 'Nordlys Data ApS',
      type: 'Company',
      canonical: null,
    });
    expect(typed('Det norske softwarehus Kvernland køber et dansk firma.')).toContainEqual({
      text: 'Kvernland',
      type: 'Company',
      canonical: null,
    });
    expect(typed('Det var nyhedsbureauet Reuters, der kunne fortælle det.')).toContainEqual({
      text: 'Reuters',
      type: 'Company',
      canonical: 'Reuters',
    });
  });

  it('types universities and associations as Organization and public bodies as Government', () => {
    expect(typed('Forskere fra Roskilde Universitet og Dansk Erhverv er uenige.').map((m) => m.type)).toEqual([
      'Organization',
      'Organization',
    ]);
    expect(typed('Sagen er sendt til Kulturministeriet.')).toContainEqual({
      text: 'Kulturministeriet',
      type: 'Government',
      canonical: null,
    });
    expect(typed('Byretten i Aalborg gav selskabet medhold.')).toContainEqual({
      text: 'Byretten i Aalborg',
      type: 'Government',
      canonical: null,
    });
    expect(typed('Trump deltog i G20-møde i Japan.')).toContainEqual({
      text: 'G20',
      type: 'Organization',
      canonical: 'G20',
    });
  });

  it('types by the noun before the name: associations, think tanks, authorities', () => {
    expect(typed('Det mener brancheforeningen Dansk IT-Forum.')).toContainEqual({
      text: 'Dansk IT-Forum',
      type: 'Organization',
      canonical: null,
    });
    expect(typed('Sagen undersøges af tilsynsmyndigheden Nordisk Spilletilsyn.')).toContainEqual({
      text: 'Nordisk Spilletilsyn',
      type: 'Government',
      canonical: null,
    });
  });

  it('types persons after titles', () => {
    expect(typed('Huaweis danske landechef, Ren Ke, sagde noget.')).toContainEqual({
      text: 'Ren Ke',
      type: 'Person',
      canonical: null,
    });
    expect(typed('Her mødtes han med den kinesiske præsident Xi Jinping.')).toContainEqual({
      text: 'Xi Jinping',
      type: 'Person',
      canonical: 'Xi Jinping',
    });
  });

  it('keeps only places and known names inside Navnenyt duties and titles', () => {
    const m = typed(
      'Han skal især beskæftige sig med teknisk support og salg inden for FTTx/Telecom i Jylland og på Fyn.',
      'people-news',
    );
    expect(m).toEqual([
      { text: 'Jylland', type: 'Place', canonical: 'Jylland' },
      { text: 'Fyn', type: 'Place', canonical: 'Fyn' },
    ]);
    expect(
      typed('Han kommer fra en stilling som Head of Nordic Operations Center hos Nexi Group.', 'people-news'),
    ).toEqual([{ text: 'Nexi Group', type: 'Company', canonical: null }]);
  });

  it('keeps a sentence-initial full name led by a known first name', () => {
    expect(typed('Mette Kirk siger, at markedet er presset.')).toContainEqual({
      text: 'Mette Kirk',
      type: 'Person',
      canonical: null,
    });
  });

  it('keeps a sentence-initial name led by its kind word', () => {
    expect(typed('Region Nordjylland har pålagt leverandøren en bod.')).toContainEqual({
      text: 'Region Nordjylland',
      type: 'Government',
      canonical: null,
    });
    expect(typed('Institut Pasteur har fundet en ny vaccine.').map((m) => m.type)).toEqual(['Organization']);
  });

  it('keeps sentence-initial public bodies named by a compound, not the bare kind noun', () => {
    expect(typed('Konkurrenceankenævnet har stadfæstet afgørelsen.').map((m) => m.type)).toEqual(['Government']);
    expect(typed('Statsrevisorerne kritiserer forløbet.').map((m) => m.type)).toEqual(['Government']);
    expect(typed('Nævnet har stadfæstet afgørelsen.')).toEqual([]);
    expect(typed('Politiet efterforsker sagen.')).toEqual([]);
  });

  it("types an unknown name with a country after it as a company's national unit", () => {
    expect(typed('Myndigheden politianmeldte i fjor Brennvik Danmark for skjulte gebyrer.')).toContainEqual({
      text: 'Brennvik Danmark',
      type: 'Company',
      canonical: null,
    });
  });

  it('keeps English "<kind> of <what>" names whole, typed by their kind', () => {
    expect(typed('Sanktionen kommer fra Bureau of Consumer Protection under ministeriet.')).toContainEqual({
      text: 'Bureau of Consumer Protection',
      type: 'Government',
      canonical: null,
    });
    expect(typed('Hun har en ph.d. fra University of Edinburgh.')).toContainEqual({
      text: 'University of Edinburgh',
      type: 'Organization',
      canonical: null,
    });
  });

  it('knows the companies, public bodies and courts Danish business news names most', () => {
    expect(typed('Pandora ejes delvist af kapitalfonden Axcel.').map((m) => `${m.text}/${m.type}`)).toEqual([
      'Pandora/Company',
      'Axcel/Company',
    ]);
    expect(typed('Netcompany har fået en kontrakt med Skatteforvaltningen.').map((m) => m.type)).toEqual([
      'Company',
      'Government',
    ]);
  });

  it("keeps a listed company's national unit apart from the company", () => {
    expect(typed('Ordren gik til Microsoft Danmark i går.').map((m) => `${m.text}/${m.type}`)).toEqual([
      'Microsoft Danmark/Company',
    ]);
    expect(typed('Ordren gik til Nvidia Danmark i går.').map((m) => `${m.text}/${m.type}`)).toEqual([
      'Nvidia Danmark/Company',
    ]);
    expect(typed('Telenor Danmark er ejet af Telenor.').map((m) => `${m.text}/${m.type}`)).toEqual([
      'Telenor Danmark/Company',
      'Telenor/Company',
    ]);
    // Only a country after the name makes a unit: "SAS AFVISER" (a headline) is SAS.
    expect(typed('SAS AFVISER nye krav').map((m) => m.text)).toEqual(['SAS']);
  });

  it('drops sentence-initial common words and stray capitals', () => {
    expect(typed('Sortlisten blev indført for længe siden.')).toEqual([]);
    expect(typed('Eksempelvis ville det betyde noget.')).toEqual([]);
  });

  it('catches typos of well-known names', () => {
    expect(typed('Eksempelvis ville det ifølge Blooomberg betyde noget.')).toContainEqual({
      text: 'Blooomberg',
      type: 'Company',
      canonical: 'Bloomberg',
    });
  });
});

describe('article-level company consistency', () => {
  it('types a "person" named like a company, or the first word of a company named in the article, as that company', async () => {
    const { companyConsistency } = await import('../../../server/nlp/typing.ts');
    const base = {
      sentenceIndex: 0,
      start: 0,
      end: 0,
      source: 'tagger',
      label: 'PER',
      sentenceInitial: false,
      media: false,
      confidence: 0.8,
      evidence: 'context',
    };
    const mk = (text: string, type: string) =>
      ({ ...base, text, type }) as unknown as Parameters<typeof companyConsistency>[0][number];
    const out = companyConsistency([
      mk('Kvantera Microelectronics', 'Company'),
      mk('Kvantera', 'Person'),
      mk('Kystlinje Robotics', 'Person'),
      mk('Mette Holm', 'Person'),
    ]);
    expect(out.map((m) => [m.text, m.type, m.canonical ?? null])).toEqual([
      ['Kvantera Microelectronics', 'Company', null],
      ['Kvantera', 'Company', 'Kvantera Microelectronics'],
      ['Kystlinje Robotics', 'Company', null],
      ['Mette Holm', 'Person', null],
    ]);
  });
});

describe('kinds of body read off compound endings', () => {
  const typeOf = (sentence: string, name: string) => typed(sentence).find((m) => m.text === name)?.type;

  it('reads public bodies from their last compound part, Danish or neighbouring languages', () => {
    expect(
      typeOf('Sagen ligger nu hos Ankenævnet for Byggeri, siger Tvistløsningsnævnet.', 'Tvistløsningsnævnet'),
    ).toBe('Government');
    expect(typeOf('I en ny rapport kritiserer Rigsrevisionen forløbet.', 'Rigsrevisionen')).toBe('Government');
    expect(typeOf('Også Dataskyddsmyndigheten i Stockholm har kigget på sagen.', 'Dataskyddsmyndigheten')).toBe(
      'Government',
    );
    expect(typeOf('Patentet blev senere underkendt af Bundespatentgericht.', 'Bundespatentgericht')).toBe('Government');
  });

  it('reads associations, hospitals and funds as organisations, a capital fund as a company', () => {
    expect(typeOf('Det oplyser Fynbohospitalet i en pressemeddelelse.', 'Fynbohospitalet')).toBe('Organization');
    expect(typeOf('Bag projektet står Lønstrup Sparekassefond.', 'Lønstrup Sparekassefond')).toBe('Organization');
    expect(typeOf('Det mener formanden for Nordisk Tagdækkerforbund.', 'Nordisk Tagdækkerforbund')).toBe(
      'Organization',
    );
    expect(typeOf('Nu har kapitalfonden Grenlund Kapital købt hele selskabet.', 'Grenlund Kapital')).toBe('Company');
  });
});
