// Each lens is told apart by a shape as well as its color, so readers who do
// not see the colors apart still can.

const SHAPES = {
  circle: <circle cx="6" cy="6" r="5" />,
  square: <rect x="1.25" y="1.25" width="9.5" height="9.5" rx="1" />,
  triangle: <path d="M6 0.8L11.3 10.8H0.7Z" />,
  diamond: <path d="M6 0.3L11.7 6L6 11.7L0.3 6Z" />,
  star: <path d="M6 0.4l1.7 3.7 4 .4-3 2.7.9 4-3.6-2.1-3.6 2.1.9-4-3-2.7 4-.4z" />,
  hexagon: <path d="M3 0.8h6l3 5.2-3 5.2H3L0 6z" />,
  plus: <path d="M4 0.5h4v3.5h3.5v4H8v3.5H4V8H0.5V4H4z" />,
  ring: <circle cx="6" cy="6" r="4" fill="none" strokeWidth="2.5" />,
} as const;

export type LensShape = keyof typeof SHAPES;

const ORDER = Object.keys(SHAPES) as LensShape[];

/** The shape of the lens at this position in the lens bar (repeats after eight). */
export function lensShape(index: number): LensShape {
  return ORDER[index % ORDER.length]!;
}

/** A small filled shape in the lens's color, outlined so it shows on either theme. */
export function LensMarker({ shape, color }: { shape: LensShape; color: string }) {
  return (
    <svg
      className="lens-chip-marker"
      viewBox="-0.5 -0.5 13 13"
      aria-hidden="true"
      fill={color}
      stroke={shape === 'ring' ? color : 'var(--lens-chip-marker-edge)'}
      strokeWidth={shape === 'ring' ? 2.5 : 0.8}
      strokeLinejoin="round"
    >
      {SHAPES[shape]}
    </svg>
  );
}
