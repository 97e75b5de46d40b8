// The learned relation layer: the corpus format, the model file (reproducible, and refused with the fix when bad),
// and the constructions it was built to read, on sentences written for these tests.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { relationModelProblem } from '../../../server/cli/preflight.ts';
import { extractArticle } from '../../../server/ingest/extract.ts';
import { EVENT_LABELS, EVENT_MODEL_SPEC } from '../../../server/nlp/events/model.ts';
import { serializeModel } from '../../../server/nlp/linear.ts';
import {
  type CorpusSentence,
  candidatePairs,
  sentencesFromAnnotation,
  validateSentence,
} from '../../../server/nlp/relations/corpus.ts';
import {
  DEFAULT_EVENT_MODEL_PATH,
  DEFAULT_RELATION_MODEL_PATH,
  loadRelationModel,
} from '../../../server/nlp/relations/load.ts';
import { RELATION_LABELS, RELATION_MODEL_SPEC } from '../../../server/nlp/relations/model.ts';
import {
  DEFAULT_TRAIN_OPTIONS,
  loadAnnotations,
  loadCorpus,
  trainEventWeights,
  trainWeights,
} from '../../../server/nlp/relations/train.ts';

function sentence(over: Partial<CorpusSentence>): CorpusSentence {
  return {
    id: 's',
    source: 'test',
    tokens: ['Anne', 'Holm', 'mødtes', 'med', 'Bo', 'Lund', 'i', 'Vejle', '.'],
    text: '',
    entities: [
      { start: 0, end: 2, text: 'Anne Holm', type: 'Person' },
      { start: 4, end: 6, text: 'Bo Lund', type: 'Person' },
      { start: 7, end: 8, text: 'Vejle', type: 'Place' },
    ],
    relations: [{ from: 0, to: 1, type: 'MEETS' }],
    ...over,
  };
}

describe('relation corpus', () => {
  it('makes every ordered pair of distinct entities a candidate, a symmetric relation labelling both orders', () => {
    const pairs = candidatePairs(sentence({}));
    const entityPairs = pairs.filter((p) => p.from !== 'ARTICLE');
    expect(entityPairs).toHaveLength(6);
    expect(pairs.filter((p) => p.from === 'ARTICLE')).toHaveLength(3);
    expect(
      entityPairs
        .filter((p) => p.label === 'MEETS')
        .map((p) => `${p.from}>${p.to}`)
        .sort(),
    ).toEqual(['0>1', '1>0']);
    expect(entityPairs.filter((p) => p.label === 'NONE')).toHaveLength(4);
  });

  it('leaves Other spans and two spans of one entity out of the candidates', () => {
    const s = sentence({
      entities: [
        { start: 0, end: 2, text: 'Anne Holm', type: 'Person', entity: 'Anne Holm' },
        { start: 4, end: 6, text: 'Bo Lund', type: 'Other' },
        { start: 7, end: 8, text: 'Vejle', type: 'Person', entity: 'Anne Holm' },
      ],
      relations: [],
    });
    expect(candidatePairs(s).filter((p) => p.from !== 'ARTICLE')).toEqual([]);
  });

  it('finds what is wrong with a record', () => {
    expect(validateSentence(sentence({}))).toEqual([]);
    const bad = validateSentence(
      sentence({
        relations: [
          { from: 0, to: 5, type: 'OWNS' },
          { from: 'ARTICLE', to: 0, type: 'HEADS' },
        ],
      }),
    );
    expect(bad.join('\n')).toMatch(/missing entity/);
    expect(bad.join('\n')).toMatch(/only CITES comes from ARTICLE/);
  });

  it('maps an article annotation onto the tokens, a genitive mention taking its whole token', () => {
    const [s] = sentencesFromAnnotation(
      {
        article: 'a.txt',
        entities: [
          { name: 'Nordhavn Shipping', type: 'Company' },
          { name: 'Mikkel Brandt', type: 'Person' },
        ],
        sentences: [
          {
            text: 'Nordhavns topchef, Mikkel Brandt, er glad.',
            mentions: [
              { text: 'Nordhavn', entity: 'Nordhavn Shipping' },
              { text: 'Mikkel Brandt', entity: 'Mikkel Brandt' },
            ],
            relations: [{ from: 'Mikkel Brandt', type: 'HEADS', to: 'Nordhavn Shipping' }],
          },
        ],
        events: [],
      },
      'a',
    );
    expect(s.tokens.slice(s.entities[0].start, s.entities[0].end)).toEqual(['Nordhavns']);
    expect(s.tokens.slice(s.entities[1].start, s.entities[1].end)).toEqual(['Mikkel', 'Brandt']);
    expect(s.relations).toEqual([{ from: 1, to: 0, type: 'HEADS' }]);
  });
});

