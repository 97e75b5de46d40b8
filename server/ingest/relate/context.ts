// The per-sentence view relation and event rules read: which entities sit where, with pronouns and "selskabet" resolved.
import type { Sentence } from '../../model.ts';
import {
  COMPANY_ANAPHORS,
  INSTITUTION_NOUNS,
  institutionNoun,
  namesInstitution,
  PERSON_PRONOUNS,
} from '../../nlp/danish.ts';
import type { AnnouncementFact } from '../../nlp/navnenyt.ts';
import type { Token } from '../../nlp/tokenizer.ts';
import type { TypedMention } from '../../nlp/typing.ts';
import type { Resolution, ResolvedEntity } from '../resolve/index.ts';

/** An entity occurrence in a sentence; pronoun/anaphor slots stand for the entity they refer back to. */
export interface Slot {
  readonly id: string;
  readonly entity: ResolvedEntity;
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly mention: TypedMention | null;
  /** 'pronoun' for han/hun, 'anaphor' for selskabet/virksomheden, 'definite' for styrelsen/kommunen (INSTITUTION_NOUNS). */
  readonly via: 'name' | 'pronoun' | 'anaphor' | 'definite';
}

export interface SentenceContext {
  readonly sentence: Sentence;
  /** The sentence text lowercased, once, for the trigger patterns. */
  readonly lower: string;
  readonly tokens: readonly Token[];
  readonly slots: readonly Slot[];
  readonly announcement: AnnouncementFact | null;
  /** The person an announcement is about, for "Han kommer fra …". */
  readonly announcedPerson: ResolvedEntity | null;
}

export interface ArticleContext {
  readonly sentences: readonly SentenceContext[];
  readonly resolution: Resolution;
  /** Lowercased names that denote the publication itself. */
  readonly publisherKeys: ReadonlySet<string>;
  /** The article's date (ISO), to anchor "i dag" and "i går"; null when unknown. */
  readonly publishedAt: string | null;
}

/** First letters (char codes) and lengths of the words in PERSON_PRONOUNS and COMPANY_ANAPHORS, to rule tokens out cheaply. */
const REFERRING_WORDS = [
  ...PERSON_PRONOUNS,
  ...COMPANY_ANAPHORS,
  ...[...INSTITUTION_NOUNS].flatMap((n) => [n, `${n}s`]),
];
const ANAPHOR_INITIALS = new Set(REFERRING_WORDS.map((w) => w.charCodeAt(0)));
const ANAPHOR_MIN_LENGTH = Math.min(...REFERRING_WORDS.map((w) => w.length));
const ANAPHOR_MAX_LENGTH = Math.max(...REFERRING_WORDS.map((w) => w.length));
/** The referring words as written in running text: lowercase, or capitalised at a sentence start. */
const REFERRING_FORMS: ReadonlySet<string> = new Set(
  REFERRING_WORDS.flatMap((w) => [w, w.charAt(0).toUpperCase() + w.slice(1)]),
);

/** True for a token written as a plain word ("styrelsen", "Styrelsen"): REFERRING_FORMS answers it without lowercasing. */
function isPlainWord(text: string): boolean {
  const second = text.charCodeAt(1);
  return text.length < 2 || (second >= 97 && second <= 122);
}

/** How far back (in sentences) a pronoun may find its person. */
const PRONOUN_REACH_SENTENCES = 3;

function isActor(e: ResolvedEntity): boolean {
  return e.type !== 'Place';
}

/** "44-årige" in "den 44-årige": an age standing for the person named before. */
const AGE_DESCRIPTOR = /^\d{1,3}-årige$/u;

