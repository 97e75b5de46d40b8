// resolve: typed mentions -> one entity per real thing (genitives, legal suffixes, surnames, typos, government phrases, known graph names).
import type { EntityType, ExtractedEntity, KnownEntity, Section } from '../../model.ts';
import {
  DEFINITE_BODY_ENDINGS,
  isTradeWord,
  KIND_FIRST_NAMES,
  ORGANIZATION_KIND_FIRST,
  SHORT_NAME_ENDINGS,
} from '../../nlp/danish.ts';
import { editDistance, isTypoOf } from '../../nlp/fuzzy.ts';
import { gazetteer } from '../../nlp/gazetteer.ts';
import {
  cleanName,
  entityId,
  genitiveKey,
  hasLegalForm,
  isListedOrganisation,
  nameKey,
  nationalitiesDiffer,
  nationalitiesOf,
  nationalitiesOfAll,
  stripApostropheS,
  stripGenitiveApostrophe,
  subsidiaryParentKey,
} from '../../nlp/names.ts';
import type { TypedMention } from '../../nlp/typing.ts';
import { buildKnownIndex, firstNearKey, type KnownIndex } from './known.ts';

export {
  cleanName,
  entityId,
  genitiveKey,
  matchKeys,
  nameKey,
  normaliseName,
  slugify,
  stripGenitiveEnding,
  stripLegalSuffix,
  subsidiaryParentKey,
} from '../../nlp/names.ts';
export { buildKnownIndex, GrowingKnownIndex, type KnownIndex, KnownIndexCache } from './known.ts';

/** An entity with what later stages need to know beyond the hand-off type. */
export interface ResolvedEntity extends ExtractedEntity {
  readonly media: boolean;
  /** For institutions: the id of the state they belong to. */
  readonly parentName: string | null;
  readonly court: boolean;
  readonly isCountry: boolean;
}

export interface Resolution {
  readonly entities: readonly ResolvedEntity[];
  /** Entity id of each kept mention. */
  readonly entityOf: ReadonlyMap<TypedMention, string>;
  readonly byId: ReadonlyMap<string, ResolvedEntity>;
}

const SECTION_ORDER: Record<Section, number> = { body: 0, related: 1, 'people-news': 2 };

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** How far apart a misspelt one-word name and a company or state may be: 1 edit up to 6 letters, 2 from 7. */
function isCrossTypeTypo(a: string, b: string): boolean {
  if (a === b || a[0] !== b[0] || a.includes(' ') || b.includes(' ')) return false;
  const shorter = Math.min(a.length, b.length);
  const budget = shorter < 4 ? 0 : shorter < 7 ? 1 : 2;
  return budget > 0 && editDistance(a, b, budget) <= budget;
}

/** A capitalised one-word name typed Person that is no known first name: it may be a misspelt company. */
function crossTypeTypoCandidate(g: Group): boolean {
  if (g.type !== 'Person' || g.key.includes(' ') || g.key.length < 4) return false;
  const firstNames = gazetteer().firstNames;
  return [...g.texts].every(
    (text) => /^\p{Lu}/u.test(text) && !firstNames.has(text.replace(/(?:'s|’s|s)$/u, '')) && !firstNames.has(text),
  );
}

/** Types that can describe the same real thing in two articles (a company typed Organization elsewhere, a country as Place). */
function compatible(a: EntityType, b: EntityType): boolean {
  if (a === b) return true;
  const geo = (t: EntityType) => t === 'Government' || t === 'Place';
  const org = (t: EntityType) => t === 'Company' || t === 'Organization';
  return (geo(a) && geo(b)) || (org(a) && org(b));
}

interface Group {
  mentions: TypedMention[];
  /** The distinct texts of the mentions, in order of first appearance. */
  texts: Set<string>;
  key: string;
  type: EntityType;
  /** How sure the group's type is: forced by a rule (2), by context (1), a guess (0). */
  strength: number;
  canonical?: string;
  forcedId?: string;
  votes: Map<EntityType, number>;
}

function sourceStrength(m: TypedMention): number {
  if (m.source === 'announcement' || m.source === 'government' || m.source === 'gazetteer') return 2;
  if (m.source === 'capitalised') return 0;
  return 1;
}

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) {
      this.parent[i] = this.parent[this.parent[i]];
      i = this.parent[i];
    }
    return i;
  }
  /** Joins b's set into a's (a's root stays root). */
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.parent[rb] = ra;
  }
}