describe('relation model file', () => {
  it('is rebuilt byte for byte from the corpus by the training command', () => {
    const train = loadCorpus('train');
    const features = trainWeights([...train.danplus, ...train.articles].flatMap(candidatePairs));
    const committed = readFileSync(DEFAULT_RELATION_MODEL_PATH, 'utf8');
    const info = JSON.parse(
      committed
        .split('\n')[1]
        .replace(/^"info":/, '')
        .replace(/,$/, ''),
    );
    expect(info.options).toEqual(DEFAULT_TRAIN_OPTIONS);
    expect(serializeModel(RELATION_MODEL_SPEC.format, RELATION_LABELS, features, info)).toBe(committed);
  }, 120_000);

  it('the event model is rebuilt byte for byte too', () => {
    const committed = readFileSync(DEFAULT_EVENT_MODEL_PATH, 'utf8');
    const info = JSON.parse(
      committed
        .split('\n')[1]
        .replace(/^"info":/, '')
        .replace(/,$/, ''),
    );
    const features = trainEventWeights(loadAnnotations('train'));
    expect(serializeModel(EVENT_MODEL_SPEC.format, EVENT_LABELS, features, info)).toBe(committed);
  }, 120_000);

  it('is refused with the file and the fix when it is missing, corrupt or of another model', () => {
    const dir = mkdtempSync(join(tmpdir(), 'newsgraph-model-'));
    expect(relationModelProblem(join(dir, 'absent.json'))).toMatch(
      /Cannot read the relation model at .*absent\.json.*npm run train:relations/,
    );
    writeFileSync(join(dir, 'cut.json'), '{"format":"newsgraph-relation-model","version":1,"lab');
    expect(relationModelProblem(join(dir, 'cut.json'))).toMatch(/not valid JSON.*npm run train:relations/);
    writeFileSync(
      join(dir, 'other.json'),
      JSON.stringify({
        format: 'newsgraph-relation-model',
        version: 1,
        labels: ['NONE', 'OWNS'],
        info: {},
        features: [],
      }),
    );
    expect(relationModelProblem(join(dir, 'other.json'))).toMatch(/labels that do not match.*npm run train:relations/);
    writeFileSync(
      join(dir, 'nan.json'),
      JSON.stringify({
        format: 'newsgraph-relation-model',
        version: 1,
        labels: RELATION_LABELS,
        info: {},
        features: [['bias', [0, 'x']]],
      }),
    );
    expect(relationModelProblem(join(dir, 'nan.json'))).toMatch(/malformed weights/);
    expect(relationModelProblem(undefined, join(dir, 'absent.json'))).toMatch(
      /Cannot read the event model at .*absent\.json.*npm run train:relations/,
    );
    expect(relationModelProblem()).toBeNull();
  });

  it('loads the committed model once and shares it', () => {
    expect(loadRelationModel()).toBe(loadRelationModel());
  });
});

/** The typed relations extraction finds in one sentence (with the committed NER and relation models). */
function relations(body: string): string[] {
  const graph = extractArticle({ text: `Titel\n\n${body}` });
  const name = (id: string) => (id === 'ARTICLE' ? 'ARTICLE' : (graph.entities.find((e) => e.id === id)?.name ?? id));
  return graph.relations
    .filter((r) => r.type !== 'CO_MENTIONED')
    .map((r) => `${name(r.fromId)} ${r.type} ${name(r.toId)}`);
}

