// The relation corpus (data/relations/): sentences with typed entity spans and the relations between them, one
// record format for DaN+ sentences and for the project's own articles, plus the candidate pairs a classifier sees.
import {
  type EntityType,
  isEntityType,
  RELATION_TYPES,
  type RelationType,
  SYMMETRIC_RELATION_TYPES,
} from '../../model.ts';
import { tokenize } from '../tokenizer.ts';

/** An entity span over the record's tokens (`start` inclusive, `end` exclusive). */
export interface CorpusEntity {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** The graph type, or "Other" for a span that is no entity by the guide (a product, an event, a nationality). */
  readonly type: EntityType | 'Other';
  /** DaN+'s first-level tag, for DaN+ records. */
  readonly ner?: string;
  /** The canonical name of the entity, for article records (several spans can name one entity). */
  readonly entity?: string;
}

export interface CorpusRelation {
  /** Index into `entities`, or "ARTICLE" for CITES. */
  readonly from: number | 'ARTICLE';
  readonly to: number;
  readonly type: RelationType;
  readonly props?: Readonly<Record<string, string>>;
  readonly note?: string;
}

/** One annotated sentence. */
export interface CorpusSentence {
  readonly id: string;
  /** Where the sentence comes from: a DaN+ file or an article file of data/relations/articles. */
  readonly source: string;
  readonly tokens: readonly string[];
  readonly text: string;
  readonly entities: readonly CorpusEntity[];
  readonly relations: readonly CorpusRelation[];
  readonly annotator?: string;
}

/** One ordered pair of entities of a sentence and its gold label: the unit a relation classifier is trained on. */
export interface CandidatePair {
  readonly sentence: CorpusSentence;
  /** Index into the sentence's entities, or "ARTICLE" (the article as the source of a citation). */
  readonly from: number | 'ARTICLE';
  readonly to: number;
  readonly label: RelationType | 'NONE';
}

/**
 * Every ordered pair of distinct entities (Other spans excluded) of a sentence, and ARTICLE -> each entity for
 * CITES, labelled with the annotated relation or NONE. Two spans of the same named entity are not a pair.
 */
export function candidatePairs(sentence: CorpusSentence): CandidatePair[] {
  const labels = new Map<string, RelationType>();
  for (const r of sentence.relations) {
    labels.set(`${r.from}>${r.to}`, r.type);
    // A symmetric relation is one fact whichever end comes first: both orders carry it.
    if (SYMMETRIC_RELATION_TYPES.has(r.type)) labels.set(`${r.to}>${r.from}`, r.type);
  }
  const real = sentence.entities.map((e, i) => ({ e, i })).filter(({ e }) => e.type !== 'Other');
  const pairs: CandidatePair[] = [];
  for (const a of real) {
    pairs.push({ sentence, from: 'ARTICLE', to: a.i, label: labels.get(`ARTICLE>${a.i}`) ?? 'NONE' });
    for (const b of real) {
      if (a.i === b.i || (a.e.entity !== undefined && a.e.entity === b.e.entity)) continue;
      pairs.push({ sentence, from: a.i, to: b.i, label: labels.get(`${a.i}>${b.i}`) ?? 'NONE' });
    }
  }
  return pairs;
}

/** Checks a record against the format and the graph model; returns the problems (empty when it is sound). */
export function validateSentence(s: CorpusSentence): string[] {
  const problems: string[] = [];
  s.entities.forEach((e, i) => {
    if (!(e.type === 'Other' || isEntityType(e.type)))
      problems.push(`${s.id}: entity ${i} has type ${JSON.stringify(e.type)}`);
    if (!(e.start >= 0 && e.end > e.start && e.end <= s.tokens.length))
      problems.push(`${s.id}: entity ${i} span ${e.start}-${e.end} is outside the tokens`);
  });
  const entityAt = (i: number | 'ARTICLE') => (i === 'ARTICLE' ? undefined : s.entities[i]);
  for (const r of s.relations) {
    if (!(RELATION_TYPES as readonly string[]).includes(r.type) || r.type === 'CO_MENTIONED')
      problems.push(`${s.id}: relation type ${r.type}`);
    if ((r.from === 'ARTICLE') !== (r.type === 'CITES'))
      problems.push(`${s.id}: ${r.type} from ${r.from}: only CITES comes from ARTICLE`);
    const from = entityAt(r.from);
    const to = entityAt(r.to);
    if ((r.from !== 'ARTICLE' && !from) || !to)
      problems.push(`${s.id}: relation ${r.from} -> ${r.to} names a missing entity`);
    else if (from?.type === 'Other' || to.type === 'Other')
      problems.push(`${s.id}: relation ${r.from} -> ${r.to} touches an Other span`);
    if (r.from === r.to) problems.push(`${s.id}: relation ${r.from} -> ${r.to} relates an entity to itself`);
  }
  return problems;
}

