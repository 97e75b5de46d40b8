// Every Navnenyt announcement form, parsed exactly (person, organisation, title, date, degree).
import { describe, expect, it } from 'vitest';
import { danishDate, parseAnnouncement } from '../../../server/nlp/navnenyt.ts';

describe('parseAnnouncement', () => {
  it('reads "X har pr. DATO ansat Y som Z" with an age in the middle', () => {
    const f = parseAnnouncement(
      'Industriens Pension har pr. 3. november 2025 ansat Morten Plannthin Lund, 55 år,  som it-driftschef.',
    )!;
    expect(f.kind).toBe('HIRED');
    expect(f.organization?.text).toBe('Industriens Pension');
    expect(f.person?.text).toBe('Morten Plannthin Lund');
    expect(f.title?.text).toBe('it-driftschef');
    expect(f.date).toBe('2025-11-03');
  });

  it('reads legal forms and English titles, and a brand named in the title', () => {
    const f = parseAnnouncement(
      'Danske Spil har pr. 1. oktober 2025 ansat Jesper Krogh Heitmann som Brand Manager for Oddset.',
    )!;
    expect(f.organization?.text).toBe('Danske Spil');
    expect(f.title?.text).toBe('Brand Manager for Oddset');
    expect(f.unit?.text).toBe('Oddset');
    const g = parseAnnouncement(
      'Alcadon ApS har pr. 1. januar 2026 ansat Thomas Møller Pedersen som Key Account Manager.',
    )!;
    expect([g.organization?.text, g.person?.text, g.title?.text, g.date]).toEqual([
      'Alcadon ApS',
      'Thomas Møller Pedersen',
      'Key Account Manager',
      '2026-01-01',
    ]);
  });

  it('reads promotions: "Y, 32 år, T hos X, er pr. DATO forfremmet til T2"', () => {
    const f = parseAnnouncement(
      'Sebastian Rübner-Petersen, 32 år, Juniorkonsulent hos Gammelbys, er pr. 1. september 2025 forfremmet til Kommunikationskonsulent.',
    )!;
    expect(f.kind).toBe('PROMOTED');
    expect([f.person?.text, f.previousTitle?.text, f.organization?.text, f.title?.text, f.date]).toEqual([
      'Sebastian Rübner-Petersen',
      'Juniorkonsulent',
      'Gammelbys',
      'Kommunikationskonsulent',
      '2025-09-01',
    ]);
    const g = parseAnnouncement('Netic A/S har pr. 1. maj 2025 forfremmet Kim Berg til Head of Cloud.')!;
    expect([g.kind, g.organization?.text, g.person?.text, g.title?.text]).toEqual([
      'PROMOTED',
      'Netic A/S',
      'Kim Berg',
      'Head of Cloud',
    ]);
  });

  it('reads departures', () => {
    const f = parseAnnouncement(
      'Hanne Birk, 63 år, Salgsdirektør hos Atea, fratræder pr. 31. marts 2025 sin stilling.',
    )!;
    expect([f.kind, f.person?.text, f.organization?.text, f.previousTitle?.text, f.date]).toEqual([
      'DEPARTED',
      'Hanne Birk',
      'Atea',
      'Salgsdirektør',
      '2025-03-31',
    ]);
    const g = parseAnnouncement('Ole Dam fratræder pr. 1. juni 2025 sin stilling som CTO hos Systemhuset Nord.')!;
    expect([g.kind, g.person?.text, g.title?.text, g.organization?.text]).toEqual([
      'DEPARTED',
      'Ole Dam',
      'CTO',
      'Systemhuset Nord',
    ]);
  });

  it('reads the pronoun sentences: former position, education, duties', () => {
    const former = parseAnnouncement(
      'Han kommer fra en stilling som Partner & Director, Delivery hos Impact Commerce.',
    )!;
    expect([former.kind, former.person, former.title?.text, former.organization?.text]).toEqual([
      'FORMERLY_AT',
      null,
      'Partner & Director, Delivery',
      'Impact Commerce',
    ]);
    const noEmployer = parseAnnouncement('Han kommer fra en stilling som Nordic Marketing Director.')!;
    expect([noEmployer.kind, noEmployer.organization, noEmployer.title?.text]).toEqual([
      'FORMERLY_AT',
      null,
      'Nordic Marketing Director',
    ]);
    const edu = parseAnnouncement(
      'Han er uddannet kandidat it i communication and organization på Aarhus University.',
    )!;
    expect([edu.kind, edu.degree?.text, edu.organization?.text]).toEqual([
      'EDUCATED_AT',
      'kandidat it i communication and organization',
      'Aarhus University',
    ]);
    const hd = parseAnnouncement('Han er uddannet HD, Business Management på Copenhagen Business School.')!;
    expect([hd.degree?.text, hd.organization?.text]).toEqual(['HD, Business Management', 'Copenhagen Business School']);
    const duties = parseAnnouncement(
      'Han skal især beskæftige sig med Primært NORRIQs marketing tech stack, digitale kampagneudvikling SEO og lead management.',
    )!;
    expect(duties.kind).toBe('DUTIES');
    expect(duties.protectedSpans[0].text).toContain('SEO');
  });

  it('reads the other common forms of job news', () => {
    const cases: Array<[string, string, string | undefined, string | undefined, string | undefined, string | null]> = [
      [
        'Kim Berg er pr. 1. maj 2025 ansat som CTO hos Nordlys Data.',
        'HIRED',
        'Kim Berg',
        'Nordlys Data',
        'CTO',
        '2025-05-01',
      ],
      [
        'Kim Berg (44) tiltræder pr. 1. juni 2025 som salgsdirektør i Kodehuset ApS.',
        'HIRED',
        'Kim Berg',
        'Kodehuset ApS',
        'salgsdirektør',
        '2025-06-01',
      ],
      [
        'Anna Holm bliver fra 1. august 2025 ny økonomidirektør i Netic A/S.',
        'HIRED',
        'Anna Holm',
        'Netic A/S',
        'økonomidirektør',
        '2025-08-01',
      ],
      [
        'Systemhuset Nord har pr. 1. maj 2025 udnævnt Ole Dam til ny administrerende direktør.',
        'HIRED',
        'Ole Dam',
        'Systemhuset Nord',
        'administrerende direktør',
        '2025-05-01',
      ],
      [
        'Sara Lund, der hidtil har været projektleder hos Atea, er pr. 1. april 2025 forfremmet til afdelingschef.',
        'PROMOTED',
        'Sara Lund',
        'Atea',
        'afdelingschef',
        '2025-04-01',
      ],
      [
        'Jens Bo har pr. 30. juni 2025 forladt Netcompany.',
        'DEPARTED',
        'Jens Bo',
        'Netcompany',
        undefined,
        '2025-06-30',
      ],
    ];
    for (const [sentence, kind, person, org, title, date] of cases) {
      const f = parseAnnouncement(sentence)!;
      expect(f, sentence).not.toBeNull();
      expect([f.kind, f.person?.text, f.organization?.text, f.title?.text, f.date], sentence).toEqual([
        kind,
        person,
        org,
        title,
        date,
      ]);
    }
    const former = parseAnnouncement('Hun kommer senest fra stillingen som salgschef i Telia.')!;
    expect([former.kind, former.title?.text, former.organization?.text]).toEqual(['FORMERLY_AT', 'salgschef', 'Telia']);
    const earlier = parseAnnouncement('Han har tidligere været salgschef hos Atea.')!;
    expect([earlier.kind, earlier.title?.text, earlier.organization?.text]).toEqual([
      'FORMERLY_AT',
      'salgschef',
      'Atea',
    ]);
    const edu = parseAnnouncement('Hun har en kandidatgrad i datalogi fra Aalborg Universitet.')!;
    expect([edu.kind, edu.degree?.text, edu.organization?.text]).toEqual([
      'EDUCATED_AT',
      'kandidatgrad i datalogi',
      'Aalborg Universitet',
    ]);
  });

  it('returns null for ordinary body sentences', () => {
    expect(parseAnnouncement('Det skriver Bloomberg.')).toBeNull();
    expect(parseAnnouncement('Xiaomi blev stiftet for knap 10 år siden.')).toBeNull();
  });

  it('turns Danish dates into ISO dates only when the year is given', () => {
    expect(danishDate('12. januar 2026')).toBe('2026-01-12');
    expect(danishDate('12. januar')).toBeNull();
  });
});

