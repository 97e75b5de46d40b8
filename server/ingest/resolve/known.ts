// The index of the graph's known entities that resolution looks names up in: built once per list, or kept up to date across lists.
import type { KnownEntity } from '../../model.ts';
import {
  countryFollows,
  genitiveKey,
  hasLegalForm,
  isListedOrganisation,
  nameKey,
  subsidiaryParentKey,
} from '../../nlp/names.ts';

/**
 * A prebuilt lookup over the graph's known entities. Wherever several entities could match, the one earliest in
 * the known list wins, exactly as a scan of the list would find it.
 */
export interface KnownIndex {
  /** Keys (name, aliases, their genitives) in the order of the known list. */
  readonly byKey: ReadonlyMap<string, readonly KnownKey[]>;
  /** Last word of people's names (only a single match is used, so the order does not matter). */
  readonly bySurname: ReadonlyMap<string, readonly KnownEntity[]>;
  /** First word(s) of companies whose name has a legal form: "norriq" -> Norriq Danmark A/S (single matches only). */
  readonly byLegalPrefix: ReadonlyMap<string, readonly KnownEntity[]>;
  /** Every key, by first letter then length, for typo matching (a typo of at most two edits changes the length by at most two). */
  readonly typoKeys: ReadonlyMap<string, ReadonlyMap<number, readonly KnownKey[]>>;
  /** Keys that lowercasing would change (none in practice), by first letter: their length says nothing, so they are always tried. */
  readonly unevenKeys: ReadonlyMap<string, readonly KnownKey[]>;
}

/** One key of a known entity. `order` follows the known list; only comparisons between orders mean anything. */
export interface KnownKey {
  readonly key: string;
  readonly entity: KnownEntity;
  readonly order: number;
  /** letterMask of the key (-1 when lowercasing changes its length): a cheap bound on how far two keys are apart (see firstNearKey). */
  readonly mask: number;
}

/** One bit per letter (by char code, modulo 32) of the lowercased text. */
export function letterMask(text: string): number {
  const lower = text.toLowerCase();
  let mask = 0;
  for (let i = 0; i < lower.length; i++) mask |= 1 << (lower.charCodeAt(i) & 31);
  return mask;
}

function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * Typo look-ups accept at most two edits. An edit changes which letters a word has by at most two (a
 * substitution drops one and adds one), so keys whose letter masks differ in more than four bits can be skipped
 * without asking `accepts`: the scan of a big index is then mostly this test.
 */
const MAX_TYPO_MASK_DISTANCE = 4;

/** What an entity contributes to the index, derived from its type, name and aliases alone. */
interface KnownKeys {
  readonly keys: readonly string[];
  readonly legalPrefixes: readonly string[];
  readonly surname: string | null;
}

function knownKeys(entity: KnownEntity): KnownKeys {
  // Genitive aliases ("NORRIQs") also stand for the plain name.
  // A national subsidiary recorded as an alias (by older extractions) is not a name of the entity.
  const own = nameKey(entity.name);
  const keys = new Set<string>([own, genitiveKey(entity.name)]);
  for (const alias of entity.aliases) {
    if (nameKey(alias) === own || subsidiaryParentKey(alias) === null) keys.add(nameKey(alias)).add(genitiveKey(alias));
  }
  keys.delete('');
  const legalPrefixes: string[] = [];
  if ((entity.type === 'Company' || entity.type === 'Organization') && hasLegalForm(entity.name)) {
    const words = own.split(' ');
    for (let k = 1; k < words.length; k++) {
      const prefix = words.slice(0, k).join(' ');
      if (!countryFollows(words, k) || !isListedOrganisation(prefix)) legalPrefixes.push(prefix);
    }
  }
  let surname: string | null = null;
  if (entity.type === 'Person') {
    const words = own.split(' ');
    if (words.length >= 2) surname = words[words.length - 1];
  }
  return { keys: [...keys], legalPrefixes, surname };
}

