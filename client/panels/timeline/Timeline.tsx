// Timeline of events: an SVG histogram with a brush to choose the date range the canvas shows.
import { useEffect, useMemo, useRef, useState } from 'react';
import type { TimelineEvent } from '../../api/types.ts';
import { plural, useI18n } from '../../i18n/index.ts';
import { DateField } from '../DateField.tsx';
import { binEvents } from './histogram.ts';

export interface TimelineProps {
  events: readonly TimelineEvent[];
  loading: boolean;
  error: string | null;
  onCanvas: ReadonlySet<string>;
  from: string | null;
  to: string | null;
  onRange: (from: string | null, to: string | null) => void;
  /** Event nodes on the canvas removed by the range. */
  hiddenByRange: number;
}

const HEIGHT_PX = 74;
const AXIS_PX = 16;
/** Width of one axis label ("2026-01" at 10 px). */
const AXIS_LABEL_PX = 44;

export function Timeline({ events, loading, error, onCanvas, from, to, onRange, hiddenByRange }: TimelineProps) {
  const { t } = useI18n();
  const wrap = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(600);
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);
  const { bins, undated } = useMemo(() => binEvents(events, onCanvas), [events, onCanvas]);

  useEffect(() => {
    const el = wrap.current;
    if (!el) return;
    const observer = new ResizeObserver(() => setWidth(el.clientWidth));
    observer.observe(el);
    setWidth(el.clientWidth);
    return () => observer.disconnect();
  }, []);

  const max = Math.max(1, ...bins.map((b) => b.count));
  const barW = bins.length > 0 ? width / bins.length : width;
  const chartH = HEIGHT_PX - AXIS_PX;
  const indexAt = (x: number) => Math.max(0, Math.min(bins.length - 1, Math.floor(x / barW)));
  const localX = (e: React.PointerEvent) => e.clientX - (e.currentTarget as SVGElement).getBoundingClientRect().left;

  // The committed range drawn as a band, in bin indexes.
  let band: [number, number] | null = null;
  if (drag) band = [Math.min(drag.a, drag.b), Math.max(drag.a, drag.b)];
  else if ((from || to) && bins.length > 0) {
    const i0 = from ? bins.findIndex((b) => b.end >= from) : 0;
    let i1 = bins.length - 1;
    if (to) {
      const after = bins.findIndex((b) => b.start > to);
      i1 = after === -1 ? bins.length - 1 : after - 1;
    }
    if (i0 !== -1 && i1 >= i0) band = [i0, i1];
  }

  const labelEvery = Math.max(1, Math.ceil(bins.length / Math.max(1, Math.floor(width / 70))));
  const inRange = events.filter(
    (e) => e.date && (!from || e.date.slice(0, 10) >= from) && (!to || e.date.slice(0, 10) <= to),
  ).length;

  return (
    <div className="timeline" data-testid="timeline">
      <div className="timeline-head">
        <strong>{t('timeline.title')}</strong>
        <span className="timeline-status muted small" title={t('timeline.dragTitle')}>
          {plural(events.length, 'timeline.events.one', 'timeline.events.other')}
          {undated > 0 ? ` ${t('timeline.undated', { count: undated })}` : ''}
          {` ${from || to ? t('timeline.inRange', { count: inRange }) : t('timeline.dragHint')}`}
          {hiddenByRange > 0 ? ` ${t('timeline.hiddenOnCanvas', { count: hiddenByRange })}` : ''}
        </span>
        <label className="small" htmlFor="timeline-from">
          {t('timeline.from')}{' '}
          <DateField
            id="timeline-from"
            value={from}
            onChange={(d) => onRange(d, to)}
            testId="timeline-from"
            label={t('timeline.fromDate')}
          />
        </label>
        <label className="small" htmlFor="timeline-to">
          {t('timeline.to')}{' '}
          <DateField
            id="timeline-to"
            value={to}
            onChange={(d) => onRange(from, d)}
            testId="timeline-to"
            label={t('timeline.toDate')}
          />
        </label>
        <button
          type="button"
          className="link small"
          onClick={() => onRange(null, null)}
          data-testid="timeline-clear"
          disabled={!from && !to}
        >
          {t('common.clear')}
        </button>
      </div>
      <div ref={wrap} className="timeline-chart">
        {error && <p className="error-text small">{t('timeline.unavailable', { error })}</p>}
        {!error && loading && events.length === 0 && <p className="muted small">{t('timeline.loading')}</p>}
        {!error && !loading && bins.length === 0 && <p className="muted small">{t('timeline.empty')}</p>}
        {bins.length > 0 && (
          <svg
            width={width}
            height={HEIGHT_PX}
            className="timeline-svg"
            data-testid="timeline-svg"
            onPointerDown={(e) => {
              (e.currentTarget as SVGElement).setPointerCapture(e.pointerId);
              const i = indexAt(localX(e));
              setDrag({ a: i, b: i });
            }}
            onPointerMove={(e) => {
              if (drag) setDrag({ ...drag, b: indexAt(localX(e)) });
            }}
            onPointerUp={() => {
              if (!drag) return;
              const [i0, i1] = [Math.min(drag.a, drag.b), Math.max(drag.a, drag.b)];
              setDrag(null);
              onRange(bins[i0].start, bins[i1].end);
            }}
          >
            <title>{t('timeline.svgTitle')}</title>
            {band && (
              <rect className="brush" x={band[0] * barW} y={0} width={(band[1] - band[0] + 1) * barW} height={chartH} />
            )}
            {bins.map((b, i) => {
              const h = (b.count / max) * (chartH - 6);
              const hc = (b.onCanvas / max) * (chartH - 6);
              const outside = band !== null && (i < band[0] || i > band[1]);
              return (
                <g key={b.start} className={outside ? 'outside' : undefined}>
                  <title>{t('timeline.barTitle', { label: b.label, count: b.count, onCanvas: b.onCanvas })}</title>
                  <rect className="bar" x={i * barW + 1} y={chartH - h} width={Math.max(1, barW - 2)} height={h} />
                  {hc > 0 && (
                    <rect
                      className="bar-canvas"
                      x={i * barW + 1}
                      y={chartH - hc}
                      width={Math.max(1, barW - 2)}
                      height={hc}
                    />
                  )}
                  {i % labelEvery === 0 && (
                    <text
                      // A label that would run past the right edge is drawn ending at it instead.
                      x={i * barW + 2 > width - AXIS_LABEL_PX ? width - 2 : i * barW + 2}
                      textAnchor={i * barW + 2 > width - AXIS_LABEL_PX ? 'end' : 'start'}
                      y={HEIGHT_PX - 3}
                      className="axis-label"
                    >
                      {b.label}
                    </text>
                  )}
                </g>
              );
            })}
            <line x1={0} x2={width} y1={chartH + 0.5} y2={chartH + 0.5} className="axis" />
          </svg>
        )}
      </div>
    </div>
  );
}
