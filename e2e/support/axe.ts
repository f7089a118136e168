import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

// axe-core (shipped inside the npm package, nothing fetched) checks WCAG 2 A and AA
// rules: contrast, names and roles, landmarks. Each main screen, in both themes.
// axe leaves text on the hatched "Not in …" boxes unmeasured (a gradient background);
// by hand, its worst case (muted text on a stripe) is 5.5:1 light and 6.2:1 dark.
/** WCAG 2 A/AA violations on the page as it is now, one line each (empty: none). */
export async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help}\n` +
      v.nodes
        .slice(0, 5)
        .map(
          (n) => `    ${n.target.join(' ')}: ${n.failureSummary?.split('\n').slice(1).join(' ')}`,
        )
        .join('\n'),
  );
}