function sameEntity(a: KnownEntity, b: KnownEntity): boolean {
  if (a === b) return true;
  if (a.id !== b.id || a.type !== b.type || a.name !== b.name || a.aliases.length !== b.aliases.length) return false;
  for (let i = 0; i < a.aliases.length; i++) if (a.aliases[i] !== b.aliases[i]) return false;
  return true;
}

/** One entity in an index: what it put in, so it can be taken out again. */
interface Entry {
  readonly entity: KnownEntity;
  readonly derived: KnownKeys;
  readonly keys: readonly KnownKey[];
  readonly order: number;
  /** The last update that found the entity in its list. */
  seen: number;
  /** Where the entity is in the list the index stands for. */
  position: number;
}

function getOrCreate<K, V>(map: Map<K, V[]>, key: K): V[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}

/** Inserts `item` where its order belongs (new entities mostly come last, so the search starts at the end). */
function insertByOrder(list: KnownKey[], item: KnownKey): void {
  let i = list.length;
  while (i > 0 && list[i - 1].order > item.order) i--;
  list.splice(i, 0, item);
}

function removeFrom<K, V>(map: Map<K, V[]>, key: K, item: V): void {
  const list = map.get(key);
  if (!list) return;
  const i = list.indexOf(item);
  if (i >= 0) list.splice(i, 1);
  if (list.length === 0) map.delete(key);
}

class MutableKnownIndex implements KnownIndex {
  readonly byKey = new Map<string, KnownKey[]>();
  readonly bySurname = new Map<string, KnownEntity[]>();
  readonly byLegalPrefix = new Map<string, KnownEntity[]>();
  readonly typoKeys = new Map<string, Map<number, KnownKey[]>>();
  readonly unevenKeys = new Map<string, KnownKey[]>();
  /** Entries by entity id; `duplicateIds` when the list named an id twice (then only the last is here). */
  readonly entries = new Map<string, Entry>();
  duplicateIds = false;
  /** The entries in the order of the list the index stands for. */
  listed: Entry[] = [];

  /** The entities of `known` in order; `remembered` may hold the derived keys of some of them. */
  static of(known: readonly KnownEntity[], remembered?: ReadonlyMap<string, Entry>): MutableKnownIndex {
    const index = new MutableKnownIndex();
    index.listed = known.map((entity, i) => {
      const old = remembered?.get(entity.id);
      const entry = index.add(entity, old && sameEntity(old.entity, entity) ? old.derived : knownKeys(entity), i);
      entry.position = i;
      return entry;
    });
    return index;
  }

  add(entity: KnownEntity, derived: KnownKeys, order: number): Entry {
    const keys: KnownKey[] = [];
    for (const key of derived.keys) {
      const entry: KnownKey = {
        key,
        entity,
        order,
        mask: key.toLowerCase().length === key.length ? letterMask(key) : -1,
      };
      keys.push(entry);
      insertByOrder(getOrCreate(this.byKey, key), entry);
      if (key.toLowerCase() !== key) insertByOrder(getOrCreate(this.unevenKeys, key[0]), entry);
      else {
        let byLength = this.typoKeys.get(key[0]);
        if (!byLength) this.typoKeys.set(key[0], (byLength = new Map()));
        insertByOrder(getOrCreate(byLength, key.length), entry);
      }
    }
    for (const prefix of derived.legalPrefixes) getOrCreate(this.byLegalPrefix, prefix).push(entity);
    if (derived.surname !== null) getOrCreate(this.bySurname, derived.surname).push(entity);
    if (this.entries.has(entity.id)) this.duplicateIds = true;
    const entry: Entry = { entity, derived, keys, order, seen: 0, position: -1 };
    this.entries.set(entity.id, entry);
    return entry;
  }

  remove(entry: Entry): void {
    for (const k of entry.keys) {
      removeFrom(this.byKey, k.key, k);
      if (k.key.toLowerCase() !== k.key) removeFrom(this.unevenKeys, k.key[0], k);
      else {
        const byLength = this.typoKeys.get(k.key[0]);
        if (byLength) {
          removeFrom(byLength, k.key.length, k);
          if (byLength.size === 0) this.typoKeys.delete(k.key[0]);
        }
      }
    }
    for (const prefix of entry.derived.legalPrefixes) removeFrom(this.byLegalPrefix, prefix, entry.entity);
    if (entry.derived.surname !== null) removeFrom(this.bySurname, entry.derived.surname, entry.entity);
    this.entries.delete(entry.entity.id);
  }
}

