// Keyboard of the family tab bar (WAI-ARIA tabs pattern, automatic activation): the bar is one Tab stop (the
// selected tab has tabIndex 0, the others −1); Left/Right move to the previous/next tab, wrapping, Home/End to the
// first/last, and the tab reached is activated at once.

/** The index of the tab a key moves to from `current` among `count` tabs, or null when the key is not the bar's. */
export function tabKeyTarget(key: string, current: number, count: number): number | null {
  if (count <= 0) return null;
  switch (key) {
    case 'ArrowLeft':
      return (current - 1 + count) % count;
    case 'ArrowRight':
      return (current + 1) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}

/** Ids linking a tab and the one panel every tab controls (it shows the selected family). */
export const tabId = (family: string) => `tab-${family}`;
export const TAB_PANEL_ID = 'family-tabpanel';