/** Builds the sentence views: named slots from resolution, then pronouns and company anaphors resolved to the last fitting entity. */
export function buildContexts(
  sentences: readonly Sentence[],
  tokens: readonly (readonly Token[])[],
  mentions: readonly TypedMention[],
  resolution: Resolution,
  announcements: ReadonlyMap<number, AnnouncementFact>,
  publisherHints: readonly string[],
  publishedAt: string | null = null,
): ArticleContext {
  const bySentence: TypedMention[][] = sentences.map(() => []);
  for (const m of mentions) if (resolution.entityOf.has(m)) bySentence[m.sentenceIndex].push(m);

  const contexts: SentenceContext[] = [];
  let lastPerson: { entity: ResolvedEntity; sentence: number } | null = null;
  let lastCompany: { entity: ResolvedEntity; sentence: number } | null = null;
  let announced: ResolvedEntity | null = null;
  // Bodies named so far in the section, the latest last: what "styrelsen" or "kommunen" can refer back to.
  let bodies: ResolvedEntity[] = [];
  let previousSection = sentences[0]?.section;

  for (const sentence of sentences) {
    const s = sentence.index;
    if (sentence.section !== previousSection) {
      lastPerson = null;
      lastCompany = null;
      bodies = [];
      previousSection = sentence.section;
    }
    const named: Slot[] = bySentence[s].map((m) => {
      const id = resolution.entityOf.get(m)!;
      return {
        id,
        entity: resolution.byId.get(id)!,
        start: m.start,
        end: m.end,
        text: m.text,
        mention: m,
        via: 'name' as const,
      };
    });
    const fact = announcements.get(s) ?? null;
    if (fact?.person) {
      const slot = named.find((n) => n.start === fact.person!.start && n.entity.type === 'Person');
      announced = slot ? slot.entity : announced;
    } else if (sentence.section !== 'people-news') {
      announced = null;
    }
    const slots: Slot[] = [...named];
    const toks = tokens[s];
    for (let k = 1; k < toks.length; k++) {
      // "Den 44-årige er uddannet …": the person named last, as "han"/"hun" would be.
      if (!AGE_DESCRIPTOR.test(toks[k].text) || toks[k - 1].text.toLowerCase() !== 'den') continue;
      const before = named.filter((n) => n.entity.type === 'Person' && n.end <= toks[k - 1].start).at(-1);
      const target =
        before?.entity ?? (lastPerson && s - lastPerson.sentence <= PRONOUN_REACH_SENTENCES ? lastPerson.entity : null);
      if (target)
        slots.push({
          id: target.id,
          entity: target,
          start: toks[k - 1].start,
          end: toks[k].end,
          text: `${toks[k - 1].text} ${toks[k].text}`,
          mention: null,
          via: 'pronoun',
        });
    }
    for (const t of tokens[s]) {
      // Most tokens are ruled out before lowercasing, by length and first letter (a non-ASCII first character,
      // such as the Kelvin sign that lowercases to "k", is checked in full).
      const initial = t.text.charCodeAt(0);
      if (!REFERRING_FORMS.has(t.text) && isPlainWord(t.text) && initial < 128) continue;
      if (
        t.text.length < ANAPHOR_MIN_LENGTH ||
        t.text.length > ANAPHOR_MAX_LENGTH ||
        (initial < 128 && !ANAPHOR_INITIALS.has(initial | 0x20))
      )
        continue;
      const lower = t.text.toLowerCase();
      const pronoun = PERSON_PRONOUNS.has(lower);
      const institution = pronoun || COMPANY_ANAPHORS.has(lower) ? null : institutionNoun(lower);
      if (!pronoun && !institution && !COMPANY_ANAPHORS.has(lower)) continue;
      if (named.some((n) => t.start < n.end && n.start < t.end)) continue;
      let target: ResolvedEntity | null;
      let via: Slot['via'];
      if (institution) {
        // The last body with that head named before it: in this sentence, else earlier in the section.
        const fits = (e: ResolvedEntity) =>
          e.type !== 'Person' && e.type !== 'Place' && namesInstitution(institution, e.name);
        target = named.filter((n) => n.end <= t.start && fits(n.entity)).at(-1)?.entity ?? mostNamed(bodies, fits);
        via = 'definite';
      } else if (pronoun) {
        // The last person named before the pronoun in this sentence, else in the few sentences before.
        const before = named.filter((n) => n.entity.type === 'Person' && n.end <= t.start).at(-1);
        target =
          before?.entity ??
          (sentence.section === 'people-news' ? announced : null) ??
          (lastPerson && s - lastPerson.sentence <= PRONOUN_REACH_SENTENCES ? lastPerson.entity : null);
        via = 'pronoun';
      } else {
        const before = named.filter((n) => n.entity.type === 'Company' && !n.entity.media && n.end <= t.start).at(-1);
        target =
          before?.entity ??
          (lastCompany && s - lastCompany.sentence <= PRONOUN_REACH_SENTENCES * 2 ? lastCompany.entity : null);
        via = 'anaphor';
      }
      if (target)
        slots.push({ id: target.id, entity: target, start: t.start, end: t.end, text: t.text, mention: null, via });
    }
    slots.sort((a, b) => a.start - b.start);
    for (const n of named) {
      if (n.entity.type !== 'Person' && n.entity.type !== 'Place') bodies.push(n.entity);
      if (n.entity.type === 'Person') lastPerson = { entity: n.entity, sentence: s };
      if (n.entity.type === 'Company' && !n.entity.media && isActor(n.entity))
        lastCompany = { entity: n.entity, sentence: s };
    }
    contexts.push({
      sentence,
      lower: sentence.text.toLowerCase(),
      tokens: tokens[s],
      slots,
      announcement: fact,
      announcedPerson: sentence.section === 'people-news' ? announced : null,
    });
  }
  const publisherKeys = new Set(publisherHints.map((h) => h.toLowerCase()));
  return { sentences: contexts, resolution, publisherKeys, publishedAt };
}

/** Answers of isPublisher per article, as rules ask it for the same entities sentence after sentence. */
const publisherAnswers = new WeakMap<ArticleContext, Map<ResolvedEntity, boolean>>();

/** True when the entity is the publication the article appeared in. */
export function isPublisher(ctx: ArticleContext, e: ResolvedEntity): boolean {
  if (ctx.publisherKeys.size === 0) return false;
  let answers = publisherAnswers.get(ctx);
  if (!answers) {
    answers = new Map();
    publisherAnswers.set(ctx, answers);
  }
  let answer = answers.get(e);
  if (answer === undefined) {
    answer = [e.name, ...e.aliases].some((n) => ctx.publisherKeys.has(n.toLowerCase()));
    answers.set(e, answer);
  }
  return answer;
}

/**
 * The body that fits named most often in `bodies` (one entry per mention, in order), the latest of them on a tie: "Klubben
 * er ejet af …" after a story about Sønderå IF that named another club once in passing is about Sønderå IF.
 */
function mostNamed(bodies: readonly ResolvedEntity[], fits: (e: ResolvedEntity) => boolean): ResolvedEntity | null {
  const counts = new Map<ResolvedEntity, number>();
  let best: ResolvedEntity | null = null;
  for (const e of bodies) {
    if (!fits(e)) continue;
    const n = (counts.get(e) ?? 0) + 1;
    counts.set(e, n);
    if (best === null || n >= (counts.get(best) ?? 0)) best = e;
  }
  return best;
}
