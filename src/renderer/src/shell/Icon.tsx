/** A 20×20 line icon drawn in the text colour; decorative, so hidden from screen readers. */
export function Icon({
  d,
  strokeWidth = 1.7,
  className = 'button-icon',
}: {
  d: string;
  strokeWidth?: number;
  /** Sizing class; '' leaves the size to the surrounding button's CSS. */
  className?: string;
}) {
  return (
    <svg viewBox="0 0 20 20" aria-hidden="true" className={className || undefined}>
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

/** The "×" of close and dismiss buttons. */
export const CloseIcon = () => <Icon d="M5 5l10 10M15 5L5 15" strokeWidth={1.8} className="" />;
