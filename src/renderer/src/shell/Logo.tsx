/** Two offset pages: the same event seen from two places. */
export function Logo() {
  return (
    <svg className="logo" viewBox="0 0 32 32" aria-hidden="true">
      <rect x="3" y="6" width="16" height="20" rx="3" className="logo-a" />
      <rect x="13" y="6" width="16" height="20" rx="3" className="logo-b" />
    </svg>
  );
}
