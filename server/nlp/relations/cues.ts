// Danish cue words for relations, kept as data: the classifier's features name which cue groups occur where.
// Each group is a list of word prefixes (lowercase); a token matches a group when it starts with one of them
// (prefixes of three letters or fewer must match the whole token: "af" is not "afdeling").
// They come from ../shared/RELATIONS.md's cues and ordinary Danish morphology (køb-er/-te/-t, sagsøg-er/-te/-t).

/** Cue groups by the relation they point to; a few groups (passive, negation, speech) mark the construction. */
export const CUE_GROUPS: Readonly<Record<string, readonly string[]>> = {
  employ: [
    'ansat',
    'ansætte',
    'medarbejder',
    'direktør',
    'chef',
    'økonom',
    'analytiker',
    'rådgiver',
    'konsulent',
    'partner',
    'leder',
    'ingeniør',
    'journalist',
    'redaktør',
    'træner',
    'advokat',
    'officer',
    'sekretær',
    'specialist',
    'manager',
    'head',
    'vicedirektør',
    'koncernchef',
    'salgschef',
    'talsperson',
    'talsmand',
    'talskvinde',
    'pressechef',
    'ordfører',
  ],
  head: [
    'administrerende',
    'adm.',
    'topchef',
    'ceo',
    'formand',
    'forkvinde',
    'bestyrelsesformand',
    'minister',
    'statsminister',
    'præsident',
    'borgmester',
    'rektor',
    'chefredaktør',
    'landechef',
    'stifter',
    'grundlægger',
    'leder',
    'kansler',
    'premierminister',
    'generalsekretær',
    'direktør',
  ],
  former: [
    'tidligere',
    'forhenværende',
    'fhv.',
    'ex-',
    'fratræder',
    'fratrådte',
    'fratrådt',
    'forlader',
    'forlod',
    'stopper',
    'stoppede',
    'sagde op',
    'siger op',
    'kom fra',
    'kommer fra',
    'afløser',
    'afløste',
    'pension',
  ],
  educate: [
    'uddannet',
    'uddannelse',
    'cand.',
    'ph.d',
    'phd',
    'master',
    'bachelor',
    'studerede',
    'læste',
    'studerer',
    'dimitt',
    'kandidat',
    'hd',
    'mba',
    'udlært',
  ],
  member: [
    'medlem',
    'bestyrelse',
    'sidder',
    'indtræder',
    'indvalgt',
    'folketingsmedlem',
    'spiller',
    'partifælle',
    'meldt',
    'melder',
  ],
  part: [
    'datterselskab',
    'afdeling',
    'under',
    'del',
    'enhed',
    'division',
    'koncern',
    'hører',
    'filial',
    'moderselskab',
    'fakultet',
    'institut',
    'styrelse',
  ],
  own: [
    'ejer',
    'ejet',
    'ejes',
    'ejede',
    'aktionær',
    'hovedaktionær',
    'storaktionær',
    'medejer',
    'majoritetsejer',
    'ejerandel',
    'aktiepost',
    'aktier',
    'andel',
    'kapitalfond',
    'fonden bag',
  ],
  acquire: [
    'køb',
    'opkøb',
    'overtag',
    'overtog',
    'solgt',
    'sælg',
    'salg',
    'frasælg',
    'afhænd',
    'erhverv',
    'handel',
    'bud',
    'fusion',
  ],
  supply: [
    'leverandør',
    'leverer',
    'leverede',
    'levere',
    'levering',
    'kontrakt',
    'kunde',
    'kunder',
    'aftale',
    'ordre',
    'udbud',
    'tildel',
    'vinder',
    'vandt',
    'rammeaftale',
    'forhandler',
    'sælger',
    'rådgiver',
  ],
  partner: [
    'samarbejd',
    'partnerskab',
    'partner',
    'joint',
    'konsortium',
    'alliance',
    'sammen med',
    'aftale',
    'indgår',
    'indgået',
    'hensigtserklæring',
  ],
  trade: ['handel', 'handler', 'handlede', 'eksport', 'import', 'handelspartner', 'told', 'marked'],
  sanction: [
    'sanktion',
    'sortlist',
    'sorte liste',
    'forbud',
    'forbyd',
    'bøde',
    'straftold',
    'embargo',
    'eksportkontrol',
    'restriktion',
    'indefr',
    'nægte',
    'udeluk',
    'frata',
    'inddrag',
    'licens',
    'tilladelse',
    'blokere',
    'stoppe',
  ],
  regulate: [
    'tilsyn',
    'undersøg',
    'påbud',
    'påbyd',
    'kritik',
    'kritiser',
    'godkend',
    'pålæg',
    'afgørelse',
    'dom',
    'kendelse',
    'politianmeld',
    'efterforsk',
    'redegørelse',
    'advar',
    'indskærp',
  ],
  sue: [
    'sagsøg',
    'stævn',
    'retssag',
    'sag mod',
    'søgsmål',
    'lægger sag',
    'anlagt',
    'klage',
    'anke',
    'erstatning',
    'retten',
  ],
  meet: [
    'møde',
    'mødtes',
    'mødes',
    'mødte',
    'møder',
    'telefon',
    'samtale',
    'talte',
    'talt',
    'besøg',
    'videomøde',
    'forhandl',
    'topmøde',
    'drøft',
  ],
  oppose: [
    'kritiser',
    'kritik',
    'advarer',
    'protest',
    'imod',
    'modstand',
    'uenig',
    'beskyld',
    'angreb',
    'afvis',
    'klager',
  ],
  locate: [
    'hovedsæde',
    'hovedkontor',
    'hovedkvarter',
    'kontor',
    'fabrik',
    'afdeling',
    'baseret',
    'ligger',
    'beliggende',
    'bor',
    'bosat',
    'hjemsted',
    'lager',
    'domicil',
    '-baserede',
  ],
  cite: [
    'skriver',
    'skrev',
    'ifølge',
    'oplyser',
    'oplyste',
    'erfarer',
    'rapporterer',
    'melder',
    'beretter',
    'fortæller',
    'afslører',
    'citerer',
    'bekræfter',
    'meddel',
  ],
  speech: [
    'siger',
    'sagde',
    'udtaler',
    'udtalte',
    'påpeger',
    'forklarer',
    'mener',
    'vurderer',
    'understreger',
    'tilføjer',
  ],
  passive: ['blev', 'bliver', 'blevet', 'af'],
  negation: ['ikke', 'aldrig', 'ingen', 'afviser', 'benægter', 'hverken', 'uden'],
  modal: [
    'vil',
    'skal',
    'kan',
    'kunne',
    'ville',
    'overvejer',
    'planlægger',
    'måske',
    'muligvis',
    'hvis',
    'om',
    'ønsker',
    'håber',
    'forventer',
  ],
};

