// Unit tests: the view survives a round trip through the URL hash.
import { describe, expect, it } from 'vitest';
import { decodeView, EMPTY_URL_VIEW, encodeView, type UrlView } from '../../../client/state/url.ts';

describe('URL view encoding', () => {
  it('round-trips nodes, hidden, pinned, filters and selection', () => {
    const view: UrlView = {
      nodes: ['c1', 'g1', 'ev:2019/05'],
      hidden: ['g1'],
      pinned: ['c1'],
      filters: {
        coMentions: true,
        hiddenTypes: ['Article'],
        hiddenRelations: ['CO_MENTIONED'],
        hiddenKinds: ['MEETING'],
        from: '2019-01-01',
        to: '2021-12-31',
      },
      selection: 'c1',
    };
    const hash = encodeView(view);
    expect(decodeView(hash)).toEqual(view);
    expect(decodeView(`#${hash}`)).toEqual(view);
  });

  it('keeps ids containing separators and non-ASCII characters intact', () => {
    const view: UrlView = {
      ...EMPTY_URL_VIEW,
      nodes: ['a,b', 'x&y=z', 'Københavns Universitet', '4:7f3a#12', '50% off'],
      selection: 'a,b',
    };
    expect(decodeView(encodeView(view))).toEqual(view);
  });

  it('encodes an empty view as an empty hash and decodes garbage to an empty view', () => {
    expect(encodeView(EMPTY_URL_VIEW)).toBe('');
    expect(decodeView('')).toEqual(EMPTY_URL_VIEW);
    expect(decodeView('#%%%&=&foo')).toEqual(EMPTY_URL_VIEW);
  });

  it('keeps co-mentions off unless the link turns them on', () => {
    expect(decodeView('n=c1').filters.coMentions).toBe(false);
    expect(encodeView({ ...EMPTY_URL_VIEW, nodes: ['c1'] })).toBe('n=c1');
    expect(
      decodeView(encodeView({ ...EMPTY_URL_VIEW, filters: { ...EMPTY_URL_VIEW.filters, coMentions: true } })),
    ).toMatchObject({ filters: { coMentions: true } });
  });

  it('ignores malformed dates instead of filtering on them', () => {
    const v = decodeView('n=c1&from=yesterday&to=2020-02-30x');
    expect(v.nodes).toEqual(['c1']);
    expect(v.filters.from).toBeNull();
    expect(v.filters.to).toBeNull();
  });
});
