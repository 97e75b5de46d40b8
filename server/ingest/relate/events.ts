// Events from a Danish trigger lexicon: sanctions and their easing, licences, lawsuits, rulings, meetings, statements, market moves, job news.

import * as crypto from 'node:crypto';
import type { EventKind, ExtractedEvent, ParticipantRole, RelationType } from '../../model.ts';
import { DANISH_MONTHS, isoFromParts } from '../../nlp/dates.ts';
import type { EventModel } from '../../nlp/events/model.ts';
import { collapseWhiteSpace } from '../clean/whitespace.ts';
import type { ResolvedEntity } from '../resolve/index.ts';
import type { ArticleContext, SentenceContext, Slot } from './context.ts';
import { learnedEvents } from './learned-events.ts';
import {
  isLocalGovernment,
  isSanctionOffence,
  type RelationSink,
  SANCTION_TRIGGER,
  SUBORDINATE_OPENING,
  SUED_BY_AT_START,
  stateAgents,
  triggerPositions,
} from './relations.ts';

interface Participant {
  readonly entity: ResolvedEntity;
  readonly role: ParticipantRole;
}

const LIFT_TRIGGER =
  /\b(?:fjernet fra|fjernes fra|fjerner \p{L}+ fra|slettet fra|slettes fra|ophæver|ophævet|ophæves|ophævelse|trækker \p{L}+ tilbage|taget af)\b/u;
const EASE_TRIGGER =
  /\b(?:lemper|lempe|lempet|lempelse|lemper på|letter på|lettelse|suspender\p{L}*|igen (?:kan|må|får lov til at) (?:sælge|handle|købe))\b/u;
const IMPOSE_TRIGGER =
  /\b(?:indfør\p{L}*|tilføj\p{L}*|opført på|sat på|sætter \p{L}+ på|sortlist\p{L}*|blacklist\p{L}*|træde\p{L}* i kraft|rammer|pålæg\p{L}*|udvider)\b|entity list/u;
const LICENSE_TRIGGER = /\b(?:dispensation\p{L}*|licens\p{L}*|særlig tilladelse|undtagelse)\b/u;
const LAWSUIT_TRIGGER =
  /\b(?:sagsøg\p{L}*|(?:rejst|rejser|rejste) tiltale\b|tiltalt af\b|stævn(?:er|ede|et|e)\b|(?:lagt|lagde|lægger|anlagt|anlægger|anlægge) sag\b|retssag\p{L}*)/u;
const RULING_TRIGGER =
  /\b(?:medhold|dom|dommen|dømt|dømmer|dømte|idøm\p{L}*|kendelse|frifundet|frifinder|frifandt|afgørelse|stadfæst\p{L}*|underkendt|omstødt)\b/u;
const MEETING_TRIGGER = /\b(?:mødtes|mødes|mødte|topmøde\p{L}*|holdt møde)\b|-møde\b|\bmøde (?:med|mellem)\b/u;
const STATEMENT_TRIGGER =
  /\b(?:siger|sagde|udtaler|udtalte|meddeler|meddelte|påpeger|påpegede|fortæller|fortalte|understreger|understregede|erklærer|erklærede|lød meldingen|lyder det fra|skriver|oplyser|oplyste|forklarer|forklarede|tilføjer|tilføjede|vurderer|vurderede|fastslår|fastslog|konstaterer|konstaterede|meddeler|bekræfter|bekræftede|afviser|afviste|advarer|advarede)\b/u;
const MARKET_TRIGGER =
  /(?:\baktie\p{L}*|-aktie\p{L}*|\bkurs(?:en)?\b|\baktiekurs\p{L}*|\bbørsværdi\p{L}*|\bmarkedsværdi\p{L}*|\bkursfald\p{L}*|\bkursstigning\p{L}*)/u;
const MARKET_MOVE =
  /\b(?:stig\p{L}*|steg|falde\p{L}*|faldt|styrtdyk\p{L}*|dyk\p{L}*|rasle\p{L}*|gik (?:\p{L}+ )?(?:op|ned)|røg (?:\p{L}+ )?(?:op|ned)|tabte|tab|mistede|kursfald|kursstigning|i minus|i plus|lukkede \p{L}+ (?:op|ned))\b/u;
const HIRE_TRIGGER =
  /\b(?:ansætter|har ansat|ansat som|ansættes|er blevet ansat|nye? (?:[\p{L}-]+ )?(?:direktør|topchef|chef|formand|borgmester|leder)\p{L}*|udnævnt til|udnævner|tiltræder|tiltrådte|henter|har hentet|begynder som|starter som|stilling som|overtager (?:ledelsen|posten|jobbet))\b/u;
/** Words of a move that are a hire only when the person is their subject, named before them ("X afløser Y"). */
const MOVE_TRIGGER = /\b(?:afløser|afløste|vender tilbage|vendte tilbage|(?:skifter|skiftede|skiftet) (?:fra|til))\b/u;
const PROMOTE_TRIGGER =
  /\b(?:forfremmet|forfremmes|forfremmer|forfremmelse|rykker op som|(?:fået|får|fik) posten som)\b/u;
const DEPART_TRIGGER =
  /\b(?:fratræder|fratrådte|fratrådt|fratræden|stopper som|stoppede som|forlader|forlod|har forladt|(?:sagt|sagde|siger) op|opsagt|(?:går|gik|gået) på pension|(?:træder|trådte|trådt) tilbage|mister (?:\p{L}+)?posten|meldte sig ud|melder sig ud|(?:er blevet|blev) (?:fyret|afskediget|fritstillet)|(?:er )?gået af|går af|gik af)\b/u;
const ACQUISITION_TRIGGER =
  /\b(?:opkøb\p{L}*|køber(?! sig ind)|købte(?! sig ind)|har købt(?! sig ind)|købt af|købes af|at købe|at overtage|købet af|overtager|overtog|overtaget af|overtages af|overtagelse\p{L}*|sælger|solgte|solgt til|sælges til|frasælg\p{L}*|frasolgt|ejerskabet|(?:vil|ville) (?:købe|opkøbe|overtage))\b/u;