const EVIDENCE_WEIGHT = { fixed: 10, context: 3, label: 1 } as const;

/** The type with the most votes; on a tie, the one voted first. */
function topVoted(votes: ReadonlyMap<EntityType, number>): EntityType {
  let best: EntityType | undefined;
  let bestVotes = -Infinity;
  for (const [type, n] of votes) {
    if (best === undefined || n > bestVotes) {
      best = type;
      bestVotes = n;
    }
  }
  return best!;
}

function voteType(mentions: readonly TypedMention[]): EntityType {
  const votes = new Map<EntityType, number>();
  for (const m of mentions) votes.set(m.type, (votes.get(m.type) ?? 0) + EVIDENCE_WEIGHT[m.evidence] * m.confidence);
  return topVoted(votes);
}

function wordCount(s: string): number {
  return s.split(' ').length;
}

/** Distinct values of `f` over `items`, in order of first appearance. */
function distinct<T>(items: readonly T[], f: (item: T) => string): string[] {
  return [...new Set(items.map(f))];
}

function chooseCanonical(
  mentions: readonly TypedMention[],
  type: EntityType,
  surface: (text: string) => string,
): string {
  const forced =
    mentions.find((m) => m.canonical && (m.source === 'gazetteer' || m.source === 'government' || m.source === 'echo'))
      ?.canonical ?? mentions.find((m) => m.canonical)?.canonical;
  if (forced) return surface(forced);
  // Repeats of one form change nothing below (the first of equally ranked forms wins), so each form counts once.
  // A genitive apostrophe is no part of a name ("Jones'" is Jones's): without it, "Tom Jones'" is "Tom Jones".
  const surfaces = distinct(mentions, (m) => stripApostropheS(stripGenitiveApostrophe(surface(m.text))));
  // Forms that are not genitives of another form in the group are preferred as the name.
  const keys = new Set(surfaces.map(nameKey));
  const plain = surfaces.filter((s) => !(genitiveKey(s) !== nameKey(s) && keys.has(genitiveKey(s))));
  const pool = plain.length > 0 ? plain : surfaces;
  // Prefer names from the announcement grammar (written out in full), then the most complete form.
  const announced = distinct(
    mentions.filter((m) => m.source === 'announcement'),
    (m) => stripGenitiveApostrophe(surface(m.text)),
  );
  const ranked = [...(announced.length > 0 && type !== 'Person' ? announced : pool)].sort(
    (a, b) =>
      wordCount(b) - wordCount(a) ||
      b.length - a.length ||
      (/^\p{Lu}[\p{Ll}]/u.test(b) ? 1 : 0) - (/^\p{Lu}[\p{Ll}]/u.test(a) ? 1 : 0),
  );
  // "Anders Fogh Rasmussens regering": a person named only in the genitive; a -sen/-son surname shows it.
  if (type === 'Person' && /\s\p{Lu}\p{Ll}+s[eo]ns$/u.test(ranked[0])) return ranked[0].slice(0, -1);
  // "Finansforbundets", "Energistyrelsens": a body named only in the genitive; its definite kind ending shows it.
  if (type !== 'Person' && DEFINITE_BODY_GENITIVE.test(ranked[0])) return ranked[0].slice(0, -1);
  // "Nordkraft Datas kunder": a company named only in the genitive; its trade word without the -s shows it.
  if (type === 'Company' && tradeWordGenitive(ranked[0])) return ranked[0].slice(0, -1);
  return ranked[0];
}

/** "Nordkraft Datas", "Vestkyst Energis": a name of two or more words whose last, less its -s, is a trade word. */
function tradeWordGenitive(name: string): boolean {
  const words = name.split(' ');
  const last = words[words.length - 1].toLowerCase();
  if (words.length < 2 || !last.endsWith('s')) return false;
  const base = last.slice(0, -1);
  // "Ferrøn Holdings" is an English plural, no genitive.
  return isTradeWord(base) && !isTradeWord(last) && last !== 'holdings';
}

