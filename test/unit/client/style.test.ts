// Unit tests: the stylesheet gives each node type its own colour and shape, and edges a width by support.
import { describe, expect, it } from 'vitest';
import { NODE_LABELS } from '../../../client/api/types.ts';
import { buildStylesheet } from '../../../client/graph/style.ts';
import { kindLabel, relationLabel, TYPE_STYLES, typeStyle, UNKNOWN_TYPE_STYLE } from '../../../client/graph/types.ts';

describe('type styles', () => {
  it('gives every node label a distinct colour and a distinct shape', () => {
    const styles = NODE_LABELS.map((l) => TYPE_STYLES[l]);
    expect(styles.every(Boolean)).toBe(true);
    expect(new Set(styles.map((s) => s.color)).size).toBe(NODE_LABELS.length);
    expect(new Set(styles.map((s) => s.shape)).size).toBe(NODE_LABELS.length);
  });

  it('falls back to a neutral style for labels the client does not know', () => {
    expect(typeStyle('Vessel')).toBe(UNKNOWN_TYPE_STYLE);
  });

  it('reads relation types and event kinds as words', () => {
    expect(relationLabel('EMPLOYED_BY')).toBe('employed by');
    expect(kindLabel('SANCTION_LIFTED')).toBe('Sanction lifted');
  });
});

describe('buildStylesheet', () => {
  const sheet = buildStylesheet();
  const rule = (selector: string) => sheet.find((r) => r.selector === selector);

  it('has a rule per node type setting its colour and shape', () => {
    for (const label of NODE_LABELS) {
      expect(rule(`node[type = "${label}"]`)?.style).toMatchObject({
        'background-color': TYPE_STYLES[label].color,
        shape: TYPE_STYLES[label].shape,
      });
    }
  });

  it('maps edge width to support and labels edges with their relation', () => {
    expect(rule('edge')?.style.width).toMatch(/^mapData\(support,/);
    expect(rule('edge')?.style.label).toBe('data(caption)');
  });

  it('draws co-mentions fainter and thinner than the thinnest fact', () => {
    const co = rule('edge[type = "CO_MENTIONED"]')?.style;
    expect(co?.label).toBe('');
    expect(Number(co?.width)).toBeLessThan(1.2);
    expect(Number(co?.opacity)).toBeLessThan(1);
  });

  it('sizes nodes from their data and brings labels back on hover and selection', () => {
    expect(rule('node')?.style.width).toBe('data(size)');
    expect(rule('node')?.style['text-events']).toBe('yes');
    expect(rule('node.near, node.hovered, node:selected')?.style['min-zoomed-font-size']).toBe(0);
    expect(Number(rule('.faded')?.style.opacity)).toBeLessThan(0.5);
  });

  it('hides labels that would be unreadably small', () => {
    expect(rule('node')?.style['min-zoomed-font-size']).toBeGreaterThan(0);
  });

  it('drops edge labels and curves for large graphs', () => {
    const large = buildStylesheet({ large: true });
    const edge = large.find((r) => r.selector === 'edge');
    expect(edge?.style.label).toBe('');
    expect(edge?.style['curve-style']).toBe('haystack');
  });

  it('styles highlights and filtered elements', () => {
    for (const selector of ['.filtered', 'node.created', 'node.merged', 'node.path', 'edge.path', 'node.pinned']) {
      expect(rule(selector), selector).toBeDefined();
    }
    expect(rule('.filtered')?.style.display).toBe('none');
  });
});
