/** A 20×20 line icon drawn in the text colour; decorative, so hidden from screen readers. */
export function Icon({ d, strokeWidth = 1.7 }: { d: string; strokeWidth?: number }) {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" className="button-icon">
      <path
        d={d}
        fill="none"
        stroke="currentColor"
        strokeWidth={strokeWidth}
        strokeLinecap="round"
        strokeLinejoin="round"
      />
    </svg>
  );
}