/** A body's name ending in a definite kind noun, in the genitive. */
const DEFINITE_BODY_GENITIVE = new RegExp(String.raw`\p{Ll}(?:${DEFINITE_BODY_ENDINGS.join('|')})s$`, 'u');

/** Countries a known entity is tied to: by its name, or when the name names none, by its aliases. */
const knownNationalities = new WeakMap<KnownEntity, readonly string[]>();
function nationalitiesOfKnown(entity: KnownEntity): readonly string[] {
  let found = knownNationalities.get(entity);
  if (found === undefined) {
    // The name first: aliases may hold what an older extraction wrongly merged in.
    const own = nationalitiesOf(entity.name);
    found = own.length > 0 ? own : nationalitiesOfAll(entity.aliases);
    knownNationalities.set(entity, found);
  }
  return found;
}

/**
 * The known entity a group of `type` named `name` (and `aliases`) is, if any. `nations` are the countries the group's
 * names are tied to: an entity tied to other countries is never it ("det amerikanske handelsministerium" is not the
 * known "det kinesiske handelsministerium", though both carry the alias "handelsministerium").
 */
function findKnown(
  index: KnownIndex,
  name: string,
  aliases: readonly string[],
  type: EntityType,
  nations: readonly string[],
): KnownEntity | undefined {
  if (index.byKey.size === 0) return undefined;
  const sameCountry = (entity: KnownEntity) =>
    nations.length === 0 || !nationalitiesDiffer(nations, nationalitiesOfKnown(entity));
  const fits = (entity: KnownEntity) => compatible(entity.type, type) && sameCountry(entity);
  for (const n of [name, ...aliases]) {
    for (const key of [nameKey(n), genitiveKey(n)]) {
      const hit = index.byKey.get(key)?.find((k) => fits(k.entity));
      if (hit) return hit.entity;
    }
  }
  const key = nameKey(name);
  if (type === 'Person' && !key.includes(' ')) {
    const people = index.bySurname.get(key) ?? [];
    if (people.length === 1 && fits(people[0])) return people[0];
  }
  if (key.length >= 4) {
    const companies = (index.byLegalPrefix.get(key) ?? []).filter(fits);
    if (companies.length === 1) return companies[0];
  }
  if (key.length >= 5) {
    const hit = firstNearKey(index, key, (k, entity) => fits(entity) && isTypoOf(key, k));
    if (hit) return hit;
  }
  // A one-word "person" that misspells a known company or state ("Huaewei" when the graph knows Huawei).
  if (
    type === 'Person' &&
    !key.includes(' ') &&
    key.length >= 4 &&
    /^\p{Lu}/u.test(name) &&
    !gazetteer().firstNames.has(name)
  ) {
    return firstNearKey(
      index,
      key,
      (k, entity) =>
        (entity.type === 'Company' || entity.type === 'Government') && sameCountry(entity) && isCrossTypeTypo(key, k),
    );
  }
  return undefined;
}

/**
 * Groups mentions into entities. Within the article: same key, genitive of another name, surname of a full
 * person name, first word of a company with a legal form ("Norriq" -> "Norriq Danmark A/S"), small typos of
 * a name of the same type. Against the graph: the known entity with that name or alias keeps its id and name.
 */