describe('constructions the learned layer and its rules read', () => {
  it('party letters after a politician: MEMBER_OF the party', () => {
    expect(relations('Troels Lund Poulsen (V) kalder forslaget uansvarligt.')).toContain(
      'Troels Lund Poulsen MEMBER_OF Venstre',
    );
    expect(relations('Debatten blev ført af Signe Munk (SF) og Mads Fuglede (DD).')).toEqual(
      expect.arrayContaining([
        'Signe Munk MEMBER_OF Socialistisk Folkeparti',
        'Mads Fuglede MEMBER_OF Danmarksdemokraterne',
      ]),
    );
  });

  it('an outlet named by its kind ("fagbladet X") is a medium the article cites', () => {
    expect(relations('Det oplyser fagbladet Revisorposten.')).toContain('ARTICLE CITES Revisorposten');
  });

  it('an authority acting on a region or a municipality: REGULATES', () => {
    expect(relations('Datatilsynet har givet Region Hovedstaden et påbud om at slette oplysningerne.')).toContain(
      'Datatilsynet REGULATES Region Hovedstaden',
    );
  });

  it('a contract with a municipality: SUPPLIES', () => {
    expect(relations('Byggefirmaet Stenholt har indgået en kontrakt med Aalborg Kommune om nye skoler.')).toContain(
      'Stenholt SUPPLIES Aalborg Kommune',
    );
  });

  it('"ejet af": the owner OWNS the company', () => {
    expect(relations('Rederiet Havlys er ejet af kapitalfonden Nordkap Partners.')).toContain(
      'Nordkap Partners OWNS Havlys',
    );
  });

  it('an apposition without genitive: "Vestas-topchef Henrik Andersen" HEADS Vestas', () => {
    expect(relations('Vestas-topchef Henrik Andersen afviser kritikken.')).toContain('Henrik Andersen HEADS Vestas');
  });

  it('a departure: FORMERLY_AT', () => {
    expect(relations('Lars Holm har forladt sin stilling som økonomidirektør i Nordea.')).toContain(
      'Lars Holm FORMERLY_AT Nordea',
    );
  });

  it('an institution named again by its head noun ("styrelsen", "kommunen") takes part as itself', () => {
    // Only the second sentence relates them, and it names the authority by its head noun alone.
    const reported = relations(
      'Erhvervsstyrelsen har udgivet en ny vejledning om hvidvask. Revisorerne i Kornfeldt Revision er nu blevet politianmeldt af styrelsen.',
    );
    expect(reported.some((r) => /^Erhvervsstyrelsen (REGULATES|SANCTIONS) Kornfeldt Revision$/.test(r))).toBe(true);
    const supplier = relations(
      'Lejre Kommune har brugt millioner på konsulenter. Nu har kommunen valgt Vestkyst Rådgivning A/S som ny leverandør.',
    );
    expect(supplier).toContain('Vestkyst Rådgivning A/S SUPPLIES Lejre Kommune');
  });

  it('a person named by "han" in a later sentence is paired with the organisation there', () => {
    expect(relations('Mikkel Vestergaard taler på konferencen. Han er direktør i Fjordbyg A/S.')).toContain(
      'Mikkel Vestergaard EMPLOYED_BY Fjordbyg A/S',
    );
  });

  it('a phone call: MEETS', () => {
    expect(
      relations('Statsminister Mette Frederiksen talte i telefon med Tysklands kansler, Friedrich Merz.'),
    ).toContain('Mette Frederiksen MEETS Friedrich Merz');
  });
});

/** The events extraction finds in one sentence, as "KIND: name/role, …". */
function events(body: string): string[] {
  const graph = extractArticle({ text: `Dato: 2026-03-04\n\nTitel\n\n${body}` });
  const name = (id: string) => graph.entities.find((e) => e.id === id)?.name ?? id;
  return graph.events.map((e) => `${e.kind}: ${e.participants.map((p) => `${name(p.entityId)}/${p.role}`).join(', ')}`);
}

