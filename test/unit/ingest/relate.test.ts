// Relation and event patterns on real seed sentences and own tricky cases (rules only, so the result does not depend on the tagger model).
import { describe, expect, it } from 'vitest';
import type { ArticleBatch } from '../../../server/db/index.ts';
import { combineProperties } from '../../../server/db/merge-plan.ts';
import { foldArticleBatches } from '../../../server/ingest/bulk/fold.ts';
import { extractArticle } from '../../../server/ingest/extract.ts';
import { buildArticleBatch } from '../../../server/ingest/load/index.ts';
import { datesIn } from '../../../server/ingest/relate/index.ts';
import type { ArticleGraph } from '../../../server/model.ts';

function run(body: string): { relations: string[]; events: string[]; graph: ArticleGraph } {
  const graph = extractArticle({ text: `Titel\n\n${body}` }, { tagger: null });
  const name = (id: string) => (id === 'ARTICLE' ? 'ARTICLE' : (graph.entities.find((e) => e.id === id)?.name ?? id));
  return {
    graph,
    relations: [
      ...new Set(
        graph.relations
          .filter((r) => r.type !== 'CO_MENTIONED')
          .map((r) => `${name(r.fromId)} ${r.type} ${name(r.toId)}`),
      ),
    ],
    events: graph.events.map(
      (v) => `${v.kind}: ${v.participants.map((p) => `${name(p.entityId)}/${p.role}`).join(', ')}`,
    ),
  };
}

describe('citations (CITES from ARTICLE)', () => {
  it('reads "Det skriver X", "ifølge X", "Til X påpeger …" and "nyhedsbureauet X, der kunne fortælle"', () => {
    expect(run('Det skriver Bloomberg.').relations).toEqual(['ARTICLE CITES Bloomberg']);
    expect(run('Trump siger ifølge CNN, at Huawei fortsat spiller en central rolle.').relations).toContain(
      'ARTICLE CITES CNN',
    );
    expect(
      run(
        'Til Reuters påpeger en rådgiver i Det Hvide Hus imidlertid, at Huawei alene får mulighed for at købe produkter.',
      ).relations,
    ).toContain('ARTICLE CITES Reuters');
    expect(
      run('Det var nyhedsbureauet Reuters, der lørdag kunne fortælle, at dispensationen var på vej.').relations,
    ).toEqual(['ARTICLE CITES Reuters']);
  });

  it("does not cite the article's own publication or a company that is no medium", () => {
    const page =
      'URL: https://www.computerworld.dk/art/1\n\nTitel\n\nHuaweis danske landechef, Ren Ke, sagde for få dage siden til Computerworld, at han regnede med en løsning.';
    const g = extractArticle({ text: page }, { tagger: null });
    expect(g.relations.some((r) => r.type === 'CITES')).toBe(false);
    expect(run('Ifølge Huawei er alt i orden.').relations).toEqual([]);
  });
});

describe('titles: HEADS and EMPLOYED_BY', () => {
  it('reads genitive organisation + title + person, and nationality + head-of-state title + person', () => {
    expect(run('Huaweis danske landechef, Ren Ke, sagde noget.').relations).toContain('Ren Ke HEADS Huawei');
    const r = run(
      'Udtalelsen faldt lørdag i forbindelse med Trumps deltagelse på G20-møde i Japan, hvor han blandt andet mødtes med den kinesiske præsident Xi Jinping.',
    );
    expect(r.relations).toEqual(expect.arrayContaining(['Xi Jinping HEADS Kina', 'Donald Trump MEETS Xi Jinping']));
    expect(r.events).toContain('MEETING: Donald Trump/agent, G20/other, Japan/location, Xi Jinping/agent');
    expect(run('Seks uger efter lemper USA’s præsident Donald Trump på forholdene.').relations).toContain(
      'Donald Trump HEADS USA',
    );
  });

  it('reads "Person, title i/hos Organisation" and staff titles as EMPLOYED_BY', () => {
    expect(
      run('Det siger Mette Kirk, administrerende direktør i konsulenthuset Netcompany, til Børsen.').relations,
    ).toContain('Mette Kirk HEADS Netcompany');
    expect(run('Det siger Microsofts talsmand, Anders Bo, i en mail.').relations).toContain(
      'Anders Bo EMPLOYED_BY Microsoft',
    );
  });
});