describe('parseAnnouncement: second clauses and fronted organisations', () => {
  it('parses the head of a sentence whose second clause no pattern covers', () => {
    const a = parseAnnouncement(
      'Sofie Lind Holm er forfremmet til Head of Sales i Dataloft ApS, hvor hun siden 2019 har arbejdet som konsulent.',
    )!;
    expect([a.kind, a.person?.text, a.title?.text, a.organization?.text]).toEqual([
      'PROMOTED',
      'Sofie Lind Holm',
      'Head of Sales',
      'Dataloft ApS',
    ]);
    const b = parseAnnouncement(
      'Hun har tidligere været analytiker hos KPMG og er uddannet fra Syddansk Universitet.',
    )!;
    expect([b.kind, b.title?.text, b.organization?.text]).toEqual(['FORMERLY_AT', 'analytiker', 'KPMG']);
  });

  it('reads "Hos X er Y forfremmet fra T til Z"', () => {
    const f = parseAnnouncement(
      'Hos Dataloft ApS er Sofie Lind Holm forfremmet fra konsulent til Head of Sales, Nordics.',
    )!;
    expect([f.kind, f.person?.text, f.organization?.text, f.previousTitle?.text, f.title?.text]).toEqual([
      'PROMOTED',
      'Sofie Lind Holm',
      'Dataloft ApS',
      'konsulent',
      'Head of Sales, Nordics',
    ]);
  });
});

describe('parseAnnouncement: an appointment with its employer', () => {
  it('reads "Y er (pr. DATO) udnævnt til T i X" as a hire', () => {
    const f = parseAnnouncement('Lise Holm er pr. 1. marts 2026 udnævnt til administrerende direktør i Kodeværket.')!;
    expect([f.kind, f.person?.text, f.title?.text, f.organization?.text, f.date]).toEqual([
      'HIRED',
      'Lise Holm',
      'administrerende direktør',
      'Kodeværket',
      '2026-03-01',
    ]);
    // Without an employer it is no announcement of this form.
    expect(parseAnnouncement('Lise Holm er udnævnt til ridder af Dannebrog.')).toBeNull();
  });
});