/** Indexes already built, by the list they were built from (unchanged lists, e.g. one list for a whole batch, reuse theirs). */
const builtFor = new WeakMap<
  readonly KnownEntity[],
  { readonly entities: readonly KnownEntity[]; readonly index: KnownIndex }
>();

/**
 * The index over `known`. Building it for thousands of entities costs more than extracting an article, so the index of a
 * list already indexed is reused (the list is compared entry by entry, so a list changed in place is indexed anew).
 */
export function buildKnownIndex(known: readonly KnownEntity[]): KnownIndex {
  const built = builtFor.get(known);
  if (built && built.entities.length === known.length && built.entities.every((e, i) => e === known[i]))
    return built.index;
  const index = MutableKnownIndex.of(known);
  builtFor.set(known, { entities: [...known], index });
  return index;
}

/** Past this share of the list changed, rebuilding is as cheap as updating. */
const REBUILD_SHARE = 0.25;

/**
 * One index kept up to date across successive known lists: the pipeline reads the graph's entities afresh for every
 * article, and from one article to the next only a few are new or changed. Each call returns the same index as
 * buildKnownIndex would, updated in place for the entities added, removed or changed since the last call; the
 * index is valid until the next call, so use it at once (as `extractArticle(raw, { known: cache.index(list) })`).
 */
export class KnownIndexCache {
  #index: MutableKnownIndex | undefined;
  #generation = 0;

  index(known: readonly KnownEntity[]): KnownIndex {
    const index = this.#index;
    if (!index || index.duplicateIds || !this.#update(index, known))
      this.#index = MutableKnownIndex.of(known, index?.entries);
    return this.#index!;
  }

  /** Updates `index` to `known`, or returns false (having changed nothing) when a rebuild is simpler. */
  #update(index: MutableKnownIndex, known: readonly KnownEntity[]): boolean {
    const generation = ++this.#generation;
    // Entities the index holds unchanged keep their order; the others are placed between their kept neighbours.
    const placed: { entity: KnownEntity; order: number; at: number }[] = [];
    const listed: (Entry | undefined)[] = new Array(known.length);
    const changed: Entry[] = [];
    const fresh = new Set<string>();
    let pending: { entity: KnownEntity; at: number }[] = [];
    let lastOrder = -Infinity;
    let kept = 0;
    const place = (before: number): boolean => {
      const n = pending.length;
      if (n === 0) return true;
      const step = before === Infinity ? 1 : lastOrder === -Infinity ? 1 : (before - lastOrder) / (n + 1);
      const start = lastOrder === -Infinity ? (before === Infinity ? 0 : before - n - 1) : lastOrder;
      let previous = lastOrder;
      for (let k = 0; k < n; k++) {
        const order = start + step * (k + 1);
        // Orders squeezed too close for floating point: renumber from scratch instead.
        if (!(order > previous && order < before)) return false;
        placed.push({ ...pending[k], order });
        previous = order;
      }
      pending = [];
      return true;
    };
    let next = 0;
    for (let at = 0; at < known.length; at++) {
      const entity = known[at];
      // Mostly the list runs as before: try the entry after the last one found before hashing the id.
      let entry: Entry | undefined = index.listed[next];
      if (entry?.entity.id === entity.id) next++;
      else {
        entry = index.entries.get(entity.id);
        if (entry) next = entry.position + 1;
      }
      if (entry ? entry.seen === generation : fresh.has(entity.id)) return false;
      if (entry) entry.seen = generation;
      if (entry && sameEntity(entry.entity, entity)) {
        if (entry.order <= lastOrder || (pending.length > 0 && !place(entry.order))) return false;
        lastOrder = entry.order;
        kept++;
        listed[at] = entry;
      } else {
        if (entry) changed.push(entry);
        else fresh.add(entity.id);
        pending.push({ entity, at });
      }
    }
    if (!place(Infinity)) return false;
    const removed = index.entries.size - kept - changed.length;
    if (placed.length + removed > REBUILD_SHARE * known.length) return false;
    if (removed > 0) for (const entry of index.entries.values()) if (entry.seen !== generation) changed.push(entry);
    for (const entry of changed) index.remove(entry);
    for (const { entity, order, at } of placed) listed[at] = index.add(entity, knownKeys(entity), order);
    index.listed = listed as Entry[];
    index.listed.forEach((entry, at) => {
      entry.position = at;
    });
    return true;
  }
}

