// The learned event layer: a sentence the rules gave no event of a kind may still report one; the event classifier
// says which kind, the sentence's entities and typed relations say who took part in which role.
import type { EntityType, EventKind, ExtractedRelation, ParticipantRole, RelationType } from '../../model.ts';
import { sentenceFeatures } from '../../nlp/events/features.ts';
import type { EventModel } from '../../nlp/events/model.ts';
import type { ResolvedEntity } from '../resolve/index.ts';
import type { SentenceContext } from './context.ts';

/** Below this probability a kind is not trusted. */
export const MIN_EVENT_PROBABILITY = 0.4;

export interface LearnedParticipant {
  readonly entity: ResolvedEntity;
  readonly role: ParticipantRole;
}

/** Kinds about a person's job: the organisation is the agent, the person the target. */
const JOB_KINDS: ReadonlySet<EventKind> = new Set(['HIRED', 'PROMOTED', 'DEPARTED', 'GRADUATED']);

/** The relations that name the person and the body of a job event, where the sentence has them. */
const JOB_RELATIONS: Partial<Record<EventKind, readonly RelationType[]>> = {
  // (Not for hires: a title in apposition, "oplyser klubbens formand, X", is a post held, not the one taken.)
  DEPARTED: ['FORMERLY_AT'],
  GRADUATED: ['EDUCATED_AT'],
};

/** The relation that names who did what to whom for a kind of event. */
const RELATION_OF_KIND: Partial<Record<EventKind, readonly RelationType[]>> = {
  SANCTION: ['SANCTIONS'],
  FINE: ['SANCTIONS', 'REGULATES'],
  SANCTION_EASED: ['SANCTIONS', 'REGULATES'],
  SANCTION_LIFTED: ['SANCTIONS', 'REGULATES'],
  LICENSE_GRANTED: ['REGULATES'],
  INVESTIGATION: ['REGULATES'],
  COURT_RULING: ['REGULATES', 'SANCTIONS'],
  LAWSUIT: ['SUES'],
  ACQUISITION: ['ACQUIRES', 'OWNS'],
  CONTRACT: ['SUPPLIES'],
  PARTNERSHIP: ['PARTNERS_WITH'],
  MEETING: ['MEETS'],
  STATEMENT: ['OPPOSES'],
};

/** One-line Danish summaries by kind; {a} is the agents, {t} the targets. */
const SUMMARY: Record<EventKind, string> = {
  SANCTION: '{a} indfører sanktioner mod {t}',
  SANCTION_EASED: '{a} lemper sanktionerne mod {t}',
  SANCTION_LIFTED: '{a} ophæver sanktionerne mod {t}',
  LICENSE_GRANTED: '{a} giver {t} tilladelse',
  LAWSUIT: '{a} sagsøger {t}',
  COURT_RULING: '{a} afgør sagen om {t}',
  MEETING: '{a} mødes med {t}',
  STATEMENT: '{a} udtaler sig om {t}',
  MARKET_MOVE: 'Aktien i {a} bevæger sig',
  HIRED: '{a} ansætter {t}',
  PROMOTED: '{a} forfremmer {t}',
  DEPARTED: '{t} forlader {a}',
  ACQUISITION: '{a} køber {t}',
  PARTNERSHIP: '{a} indgår samarbejde med {t}',
  CONTRACT: '{a} får kontrakt med {t}',
  FINE: '{a} giver {t} en bøde',
  INVESTIGATION: '{a} undersøger {t}',
  GRADUATED: '{t} uddannet fra {a}',
};

const ACTOR: ReadonlySet<EntityType> = new Set(['Company', 'Organization', 'Government']);

/** Kinds whose agent is a public body: the authority or the court that acts. */
const AUTHORITY_KINDS: ReadonlySet<EventKind> = new Set([
  'INVESTIGATION',
  'FINE',
  'SANCTION',
  'SANCTION_EASED',
  'SANCTION_LIFTED',
  'LICENSE_GRANTED',
  'COURT_RULING',
]);

