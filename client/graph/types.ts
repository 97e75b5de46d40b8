// Visual identity of each node label (color + shape), shared by the canvas stylesheet and the legend.
import { kindName, relationName } from '../i18n/labels.ts';

export type NodeShape =
  | 'ellipse'
  | 'round-rectangle'
  | 'hexagon'
  | 'round-octagon'
  | 'round-triangle'
  | 'diamond'
  | 'rectangle';

export interface TypeStyle {
  readonly color: string;
  /** Darker shade for borders and text on light backgrounds. */
  readonly border: string;
  readonly shape: NodeShape;
}

// Colours from a colour-blind-aware palette; the shape differs too, so type never rests on colour alone.
export const TYPE_STYLES: Readonly<Record<string, TypeStyle>> = Object.freeze({
  Person: { color: '#4C78A8', border: '#2F4B6E', shape: 'ellipse' },
  Company: { color: '#F58518', border: '#A3560B', shape: 'round-rectangle' },
  Government: { color: '#E45756', border: '#9C2B2A', shape: 'hexagon' },
  Organization: { color: '#54A24B', border: '#2F6529', shape: 'round-octagon' },
  Place: { color: '#72B7B2', border: '#3E7773', shape: 'round-triangle' },
  Event: { color: '#B279A2', border: '#76486A', shape: 'diamond' },
  Article: { color: '#9D9A96', border: '#5F5C58', shape: 'rectangle' },
});

/** Style for labels the client does not know yet (the server may grow new ones). */
export const UNKNOWN_TYPE_STYLE: TypeStyle = Object.freeze({
  color: '#BAB0AC',
  border: '#6F6966',
  shape: 'ellipse',
});

export function typeStyle(label: string): TypeStyle {
  return TYPE_STYLES[label] ?? UNKNOWN_TYPE_STYLE;
}

/** "EMPLOYED_BY" -> "employed by" / "ansat i": edge labels read as phrases in the UI language. */
export function relationLabel(type: string): string {
  return relationName(type);
}

/** "SANCTION_LIFTED" -> "Sanction lifted" / "Sanktion ophævet". */
export function kindLabel(kind: string): string {
  return kindName(kind);
}
