// Danish word lists the extraction rules share: government nouns, titles, legal suffixes, function words, pronouns.

/** Nouns that, after a nationality adjective, mean the state itself: "den amerikanske regering" = USA. */
export const STATE_NOUNS = new Set([
  'regering', 'regeringen', 'stat', 'staten', 'myndighed', 'myndigheden', 'myndigheder', 'myndighederne',
  'administration', 'administrationen', 'militær', 'militæret', 'styre', 'styret', 'regime', 'regimet', 'hær', 'hæren',
  'ledelse', 'magthavere', 'magthaverne', 'forsvar', 'forsvaret', 'statsledelse', 'statsledelsen',
]);

/** Compound endings of government institutions: "handelsministerium", "distriktsdomstol", "konkurrencemyndighed". */
export const INSTITUTION_ENDINGS = [
  'ministerium', 'ministeriet', 'ministeriets', 'domstol', 'domstolen', 'domstole', 'domstolene', 'styrelse', 'styrelsen',
  'tilsyn', 'tilsynet', 'agentur', 'agenturet', 'myndighed', 'myndigheden', 'myndigheder', 'myndighederne', 'kommission',
  'kommissionen', 'parlament', 'parlamentet', 'kongres', 'kongressen', 'senat', 'senatet', 'politi', 'politiet',
  'efterretningstjeneste', 'efterretningstjenesten', 'ambassade', 'ambassaden', 'højesteret', 'højesteretten',
  'byret', 'byretten', 'landsret', 'landsretten', 'anklagemyndighed', 'anklagemyndigheden', 'centralbank', 'centralbanken',
  'nationalbank', 'nationalbanken', 'departement', 'departementet',
];
/** Institution endings that make the institution a court (not an agent of sanctions). */
export const COURT_ENDINGS = ['domstol', 'domstolen', 'domstole', 'domstolene', 'højesteret', 'højesteretten', 'byret', 'byretten', 'landsret', 'landsretten'];

/** "Trump-regeringen", "Biden-administrationen": a leader's name + one of these = that leader's state. */
export const GOVERNMENT_COMPOUND_HEADS = new Set(['regeringen', 'administrationen', 'regimet', 'styret', 'regering', 'administration']);

/** Legal-form endings of company names. */
export const LEGAL_SUFFIXES = ['A/S', 'ApS', 'A.S.', 'I/S', 'K/S', 'P/S', 'IVS', 'AMBA', 'a.m.b.a.', 'AB', 'AS', 'ASA', 'Oy', 'Oyj', 'GmbH', 'AG', 'Inc', 'Inc.', 'Ltd', 'Ltd.', 'LLC', 'PLC', 'plc', 'Corp', 'Corp.', 'S.A.', 'SA', 'NV', 'N.V.', 'BV', 'B.V.', 'SE', 'Co.'];
const LEGAL_SUFFIX_SET = new Set(LEGAL_SUFFIXES.map((s) => s.toLowerCase()));
export function isLegalSuffix(word: string): boolean {
  return LEGAL_SUFFIX_SET.has(word.toLowerCase());
}

/** Words that end company names without being legal forms. */
export const COMPANY_NAME_ENDINGS = new Set(['group', 'gruppen', 'holding', 'koncern', 'koncernen', 'technologies', 'technology', 'systems', 'solutions', 'software', 'consulting', 'partners', 'capital', 'invest', 'bank', 'banken', 'pension', 'forsikring', 'hotels', 'hotel', 'airlines', 'telecom', 'energy', 'energi', 'labs', 'media', 'digital', 'data', 'services', 'international', 'industries', 'electronics', 'motors', 'pharma', 'spil', 'games', 'semiconductor', 'semiconductors', 'microelectronics', 'robotics', 'networks']);

/** Words in names of universities, associations, NGOs and forums: the name is an Organization. */
export const ORGANIZATION_WORDS = new Set([
  'universitet', 'universitetet', 'university', 'universitets', 'school', 'college', 'handelshøjskole', 'handelshøjskolen',
  'akademi', 'akademiet', 'academy', 'institut', 'instituttet', 'institute', 'forening', 'foreningen', 'association',
  'forbund', 'forbundet', 'fond', 'fonden', 'foundation', 'råd', 'rådet', 'council', 'organisation', 'organisationen',
  'organization', 'sammenslutning', 'netværk', 'netværket', 'network', 'alliance', 'alliancen', 'partiet', 'parti', 'party',
  'fagforening', 'fagforbund', 'erhvervsakademi', 'professionshøjskole', 'gymnasium', 'gymnasiet', 'hospital', 'hospitalet',
  'sygehus', 'sygehuset', 'museum', 'museet', 'klub', 'klubben', 'ngo', 'tænketank', 'tænketanken',
]);