describe('sanctions, lawsuits, rulings, market moves', () => {
  it('links the acting state to the sanctioned company, not to the state the company is tied to', () => {
    const r = run(
      "Efter at have sagsøgt den amerikanske stat er den kinesiske smartphoneproducent Xiaomi nu fjernet fra USA's sortliste, der sanktionerede kinesiske virksomheder med bånd til det kinesiske militær.",
    );
    expect(r.relations).toEqual(expect.arrayContaining(['USA SANCTIONS Xiaomi', 'Xiaomi SUES USA']));
    expect(r.relations.some((x) => x.startsWith('Kina SANCTIONS'))).toBe(false);
    expect(r.events).toContain('SANCTION_LIFTED: USA/agent, Xiaomi/target');
  });

  it('reads a lawsuit whose agent is named before "selskabet" and a court ruling', () => {
    const r = run(
      'Xiaomi reagerede stærkt, og selskabet valgte sidste år at sagsøge den amerikanske regering. Her fik Xiaomi i marts medhold ved en amerikansk distriktsdomstol, hvilket betød, at placeringen på sortlisten blev suspenderet.',
    );
    expect(r.relations).toEqual(expect.arrayContaining(['Xiaomi SUES USA', 'amerikansk distriktsdomstol PART_OF USA']));
    expect(r.events).toEqual(
      expect.arrayContaining([
        'LAWSUIT: Xiaomi/agent, USA/target',
        'COURT_RULING: amerikansk distriktsdomstol/agent, Xiaomi/target',
      ]),
    );
    expect(r.graph.events.find((e) => e.kind === 'COURT_RULING')!.dateText).toBe('i marts');
    // A court is no sanctioning state.
    expect(r.relations.some((x) => x.startsWith('amerikansk distriktsdomstol SANCTIONS'))).toBe(false);
  });

  it('reads a dispensation as a licence and the ban it suspends as a sanction', () => {
    const r = run(
      'De amerikanske myndigheder ser ud til i allersidste øjeblik at give kinesiske Huawei dispensation fra det forbud, som ellers har stået til at træde i kraft i dag, mandag.',
    );
    expect(r.relations).toContain('USA SANCTIONS Huawei');
    expect(r.events).toEqual(
      expect.arrayContaining(['LICENSE_GRANTED: USA/agent, Huawei/target', 'SANCTION: USA/agent, Huawei/target']),
    );
  });

  it('anchors "i dag" and a past weekday to the article date but keeps months as words', () => {
    const page =
      'Dato: 2019-05-20\n\nTitel\n\nDe amerikanske myndigheder giver i dag Huawei dispensation. Lørdag sagsøgte Xiaomi den amerikanske regering.';
    const g = extractArticle({ text: page }, { tagger: null });
    expect(g.events.find((e) => e.kind === 'LICENSE_GRANTED')).toMatchObject({ date: '2019-05-20', dateText: 'i dag' });
    // 2019-05-20 is a Monday: the Saturday before it.
    expect(g.events.find((e) => e.kind === 'LAWSUIT')).toMatchObject({ date: '2019-05-18', dateText: 'lørdag' });
  });

  it('reads weekdays, "i går" and day-month dates against the publication date', () => {
    // 2025-10-31 is a Friday.
    expect(datesIn('Aktien steg tirsdag med fire procent.', '2025-10-31')).toEqual({
      date: '2025-10-28',
      dateText: 'tirsdag',
    });
    expect(datesIn('Fredag mødtes de to ledere.', '2025-10-31')).toEqual({ date: '2025-10-31', dateText: 'fredag' });
    expect(datesIn('Sidste fredag kom meldingen.', '2025-10-31')).toEqual({
      date: '2025-10-24',
      dateText: 'sidste fredag',
    });
    expect(datesIn('I går kom meldingen.', '2025-10-31')).toEqual({ date: '2025-10-30', dateText: 'i går' });
    expect(datesIn('Regeringen træffer beslutning på mandag.', '2025-10-31').date).toBeNull();
    expect(datesIn('Tirsdag steg aktien.')).toEqual({ date: null, dateText: 'tirsdag' });
    expect(datesIn('Reglerne blev strammet i marts.', '2025-10-31')).toEqual({ date: null, dateText: 'i marts' });
    expect(datesIn('Dommen faldt den 14. marts 2024.', '2025-10-31')).toEqual({
      date: '2024-03-14',
      dateText: '14. marts 2024',
    });
    expect(datesIn('Dommen faldt den 14. marts.', '2025-10-31')).toEqual({ date: '2025-03-14', dateText: '14. marts' });
    // Not after the article: a later day of the year gets no invented year.
    expect(datesIn('Mødet holdes den 14. december.', '2025-10-31')).toEqual({ date: null, dateText: '14. december' });
  });

  it('reads a market move with the company behind "selskabets" and the stock exchange city', () => {
    const r = run(
      'Xiaomi er glad. Nyheden om aftalen mellem Xiaomi og den amerikanske regering fik ifølge Bloomberg selskabets aktier til at stige med 6,7 procent på børsen i Hong Kong.',
    );
    expect(r.events).toContain('MARKET_MOVE: Xiaomi/target, Hong Kong/location');
    expect(r.graph.events.find((e) => e.kind === 'MARKET_MOVE')!.summary).toBe(
      'Xiaomis aktie stiger 6,7 procent på børsen i Hong Kong',
    );
  });

  it('does not read negated trade as TRADES_WITH, but reads plain trade', () => {
    expect(
      run('For søndag meddelte præsident Donald Trump, at han ikke vil have, at USA handler med Huawei.').relations,
    ).not.toContain('USA TRADES_WITH Huawei');
    expect(run('Danmark handler med Kina i stor stil.').relations).toContain('Danmark TRADES_WITH Kina');
  });
});