/** An article annotation as annotators write it (data/relations/articles/<split>/*.ann.json). */
export interface ArticleAnnotation {
  readonly article: string;
  readonly annotator?: string;
  readonly entities: readonly { name: string; type: string; aliases?: readonly string[]; section?: string }[];
  readonly sentences: readonly {
    text: string;
    section?: string;
    mentions: readonly { text: string; entity: string }[];
    relations: readonly { from: string; type: string; to: string; props?: Record<string, string>; note?: string }[];
  }[];
  readonly events: readonly {
    kind: string;
    summary?: string;
    date?: string | null;
    dateText?: string | null;
    participants: readonly { name: string; role: string }[];
    evidence?: string;
  }[];
  /** Facts a sentence states through a pronoun or a common noun ("Han er uddannet fra X"): article-level only. */
  readonly articleRelations?: readonly {
    from: string;
    type: string;
    to: string;
    evidence: string;
    props?: Record<string, string>;
  }[];
}

/**
 * Turns an annotated article into corpus sentences: each sentence tokenised like the extractor tokenises text,
 * each mention mapped to the tokens it covers (mentions are found left to right, so a name said twice maps to
 * both places). Throws with the article and sentence when a mention does not fall on token boundaries.
 */
export function sentencesFromAnnotation(annotation: ArticleAnnotation, idPrefix: string): CorpusSentence[] {
  const typeOf = new Map(annotation.entities.map((e) => [e.name, e.type]));
  return annotation.sentences.map((sentence, n) => {
    const id = `${idPrefix}-${String(n).padStart(3, '0')}`;
    const tokens = tokenize(sentence.text);
    const entities: CorpusEntity[] = [];
    const indexOf = new Map<string, number[]>();
    let searchFrom = 0;
    for (const mention of sentence.mentions) {
      // Mentions are listed in text order, but a repeated or nested name may need an earlier start.
      let at = sentence.text.indexOf(mention.text, searchFrom);
      if (at < 0) at = sentence.text.indexOf(mention.text);
      if (at < 0)
        throw new Error(`${annotation.article}: mention ${JSON.stringify(mention.text)} is not in sentence ${n}`);
      const first = tokens.findIndex((t) => t.start <= at && at < t.end);
      const endChar = at + mention.text.length;
      let last = tokens.findIndex((t) => t.start < endChar && endChar <= t.end);
      if (first < 0 || last < first)
        throw new Error(
          `${annotation.article}: mention ${JSON.stringify(mention.text)} is not on token boundaries in sentence ${n}`,
        );
      // A mention ending inside a token ("Nordhavn" of "Nordhavns") takes the whole token, as a tagger would.
      if (tokens[last].end < endChar) last++;
      const type = typeOf.get(mention.entity);
      if (!type)
        throw new Error(
          `${annotation.article}: mention of ${JSON.stringify(mention.entity)}, which is not among the entities`,
        );
      entities.push({
        start: first,
        end: last + 1,
        text: mention.text,
        type: type as EntityType,
        entity: mention.entity,
      });
      const list = indexOf.get(mention.entity) ?? [];
      list.push(entities.length - 1);
      indexOf.set(mention.entity, list);
      searchFrom = endChar;
    }
    const relations: CorpusRelation[] = [];
    for (const r of sentence.relations) {
      const to = indexOf.get(r.to)?.[0];
      const from = r.from === 'ARTICLE' ? 'ARTICLE' : indexOf.get(r.from)?.[0];
      if (to === undefined || from === undefined) {
        throw new Error(
          `${annotation.article}: relation ${r.from} ${r.type} ${r.to} in sentence ${n} names an entity the sentence does not mention`,
        );
      }
      // A relation holds between the entities, so it labels every pair of their mentions in the sentence.
      const froms = from === 'ARTICLE' ? ['ARTICLE' as const] : indexOf.get(r.from)!;
      for (const f of froms) {
        for (const t of indexOf.get(r.to)!) {
          relations.push({
            from: f,
            to: t,
            type: r.type as RelationType,
            ...(r.props && Object.keys(r.props).length > 0 ? { props: r.props } : {}),
            ...(r.note ? { note: r.note } : {}),
          });
        }
      }
    }
    return {
      id,
      source: annotation.article,
      tokens: tokens.map((t) => t.text),
      text: sentence.text,
      entities,
      relations,
      ...(annotation.annotator ? { annotator: annotation.annotator } : {}),
    };
  });
}

