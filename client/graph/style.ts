// The cytoscape stylesheet: color and shape by node type, edge width by support, classes for highlights.
import { TYPE_STYLES, UNKNOWN_TYPE_STYLE } from './types.ts';

export interface StyleRule {
  selector: string;
  style: Record<string, string | number>;
}

export interface StylesheetOptions {
  /** Large graphs drop edge labels and use straight "haystack" edges, which draw much faster. */
  large: boolean;
}

/** Above this many elements the large-graph stylesheet and viewport shortcuts are used. */
export const LARGE_GRAPH_ELEMENTS = 800;

/** Node labels smaller than this on screen are not drawn (at font 11: below zoom 0.73), unless hovered or selected. */
export const LABEL_MIN_SCREEN_PX = 8;

/** Co-mention edges: thinner than the thinnest fact (1.2 px) and see-through. */
export const CO_MENTION_WIDTH = 0.8;
export const CO_MENTION_OPACITY = 0.5;

export const HIGHLIGHT_COLORS = Object.freeze({
  created: '#2B8A3E',
  merged: '#E8590C',
  path: '#D6336C',
  selected: '#1C7ED6',
});

export function buildStylesheet(opts: StylesheetOptions = { large: false }): StyleRule[] {
  const rules: StyleRule[] = [
    {
      selector: 'node',
      style: {
        'background-color': UNKNOWN_TYPE_STYLE.color,
        'border-color': UNKNOWN_TYPE_STYLE.border,
        'border-width': 1.5,
        shape: UNKNOWN_TYPE_STYLE.shape,
        // From the weight's place among the drawn nodes (elements.ts nodeSizeScale), set by the canvas.
        width: 'data(size)',
        height: 'data(size)',
        label: 'data(caption)',
        // A click or double-click on the label counts as one on the node: event diamonds are small and their
        // labels large, and a click that missed the shape used to deselect (and a double-click did nothing).
        'text-events': 'yes',
        'font-family': 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif',
        'font-size': 11,
        color: '#1F2933',
        'text-valign': 'bottom',
        'text-halign': 'center',
        'text-margin-y': 4,
        // Wrapping measures every label when styles are applied: worth it for a readable few hundred
        // nodes, too slow for thousands (whose labels only show when zoomed in anyway).
        'text-wrap': opts.large ? 'none' : 'wrap',
        'text-max-width': '130px',
        'text-background-color': '#FFFFFF',
        'text-background-opacity': opts.large ? 0 : 0.8,
        'text-background-padding': '1px',
        'text-background-shape': 'roundrectangle',
        // Labels vanish when they would be unreadably small (below LABEL_MIN_SCREEN_PX): keeps zoomed-out views
        // calm and fast; hover and selection bring a node's label and its neighbours' back (rules below).
        'min-zoomed-font-size': opts.large ? 9 : LABEL_MIN_SCREEN_PX,
        'overlay-opacity': 0,
      },
    },
  ];
  for (const [label, s] of Object.entries(TYPE_STYLES)) {
    rules.push({
      selector: `node[type = "${label}"]`,
      style: { 'background-color': s.color, 'border-color': s.border, shape: s.shape },
    });
  }
  rules.push(
    { selector: 'node[type = "Event"]', style: { 'font-style': 'italic' } },
    { selector: 'node[more > 0]', style: { 'border-style': 'dashed', 'border-width': 2.5 } },
    {
      selector: 'edge',
      style: {
        width: 'mapData(support, 1, 8, 1.2, 7)',
        'line-color': '#A9B4C0',
        'curve-style': opts.large ? 'haystack' : 'bezier',
        'target-arrow-shape': opts.large ? 'none' : 'triangle',
        'target-arrow-color': '#A9B4C0',
        'arrow-scale': 0.8,
        label: opts.large ? '' : 'data(caption)',
        'font-size': 9,
        color: '#52606D',
        'text-rotation': 'autorotate',
        'text-background-color': '#FFFFFF',
        'text-background-opacity': 0.85,
        'text-background-padding': '1px',
        'min-zoomed-font-size': 8,
        'overlay-opacity': 0,
      },
    },
    // Co-mentions are the weakest signal: faint, thin and unlabeled (whatever their support) so facts stand out.
    {
      selector: 'edge[type = "CO_MENTIONED"]',
      style: {
        'line-style': 'dashed',
        'line-color': '#CBD2D9',
        width: CO_MENTION_WIDTH,
        opacity: CO_MENTION_OPACITY,
        'target-arrow-shape': 'none',
        label: '',
      },
    },
    {
      selector: 'edge[type = "MENTIONS"], edge[type = "REPORTS"], edge[type = "CITES"]',
      style: { 'line-color': '#D3D8DE', 'target-arrow-color': '#D3D8DE', label: '' },
    },
    // Event participation is already said by the diamond shape; the role is in the details panel.
    {
      selector: 'edge[type = "PARTICIPATES_IN"]',
      style: { 'line-color': '#C9B3C4', 'target-arrow-color': '#C9B3C4', label: '' },
    },
    { selector: '.filtered', style: { display: 'none' } },
    // Hover: the node and its neighbours keep full strength and show their labels at any zoom; the rest fades.
    { selector: '.faded', style: { opacity: 0.15 } },
    {
      selector: 'node.near, node.hovered, node:selected',
      style: { 'min-zoomed-font-size': 0, 'text-background-opacity': 0.9, 'z-index': 20 },
    },
    { selector: 'node.hovered', style: { 'font-weight': 'bold' } },
    { selector: 'edge.near', style: { 'z-index': 15, 'min-zoomed-font-size': 0 } },
    { selector: 'node.pinned', style: { 'border-width': 4, 'border-style': 'double', 'border-color': '#323F4B' } },
    { selector: '.dimmed', style: { opacity: 0.18 } },
    {
      selector: 'node.created',
      style: {
        'underlay-color': HIGHLIGHT_COLORS.created,
        'underlay-opacity': 0.35,
        'underlay-padding': 9,
        'underlay-shape': 'ellipse',
      },
    },
    {
      selector: 'node.merged',
      style: {
        'underlay-color': HIGHLIGHT_COLORS.merged,
        'underlay-opacity': 0.35,
        'underlay-padding': 9,
        'underlay-shape': 'ellipse',
      },
    },
    {
      selector: 'node.path',
      style: {
        'underlay-color': HIGHLIGHT_COLORS.path,
        'underlay-opacity': 0.3,
        'underlay-padding': 8,
        'underlay-shape': 'ellipse',
      },
    },
    {
      selector: 'edge.path',
      style: {
        'line-color': HIGHLIGHT_COLORS.path,
        'target-arrow-color': HIGHLIGHT_COLORS.path,
        width: 5,
        'z-index': 10,
        color: '#A61E4D',
      },
    },
    {
      selector: 'node:selected',
      style: { 'border-color': HIGHLIGHT_COLORS.selected, 'border-width': 4, 'border-style': 'solid' },
    },
    {
      selector: 'edge:selected',
      style: { 'line-color': HIGHLIGHT_COLORS.selected, 'target-arrow-color': HIGHLIGHT_COLORS.selected, width: 5 },
    },
  );
  return rules;
}