/** Ownership the sentence says was there before: "ejer i forvejen", "ejer allerede", "har ejet … siden 2019". */
const OWNED_BEFORE = /\b(?:i forvejen|allerede|har ejet)\b/u;

function participantsFor(
  kind: EventKind,
  s: SentenceContext,
  relations: readonly ExtractedRelation[],
): LearnedParticipant[] {
  // Names, and "han"/"selskabet" standing for one ("Han forlader Carlsberg"): the event is about them too.
  const named = s.slots;
  const unique = (list: ResolvedEntity[]) => [...new Map(list.map((e) => [e.id, e])).values()];
  const places = unique(named.filter((x) => x.entity.type === 'Place').map((x) => x.entity));
  const located = places.map((entity) => ({ entity, role: 'location' as const }));
  if (JOB_KINDS.has(kind)) {
    let orgs = unique(named.filter((x) => ACTOR.has(x.entity.type)).map((x) => x.entity));
    let people = unique(named.filter((x) => x.entity.type === 'Person').map((x) => x.entity));
    // The sentence's job relations say who: "Hun afløser Peter Kragh, der går på pension" is Kragh's departure, and
    // a body left or studied at ("kommer fra … hos Visma og er uddannet fra CBS") hires no one.
    const own = relations.filter((r) => (JOB_RELATIONS[kind] ?? []).includes(r.type));
    if (own.length > 0) {
      const ids = new Set(own.flatMap((r) => [r.fromId, r.toId]));
      people = people.filter((e) => ids.has(e.id));
      orgs = orgs.filter((e) => ids.has(e.id));
    } else if (kind === 'HIRED' || kind === 'PROMOTED') {
      // The new employer may be named sentences before ("Han afløses af Katrin Vogel, tidligere salgsdirektør i X"):
      // the person is hired all the same, and the body left takes part as `other`.
      const elsewhere = new Set(
        relations.filter((r) => r.type === 'FORMERLY_AT' || r.type === 'EDUCATED_AT').map((r) => r.toId),
      );
      const left = orgs.filter((e) => elsewhere.has(e.id));
      orgs = orgs.filter((e) => !elsewhere.has(e.id));
      if (left.length > 0)
        return [
          ...orgs.map((entity) => ({ entity, role: 'agent' as const })),
          ...people.map((entity) => ({ entity, role: 'target' as const })),
          ...left.map((entity) => ({ entity, role: 'other' as const })),
        ];
    }
    return [
      ...orgs.map((entity) => ({ entity, role: 'agent' as const })),
      ...people.map((entity) => ({ entity, role: 'target' as const })),
    ];
  }
  const wanted = RELATION_OF_KIND[kind] ?? [];
  const byId = new Map(named.map((x) => [x.entity.id, x.entity]));
  const relation = relations.find((r) => wanted.includes(r.type) && byId.has(r.fromId) && byId.has(r.toId));
  if (relation) {
    const others = unique(
      named
        .map((x) => x.entity)
        .filter((e) => e.type !== 'Place' && e.id !== relation.fromId && e.id !== relation.toId),
    );
    // "Køberen er fonden X, der i forvejen ejer Y": what the buyer owned before is no part of this deal.
    const ownedBefore = kind === 'ACQUISITION' && relation.type === 'OWNS' && OWNED_BEFORE.test(s.lower);
    return [
      { entity: byId.get(relation.fromId)!, role: 'agent' },
      {
        entity: byId.get(relation.toId)!,
        role: kind === 'MEETING' || kind === 'PARTNERSHIP' ? 'agent' : ownedBefore ? 'other' : 'target',
      },
      ...others.map((entity) => ({ entity, role: 'other' as const })),
      ...located,
    ];
  }
  // No relation says who: the first actor named is the agent, the other actors the targets; for what only an
  // authority does (investigates, fines, licenses, rules), the first public body named ("Borgergruppen X har klaget til
  // Ankestyrelsen, som nu undersøger sagen": Ankestyrelsen investigates).
  const bodiesAndPeople = unique(named.filter((x) => x.entity.type !== 'Place').map((x) => x.entity));
  const authority = AUTHORITY_KINDS.has(kind) ? bodiesAndPeople.find((e) => e.type === 'Government') : undefined;
  const actors = authority ? [authority, ...bodiesAndPeople.filter((e) => e !== authority)] : bodiesAndPeople;
  const symmetric = kind === 'MEETING' || kind === 'PARTNERSHIP';
  return [
    ...actors.map((entity, i) => ({ entity, role: (i === 0 || symmetric ? 'agent' : 'target') as ParticipantRole })),
    ...located,
  ];
}

