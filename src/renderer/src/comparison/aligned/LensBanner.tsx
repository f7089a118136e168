import type { TextComparisonResult } from '../../../../shared/engine';

type Lens = TextComparisonResult['lenses'][number];

interface LensBannerProps {
  lens: Lens;
  outlets: { a: string; b: string };
  shown: number;
  total: number;
}

/**
 * What the active lens does to the rows, and — loudly — when an outlet never
 * mentions its topic at all: the claim-level blind spot a reader should not miss.
 */
export function LensBanner({ lens, outlets, shown, total }: LensBannerProps) {
  const absent = (['a', 'b'] as const).filter((side) => lens[side].absent);
  const alarms =
    absent.length === 2
      ? [`Neither ${outlets.a} nor ${outlets.b} mentions ${lens.name}`]
      : absent.map((side) => `${outlets[side]} never mentions ${lens.name}`);
  return (
    <div className="aligned-lens" data-testid="aligned-lens-banner">
      {alarms.map((alarm) => (
        <p key={alarm} className="lens-absent" role="alert">
          <span className="lens-absent-glyph" aria-hidden="true">
            !
          </span>
          {alarm}
        </p>
      ))}
      <p className="lens-note">
        Lens <strong>{lens.name}</strong>: showing the {shown} of {total} rows where either outlet
        mentions it; its words are <span className="lens-term">highlighted</span>.
      </p>
    </div>
  );
}
