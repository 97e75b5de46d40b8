// Small SVG of a node type's shape and colour, so the legend and filters match what the canvas draws.
import { type NodeShape, typeStyle } from './types.ts';

function polygon(sides: number, rotation: number, r = 7, c = 8): string {
  return Array.from({ length: sides }, (_, i) => {
    const a = rotation + (2 * Math.PI * i) / sides;
    return `${(c + r * Math.cos(a)).toFixed(2)},${(c + r * Math.sin(a)).toFixed(2)}`;
  }).join(' ');
}

function shapeElement(shape: NodeShape, fill: string, stroke: string) {
  const common = { fill, stroke, strokeWidth: 1.2, strokeLinejoin: 'round' as const };
  switch (shape) {
    case 'ellipse':
      return <circle cx={8} cy={8} r={6.5} {...common} />;
    case 'round-rectangle':
      return <rect x={1.5} y={3} width={13} height={10} rx={3} {...common} />;
    case 'rectangle':
      return <rect x={2.5} y={1.5} width={11} height={13} {...common} />;
    case 'hexagon':
      return <polygon points={polygon(6, 0)} {...common} />;
    case 'round-octagon':
      return <polygon points={polygon(8, Math.PI / 8)} {...common} />;
    case 'round-triangle':
      return <polygon points={polygon(3, -Math.PI / 2, 7.5, 9)} {...common} />;
    case 'diamond':
      return <polygon points={polygon(4, -Math.PI / 2)} {...common} />;
  }
}

export function ShapeIcon({ label, size = 16 }: { label: string; size?: number }) {
  const s = typeStyle(label);
  return (
    <svg width={size} height={size} viewBox="0 0 16 16" aria-hidden="true" className="shape-icon">
      {shapeElement(s.shape, s.color, s.border)}
    </svg>
  );
}