describe('events the learned layer reads beyond the rules', () => {
  it('a fine from an authority: FINE, the authority the agent', () => {
    expect(
      events('Konkurrence- og Forbrugerstyrelsen har givet byggefirmaet Brøndum Entreprise en bøde på 4 mio. kr.'),
    ).toContain('FINE: Konkurrence- og Forbrugerstyrelsen/agent, Brøndum Entreprise/target');
  });

  it('an investigation opened: INVESTIGATION', () => {
    expect(events('Finanstilsynet har indledt en undersøgelse af Vendelbo Bank.')).toContain(
      'INVESTIGATION: Finanstilsynet/agent, Vendelbo Bank/target',
    );
  });

  it('a degree: GRADUATED, with the date words kept', () => {
    const graph = extractArticle({
      text: 'Dato: 2026-03-04\n\nTitel\n\nMads Holm blev i juni uddannet cand.polyt. fra DTU.',
    });
    const graduated = graph.events.find((e) => e.kind === 'GRADUATED');
    expect(graduated?.dateText).toBe('i juni');
    expect(graduated?.participants).toHaveLength(2);
  });
});

/** The entities full extraction (the tagger included) finds in a text, as "name/type". */
function entities(body: string): string[] {
  return extractArticle({ text: `Titel\n\n${body}` }).entities.map((e) => `${e.name}/${e.type}`);
}

describe('names the pairs hang on', () => {
  it('leaves a capitalised common noun opening the sentence out of the name that follows it', () => {
    expect(entities('Sportstøjsfirmaet Skarv Sport leverer nye trøjer til klubben.')).toContain('Skarv Sport/Company');
    expect(entities('Konkurrenten Nørreå Byg fik ingen af opgaverne.')).toContain('Nørreå Byg/Company');
  });

  it('keeps a company whose legal form ends the run whole, though it opens with a place name', () => {
    const found = entities('Holbæk Kommune har valgt Ravnsborg IT A/S som ny leverandør af økonomisystemer.');
    expect(found).toContain('Ravnsborg IT A/S/Company');
    expect(found).not.toContain('Ravnsborg/Place');
  });

  it('keeps a name particle inside a titled name and drops a "By-virksomheden" compound before a firm', () => {
    expect(entities('Den belgiske udenrigsminister, Anne van der Berg, besøger København.')).toContain(
      'Anne van der Berg/Person',
    );
    const found = entities('Ifølge Vejle-firmaet Trådløst Hus ApS er ordrebogen fuld.');
    expect(found).toContain('Trådløst Hus ApS/Company');
    expect(found.some((e) => e.startsWith('Vejle-firmaet'))).toBe(false);
  });

  it('reads "delstaten X" as a state acting', () => {
    expect(entities('Delstaten Oregon har stævnet selskabet bag appen Snapfisk.')).toContain('Oregon/Government');
  });

  it('joins names written with a shared ending ("Sø- og Handelsretten")', () => {
    const found = entities(
      'Klagen er nu sendt videre til Erhvervs- og Vækststyrelsen, der venter på Sø- og Handelsretten.',
    );
    expect(found).toEqual(
      expect.arrayContaining(['Erhvervs- og Vækststyrelsen/Government', 'Sø- og Handelsretten/Government']),
    );
    expect(found.some((e) => e.startsWith('Sø-/') || e.startsWith('Handelsretten/'))).toBe(false);
  });

  it('splits a tagged span at a link no name holds ("X hos Y A/S", "X i Y-ministeriet")', () => {
    const found = entities(
      'Hun kom fra en stilling som chef for Norden hos Fjeldkode A/S. Før det var hun rådgiver for Gravna i Skatteministeriet.',
    );
    expect(found).toEqual(expect.arrayContaining(['Fjeldkode A/S/Company', 'Skatteministeriet/Government']));
    expect(found.some((e) => e.includes(' hos ') || e.includes(' i Skatte'))).toBe(false);
    expect(entities('Sagen blev ført ved Retten i Holbæk i sidste uge.')).toContain('Retten i Holbæk/Government');
  });

  it('finds a name opening a sentence when its legal form or kind word says it is one', () => {
    expect(entities('Skovlund Byg ApS har vundet udbuddet. Bjergby IF har fået ny træner.')).toEqual(
      expect.arrayContaining(['Skovlund Byg ApS/Company', 'Bjergby IF/Organization']),
    );
  });

  it('reads a name that starts with a digit where its context says what it is ("fagforbundet 3F")', () => {
    const found = entities('Fagforbundet 3F kritiserer platformen Cykelbud ApS. Nettet skal bygges om til 5G.');
    expect(found).toContain('3F/Organization');
    expect(found.some((e) => e.startsWith('5G/'))).toBe(false);
  });

  it('keeps a parent with its own legal form apart from its national subsidiary', () => {
    const found = entities('Det mener Tindral Inc. også. Datterselskabet Tindral Danmark ApS ligger i Hellerup.');
    expect(found).toEqual(expect.arrayContaining(['Tindral Inc./Company', 'Tindral Danmark ApS/Company']));
  });

  it('leaves a genitive "\'s" out of the name and reads no kind off a name standing before a person', () => {
    const found = entities("Sønderå HK's træner skifter klub. Det siger kontorchef i Trafikstyrelsen Mette Lund.");
    expect(found).toEqual(expect.arrayContaining(['Sønderå HK/Organization', 'Mette Lund/Person']));
  });

  it('leaves a sentence adverb opening the sentence out of the name after it ("Ligesom Huawei har …")', () => {
    const found = entities('Ligesom Vindel Digital A/S har Huawei investeret kraftigt i nye datacentre.');
    expect(found).toContain('Vindel Digital A/S/Company');
    expect(found.some((e) => e.startsWith('Ligesom'))).toBe(false);
  });

  it('types a sports club as an organisation', () => {
    expect(entities('Brøndby IF har hentet en ny angriber fra FC Midtjylland.')).toEqual(
      expect.arrayContaining(['Brøndby IF/Organization', 'FC Midtjylland/Organization']),
    );
  });
});