const BOARD = /bestyrelse/u;

/** True when the sentence's relations from people are all memberships (and there is one at least). */
function onlyBoardSeats(relations: readonly ExtractedRelation[]): boolean {
  const roles = relations.filter((r) => PERSON_ROLES.has(r.type));
  return roles.length > 0 && roles.every((r) => r.type === 'MEMBER_OF');
}

const PERSON_ROLES: ReadonlySet<RelationType> = new Set(['EMPLOYED_BY', 'HEADS', 'MEMBER_OF', 'FORMERLY_AT']);

const JOB_SUMMARY_WITHOUT_BODY: Partial<Record<EventKind, string>> = {
  HIRED: 'skifter job',
  PROMOTED: 'forfremmes',
  DEPARTED: 'stopper',
};

function summaryOf(kind: EventKind, participants: readonly LearnedParticipant[]): string {
  const names = (role: ParticipantRole) => participants.filter((p) => p.role === role).map((p) => p.entity.name);
  const agents = names('agent');
  const targets = names('target');
  // A job event whose employer the sentence does not name: "Katrin Vogel skifter job".
  if (agents.length === 0 && targets.length > 0 && JOB_SUMMARY_WITHOUT_BODY[kind])
    return `${targets.slice(0, 2).join(' og ')} ${JOB_SUMMARY_WITHOUT_BODY[kind]}`;
  const a = agents.slice(0, 2).join(' og ') || targets.slice(0, 1).join('');
  const t = (targets.length > 0 ? targets : agents.slice(2)).slice(0, 2).join(' og ') || 'andre';
  return SUMMARY[kind].replace('{a}', a).replace('{t}', t);
}

/**
 * The events the classifier reads in one sentence beyond the kinds the rules already found there. `add` is the
 * rules' event sink, so ids, dates and the merging of repeats are the same for both.
 */
export function learnedEvents(
  s: SentenceContext,
  model: EventModel,
  relations: readonly ExtractedRelation[],
  kindsFound: ReadonlySet<EventKind>,
  add: (kind: EventKind, summary: string, participants: LearnedParticipant[], confidence: number) => void,
): void {
  const named = s.slots.filter((x) => x.via === 'name');
  if (s.slots.length === 0) return;
  const sentence = {
    tokens: s.tokens.map((t) => t.text),
    entityTypes: named.map((x) => x.entity.type),
    section: s.sentence.section,
  };
  for (const { kind, probability } of model.kinds((sink) => sentenceFeatures(sentence, sink), MIN_EVENT_PROBABILITY)) {
    if (kindsFound.has(kind)) continue;
    // An agreement to buy is an acquisition, not a partnership (as the relation rules read it).
    if (kind === 'PARTNERSHIP' && kindsFound.has('ACQUISITION')) continue;
    // A board seat is membership, no hire ("har fået en plads i bestyrelsen for X").
    if ((kind === 'HIRED' || kind === 'PROMOTED') && BOARD.test(s.lower) && onlyBoardSeats(relations)) continue;
    const participants = participantsFor(kind, s, relations);
    if (participants.length === 0) continue;
    add(kind, summaryOf(kind, participants), participants, Math.round(probability * 1000) / 1000);
  }
}