/** The article-level gold graph of an annotation (../shared/gold's format), for `newsgraph eval gold`. */
export function goldGraphFromAnnotation(annotation: ArticleAnnotation) {
  const seen = new Set<string>();
  const relations: { from: string; type: string; to: string; evidence: string; props?: Record<string, string> }[] = [];
  const add = (r: { from: string; type: string; to: string; props?: Record<string, string> }, evidence: string) => {
    const key = `${r.from}\u0000${r.type}\u0000${r.to}`;
    if (seen.has(key)) return;
    seen.add(key);
    relations.push({
      from: r.from,
      type: r.type,
      to: r.to,
      evidence,
      ...(r.props && Object.keys(r.props).length > 0 ? { props: r.props } : {}),
    });
  };
  for (const s of annotation.sentences) for (const r of s.relations) add(r, s.text);
  for (const r of annotation.articleRelations ?? []) add(r, r.evidence);
  return {
    article: annotation.article,
    entities: annotation.entities.map((e) => ({
      name: e.name,
      type: e.type,
      aliases: e.aliases ?? [],
      section: e.section ?? 'body',
    })),
    relations,
    events: annotation.events,
  };
}

export interface CorpusCounts {
  readonly sentences: number;
  /** Candidate pairs: entity -> entity, and ARTICLE -> entity (the CITES candidates) counted apart. */
  readonly pairs: number;
  readonly articlePairs: number;
  /** Pairs labelled with a relation (CITES included; a symmetric relation labels both orders). */
  readonly positives: number;
  /** Relations, each counted once: per sentence, per entity pair, a symmetric one once per unordered pair. */
  readonly relations: number;
  readonly byType: Readonly<Record<string, number>>;
}

/** Candidate pairs, true relations and relations per type over a set of sentences. */
export function corpusCounts(sentences: readonly CorpusSentence[]): CorpusCounts {
  let pairs = 0;
  let articlePairs = 0;
  let positives = 0;
  let relations = 0;
  const byType: Record<string, number> = {};
  for (const s of sentences) {
    for (const p of candidatePairs(s)) {
      if (p.from === 'ARTICLE') articlePairs++;
      else pairs++;
      if (p.label !== 'NONE') positives++;
    }
    const name = (i: number | 'ARTICLE') => (i === 'ARTICLE' ? 'ARTICLE' : (s.entities[i].entity ?? `#${i}`));
    const seen = new Set<string>();
    for (const r of s.relations) {
      const [a, b] = [name(r.from), name(r.to)];
      const key = SYMMETRIC_RELATION_TYPES.has(r.type) && b < a ? `${r.type}|${b}|${a}` : `${r.type}|${a}|${b}`;
      if (seen.has(key)) continue;
      seen.add(key);
      relations++;
      byType[r.type] = (byType[r.type] ?? 0) + 1;
    }
  }
  return { sentences: sentences.length, pairs, articlePairs, positives, relations, byType };
}