describe('events that follow the relations and the job words', () => {
  it('a departure told with "han" takes the employer named for him before', () => {
    expect(
      events(
        'Jonas Brandt er økonomidirektør i Vestjysk Møbler A/S. Han fratrådte i januar efter uenighed med bestyrelsen.',
      ),
    ).toContain('DEPARTED: Vestjysk Møbler A/S/other, Jonas Brandt/agent');
  });

  it('a public body hires too', () => {
    expect(events('Karin Lund har sagt ja til en stilling som kontorchef i Energistyrelsen.')).toContain(
      'HIRED: Energistyrelsen/agent, Karin Lund/target',
    );
  });

  it('a degree, an investigation and a contract follow EDUCATED_AT, REGULATES and SUPPLIES', () => {
    expect(events('Peter Holm er blevet cand.merc. fra Copenhagen Business School.')).toContain(
      'GRADUATED: Copenhagen Business School/agent, Peter Holm/target',
    );
    expect(
      events('Datatilsynet undersøger nu, om Region Nordjylland har passet godt nok på patienternes data.'),
    ).toContain('INVESTIGATION: Datatilsynet/agent, Region Nordjylland/target');
    expect(
      events('Kystbyg A/S har vundet en kontrakt på 40 mio. kr. om renovering af skoler i Ishøj Kommune.'),
    ).toContain('CONTRACT: Kystbyg A/S/agent, Ishøj Kommune/target');
  });
});

describe('a title compounded with the short form of an organisation', () => {
  it('relates "Myntbro-formand X" to the organisation the article names in full', () => {
    const graph = extractArticle({
      text: 'Titel\n\nKlitfang Fiskeeksport A/S har skiftet ledelse. "Vi er klar," siger Klitfang-formand Signe Tvede.',
    });
    const name = new Map(graph.entities.map((e) => [e.id, e.name]));
    const typed = graph.relations
      .filter((r) => r.type !== 'CO_MENTIONED')
      .map((r) => `${name.get(r.fromId)} ${r.type} ${name.get(r.toId)}`);
    expect(typed).toContain('Signe Tvede HEADS Klitfang Fiskeeksport A/S');
  });
});