describe('deals', () => {
  it('reads acquisitions (active and passive), ownership and supply', () => {
    expect(
      run('Det norske softwarehus Visma har indgået en aftale om at købe den danske it-virksomhed Dataløsninger A/S.')
        .relations,
    ).toEqual(['Visma ACQUIRES Dataløsninger A/S']);
    expect(run('Konsulenthuset Nordlys ApS er blevet opkøbt af Netcompany.').relations).toContain(
      'Netcompany ACQUIRES Nordlys ApS',
    );
    expect(
      run('TDC har valgt Ericsson som leverandør af sit nye 5G-net, mens Huawei ikke længere er med.').relations,
    ).toEqual(['Ericsson SUPPLIES TDC']);
    expect(run('Firmaet Nordlys ApS, der ejes af Netcompany, vokser.').relations).toContain(
      'Netcompany OWNS Nordlys ApS',
    );
  });
});

describe('more patterns in running text', () => {
  it('reads job news, people speaking for organisations and ministers heading ministries', () => {
    expect(run('Netcompany ansætter Mette Kirk som ny økonomidirektør.').relations).toContain(
      'Mette Kirk EMPLOYED_BY Netcompany',
    );
    expect(run('Ifølge Anna Berg fra konsulenthuset Gartner er markedet presset.').relations).toContain(
      'Anna Berg EMPLOYED_BY Gartner',
    );
    expect(
      run('Sagen ligger hos Digitaliseringsministeriet, og digitaliseringsminister Anna Berg vil se på den.').relations,
    ).toContain('Anna Berg HEADS Digitaliseringsministeriet');
    expect(run('Han mødtes med den svenske digitaliseringsminister Erik Slottner.').relations).toContain(
      'Erik Slottner EMPLOYED_BY Sverige',
    );
  });

  it('reads ownership, location, membership and opposition', () => {
    expect(run('Alphabets datterselskab Google vokser.').relations).toContain('Alphabet OWNS Google');
    expect(run('Virksomheden Kodehuset fra Aarhus vokser.').relations).toContain('Kodehuset LOCATED_IN Aarhus');
    expect(run('Danmark og Sverige er medlemmer af NATO.').relations).toEqual(
      expect.arrayContaining(['Sverige MEMBER_OF NATO']),
    );
    expect(run('Apple kritiserer afgørelsen fra Europa-Kommissionen.').relations).toContain(
      'Apple OPPOSES Europa-Kommissionen',
    );
    // An appeal is part of the case, not opposition (no gold graph marks one: "vil anke afgørelsen til EU-Domstolen").
    expect(run('Apple vil anke afgørelsen fra Europa-Kommissionen.').relations).not.toContain(
      'Apple OPPOSES Europa-Kommissionen',
    );
  });

  it('reads coordinated partners and meetings, passive regulation and a genitive acquisition', () => {
    expect(run('Netcompany og Atea indgår et strategisk samarbejde om cloud.').relations).toContain(
      'Netcompany PARTNERS_WITH Atea',
    );
    expect(run('Danmark og Sverige mødtes i Bruxelles.').relations).toContain('Danmark MEETS Sverige');
    expect(run('Opkøbet af Kodehuset ApS skal godkendes af Konkurrence- og Forbrugerstyrelsen.').relations).toContain(
      'Konkurrence- og Forbrugerstyrelsen REGULATES Kodehuset ApS',
    );
    expect(run('Netcompanys opkøb af Kodehuset ApS er på plads.').relations).toContain(
      'Netcompany ACQUIRES Kodehuset ApS',
    );
  });

  it('reads a fine as a sanction by the authority and a tender win as supply', () => {
    const r = run('Europa-Kommissionen giver Apple en bøde på 1,8 mia. euro.');
    expect(r.relations).toEqual(
      expect.arrayContaining(['Europa-Kommissionen SANCTIONS Apple', 'Europa-Kommissionen REGULATES Apple']),
    );
    expect(r.events).toContain('SANCTION: Europa-Kommissionen/agent, Apple/target');
    expect(run('Netcompany har vundet et stort udbud hos Skattestyrelsen.').relations).toContain(
      'Netcompany SUPPLIES Skattestyrelsen',
    );
  });

  it('reads a share move of the company named in the sentence before', () => {
    const r = run('Analytikere er skeptiske over for Nvidia. Aktien dykkede 12 procent på Nasdaq.');
    expect(r.events).toContain('MARKET_MOVE: Nvidia/target');
  });
});