/**
 * The first key (in list order) of the letter of `key` that `accepts`, given that `accepts` only takes keys at
 * most two edits away: only the length buckets within two of `key`'s length are tried, and only keys whose
 * letter masks allow two edits are asked.
 */
export function firstNearKey(
  index: KnownIndex,
  key: string,
  accepts: (k: string, entity: KnownEntity) => boolean,
): KnownEntity | undefined {
  const letter = key[0];
  let best: KnownKey | undefined;
  // Lowercasing that changes the length (rare letters such as "İ") can move letters around: no mask test then.
  const mask = key.toLowerCase().length === key.length ? letterMask(key) : -1;
  const tryList = (list: readonly KnownKey[] | undefined) => {
    if (!list) return;
    for (const c of list) {
      if (best && c.order >= best.order) return;
      if (mask !== -1 && c.mask !== -1 && bitCount(mask ^ c.mask) > MAX_TYPO_MASK_DISTANCE) continue;
      if (accepts(c.key, c.entity)) {
        best = c;
        return;
      }
    }
  };
  const byLength = index.typoKeys.get(letter);
  if (key.toLowerCase() !== key) {
    // Its length after lowercasing is not its length: try every key of the letter.
    for (const list of byLength?.values() ?? []) tryList(list);
  } else if (byLength) {
    for (let n = key.length - 2; n <= key.length + 2; n++) tryList(byLength.get(n));
  }
  tryList(index.unevenKeys.get(letter));
  return best?.entity;
}

/**
 * The graph's entities as loading articles in order changes them, with their index kept up to date entry by entry:
 * what the bulk loader resolves each article against, so that it sees what one-by-one loading would have seen (every
 * entity of every earlier article) without reading the graph back. New entities go last (the graph lists entities
 * in creation order); a known entity keeps its name and type and gains the new names as aliases, as
 * cypher/load-entities.cypher does.
 */
export class GrowingKnownIndex {
  readonly #index: MutableKnownIndex;
  #nextOrder: number;

  constructor(initial: readonly KnownEntity[]) {
    this.#index = MutableKnownIndex.of(initial);
    this.#nextOrder = initial.length;
  }

  get index(): KnownIndex {
    return this.#index;
  }

  get size(): number {
    return this.#index.entries.size;
  }

  /** Records an article's entities as loading it would leave them in the graph. */
  learn(entities: readonly KnownEntity[]): void {
    for (const e of entities) {
      const entry = this.#index.entries.get(e.id);
      if (!entry) {
        const entity: KnownEntity = {
          id: e.id,
          type: e.type,
          name: e.name,
          aliases: withAliases(e.name, [], e.aliases),
        };
        this.#index.add(entity, knownKeys(entity), this.#nextOrder++);
        continue;
      }
      const old = entry.entity;
      const aliases = withAliases(old.name, old.aliases, [e.name, ...e.aliases]);
      if (aliases.length === old.aliases.length) continue;
      const entity: KnownEntity = { ...old, aliases };
      this.#index.remove(entry);
      this.#index.add(entity, knownKeys(entity), entry.order);
    }
  }
}

/** `aliases` plus each of `more` that is neither the name nor already there, in order. */
function withAliases(name: string, aliases: readonly string[], more: readonly string[]): readonly string[] {
  let out: string[] | undefined;
  for (const alias of more) {
    if (!alias || alias === name || aliases.includes(alias) || out?.includes(alias)) continue;
    (out ??= [...aliases]).push(alias);
  }
  return out ?? aliases;
}