const GROUP_NAMES = Object.keys(CUE_GROUPS);
/** Prefixes this short match whole tokens only. */
const SHORT_PREFIX = 3;
/** Prefixes by their first letter, so matching a token looks at a handful of prefixes only. */
const BY_INITIAL = new Map<string, { prefix: string; group: string }[]>();
for (const group of GROUP_NAMES) {
  for (const prefix of CUE_GROUPS[group]) {
    const list = BY_INITIAL.get(prefix[0]) ?? [];
    list.push({ prefix, group });
    BY_INITIAL.set(prefix[0], list);
  }
}

/** Multi-word prefixes by their first word, with their place in BY_INITIAL's order: "i forbindelse med" under "i". */
const MULTI_WORD = new Map<string, { rest: string; group: string; order: number }[]>();
for (const candidates of BY_INITIAL.values()) {
  candidates.forEach(({ prefix, group }, order) => {
    if (!prefix.includes(' ')) return;
    const space = prefix.indexOf(' ');
    const first = prefix.slice(0, space);
    const list = MULTI_WORD.get(first) ?? [];
    list.push({ rest: prefix.slice(space + 1), group, order });
    MULTI_WORD.set(first, list);
  });
}
/** The single-word groups of each word seen, with their places in BY_INITIAL's order; news repeats its words. */
const BY_TOKEN = new Map<string, readonly { group: string; order: number }[]>();
/** The memo is dropped when it grows past this many words (a long bulk load meets ever new names and numbers). */
const MAX_MEMO = 50_000;
const NONE: readonly string[] = [];
const NO_HITS: readonly { group: string; order: number }[] = [];

function singleWordHits(token: string): readonly { group: string; order: number }[] {
  let hits = BY_TOKEN.get(token);
  if (hits) return hits;
  const found: { group: string; order: number }[] = [];
  (BY_INITIAL.get(token[0]) ?? []).forEach(({ prefix, group }, order) => {
    if (prefix.includes(' ')) return;
    const hit = prefix.length <= SHORT_PREFIX ? token === prefix : token.startsWith(prefix);
    if (hit) found.push({ group, order });
  });
  hits = found.length === 0 ? NO_HITS : found;
  if (BY_TOKEN.size >= MAX_MEMO) BY_TOKEN.clear();
  BY_TOKEN.set(token, hits);
  return hits;
}

const GROUPS_OF_HITS = new WeakMap<readonly { group: string; order: number }[], readonly string[]>();

/** Each group once, in the order the hits come. */
function groupsOf(hits: readonly { group: string; order: number }[]): readonly string[] {
  if (hits.length === 0) return NONE;
  let groups = GROUPS_OF_HITS.get(hits);
  if (!groups) {
    const list: string[] = [];
    for (const { group } of hits) if (!list.includes(group)) list.push(group);
    GROUPS_OF_HITS.set(hits, (groups = list));
  }
  return groups;
}

/**
 * The cue groups a lowercased token belongs to (multi-word prefixes are matched against the token and its successor),
 * each once, in the groups' order of definition. The answer is shared between calls: read it, never change it.
 */
export function cueGroups(token: string, next = ''): readonly string[] {
  if (!BY_INITIAL.has(token[0])) return NONE;
  const single = singleWordHits(token);
  const multi = next ? MULTI_WORD.get(token) : undefined;
  if (!multi) return groupsOf(single);
  const extra = multi.filter(({ rest }) => next.startsWith(rest));
  if (extra.length === 0) return groupsOf(single);
  const hits = [...single, ...extra].sort((a, b) => a.order - b.order);
  const groups: string[] = [];
  for (const { group } of hits) if (!groups.includes(group)) groups.push(group);
  return groups;
}