const PARTNERSHIP_TRIGGER =
  /\b(?:samarbejde|samarbejder|samarbejdsaftale|partnerskab|partneraftale|alliance|fusion\p{L}*|fusionere\p{L}*|(?:går|gik|slår|slog|lægger|lagde) \p{L}+ sammen|\p{L}*aftale mellem|konstitueringsaftale|joint venture)\b/u;
/** Events a typed relation of the sentence tells, with the words that make it one (DEPARTED is jobEvents'). */
const GRADUATE_TRIGGER =
  /(?:\b(?:uddannet|færdiguddannet|dimitte\p{L}*|kandidatgrad|bachelorgrad|mastergrad|forsvarede sin|eksamen)\b|\bcand\.|\bph\.d)/u;
const CONTRACT_TRIGGER =
  /\b(?:kontrakt\p{L}*|udbud\p{L}*|valgt som leverandør|valgt \p{L}+ som leverandør|leveranceaftale\p{L}*|leverancen|ordre\p{L}*|vundet|vandt)\b/u;
const INVESTIGATION_TRIGGER =
  /\b(?:undersøg\p{L}*|efterforsk\p{L}*|inspektion\p{L}*|kontrolbesøg\p{L}*|kontrolundersøgelse\p{L}*|ransag\p{L}*|gransk\p{L}*|tilsyn med)\b/u;
const FINE_TRIGGER = /\b(?:\p{L}*bøde\p{L}*|bødeforlæg\p{L}*)/u;

const RELATIVE_DATE =
  /\b(?:i dag|i går|i morgen|i forgårs|(?:på |i |sidste |næste )?(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)(?:s)?|i (?:januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december)(?: \d{4})?|sidste år|i år|sidste måned|for \p{L}+ (?:uger|dage|måneder|år) siden|seks uger|for \d+ (?:uger|dage|måneder|år) siden)\b/u;

const WEEKDAYS: Record<string, number> = {
  søndag: 0,
  mandag: 1,
  tirsdag: 2,
  onsdag: 3,
  torsdag: 4,
  fredag: 5,
  lørdag: 6,
};
const MONTH_WORDS = 'januar|februar|marts|april|maj|juni|juli|august|september|oktober|november|december';
const DIGIT_DOT = /\d\./;
const ABSOLUTE_DATE = new RegExp(`\\b(\\d{1,2})\\.\\s*(${MONTH_WORDS})(?:\\s+(\\d{4}))?\\b`, 'iu');

