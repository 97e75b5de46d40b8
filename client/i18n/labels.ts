// Names of the graph's vocabulary (node labels, relation types, event kinds) in the UI language.
import { dictionary, getLang, type Lang, type MessageKey } from './index.ts';

function lookup(key: string, lang: Lang): string | undefined {
  const dict = dictionary(lang) as Readonly<Record<string, string>>;
  return dict[key];
}

/** "Company" -> "Virksomhed"; a label the client does not know is shown as the server names it. */
export function typeName(label: string, lang: Lang = getLang()): string {
  return lookup(`type.${label}`, lang) ?? label;
}

/** "Company" -> "Virksomheder" (legend, filters, search groups). */
export function typePlural(label: string, lang: Lang = getLang()): string {
  return lookup(`types.${label}`, lang) ?? lookup('types.other' satisfies MessageKey, lang) ?? label;
}

/** "EMPLOYED_BY" -> "ansat i" / "employed by"; unknown types read as phrases ("NEW_TYPE" -> "new type"). */
export function relationName(type: string, lang: Lang = getLang()): string {
  return lookup(`rel.${type}`, lang) ?? type.toLowerCase().replace(/_/g, ' ');
}

/** "SANCTION_LIFTED" -> "Sanktion ophævet" / "Sanction lifted"; unknown kinds capitalised as phrases. */
export function kindName(kind: string, lang: Lang = getLang()): string {
  const known = lookup(`kind.${kind}`, lang);
  if (known) return known;
  const s = kind.toLowerCase().replace(/_/g, ' ');
  return s.charAt(0).toUpperCase() + s.slice(1);
}