describe('CO_MENTIONED', () => {
  it("pairs entities of a sentence that share no typed relation, with a weight and the classifier's score", () => {
    const r = run('Microsoft og Google konkurrerer. Microsoft og Google vokser begge.');
    const co = r.graph.relations.filter((x) => x.type === 'CO_MENTIONED');
    expect(co).toHaveLength(1);
    expect(co[0].props.weight).toBe(2);
    // The best relation type's probability: below the bar for a typed relation, so the pair stays a co-mention.
    expect(co[0].props.score).toBeGreaterThan(0);
    expect(co[0].props.score).toBeLessThan(0.4);
    expect(co[0].evidence).toBe('Microsoft og Google konkurrerer.');
  });
});

describe('buying goods from a supplier is no acquisition', () => {
  it('reads "køber varer hos/fra X" as X SUPPLIES the buyer, and "opkøber X" as an acquisition', () => {
    const r = run(
      'Huawei køber hvert år komponenter for milliarder af dollar hos amerikanske leverandører som Qualcomm, Intel og Broadcom.',
    );
    expect(r.relations).toEqual(
      expect.arrayContaining(['Qualcomm SUPPLIES Huawei', 'Intel SUPPLIES Huawei', 'Broadcom SUPPLIES Huawei']),
    );
    expect(r.relations.some((x) => x.includes('ACQUIRES'))).toBe(false);
    expect(r.events.some((x) => x.startsWith('ACQUISITION'))).toBe(false);
    const inverted = run('Samtidig opkøber Lenovo den tyske computerproducent Medion.');
    expect(inverted.relations).toContain('Lenovo ACQUIRES Medion');
    expect(inverted.events).toContain('ACQUISITION: Lenovo/agent, Medion/target');
  });
});