/** Words in names of public bodies: the name is a Government. */
export const GOVERNMENT_WORDS = new Set([
  'ministeriet', 'ministerium', 'ministry', 'styrelsen', 'styrelse', 'agency', 'department', 'tilsynet', 'kommune', 'kommunen',
  'region', 'regionen', 'domstol', 'domstolen', 'court', 'retten', 'byret', 'landsret', 'højesteret', 'folketinget',
  'parlament', 'parlamentet', 'parliament', 'kommissionen', 'commission', 'politi', 'politiet', 'police', 'senate', 'congress',
  'regering', 'regeringen', 'government', 'ambassade', 'embassy', 'nationalbank', 'centralbank', 'rigspolitiet', 'skattestyrelsen',
]);

/** Titles that mean the person leads the organisation or state: HEADS. */
export const HEAD_TITLES = new Set([
  'præsident', 'præsidenten', 'premierminister', 'premierministeren', 'statsminister', 'statsministeren', 'kansler', 'kansleren',
  'formand', 'formanden', 'bestyrelsesformand', 'bestyrelsesformanden', 'direktør', 'direktøren', 'topchef', 'topchefen',
  'koncernchef', 'koncernchefen', 'landechef', 'landechefen', 'landedirektør', 'landedirektøren', 'chef', 'chefen', 'ceo',
  'chefredaktør', 'chefredaktøren', 'generalsekretær', 'generalsekretæren', 'rektor', 'rektoren', 'borgmester', 'borgmesteren',
  'leder', 'lederen', 'administrerende', 'adm.', 'stats-', 'partileder', 'partilederen', 'generaldirektør', 'øverstbefalende',
  'danmarkschef', 'nordenchef', 'europachef', 'nordeuropachef', 'skandinavienchef', 'country manager', 'managing director',
]);

/** Political titles that link a person to a state through a nationality adjective: "den kinesiske præsident Xi Jinping". */
export const STATE_HEAD_TITLES = new Set([
  'præsident', 'præsidenten', 'premierminister', 'premierministeren', 'statsminister', 'statsministeren', 'kansler',
  'kansleren', 'leder', 'lederen', 'statsoverhoved', 'diktator', 'konge', 'kongen', 'dronning', 'dronningen',
]);

/** Other titles before a name ("talsmand X", "minister X"): the person works for the organisation: EMPLOYED_BY. */
export const STAFF_TITLES = new Set([
  'talsmand', 'talskvinde', 'talsperson', 'pressechef', 'kommunikationschef', 'minister', 'ministeren', 'handelsminister',
  'udenrigsminister', 'finansminister', 'justitsminister', 'erhvervsminister', 'forsvarsminister', 'digitaliseringsminister',
  'handelsministeren', 'udenrigsministeren', 'vicepræsident', 'vicepræsidenten', 'rådgiver', 'rådgiveren', 'analytiker',
  'analytikeren', 'cheføkonom', 'økonom', 'forsker', 'forskeren', 'professor', 'professoren', 'lektor', 'ingeniør',
  'udvikler', 'konsulent', 'partner', 'salgschef', 'salgsdirektør', 'it-chef', 'it-direktør', 'teknisk', 'cto', 'cfo', 'coo',
  'cio', 'ciso', 'cmo', 'senior', 'direktør', 'redaktør', 'journalist', 'medarbejder', 'ambassadør', 'ambassadøren',
  'senator', 'senatoren', 'kongresmedlem', 'medlem', 'bestyrelsesmedlem', 'stifter', 'stifteren', 'grundlægger',
  'grundlæggeren', 'medstifter', 'sikkerhedschef', 'teknologichef', 'produktchef', 'markedsdirektør', 'advokat', 'dommer',
]);

/** Titles that can stand before a name and mark it as a person even without a tagger label. */
const personTitleCache = new Map<string, boolean>();
/**
 * The shortest title ("ceo"; the title endings below are longer). Lowercasing keeps a word's length (only "İ"
 * grows, and no title has it), so a shorter word is no title and needs no lookup: "i", "og", "at" are common.
 */
const PERSON_TITLE_MIN_LENGTH = Math.min(4, ...[...HEAD_TITLES, ...STAFF_TITLES, ...STATE_HEAD_TITLES].map((t) => t.length));
export function isPersonTitle(word: string): boolean {
  if (word.length < PERSON_TITLE_MIN_LENGTH) return false;
  let known = personTitleCache.get(word);
  if (known === undefined) {
    const w = word.toLowerCase();
    known = HEAD_TITLES.has(w) || STAFF_TITLES.has(w) || STATE_HEAD_TITLES.has(w) || /(?:chef|direktør|minister|formand|leder|rådgiver)(?:en)?$/.test(w);
    // The cache only ever holds words seen in articles; bound it so a huge input cannot grow it without limit.
    if (personTitleCache.size > 50_000) personTitleCache.clear();
    personTitleCache.set(word, known);
  }
  return known;
}