describe('a place compounded with the kind of body', () => {
  it('locates the body named after "Holbæk-klubben" or referred to by "Hørsholm-virksomheden"', () => {
    const graph = extractArticle({
      text: 'Titel\n\nHolbæk har fået ny hal. Holbæk-klubben Tuse IF har fået en sponsor. Nordvig Biotek A/S sælger aktier. Mange biotekfirmaer ligger i Vedbæk. Ejeren af Vedbæk-virksomheden er tilfreds.',
    });
    const name = new Map(graph.entities.map((e) => [e.id, e.name]));
    const located = graph.relations
      .filter((r) => r.type === 'LOCATED_IN')
      .map((r) => `${name.get(r.fromId)} > ${name.get(r.toId)}`);
    expect(located).toEqual(expect.arrayContaining(['Tuse IF > Holbæk', 'Nordvig Biotek A/S > Vedbæk']));
  });
});

describe('careers told outside Navnenyt', () => {
  const typedOf = (body: string) => {
    const graph = extractArticle({ text: `Titel\n\n${body}` });
    const name = new Map(graph.entities.map((e) => [e.id, e.name]));
    return graph.relations
      .filter((r) => r.type !== 'CO_MENTIONED')
      .map((r) => `${name.get(r.fromId)} ${r.type} ${name.get(r.toId)}`);
  };

  it('reads degrees after a name, a pronoun or "den 52-årige", each from its own school', () => {
    const found = typedOf(
      'Karen Vestergaard bliver ny økonomidirektør i Rødby Havn A/S. Den 52-årige er uddannet cand.polit. fra Københavns Universitet og har en MBA fra Henley Business School.',
    );
    expect(found).toEqual(
      expect.arrayContaining([
        'Karen Vestergaard EDUCATED_AT Københavns Universitet',
        'Karen Vestergaard EDUCATED_AT Henley Business School',
      ]),
    );
  });

  it('reads a former role and a list of people who all left', () => {
    const found = typedOf(
      'Jens Lykke var tidligere salgschef hos Brabrand Fliser A/S. Det drejer sig om Anna Holt og Bo Friis, som alle har sagt op hos Kærgaard Rådgivning ApS.',
    );
    expect(found).toEqual(
      expect.arrayContaining([
        'Jens Lykke FORMERLY_AT Brabrand Fliser A/S',
        'Anna Holt FORMERLY_AT Kærgaard Rådgivning ApS',
        'Bo Friis FORMERLY_AT Kærgaard Rådgivning ApS',
      ]),
    );
  });
});

describe('local offices', () => {
  it('relates a councillor and a mayor to the municipality the article names', () => {
    const graph = extractArticle({
      text: 'Titel\n\nSorø Kommune vil bygge en ny skole. Byrådsmedlem Lise Krogh (SF) kritiserer planen, mens Hans Lind (V) bliver ny borgmester.',
    });
    const name = new Map(graph.entities.map((e) => [e.id, e.name]));
    const typed = graph.relations.map((r) => `${name.get(r.fromId)} ${r.type} ${name.get(r.toId)}`);
    expect(typed).toEqual(
      expect.arrayContaining(['Lise Krogh MEMBER_OF Sorø Kommune', 'Hans Lind HEADS Sorø Kommune']),
    );
  });
});

describe('head or staff by the title', () => {
  it('makes a field before a head title a department chief, not the head', () => {
    const graph = extractArticle({
      text: 'Titel\n\nDet siger Karen Bro, handelspolitisk chef i Vestjysk Erhverv. Pia Holm, der er administrerende direktør i Vindbo A/S, er enig.',
    });
    const name = new Map(graph.entities.map((e) => [e.id, e.name]));
    const typed = graph.relations.map((r) => `${name.get(r.fromId)} ${r.type} ${name.get(r.toId)}`);
    expect(typed).toEqual(
      expect.arrayContaining(['Karen Bro EMPLOYED_BY Vestjysk Erhverv', 'Pia Holm HEADS Vindbo A/S']),
    );
  });
});
