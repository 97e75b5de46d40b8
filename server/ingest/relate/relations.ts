// Danish relation patterns, sentence by sentence: announcements, titles, citations, sanctions, lawsuits, meetings, deals.
import type { ExtractedRelation, RelationType } from '../../model.ts';
import {
  CLUB_LETTERS,
  DEGREE_CUE,
  HEAD_TITLES,
  INVESTING_VERBS,
  isPersonTitle,
  SPORTS_CUE,
  STAFF_TITLES,
  STATE_HEAD_TITLES,
} from '../../nlp/danish.ts';
import { gazetteer } from '../../nlp/gazetteer.ts';
import { nameKey, type ResolvedEntity, subsidiaryParentKey } from '../resolve/index.ts';
import { type ArticleContext, isPublisher, type SentenceContext, type Slot } from './context.ts';

export const ARTICLE = 'ARTICLE';

/** Collects relations, keeping one per (from, type, to, sentence). */
export class RelationSink {
  readonly relations: ExtractedRelation[] = [];
  private readonly seen = new Set<string>();
  /** Indexes so rules stay linear on long articles: relations by sentence, HEADS targets by person. */
  readonly bySentence = new Map<number, ExtractedRelation[]>();
  readonly headsOf = new Map<string, string[]>();
  /** Whether a sentence (by index) speaks of sanctions, tested once for relations and events alike. */
  private readonly sanctionSentences = new Map<number, boolean>();
  /**
   * Entity pairs (both orders, "a|b") a rule has read and found no typed relation between, by sentence: the
   * classifier leaves them co-mentioned ("Norlys har købt Radius af Ørsted": Ørsted sold, nobody bought it).
   */
  readonly ruledOut = new Map<number, Set<string>>();

  ruleOut(aId: string, bId: string, s: SentenceContext): void {
    let pairs = this.ruledOut.get(s.sentence.index);
    if (!pairs) this.ruledOut.set(s.sentence.index, (pairs = new Set()));
    pairs.add(`${aId}|${bId}`).add(`${bId}|${aId}`);
  }

  mentionsSanction(s: SentenceContext): boolean {
    let found = this.sanctionSentences.get(s.sentence.index);
    if (found === undefined) {
      found = SANCTION_TRIGGER.test(s.lower);
      this.sanctionSentences.set(s.sentence.index, found);
    }
    return found;
  }

  /** Gives a relation another type, in place (the sentence's list and the article's both hold it). */
  retype(relation: ExtractedRelation, type: RelationType, props: Record<string, string | number | null>): void {
    const key = (t: RelationType) => `${relation.fromId}|${t}|${relation.toId}|${relation.sentenceIndex}`;
    // Already there in the new type: the old one goes, so no pair is told twice.
    const replaced: ExtractedRelation | null = this.seen.has(key(type)) ? null : { ...relation, type, props };
    const at = this.relations.indexOf(relation);
    if (at >= 0) {
      if (replaced) this.relations[at] = replaced;
      else this.relations.splice(at, 1);
    }
    const list = this.bySentence.get(relation.sentenceIndex);
    const k = list?.indexOf(relation) ?? -1;
    if (list && k >= 0) {
      if (replaced) list[k] = replaced;
      else list.splice(k, 1);
    }
    this.seen.delete(key(relation.type));
    this.seen.add(key(type));
    if (relation.type === 'HEADS') {
      const heads = this.headsOf.get(relation.fromId)?.filter((id) => id !== relation.toId);
      if (heads) this.headsOf.set(relation.fromId, heads);
    }
  }