/** Nouns before a name that say the name is a company ("selskabet X", "nyhedsbureauet Reuters"). */
export const COMPANY_CUE_NOUNS = new Set([
  'selskabet', 'virksomheden', 'firmaet', 'koncernen', 'producenten', 'smartphoneproducent', 'smartphoneproducenten',
  'chipproducenten', 'teleselskabet', 'it-virksomheden', 'it-selskabet', 'techgiganten', 'tech-giganten', 'it-giganten',
  'giganten', 'tele-giganten', 'konkurrenten', 'leverandøren', 'nyhedsbureauet', 'nyhedsbureau', 'avisen', 'mediet',
  'tv-stationen', 'tv-kanalen', 'netmediet', 'fagmediet', 'magasinet', 'bureauet', 'banken', 'startup', 'startuppen',
  'softwarehuset', 'konsulenthuset', 'rådgivningsfirmaet', 'mobilproducenten', 'netværksudstyrsleverandøren',
  'bilproducenten', 'medicinalvirksomheden', 'kæden', 'butikskæden', 'platformen', 'tjenesten', 'appen',
]);
/** Cue nouns that mark a news medium (a CITES target). */
export const MEDIA_CUE_NOUNS = new Set([
  'nyhedsbureauet', 'nyhedsbureau', 'avisen', 'mediet', 'tv-stationen', 'tv-kanalen', 'netmediet', 'fagmediet', 'magasinet',
  'nyhedsmediet', 'dagbladet', 'ugebrevet', 'fagbladet', 'branchemediet', 'netavisen', 'nyhedssitet', 'tidsskriftet',
  'nyhedsbrevet', 'lokalavisen', 'ugeavisen', 'erhvervsmediet', 'erhvervsavisen', 'radiokanalen', 'mediehuset',
  'fagmagasinet', 'onlinemediet', 'nichemediet', 'morgenavisen', 'regionalavisen', 'fagbladene', 'dagbladene',
]);

/** Prepositions after which a country or city is a location: "i Japan", "fra Hong Kong". */
export const LOCATIVE_PREPOSITIONS = new Set(['i', 'fra', 'til', 'på', 'ved', 'omkring', 'uden for', 'rundt i', 'over', 'gennem', 'nær', 'inden for']);

/** Capitalised words that start sentences but are never names. */
export const NEVER_NAMES = new Set([
  'Han', 'Hun', 'Hen', 'De', 'Den', 'Det', 'Der', 'Dette', 'Disse', 'Vi', 'Jeg', 'Du', 'I', 'Man', 'Men', 'Og', 'Eller', 'Nu',
  'Her', 'Så', 'Da', 'Når', 'Hvis', 'Selv', 'Efter', 'Før', 'For', 'Fra', 'Til', 'Med', 'Om', 'På', 'Af', 'Ved', 'Under',
  'Over', 'Mellem', 'Også', 'Ifølge', 'Samtidig', 'Derfor', 'Dog', 'Endnu', 'Eksempelvis', 'Blandt', 'Hvad', 'Hvem',
  'Hvor', 'Hvordan', 'Hvorfor', 'Hvilke', 'Hvilken', 'Ikke', 'Ingen', 'Alle', 'Flere', 'Mange', 'Nogle', 'En', 'Et', 'Ét',
  'Sin', 'Sit', 'Sine', 'Hans', 'Hendes', 'Deres', 'Vores', 'Min', 'Mit', 'Mine', 'Læs', 'Se', 'Tag', 'Få', 'Hør', 'Mød',
  'Ja', 'Nej', 'Tak', 'Også', 'Midt', 'Trods', 'Uden', 'Imens', 'Mens', 'Siden', 'Inden', 'Både', 'Enten', 'Hverken',
  'Kilde', 'Foto', 'Artikel', 'Artiklen', 'Opdateret', 'Opdatering', 'Nyt', 'Ny', 'Nye', 'Forfremmelse', 'Navnenyt',
]);

/** Personal pronouns that refer back to the last person (and their case forms). */
export const PERSON_PRONOUNS = new Set(['han', 'hun', 'hen', 'ham', 'hende']);
/** Definite nouns that refer back to the last company. */
export const COMPANY_ANAPHORS = new Set(['selskabet', 'selskabets', 'virksomheden', 'virksomhedens', 'firmaet', 'firmaets', 'koncernen', 'koncernens']);

/** Danish stop words that end a capitalised name run ("Microsoft og Intel", "Huawei i Kina"). */
export const FUNCTION_WORDS = new Set([
  'og', 'eller', 'i', 'på', 'til', 'fra', 'med', 'af', 'for', 'om', 'at', 'som', 'der', 'den', 'det', 'de', 'en', 'et', 'er',
  'var', 'har', 'havde', 'vil', 'skal', 'kan', 'ikke', 'mod', 'hos', 'ved', 'efter', 'under', 'over', 'mellem',
]);

/** Connector words allowed inside an English-style name ("Head of", "Bank of America", "Marketing & Communications"). */
export const NAME_CONNECTORS = new Set(['of', '&', 'and', 'for', 'the', 'de', 'van', 'von', 'der', 'la', 'le', 'du', 'del', 'da', 'af']);
