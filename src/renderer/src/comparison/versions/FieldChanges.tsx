import { Tag, TrackedWords } from './ChangeMarks';
import type { FieldChange } from './versionDiffModel';

export interface NamedField {
  name: 'headline' | 'deck' | 'byline';
  change: FieldChange;
}

/**
 * The headline, deck and byline of the newer version, each with its edits
 * since the older one marked the way the body's are, and labelled when changed.
 */
export function FieldChanges({ fields }: { fields: readonly NamedField[] }) {
  return (
    <div className="vd-fields" data-testid="version-fields">
      {fields.map(({ name, change }) => {
        if (change.kind === 'absent') return null;
        const Element = name === 'headline' ? 'h2' : 'p';
        const label =
          change.kind === 'changed' ? (
            <p className="vd-label">
              <Tag kind={change.cosmetic ? 'cosmetic' : 'changed'}>
                {capitalized(name)} changed
                {change.cosmetic ? ': spacing, quotes or punctuation' : ''}
              </Tag>
            </p>
          ) : null;
        return (
          <div
            key={name}
            className={`vd-field vd-field-${name}`}
            data-changed={change.kind === 'changed'}
          >
            {label}
            <Element className={`vd-${name}`} dir="auto">
              {change.kind === 'same' ? change.text : <TrackedWords parts={change.parts} />}
            </Element>
          </div>
        );
      })}
    </div>
  );
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
