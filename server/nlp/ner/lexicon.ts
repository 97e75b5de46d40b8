// Word-class lexicon for the NER features: a compact hash map from a lowercased word to class bits.
//
// The bits come from the training text, the hunspell Danish dictionary and the project's gazetteers,
// but only at training time: the finished map is baked into the model file, so tagging reads no
// word lists.

/** Class bits a word can carry; several can be set at once. */
export const LEX = {
  /** A lowercase entry of the Danish dictionary (a common word), possibly after stripping an inflection. */
  dictCommon: 1 << 0,
  /** A capitalised entry of the Danish dictionary (a proper noun). */
  dictProper: 1 << 1,
  /** A dictionary proper noun that hunspell marks as a place name. */
  dictPlace: 1 << 2,
  firstName: 1 << 3,
  surname: 1 << 4,
  place: 1 << 5,
  /** A word that heads organisation names ("universitet", "ministeriet", "kommune"). */
  orgWord: 1 << 6,
  /** A legal or corporate suffix ("A/S", "ApS", "Holding", "Inc."). */
  orgSuffix: 1 << 7,
  /** Seen lowercase in the training text (not sentence-initial). */
  corpusLower: 1 << 8,
  /** Seen capitalised in the training text (not sentence-initial). */
  corpusCapital: 1 << 9,
  /** A media outlet, party or other well-known organisation name. */
  orgName: 1 << 10,
  /** A word that names a kind of work or event often tagged MISC ("Folketingsvalget", a title word). */
  miscWord: 1 << 11,
  /** A person title or role word that often precedes a name ("direktør", "minister"). */
  personTitle: 1 << 12,
  /** Seen inside a PER / ORG / LOC / MISC entity in the training text (other folds while training). */
  trainPer: 1 << 13,
  trainOrg: 1 << 14,
  trainLoc: 1 << 15,
  trainMisc: 1 << 16,
} as const;

export const LEX_BIT_COUNT = 17;
/** Bits 17..23 hold a class id (0 = none) for common words: their hunspell flag set, a stand-in for part of speech. */
export const LEX_WORD_CLASS_SHIFT = 17;
export const LEX_WORD_CLASS_MASK = 0x7f;
/** Bits 24..31 hold a class id (0 = none): which hunspell flag set a dictionary proper noun has. */
export const LEX_CLASS_SHIFT = 24;

/** FNV-1a over UTF-16 code units, finished with a murmur3 mix so nearby strings spread well. */
export function hashString(s: string, seed = 0x811c9dc5): number {
  let h = seed >>> 0;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return finalMix(h);
}

export function finalMix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Open-addressing map from a 32-bit word hash to class bits (and a class id in the top byte); key 0 marks an empty slot. */
export class Lexicon {
  readonly keys: Uint32Array;
  readonly values: Uint32Array;
  private readonly mask: number;

  constructor(keys: Uint32Array, values: Uint32Array) {
    if (keys.length !== values.length || (keys.length & (keys.length - 1)) !== 0) {
      throw new Error('Lexicon: keys and values must have the same power-of-two length');
    }
    this.keys = keys;
    this.values = values;
    this.mask = keys.length - 1;
  }

  /** Builds a lexicon from a word -> bits map (words are used as given; callers lowercase them). */
  static fromEntries(entries: Map<string, number>): Lexicon {
    let capacity = 1024;
    while (capacity < entries.size * 2) capacity *= 2;
    const keys = new Uint32Array(capacity);
    const values = new Uint32Array(capacity);
    const mask = capacity - 1;
    for (const [word, bits] of entries) {
      const key = wordKey(word);
      let slot = key & mask;
      while (keys[slot] !== 0 && keys[slot] !== key) slot = (slot + 1) & mask;
      keys[slot] = key;
      values[slot] = (values[slot] | bits) >>> 0;
    }
    return new Lexicon(keys, values);
  }

  /** Class bits of a word given as its key (see `wordKey`); 0 when unknown. */
  bitsOfKey(key: number): number {
    let slot = key & this.mask;
    for (;;) {
      const k = this.keys[slot];
      if (k === key) return this.values[slot];
      if (k === 0) return 0;
      slot = (slot + 1) & this.mask;
    }
  }

  bits(word: string): number {
    return this.bitsOfKey(wordKey(word));
  }

  get size(): number {
    let n = 0;
    for (let i = 0; i < this.keys.length; i++) if (this.keys[i] !== 0) n++;
    return n;
  }
}

/** Nonzero 32-bit key of a word for the lexicon map. */
export function wordKey(word: string): number {
  return hashString(word, 0x9747b28c) || 1;
}