export function resolveEntities(
  mentions: readonly TypedMention[],
  known: readonly KnownEntity[] | KnownIndex = [],
): Resolution {
  const index = Array.isArray(known) ? buildKnownIndex(known as readonly KnownEntity[]) : (known as KnownIndex);
  // A mention's text as a name (one space between words, no control characters or backticks), by text: one name is
  // mentioned many times.
  const surfaces = new Map<string, string>();
  const surface = (text: string) => {
    let form = surfaces.get(text);
    if (form === undefined) surfaces.set(text, (form = cleanName(text)));
    return form;
  };
  // 1. Initial groups: forced id, then canonical name, then own key.
  const groups: Group[] = [];
  const groupByKey = new Map<string, number>();
  for (const m of mentions) {
    // One name in one article is one thing, whatever type single mentions got; the type is voted below.
    const key = nameKey(surface(m.canonical ?? m.text));
    const slot = m.id ?? (m.canonical ? `=${key}` : key);
    let g = groupByKey.get(slot);
    if (g === undefined) {
      g = groups.length;
      groups.push({ mentions: [], texts: new Set(), key, type: m.type, strength: -1, votes: new Map() });
      groupByKey.set(slot, g);
    }
    const group = groups[g];
    group.mentions.push(m);
    group.texts.add(surface(m.text));
    const strength = sourceStrength(m);
    if (strength > group.strength) group.strength = strength;
    // Votes are kept incrementally: an article may mention one name tens of thousands of times.
    group.votes.set(m.type, (group.votes.get(m.type) ?? 0) + EVIDENCE_WEIGHT[m.evidence] * m.confidence);
    if (m.id) group.forcedId = m.id;
  }
  for (const group of groups) group.type = topVoted(group.votes);

  // 2. Merge groups that name the same thing.
  const uf = new UnionFind(groups.length);
  const byKey = new Map<string, number[]>();
  for (const [i, g] of groups.entries()) push(byKey, g.key, i);
  const total = (i: number) => groups[i].mentions.length + groups[i].strength * 10;
  const better = (a: number, b: number) => (total(a) >= total(b) ? [a, b] : [b, a]);
  // The genitive keys of each group's forms: "Huaweis" -> "huawei".
  const genitiveKeys = groups.map((g) => [...g.texts].map(genitiveKey));
  // The countries each group's names are tied to, asked for only by groups that might merge.
  const nations: (readonly string[] | undefined)[] = new Array(groups.length);
  const nationsOf = (i: number) =>
    (nations[i] ??= nationalitiesOfAll([...groups[i].texts, ...groups[i].mentions.flatMap((m) => m.canonical ?? [])]));
  // Different nationality words make different things, however alike the rest: "den svenske regering" is not "den
  // norske regering", "Finsk Telekom" not "Fransk Telekom". No rule below merges such groups.
  const clash = (i: number, j: number) => nationalitiesDiffer(nationsOf(i), nationsOf(j));
  groups.forEach((g, i) => {
    if (g.forcedId) return;
    // Exact key shared by two groups (e.g. canonical "USA" and the surface "USA").
    for (const j of byKey.get(g.key) ?? []) {
      if (j !== i && !groups[j].forcedId && compatible(groups[j].type, g.type) && !clash(i, j)) {
        const [a, b] = better(j, i);
        uf.union(a, b);
      }
    }
    // Genitive: "Huaweis" -> "Huawei", "NORRIQs" -> "NORRIQ".
    const gen = genitiveKeys[i].find((k) => k !== g.key && byKey.has(k));
    if (gen !== undefined) {
      const options = byKey
        .get(gen)!
        .filter(
          (x) =>
            x !== i &&
            !groups[x].forcedId &&
            (compatible(groups[x].type, g.type) || groups[i].strength < 2) &&
            !clash(i, x),
        );
      const j = options.sort((a, b) => total(b) - total(a))[0];
      if (j !== undefined) uf.union(j, i);
    }
  });
  // Indexes so each group is compared only with the few groups it could belong to (not all pairs).
  const legal = groups.map(
    (g) => (g.type === 'Company' || g.type === 'Organization') && [...g.texts].some(hasLegalForm),
  );
  // A company called by its first word(s) elsewhere: one with a legal form, or one whose last word says what it does
  // ("Skyvane Technologies" -> "Skyvane"; not "Visma Danmark", a national unit, nor "Novo Holdings").
  const prefixable = groups.map(
    (g, j) =>
      legal[j] ||
      (g.type === 'Company' && g.key.includes(' ') && SHORT_NAME_ENDINGS.has(g.key.slice(g.key.lastIndexOf(' ') + 1))),
  );
  const bySurname = new Map<string, number[]>();
  const byLegalPrefix = new Map<string, number[]>();
  // "Pensionskassen Nordlys" called "Nordlys": a company named by its kind first, by the rest of its name.
  const byKindRest = new Map<string, number[]>();
  const byLetter = new Map<string, number[]>();
  groups.forEach((g, j) => {
    if (g.forcedId) return;
    const w = g.type === 'Person' || prefixable[j] ? g.key.split(' ') : [];
    if (g.type === 'Person' && w.length >= 2) push(bySurname, w[w.length - 1], j);
    if (prefixable[j]) for (let k = 1; k < w.length; k++) push(byLegalPrefix, w.slice(0, k).join(' '), j);
    if (g.key.length >= 5) push(byLetter, g.key[0], j);
    const space = g.key.indexOf(' ');
    // (… and "Fødevareforbundet NNF" called "NNF": an association by the name after its kind.)
    if (
      space > 0 &&
      ((g.type === 'Company' && KIND_FIRST_NAMES.has(g.key.slice(0, space))) ||
        (g.type === 'Organization' && ORGANIZATION_KIND_FIRST.test(g.key.slice(0, space))))
    )
      push(byKindRest, g.key.slice(space + 1), j);
  });
  // Whether a group, with the groups its exact and genitive forms joined it to ("Betalbros" with "Betalbro A/S"), has
  // a legal form: by union-find root, as the merges above left them.
  const legalSet: boolean[] = new Array(groups.length).fill(false);
  groups.forEach((_, j) => {
    if (legal[j]) legalSet[uf.find(j)] = true;
  });
  groups.forEach((g, i) => {
    if (g.forcedId) return;
    const key = groups[uf.find(i)].key;
    const ownKeys = [...new Set([g.key, ...genitiveKeys[i]])];
    // (Named closures are avoided in this per-group loop: under tsx each costs a defineProperty call when made.)
    // Surname or first-name-only mention of a full person name in the article: "Trump" -> "Donald Trump".
    if ((g.type === 'Person' || g.strength < 2) && !key.includes(' ')) {
      const j = firstOf(ownKeys, (k) => bySurname.get(k)?.find((x) => !clash(i, x)));
      if (j !== undefined) {
        joinGroups(uf, j, i);
        return;
      }
    }
    // First word(s) of a company's legal name: "Norriq" / "Norriq Danmark" -> "Norriq Danmark A/S". Without a
    // legal form the longer name is often a subsidiary ("Visma Danmark" is not "Visma"), so no merge then.
    // A national subsidiary ("Nokia Danmark A/S") takes the bare name only when that name is no company in its own
    // right: not a listed organisation, and named only in the parts of the article where the subsidiary is.
    const prefixed = firstOf(ownKeys, (k) =>
      k.length >= 4
        ? byLegalPrefix
            .get(k)
            ?.find(
              (j) =>
                compatible(g.type, groups[j].type) && subsidiaryOk(g, legalSet[uf.find(i)], groups[j]) && !clash(i, j),
            )
        : undefined,
    );
    const kindNamed =
      prefixed ??
      firstOf(ownKeys, (k) =>
        byKindRest.get(k)?.find((j) => j !== i && compatible(g.type, groups[j].type) && !clash(i, j)),
      );
    if (kindNamed !== undefined) {
      joinGroups(uf, kindNamed, i);
      return;
    }
    // Small typo of a name of the same type that is mentioned more often or is listed: "Huaewei", "Blooomberg".
    if (g.key.length >= 5) {
      for (const j of byLetter.get(g.key[0]) ?? []) {
        const other = groups[j];
        if (
          j !== i &&
          Math.abs(g.key.length - other.key.length) <= 2 &&
          compatible(g.type, other.type) &&
          total(j) > total(i) &&
          isTypoOf(g.key, other.key) &&
          !clash(i, j)
        ) {
          joinGroups(uf, j, i);
          return;
        }
      }
    }
    // A one-word name guessed as a person that is a misspelling of a company or state in the article ("Huaewei").
    if (crossTypeTypoCandidate(g)) {
      const j = groups.findIndex(
        (other, k) =>
          k !== i &&
          !other.forcedId &&
          (other.type === 'Company' || other.type === 'Government') &&
          total(k) >= total(i) &&
          isCrossTypeTypo(g.key, other.key) &&
          !clash(i, k),
      );
      if (j >= 0) joinGroups(uf, j, i);
    }
  });

  // 3. Build entities.
  const members = new Map<number, TypedMention[]>();
  groups.forEach((g, i) => {
    const root = uf.find(i);
    for (const m of g.mentions) push(members, root, m);
  });
  const entities: ResolvedEntity[] = [];
  const entityOf = new Map<TypedMention, string>();
  const byId = new Map<string, ResolvedEntity>();
  for (const [root, list] of members) {
    const group = groups[root];
    // The type is voted: a rule that knows it outweighs context, which outweighs the tagger's label.
    // A country is Government unless every mention is a location.
    const isCountry = list.some((m) => m.gazetteer?.kind === 'country');
    let type: EntityType = voteType(list);
    if (isCountry) type = list.every((m) => m.locative) ? 'Place' : 'Government';
    let name = chooseCanonical(list, type, surface);
    const surfaceForms = new Set<string>();
    for (const m of list) {
      if (m.silent) continue;
      surfaceForms.add(surface(m.text));
      for (const a of m.aliases ?? []) surfaceForms.add(surface(a));
    }
    let id = group.forcedId ?? entityId(type, name, isCountry);
    const knownHit = findKnown(index, name, [...surfaceForms], type, nationalitiesOfAll([name, ...surfaceForms]));
    if (knownHit) {
      id = knownHit.id;
      name = knownHit.name;
      type = knownHit.type;
    }
    const aliases = [...surfaceForms].filter((a) => a !== name);
    const section = list.reduce<Section>(
      (best, m) => (SECTION_ORDER[sectionOf(m)] < SECTION_ORDER[best] ? sectionOf(m) : best),
      sectionOf(list[0]),
    );
    const parent = list.find((m) => m.parent)?.parent ?? null;
    const existing = byId.get(id);
    if (existing) {
      // Two groups resolved to the same known entity: fold them together.
      const merged: ResolvedEntity = {
        ...existing,
        aliases: [...new Set([...existing.aliases, ...aliases, ...(name !== existing.name ? [name] : [])])].filter(
          (a) => a !== existing.name,
        ),
        mentions: existing.mentions + list.length,
      };
      byId.set(id, merged);
      entities[entities.indexOf(existing)] = merged;
    } else {
      const entity: ResolvedEntity = {
        id,
        name,
        type,
        aliases,
        mentions: list.length,
        section,
        media: list.some((m) => m.media),
        parentName: parent,
        court: list.some((m) => m.court),
        isCountry,
      };
      entities.push(entity);
      byId.set(id, entity);
    }
    for (const m of list) entityOf.set(m, id);
  }
  return { entities, entityOf, byId };
}

