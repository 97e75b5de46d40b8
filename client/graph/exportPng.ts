// The PNG export: cytoscape's picture of the whole drawing with a legend strip under it (types, rings, lines, size).
import type { Core } from 'cytoscape';
import { NODE_LABELS } from '../api/types.ts';
import { t } from '../i18n/index.ts';
import { typeName } from '../i18n/labels.ts';
import { type NodeShape, typeStyle } from './types.ts';

/** Scale of the exported picture (2 = sharp on high-density screens and in print). */
export const EXPORT_SCALE = 2;
/** The legend's rows need this much width (CSS px); a smaller drawing is centred on a strip this wide. */
export const LEGEND_MIN_WIDTH_PX = 800;
/** Height of the legend strip in CSS px (before EXPORT_SCALE). */
export const LEGEND_STRIP_PX = 58;

/** What the strip's second row explains, in the canvas's own drawing. */
type MarkKind = 'dashed-ring' | 'double-ring' | 'size' | 'co-mention' | 'fact';

/** The marks the legend strip explains, in the UI language at the time of the export. */
function marks(): { kind: MarkKind; text: string }[] {
  return [
    { kind: 'fact', text: t('legend.png.relation') },
    { kind: 'co-mention', text: t('legend.coMention') },
    { kind: 'dashed-ring', text: t('legend.png.more') },
    { kind: 'double-ring', text: t('legend.pinned') },
    { kind: 'size', text: t('legend.png.size') },
  ];
}

function shapePath(g: CanvasRenderingContext2D, shape: NodeShape, x: number, y: number, r: number): void {
  g.beginPath();
  const poly = (sides: number, rotation: number) => {
    for (let i = 0; i < sides; i++) {
      const a = rotation + (2 * Math.PI * i) / sides;
      if (i === 0) g.moveTo(x + r * Math.cos(a), y + r * Math.sin(a));
      else g.lineTo(x + r * Math.cos(a), y + r * Math.sin(a));
    }
    g.closePath();
  };
  switch (shape) {
    case 'ellipse':
      g.arc(x, y, r, 0, 2 * Math.PI);
      break;
    case 'round-rectangle':
    case 'rectangle':
      g.rect(x - r, y - r * 0.8, 2 * r, 1.6 * r);
      break;
    case 'hexagon':
      poly(6, 0);
      break;
    case 'round-octagon':
      poly(8, Math.PI / 8);
      break;
    case 'round-triangle':
      poly(3, -Math.PI / 2);
      break;
    case 'diamond':
      poly(4, -Math.PI / 2);
      break;
  }
}

function drawMark(g: CanvasRenderingContext2D, kind: MarkKind, x: number, y: number): void {
  g.strokeStyle = '#52606D';
  g.fillStyle = '#FFFFFF';
  g.lineWidth = 1.5;
  g.setLineDash([]);
  if (kind === 'fact' || kind === 'co-mention') {
    g.strokeStyle = kind === 'fact' ? '#A9B4C0' : '#CBD2D9';
    g.lineWidth = kind === 'fact' ? 3 : 1;
    if (kind === 'co-mention') g.setLineDash([4, 3]);
    g.beginPath();
    g.moveTo(x - 10, y);
    g.lineTo(x + 10, y);
    g.stroke();
  } else if (kind === 'size') {
    g.beginPath();
    g.arc(x - 6, y, 3, 0, 2 * Math.PI);
    g.stroke();
    g.beginPath();
    g.arc(x + 5, y, 6, 0, 2 * Math.PI);
    g.stroke();
  } else {
    if (kind === 'dashed-ring') g.setLineDash([3, 2]);
    g.lineWidth = kind === 'double-ring' ? 3 : 2;
    g.beginPath();
    g.arc(x, y, 7, 0, 2 * Math.PI);
    g.stroke();
  }
  g.setLineDash([]);
}

/** The legend strip, `width` CSS px wide, drawn at EXPORT_SCALE. */
function legendStrip(width: number): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(width * EXPORT_SCALE);
  canvas.height = LEGEND_STRIP_PX * EXPORT_SCALE;
  const g = canvas.getContext('2d') as CanvasRenderingContext2D;
  g.scale(EXPORT_SCALE, EXPORT_SCALE);
  g.fillStyle = '#FFFFFF';
  g.fillRect(0, 0, width, LEGEND_STRIP_PX);
  g.fillStyle = '#E1E5EB';
  g.fillRect(0, 0, width, 1);
  g.font = '11px system-ui, "DejaVu Sans", sans-serif';
  g.textBaseline = 'middle';
  const row = (y: number, items: { draw: (x: number) => void; text: string }[]) => {
    let x = 14;
    for (const item of items) {
      item.draw(x + 8);
      g.fillStyle = '#3E4C59';
      g.fillText(item.text, x + 22, y);
      x += 22 + g.measureText(item.text).width + 14;
    }
  };
  row(
    17,
    NODE_LABELS.map((label) => ({
      text: typeName(label),
      draw: (x: number) => {
        const s = typeStyle(label);
        shapePath(g, s.shape, x, 17, 6.5);
        g.fillStyle = s.color;
        g.strokeStyle = s.border;
        g.lineWidth = 1.2;
        g.fill();
        g.stroke();
      },
    })),
  );
  row(
    41,
    marks().map((m) => ({ text: m.text, draw: (x: number) => drawMark(g, m.kind, x, 41) })),
  );
  return canvas;
}

/** The whole drawing (not just the viewport) on white, with the legend strip under it. */
export async function exportPngWithLegend(cy: Core): Promise<Blob> {
  const picture = await cy.png({
    output: 'blob-promise',
    full: true,
    scale: EXPORT_SCALE,
    bg: '#FFFFFF',
    maxWidth: 6000,
    maxHeight: 6000,
  });
  const image = await createImageBitmap(picture);
  const width = Math.max(image.width, LEGEND_MIN_WIDTH_PX * EXPORT_SCALE);
  const strip = legendStrip(width / EXPORT_SCALE);
  const out = document.createElement('canvas');
  out.width = width;
  out.height = image.height + strip.height;
  const g = out.getContext('2d') as CanvasRenderingContext2D;
  g.fillStyle = '#FFFFFF';
  g.fillRect(0, 0, out.width, out.height);
  g.drawImage(image, Math.round((width - image.width) / 2), 0);
  g.drawImage(strip, 0, image.height);
  return new Promise((resolve, reject) =>
    out.toBlob((blob) => (blob ? resolve(blob) : reject(new Error(t('error.pngEncode')))), 'image/png'),
  );
}