function shiftDays(iso: string, days: number): string {
  const day = new Date(`${iso}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

/**
 * The ISO date of relative date words, anchored to the article's date: "i dag", "i går", "i forgårs", and a
 * weekday that looks back ("tirsdag", "i tirsdags", "sidste tirsdag": the latest such day on or before the
 * publication, strictly before for "sidste"). Forward-looking words ("på mandag", "næste mandag", "i morgen")
 * and months ("i marts") get no date.
 */
function anchorRelative(words: string, publishedAt: string): string | null {
  if (words === 'i dag') return publishedAt;
  if (words === 'i går') return shiftDays(publishedAt, -1);
  if (words === 'i forgårs') return shiftDays(publishedAt, -2);
  const m = /^(?:(i|sidste) )?(mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)(s)?$/u.exec(words);
  if (!m || (m[1] === 'i' && !m[3])) return null;
  const published = new Date(`${publishedAt}T12:00:00Z`).getUTCDay();
  let back = (published - WEEKDAYS[m[2]] + 7) % 7;
  if (m[1] === 'sidste' && back === 0) back = 7;
  return shiftDays(publishedAt, -back);
}

/**
 * An absolute date written in the sentence ("3. november 2025", "14. marts" with the year of the article when
 * that is not after it) and the relative date words, if any; relative words are anchored to the article's date
 * when it is known (see anchorRelative), "i marts" stays words only.
 */
export function datesIn(
  text: string,
  publishedAt: string | null = null,
): { date: string | null; dateText: string | null } {
  return datesInSentence(text, null, publishedAt);
}

/** datesIn with the lowercased text when the caller has it already. */
function datesInSentence(
  text: string,
  lower: string | null,
  publishedAt: string | null,
): { date: string | null; dateText: string | null } {
  // A date is written with a digit and a full stop ("3. november"); most sentences have none.
  const abs = DIGIT_DOT.test(text) ? ABSOLUTE_DATE.exec(text) : null;
  if (abs?.[3]) {
    const date = isoFromParts(+abs[3], DANISH_MONTHS[abs[2].toLowerCase()], +abs[1]);
    return { date, dateText: abs[0] };
  }
  if (abs) {
    const year = publishedAt ? +publishedAt.slice(0, 4) : NaN;
    const date = publishedAt ? isoFromParts(year, DANISH_MONTHS[abs[2].toLowerCase()], +abs[1]) : null;
    return { date: date && date <= publishedAt! ? date : null, dateText: abs[0] };
  }
  const rel = RELATIVE_DATE.exec(lower ?? text.toLowerCase());
  const dateText = rel ? rel[0] : null;
  return { date: publishedAt && dateText ? anchorRelative(dateText, publishedAt) : null, dateText };
}

/** sha256 of a string (UTF-8) in hex: crypto.hash where Node has it (20.12+; cheaper for short input), else createHash. */
const sha256Hex: (text: string) => string =
  typeof crypto.hash === 'function'
    ? (text) => crypto.hash('sha256', text, 'hex')
    : (text) => crypto.createHash('sha256').update(text).digest('hex');

/** `evidence` is the sentence with its white space collapsed and trimmed. */
function eventId(kind: EventKind, evidence: string, participants: readonly Participant[]): string {
  const ids = participants
    .map((p) => `${p.role}:${p.entity.id}`)
    .sort()
    .join(',');
  const hash = sha256Hex(`${kind}|${evidence}|${ids}`);
  return `event:${kind.toLowerCase()}:${hash.slice(0, 16)}`;
}

class EventSink {
  readonly events: ExtractedEvent[] = [];
  private readonly seen = new Set<string>();
  /** The last sentence events were added for, its evidence as hashed and its dates: one sentence usually yields several. */
  private evidenceOf: SentenceContext | null = null;
  private evidence = '';
  private dates: { date: string | null; dateText: string | null } | null = null;
  constructor(private readonly publishedAt: string | null) {}

  add(
    kind: EventKind,
    summary: string,
    s: SentenceContext,
    participants: Participant[],
    confidence: number,
    dates?: { date: string | null; dateText: string | null },
  ): void {
    const unique: Participant[] = [];
    for (const p of participants)
      if (!unique.some((u) => u.entity.id === p.entity.id && u.role === p.role)) unique.push(p);
    if (unique.length === 0) return;
    if (this.evidenceOf !== s) {
      this.evidenceOf = s;
      this.evidence = collapseWhiteSpace(s.sentence.text);
      this.dates = null;
    }
    const id = eventId(kind, this.evidence, unique);
    if (this.seen.has(id)) return;
    this.seen.add(id);
    const { date, dateText } = dates ?? (this.dates ??= datesInSentence(s.sentence.text, s.lower, this.publishedAt));
    this.events.push({
      id,
      kind,
      summary,
      date,
      dateText,
      evidence: s.sentence.text,
      sentenceIndex: s.sentence.index,
      confidence,
      participants: unique.map((p) => ({ entityId: p.entity.id, role: p.role })),
    });
  }
}

function nearestSlot(slots: readonly Slot[], at: number): Slot | undefined {
  let best: Slot | undefined;
  let d = Infinity;
  for (const x of slots) {
    const dist = x.end <= at ? at - x.end : x.start >= at ? x.start - at : 0;
    if (dist < d) {
      d = dist;
      best = x;
    }
  }
  return best;
}

/** Agents acting for a state: the acting Government, and a person heading it together with that state. */
function stateSide(s: SentenceContext, sink: RelationSink, ctx: ArticleContext): Participant[] {
  const out: Participant[] = [];
  for (const { slot, state } of stateAgents(s, sink, ctx)) {
    if (slot.entity.id !== state.id) out.push({ entity: slot.entity, role: 'agent' });
    out.push({ entity: state, role: 'agent' });
  }
  return out;
}

function companies(s: SentenceContext): Slot[] {
  return s.slots.filter((x) => x.entity.type === 'Company' && !x.entity.media);
}

function names(ps: readonly Participant[], role: ParticipantRole): string {
  const list = [...new Set(ps.filter((p) => p.role === role).map((p) => p.entity.name))];
  return list.length <= 1 ? (list[0] ?? '') : `${list.slice(0, -1).join(', ')} og ${list[list.length - 1]}`;
}

function sanctionEvents(s: SentenceContext, sink: RelationSink, ctx: ArticleContext, out: EventSink): void {
  // Every participant is a state, a person acting for one or a company: without any, the triggers need no scan.
  if (
    !s.slots.some(
      (x) =>
        x.entity.type === 'Government' ||
        x.entity.type === 'Person' ||
        (x.entity.type === 'Company' && !x.entity.media),
    )
  )
    return;
  const text = s.lower;
  const hasSanction = sink.mentionsSanction(s);
  const lifted = hasSanction && LIFT_TRIGGER.test(text);
  // The plain "igen kan …" test first: without sanctions it decides most sentences more cheaply than the trigger.
  const eased = (hasSanction || /igen (?:kan|må|får lov til at)/u.test(text)) && EASE_TRIGGER.test(text);
  // A licence or dispensation is an event only when someone gives or gets it ("skal have en licens" is a rule, not an event).
  const license =
    LICENSE_TRIGGER.test(text) &&
    /\b(?:give|giver|gav|givet|gives|få|får|fik|fået|tildel\p{L}*|udsted\p{L}*|bevilg\p{L}*)\b/u.test(text);
  const imposed = hasSanction && (!(lifted || eased) || IMPOSE_TRIGGER.test(text));
  if (!hasSanction && !eased && !license) return;
  const agents = stateSide(s, sink, ctx);
  const firms = [
    ...companies(s),
    ...(agents.some((a) => !isLocalGovernment(a.entity))
      ? s.slots.filter((x) => isLocalGovernment(x.entity) && !agents.some((a) => a.entity.id === x.id))
      : []),
  ];
  const triggerAt = text.search(
    lifted ? LIFT_TRIGGER : eased ? EASE_TRIGGER : license ? LICENSE_TRIGGER : SANCTION_TRIGGER,
  );
  // "tiltalt for brud på sanktionerne": the sanction is the offence, imposed by no one here.
  const offence = !lifted && !eased && !license && isSanctionOffence(text, triggerAt);
  const nearest = nearestSlot(firms, triggerAt);
  // "X har solgt sine aktier, efter at EU har sat dem på sanktionslisten": X, before the clause, is not the target.
  const target =
    nearest && nearest.end <= triggerAt && SUBORDINATE_OPENING.test(text.slice(nearest.end, triggerAt))
      ? undefined
      : nearest;
  const targets: Participant[] = target ? [{ entity: target.entity, role: 'target' }] : [];
  const others: Participant[] = s.slots
    .filter((x) => x.entity.type === 'Government' && !agents.some((a) => a.entity.id === x.id))
    .map((x) => ({ entity: x.entity, role: 'other' as const }));
  const participants = [...agents, ...targets];
  const agentNames = names(agents, 'agent') || 'Myndighederne';
  const targetName = target?.entity.name;
  if (lifted)
    out.add(
      'SANCTION_LIFTED',
      targetName ? `${targetName} fjernes fra ${agentNames}s sanktionsliste` : `${agentNames} ophæver sanktioner`,
      s,
      participants,
      0.7,
    );
  if (eased)
    out.add(
      'SANCTION_EASED',
      `${agentNames} lemper sanktionerne${targetName ? ` mod ${targetName}` : ''}`,
      s,
      participants,
      0.65,
    );
  if (license && (agents.length > 0 || target))
    out.add('LICENSE_GRANTED', `${agentNames} giver ${targetName ?? 'selskabet'} dispensation`, s, participants, 0.65);
  if (imposed && !offence && agents.length > 0) {
    // A fine is its own kind of event (RELATIONS.md: FINE), as the gold graphs mark it.
    const fine = /\bbøde/u.test(text);
    const summary = fine
      ? `${agentNames} giver ${targetName ?? 'en virksomhed'} en bøde`
      : `${agentNames} indfører sanktioner${targetName ? ` mod ${targetName}` : ''}`;
    out.add(fine ? 'FINE' : 'SANCTION', summary, s, [...participants, ...(targets.length === 0 ? others : [])], 0.6);
  }
}

const APPEAL = /\b(?:ank(?:e|er|ede|et)|appeller\p{L}*|påklag\p{L}*)\b/u;

function lawEvents(s: SentenceContext, out: EventSink): void {
  const text = s.lower;
  // A lawsuit needs two entities that are no places; a ruling a court, a state or a company or person as party.
  const sue = twoActors(s) ? LAWSUIT_TRIGGER.exec(text) : null;
  if (sue) {
    const at = sue.index + sue[0].length;
    const target = s.slots.find((x) => x.start >= at && x.entity.type !== 'Place');
    const agent =
      [...s.slots].reverse().find((x) => x.end <= sue.index && x.entity.type !== 'Place' && x.id !== target?.id) ??
      s.slots.find((x) => target && x.start >= target.end && x.entity.type !== 'Place' && x.id !== target.id);
    // "X blev sagsøgt af Y": the one after "af" brings the case.
    const passive = SUED_BY_AT_START.test(text.slice(sue.index));
    const [suer, sued] = passive ? [target, agent] : [agent, target];
    const ps: Participant[] = [];
    if (suer) ps.push({ entity: suer.entity, role: 'agent' });
    if (sued) ps.push({ entity: sued.entity, role: 'target' });
    if (suer && sued) out.add('LAWSUIT', `${suer.entity.name} sagsøger ${sued.entity.name}`, s, ps, 0.75);
  }
  const ruling = s.slots.some(mayBeInRuling) ? RULING_TRIGGER.exec(text) : null;
  if (ruling) {
    const court =
      s.slots.find((x) => x.entity.court) ??
      s.slots.find((x) => x.entity.type === 'Government' && /domstol|ret\b|retten/u.test(x.entity.name.toLowerCase()));
    // "efter dommen", "en afgørelse" alone only refer to a ruling; a ruling is read when a court acts in the
    // sentence or a verdict word says what was decided ("fik medhold", "blev dømt", "stadfæstede").
    const courtWord = /\b(?:retten|domstol\p{L}*|højesteret\p{L}*|landsret\p{L}*|byret\p{L}*|dommer(?:en|ne)?)\b/u.test(
      text,
    );
    const verdict =
      /\b(?:medhold|dømt|dømmer|dømte|idøm\p{L}*|kendelse|frifundet|frifinder|frifandt|stadfæst\p{L}*|underkendt|omstødt)\b/u.test(
        text,
      );
    // "overvejer at anke dommen til Østre Landsret", "har anket dommen": an appeal refers to a ruling given before
    // and names the court that will hear it, which has ruled nothing yet.
    const appeal = !verdict && APPEAL.test(text);
    if ((court || courtWord || verdict) && !appeal) {
      const parties = s.slots.filter(
        (x) =>
          x.id !== court?.id &&
          !x.entity.court &&
          !x.mention?.silent &&
          (x.entity.type === 'Company' || x.entity.type === 'Person' || x.entity.type === 'Government') &&
          !x.entity.media,
      );
      // The party the ruling is about: a company or person, the one nearest the verdict word; states and the rest are other parties.
      const firms = parties.filter((x) => x.entity.type !== 'Government');
      const main = nearestSlot(firms.length > 0 ? firms : parties, ruling.index);
      const ps: Participant[] = [];
      if (court) ps.push({ entity: court.entity, role: 'agent' });
      if (main) ps.push({ entity: main.entity, role: 'target' });
      // Other parties: those in the ruling's own clause (not states named in what the ruling was about).
      const clause = clauseAround(s.sentence.text, ruling.index);
      for (const p of parties)
        if (p.id !== main?.id && p.start >= clause.start && p.end <= clause.end)
          ps.push({ entity: p.entity, role: 'other' });
      const party = main?.entity.name;
      if (court || main) {
        const summary =
          ruling[0] === 'medhold' && court && party
            ? `${court.entity.name} giver ${party} medhold`
            : `${court?.entity.name ?? 'Retten'} afgør sag${party ? ` om ${party}` : ''}`;
        out.add('COURT_RULING', summary, s, ps, court ? 0.7 : 0.5);
      }
    }
  }
}

/** True when the sentence has two different entities that are no places (a lawsuit's agent and target). */
function twoActors(s: SentenceContext): boolean {
  let first: string | undefined;
  for (const x of s.slots) {
    if (x.entity.type === 'Place') continue;
    if (first === undefined) first = x.id;
    else if (x.id !== first) return true;
  }
  return false;
}

/** A slot that can be the court or a party of a ruling (see lawEvents). */
function mayBeInRuling(x: Slot): boolean {
  return (
    x.entity.court ||
    x.entity.type === 'Government' ||
    ((x.entity.type === 'Company' || x.entity.type === 'Person') && !x.entity.media && !x.mention?.silent)
  );
}

/** Where clauses start and end: ";", ":" and a comma before a subordinator, conjunction or speech verb. */
const CLAUSE_BREAK =
  /[;:]|,(?=\s*(?:at|der|som|mens|men|uden|hvor|da|fordi|selvom|efter|når|idet|siden|hvilket|og|så|siger|sagde|skriver|skrev|fortæller|fortalte|mener|vurderer|udtaler|oplyser|påpeger)\b)/gu;

/** The [start, end) span of the clause around a position of the sentence. */
function clauseAround(text: string, at: number): { start: number; end: number } {
  let start = 0;
  let end = text.length;
  for (const m of text.matchAll(CLAUSE_BREAK)) {
    if (m.index! < at) start = m.index! + 1;
    else {
      end = m.index!;
      break;
    }
  }
  return { start, end };
}

/**
 * Participants of a meeting are the people (or, with no people, the states) in the clause of the meeting word;
 * someone quoted about it ("Ifølge Bech …", ", siger Bech") is no participant. The place is a place named
 * after "i"/"på" in that clause, not a genitive or a place from another clause.
 */
function meetingEvents(s: SentenceContext, out: EventSink): void {
  // The agents are people or states.
  if (!s.slots.some((x) => x.entity.type === 'Person' || x.entity.type === 'Government')) return;
  const text = s.sentence.text;
  const lowerText = s.lower;
  const clauses = triggerPositions(lowerText, MEETING_TRIGGER).map((m) => clauseAround(text, m.start));
  if (clauses.length === 0) return;
  const inClause = (x: Slot) => clauses.some((c) => x.start >= c.start && x.end <= c.end);
  const bystander = (x: Slot) =>
    // (Case kept: in "Ifølge Berlingske mødtes X" the paper is cited, and X is no bystander.)
    /\b(?:[Ii]følge|[Ii]flg\.)\s+(?:\p{Ll}+\s+){0,2}$/u.test(text.slice(Math.max(0, x.start - 40), x.start)) ||
    /^\s*(?:siger|sagde|mener|vurderer|fortæller|udtaler)\b/u.test(lowerText.slice(x.end, x.end + 15));
  const partyOk = (x: Slot, pool: readonly Slot[]) =>
    x.entity.type === 'Person' ||
    (x.entity.type === 'Government' &&
      x.entity.isCountry &&
      x.mention?.headTitle === undefined &&
      !pool.some((y) => y.entity.type === 'Person'));
  // "… i Beijing, hvor han mødtes med …": the place a "hvor" clause hangs on is where the meeting was.
  const whereAntecedent = (x: Slot) =>
    /^,\s*hvor\b/u.test(lowerText.slice(x.end)) && clauses.some((c) => c.start === x.end + 1);
  const candidates = s.slots.filter((x) => !bystander(x));
  let pool = candidates.filter(inClause);
  // No party in the meeting's clause ("… første møde, siden Trump vendte tilbage"): the sentence's parties.
  if (!pool.some((x) => partyOk(x, pool))) pool = candidates;
  const ps: Participant[] = [];
  for (const x of candidates) {
    if (partyOk(x, pool)) {
      if (pool.includes(x)) ps.push({ entity: x.entity, role: 'agent' });
    } else if (x.entity.type === 'Organization' && inClause(x)) {
      // "mødtes med Dansk Industri": a body met with is a party; "på NATO-mødet" a forum.
      const metWith = /\bmed\s+(?:\p{Ll}[\p{L}-]*\s+){0,2}$/u.test(lowerText.slice(Math.max(0, x.start - 30), x.start));
      ps.push({ entity: x.entity, role: metWith ? 'agent' : 'other' });
    } else if (
      (x.entity.type === 'Place' || (x.entity.type === 'Government' && x.entity.isCountry)) &&
      (inClause(x) || whereAntecedent(x)) &&
      /\b(?:i|på|ved)\s+$/u.test(lowerText.slice(Math.max(0, x.start - 4), x.start)) &&
      !(/(?:s|'s|’s)$/u.test(x.text) && !/s$/u.test(x.entity.name))
    ) {
      ps.push({ entity: x.entity, role: 'location' });
    }
  }
  const agents = [...new Set(ps.filter((p) => p.role === 'agent').map((p) => p.entity.name))];
  if (agents.length === 0) return;
  const place = ps.find((p) => p.role === 'location')?.entity.name;
  const forum = ps.find((p) => p.role === 'other')?.entity.name;
  const summary =
    agents.length >= 2 ? `${agents[0]} mødes med ${agents.slice(1).join(' og ')}` : `${agents[0]} deltager i møde`;
  out.add(
    'MEETING',
    `${summary}${forum ? ` ved ${forum}-mødet` : ''}${place ? ` i ${place}` : ''}`,
    s,
    ps,
    agents.length >= 2 ? 0.7 : 0.5,
  );
}

const speakerOk = (x: Slot): boolean =>
  x.entity.type === 'Person' ||
  x.entity.type === 'Government' ||
  (x.entity.type === 'Company' && !x.entity.media) ||
  x.entity.type === 'Organization';

function statementEvents(s: SentenceContext, ctx: ArticleContext, out: EventSink): void {
  if (s.sentence.section === 'people-news') return;
  const text = s.sentence.text;
  if (!s.slots.some(speakerOk)) return;
  const verb = STATEMENT_TRIGGER.exec(s.lower);
  if (!verb) return;
  const verbStart = verb.index;
  const verbEnd = verb.index + verb[0].length;
  // Danish puts the verb second: a subject before it speaks ("Trump siger"); after a fronted adverbial or
  // prepositional phrase ("Nu meddeler han", "På Twitter skriver Huawei") the speaker follows the verb.
  let before = [...s.slots].reverse().find((x) => x.end <= verbStart && speakerOk(x));
  // "Nordnet, der ejes af Telia, afviser kritikken": the subject opens the sentence, the nearer name sits in a relative clause.
  const opener = s.slots.find((x) => x.via === 'name' && speakerOk(x) && text.slice(0, x.start).trim() === '');
  if (opener && before && opener !== before && /^,\s*(?:der|som)\b[^,]*,\s*$/u.test(text.slice(opener.end, verbStart)))
    before = opener;
  const fronted =
    before !== undefined &&
    /\b(?:til|ifølge|på|i|for|fra|med)\s+$/iu.test(text.slice(Math.max(0, before.start - 8), before.start));
  // After the verb, a person wins over the organisation named in their title ("siger Vismas koncernchef, Kasper Fjeldsted").
  const following = s.slots.filter(
    (x) =>
      x.start >= verbEnd &&
      x.start - verbEnd <= 50 &&
      speakerOk(x) &&
      !/\b(?:at|til|om|med|der|som)\b/u.test(text.slice(verbEnd, x.start)),
  );
  const after = following.find((x) => x.entity.type === 'Person') ?? following[0];
  const speaker = before && !fronted ? before : (after ?? before);
  if (!speaker) return;
  if (speaker.entity.media && /skriver/u.test(verb[0])) return;
  const ps: Participant[] = [{ entity: speaker.entity, role: 'agent' }];
  // What the statement is about: the first company or state in the reported clause (", at …").
  const clause = text.indexOf(', at', Math.max(0, verbStart - 5));
  const target =
    clause < 0
      ? undefined
      : s.slots.find(
          (x) =>
            x.id !== speaker.id &&
            x.start > clause &&
            (x.entity.type === 'Company' || x.entity.type === 'Government') &&
            !x.entity.media,
        );
  if (target) ps.push({ entity: target.entity, role: 'target' });
  for (const x of s.slots) {
    if (x.entity.media && /\btil\s+$/u.test(text.slice(Math.max(0, x.start - 6), x.start)))
      ps.push({ entity: x.entity, role: 'other' });
  }
  const medium = ps.find((p) => p.role === 'other')?.entity.name;
  out.add(
    'STATEMENT',
    `${speaker.entity.name} udtaler sig${medium ? ` til ${medium}` : ''}${target ? ` om ${target.entity.name}` : ''}`,
    s,
    ps,
    0.55,
  );
  void ctx;
}

function marketEvents(s: SentenceContext, out: EventSink, recentCompany: ResolvedEntity | null): void {
  // The share is a company's: one named here or the one the sentences before were about.
  if (!recentCompany && !s.slots.some((x) => x.entity.type === 'Company' && !x.entity.media)) return;
  const text = s.lower;
  const share = MARKET_TRIGGER.exec(text);
  if (!share || !MARKET_MOVE.test(text)) return;
  // "selskabets aktier", "Xiaomis aktie": the company named just before the share word.
  const firms = companies(s);
  const firmSlot = nearestSlot(
    firms.filter((x) => x.start <= share.index).length > 0 ? firms.filter((x) => x.start <= share.index) : firms,
    share.index,
  );
  // "Aktien faldt 12 procent": the company is the one the previous sentences were about.
  const firm = firmSlot?.entity ?? recentCompany;
  if (!firm) return;
  const ps: Participant[] = [{ entity: firm, role: 'target' }];
  for (const x of s.slots) if (x.entity.type === 'Place') ps.push({ entity: x.entity, role: 'location' });
  const pct = /(\d+(?:,\d+)?)\s*(?:procent|pct\.?|%)/u.exec(text)?.[1];
  const up = /\b(?:stig\p{L}*|steg|gik op)\b/u.test(text);
  const place = ps.find((p) => p.role === 'location')?.entity.name;
  out.add(
    'MARKET_MOVE',
    `${firm.name}s aktie ${up ? 'stiger' : 'falder'}${pct ? ` ${pct} procent` : ''}${place ? ` på børsen i ${place}` : ''}`,
    s,
    ps,
    0.65,
  );
}

/** The organisation a person worked for by the article's earlier sentences (EMPLOYED_BY, HEADS), for "Han fratrådte i januar". */
function earlierEmployer(
  person: ResolvedEntity,
  s: SentenceContext,
  sink: RelationSink,
  ctx: ArticleContext,
): ResolvedEntity | null {
  for (let k = s.sentence.index - 1; k >= 0; k--) {
    const r = (sink.bySentence.get(k) ?? []).find(
      (x) => x.fromId === person.id && (x.type === 'EMPLOYED_BY' || x.type === 'HEADS'),
    );
    if (r) return ctx.resolution.byId.get(r.toId) ?? null;
  }
  return null;
}

/** A Navnenyt item heading: a short line without a full stop right before the item's first sentence. */
const HEADING_MAX_LENGTH = 80;

/** True when the line right before the sentence is an item heading that speaks of a promotion ("Forfremmelse i X"). */
function promotionHeading(ctx: ArticleContext, s: SentenceContext): boolean {
  // Sentence contexts are in article order, one per sentence: the one before is found by index.
  const at = ctx.sentences[s.sentence.index] === s ? s.sentence.index : ctx.sentences.indexOf(s);
  const before = ctx.sentences[at - 1]?.sentence;
  return (
    before !== undefined &&
    before.section === s.sentence.section &&
    before.text.length <= HEADING_MAX_LENGTH &&
    !/[.!?]\s*$/u.test(before.text) &&
    /\bforfrem/iu.test(before.text)
  );
}

function jobEvents(s: SentenceContext, sink: RelationSink, ctx: ArticleContext, out: EventSink): void {
  const fact = s.announcement;
  if (fact) {
    const at = (span: { start: number } | null) =>
      span ? s.slots.find((x) => x.via === 'name' && x.start === span.start) : undefined;
    const person = at(fact.person)?.entity ?? s.announcedPerson;
    const org = at(fact.organization)?.entity;
    if (!person || !org) return;
    const title = fact.title?.text;
    const dates = { date: fact.date, dateText: fact.dateText };
    const ps: Participant[] = [
      { entity: org, role: 'agent' },
      { entity: person, role: 'target' },
    ];
    if (fact.kind === 'HIRED' && promotionHeading(ctx, s))
      out.add('PROMOTED', `${person.name} forfremmes til ${title ?? 'ny stilling'} hos ${org.name}`, s, ps, 0.9, dates);
    else if (fact.kind === 'HIRED')
      out.add('HIRED', `${org.name} ansætter ${person.name}${title ? ` som ${title}` : ''}`, s, ps, 0.95, dates);
    if (fact.kind === 'PROMOTED')
      out.add(
        'PROMOTED',
        `${person.name} forfremmes til ${title ?? 'ny stilling'} hos ${org.name}`,
        s,
        ps,
        0.95,
        dates,
      );
    if (fact.kind === 'DEPARTED') out.add('DEPARTED', `${person.name} fratræder hos ${org.name}`, s, ps, 0.9, dates);
    return;
  }
  const text = s.lower;
  // A person by name or by "han"/"hun"; an employer by name or by "selskabet", "styrelsen".
  const people = s.slots.filter((x) => x.entity.type === 'Person' && x.via !== 'anaphor');
  const orgs = s.slots.filter(
    (x) =>
      (x.entity.type === 'Company' || x.entity.type === 'Organization' || x.entity.type === 'Government') &&
      !x.entity.media,
  );
  if (people.length === 0) return;
  if (orgs.length === 0) {
    // "Han fratrådte i januar": the employer the article named for them before.
    const employer = DEPART_TRIGGER.test(text) ? earlierEmployer(people[0].entity, s, sink, ctx) : null;
    if (employer)
      out.add(
        'DEPARTED',
        `${people[0].entity.name} forlader ${employer.name}`,
        s,
        [
          { entity: employer, role: 'other' },
          { entity: people[0].entity, role: 'agent' },
        ],
        0.5,
      );
    return;
  }
  // A Navnenyt item headed "Forfremmelse i X" tells a promotion, whatever verb it uses ("er udnævnt til partner").
  const promotion = s.sentence.section === 'people-news' && promotionHeading(ctx, s);
  // The sentence's own relations say which body the person joins and which they leave: "Den tidligere AGF-træner X
  // er ny cheftræner i Lyngby" is no hire by AGF, which takes part only as the body left.
  const relations = sink.bySentence.get(s.sentence.index) ?? [];
  // The person a job relation of the sentence names, before the first named: in "Hun afløser Peter Kragh, der går på
  // pension" the one leaving is Kragh.
  const personWith = (types: readonly RelationType[]) =>
    people.find((x) => relations.some((r) => r.fromId === x.id && types.includes(r.type)))?.entity;
  const person = people[0].entity;
  const related = (who: ResolvedEntity, types: readonly RelationType[]) =>
    orgs.find((x) => relations.some((r) => r.fromId === who.id && r.toId === x.id && types.includes(r.type)));
  const left = related(person, LEFT);
  // A body studied at is no employer ("er uddannet cand.merc. fra CBS").
  const studied = new Set(relations.filter((r) => r.type === 'EDUCATED_AT').map((r) => r.toId));
  const joined = related(person, JOINED) ?? orgs.find((x) => x.id !== left?.id && !studied.has(x.id));
  const leftToo: Participant[] = left ? [{ entity: left.entity, role: 'other' }] : [];
  const move = MOVE_TRIGGER.exec(text);
  const hired = HIRE_TRIGGER.test(text) || (move !== null && people.some((x) => x.end <= move.index));
  if (hired && !promotion)
    out.add(
      'HIRED',
      joined
        ? `${joined.entity.name} ansætter ${person.name}`
        : `${person.name} skifter job${left ? ` fra ${left.entity.name}` : ''}`,
      s,
      [
        ...(joined ? [{ entity: joined.entity, role: 'agent' as const }] : []),
        { entity: person, role: 'target' },
        ...leftToo,
      ],
      0.55,
    );
  if (PROMOTE_TRIGGER.test(text) || (promotion && hired)) {
    const at = joined ?? orgs[0];
    out.add(
      'PROMOTED',
      `${person.name} forfremmes hos ${at.entity.name}`,
      s,
      [
        { entity: at.entity, role: 'agent' },
        { entity: person, role: 'target' },
      ],
      0.55,
    );
  }
  const departure = DEPART_TRIGGER.exec(text);
  if (departure) {
    // "Han afløser Kenneth Vinther, der blev fyret": the relative clause's person leaves.
    const relative = people.find((x) =>
      /^\s*,\s*(?:der|som)\s+(?:\p{Ll}+\s+){0,3}$/u.test(s.sentence.text.slice(x.end, departure.index)),
    )?.entity;
    // … else the person right before the verb in its own clause ("…, efter at Peter Bach gik af").
    const subject = [...people]
      .reverse()
      .find(
        (x) =>
          x.end <= departure.index && /^\s+(?:\p{Ll}+\s+){0,2}$/u.test(s.sentence.text.slice(x.end, departure.index)),
      )?.entity;
    const leaver = relative ?? subject ?? personWith(LEFT) ?? person;
    const from = related(leaver, LEFT) ?? left ?? orgs[0];
    out.add(
      'DEPARTED',
      `${leaver.name} forlader ${from.entity.name}`,
      s,
      [
        { entity: from.entity, role: 'other' },
        { entity: leaver, role: 'agent' },
      ],
      0.55,
    );
  }
}

/** Relations by which a person has left a body, and by which they are at one now. */
const LEFT: readonly RelationType[] = ['FORMERLY_AT'];
const JOINED: readonly RelationType[] = ['EMPLOYED_BY', 'HEADS'];

function dealEvents(s: SentenceContext, sink: RelationSink, out: EventSink): void {
  const relations = sink.bySentence.get(s.sentence.index);
  if (!relations) return;
  const found = new Set(out.events.filter((e) => e.sentenceIndex === s.sentence.index).map((e) => e.kind));
  // A typed relation and the words of a kind of event: the event, its sides those of the relation. (An arrow
  // passed along, not a named closure: under tsx each named closure costs a defineProperty call per sentence.)
  const follow = followRelation.bind(null, s, out, found);
  for (const r of relations) {
    const a = s.slots.find((x) => x.id === r.fromId)?.entity;
    const b = s.slots.find((x) => x.id === r.toId)?.entity;
    if (!a || !b) continue;
    const agentTarget: Participant[] = [
      { entity: a, role: 'agent' },
      { entity: b, role: 'target' },
    ];
    const orgHiresPerson: Participant[] = [
      { entity: b, role: 'agent' },
      { entity: a, role: 'target' },
    ];
    if (r.type === 'FORMERLY_AT')
      follow(
        'DEPARTED',
        DEPART_TRIGGER,
        `${a.name} forlader ${b.name}`,
        [
          { entity: b, role: 'other' },
          { entity: a, role: 'agent' },
        ],
        0.6,
      );
    if (r.type === 'EMPLOYED_BY' || r.type === 'HEADS')
      follow('HIRED', HIRE_TRIGGER, `${b.name} ansætter ${a.name}`, orgHiresPerson, 0.6);
    if (r.type === 'EDUCATED_AT')
      follow('GRADUATED', GRADUATE_TRIGGER, `${a.name} uddannet fra ${b.name}`, orgHiresPerson, 0.6);
    if (r.type === 'SUPPLIES')
      follow('CONTRACT', CONTRACT_TRIGGER, `${a.name} får kontrakt med ${b.name}`, agentTarget, 0.6);
    if (r.type === 'REGULATES' || r.type === 'SANCTIONS') {
      follow('FINE', FINE_TRIGGER, `${a.name} giver ${b.name} en bøde`, agentTarget, 0.6);
      follow('INVESTIGATION', INVESTIGATION_TRIGGER, `${a.name} undersøger ${b.name}`, agentTarget, 0.6);
    }
    if (r.type === 'ACQUIRES' && ACQUISITION_TRIGGER.test(s.lower)) {
      out.add(
        'ACQUISITION',
        `${a.name} køber ${b.name}`,
        s,
        [
          { entity: a, role: 'agent' },
          { entity: b, role: 'target' },
        ],
        0.65,
      );
    }
    if (r.type === 'PARTNERS_WITH' && PARTNERSHIP_TRIGGER.test(s.lower)) {
      out.add(
        'PARTNERSHIP',
        `${a.name} indgår samarbejde med ${b.name}`,
        s,
        [
          { entity: a, role: 'agent' },
          { entity: b, role: 'agent' },
        ],
        0.6,
      );
    }
  }
}

/** dealEvents' step: `kind` with its sides from a relation, when the sentence has its trigger and not yet the kind. */
function followRelation(
  s: SentenceContext,
  out: EventSink,
  found: Set<EventKind>,
  kind: EventKind,
  trigger: RegExp,
  summary: string,
  ps: Participant[],
  confidence: number,
): void {
  if (found.has(kind) || !trigger.test(s.lower)) return;
  out.add(kind, summary, s, ps, confidence);
  found.add(kind);
}

/**
 * Events sentence by sentence: the rules first, then (in body text, with `model`) the learned classifier for the
 * kinds the rules did not find in that sentence.
 */
export function extractEvents(
  ctx: ArticleContext,
  sink: RelationSink,
  model: EventModel | null = null,
): ExtractedEvent[] {
  const out = new EventSink(ctx.publishedAt);
  let recent: { entity: ResolvedEntity; sentence: number } | null = null;
  for (const s of ctx.sentences) {
    const recentFirm =
      recent && s.sentence.index - recent.sentence <= 2 && s.sentence.section === 'body' ? recent.entity : null;
    if (s.slots.length === 0) {
      // Every other rule needs an entity of the sentence; a share move may be about the company named just before.
      if (s.sentence.section !== 'people-news' && recentFirm) marketEvents(s, out, recentFirm);
      continue;
    }
    jobEvents(s, sink, ctx, out);
    if (s.sentence.section === 'people-news') continue;
    sanctionEvents(s, sink, ctx, out);
    lawEvents(s, out);
    meetingEvents(s, out);
    statementEvents(s, ctx, out);
    marketEvents(s, out, recentFirm);
    dealEvents(s, sink, out);
    if (model && s.sentence.section === 'body') {
      const found = new Set(out.events.filter((e) => e.sentenceIndex === s.sentence.index).map((e) => e.kind));
      learnedEvents(s, model, sink.bySentence.get(s.sentence.index) ?? [], found, (kind, summary, ps, confidence) =>
        out.add(kind, summary, s, ps, confidence),
      );
    }
    const firm = companies(s)
      .filter((x) => x.via === 'name')
      .at(-1);
    if (firm) recent = { entity: firm.entity, sentence: s.sentence.index };
  }
  return dropEmployerlessHires(mergeRepeats(out.events));
}

const HIRE_KINDS: ReadonlySet<string> = new Set(['HIRED', 'PROMOTED']);

/**
 * "X bliver ny direktør for Y. Hun kommer fra en stilling som … på Z": the second sentence tells where the person came
 * from, and the classifier reads a hire there with no employer ("X skifter job"). A hire with no agent is dropped
 * when the article has a hire of the same person with one.
 */
function dropEmployerlessHires(events: readonly ExtractedEvent[]): ExtractedEvent[] {
  const hiredBy = new Set<string>();
  for (const e of events)
    if (HIRE_KINDS.has(e.kind) && e.participants.some((p) => p.role === 'agent'))
      for (const p of e.participants) if (p.role === 'target') hiredBy.add(p.entityId);
  if (hiredBy.size === 0) return [...events];
  return events.filter(
    (e) =>
      !HIRE_KINDS.has(e.kind) ||
      e.participants.some((p) => p.role === 'agent') ||
      !e.participants.some((p) => p.role === 'target' && hiredBy.has(p.entityId)),
  );
}

function sideKey(e: ExtractedEvent, role: ParticipantRole): string {
  return [...new Set(e.participants.filter((p) => p.role === role).map((p) => p.entityId))].sort().join(',');
}

/** Kind, direction (a rise and a fall of one share are two moves), agents and targets. */
function repeatKey(e: ExtractedEvent): string {
  const direction = e.kind === 'MARKET_MOVE' ? (/\bstiger\b/u.test(e.summary) ? 'up' : 'down') : '';
  return `${e.kind}|${direction}|${sideKey(e, 'agent')}|${sideKey(e, 'target')}`;
}

/** Two mentions whose dates (or, without dates, date words) disagree are two events. */
function datesConflict(o: ExtractedEvent, e: ExtractedEvent): boolean {
  return (
    (o.date !== null && e.date !== null && o.date !== e.date) ||
    (o.date === null && e.date === null && o.dateText !== null && e.dateText !== null && o.dateText !== e.dateText)
  );
}

/**
 * One article often mentions the same event in several sentences ("sanktionerne mod Huawei" in the lead and
 * again further down). Events of one kind with the same agents and targets whose dates do not disagree are one
 * event: the first mention's evidence and id are kept, the highest confidence, and dates and other participants
 * are filled in from the later mentions.
 */
export function mergeRepeats(events: readonly ExtractedEvent[]): ExtractedEvent[] {
  const out: ExtractedEvent[] = [];
  const byKey = new Map<string, number[]>();
  for (const e of events) {
    const key = repeatKey(e);
    const candidates = byKey.get(key) ?? [];
    const hasCore = e.participants.some((p) => p.role === 'agent' || p.role === 'target');
    const at = hasCore ? candidates.find((i) => !datesConflict(out[i], e)) : undefined;
    if (at === undefined) {
      byKey.set(key, [...candidates, out.length]);
      out.push(e);
      continue;
    }
    const first = out[at];
    const participants = [...first.participants];
    for (const p of e.participants)
      if (!participants.some((q) => q.entityId === p.entityId && q.role === p.role)) participants.push(p);
    // Date and date words travel together: taken from the later mention only when the first has none.
    const later = (first.date === null && e.date !== null) || (first.date === null && first.dateText === null);
    out[at] = {
      ...first,
      participants,
      confidence: Math.max(first.confidence, e.confidence),
      date: later ? e.date : first.date,
      dateText: later ? e.dateText : first.dateText,
    };
  }
  return out;
}