describe('repeated events in one article', () => {
  it('merges one sanction reported in several sentences into one event with the first evidence', () => {
    const r = run(
      'USA indfører sanktioner mod Huawei. Det er ikke første gang, at USA indfører sanktioner mod Huawei, og sanktionerne mod Huawei rammer hårdt. Kina kritiserer sanktionerne.',
    );
    const sanctions = r.graph.events.filter(
      (e) => e.kind === 'SANCTION' && e.participants.some((p) => p.role === 'target'),
    );
    expect(sanctions).toHaveLength(1);
    expect(sanctions[0].sentenceIndex).toBe(1);
    expect(sanctions[0].evidence).toBe('USA indfører sanktioner mod Huawei.');
  });

  it('keeps events apart when their dates disagree', async () => {
    const { mergeRepeats } = await import('../../../server/ingest/relate/events.ts');
    const base = {
      kind: 'SANCTION' as const,
      summary: 's',
      dateText: null,
      participants: [
        { entityId: 'country:usa', role: 'agent' as const },
        { entityId: 'company:zte', role: 'target' as const },
      ],
      evidence: 'e',
      sentenceIndex: 0,
      confidence: 0.6,
    };
    expect(
      mergeRepeats([
        { ...base, id: 'a', date: '2018-04-16' },
        { ...base, id: 'b', date: '2019-05-15', confidence: 0.7 },
      ]),
    ).toHaveLength(2);
    const merged = mergeRepeats([
      { ...base, id: 'a', date: null },
      { ...base, id: 'b', date: '2019-05-15', dateText: '15. maj 2019', confidence: 0.7, sentenceIndex: 3 },
    ]);
    expect(merged).toHaveLength(1);
    expect(merged[0]).toMatchObject({ id: 'a', date: '2019-05-15', confidence: 0.7, sentenceIndex: 0 });
    const share = {
      ...base,
      kind: 'MARKET_MOVE' as const,
      date: null,
      participants: [{ entityId: 'company:netcompany', role: 'target' as const }],
    };
    expect(
      mergeRepeats([
        { ...share, id: 'c', summary: 'Netcompanys aktie falder' },
        { ...share, id: 'd', summary: 'Netcompanys aktie stiger 6,2 procent' },
      ]),
    ).toHaveLength(2);
  });
});

describe('meeting participants come from the meeting clause', () => {
  it('leaves out a commentator quoted about the meeting and a place from another clause', () => {
    const r = run(
      'Ifølge analytiker Søren Dalby Holm skal man huske, at Donald Trump i 2019 lovede lempelser efter et møde med Xi Jinping i Osaka, uden at noget skete.',
    );
    expect(r.events).toEqual(['MEETING: Donald Trump/agent, Xi Jinping/agent, Osaka/location']);
    const g = run(
      'Et langt møde mellem præsident Joe Biden og præsident Xi Jinping ændrede ikke ved Washingtons eksportforbud.',
    );
    const meeting = g.events.find((e) => e.startsWith('MEETING'))!;
    expect(meeting).toContain('Joe Biden/agent');
    expect(meeting).not.toContain('Washington');
  });

  it('takes the place a "hvor" clause hangs on as the meeting place', () => {
    const meeting = run('Jensen Huang var i sidste uge i Beijing, hvor han mødtes med Xi Jinping.').events.find((e) =>
      e.startsWith('MEETING'),
    )!;
    expect(meeting.replace('MEETING: ', '').split(', ').sort()).toEqual([
      'Beijing/location',
      'Jensen Huang/agent',
      'Xi Jinping/agent',
    ]);
  });
});