/** The first defined `f(item)`, trying `items` in order. */
function firstOf<T, R>(items: readonly T[], f: (item: T) => R | undefined): R | undefined {
  for (const item of items) {
    const r = f(item);
    if (r !== undefined) return r;
  }
  return undefined;
}

/** Puts group i with group j unless they are one already. */
function joinGroups(uf: UnionFind, j: number, i: number): void {
  if (j !== i && uf.find(j) !== uf.find(i)) uf.union(j, i);
}

/**
 * Whether `g`, a bare name, may join `candidate`, a longer legal name: never when `g` has a legal form of its own;
 * otherwise always, unless the candidate is a national
 * subsidiary ("Nokia Danmark A/S"); then only when `g` is no company in its own right (not listed, no legal form of
 * its own: "Vantora Inc." beside "Vantora Danmark ApS" is the parent) and named only where the subsidiary is.
 */
function subsidiaryOk(g: Group, gIsLegal: boolean, candidate: Group): boolean {
  // A registered name is no short form of another: "Betalbro A/S" beside "Betalbro Inkasso ApS" is the parent.
  if (gIsLegal) return false;
  if (subsidiaryParentKey(candidate.key) === null) return true;
  if (isListedOrganisation(g.key) || gIsLegal) return false;
  const theirs = new Set(candidate.mentions.map(sectionOf));
  return g.mentions.every((m) => theirs.has(sectionOf(m)));
}

function sectionOf(m: TypedMention): Section {
  return m.section ?? 'body';
}