  add(
    fromId: string,
    type: RelationType,
    toId: string,
    s: SentenceContext,
    confidence: number,
    props: Record<string, string | number | null> = {},
  ): void {
    if (fromId === toId) return;
    const key = `${fromId}|${type}|${toId}|${s.sentence.index}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    const relation: ExtractedRelation = {
      fromId,
      type,
      toId,
      evidence: s.sentence.text,
      sentenceIndex: s.sentence.index,
      props,
      confidence,
    };
    this.relations.push(relation);
    const list = this.bySentence.get(s.sentence.index);
    if (list) list.push(relation);
    else this.bySentence.set(s.sentence.index, [relation]);
    if (type === 'HEADS') this.headsOf.set(fromId, [...(this.headsOf.get(fromId) ?? []), toId]);
  }
}

// Trigger lexicon (matched on the lowercased sentence). Where every alternative opens with \b it is written once
// before them all: the same matches, found about twice as fast.
export const SANCTION_TRIGGER =
  /sanktion|sortlist|sorte liste|blacklist|entity list|entity-list|forbud|straftold|embargo|eksportkontrol|eksportrestriktion|handelsrestriktion|eksportregl|importrestriktion|tvangsopløs|\bbøde|milliardbøde|millionbøde/u;
const SUE_TRIGGER =
  /\b(?:sagsøg\p{L}*|(?:søgsmål|stævning|sagsanlæg) mod\b|(?:rejst|rejser|rejste) tiltale mod\b|(?:tabte|tabt|taber|vandt|vundet|vinder) (?:rets)?sagen mod\b|stævn(?:er|ede|et|e)\b|(?:lagt|lagde|lægger|anlagt|anlægger|anlægge) sag\b|retssag mod\b)/u;
const REVOKE_TRIGGER =
  /\b(?:inddrag(?:er|et|e|ede)|inddrog|fratag(?:er|et|e)|fratog|(?:tager|tog|trækker|trak)\s+(?:\p{Ll}+\s+)?(?:licensen|tilladelsen|autorisationen|bevillingen))\b/u;
const SUED_BY = String.raw`(?:sagsøgt|stævnet|tiltalt)\s+af\b`;
const SUE_PASSIVE = new RegExp(String.raw`\b${SUED_BY}`, 'u');
/** SUE_PASSIVE where the matched verb stands first ("sagsøgt af …" at a lawsuit trigger). */
export const SUED_BY_AT_START = new RegExp(`^${SUED_BY}`, 'u');
// A call is a meeting too (RELATIONS.md: calls and conversations): "ringede mandag til Antony Blinken".
const MEET_TRIGGER =
  /\b(?:mødtes\b|mødes\b|møder\b(?= \p{Lu}| den| det)|mødte\b|holdt (?:et )?møde med\b|(?:ringede|har ringet|telefonerede)\b(?!\s+(?:ikke|aldrig)\b)(?=(?:\s+\p{Ll}+){0,2}\s+til\s))/u;
// (An appeal, "anke dommen", is part of the case, no opposition: the gold marks none.)
const OPPOSE_TRIGGER =
  /\b(?:modstand mod\b|protester(?:er|ede) mod\b|kritiser(?:er|ede|et)\b|kritik af\b|advarer mod\b|går imod\b|modsætter sig\b|klager over\b|klagede over\b|er uenig i\b|beskyld(?:er|te)\b|beskyldt\b)/u;
// "har ejet X siden 2019" owns it still; "havde ejet", "indtil nu har ejet" tell an ownership that ends.
const OWN_ACTIVE =
  /\b(?:ejer|ejede|(?<!(?:indtil nu|hidtil) )har ejet|er hovedaktionær i|er storaktionær i|er majoritetsejer af|er medejer af)\b/u;
const OWN_PASSIVE = /\b(?:ejes af|ejet af|datterselskab (?:af|til|under)|er en del af koncernen)\b/u;
const ACQUIRE_ACTIVE =
  /\b(?:opkøber|opkøbte|har opkøbt|køber|købte|har købt|(?:har|havde) (?:siden \d{4}|i (?:mange |flere )?år|længe|altid) (?:købt|indkøbt)|overtager|overtog|har overtaget|at købe|at opkøbe|at overtage|vil købe|vil opkøbe|ville købe|ville opkøbe|ville overtage)\b/u;
const ACQUIRE_PASSIVE = /\b(?:opkøbt af|købt af|overtaget af|opkøbes af|købes af|overtages af)\b/u;
const PARTNER_TRIGGER =
  /\b(?:samarbejde|samarbejder|samarbejdsaftale|partnerskab|partneraftale|strategisk aftale|indgår (?:en )?aftale|har indgået (?:en )?aftale|indgået (?:en )?aftale)\b/u;
const TRADE_TRIGGER = /\b(?:handler med|handlede med|har handlet med)\b/u;
/** A court's ruling on a party: the verb, and the passive with the court after "af". */
const COURT_CUE = /(?:idøm|dømte|dømmer|frifandt|frifinder|frifundet|frikend)/u;
const COURT_ACTIVE = /\b(?:idømte|idømmer|dømte|dømmer|frifandt|frifinder|frikendte|frikender)\b/u;
const COURT_PASSIVE =
  /\b(?:blev|er blevet|bliver)\s+(?:\p{Ll}+\s+){0,4}?(?:idømt|dømt|frifundet|frikendt)\b(?=[^.;]*\baf\s)/u;
// (A court by its name too: "Retten i Holbæk", "Byretten i Aalborg" are in no list.)
const isCourt = (e: ResolvedEntity): boolean => e.court || (e.type === 'Government' && COURT_WORD.test(e.name));
const courtParty = (e: ResolvedEntity): boolean => e.type !== 'Place' && !isCourt(e);

const REGULATE_TRIGGER =
  /\b(?:regulerer|regulering af|fører tilsyn|tilsyn med|giver (?:\p{L}+ )?en bøde|idømmer|idømt|pålægger|pålagt|pålagde|bøde til|undersøger|efterforsker|(?:undersøgelse|granskning) af|godkender|godkendte|har godkendt|kræver|påbud|påbyder)\b/u;
/** Characters between an authority and the verb it acts on a municipality with ("Datatilsynet har nu pålagt"). */
const LOCAL_AGENT_GAP = 30;
const POLICE_REPORT = /\bpolitianmeld\p{L}*/u;
const LOCATED_TRIGGER =
  /\b(?:hovedsæde|hovedkontor|hovedkvarter|hjemmehørende|baseret|placeret|med base|med hjemsted|har kontor|har kontorer|domicil|(?:har|haft) til huse|holder til|har (?:\p{Ll}+ ){0,2}(?:datterselskaber|datterselskab|afdelinger|afdeling|filialer|fabrikker|fabrik)) i\b|-baserede\b/u;
const MEMBER_TRIGGER =
  /\b(?:medlem(?:mer)? af|sidder i bestyrelsen (?:for|i|hos)|bestyrelsesmedlem (?:i|hos)|medlem(?:mer)? af bestyrelsen (?:for|i|hos)|er med i|meldt sig ind i|melder sig ind i|tilslutter sig|spiller (?:til daglig )?(?:for|i))\b/u;
/** Characters between a new board member and the words of the seat ("X, der var it-direktør i Y, valgt ind"). */
const BOARD_MEMBER_GAP = 90;
/** Taking a board seat: only a person does ("… og Birgit Mose, der var it-direktør i Region Midtjylland, valgt ind"). */
const BOARD_SEAT_TRIGGER =
  /\b(?:(?:indtræder|indtrådt|indtrådte|træder ind|trådt ind|trådte ind|valgt ind|nyvalgt|indvalgt) i bestyrelsen (?:for|i|hos)|plads i bestyrelsen (?:for|i|hos)|bestyrelsespost (?:i|hos))\b/u;
const NEGATION = /\b(?:ikke|aldrig|ingen|forbud|forbyde|forbydes|forhindre|stoppe)\b/u;
const CITE_VERB_BEFORE =
  /\b(?:skriver|skrev|rapporterer|rapporterede|erfarer|erfarede|oplyser|oplyste|melder|meldte|beretter|berettede|afslører|afslørede|citerer|ifølge|henviser til|med henvisning til|kilder til|interview med|samtale med|(?:omtalt|beskrevet|afsløret|afdækket|citeret) af|(?:en|sin) artikel i|en leder i|oplyser over for)\s+(?:(?:det amerikanske |det britiske |det tyske |det franske |det danske |den amerikanske )?(?:nyhedsbureau(?:et)?|avisen|mediet|netmediet|fagmediet|tv-stationen|magasinet)\s+)?$/u;
const CITE_VERB_AFTER =
  /^\s*(?:,\s*(?:der|som)\s+(?:\p{Ll}+\s+){0,3})?(?:skriver|skrev|rapporterer|rapporterede|erfarer|erfarede|erfaret|melder|meldte|beretter|berettede|kunne fortælle|fortæller|afslører|afslørede|afsløret|har erfaret|citerer|citerede|meddeler|meddelte|bringer|bragte|slår fast|slog fast|har omtalt|omtalte)\b/u;
/**
 * A sentence that opens with the medium a statement is made in: "I Politiken opfordrer X til …", "I dagens Børsen
 * siger X …" (the slot's text before it, lowercased, and a verb right after it).
 */
const IN_MEDIUM_OPENING = /^\s*i\s+(?:(?:dagens|gårsdagens|søndagens|lørdagens|weekendens)\s+)?$/u;
const VERB_AFTER_MEDIUM = /^\s+(?:\p{Ll}+er|skrev|sagde|mente|kaldte|gik|bad|slog)\b/u;
const SPEECH_VERB =
  /\b(?:siger|sagde|udtaler|udtalte|påpeger|påpegede|fortæller|fortalte|oplyser|oplyste|understreger|understregede|meddeler|meddelte|forklarer|forklarede|vurderer|vurderede|mener)\b/u;

/** A municipality or a region ("Esbjerg Kommune", "Region Nordjylland"): a public body authorities act on. */
export function isLocalGovernment(e: ResolvedEntity): boolean {
  return e.type === 'Government' && !e.isCountry && !e.court && LOCAL_BODY_NAME.test(e.name);
}

const LOCAL_BODY_NAME = /^Region\s|\sKommune$|^Kommune\s|\sRegionskommune$/u;

/** The words before a sanction that make it the offence ("for brud på sanktionerne", "at omgå eksportforbuddet"). */
const SANCTION_OFFENCE_BEFORE =
  /\b(?:brud på|bryde|brudt|bryder|overtrædelse af|overtrådt|overtræde|overtræder|overtrådte|omgå|omgået|omgår|omgik|omgåelse af|i strid med|krænkelse af)\s+(?:[\p{L}'’-]+\s+){0,3}\p{L}*$/u;

/** True when the sanction word at `at` in the lowercased sentence is an offence ("for brud på sanktionerne"). */
export function isSanctionOffence(lower: string, at: number): boolean {
  return at >= 0 && SANCTION_OFFENCE_BEFORE.test(lower.slice(Math.max(0, at - 40), at));
}

/** States (and government bodies acting for them) that can impose sanctions or regulate. */
function isStateActor(e: ResolvedEntity): boolean {
  return e.type === 'Government' && !e.court;
}

function isOrgLike(e: ResolvedEntity): boolean {
  return e.type === 'Company' || e.type === 'Organization';
}

/** Who can employ a person: a company, an organisation or a public body (not a state as such). */
function isEmployer(e: ResolvedEntity): boolean {
  return isOrgLike(e) || (e.type === 'Government' && !e.isCountry);
}

function textBetween(s: SentenceContext, a: { end: number }, b: { start: number }): string {
  return s.sentence.text.slice(a.end, b.start);
}

function lower(s: SentenceContext): string {
  return s.lower;
}

/**
 * The lowercased sentence up to `end`, as `text.slice(0, end).toLowerCase()`: a slice of the lowercased
 * sentence when lowercasing kept every offset (only "İ" grows, to two code units).
 */
function lowerPrefix(s: SentenceContext, end: number): string {
  return s.lower.length === s.sentence.text.length
    ? s.lower.slice(0, end)
    : s.sentence.text.slice(0, end).toLowerCase();
}

/** The state a person leads, from HEADS relations found so far in the article or the well-known-people list. */
export function stateOfPerson(person: ResolvedEntity, sink: RelationSink, ctx: ArticleContext): ResolvedEntity | null {
  for (const toId of sink.headsOf.get(person.id) ?? []) {
    const e = ctx.resolution.byId.get(toId);
    if (e && e.type === 'Government') return e;
  }
  const affiliation = gazetteer().affiliationOf.get(person.name);
  if (affiliation) {
    const e = ctx.resolution.entities.find((x) => x.type === 'Government' && x.name === affiliation);
    if (e) return e;
  }
  return null;
}

/** The words before a state that sanctions are aimed at: "sanktionerne mod (det officielle) Rusland". */
const SANCTIONED_STATE_BEFORE =
  /\b(?:sanktion\p{L}*|restriktion\p{L}*|embargo\p{L}*|straffetold\p{L}*|eksportforbud\p{L}*|importforbud\p{L}*)\s+(?:mod|over for|rettet mod)\s+(?:det\s+|den\s+)?(?:\p{Ll}+\s+)?$/u;

/** "brud på sanktionerne mod Rusland": the state after "sanktioner mod" is their target, never an agent of a rule. */
function isSanctionTarget(s: SentenceContext, slot: Slot): boolean {
  return SANCTIONED_STATE_BEFORE.test(s.lower.slice(Math.max(0, slot.start - 40), slot.start));
}

/**
 * The actors of the sentence acting for a state (Government slots, or persons who head one). Only the first
 * such actor and those coordinated with it ("USA og EU") count: a later state is usually the one the
 * sanctioned firms are tied to ("bånd til det kinesiske militær"), not the one sanctioning.
 */
export function stateAgents(
  s: SentenceContext,
  sink: RelationSink,
  ctx: ArticleContext,
): { slot: Slot; state: ResolvedEntity }[] {
  const all: { slot: Slot; state: ResolvedEntity }[] = [];
  for (const slot of s.slots) {
    if (isSanctionTarget(s, slot)) continue;
    if (isStateActor(slot.entity)) all.push({ slot, state: slot.entity });
    else if (slot.entity.type === 'Person') {
      const state = stateOfPerson(slot.entity, sink, ctx);
      if (state) all.push({ slot, state });
    }
  }
  // A municipality or region acts as a state only when no national body does ("Ifølge Esbjerg Kommune har
  // Datatilsynet givet X en bøde": the authority fines).
  if (all.some((a) => !isLocalGovernment(a.state)) && all.some((a) => isLocalGovernment(a.state)))
    all.splice(0, all.length, ...all.filter((a) => !isLocalGovernment(a.state)));
  const out = all.slice(0, 1);
  for (let i = 1; i < all.length; i++) {
    const gap = s.sentence.text.slice(all[i - 1].slot.end, all[i].slot.start);
    if (out.includes(all[i - 1]) && (all[i].state.id === out[0].state.id || /^\s*(?:,|og|samt)\s*$/u.test(gap)))
      out.push(all[i]);
  }
  return out;
}

/** The global version of each trigger, compiled once: one scan of the sentence finds every match. */
const globalVersions = new Map<RegExp, RegExp>();
const NO_POSITIONS: readonly { start: number; end: number }[] = [];

/** Character positions of every match of a trigger in the sentence. */
export function triggerPositions(text: string, re: RegExp): readonly { start: number; end: number }[] {
  let global = globalVersions.get(re);
  if (!global) {
    global = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
    globalVersions.set(re, global);
  }
  global.lastIndex = 0;
  let m = global.exec(text);
  if (!m) return NO_POSITIONS;
  const out: { start: number; end: number }[] = [];
  while (m) {
    out.push({ start: m.index, end: m.index + m[0].length });
    // As matchAll does: an empty match moves on by one code point.
    if (m[0].length === 0) global.lastIndex = advance(text, global.lastIndex, global.unicode);
    m = global.exec(text);
  }
  global.lastIndex = 0;
  return out;
}

function advance(text: string, at: number, unicode: boolean): number {
  if (!unicode || at + 1 >= text.length) return at + 1;
  const high = text.charCodeAt(at);
  const low = text.charCodeAt(at + 1);
  return high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff ? at + 2 : at + 1;
}

function nearest(slots: readonly Slot[], at: { start: number; end: number }): Slot | undefined {
  let best: Slot | undefined;
  let bestDistance = Infinity;
  for (const slot of slots) {
    const d = slot.end <= at.start ? at.start - slot.end : slot.start >= at.end ? slot.start - at.end : 0;
    if (d < bestDistance) {
      bestDistance = d;
      best = slot;
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------------------------------

/** Navnenyt: EMPLOYED_BY {title, since}, FORMERLY_AT {title}, EDUCATED_AT {degree}, PART_OF for a brand named in the title. */
function announcementRelations(s: SentenceContext, sink: RelationSink): void {
  const fact = s.announcement;
  if (!fact) return;
  const at = (span: { start: number } | null, types: readonly string[]) =>
    span ? s.slots.find((x) => x.via === 'name' && x.start === span.start && types.includes(x.entity.type)) : undefined;
  const person = at(fact.person, ['Person'])?.entity ?? s.announcedPerson;
  const org = at(fact.organization, ['Company', 'Organization', 'Government']);
  if (!person) return;
  const title = fact.title?.text ?? null;
  switch (fact.kind) {
    case 'HIRED':
    case 'PROMOTED':
      if (org) sink.add(person.id, 'EMPLOYED_BY', org.id, s, 0.95, { title, since: fact.date });
      if (org && fact.unit) {
        const unit = at(fact.unit, ['Company', 'Organization']);
        if (unit) sink.add(unit.id, 'PART_OF', org.id, s, 0.7);
      }
      break;
    case 'DEPARTED':
      if (org)
        sink.add(person.id, 'FORMERLY_AT', org.id, s, 0.9, {
          title: fact.previousTitle?.text ?? title,
          until: fact.date,
        });
      break;
    case 'FORMERLY_AT':
      if (org) sink.add(person.id, 'FORMERLY_AT', org.id, s, 0.9, { title });
      break;
    case 'EDUCATED_AT':
      if (org) sink.add(person.id, 'EDUCATED_AT', org.id, s, 0.9, { degree: fact.degree?.text ?? null });
      break;
    default:
      break;
  }
  // A second clause the announcement grammar leaves out: "… hos X og er uddannet fra U", "… og er medlem af bestyrelsen i Z".
  const tail = fact.organization ?? fact.title;
  if (!tail) return;
  for (const slot of s.slots) {
    if (slot.via !== 'name' || slot.start < tail.end || !isOrgLike(slot.entity) || slot.id === org?.id) continue;
    const between = s.sentence.text.slice(tail.end, slot.start);
    if (/\bog (?:er|blev) uddannet (?:[^,.;]+ )?(?:fra|på|ved) $/u.test(between))
      sink.add(person.id, 'EDUCATED_AT', slot.id, s, 0.8, { degree: null });
    else if (
      /\bog (?:er|sidder) (?:(?:også )?medlem af bestyrelsen|bestyrelsesmedlem|medlem|i bestyrelsen) (?:i|hos|for|af) $/u.test(
        between,
      )
    )
      sink.add(person.id, 'MEMBER_OF', slot.id, s, 0.75);
  }
}

/**
 * Titles: "Huaweis danske landechef, Ren Ke" (genitive organisation + title + person), "den kinesiske præsident
 * Xi Jinping" (nationality + head-of-state title), "Ren Ke, landechef i Huawei", "topchef i Microsoft, Satya Nadella".
 */
/** Party titles that lead the party ("Venstres formand, X"); any other party title is a member's. */
const PARTY_LEADERS = /^(?:formand|partiformand|landsformand|partileder|leder|politisk leder)$/iu;

let partyNames: ReadonlySet<string> | undefined;
/** A political party of the organisation list (those with a ballot letter). */
function isParty(e: ResolvedEntity): boolean {
  partyNames ??= new Set([...gazetteer().partyByLetter.values()].map((entry) => entry.name));
  return e.type === 'Organization' && partyNames.has(e.name);
}

/** Words before a role that make it one the person had: "tidligere topchef", "fhv. direktør", "der var direktør i". */
const FORMER_ROLE = /\b(?:tidligere|forhenværende|fhv\.|forhen|var)(?:\s|$)/iu;
const FORMER_ROLE_WORDS = /^(?:(?:der|som)\s+)?(?:tidligere\s+|forhenværende\s+|fhv\.\s+)?(?:var\s+)?/iu;

/** Whether a "tidligere" (or "fhv.", "forhenværende", "eks-") stands right before position `at` of the sentence. */
function formerBefore(s: SentenceContext, at: number): boolean {
  return /\b(?:tidligere|forhenværende|fhv\.|eks-?)\s*$/iu.test(
    s.sentence.text.slice(Math.max(0, at - 25), Math.max(0, at)),
  );
}

/**
 * "Selskabets finansdirektør Eva Holm", "siger Claus Vinter, bankens direktør for betalinger": a title under a
 * reference to a body ("selskabets", "koncernens", "bankens", "kommunens") relates the person to the body referred to.
 */
function referenceTitleRelations(s: SentenceContext, sink: RelationSink): void {
  for (let i = 0; i < s.slots.length; i++) {
    const r = s.slots[i];
    if ((r.via !== 'anaphor' && r.via !== 'definite') || !r.text.endsWith('s') || r.entity.type === 'Person') continue;
    // Title after the reference, person after the title: "Selskabets finansdirektør Eva Holm".
    const after = s.slots.slice(i + 1).find((x) => x.via === 'name');
    const m = after && TITLE_THEN_NAME.exec(textBetween(s, r, after));
    if (after && after.entity.type === 'Person' && m && isPersonTitle(m[2])) {
      sink.add(after.id, titleRelationType(s, r, m[1], m[2]), r.id, s, 0.75, { title: m[1] });
      continue;
    }
    // Person before, then ", <reference>s <title>": "Claus Vinter, bankens direktør for betalinger".
    const before = s.slots.slice(0, i).findLast((x) => x.via === 'name');
    const t = before && before.entity.type === 'Person' ? /^\s*,\s*$/u.test(textBetween(s, before, r)) : false;
    const title = t
      ? /^\s+((?:\p{Ll}[\p{L}-]*\s+){0,2}?([\p{L}.-]+))(?=\s|,|\.|$)/u.exec(s.sentence.text.slice(r.end))
      : null;
    if (before && title && isPersonTitle(title[2]))
      sink.add(before.id, titleRelationType(s, r, title[1], title[2]), r.id, s, 0.75, { title: title[1] });
  }
}

/** The words between a body's genitive and a person: a title of up to three words ("administrerende direktør"). */
const DISMISSED =
  /\b(?:fyret|fyrer|fyrede|afskediget|afskediger|afskedigede|fritstillet|fritstiller|bortvist|bortviser|udskiftet|udskifter|sagt farvel til|takket af)\b/u;
/** "sin", "sit" or "sine" stands in the sentence: substring tests, run per sentence. */
function mayOwnTitle(lower: string): boolean {
  return lower.includes(' sin ') || lower.includes(' sit ') || lower.includes(' sine ');
}
/** "sin tidligere udviklingschef", "sin nye administrerende direktør," right before a person's name. */
const OWN_TITLE_BEFORE =
  /\bsi(?:n|t|ne)\s+((?:tidligere|forhenværende|nye|nuværende|mangeårige)\s+)?((?:\p{Ll}[\p{L}.-]*\s+){0,2}?(\p{Ll}[\p{L}.-]*)),?\s+$/u;

/**
 * "Kodeværket har tabt en sag mod sin tidligere udviklingschef Mads Holt": a title owned by the sentence's subject
 * ("sin") names the person's post at it; "tidligere" makes it a post held before.
 */
function possessiveTitleRelations(s: SentenceContext, sink: RelationSink): void {
  const slots = s.slots.filter((x) => !x.mention?.silent);
  for (const person of slots) {
    if (person.entity.type !== 'Person' || person.via !== 'name') continue;
    const before = s.sentence.text.slice(Math.max(0, person.start - 60), person.start);
    const m = OWN_TITLE_BEFORE.exec(before);
    if (!m || !isPersonTitle(m[3])) continue;
    const at = person.start - before.length + m.index;
    // The subject: the organisation named before "sin"; a person before it may be the owner ("Lars Løkke besøgte
    // Novo Nordisk sammen med sin rådgiver"), so then nothing is read.
    if (slots.some((x) => x.entity.type === 'Person' && x.end <= at)) continue;
    const subject = [...slots].reverse().find((x) => x.end <= at);
    if (!subject || !isEmployer(subject.entity) || subject.entity.id === person.entity.id) continue;
    // "har fyret sin direktør": the post is left by the deed.
    const former =
      (m[1] !== undefined && /^(?:tidligere|forhenværende)/u.test(m[1])) ||
      DISMISSED.test(s.sentence.text.slice(subject.end, at));
    const title = m[2].trim();
    const type = former ? 'FORMERLY_AT' : headsWith(title) ? 'HEADS' : 'EMPLOYED_BY';
    sink.add(
      person.id,
      type,
      subject.id,
      s,
      0.7,
      type === 'EMPLOYED_BY' || type === 'HEADS' ? { title, since: null } : { title },
    );
  }
}

/**
 * Roles whose compound names what the role is about, not who employs it: a party's "EU-ordfører" speaks on EU
 * matters, a "Kina-korrespondent" reports from China, a "Rusland-ekspert" studies Russia.
 */
const TOPIC_ROLE = /^(?:ordfører|korrespondent|ekspert|analytiker|kender)(?:en)?$/u;

/** Titles of outside counsel and advisers, who may speak for a client from a firm of their own. */
const ADVISER_TITLE = /^(?:advokat|advokaten|advokater|forsvarer|forsvareren|revisor|revisoren|rådgiver|rådgiveren)$/iu;
/** "… fra advokatfirmaet Bang & Friis", "hos Kromann Reumert": the firm right after the person. */
const FROM_FIRM_AFTER = /^\s+(?:fra|hos)\s+(?:\p{Ll}[\p{L}-]*\s+)?\p{Lu}/u;
const TITLE_THEN_NAME = /^\s+((?:\p{Ll}[\p{L}-]*\s+){0,2}?([\p{L}.-]+))\s*,?\s*$/u;

/** HEADS for a head title ("administrerende direktør", "formand"), FORMERLY_AT after "tidligere", else EMPLOYED_BY. */
function titleRelationType(s: SentenceContext, body: Slot, title: string, last: string): RelationType {
  if (formerBefore(s, body.start) || /^(?:tidligere|fhv\.|forhenværende)\s/u.test(title)) return 'FORMERLY_AT';
  return currentTitleType(title, last);
}

/**
 * HEADS or EMPLOYED_BY by a title ending in `last`: "administrerende direktør" / "adm. direktør" is the head; a bare
 * "direktør" may be one of several.
 */
function currentTitleType(title: string, last: string): 'HEADS' | 'EMPLOYED_BY' {
  return (HEAD_TITLES.has(last.toLowerCase()) && !STAFF_TITLES.has(last.toLowerCase())) || MANAGING_TITLE.test(title)
    ? 'HEADS'
    : 'EMPLOYED_BY';
}

function titleRelations(s: SentenceContext, sink: RelationSink, ctx: ArticleContext): void {
  referenceTitleRelations(s, sink);
  const slots = s.slots.filter((x) => x.via === 'name');
  // "DR's korrespondent i Washington, Marie Lund", "Novos landechef i Kina, X": a genitive body, a title with the place
  // of the post, and the person.
  for (let i = 0; i + 2 < slots.length; i++) {
    const [a, place, b] = [slots[i], slots[i + 1], slots[i + 2]];
    if (place.entity.type !== 'Place' || b.entity.type !== 'Person' || !isOrgLike(a.entity)) continue;
    if (!/(?:'s|’s|s|')$/u.test(a.text)) continue;
    const title = /^\s+((?:\p{Ll}[\p{L}-]*\s+)?(\p{Ll}[\p{L}-]*))\s+(?:i|på)\s+$/u.exec(textBetween(s, a, place));
    if (!title || !isPersonTitle(title[2]) || !/^\s*,?\s*$/u.test(textBetween(s, place, b))) continue;
    sink.add(b.id, currentTitleType(title[1], title[2]), a.id, s, 0.8, { title: title[1] });
  }
  for (let i = 0; i + 1 < slots.length; i++) {
    const a = slots[i];
    const b = slots[i + 1];
    // Organisation genitive + title + person.
    if (
      b.entity.type === 'Person' &&
      a.entity.type !== 'Person' &&
      a.entity.type !== 'Place' &&
      /(?:'s|’s|s)$/u.test(a.text)
    ) {
      const m = TITLE_THEN_NAME.exec(textBetween(s, a, b));
      if (m && isPersonTitle(m[2]) && isParty(a.entity)) {
        // "Enhedslistens politiske ordfører Pelle Dragsted": a party's spokesperson is a member; its chair heads it.
        sink.add(b.id, PARTY_LEADERS.test(m[2]) ? 'HEADS' : 'MEMBER_OF', a.id, s, 0.85, { title: m[1] });
        continue;
      }
      // "Kodeværkets advokat, Louise Bang fra Bang & Friis": counsel from a firm works for the firm, which serves
      // the client (the classifier reads that pair).
      if (m && isPersonTitle(m[2]) && ADVISER_TITLE.test(m[2]) && FROM_FIRM_AFTER.test(s.sentence.text.slice(b.end))) {
        sink.ruleOut(b.id, a.id, s);
        continue;
      }
      if (m && isPersonTitle(m[2])) {
        sink.add(b.id, currentTitleType(m[1], m[2]), a.id, s, 0.85, { title: m[1] });
        continue;
      }
      // "EU-Kommissionens konkurrencekommissær, X" / "regeringens erhvervsminister, X": a member of the body.
      if (m && a.entity.type === 'Government' && /(?:kommissær|minister)$/iu.test(m[2])) {
        sink.add(b.id, 'MEMBER_OF', a.id, s, 0.75, { title: m[1] });
        continue;
      }
    }
    // Nationality + head-of-state title + person (the government mention carries the title).
    if (b.entity.type === 'Person' && a.mention?.headTitle && /^\s*,?\s*$/u.test(textBetween(s, a, b))) {
      const heads = STATE_HEAD_TITLES.has(a.mention.headTitle);
      sink.add(b.id, heads ? 'HEADS' : 'EMPLOYED_BY', a.id, s, 0.85, { title: a.mention.headTitle });
      continue;
    }
    // "Apple-chef Tim Cook": a compound of the organisation and a title before a person.
    if (b.entity.type === 'Person' && a.entity.type !== 'Person' && a.entity.type !== 'Place') {
      // "EF-ordfører Bjørn Westh", "Kina-korrespondent X": the compound names the role's subject, not an employer.
      const topic = /^-(\p{Ll}+)\s*,?\s+$/u.exec(textBetween(s, a, b));
      if (topic && TOPIC_ROLE.test(topic[1])) {
        sink.ruleOut(b.id, a.id, s);
        continue;
      }
      const m = /^-(\p{Ll}+)\s+$/u.exec(textBetween(s, a, b));
      if (m && isPersonTitle(m[1])) {
        const type = formerBefore(s, a.start) ? 'FORMERLY_AT' : HEAD_TITLES.has(m[1]) ? 'HEADS' : 'EMPLOYED_BY';
        sink.add(b.id, type, a.id, s, 0.8, { title: m[1] });
        continue;
      }
    }
    // Person, (der er) title i/hos/for organisation; Person er title i organisation; Person (title i organisation).
    if (a.entity.type === 'Person' && b.entity.type !== 'Person' && b.entity.type !== 'Place' && a.via === 'name') {
      const between = textBetween(s, a, b);
      const m =
        /^\s*(?:,\s*(?:der|som)\s+(?:er|var|bliver|blev)\s+|,\s*|\s+(?:er|var|bliver|blev)\s+(?:ny\s+)?|\s*\(\s*)((?:[\p{L}.-]+\s+){0,3}?([\p{L}.-]+))\s+(?:i|hos|for|ved|på)\s+(?:\p{Ll}[\p{L}-]*\s+)?$/u.exec(
          between,
        );
      if (m && isPersonTitle(m[2])) {
        // ", der tidligere var topchef i Adidas", ", der var direktør i Nets": a role the person had.
        const lead = m[0].slice(0, m[0].lastIndexOf(m[2]));
        const type = FORMER_ROLE.test(lead) ? 'FORMERLY_AT' : headsWith(m[1]) ? 'HEADS' : 'EMPLOYED_BY';
        sink.add(a.id, type, b.id, s, 0.8, { title: m[1].replace(FORMER_ROLE_WORDS, '').trim() });
        continue;
      }
      // "siger analytiker Anna Berg fra Gartner": a person speaking for an organisation.
      if (/^\s+fra\s+(?:\p{Ll}[\p{L}-]*\s+)?$/u.test(between) && isOrgLike(b.entity) && !b.entity.media) {
        // "Administrerende direktør Lars Kobberø fra Tuse Næs Energi": a head's title before the name says more.
        const title = /(?<![\p{L}.-])((?:[\p{L}.-]+\s+)?[\p{L}.-]+)\s+$/u.exec(
          s.sentence.text.slice(Math.max(0, a.start - 40), a.start),
        )?.[1];
        const heads = title !== undefined && isPersonTitle(title.split(/\s+/u).at(-1)!) && headsWith(title);
        // "Torben Piechnik fra Liverpool scorede": in a sports story a player belongs to the club (MEMBER_OF, as
        // RELATIONS.md reads players), not a staff member.
        if (
          !heads &&
          (isClub(b.entity) ||
            SPORTS_CUE.test(ownClause(s, a.start, b.end)) ||
            // (A town the sports story names as the club: "Torben Piechnik fra Liverpool og mig, der skal …".)
            (b.entity.type === 'Organization' && SPORTS_CUE.test(s.lower)))
        )
          sink.add(a.id, 'MEMBER_OF', b.id, s, 0.6);
        else
          sink.add(a.id, heads ? 'HEADS' : 'EMPLOYED_BY', b.id, s, heads ? 0.7 : 0.55, { title: heads ? title : null });
        continue;
      }
    }
    // Title i/hos organisation, person.
    if (b.entity.type === 'Person' && a.entity.type !== 'Person' && a.entity.type !== 'Place') {
      const before = s.sentence.text.slice(Math.max(0, a.start - 40), a.start);
      const m = /(?<![\p{L}.-])((?:[\p{L}.-]+\s+){0,2}?([\p{L}.-]+))\s+(?:i|hos|for|ved)\s+$/u.exec(before);
      // ("Professor ved Aarhus Universitet Jens Mogensen": the comma may be left out.)
      if (m && isPersonTitle(m[2]) && /^\s*,?\s*$/u.test(textBetween(s, a, b))) {
        const former = FORMER_ROLE.test(m[1]) || formerBefore(s, a.start - m[0].length);
        // "Her formanden for X": words before the title that do not qualify it ("Her", "Også") are no part of it.
        const words = m[1].split(/\s+/u);
        const qualifies = (w: string) =>
          /^\p{Ll}/u.test(w) ||
          // "Formanden og bankdirektøren for X": a title joined to the title.
          (isPersonTitle(w) && /^og\s/u.test(m[1].slice(m[1].indexOf(w) + w.length).trimStart())) ||
          HEAD_KEEPING_WORDS.has(w.toLowerCase()) ||
          FORMER_ROLE.test(w) ||
          /^(?:administrerende|adm\.)$/iu.test(w);
        while (words.length > 1 && !qualifies(words[0])) words.shift();
        const title = words.join(' ');
        const type = former ? 'FORMERLY_AT' : headsWith(title) ? 'HEADS' : 'EMPLOYED_BY';
        sink.add(b.id, type, a.id, s, 0.75, { title: title.replace(FORMER_ROLE_WORDS, '').trim() });
      }
    }
  }
  // "Myntbro-formand Birgitte Hald", "Carrollton-topchef Diane Whitcomb": a compound of a short form of an organisation
  // the article names and a title, before a person (the compound itself is no mention, so the rule above misses it).
  for (const slot of slots) {
    if (slot.entity.type !== 'Person') continue;
    const m = /(?:^|[\s"“”'‘’(])(\p{Lu}[\p{L}\d&.]*)-(\p{Ll}+)\s+$/u.exec(
      s.sentence.text.slice(Math.max(0, slot.start - 60), slot.start),
    );
    if (!m || !isPersonTitle(m[2]) || TOPIC_ROLE.test(m[2])) continue;
    const org = organizationNamed(ctx, m[1]);
    if (!org) continue;
    const title = m[2].toLowerCase();
    const compoundAt = slot.start - (Math.min(60, slot.start) - m.index);
    const type = formerBefore(s, compoundAt) ? 'FORMERLY_AT' : headsWith(title) ? 'HEADS' : 'EMPLOYED_BY';
    sink.add(slot.id, type, org.id, s, 0.75, { title });
  }
  // "digitaliseringsminister Anna Berg" and an entity "Digitaliseringsministeriet" in the article: she heads it.
  for (const slot of slots) {
    if (slot.entity.type !== 'Person') continue;
    // Case-insensitive: the title may open the sentence ("Digitaliseringsminister Anna Berg siger …").
    const m = /(\p{L}+)minister(?:en)?\s+$/u.exec(s.sentence.text.slice(Math.max(0, slot.start - 40), slot.start));
    if (!m) continue;
    const field = m[1].toLowerCase();
    const ministry = ctx.resolution.entities.find(
      (e) => e.type === 'Government' && e.name.toLowerCase().startsWith(`${field}ministeri`),
    );
    if (ministry) sink.add(slot.id, 'HEADS', ministry.id, s, 0.7, { title: `${field}minister` });
  }
  // "foreningens formand, X" / "organisationens direktør, X": the association named last in this or the few sentences before.
  for (const slot of slots) {
    if (slot.entity.type !== 'Person') continue;
    const m =
      /\b(?:brancheforeningen|foreningen|organisationen|interesseorganisationen|forbundet|fagforbundet)s\s+((?:\p{Ll}[\p{L}.-]*\s+){0,2}?(\p{L}+))\s*,?\s*$/iu.exec(
        s.sentence.text.slice(Math.max(0, slot.start - 60), slot.start),
      );
    if (!m || !isPersonTitle(m[2])) continue;
    const org = recentOrganization(ctx, s, slot.start);
    if (!org) continue;
    const head =
      /^(?:formand|formanden|direktør|direktøren|generalsekretær|leder|lederen)$/iu.test(m[2]) ||
      MANAGING_TITLE.test(m[1]);
    sink.add(slot.id, head ? 'HEADS' : 'EMPLOYED_BY', org.id, s, 0.65, { title: m[1] });
  }
  // "præsident Donald Trump": a head-of-state title without a nationality. The state is the one the person is
  // known for, else the country named closest before the title ("fra USA, hvor præsident Joe Biden"), else the only one.
  const countries = s.slots.filter((x) => x.entity.isCountry && !x.mention?.silent);
  for (const slot of slots) {
    if (slot.entity.type !== 'Person') continue;
    const before = s.sentence.text.slice(Math.max(0, slot.start - 25), slot.start);
    const m = /(\p{L}+)\s+$/u.exec(before);
    if (!m || !STATE_HEAD_TITLES.has(m[1].toLowerCase())) continue;
    if (sink.headsOf.has(slot.id)) continue;
    const affiliation = gazetteer().affiliationOf.get(slot.entity.name);
    const known = affiliation ? ctx.resolution.entities.find((e) => e.name === affiliation && e.isCountry) : undefined;
    // A listed leader of a state the article does not name heads none of the states it does name.
    if (affiliation && !known) continue;
    const preceding = countries.filter((x) => x.end <= slot.start).at(-1);
    // "Statsminister X talte med Ukraines præsident Y": a state another person of the sentence heads is not X's.
    const headedByOther = (id: string) => slots.some((o) => o !== slot && (sink.headsOf.get(o.id) ?? []).includes(id));
    const distinct = [...new Set(countries.map((x) => x.id))].filter((id) => !headedByOther(id));
    const state = known?.id ?? preceding?.id ?? (distinct.length === 1 ? distinct[0] : undefined);
    if (state) sink.add(slot.id, 'HEADS', state, s, known ? 0.75 : 0.6, { title: m[1].toLowerCase() });
  }
}

const MANAGING_TITLE = /\b(?:administrerende|adm\.)\s+direktør/iu;

/** Words that may stand before a title without saying anything about the role ("er desuden formand for"). */
const NOT_QUALIFYING: ReadonlySet<string> = new Set([
  'her',
  'desuden',
  'også',
  'nu',
  'stadig',
  'fortsat',
  'samtidig',
  'siger',
  'sagde',
  'mener',
  'fortæller',
  'forklarer',
  'oplyser',
  'både',
  'selv',
  'den',
  'det',
]);

/** Words before a head title that keep it the head's: "ny direktør", "fungerende topchef". */
const HEAD_KEEPING_WORDS: ReadonlySet<string> = new Set([
  'ny',
  'nye',
  'nyt',
  'nuværende',
  'fungerende',
  'konstitueret',
  'nyvalgte',
  'genvalgte',
]);

/**
 * True when a title (one to four words) makes the person the head: a head title ("direktør", "formand") alone or after
 * "ny"/"fungerende", or "administrerende direktør". A field before it makes a department's chief, an employee
 * ("handelspolitisk chef", "teknisk direktør", "kommunikationschef").
 */
function headsWith(title: string): boolean {
  if (MANAGING_TITLE.test(title)) return true;
  const words = title.toLowerCase().split(/\s+/u);
  // "er stadig topchef i", "siger formanden for": adverbs and speech verbs before a title qualify nothing.
  while (words.length > 1 && NOT_QUALIFYING.has(words[0])) words.shift();
  const last = words[words.length - 1];
  // "den socialdemokratiske formand", "Huaweis danske landechef", "Formanden og bankdirektøren": a party's or a
  // nation's adjective, or another head title joined by "og", leaves the head the head.
  const keeps = (w: string, i: number, all: readonly string[]) =>
    HEAD_KEEPING_WORDS.has(w) ||
    PARTY_ADJECTIVES.has(w) ||
    gazetteer().countryByAdjective.has(w) ||
    (w === 'og' && i > 0 && HEAD_TITLES.has(all[i - 1])) ||
    (HEAD_TITLES.has(w) && !STAFF_TITLES.has(w) && all[i + 1] === 'og');
  // "Formanden og bankdirektøren": a head title coordinated with another post is a head all the same.
  const and = words.indexOf('og');
  if (and > 0 && HEAD_TITLES.has(words[and - 1]) && !STAFF_TITLES.has(words[and - 1])) return true;
  return HEAD_TITLES.has(last) && !STAFF_TITLES.has(last) && words.slice(0, -1).every(keeps);
}

/** Party adjectives before a title: "den socialdemokratiske borgmester", "den konservative formand". */
const PARTY_ADJECTIVES: ReadonlySet<string> = new Set([
  'socialdemokratiske',
  'konservative',
  'radikale',
  'liberale',
  'socialistiske',
  'borgerlige',
  'venstreorienterede',
]);

/**
 * The one organisation of the article a short form names: its name, an alias, or its name's first word ("Myntbro" for
 * "Myntbro ApS", "Carrollton" for "Carrollton Health Systems"). None when two could be meant.
 */
function organizationNamed(ctx: ArticleContext, short: string): ResolvedEntity | undefined {
  const found = ctx.resolution.entities.filter(
    (e) =>
      e.type !== 'Person' &&
      e.type !== 'Place' &&
      !e.isCountry &&
      (e.name === short || e.aliases.includes(short) || e.name.split(' ')[0] === short),
  );
  return found.length === 1 ? found[0] : undefined;
}

/** The Organization named last before `at` in this sentence or up to three sentences before it. */
function recentOrganization(ctx: ArticleContext, s: SentenceContext, at: number): ResolvedEntity | null {
  const here = s.slots.filter((x) => x.via === 'name' && x.entity.type === 'Organization' && x.end <= at).at(-1);
  if (here) return here.entity;
  const i = ctx.sentences.indexOf(s);
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    if (ctx.sentences[k].sentence.section !== s.sentence.section) break;
    const last = ctx.sentences[k].slots.filter((x) => x.via === 'name' && x.entity.type === 'Organization').at(-1);
    if (last) return last.entity;
  }
  return null;
}

/** "Det skriver Bloomberg", "ifølge CNN", "siger X til Reuters", "nyhedsbureauet Reuters, der kunne fortælle". */
function citationRelations(s: SentenceContext, sink: RelationSink, ctx: ArticleContext): void {
  const text = s.sentence.text;
  // Tested only when a medium follows "til" (the test is the costly part).
  let speech: boolean | undefined;
  for (const slot of s.slots) {
    if (slot.via !== 'name' || slot.entity.type !== 'Company' || isPublisher(ctx, slot.entity)) continue;
    const before = text.slice(Math.max(0, slot.start - 60), slot.start).toLowerCase();
    const after = text.slice(slot.end, slot.end + 60);
    if (!slot.entity.media) {
      // A company no list knows is read as a medium only where only media fit: "Det skriver X", "X erfarer".
      const listed = slot.mention?.gazetteer !== undefined;
      if (
        !listed &&
        (/\bdet (?:skriver|rapporterer|erfarer|beretter)\s+$/u.test(before) ||
          /^\s*(?:erfarer|har erfaret|rapporterer)\b/u.test(after) ||
          // "…, skriver JydskeVestkysten." at the end of the sentence (not "skriver X i en pressemeddelelse").
          (/,\s*(?:skriver|rapporterer|beretter)\s+$/u.test(before) && /^\s*\.?\s*$/u.test(after)))
      ) {
        sink.add(ARTICLE, 'CITES', slot.id, s, 0.6);
      }
      continue;
    }
    const toMedium =
      /(?:^|\s)(?:til|over for|overfor)\s+$/u.test(before) &&
      (speech ??= SPEECH_VERB.test(s.lower)) &&
      !/\b(?:leveret|sendt|solgt|givet|overdraget)\s+til\s+$/u.test(before);
    const inMedium =
      slot.start < 60 &&
      IN_MEDIUM_OPENING.test(before) &&
      VERB_AFTER_MEDIUM.test(after) &&
      before.length === slot.start;
    if (CITE_VERB_BEFORE.test(before) || CITE_VERB_AFTER.test(after) || toMedium || inMedium) {
      sink.add(ARTICLE, 'CITES', slot.id, s, toMedium ? 0.75 : 0.9);
    }
  }
}

/** Between a body's genitive and a unit of it named next: "s flygtningeorganisation (", "s grænseagentur ". */
const GENITIVE_UNIT =
  /^(?:'s|’s|'|’|s)?\s+(?:\p{Ll}+e\s+)?\p{Ll}*(?:organisation|agentur|afdeling|enhed|styrelse|division|institut|program)\s*[,(]?\s*$/u;
/** A unit's own name: "Net- og Trafiksektionen", "Forskningsafdelingen". */
const UNIT_NAME = /(?:sektion|afdeling|division)(?:en)?$/iu;

/** Between a buyer in the genitive and what it buys: "s opkøb af", "s planlagte overtagelse af". */
const GENITIVE_ACQUISITION =
  /^(?:'s|’s|'|’|s)?\s+(?:\p{Ll}+\s+)?(?:køb|opkøb|opkøbet|købet|overtagelse|overtagelsen|erhvervelse|erhvervelsen)\s+af\s+(?:(?:den|det|de)\s+)?(?:(?!(?:hos|fra|i|til|på|med)\s)\p{Ll}[\p{L}-]*\s+){0,2}$/u;

/** Institutions belong to their state: "det amerikanske handelsministerium", "Det Hvide Hus" -> PART_OF USA. */
const HOME_STATE = 'Danmark';

/** What partOfRelations has linked, and its lookups per article (each entity's answer is the same in every sentence). */
interface PartOfState {
  readonly done: Set<string>;
  /** Parent name -> the article's Government entity of that name, or null. */
  readonly states: Map<string, ResolvedEntity | null>;
  /** Entity id -> subsidiaryParentKey of its name. */
  readonly parentKeys: Map<string, string | null>;
}

function partOfRelations(s: SentenceContext, sink: RelationSink, ctx: ArticleContext, state: PartOfState): void {
  const { done } = state;
  for (const slot of s.slots) {
    const parentName = slot.entity.parentName;
    if (!parentName || done.has(slot.id)) continue;
    // A Danish paper's own state goes without saying: "Finanstilsynet" is Danish unless the text says so ("den danske
    // ambassade i Beijing"). The gold sets mark a Danish body PART_OF Danmark in 3 of ~40 cases, foreign ones mostly.
    if (parentName === HOME_STATE && !/\bdansk|\bDanmark/iu.test(slot.text)) continue;
    // A state named only as a place ("i Danmark") is not linked as the institution's government.
    let parent = state.states.get(parentName);
    if (parent === undefined) {
      parent =
        ctx.resolution.entities.find((e) => e.name === parentName && e.isCountry && e.type === 'Government') ?? null;
      state.states.set(parentName, parent);
    }
    if (!parent) continue;
    done.add(slot.id);
    sink.add(slot.id, 'PART_OF', parent.id, s, 0.85);
  }
  // "Nokia Danmark A/S" is a company of its own, part of Nokia when the article names Nokia.
  for (const slot of s.slots) {
    if (slot.via !== 'name' || !isOrgLike(slot.entity)) continue;
    let parentKey = state.parentKeys.get(slot.id);
    if (parentKey === undefined) {
      parentKey = subsidiaryParentKey(slot.entity.name);
      state.parentKeys.set(slot.id, parentKey);
    }
    if (parentKey === null || done.has(`sub:${slot.id}`)) continue;
    done.add(`sub:${slot.id}`);
    const parent = ctx.resolution.entities.find(
      (e) => e.id !== slot.id && isOrgLike(e) && [e.name, ...e.aliases].some((n) => nameKey(n) === parentKey),
    );
    if (parent) sink.add(slot.id, 'PART_OF', parent.id, s, 0.8);
  }
  const text = s.sentence.text;
  const slots = s.slots.filter((x) => x.via === 'name' && x.entity.type !== 'Place');
  for (let i = 0; i + 1 < slots.length; i++) {
    const between = textBetween(s, slots[i], slots[i + 1]);
    if (isOrgLike(slots[i].entity) && isOrgLike(slots[i + 1].entity)) {
      // "Alphabets datterselskab Google", "Google-ejede YouTube" / "YouTubes moderselskab Alphabet".
      if (
        /^s?\s+(?:\p{Ll}+\s+)?(?:datterselskab|datterfirma|ejede)\s*,?\s*$|^-ejede\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}$/u.test(
          between,
        )
      )
        sink.add(slots[i].id, 'OWNS', slots[i + 1].id, s, 0.7);
      else if (/^s?\s+(?:\p{Ll}+\s+)?(?:moderselskab|ejer|hovedaktionær)\s*,?\s*$/u.test(between))
        sink.add(slots[i + 1].id, 'OWNS', slots[i].id, s, 0.7);
      // "Netcompanys opkøb af Kodehuset", "Nordhav Equitys planlagte køb af Jysk Fiber" (not "køb af licenser hos X").
      else if (/(?:s|'s|’s)$/u.test(slots[i].text) && GENITIVE_ACQUISITION.test(between))
        sink.add(slots[i].id, 'ACQUIRES', slots[i + 1].id, s, 0.7);
      // "FNs flygtningeorganisation (UNHCR)", "EUs grænseagentur Frontex": a unit named after its body's genitive.
      else if (/(?:s|'s|’s)$/u.test(slots[i].text) && GENITIVE_UNIT.test(between))
        sink.add(slots[i + 1].id, 'PART_OF', slots[i].id, s, 0.7);
      // "Net- og Trafiksektionen i KTAS": a unit by its name, in its body.
      else if (UNIT_NAME.test(slots[i].entity.name) && /^\s+(?:i|hos|under)\s+$/u.test(between))
        sink.add(slots[i].id, 'PART_OF', slots[i + 1].id, s, 0.7);
    }
    // An optional nationality adjective before the parent: "et datterselskab af svenske X".
    if (
      /^\s*,?\s*(?:der er |som er |er )?(?:en del af|et datterselskab (?:af|til|under)|en afdeling (?:af|i|under)|en enhed (?:i|under))\s+(?:\p{Ll}+ske\s+)?$/u.test(
        between,
      )
    ) {
      sink.add(slots[i].id, 'PART_OF', slots[i + 1].id, s, 0.75);
    }
  }
  void text;
}

/** Leading a body now or before, the body right after: "står i spidsen for X", "stod i spidsen for X". */
const LEADS_NOW = /\b(?:står|har stået|skal stå|vil stå|kommer til at stå) i spidsen for\b/u;
const LED_BEFORE = /\b(?:stod|havde stået) i spidsen for\b/u;
/** ", der ledes af " / ", som ledes af ": between a body and the person who leads it. */
const LED_BY = /^\s*,\s*(?:der|som)\s+(?:nu\s+|i dag\s+)?(?:ledes|styres)\s+af\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}$/u;

/** "X, der ledes af P": P heads X, and no other body of the sentence (the relative clause hangs on X alone). */
function ledByRelations(s: SentenceContext, sink: RelationSink): void {
  const slots = s.slots.filter((x) => x.via === 'name');
  for (let i = 0; i + 1 < slots.length; i++) {
    const [body, person] = [slots[i], slots[i + 1]];
    if (person.entity.type !== 'Person' || !isEmployer(body.entity)) continue;
    if (!LED_BY.test(textBetween(s, body, person))) continue;
    sink.add(person.id, 'HEADS', body.id, s, 0.75);
    for (const other of slots)
      if (other.id !== body.id && other.id !== person.id && isEmployer(other.entity))
        sink.ruleOut(person.id, other.id, s);
  }
}

/**
 * The person right before "står i spidsen for" (within 40 characters) and the body named right after "for" ("i spidsen
 * for Fjordmuseet", "for det lokale museum X"); nothing when the body comes later ("i spidsen for arbejdet med at
 * sælge X"), which is left to the classifier.
 */
function leadRelations(
  s: SentenceContext,
  sink: RelationSink,
  re: RegExp,
  type: RelationType,
  confidence: number,
): void {
  for (const trigger of triggerPositions(s.lower, re)) {
    const person = s.slots.filter((x) => x.end <= trigger.start && trigger.start - x.end <= 40).at(-1);
    const body = s.slots.find((x) => x.start >= trigger.end);
    if (!person || !body || person.entity.type !== 'Person' || !isEmployer(body.entity)) continue;
    if (!/^\s+(?:(?:det|den|de)\s+)?(?:\p{Ll}[\p{L}-]*\s+)?$/u.test(s.lower.slice(trigger.end, body.start))) continue;
    sink.add(person.id, type, body.id, s, confidence);
  }
}

/** A pair (agent before the trigger, target after it) of entities matching the type tests. */
function agentTarget(
  s: SentenceContext,
  trigger: { start: number; end: number },
  agentOk: (e: ResolvedEntity) => boolean,
  targetOk: (e: ResolvedEntity) => boolean,
  maxAgentGap = Infinity,
  verbSecond = false,
): { agent: Slot; target: Slot } | null {
  // "den kinesiske præsident Xi Jinping": the person, not the state in the title, is the party.
  const slots = s.slots.filter((x) => !x.mention?.silent);
  const agentBefore = (notId: string | null) =>
    [...slots]
      .reverse()
      .find(
        (x) =>
          x.end <= trigger.start &&
          trigger.start - x.end <= maxAgentGap &&
          agentOk(x.entity) &&
          x.id !== notId &&
          !isSanctionTarget(s, x),
      );
  const before = verbSecond ? agentBefore(null) : undefined;
  // Verb second after a fronted phrase: "Samme dag pålagde NSK maskinproducenten X en bøde", "Desuden ejer Novo
  // Holdings også Novozymes": the name right after the verb is its subject, and the target follows it.
  // (Not after "at (have)": "Efter at have sagsøgt den amerikanske stat er Xiaomi …" names its subject later.)
  if (!before && verbSecond && !INFINITIVE_BEFORE.test(s.lower.slice(Math.max(0, trigger.start - 12), trigger.start))) {
    const subject = slots.find((x) => x.start >= trigger.end);
    if (
      subject &&
      agentOk(subject.entity) &&
      VERB_SECOND_GAP.test(s.sentence.text.slice(trigger.end, subject.start)) &&
      !/^\s*(?:og|samt)\b/u.test(s.sentence.text.slice(subject.end))
    ) {
      const object = slots.find((x) => x.start >= subject.end && x.id !== subject.id && targetOk(x.entity));
      if (object) return { agent: subject, target: object };
    }
  }
  const target = slots.find((x) => x.start >= trigger.end && targetOk(x.entity));
  if (!target) return null;
  // "… af kapitalfonden Vestbro Kapital, der har ejet selskabet": "selskabet" was resolved to the subject itself, but
  // nothing is said of itself: it is the body of that kind named before the subject in this sentence.
  if (target.via === 'anaphor') {
    const subject = agentBefore(null);
    if (subject && subject.id === target.id) {
      const named = slots.filter(
        (x) =>
          x.via === 'name' && x.end <= subject.start && x.id !== subject.id && x.entity.type === target.entity.type,
      );
      const other = named.at(-1);
      if (other && targetOk(other.entity)) return { agent: subject, target: other };
    }
  }
  const agent =
    agentBefore(target.id) ??
    (maxAgentGap === Infinity
      ? slots.find((x) => x.start >= target.end && agentOk(x.entity) && x.id !== target.id && !isSanctionTarget(s, x))
      : undefined);
  return agent ? { agent, target } : null;
}

const INFINITIVE_BEFORE = /\bat\s+(?:have\s+)?$/u;
/** Between a fronted verb and its subject: nothing but space, or an adverb ("pålagde i går NSK"). */
const VERB_SECOND_GAP = /^\s+(?:(?:i dag|i går|nu|også|desuden|så|derfor|samtidig)\s+)?$/u;

const actor = (e: ResolvedEntity) => e.type !== 'Place';
/** A public body that can grant or take a licence (not a state as such, not a court). */
const authority = (e: ResolvedEntity) => e.type === 'Government' && !e.isCountry && !e.court;
const licensee = (e: ResolvedEntity) => e.type === 'Company' || e.type === 'Organization' || e.type === 'Person';
/** A party to a lawsuit: the court it is brought before is its venue, never a party ("sagsøgt … ved Østre Landsret"). */
const litigant = (e: ResolvedEntity) => e.type !== 'Place' && !e.court;

/** Between listed names: "," / "og" / "samt" / "eller", or "og hans nye selskab," before a name in apposition. */
const LIST_GAP =
  /^\s*(?:,|og|samt|eller)(?:\s+(?:hans|hendes|dets|dens|deres|sin|sit|sine)\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}\p{Ll}[\p{L}-]*\s*,)?\s*$/u;

/** The slot and the slots joined to it by "," / "og" / "samt" ("Microsoft, Dell, HP og Intel"). */
function coordinated(s: SentenceContext, first: Slot, ok: (e: ResolvedEntity) => boolean): Slot[] {
  const out = [first];
  const slots = s.slots.filter((x) => !x.mention?.silent);
  for (let i = slots.indexOf(first) + 1; i < slots.length; i++) {
    const gap = s.sentence.text.slice(slots[i - 1].end, slots[i].start);
    if (!LIST_GAP.test(gap) || !ok(slots[i].entity)) break;
    out.push(slots[i]);
  }
  return out;
}

/** The adviser first: "har rådgivet", "rådgiver", "er (juridisk) rådgiver for", "var finansiel rådgiver for". */
const ADVISES =
  /^\s+(?:(?:har|havde|også|i\s+\S+\s+\S+)\s+){0,2}(?:rådgivet|rådgiver|rådgav|(?:er|var|har\s+været|bliver)\s+(?:\p{Ll}+\s+)?rådgiver(?:e)?\s+for)\s+(?:(?:den|det|de)\s+)?(?:(?!(?:at|om|ikke|hos|fra|i|til|på)\s)\p{Ll}[\p{L}-]*\s+){0,2}$/u;

const supplier = (e: ResolvedEntity): boolean => e.type === 'Company' && !e.media;
const customer = (e: ResolvedEntity): boolean => e.type !== 'Place' && e.type !== 'Person' && !e.media;

/**
 * SUPPLIES: "A leverer (…) til B", "A er leverandør til B", "B har valgt A som leverandør". The customer must
 * follow "til" in the same clause, so "leverandør af sit 5G-net, mens Huawei …" links nothing.
 */
function supplyRelations(s: SentenceContext, sink: RelationSink): void {
  const text = s.sentence.text;
  const slots = s.slots.filter((x) => x.via !== 'pronoun' && !x.mention?.silent);
  for (let i = 0; i < slots.length; i++) {
    for (let j = i + 1; j < slots.length && j <= i + 3; j++) {
      const a = slots[i];
      const b = slots[j];
      const between = textBetween(s, a, b);
      // "A, der sælger udstyr til B": a relative clause on the supplier itself opens the frame.
      const relative = /^\s*,\s*(?:der|som)(?=\s)/u.exec(between);
      const rest = relative ? between.slice(relative[0].length) : between;
      if (/[.;:]|,\s*(?:mens|men|og|der|som)\b/u.test(rest) || between.length > 80) continue;
      if (relative) {
        if (
          supplier(a.entity) &&
          customer(b.entity) &&
          (/^\s+(?:(?:blandt andet|bl\.a\.|også|i dag|fortsat)\s+)?(?:leverer|sælger|er leverandør)\b[^,.;]*\btil\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}$/u.test(
            rest,
          ) ||
            // "Kommunedata, der har leveret kommunens system": the customer in the genitive before what is supplied.
            (/^\s+(?:(?:har|havde|også|i dag|siden \d{4})\s+){0,2}(?:leveret|leverer|leverede|drevet|driver|drev)\s+$/u.test(
              rest,
            ) &&
              /(?:s|'|’)$/u.test(b.text)))
        )
          sink.add(a.id, 'SUPPLIES', b.id, s, 0.6);
        continue;
      }
      // "Kromann Reumert har rådgivet Nordhav", "Y er rådgiver for X": an adviser serves its client.
      if (supplier(a.entity) && customer(b.entity) && ADVISES.test(between)) {
        sink.add(a.id, 'SUPPLIES', b.id, s, 0.6);
        continue;
      }
      if (
        supplier(a.entity) &&
        customer(b.entity) &&
        // "Ørsted sælger Radius til Andel": a business sold is a sale of it (saleRelations), no supply.
        !slots.some((x) => x.start > a.end && x.end < b.start && x.entity.type === 'Company') &&
        !SOLD_BUSINESS.test(between) &&
        /^\s+(?:(?:har|vil|skal|kan|fortsat|nu|også)\s+){0,2}(?:leverer|leverede|leveret|levere|sælger|solgte|solgt|sælge|er leverandør|bliver leverandør|var leverandør|er underleverandør|(?:er blevet|blev|bliver|er) valgt som (?:ny\s+)?(?:\p{L}+-)?(?:under)?leverandør)\b[^,.;]*\btil\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}$/u.test(
          between,
        )
      ) {
        sink.add(a.id, 'SUPPLIES', b.id, s, 0.6);
      } else if (
        supplier(a.entity) &&
        customer(b.entity) &&
        /^\s+(?:har\s+)?(?:vundet|vinder|fået|får|fik|sikret sig|landet)\s+(?:et\s+|en\s+)?(?:\p{Ll}[\p{L}-]*\s+){0,3}(?:udbud(?:det)?|kontrakt(?:en)?|ordre(?:n)?|aftale(?:n)?)\s+(?:hos|fra|med)\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}$/u.test(
          between,
        )
      ) {
        sink.add(a.id, 'SUPPLIES', b.id, s, 0.6);
      } else if (
        customer(a.entity) &&
        supplier(b.entity) &&
        (/^(?:'s|’s|s)?\s+(?:\p{Ll}+-)?(?:(?:under)?leverandør(?:en)?|rådgiver(?:e|en)?)\s+$/u.test(between) ||
          /^\s+(?:(?:har|havde)\s+)?(?:(?:i\s+\S+\s+\S+\s+)?(?:hyret|hyrer|hyrede|hentet\s+hjælp\s+hos|henter\s+hjælp\s+hos|(?:fået|får|fik)\s+(?:\p{Ll}+\s+)?hjælp\s+(?:af|fra|hos))|(?:lagt|lægger|lagde|outsourcet|outsourcer)\s+[^,.;]{1,40}?\s+ud\s+til|(?:(?:valgt|besluttet)\s+at\s+)?(?:flytte|flytter|flyttet|flyttede|overdrage|overdrager|overdraget|overdrog|overlade|overlader|overladt|overlod)\s+(?:sin\s+|sit\s+|sine\s+|hele\s+|den\s+|det\s+)?(?:\p{Ll}+\s+)?(?:\p{Ll}+-)?(?:drift(?:en)?|\p{Ll}*opgave(?:n|r|rne)?|support(?:en)?|hosting(?:en)?|\p{Ll}*udvikling(?:en)?|vedligehold\p{Ll}*|\p{Ll}*administration(?:en)?)\s+til|(?:(?:er|blev|bliver|er\s+blevet)\s+)?rådgivet\s+af|(?:i\s+\S+\s+\S+\s+)?(?:købt|køber|købte|indkøbt)\s+[^,.;]{1,60}?\s+hos)\s+(?:(?:den|det|de)\s+)?(?:\p{Ll}[\p{L}-]*\s+){0,2}$/u.test(
            between,
          ))
      ) {
        // "Netcompanys underleverandør Sarvam Softech", "X har hyret Y", "X har lagt driften ud til Y", "X har købt
        // materialer hos den japanske leverandør Y": the customer comes first.
        sink.add(b.id, 'SUPPLIES', a.id, s, 0.6);
      } else if (
        customer(a.entity) &&
        supplier(b.entity) &&
        CONTRACT_WITH.test(between) &&
        ((a.entity.type === 'Government' && /kontrakt/u.test(between)) ||
          SERVICE_OBJECT.test(text.slice(b.end, b.end + 60)))
      ) {
        // "… aftale med Jyske Bank om drift af bankens systemer": the party the service is for is the customer.
        if (serviceForSecond(text.slice(b.end, b.end + 80), b.entity)) {
          if (supplier(a.entity)) sink.add(a.id, 'SUPPLIES', b.id, s, 0.6);
          continue;
        }
        // "Jyske Bank har indgået en femårig aftale med Netcompany om drift af …", "Sundhedsministeriet har indgået en
        // kontrakt med Systematic": the party with the service, or the company a public body contracts, supplies (a
        // state's "aftale med" a firm may be a settlement: "har indgået en aftale med Xiaomi, der betyder …").
        sink.add(b.id, 'SUPPLIES', a.id, s, 0.6);
      } else if (
        customer(a.entity) &&
        supplier(b.entity) &&
        /^\s+(?:har\s+)?(?:(?:siden\s+\d{4}|i\s+(?:mange|flere)\s+år|længe|fortsat)\s+)?(?:valgt|vælger|valgte|brugt|bruger|brugte|benytter|benyttet|benyttede|anvender|anvendt|anvendte)\s+$/u.test(
          between,
        ) &&
        /^\s+som\s+(?:ny\s+)?(?:\p{L}+-)?leverandør\b/u.test(text.slice(b.end, b.end + 40))
      ) {
        sink.add(b.id, 'SUPPLIES', a.id, s, 0.6);
      }
    }
  }
}

/** ", der har hovedsæde i", ", som har kontor i": a seat told in a relative clause right after a name. */
// Customers named as such ("kunde" in the sentence): the supplier is the business whose customer the other is.
/** "A er (den største) kunde hos B", "A er en af de største kunder hos B", "A står på kundelisten hos B". */
const CUSTOMER_OF =
  /^\s+(?:(?:er|var|bliver|blev|har været|er blevet|står|stod)\s+)(?:(?:også|nu|fortsat|stadig|i dag)\s+)?(?:(?:(?:en|et|den|de)\s+)?(?:af\s+)?(?:de\s+)?(?:\p{Ll}+\s+){0,2}(?:stor)?kunde(?:n|r|rne)?|(?:på|blandt)\s+(?:kundelisten|kunderne))\s+(?:hos|af|til)\s+(?:(?:den|det|de)\s+)?(?:\p{Ll}[\p{L}-]*\s+){0,2}$/u;
/** "A er en af Bs største kunder": A, then a genitive B. */
const CUSTOMER_OF_GENITIVE =
  /^\s+(?:er|var|bliver|blev|har været|er blevet)\s+(?:(?:også|nu|fortsat|stadig)\s+)?(?:(?:en|et|den)\s+)?(?:af\s+)?(?:blandt\s+)?$/u;
/** After a genitive supplier: "Bs (største) kunder", "Bs nye kunde". */
const CUSTOMER_NOUN_AFTER = /^\s+(?:\p{Ll}+\s+){0,2}(?:stor)?kunde(?:r)?\b/u;
/** "B har (fået / vundet) A som (ny) kunde", after A and the names listed with it. */
const AS_CUSTOMER_AFTER = /^\s+(?:som|blandt)\s+(?:sine\s+|sin\s+)?(?:\p{Ll}+\s+){0,2}(?:stor)?kunde(?:r)?\b/u;
const HAS_CUSTOMER =
  /^\s+(?:(?:har|havde|fik|får|vandt|vinder|tæller|talte)\s+)(?:(?:også|nu|netop|allerede|i dag)\s+)?(?:(?:fået|vundet|landet|hentet)\s+)?$/u;
/** "Bs kunder er A og C", "Bs største kunde, A,": a genitive supplier, then its customers. */
const CUSTOMERS_ARE =
  /^\s+(?:\p{Ll}+\s+){0,2}(?:stor)?kunde(?:r)?(?:\s+(?:er|var|tæller|omfatter|inkluderer)\s+(?:(?:blandt andre|bl\.a\.|også|nu|i dag)\s+)?|\s*,\s*)$/u;
/** "Kunderne hos B tæller A": the supplier after "kunderne hos". */
const CUSTOMERS_AT_BEFORE = /\bkunder(?:ne)?\s+hos\s+(?:(?:den|det)\s+)?(?:\p{Ll}[\p{L}-]*\s+)?$/u;
const CUSTOMERS_AT_BETWEEN = /^\s+(?:er|tæller|omfatter|inkluderer)\s+(?:(?:blandt andre|bl\.a\.|også|nu|i dag)\s+)?$/u;

function isGenitiveName(slot: Slot): boolean {
  return slot.via === 'name' && /(?:s|'|’)$/u.test(slot.text);
}

/**
 * SUPPLIES from a customer named as such: "Vestas er den største kunde hos Nordkraft", "Vestas er en af Nordkrafts
 * største kunder", "Nordkraft har Vestas som kunde", "Blandt Nordkrafts kunder er Vestas og Grundfos".
 */
function customerRelations(s: SentenceContext, sink: RelationSink): void {
  const slots = s.slots.filter((x) => !x.mention?.silent && x.entity.type !== 'Place');
  const text = s.sentence.text;
  for (let i = 0; i + 1 < slots.length; i++) {
    const a = slots[i];
    const b = slots[i + 1];
    const between = textBetween(s, a, b);
    if (between.length > 80) continue;
    // The customer first: "A (og C) er kunde hos B".
    // "er ikke længere kunde hos": a customer no more.
    if (/\b(?:ikke|aldrig)\b/u.test(between)) continue;
    if (
      customer(a.entity) &&
      supplier(b.entity) &&
      (CUSTOMER_OF.test(between) ||
        (CUSTOMER_OF_GENITIVE.test(between) && isGenitiveName(b) && CUSTOMER_NOUN_AFTER.test(text.slice(b.end))))
    ) {
      for (const c of coordinatedBefore(s, slots.slice(0, i + 1), customer)) sink.add(b.id, 'SUPPLIES', c.id, s, 0.65);
      continue;
    }
    if (!supplier(a.entity) || !customer(b.entity)) continue;
    // The supplier first: "B har A (og C) som kunder", "Bs kunder er A og C", "Kunderne hos B tæller A".
    // The tests of the gap first: the list after the customer is read only when one of them holds.
    const named =
      (isGenitiveName(a) && CUSTOMERS_ARE.test(between)) ||
      (CUSTOMERS_AT_BETWEEN.test(between) && CUSTOMERS_AT_BEFORE.test(lowerPrefix(s, a.start)));
    if (!named && !HAS_CUSTOMER.test(between)) continue;
    const listed = coordinated(s, b, customer);
    if (named || AS_CUSTOMER_AFTER.test(text.slice(listed[listed.length - 1].end)))
      for (const c of listed) sink.add(a.id, 'SUPPLIES', c.id, s, 0.65);
  }
}

const RELATIVE_SEAT = /^\s*,\s*(?:der|som)\s+(?:\p{Ll}+\s+){0,2}$/u;

/** Rules the other bodies out of a place that a relative clause gives to the name right before it. */
function seatInRelativeClause(s: SentenceContext, sink: RelationSink): void {
  for (const trigger of triggerPositions(s.lower, LOCATED_TRIGGER)) {
    const owner = s.slots.filter((x) => x.end <= trigger.start && isOrgLike(x.entity)).at(-1);
    const place = s.slots.find((x) => x.start >= trigger.end && isLocation(x.entity));
    if (!owner || !place || !RELATIVE_SEAT.test(s.sentence.text.slice(owner.end, trigger.start))) continue;
    for (const other of s.slots)
      if (other.end <= owner.start && other.id !== owner.id && isOrgLike(other.entity))
        sink.ruleOut(other.id, place.id, s);
  }
}

/** Between a customer and its supplier: "har indgået en femårig aftale med", "underskrev en kontrakt med". */
const CONTRACT_WITH =
  /^\s+(?:(?:har|nu|netop|også)\s+){0,2}(?:indgået|indgår|indgik|underskrevet|underskriver|underskrev|skrevet under på|skrevet|skriver|skrev|forlænget|forlænger|forlængede)\s+(?:en\s+|et\s+)?(?:\p{Ll}[\p{L}-]*\s+){0,2}(?:kontrakt(?:en)?|\p{Ll}*aftale(?:n)?)\s+med\s+(?:(?:den|det|de)\s+)?(?:\p{Ll}[\p{L}-]*\s+){0,2}$/u;
/** True when the service clause names its owner by a noun that heads the second party's name ("bankens" for Jyske Bank). */
function serviceForSecond(clause: string, second: ResolvedEntity): boolean {
  const owner = /\b(\p{Ll}{3,}?)(?:ens|ets)\s/u.exec(clause)?.[1];
  return owner !== undefined && second.name.toLowerCase().includes(owner);
}

/** What a contract is about when one side serves the other: "om drift af", "om levering af", "om at udvikle". */
const SERVICE_OBJECT =
  /^\s*(?:,\s*)?(?:om|vedrørende)\s+(?:at\s+)?(?:\p{Ll}*drift|levering|levere|udvikling|udvikle|vedligehold\p{L}*|hosting|implementering|support|outsourcing|rådgivning|leje|leasing|\p{Ll}+levering|\p{Ll}+løsning|\p{Ll}+system)\b/u;

const PASSIVE_REGULATION = /\b(?:godkendes|godkendt|undersøges|undersøgt|reguleres|reguleret)\s+af\s+/u;

/**
 * Two coordinated names before a symmetric verb: "Danmark og Sverige mødtes", "Netcompany og Atea indgår et
 * samarbejde". Also passive regulation: "Opkøbet af X skal godkendes af Y" / "X undersøges af Y".
 */
function symmetricRelations(s: SentenceContext, sink: RelationSink): void {
  const text = s.sentence.text;
  const named = s.slots.filter((x) => x.via === 'name' && !x.mention?.silent);
  for (let i = 0; i + 1 < named.length; i++) {
    const a = named[i];
    const b = named[i + 1];
    if (!/^\s+og\s+$/u.test(textBetween(s, a, b))) continue;
    const after = text.slice(b.end, b.end + 60).toLowerCase();
    const actors = a.entity.type !== 'Place' && b.entity.type !== 'Place';
    if (
      actors &&
      /^\s+(?:har\s+)?(?:mødtes|mødes|holdt møde|har holdt møde)\b/u.test(after) &&
      [a, b].every((x) => x.entity.type === 'Person' || x.entity.type === 'Government')
    ) {
      sink.add(a.id, 'MEETS', b.id, s, 0.7);
    } else if (
      actors &&
      isOrgLike(a.entity) &&
      isOrgLike(b.entity) &&
      /^\s+(?:har\s+)?(?:indgår|indgået|indgik|styrker|udvider|lancerer)\s+(?:et\s+|en\s+)?(?:\p{Ll}+\s+)?(?:samarbejde|partnerskab|samarbejdsaftale|partneraftale|alliance)\b|^\s+samarbejder\b/u.test(
        after,
      )
    ) {
      sink.add(a.id, 'PARTNERS_WITH', b.id, s, 0.65);
    } else if (
      a.entity.type === 'Government' &&
      b.entity.type === 'Government' &&
      /^\s+(?:har\s+)?(?:indgår|indgået|indgik|underskriver|underskrev|har underskrevet)\s+(?:en\s+)?(?:\p{Ll}+\s+)?(?:aftale|samarbejdsaftale|partnerskab)\s+om\b/u.test(
        after,
      )
    ) {
      // "Norge og Island indgår aftale om …": two states agreeing on something.
      sink.add(a.id, 'PARTNERS_WITH', b.id, s, 0.6);
    }
  }
  // Only a Government named right after "af" can be the regulator.
  if (!named.some((x) => x.entity.type === 'Government')) return;
  for (const m of triggerPositions(text, PASSIVE_REGULATION)) {
    const regulator = named.find((x) => x.start === m.end && x.entity.type === 'Government');
    const firm = [...named].reverse().find((x) => x.end <= m.start && isOrgLike(x.entity) && !x.entity.media);
    if (regulator && firm) sink.add(regulator.id, 'REGULATES', firm.id, s, 0.6);
    // "Opkøbet skal godkendes af Y": the deal named by a noun is the article's last acquisition; Y regulates the buyer.
    else if (
      regulator &&
      /\b(?:opkøbet|købet|handlen|fusionen|overtagelsen)\s+(?:\p{Ll}+\s+){0,2}$/u.test(lowerPrefix(s, m.start))
    ) {
      const deal = sink.relations.filter((r) => r.type === 'ACQUIRES' && r.sentenceIndex <= s.sentence.index).at(-1);
      if (deal) sink.add(regulator.id, 'REGULATES', deal.fromId, s, 0.55);
    }
  }
}

/**
 * "A køber/opkøber/overtager B": B is bought only when it is the verb's object. Goods bought "hos"/"fra" a firm
 * ("køber komponenter hos leverandører som Qualcomm og Intel") make the firm a supplier: B SUPPLIES A.
 */
function acquireOrBuyFrom(s: SentenceContext, sink: RelationSink): void {
  const text = lower(s);
  const company = isCompany;
  for (const trigger of triggerPositions(text, ACQUIRE_ACTIVE)) {
    // "har købt sig ind i X" is a stake (OWNS, fundingRelations), not a takeover.
    if (BOUGHT_IN.test(text.slice(trigger.end))) continue;
    const found = agentTarget(s, trigger, isOrgLike, company);
    if (!found) continue;
    // Verb-second after a fronted phrase ("Samtidig opkøber Lenovo firmaet Medion"): the name right after the verb is the buyer.
    const inverted =
      found.agent.start > found.target.end &&
      /^\s+(?:\p{Ll}+\s+){0,2}$/u.test(text.slice(trigger.end, found.target.start)) &&
      isOrgLike(found.target.entity);
    const buyer = inverted ? found.target : found.agent;
    const object = inverted ? found.agent : found.target;
    if (inverted && !company(object.entity)) continue;
    const gap = text.slice(inverted ? buyer.end : trigger.end, object.start);
    // "har købt Radius af Ørsted", "køber aktiviteterne af X": the name after "af" sold; "30 procent af X" is a stake.
    if (!inverted && SELLER_AFTER.test(gap) && !STAKE_BEFORE_AF.test(gap)) {
      for (const x of s.slots) if (x.start >= trigger.start && x.end <= object.start) sink.ruleOut(x.id, object.id, s);
      sink.ruleOut(buyer.id, object.id, s);
      continue;
    }
    const fromSupplier = /\b(?:hos|fra)\s/u.test(gap);
    // "har købt Radius af Ørsted": the name after "af" sold what was bought.
    const targets = coordinated(s, object, company);
    const last = targets[targets.length - 1];
    // "har købt Radius af Ørsted": the seller, no party to the buyer or to what was sold.
    const seller = s.slots.find((x) => x.start >= last.end && SOLD_BY.test(textBetween(s, last, x)));
    if (seller && !inverted) for (const x of [buyer, ...targets]) sink.ruleOut(x.id, seller.id, s);
    // "overtager Dinero fra kapitalfonden Axcel": the seller too (goods come "fra" a supplier, but a company bought
    // is no goods); it may still be said to have owned what it sold ("fra fonden, som hidtil har ejet den"), so only
    // the buyer's pair is ruled out.
    const formerOwner = s.slots.find((x) => x.start >= last.end && TAKEN_FROM.test(textBetween(s, last, x)));
    if (formerOwner && !inverted) sink.ruleOut(buyer.id, formerOwner.id, s);
    for (const target of targets) {
      if (target.id === buyer.id) continue;
      if (fromSupplier) {
        if (!buyer.entity.media && !target.entity.media) sink.add(target.id, 'SUPPLIES', buyer.id, s, 0.55);
      } else sink.add(buyer.id, 'ACQUIRES', target.id, s, 0.65);
    }
  }
}

/**
 * What a seller parts with when it sells (part of) its business or its assets, not goods: "solgt sine aktiviteter i
 * Rusland til", "har solgt sin færgerute til", "sælger hovedkontoret til".
 */
const SOLD_BUSINESS =
  /\b(?:sælger|solgte|solgt|sælge)\s+(?:\p{Ll}+\s+){0,2}(?:\p{L}*rute(?:n|r|rne)?|butik(?:ken|ker|kerne)?|\p{L}*fabrik(?:ken|ker|kerne)?|ejendom(?:men|me|mene)?|domicil(?:et)?|hovedkontor(?:et)?|\p{L}*portefølje(?:n)?|varemærke(?:t|r|rne)?|rettigheder(?:ne)?|patent(?:et|er|erne)?|forretningsben(?:et)?|aktiviteter(?:ne)?|forretning(?:en)?|forretningsområde(?:t)?|division(?:en)?|afdeling(?:en)?|datterselskab(?:et)?|selskab(?:et)?|virksomhed(?:en)?|aktie(?:r|rne|post|posten)?|ejerandel(?:en)?|andel(?:en)?|kapitalandel(?:en)?|bestemmende indflydelse)\b/u;
const SALE_CUE = /\b(?:sælge|solgt|frasælg|frasolgt|afhænd|sælges)/u;

/** "sælger X til", "har solgt X til", "frasælger X til": the active sale, with what is sold between it and "til". */
const SALE_ACTIVE =
  /^\s+(?:(?:har|havde|vil|skal|nu|også|endeligt?)\s+){0,2}(?:sælger|solgte|solgt|sælge|frasælger|frasolgte|frasolgt|frasælge|afhænder|afhændede|afhændet)\s+(?:(?:sin|sit|sine|hele|det|den|de|dets|dens|datterselskabet|selskabet|firmaet|virksomheden|\p{Ll}+selskab(?:et)?)\s+){0,3}(?:(?:\d+(?:,\d+)?\s+procent|andel(?:en)?|aktiepost(?:en)?|ejerandel(?:en)?|aktier(?:ne)?|kapitalandel(?:en)?|resten|majoriteten)\s+(?:af|i)\s+)?$/u;
/** "X blev solgt til", "X er blevet solgt til", "X sælges til": the passive sale, the thing sold first. */
const SALE_PASSIVE =
  /^\s+(?:(?:blev|bliver|er|var|er blevet|nu|i \d{4}|endeligt?)\s+){1,3}(?:solgt|frasolgt|afhændet)\s+til\s+(?:(?:den|det|de)\s+)?(?:\p{Ll}[\p{L}-]*\s+){0,2}$|^\s+(?:sælges|frasælges|afhændes)\s+til\s+(?:(?:den|det|de)\s+)?(?:\p{Ll}[\p{L}-]*\s+){0,2}$/u;
const SALE_TO = /^\s+til\s+(?:(?:den|det|de)\s+)?(?:\p{Ll}[\p{L}-]*\s+){0,2}$/u;

/**
 * ACQUIRES from a sale, told from the seller's side: "Ørsted sælger Radius til Andel" and "Radius blev solgt til
 * Andel" (the buyer is `from`, as RELATIONS.md's "solgt til" says). The seller gets no relation: the guide has no
 * type for having sold.
 */
function saleRelations(s: SentenceContext, sink: RelationSink): void {
  const slots = s.slots.filter((x) => x.via === 'name' && !x.mention?.silent);
  for (let i = 0; i + 1 < slots.length; i++) {
    const sold = slots[i];
    const buyer = slots[i + 1];
    if (!isCompany(sold.entity) || !isOrgLike(buyer.entity) || sold.id === buyer.id) continue;
    const after = textBetween(s, sold, buyer);
    if (SALE_PASSIVE.test(after)) {
      sink.add(buyer.id, 'ACQUIRES', sold.id, s, 0.7);
      continue;
    }
    const seller = slots[i - 1];
    if (
      seller &&
      seller.id !== buyer.id &&
      seller.id !== sold.id &&
      actor(seller.entity) &&
      SALE_ACTIVE.test(textBetween(s, seller, sold)) &&
      SALE_TO.test(after)
    ) {
      sink.add(buyer.id, 'ACQUIRES', sold.id, s, 0.7);
      // The seller bought neither what it sold nor from the buyer.
      sink.ruleOut(seller.id, sold.id, s);
      sink.ruleOut(seller.id, buyer.id, s);
    }
  }
}

/** "af" and up to two lowercase words before a name: the seller in "har købt Radius af (energiselskabet) Ørsted". */
const AF_BEFORE_NAME = String.raw`\s+af\s+(?:(?:den|det|de)\s+)?(?:\p{Ll}[\p{L}-]*\s+){0,2}$`;
/** Between a company taken over and its seller: "… Dinero fra kapitalfonden Axcel". */
const TAKEN_FROM = /^\s+fra\s+(?:(?:den|det|de)\s+)?(?:\p{Ll}[\p{L}-]*\s+){0,2}$/u;
/** Between what was bought and the seller. */
const SOLD_BY = new RegExp(`^${AF_BEFORE_NAME}`, 'u');
/** Between the buying verb and the seller, with something bought before "af" ("køber aktiviteterne af X"). */
const SELLER_AFTER = new RegExp(String.raw`\S${AF_BEFORE_NAME}`, 'u');
const STAKE_BEFORE_AF =
  /(?:procent|%|del|dele|andel|halvdel(?:en)?|resten|aktier(?:ne)?|majoritet(?:en)?|aktiemajoritet(?:en)?|flertal(?:let)?|aktiepost(?:en)?|ejerandel(?:en)?|kapital(?:en)?)\s+af\s+(?:(?:den|det|de)\s+)?(?:\p{Ll}[\p{L}-]*\s+){0,2}$/u;

/** Characters between an owner and "ejer" ("Novo Holdings, der er majoritetsaktionær, ejer …"). */
const OWNER_GAP = 60;
/** Characters between an owned company and "ejes af" (", der siden 2019 har været ejet af"). */
const OWNED_GAP = 40;

const OWNERSHIP_VERB = /\b(?:ejer|ejede)\b/u;
const SHARE_OBJECT =
  /^\s+(?:\p{Ll}+\s+)?(?:\d+(?:,\d+)?\s*(?:procent|%)\s+af\s+(?:aktierne|selskabet|virksomheden|firmaet|kapitalen)|resten|aktiemajoriteten|majoriteten|flertallet af aktierne|en minoritetspost|halvdelen)\b/u;

/**
 * "A og B, der ejer 60 procent af aktierne, mens fonden C ejer resten": share owners of the company the sentence
 * is about (a "selskabet" anaphor here, else the company named last in the sentences before). True when the
 * sentence speaks of shares, so the plain "A ejer B" rule does not pair an owner with another owner.
 */
function shareOwnership(s: SentenceContext, sink: RelationSink, ctx: ArticleContext): boolean {
  const text = lower(s);
  const slots = s.slots.filter((x) => !x.mention?.silent);
  let found = false;
  for (const trigger of triggerPositions(text, OWNERSHIP_VERB)) {
    const object = SHARE_OBJECT.exec(text.slice(trigger.end));
    if (!object) continue;
    found = true;
    const before = slots.filter((x) => x.end <= trigger.start && x.via !== 'anaphor');
    const last = before.at(-1);
    if (
      !last ||
      !actor(last.entity) ||
      !/^\s*(?:,\s*(?:der|som)\s+)?(?:\p{Ll}+\s+){0,2}$/u.test(text.slice(last.end, trigger.start))
    )
      continue;
    // "… sammen med medstifteren Karin Møller": a co-owner named after the share.
    const after = slots.find((x) => x.start >= trigger.end + object[0].length && actor(x.entity));
    const withAfter =
      after && TOGETHER_WITH.test(s.sentence.text.slice(trigger.end + object[0].length, after.start)) ? [after] : [];
    const owners = [...coordinatedBefore(s, before, actor), ...withAfter];
    const company = sharedCompany(s, ctx, sink, slots, owners);
    if (!company) continue;
    for (const owner of owners) if (owner.id !== company.id) sink.add(owner.id, 'OWNS', company.id, s, 0.6);
  }
  return found;
}

/** Between a share and a co-owner: "… resten sammen med medstifteren X". */
const TOGETHER_WITH = /^\s+(?:tilsammen\s+)?sammen\s+med\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}$/u;

/**
 * The company whose shares the sentence tells of: a "selskabet" standing for another than the owners (in "X er
 * finansieret af fonden Y, som ejer 40 procent af selskabet" the reference resolves to Y, the owner, so it is X
 * named before it); else the company owned in the sentences just before ("… ejer resten"); else the company named
 * last before.
 */
function sharedCompany(
  s: SentenceContext,
  ctx: ArticleContext,
  sink: RelationSink,
  slots: readonly Slot[],
  owners: readonly Slot[],
): ResolvedEntity | null {
  const ownerIds = new Set(owners.map((o) => o.id));
  const anaphor = slots.find((x) => x.via === 'anaphor' && x.entity.type === 'Company');
  if (anaphor && !ownerIds.has(anaphor.id)) return anaphor.entity;
  if (anaphor) {
    const named = slots.find((x) => x.via === 'name' && isCompany(x.entity) && !ownerIds.has(x.id));
    if (named && named.start < anaphor.start) return named.entity;
  }
  for (let k = s.sentence.index - 1; k >= 0 && k >= s.sentence.index - 2; k--) {
    const owned = sink.bySentence.get(k)?.find((r) => r.type === 'OWNS' && !ownerIds.has(r.toId));
    if (owned) return ctx.resolution.entities.find((e) => e.id === owned.toId) ?? null;
  }
  const previous = previousCompany(ctx, s);
  return previous && !ownerIds.has(previous.id) ? previous : null;
}

/**
 * Money put into a company makes the investor an owner (RELATIONS.md: OWNS, "wholly or in part"): "PKA har
 * investeret 500 mio. kr. i Better Energy", "EIFO og PFA skyder penge i selskabet", "har købt sig ind i X". Only done
 * deeds: "vil investere", "skal skyde" are plans (the infinitive is not matched).
 */
const INVEST_TRIGGER = new RegExp(String.raw`\b(?:${INVESTING_VERBS.join('|')}|(?:købt|køber|købte) sig ind)\b`, 'u');
/** From the investing verb to the company: "… 500 mio. kr. i Better Energy", "… penge i den svenske rival X". */
const INVESTED_IN = /^(?:[^.;:!?]|\.(?=\s*[\p{Ll}\d]))*?\bi\s+(?:\p{Ll}[\p{L}-]*\s+){0,3}$/u;
/** Characters from the investing verb to the company, at most. */
const INVESTED_REACH_CHARS = 70;
/** From the investor to the verb: "PKA har", "Novo Holdings, der ejer Corti, har nu", "EIFO og PFA". */
const INVESTOR_BEFORE =
  /^(?:\s*,\s*(?:der|som)\b[^;:!?]{1,80}?,|,[^,.;:!?]{1,60},)?\s*(?:(?!ikke\b|aldrig\b|ingen\b)\p{Ll}+\s+){0,3}$/u;
/** A round of funding, named as such. */
const ROUND_NOUN =
  /\b(?:(?:kapital|investerings|finansierings|vækst|seed|serie-\p{L})?runde(?:n)?|kapitalrejsning(?:en)?|kapitaludvidelse(?:n)?|emission(?:en)?|investering(?:en)?|kapitalindsprøjtning(?:en)?|pengene)\b/u;
/** Investors after the round: "runden ledes af X og Y", "pengene kommer fra X", "med X i spidsen", "investorerne X og Y". */
const ROUND_BY =
  /\b(?:(?:ledes|ledet|anføres|anført|leades|leadet|bakkes op|bakket op|finansieres|finansieret) af|(?:kommer|kom) fra|(?:blandt (?:andre|andet|investorerne)|investorer(?:ne)?|investoren|fonde(?:ne)?|(?:nye|eksisterende|nuværende) (?:investorer|ejere)|ejere som)(?: (?:er|som|tæller|findes))?)\s+(?:\p{Ll}[\p{L}-]*\s+){0,3}$/u;
/** Investors before the round: "X leder runden", "X står i spidsen for", "X deltager også i runden". */
const ROUND_BY_SUBJECT =
  /^\s*(?:,[^,.;:!?]{1,60},\s*)?(?:(?:har|også|nu|desuden)\s+)*(?:leder|ledede|står i spidsen for|stod i spidsen for|deltager|deltog|deltaget|er med|var med|går med|gik med|er lead-investor|er hovedinvestor)\b/u;
/** The company raising the money: "Corti henter 60 mio. kr.", "har rejst 200 mio.", "får tilført". */
const RAISES =
  /^\s*(?:,[^,.;:!?]{1,60},\s*)?(?:(?:har|nu|netop|igen|også)\s+)*(?:henter|hentede|hentet|rejser|rejste|rejst|får tilført|fik tilført|fået tilført|modtager|modtog|modtaget|lukker|lukkede|lukket)\b/u;
/** "med X i spidsen", "med X som ny investor": the slot after "med" leads or joins. */
const WITH_INVESTOR_BEFORE = /\bmed\s+(?:\p{Ll}[\p{L}-]*\s+){0,3}$/u;
const WITH_INVESTOR_AFTER =
  /^\s+(?:i spidsen|som (?:ny |tung |stor )?(?:hovedinvestor|lead-?investor|ankerinvestor|investor|medinvestor))\b/u;
/** What a raising verb takes: money or a round ("henter 60 mio. kr.", "lukker en runde på"). */
const RAISED_OBJECT =
  /^[^.;:!?]{0,40}?(?:\d[\d.,]*\s*(?:mio|mia|millioner|milliarder|kr|euro|dollar|pund)|\brunde|\bkapital|\bpenge|\binvestering)/u;
const FUNDING_CUE = /invest|skyde|skød|skudt|sig ind|runde|kapital|emission|pengene|henter|hentet|rejse|rejst|tilført/u;

/** How many sentences back the company raising money is looked for. */
const FUNDED_REACH = 8;

/** The company raising money in this sentence or in the few before it (or a "selskabet" here). */
function fundedCompany(ctx: ArticleContext, s: SentenceContext): ResolvedEntity | null {
  const i = ctx.sentences.indexOf(s);
  for (let k = i; k >= 0 && k >= i - FUNDED_REACH; k--) {
    const t = ctx.sentences[k];
    const raiser = t.slots.find((x) => {
      if (x.entity.type !== 'Company' || x.entity.media) return false;
      const m = RAISES.exec(t.lower.slice(x.end));
      return m !== null && RAISED_OBJECT.test(t.lower.slice(x.end + m[0].length));
    });
    if (raiser) return raiser.entity;
    if (k === i) {
      const anaphor = t.slots.find((x) => x.via === 'anaphor' && x.entity.type === 'Company');
      if (anaphor) return anaphor.entity;
    }
  }
  return null;
}

const investor = (e: ResolvedEntity): boolean =>
  e.type !== 'Place' && !e.media && !(e.type === 'Government' && e.isCountry);

/** OWNS from investments and funding rounds (see INVEST_TRIGGER, ROUND_BY). */
function fundingRelations(s: SentenceContext, sink: RelationSink, ctx: ArticleContext): void {
  const text = s.sentence.text;
  const slots = s.slots.filter((x) => !x.mention?.silent);
  for (const trigger of triggerPositions(s.lower, INVEST_TRIGGER)) {
    const target = slots.find(
      (x) =>
        x.start >= trigger.end &&
        x.start - trigger.end <= INVESTED_REACH_CHARS &&
        isOrgLike(x.entity) &&
        !x.entity.media &&
        INVESTED_IN.test(s.lower.slice(trigger.end, x.start)),
    );
    if (!target) continue;
    // The investor is the verb's subject: the name right before it, or before a relative clause ("X, der ejer Y, har").
    let before = slots.filter((x) => x.end <= trigger.start);
    const subject = before.findLastIndex(
      (x, i) => i >= before.length - 3 && investor(x.entity) && INVESTOR_BEFORE.test(text.slice(x.end, trigger.start)),
    );
    if (subject < 0) continue;
    before = before.slice(0, subject + 1);
    const last = before[subject];
    // "PKA har investeret … i selskabet": no one invests in itself, so "selskabet" is the company before the investor.
    const owned = target.via === 'anaphor' && target.id === last.id ? otherCompanyBefore(ctx, s, last) : target.entity;
    for (const owner of coordinatedBefore(s, before, investor)) {
      if (owned && owner.id !== owned.id) sink.add(owner.id, 'OWNS', owned.id, s, 0.6);
    }
  }
  if (!ROUND_NOUN.test(s.lower)) return;
  let funded: ResolvedEntity | null | undefined;
  const owners: Slot[] = [];
  for (let i = 0; i < slots.length; i++) {
    const x = slots[i];
    if (!investor(x.entity) || x.via !== 'name') continue;
    const lead = s.lower.slice(Math.max(0, x.start - 60), x.start);
    if (ROUND_BY.test(lead) || (WITH_INVESTOR_BEFORE.test(lead) && WITH_INVESTOR_AFTER.test(s.lower.slice(x.end)))) {
      owners.push(...coordinated(s, x, investor));
    } else if (ROUND_BY_SUBJECT.test(s.lower.slice(x.end))) {
      owners.push(...coordinatedBefore(s, slots.slice(0, i + 1), investor));
    }
  }
  for (const owner of owners) {
    funded ??= fundedCompany(ctx, s);
    if (!funded) return;
    if (owner.entity.id !== funded.id) sink.add(owner.id, 'OWNS', funded.id, s, 0.6);
  }
}

/** The non-media company other than `not` named last before it: in its sentence, else in the six before. */
function otherCompanyBefore(ctx: ArticleContext, s: SentenceContext, not: Slot): ResolvedEntity | null {
  const i = ctx.sentences.indexOf(s);
  for (let k = i; k >= 0 && k >= i - 6; k--) {
    const found = ctx.sentences[k].slots
      .filter(
        (x) =>
          x.via === 'name' &&
          x.entity.type === 'Company' &&
          !x.entity.media &&
          x.id !== not.id &&
          (k < i || x.end <= not.start),
      )
      .at(-1);
    if (found) return found.entity;
  }
  return null;
}

/** Between names taking part together: "," / "og" / "samt" / "sammen med". */
const JOINED_BEFORE = /^\s*(?:,|og|samt|sammen med)\s*$/u;

/** The last of `before` and the slots joined to it before it ("EIFO og PFA skyder …", "X sammen med Y"). */
function coordinatedBefore(s: SentenceContext, before: readonly Slot[], ok: (e: ResolvedEntity) => boolean): Slot[] {
  const out = [before[before.length - 1]];
  for (let i = before.length - 2; i >= 0; i--) {
    if (!JOINED_BEFORE.test(textBetween(s, before[i], before[i + 1])) || !ok(before[i].entity)) break;
    out.push(before[i]);
  }
  return out;
}

const BOUGHT_IN = /^\s+sig\s+ind\b/u;

/** The non-media company named last in the (up to three) sentences before this one. */
function previousCompany(ctx: ArticleContext, s: SentenceContext): ResolvedEntity | null {
  const i = ctx.sentences.indexOf(s);
  for (let k = i - 1; k >= 0 && k >= i - 3; k--) {
    if (ctx.sentences[k].sentence.section !== s.sentence.section) break;
    const last = ctx.sentences[k].slots.filter((x) => x.entity.type === 'Company' && !x.entity.media).at(-1);
    if (last) return last.entity;
  }
  return null;
}

/** Sanctions, lawsuits, meetings, opposition, ownership, deals, trade, regulation, location, membership. */
function patternRelations(s: SentenceContext, sink: RelationSink, ctx: ArticleContext): void {
  if (s.sentence.section === 'people-news' && s.announcement) return;
  const text = lower(s);
  // An authority fines or bans a company, or a municipality or region ("Datatilsynet indstiller Esbjerg Kommune til
  // en bøde").
  const fined = s.slots.filter((x) => (x.entity.type === 'Company' && !x.entity.media) || isLocalGovernment(x.entity));
  if (fined.length > 0 && sink.mentionsSanction(s)) {
    const agents = stateAgents(s, sink, ctx);
    // A municipality or region is fined by a national authority, never by another local body.
    const national = agents.some((a) => nationalAuthority(a.state));
    const targets = fined.filter(
      (x) => !agents.some((a) => a.state.id === x.id) && (national || !isLocalGovernment(x.entity)),
    );
    if (agents.length > 0 && targets.length > 0) {
      for (const trigger of triggerPositions(text, SANCTION_TRIGGER)) {
        // "tiltalt for brud på sanktionerne", "har omgået eksportforbuddet": the sanction is the offence, not the act.
        if (isSanctionOffence(text, trigger.start)) {
          for (const x of s.slots) if (isSanctionTarget(s, x)) for (const a of agents) sink.ruleOut(a.slot.id, x.id, s);
          continue;
        }
        const target = nearest(targets, trigger);
        const agent = nearest(
          agents.map((a) => a.slot),
          trigger,
        );
        if (!target || !agent) continue;
        const state = agents.find((a) => a.slot === agent)!.state;
        if (splitBySubordinate(s, target, agent)) {
          sink.ruleOut(state.id, target.id, s);
          continue;
        }
        sink.add(state.id, 'SANCTIONS', target.id, s, 0.6);
        // A municipality named beside the authority that fines ("Ifølge Esbjerg Kommune har Datatilsynet …") fines no one.
        for (const x of s.slots)
          if (isLocalGovernment(x.entity) && !agents.some((a) => a.state.id === x.id)) sink.ruleOut(x.id, target.id, s);
        // A fine is also the authority regulating the company.
        if (/\bbøde/u.test(text)) sink.add(state.id, 'REGULATES', target.id, s, 0.6);
      }
    }
  }
  // Every pair rule needs two different entities (agentTarget); a sentence with fewer skips their trigger scans.
  const pairable = twoParties(s);
  // "Finanstilsynet har inddraget kryptobørsen Myntbro ApS' tilladelse", "tager licensen fra X": a revoked licence.
  if (pairable && REVOKE_TRIGGER.test(s.lower))
    pairRule(s, sink, REVOKE_TRIGGER, 'SANCTIONS', authority, licensee, 0.65);
  // "X blev sagsøgt af Y", "X er selv stævnet af Y": the passive keeps the real direction (Y SUES X).
  if (SUE_PASSIVE.test(s.lower)) pairRule(s, sink, SUE_PASSIVE, 'SUES', litigant, litigant, 0.8, true);
  else pairRule(s, sink, SUE_TRIGGER, 'SUES', litigant, litigant, 0.8);
  // Meetings: with the verb first ("Fredag mødtes A med B"), the name right after the verb is the subject.
  for (const trigger of pairable && couldPair(s, meeter, metBody)
    ? triggerPositions(text, MEET_TRIGGER)
    : NO_POSITIONS) {
    // "Ifølge Berlingske mødtes X i sidste uge med Y", "I går mødtes X med Y": the verb second, its subject after it.
    const fronted = frontedMeeting(s, trigger);
    if (fronted) {
      sink.add(fronted.subject.id, 'MEETS', fronted.other.id, s, 0.75);
      continue;
    }
    // "Henrik Vestergaard mødtes i sidste uge med Dansk Industri": a body met right after "med".
    const body = bodyMetAfter(s, trigger);
    if (body) {
      sink.add(body.subject.id, 'MEETS', body.other.id, s, 0.7);
      continue;
    }
    const pair = agentTarget(s, trigger, meeter, meeter);
    if (!pair) continue;
    const inverted = pair.agent.start > pair.target.end;
    const subject = inverted ? pair.target : pair.agent;
    for (const other of inverted ? [pair.agent] : coordinated(s, pair.target, meeter))
      sink.add(subject.id, 'MEETS', other.id, s, 0.75);
  }
  // "koncernen MediSys Group BV, der ledes af Pieter van der Lind": the body the relative clause hangs on is led.
  if (s.lower.includes('ledes af')) ledByRelations(s, sink);
  // "X har stået i spidsen for Fjordmuseet i 14 år": leading a body (the past, "stod i spidsen for", a post held).
  if (s.lower.includes('i spidsen for')) {
    leadRelations(s, sink, LEADS_NOW, 'HEADS', 0.7);
    leadRelations(s, sink, LED_BEFORE, 'FORMERLY_AT', 0.65);
  }
  // A court neither opposes nor is opposed: "anke dommen til Højesteret" names where the appeal goes.
  pairRule(s, sink, OPPOSE_TRIGGER, 'OPPOSES', litigant, litigant, 0.6);
  if (FUNDING_CUE.test(s.lower)) fundingRelations(s, sink, ctx);
  const shares = shareOwnership(s, sink, ctx);
  // The owner stands before the verb or, after a fronted phrase, right after it ("ejer Bridgeline i forvejen aktier i
  // X"), never after what is owned ("Familien har ejet Nørrekær …, siger formand Y").
  if (!shares) pairRule(s, sink, OWN_ACTIVE, 'OWNS', actor, isOrgLike, 0.6, false, OWNER_GAP);
  // The owned end stands close before "ejes af": in "X leverer møller til en park i Polen, som ejes af Y" the park is.
  pairRule(s, sink, OWN_PASSIVE, 'OWNS', isOrgLike, actor, 0.65, true, OWNED_GAP);
  pairRule(s, sink, ACQUIRE_PASSIVE, 'ACQUIRES', isOrgLike, isOrgLike, 0.7, true);
  const boughtBy = pairable && ACQUIRE_PASSIVE.test(text);
  if (pairable && !boughtBy && couldPair(s, isOrgLike, isCompany)) acquireOrBuyFrom(s, sink);
  if (pairable && SALE_CUE.test(text)) saleRelations(s, sink);
  supplyRelations(s, sink);
  if (pairable && s.lower.includes('kunde')) customerRelations(s, sink);
  symmetricRelations(s, sink);
  // An agreement to buy is an acquisition, not a partnership.
  // … and a contract one side serves the other by is a supply, not a partnership.
  const supplied = sink.bySentence.get(s.sentence.index)?.some((r) => r.type === 'SUPPLIES') ?? false;
  if (pairable && !boughtBy && !supplied && !ACQUIRE_ACTIVE.test(text))
    pairRule(s, sink, PARTNER_TRIGGER, 'PARTNERS_WITH', partner, partner, 0.6);
  if (pairable && !NEGATION.test(text)) {
    // "USA handler med Kina": the trader stands right before the verb; "handel mellem USA og Kina" names both after it.
    pairRule(s, sink, TRADE_TRIGGER, 'TRADES_WITH', trader, trader, 0.55, false, 12);
    for (const m of triggerPositions(text, TRADE_BETWEEN)) {
      const after = s.slots.filter((x) => x.start > m.start && trader(x.entity) && !x.mention?.silent);
      if (after.length >= 2 && /^\s*og\s*$/u.test(textBetween(s, after[0], after[1])))
        sink.add(after[0].id, 'TRADES_WITH', after[1].id, s, 0.6);
    }
  }
  pairRule(s, sink, REGULATE_TRIGGER, 'REGULATES', isStateActor, partner, 0.6, false, Infinity, notAttacked);
  // "Retten i Holbæk idømte i går X …", "X blev frifundet af Østre Landsret": a court rules on a party (REGULATES).
  if (pairable && COURT_CUE.test(s.lower)) {
    pairRule(s, sink, COURT_ACTIVE, 'REGULATES', isCourt, courtParty, 0.7, false, 40);
    pairRule(s, sink, COURT_PASSIVE, 'REGULATES', courtParty, isCourt, 0.7, true);
  }
  // "Datatilsynet har politianmeldt X": an authority acting on a firm or a public body (never a state as such).
  if (pairable && POLICE_REPORT.test(s.lower))
    pairRule(s, sink, POLICE_REPORT, 'REGULATES', nationalAuthority, reportable, 0.6);
  // A municipality or region is overseen by a national authority, never by another local body or a state as such.
  if (pairable && s.slots.some((x) => isLocalGovernment(x.entity)))
    pairRule(s, sink, REGULATE_TRIGGER, 'REGULATES', nationalAuthority, isLocalGovernment, 0.6, false, LOCAL_AGENT_GAP);
  pairRule(s, sink, LOCATED_TRIGGER, 'LOCATED_IN', isOrgLike, isLocation, 0.7);
  // "X overtager Lagerdata, der har hovedsæde i Odense": the seat in a relative clause is its own name's alone.
  if (pairable) seatInRelativeClause(s, sink);
  // "it-firmaet Kodehuset fra Aarhus": an organisation followed directly by "fra" and a place.
  const named = s.slots.filter((x) => x.via === 'name');
  for (let i = 0; i + 1 < named.length; i++) {
    if (
      isOrgLike(named[i].entity) &&
      !named[i].entity.media &&
      named[i + 1].entity.type === 'Place' &&
      /^\s+fra\s+$/u.test(textBetween(s, named[i], named[i + 1]))
    ) {
      sink.add(named[i].id, 'LOCATED_IN', named[i + 1].id, s, 0.6);
    }
  }
  pairRule(s, sink, MEMBER_TRIGGER, 'MEMBER_OF', member, isOrgLike, 0.7);
  if (BOARD_SEAT_TRIGGER.test(s.lower))
    pairRule(s, sink, BOARD_SEAT_TRIGGER, 'MEMBER_OF', isPerson, isOrgLike, 0.7, false, BOARD_MEMBER_GAP);
  // "vundet af KMD i konkurrence med Atos", "Atea og konkurrenten Dustin": rivals, no typed relation between them.
  if (RIVALS_CUE.test(s.lower))
    for (let i = 0; i + 1 < named.length; i++)
      if (RIVALS_BETWEEN.test(textBetween(s, named[i], named[i + 1]))) sink.ruleOut(named[i].id, named[i + 1].id, s);
}

const RIVALS_CUE = /konkurr|rival/u;
const RIVALS_BETWEEN =
  /^\s+(?:i\s+konkurrence\s+med|konkurrerer\s+med|(?:og|end|som)\s+(?:\p{Ll}+\s+)?(?:konkurrent(?:en)?|rival(?:en)?)|,\s+(?:der|som)\s+konkurrerer\s+med)\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}$/u;

/**
 * A relation for each match of the trigger: the agent before it (or after the target), the target after it, and
 * the targets coordinated with that one ("samarbejder med Samsung og TSMC": every coordinated target counts).
 */
function pairRule(
  s: SentenceContext,
  sink: RelationSink,
  re: RegExp,
  type: RelationType,
  agentOk: (e: ResolvedEntity) => boolean,
  targetOk: (e: ResolvedEntity) => boolean,
  confidence: number,
  reversed = false,
  maxAgentGap = Infinity,
  slotOk: (s: SentenceContext, x: Slot) => boolean = anySlot,
): void {
  // Checked before the scan: without a possible pair the trigger does not matter.
  if (!couldPair(s, agentOk, targetOk)) return;
  const verbSecond = VERB_TRIGGERS.has(re);
  for (const trigger of triggerPositions(s.lower, re)) {
    const pair = agentTarget(s, trigger, agentOk, targetOk, maxAgentGap, verbSecond);
    if (!pair) continue;
    // "undersøger angrebet på Netcompany og Vestas": what stands before the first of a list holds for all of it.
    const firstOk = slotOk(s, pair.target);
    for (const target of coordinated(s, pair.target, targetOk)) {
      if (!firstOk) {
        sink.ruleOut(pair.agent.id, target.id, s);
        continue;
      }
      if (reversed) sink.add(target.id, type, pair.agent.id, s, confidence);
      else sink.add(pair.agent.id, type, target.id, s, confidence);
    }
  }
}

/** A subordinate clause opening: "…, efter at EU har sat dem på sanktionslisten". */
export const SUBORDINATE_OPENING = /(?:^|[\s,])(?:efter at|fordi|eftersom|selvom|idet|mens)\s/u;

/**
 * True when a subordinate clause opens between a target named before it and an agent inside it: in "X har solgt
 * sine aktier, efter at EU har sat dem på sanktionslisten" EU sanctions what "dem" stands for, not X.
 */
function splitBySubordinate(s: SentenceContext, target: Slot, agent: Slot): boolean {
  return target.end <= agent.start && SUBORDINATE_OPENING.test(s.lower.slice(target.end, agent.start));
}

const anySlot = (): boolean => true;
/** "efterforsker hackerangrebet på Journalia": the victim of what is looked into is not what the authority acts on. */
const notAttacked = (s: SentenceContext, x: Slot): boolean =>
  !/angreb(?:et)?\s+(?:på|mod)\s+(?:\p{Ll}[\p{L}-]*\s+)?$/u.test(s.lower.slice(Math.max(0, x.start - 40), x.start));

/** Triggers led by a verb whose subject may follow it after a fronted phrase (agentTarget's verbSecond). */
const VERB_TRIGGERS: ReadonlySet<RegExp> = new Set([
  REGULATE_TRIGGER,
  SUE_TRIGGER,
  REVOKE_TRIGGER,
  POLICE_REPORT,
  OWN_ACTIVE,
]);

const TRADE_BETWEEN = /\bhandel(?:en|saftale(?:n)?)? mellem\b/u;
// The entity tests of the pattern rules, defined once rather than per sentence.
// (Unions, trade bodies and parties meet ministers and each other: "mødtes med Dansk Industri".)
/** Between a meeting's subject after the verb and the one it meets: "i sidste uge med", " med". */
const MEETING_SUBJECT_TO_OTHER = /^\s+(?:[\p{Ll}\d.]+\s+){0,5}?med\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}$/u;

/** The subject right after a fronted meeting verb and the one it meets ("mødtes X med Y"), or null. */
function frontedMeeting(
  s: SentenceContext,
  trigger: { start: number; end: number },
): { subject: Slot; other: Slot } | null {
  const text = s.sentence.text;
  if (!/^mød/u.test(text.slice(trigger.start, trigger.end).toLowerCase())) return null;
  const after = s.slots.filter((x) => x.start >= trigger.end && !x.mention?.silent);
  if (after.length < 2 || !meeter(after[0].entity) || !metBody(after[1].entity) || after[0].id === after[1].id)
    return null;
  if (!/^\s+$/u.test(text.slice(trigger.end, after[0].start))) return null;
  return MEETING_SUBJECT_TO_OTHER.test(text.slice(after[0].end, after[1].start))
    ? { subject: after[0], other: after[1] }
    : null;
}

/** A person or state right before a meeting verb, and a body (no person, no state) met right after "med". */
function bodyMetAfter(
  s: SentenceContext,
  trigger: { start: number; end: number },
): { subject: Slot; other: Slot } | null {
  const text = s.sentence.text;
  const subject = s.slots.filter((x) => x.end <= trigger.start && !x.mention?.silent).at(-1);
  const other = s.slots.find((x) => x.start >= trigger.end && !x.mention?.silent);
  if (!subject || !other || !meeter(subject.entity) || meeter(other.entity) || !metBody(other.entity)) return null;
  if (!/^\s+(?:(?:har|havde|er|var|også|nu)\s+)?$/u.test(text.slice(subject.end, trigger.start))) return null;
  return MEETING_SUBJECT_TO_OTHER.test(text.slice(trigger.end, other.start)) ? { subject, other } : null;
}

const meeter = (e: ResolvedEntity): boolean => e.type === 'Person' || e.type === 'Government';
// A union or a trade body is met, right after "med" ("mødtes med Dansk Industri"); elsewhere in a sentence of a meeting
// a body is often the forum ("deltog i NATO-mødet, hvor hun mødtes med …").
const metBody = (e: ResolvedEntity): boolean => meeter(e) || (e.type === 'Organization' && !e.media);
const trader = (e: ResolvedEntity): boolean => e.type !== 'Place' && e.type !== 'Person' && !e.media;
const partner = (e: ResolvedEntity): boolean => isOrgLike(e) && !e.media;
const isLocation = (e: ResolvedEntity): boolean => e.type === 'Place' || (e.type === 'Government' && e.isCountry);
const member = (e: ResolvedEntity): boolean => e.type === 'Person' || isOrgLike(e) || e.type === 'Government';

const isCompany = (e: ResolvedEntity): boolean => e.type === 'Company';
const isPerson = (e: ResolvedEntity): boolean => e.type === 'Person';
/** A national public body that acts on others: no state as such, no court, no municipality or region. */
const nationalAuthority = (e: ResolvedEntity): boolean =>
  authority(e) && !COURT_WORD.test(e.name) && !isLocalGovernment(e);
/** Courts the gazetteer does not list, by their names ("Retten i Holbæk", "Byretten i Aalborg"). */
const COURT_WORD = /retten\b|\bRetten\b|domstol|Landsret|Byret|Højesteret/u;
/** What an authority reports to the police: a firm, an association, a municipality or a region. */
const reportable = (e: ResolvedEntity): boolean => partner(e) || isLocalGovernment(e);

/**
 * True when agentTarget can find a pair in the sentence at all: a target and a different agent among the
 * non-silent slots. Rules check it before scanning the sentence for their trigger.
 */
function couldPair(
  s: SentenceContext,
  agentOk: (e: ResolvedEntity) => boolean,
  targetOk: (e: ResolvedEntity) => boolean,
): boolean {
  for (const target of s.slots) {
    if (target.mention?.silent || !targetOk(target.entity)) continue;
    for (const agent of s.slots) {
      if (agent.id !== target.id && !agent.mention?.silent && agentOk(agent.entity)) return true;
    }
  }
  return false;
}

/** True when the sentence names two different entities outside titles (non-silent slots): what agentTarget needs. */
function twoParties(s: SentenceContext): boolean {
  let first: string | undefined;
  for (const x of s.slots) {
    if (x.mention?.silent) continue;
    if (first === undefined) first = x.id;
    else if (x.id !== first) return true;
  }
  return false;
}

/**
 * Job news in running text: "X ansætter Y som T", "Y bliver ny T i X", "Y er udnævnt til T i X" -> EMPLOYED_BY.
 * (The Navnenyt section has its own exact grammar.)
 */
function bodyJobRelations(s: SentenceContext, sink: RelationSink): void {
  if (s.announcement) return;
  const text = s.sentence.text;
  const named = s.slots.filter((x) => x.via === 'name');
  for (let i = 0; i + 1 < named.length; i++) {
    const a = named[i];
    // "Ørsted har ansat tidligere Maersk-chef Søren Skou": a name compounded into the title ("Maersk-chef") lies
    // between the employer and the person.
    const b =
      isEmployer(a.entity) &&
      named[i + 1].entity.type !== 'Person' &&
      named[i + 2]?.entity.type === 'Person' &&
      /^-\p{Ll}+\s+$/u.test(textBetween(s, named[i + 1], named[i + 2]))
        ? named[i + 2]
        : named[i + 1];
    const between = textBetween(s, a, b);
    if (isEmployer(a.entity) && b.entity.type === 'Person') {
      const m =
        /^\s+(?:har\s+)?(?:ansætter|ansat|ansatte|henter|hentet|hentede|udnævner|udnævnt|udnævnte|udpeger|udpeget|udpegede)\s+(?:(?:\p{Ll}+|\p{Lu}[\p{L}]*-\p{Ll}+)\s+){0,3}$/u.exec(
          between,
        );
      const title =
        /^\s*(?:,\s*\d+\s+år,\s*)?\s*som\s+(?:ny\s+|nyt\s+)?([^,.;]+?)(?=[,.;]|\s+(?:pr\.|fra|med virkning)|$)/u.exec(
          text.slice(b.end),
        )?.[1] ?? /^\s*til\s+(?:ny\s+)?([^,.;]+?)(?=[,.;]|$)/u.exec(text.slice(b.end))?.[1];
      // "Ørsted har udpeget X som ny administrerende direktør": the head, by the title.
      if (m)
        sink.add(b.id, title && headsWith(title) ? 'HEADS' : 'EMPLOYED_BY', a.id, s, 0.7, {
          title: title ?? null,
          since: null,
        });
    } else if (a.entity.type === 'Person' && isEmployer(b.entity)) {
      const m =
        /^\s*(?:,\s*\d+\s+år,\s*)?\s*(?:bliver|er|blev)\s+(?:pr\.\s+\S+\s+\S+\s+(?:\d{4}\s+)?)?(?:ny|nyt|nye|udnævnt til|ansat som|tiltrådt som)\s+([^,.;]+?)\s+(?:i|hos|for|ved)\s+(?:\p{Ll}[\p{L}-]*\s+)?$/u.exec(
          between,
        );
      // "overtager posten som topchef i X", "tiltræder 1. marts som salgsdirektør hos X", "har sagt ja til en stilling
      // som vicedirektør i X", "arbejder nu som seniorforsker i X": a role the person takes or has now.
      const taking =
        m ??
        /^\s*(?:,\s*\d+\s+år,\s*)?\s*(?:(?:overtager|overtog|har overtaget)\s+(?:posten|stillingen|jobbet|rollen)|(?:tiltræder|starter|begynder)(?:\s+(?:pr\.\s+)?[\p{L}\d.]+){0,3}?|(?:har\s+)?(?:sagt|takket)\s+ja\s+til\s+(?:en\s+stilling|jobbet|posten)|(?:arbejder|er)\s+(?:nu|i\s+dag)(?:\s+ansat)?)\s+som\s+(?:ny\s+)?([^,.;]+?)\s+(?:i|hos|for|ved)\s+(?:\p{Ll}[\p{L}-]*\s+)?$/u.exec(
          between,
        );
      if (taking)
        sink.add(a.id, headsWith(taking[1]) ? 'HEADS' : 'EMPLOYED_BY', b.id, s, 0.7, { title: taking[1], since: null });
      // "Målmanden Jesper Hansen skifter fra Brøndby til FC Midtjylland": the one left, then the one joined (a player
      // belongs to a club, as RELATIONS.md's MEMBER_OF; anyone else is employed).
      else if (SWITCHES_FROM.test(between)) {
        sink.add(a.id, 'FORMERLY_AT', b.id, s, 0.7, { title: null });
        const c = named[i + 2];
        if (c && isEmployer(c.entity) && /^\s+til\s+(?:\p{Ll}[\p{L}-]*\s+)?$/u.test(textBetween(s, b, c))) {
          const title = TITLE_AFTER.exec(text.slice(c.end))?.[1] ?? null;
          if (isClub(c.entity)) sink.add(a.id, 'MEMBER_OF', c.id, s, 0.7);
          else
            sink.add(a.id, title && headsWith(title) ? 'HEADS' : 'EMPLOYED_BY', c.id, s, 0.7, { title, since: null });
        }
      }
      // "Sofie Krag vender tilbage til Systematic som udviklingschef", "Efter fem år vender Sofie Krag tilbage til X".
      else if (
        RETURNS_TO.test(between) ||
        (RETURNS_TO_AFTER_VERB.test(between) && /\b(?:vender|vendte)\s+$/u.test(text.slice(0, a.start)))
      ) {
        const title = TITLE_AFTER.exec(text.slice(b.end))?.[1] ?? null;
        sink.add(a.id, title && headsWith(title) ? 'HEADS' : 'EMPLOYED_BY', b.id, s, 0.7, { title, since: null });
      }
    } else if (a.entity.type === 'Person' && b.entity.type === 'Person' && SUCCEEDS.test(between)) {
      // "Anders Lund afløser Peter Bach som it-chef i Region Midtjylland": the one takes the other's post.
      const c = named[i + 2];
      const role = c && isEmployer(c.entity) ? ROLE_AT.exec(textBetween(s, b, c)) : null;
      if (c && role) {
        const title = role[1];
        sink.add(a.id, headsWith(title) ? 'HEADS' : 'EMPLOYED_BY', c.id, s, 0.7, { title, since: null });
        sink.add(b.id, 'FORMERLY_AT', c.id, s, 0.7, { title });
      }
    }
  }
}

/** The passive of a succession may be told ("afløses", "erstattet", "efterfulgt"): substring tests, run per sentence. */
function mayBeSucceeded(lower: string): boolean {
  return lower.includes('afløs') || lower.includes('erstat') || lower.includes('efterf');
}
/** The passive of a succession, before the post: "afløses som it-chef i", "bliver afløst som direktør hos". */
const SUCCEEDED_AS =
  /^\s+(?:afløses|erstattes|efterfølges|(?:bliver|blev|er\s+blevet)\s+(?:afløst|erstattet|efterfulgt))\s+(?:nu\s+)?som\s+(?:\p{Ll}+\s+)?([^,.;]+?)\s+(?:i|hos|for|ved)\s+(?:\p{Ll}[\p{L}-]*\s+)?$/u;
/** The same with the successor first: "afløses af". */
const SUCCEEDED_BY =
  /^\s+(?:afløses|erstattes|efterfølges|(?:bliver|blev|er\s+blevet)\s+(?:afløst|erstattet|efterfulgt))\s+(?:nu\s+)?af\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}$/u;
/** "… af Anne Lund som it-chef i": a post of a few words right after the successor (no clause: ", som i dag er …"). */
const SUCCESSOR_ROLE =
  /^\s+som\s+(?:ny\s+|nyt\s+)?((?!(?:i|er|var|har|nu)\s)\p{Ll}[\p{L}-]*(?:\s+\p{Ll}[\p{L}-]*){0,2})\s+(?:i|hos|for|ved)\s+(?:\p{Ll}[\p{L}-]*\s+)?$/u;
const BY_SUCCESSOR = /^\s+af\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}$/u;

/**
 * "Han afløses som udviklingschef i Netcompany af Mette Dahl", "Peter Bach afløses af Anne Lund som it-chef i X": the
 * successor takes the post, and the one succeeded held it (a pronoun may stand for either person).
 */
function passiveSuccession(s: SentenceContext, sink: RelationSink): void {
  const slots = s.slots.filter((x) => !x.mention?.silent);
  for (let i = 0; i + 2 < slots.length; i++) {
    const [a, b, c] = [slots[i], slots[i + 1], slots[i + 2]];
    if (a.entity.type !== 'Person') continue;
    let successor: Slot | null = null;
    let body: Slot | null = null;
    let title: string | undefined;
    const asPost = SUCCEEDED_AS.exec(textBetween(s, a, b));
    if (asPost && isEmployer(b.entity) && c.entity.type === 'Person' && BY_SUCCESSOR.test(textBetween(s, b, c))) {
      [successor, body, title] = [c, b, asPost[1]];
    } else if (SUCCEEDED_BY.test(textBetween(s, a, b)) && b.entity.type === 'Person' && isEmployer(c.entity)) {
      const role = SUCCESSOR_ROLE.exec(textBetween(s, b, c));
      if (role) [successor, body, title] = [b, c, role[1]];
    }
    if (!successor || !body || !title || successor.entity.id === a.entity.id) continue;
    sink.add(successor.id, headsWith(title) ? 'HEADS' : 'EMPLOYED_BY', body.id, s, 0.7, { title, since: null });
    sink.add(a.id, 'FORMERLY_AT', body.id, s, 0.7, { title });
  }
}

/** A departure told as done or under way (not "skal fratræde", "vil stoppe": plans are read as they are). */
const DEPARTS =
  /\b(?:(?:er|blev)\s+gået\s+af|går\s+af|gik\s+af|fratræder|fratrådte|er\s+fratrådt|stopper|stoppede|er\s+stoppet|(?:har\s+)?sagt\s+op|sagde\s+op|siger\s+op|(?:er\s+blevet|blev|er)\s+(?:fyret|afskediget|fritstillet)|fyres|afskediges|(?:går|gik)\s+på\s+pension|har\s+forladt|forlader|forlod|(?:træder|trådte|er\s+trådt)\s+tilbage)\b/u;
/** The leaving person's own clause up to the verb: no full stop, no relative clause, no other person. */
const TO_DEPARTURE = /^[^.;:!?]{0,50}$/u;
/** A relative clause, a reported clause or a speech verb between the person and the departure: someone else's. */
const NOT_THE_LEAVERS_CLAUSE = /,\s*(?:der|som|at)\s|\b(?:at|siger|sagde|mener|fortæller|oplyser|forklarer)\b/u;

/** The body left is named right after "forlader"/"forlod"/"har forladt". */
function leavesBody(s: SentenceContext, verb: RegExpExecArray, body: Slot): boolean {
  const after = s.slots.find((x) => x.start >= verb.index + verb[0].length);
  return after?.id === body.id;
}
const HELD_AS = /^\s+efter\s+(?:\S+\s+){1,3}?(?:år|måneder)\s+som\s+([^,.;]+?)(?=[,.;]|\s+(?:i|hos|for)\s|$)/u;

/** A unit of a body, as the last word after the body's genitive ("markedsudvalg", "danske afdeling"). */
const UNIT_NOUN =
  /(?:udvalg|afdeling|division|enhed|kontor|sekretariat|tjeneste|center|sektion|område|datterselskab)(?:et|en|er|erne)?$/u;
/** Parliaments: a head of one of their committees sits in them. */
const PARLIAMENT = /(?:tinget|parlamentet|kongressen|riksdagen|bundestag)$/iu;

/**
 * A head of a unit of a body is no head of the body: "direktøren for Novo Nordisks danske afdeling, X", "formanden
 * for Folketingets markedsudvalg, X". Read after the rules and the classifier have typed the sentence's pairs: a
 * HEADS whose body stands in the genitive after "for"/"i"/"af" and before a unit noun becomes EMPLOYED_BY, or
 * MEMBER_OF for a parliament.
 */
export function markUnitHeads(ctx: ArticleContext, sink: RelationSink): void {
  for (const s of ctx.sentences) {
    const typed = sink.bySentence.get(s.sentence.index);
    if (!typed?.some((r) => r.type === 'HEADS')) continue;
    for (const r of [...typed]) {
      if (r.type !== 'HEADS') continue;
      // The body's name nearest before the person (the title stands between them), or else after it.
      const person = s.slots.find((x) => x.id === r.fromId);
      const bodies = s.slots.filter((x) => x.id === r.toId && x.via === 'name');
      const body = person && ([...bodies].reverse().find((x) => x.end <= person.start) ?? bodies[0]);
      if (!body || !ownsUnit(s, body)) continue;
      const type = PARLIAMENT.test(body.entity.name) ? 'MEMBER_OF' : 'EMPLOYED_BY';
      sink.retype(r, type, { title: (r.props.title as string | null | undefined) ?? null });
    }
  }
}

/** "for Folketingets markedsudvalg": the name in the genitive after a preposition, a unit noun after it. */
function ownsUnit(s: SentenceContext, x: Slot): boolean {
  if (!/(?:'s|’s|s|')$/u.test(x.text)) return false;
  if (!/(?:^|\s)(?:for|i|af)\s+$/u.test(s.lower.slice(Math.max(0, x.start - 5), x.start))) return false;
  // (The unit may be written as a name: "Folketingets Skatteudvalg".)
  const after = /^\s+((?:\p{Ll}[\p{L}-]*\s+){0,2}\p{L}[\p{L}-]*)/u.exec(s.sentence.text.slice(x.end));
  return after?.[1].split(/\s+/u).some((w) => UNIT_NOUN.test(w.toLowerCase())) ?? false;
}

/**
 * Posts left, read after the rules and the classifier have typed the sentence's pairs: "Vestas' finansdirektør, Marika
 * Fredriksson, fratræder", "Topchefen i Ørsted, X, er blevet fyret" (the
 * post read from the title becomes FORMERLY_AT, as RELATIONS.md marks departures), and "X har forladt Ørsted efter
 * syv år som administrerende direktør".
 */
export function markDepartures(ctx: ArticleContext, sink: RelationSink): void {
  for (const s of ctx.sentences) {
    if (s.slots.length < 2) continue;
    // Only a sentence with a post to retype, or a "forlod"/"forladt" to read, is scanned for a departure.
    const posts = sink.bySentence.get(s.sentence.index)?.some((r) => r.type === 'HEADS' || r.type === 'EMPLOYED_BY');
    if (!posts && !s.lower.includes('forl')) continue;
    const verb = DEPARTS.exec(s.lower);
    if (verb) departedPosts(s, sink, verb);
  }
}

function departedPosts(s: SentenceContext, sink: RelationSink, verb: RegExpExecArray): void {
  if (
    /\b(?:skal|vil|kan|bør|ikke)\s+(?:\p{Ll}+\s+)?$/u.test(s.lower.slice(Math.max(0, verb.index - 20), verb.index)) ||
    // "stopper ikke", "gik af med sejren": no post is left.
    /^\s+(?:ikke|aldrig|med\b)/u.test(s.lower.slice(verb.index + verb[0].length))
  )
    return;
  const people = s.slots.filter((x) => x.entity.type === 'Person');
  for (const r of [...(sink.bySentence.get(s.sentence.index) ?? [])]) {
    if (r.type !== 'HEADS' && r.type !== 'EMPLOYED_BY') continue;
    const person = people.find((x) => x.id === r.fromId && x.end <= verb.index);
    const body = s.slots.find((x) => x.id === r.toId && x.end <= verb.index);
    if (!person || !body) continue;
    const last = Math.max(person.end, body.end);
    const between = s.sentence.text.slice(last, verb.index);
    if (!TO_DEPARTURE.test(between) || NOT_THE_LEAVERS_CLAUSE.test(between)) continue;
    // "forlod mødet tidligt": leaving is of the body only when the body is what is left.
    if (/^forl/u.test(verb[0]) && !leavesBody(s, verb, body)) continue;
    if (people.some((x) => x.id !== person.id && x.start > last && x.end <= verb.index)) continue;
    sink.retype(r, 'FORMERLY_AT', { title: (r.props.title as string | null | undefined) ?? null });
  }
  // "X har forladt Ørsted efter syv år som administrerende direktør": the post held is named after the body.
  if (!/forladt|forlader|forlod/u.test(verb[0])) return;
  const person = [...people].reverse().find((x) => x.end <= verb.index);
  const body = s.slots.find((x) => x.start >= verb.index + verb[0].length && isEmployer(x.entity));
  if (
    !person ||
    !body ||
    !/^\s+(?:(?:den|det)\s+)?$/u.test(s.sentence.text.slice(verb.index + verb[0].length, body.start))
  )
    return;
  const title = HELD_AS.exec(s.sentence.text.slice(body.end))?.[1] ?? null;
  sink.add(person.id, 'FORMERLY_AT', body.id, s, 0.7, { title });
}

/** Between a person and the body they leave for another: "skifter fra", "har skiftet fra". */
const SWITCHES_FROM =
  /^\s+(?:(?:har|nu|også)\s+)?(?:skifter|skiftede|skiftet)\s+(?:nu\s+)?fra\s+(?:\p{Ll}[\p{L}-]*\s+)?$/u;
/** The clause around a stretch: from the last comma or stop before it to the next comma after it, lowercased. */
function ownClause(s: SentenceContext, start: number, end: number): string {
  const text = s.lower;
  const from = Math.max(text.lastIndexOf(',', start), text.lastIndexOf('.', start - 1)) + 1;
  const comma = text.indexOf(',', end);
  return text.slice(from, comma < 0 ? text.length : comma);
}

/** A sports club by its name ("FC Midtjylland", "Lyngby Boldklub", "Aarhus Elite IF"). */
const CLUB_WORDS: ReadonlySet<string> = new Set(['boldklub', 'boldklubben', 'fodboldklub', 'united', 'city']);

function isClub(e: ResolvedEntity): boolean {
  return e.name.split(/\s+/u).some((w) => CLUB_LETTERS.has(w.toLowerCase()) || CLUB_WORDS.has(w.toLowerCase()));
}

/** Between a person and the employer they return to. */
const RETURNS_TO = /^\s+(?:(?:er|nu)\s+)?(?:vender|vendte|vendt)\s+(?:nu\s+)?tilbage\s+til\s+(?:\p{Ll}[\p{L}-]*\s+)?$/u;
/** The same after a fronted verb: "vender Sofie Krag tilbage til X". */
const RETURNS_TO_AFTER_VERB = /^\s+(?:nu\s+)?tilbage\s+til\s+(?:\p{Ll}[\p{L}-]*\s+)?$/u;
/** A role named after the employer: "… Systematic som udviklingschef". */
const TITLE_AFTER = /^\s*(?:,\s*)?som\s+(?:ny\s+|nyt\s+)?([^,.;]+?)(?=[,.;]|\s+(?:pr\.|fra|efter|med virkning)|$)/u;
/** Between a person and the one whose post they take. */
const SUCCEEDS =
  /^\s+(?:afløser|afløste|har afløst|erstatter|erstattede|efterfølger|efterfulgte)\s+(?:\p{Ll}+\s+){0,2}$/u;
/** "… som it-chef i", "… som administrerende direktør hos": the role and the preposition before the employer. */
const ROLE_AT = /^\s*(?:,\s*)?som\s+(?:ny\s+)?([^,.;]+?)\s+(?:i|hos|for|ved)\s+(?:\p{Ll}[\p{L}-]*\s+)?$/u;

/**
 * EDUCATED_AT outside Navnenyt: a person (named, "hun", "den 44-årige") and, later in the sentence, a body preceded
 * by "fra"/"på"/"ved" with a degree word in the clause before it: "er uddannet datalog fra Aarhus Universitet", "har en
 * cand.merc. fra CBS og en MBA fra INSEAD", "tog sin ph.d. på Lunds Universitet". No other person may stand between.
 */
function educationRelations(s: SentenceContext, sink: RelationSink): void {
  if (s.announcement) return;
  const text = s.sentence.text;
  let person: Slot | null = null;
  let clauseStart = 0;
  for (const slot of s.slots) {
    if (slot.entity.type === 'Person') {
      person = slot;
      clauseStart = slot.end;
      continue;
    }
    if (!person || slot.via !== 'name' || !isOrgLike(slot.entity) || slot.entity.type === 'Government') continue;
    const clause = text.slice(clauseStart, slot.start);
    clauseStart = slot.end;
    if (clause.length > 90 || !/\s(?:fra|på|ved)\s+(?:\p{Ll}+\s+)?$/u.test(clause)) continue;
    // (The degree may stand before a field written in capitals: "lod sig videreuddanne i Business Administration ved
    // University of Wisconsin".)
    const sincePerson = text.slice(person.end, slot.start);
    const read = DEGREE_CUE.test(clause) ? clause : sincePerson.length <= 110 ? sincePerson : '';
    const degree = DEGREE_CUE.exec(read);
    if (!degree) continue;
    // "kom til Nordkap fra en stilling …": a job, not a degree, once the clause moves on to work.
    if (/\b(?:stilling|job|ansat|arbejdet|arbejder)\b/u.test(read.slice(degree.index))) continue;
    sink.add(person.id, 'EDUCATED_AT', slot.id, s, 0.7, { degree: null });
  }
}

/**
 * FORMERLY_AT from a former role: "tidligere projektleder i Energinet", "kom fra et job som udvikler hos Microsoft",
 * "har sagt op hos Nordkap"; the person is the last one named (or referred to) before it in the sentence.
 */
function formerRoleRelations(s: SentenceContext, sink: RelationSink): void {
  if (s.announcement) return;
  const text = s.sentence.text;
  for (const slot of s.slots) {
    if (slot.via !== 'name' || !isOrgLike(slot.entity)) continue;
    const before = text.slice(Math.max(0, slot.start - 70), slot.start);
    const m =
      /\b(?:tidligere\s+(?:[\p{L}.-]+\s+){0,2}?([\p{L}.-]+)\s+(?:i|hos|for|ved|på)|kom\s+(?:til\s+\S+\s+)?fra\s+(?:et\s+job|en\s+stilling)\s+som\s+(?:[\p{L}.-]+\s+){0,2}?([\p{L}.-]+)\s+(?:i|hos|ved|på)|(?:har|havde)\s+sagt\s+op\s+(?:i|hos))\s+(?:\p{Ll}[\p{L}-]*\s+)?$/iu.exec(
        before,
      );
    if (!m) {
      // "Efter fem år hos Microsoft vender Sofie Krag tilbage …": the years before, then the person after the verb.
      const after = AFTER_YEARS_AT.exec(before);
      // … and a move after it: "vender tilbage", "skifter til" ("Efter fem år hos X bliver Y partner" stays at X).
      if (!after || !MOVES_ON.test(text.slice(slot.end))) continue;
      const person =
        after &&
        (s.slots
          .filter((x) => x.entity.type === 'Person' && x.end <= slot.start - (before.length - after.index))
          .at(-1) ??
          s.slots.find((x) => x.entity.type === 'Person' && x.start >= slot.end));
      if (person) sink.add(person.id, 'FORMERLY_AT', slot.id, s, 0.65, { title: after?.[1] ?? null });
      continue;
    }
    const title = m[1] ?? m[2];
    if (title && !isPersonTitle(title)) continue;
    const at = slot.start - (before.length - m.index);
    const people = s.slots.filter((x) => x.entity.type === 'Person' && x.end <= at);
    const person = people.at(-1);
    if (!person) continue;
    // "Mads, Ida og Oliver, som alle har sagt op hos Nordkap": every person of a list right before the clause.
    const group = /\balle\b/u.test(text.slice(person.end, at)) ? people.filter((p) => p.via === 'name') : [person];
    for (const p of group) sink.add(p.id, 'FORMERLY_AT', slot.id, s, 0.7, { title: title ?? null });
  }
}

/** Verbs of leaving for something else, after "efter fem år hos X". */
const MOVES_ON =
  /\b(?:vender|vendte|skifter|skiftede|forlader|forlod|fratræder|fratrådte|tiltræder|tiltrådte|rykker|rykkede|går|gik|kommer|kom|starter|startede|begynder|begyndte)\b/u;
/** "efter fem år hos", "efter tolv år som salgschef i": time served at the body named next. */
const AFTER_YEARS_AT =
  /\b[Ee]fter\s+(?:[\p{L}\d]+\s+){1,2}(?:år|måneder)\s+(?:som\s+([\p{L}-]+)\s+)?(?:hos|i|ved|på)\s+(?:\p{Ll}[\p{L}-]*\s+)?$/u;

/** Local offices and what they say of the person: the mayor heads the municipality, a councillor is a member. */
const LOCAL_OFFICES: Readonly<Record<string, { type: 'HEADS' | 'MEMBER_OF'; body: 'kommune' | 'region' }>> = {
  borgmester: { type: 'HEADS', body: 'kommune' },
  borgmesteren: { type: 'HEADS', body: 'kommune' },
  byrådsmedlem: { type: 'MEMBER_OF', body: 'kommune' },
  byrådspolitiker: { type: 'MEMBER_OF', body: 'kommune' },
  kommunalpolitiker: { type: 'MEMBER_OF', body: 'kommune' },
  rådmand: { type: 'MEMBER_OF', body: 'kommune' },
  regionsrådsformand: { type: 'HEADS', body: 'region' },
  regionsrådsmedlem: { type: 'MEMBER_OF', body: 'region' },
  regionspolitiker: { type: 'MEMBER_OF', body: 'region' },
};

/**
 * "byrådsmedlem Rikke Dybkjær (EL)", "Kim Stokholm (V) bliver ny borgmester": a local office before or after a person
 * relates them to the municipality (or region) the office belongs to — the one the article names, or, when it names
 * several, the last one named in this or the three sentences before.
 */
function localOfficeRelations(s: SentenceContext, sink: RelationSink, ctx: ArticleContext): void {
  if (s.announcement) return;
  const text = s.sentence.text;
  for (const slot of s.slots) {
    if (slot.via !== 'name' || slot.entity.type !== 'Person') continue;
    const before = /(\p{L}+)\s+$/u.exec(text.slice(Math.max(0, slot.start - 30), slot.start))?.[1];
    const after =
      /^\s*(?:\([^)]{1,4}\)\s*)?(?:,\s*(?:der|som)\s+)?(?:bliver|er|blev|fortsætter\s+som|genvælges\s+som)\s+(?:ny\s+)?(\p{L}+)/u.exec(
        text.slice(slot.end, slot.end + 60),
      )?.[1];
    const word = [before, after].find((w) => w !== undefined && LOCAL_OFFICES[w.toLowerCase()] !== undefined);
    if (!word) continue;
    const office = LOCAL_OFFICES[word.toLowerCase()];
    const body = localBody(ctx, s, office.body);
    if (body) sink.add(slot.id, office.type, body.id, s, 0.7, { title: word.toLowerCase() });
  }
}

function localBody(ctx: ArticleContext, s: SentenceContext, kind: 'kommune' | 'region'): ResolvedEntity | undefined {
  const fits = (e: ResolvedEntity) =>
    e.type === 'Government' && (kind === 'kommune' ? / Kommune$/u.test(e.name) : /^Region /u.test(e.name));
  const all = ctx.resolution.entities.filter(fits);
  if (all.length <= 1) return all[0];
  const i = ctx.sentences.indexOf(s);
  for (let k = i; k >= 0 && k >= i - 3; k--) {
    const last = ctx.sentences[k].slots.filter((x) => fits(x.entity)).at(-1);
    if (last) return last.entity;
  }
  return undefined;
}

/** Every typed relation of the article, in sentence order. */
/** "Troels Lund Poulsen (V)": the politician named right before a party letter is a member of the party. */
function partyRelations(s: SentenceContext, sink: RelationSink): void {
  for (const [k, slot] of s.slots.entries()) {
    if (!slot.mention?.partyLetter) continue;
    const person = s.slots
      .slice(0, k)
      .reverse()
      .find((x) => x.via === 'name' && x.entity.type === 'Person');
    // Only the name the bracket follows: "Anne Berg (K) og Jens Holm (V)" gives each their own party.
    if (person && slot.start - person.end <= 2) sink.add(person.id, 'MEMBER_OF', slot.id, s, 0.95);
  }
}

export function typedRelations(ctx: ArticleContext): RelationSink {
  const sink = new RelationSink();
  // Every rule relates entities of the sentence (or one of them to the article), so a sentence without any adds nothing.
  const withEntities = ctx.sentences.filter((s) => s.slots.length > 0);
  // Titles first over the whole article, so "Trump" in any sentence knows the state he heads.
  for (const s of withEntities) announcementRelations(s, sink);
  for (const s of withEntities) titleRelations(s, sink, ctx);
  const partOf: PartOfState = { done: new Set(), states: new Map(), parentKeys: new Map() };
  for (const s of withEntities) {
    citationRelations(s, sink, ctx);
    partyRelations(s, sink);
    bodyJobRelations(s, sink);
    if (mayBeSucceeded(s.lower)) passiveSuccession(s, sink);
    educationRelations(s, sink);
    localOfficeRelations(s, sink, ctx);
    formerRoleRelations(s, sink);
    if (mayOwnTitle(s.lower)) possessiveTitleRelations(s, sink);
    partOfRelations(s, sink, ctx, partOf);
    patternRelations(s, sink, ctx);
  }
  // A seat compound may be the sentence's only reference to a body ("Ejeren af Hørsholm-virksomheden er …").
  for (const s of ctx.sentences) seatRelations(s, sink, ctx);
  return sink;
}

/** "Holbæk-klubben", "Hørsholm-virksomheden", "den Boston-baserede fond": a place compounded with what kind of body. */
const SEAT_COMPOUND =
  /^(\p{Lu}[\p{L}.]*(?:-\p{Lu}\p{L}*)?)-(virksomheden|selskabet|firmaet|koncernen|klubben|foreningen|startuppen|producenten|rederiet|banken|fonden|kæden|baserede|baseret)$/u;

/**
 * LOCATED_IN from a seat compound: the body named right after it ("Holbæk-klubben Isefjord FC", "det Aarhus-baserede
 * firma Nordkode"), or, when none is, the one body of that kind named in this or the two sentences before
 * ("… ejer af Hørsholm-virksomheden"). The place must be an entity of the article; two candidates mean none.
 */
function seatRelations(s: SentenceContext, sink: RelationSink, ctx: ArticleContext): void {
  for (let k = 0; k < s.tokens.length; k++) {
    const t = s.tokens[k];
    if (t.text.length < 8 || !t.text.includes('-')) continue;
    const m = SEAT_COMPOUND.exec(t.text);
    if (!m) continue;
    const place = ctx.resolution.entities.find((e) => e.name === m[1] && (e.type === 'Place' || e.isCountry));
    if (!place) continue;
    const kind = m[2];
    const fits = (e: ResolvedEntity) =>
      isOrgLike(e) &&
      !e.media &&
      (kind === 'klubben' || kind === 'foreningen'
        ? e.type === 'Organization'
        : kind === 'baserede' || kind === 'baseret' || kind === 'fonden'
          ? true
          : e.type === 'Company');
    // A name within the next two words: the compound describes it.
    const nextStart = s.tokens[k + 1]?.start ?? Number.POSITIVE_INFINITY;
    const limit = s.tokens[k + 2]?.end ?? Number.POSITIVE_INFINITY;
    const named = s.slots.find((x) => x.via === 'name' && x.start >= nextStart && x.start < limit && fits(x.entity));
    let body = named?.entity;
    if (!body) {
      const i = ctx.sentences.indexOf(s);
      const candidates = new Set<ResolvedEntity>();
      for (let j = Math.max(0, i - 2); j <= i; j++) {
        const here = ctx.sentences[j];
        if (here.sentence.section !== s.sentence.section) continue;
        for (const x of here.slots)
          if (x.via === 'name' && fits(x.entity) && (j < i || x.end <= t.start)) candidates.add(x.entity);
      }
      if (candidates.size === 1) body = [...candidates][0];
    }
    if (body && body.id !== place.id) sink.add(body.id, 'LOCATED_IN', place.id, s, 0.7);
  }
}

/** CO_MENTIONED {weight}: entity pairs sharing a sentence with no typed relation between them. */
export function coMentions(
  ctx: ArticleContext,
  sink: RelationSink,
  scores: ReadonlyMap<string, number> = new Map(),
  maxEntitiesPerSentence = 10,
): ExtractedRelation[] {
  const related = new Set<string>();
  for (const r of sink.relations) {
    related.add(`${r.fromId}|${r.toId}`);
    related.add(`${r.toId}|${r.fromId}`);
  }
  const pairs = new Map<string, { from: string; to: string; weight: number; s: SentenceContext }>();
  for (const s of ctx.sentences) {
    if (s.slots.length < 2) continue;
    const ids = [...new Set(s.slots.filter((x) => x.via === 'name').map((x) => x.id))]
      .slice(0, maxEntitiesPerSentence)
      .sort();
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const key = `${ids[i]}|${ids[j]}`;
        if (related.has(key)) continue;
        const p = pairs.get(key);
        if (p) p.weight++;
        else pairs.set(key, { from: ids[i], to: ids[j], weight: 1, s });
      }
    }
  }
  return [...pairs.values()].map((p) => ({
    fromId: p.from,
    type: 'CO_MENTIONED' as const,
    toId: p.to,
    evidence: p.s.sentence.text,
    sentenceIndex: p.s.sentence.index,
    // score: how close the classifier came to a typed relation (its best type's probability), to rank co-mentions.
    props: { weight: p.weight, score: Math.round((scores.get(`${p.from}|${p.to}`) ?? 0) * 1000) / 1000 },
    confidence: 0.3,
  }));
}