describe('court rulings', () => {
  it('reads no ruling from a sentence that only refers to one, and gives the court the agent role', () => {
    expect(
      run(
        'Donald Trump skrev efter dommen på sit sociale medie Truth Social, at han vil træffe en beslutning om TikTok.',
      ).events.some((e) => e.startsWith('COURT_RULING')),
    ).toBe(false);
    const r = run(
      'Xiaomi fik i april medhold ved en amerikansk distriktsdomstol i sagen mod det amerikanske handelsministerium, at listen over firmaer med bånd til Kina var forkert.',
    );
    const ruling = r.events.find((e) => e.startsWith('COURT_RULING'))!;
    expect(ruling).toContain('amerikansk distriktsdomstol/agent');
    expect(ruling).toContain('Xiaomi/target');
    expect(ruling).not.toContain('Kina');
    expect(ruling).not.toContain('handelsministerium/target');
  });
});

describe('"Læs også" headlines (issue 15)', () => {
  // Article B links to article C ("Læs også") with C's own title as the headline.
  const linking = extractArticle(
    {
      text: 'Huawei svarer igen\n\nUSA har sortlistet Huawei, og Huawei protesterer.\n\nLæs også: Danske Bank køber Nordea for ti mia. kr.\n\nLæs også: USA sanktionerer Huawei igen\n\nHuawei vil nu gå rettens vej.',
    },
    { tagger: null },
  );
  const linked = extractArticle(
    { text: 'Danske Bank køber Nordea for ti mia. kr.\n\nDanske Bank køber Nordea, oplyser bankerne mandag.' },
    { tagger: null },
  );
  const acquires = (g: ArticleGraph) => g.relations.filter((r) => r.type === 'ACQUIRES');

  it('keeps what a headline states, marked as related and half as sure as the same reading in a body', () => {
    const [fromHeadline] = acquires(linking);
    expect(linking.article.sentences[fromHeadline.sentenceIndex].section).toBe('related');
    expect(fromHeadline.props.section).toBe('related');
    expect(fromHeadline.confidence).toBeCloseTo(acquires(linked)[0].confidence / 2);
    // The same fact in the linking article's own body is not marked; the headline restating it is.
    const sanctions = linking.relations.filter((r) => r.type === 'SANCTIONS');
    expect(sanctions.map((r) => [linking.article.sentences[r.sentenceIndex].section, r.props.section])).toEqual([
      ['body', undefined],
      ['related', 'related'],
    ]);
    expect(acquires(linked).every((r) => r.props.section === undefined)).toBe(true);
  });

  it("gives an event read in a headline its own id, so it never adds to the linked article's event", () => {
    const headline = linking.events.find((e) => e.kind === 'ACQUISITION')!;
    const title = linked.events.find((e) => e.kind === 'ACQUISITION' && e.sentenceIndex === 0)!;
    expect(headline.evidence).toBe(title.evidence);
    expect(headline.id).toBe(`${title.id}:related`);
    expect(headline.confidence).toBeCloseTo(title.confidence / 2);
  });

  it('loads the mark only while every sentence behind a relationship is a headline, whatever the order', () => {
    const rows = (batches: ArticleBatch[]) => foldArticleBatches(batches).batch.relations;
    const mark = (relations: readonly { type: string; props: Record<string, unknown> }[], type: string) =>
      relations.find((r) => r.type === type)?.props.section;
    const b = buildArticleBatch(linking);
    const c = buildArticleBatch(linked);
    // Within the linking article the body's SANCTIONS sentence lifts the headline's mark.
    expect(mark(b.relations, 'SANCTIONS')).toBeUndefined();
    expect(mark(b.relations, 'ACQUIRES')).toBe('related');
    expect(mark(rows([b]), 'ACQUIRES')).toBe('related');
    expect(mark(rows([b, c]), 'ACQUIRES')).toBeUndefined();
    expect(mark(rows([c, b]), 'ACQUIRES')).toBeUndefined();
    // Merging two entities: the mark survives only when both relationships carry it.
    expect(combineProperties('ACQUIRES', { section: 'related' }, {})).toEqual({ section: null });
    expect(combineProperties('ACQUIRES', {}, { section: 'related' })).toEqual({});
    expect(combineProperties('ACQUIRES', { section: 'related' }, { section: 'related' })).toEqual({
      section: 'related',
    });
  });
});
