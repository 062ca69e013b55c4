// Starting a family's store and controller. The page starts the family of its first URL before React renders, so
// the theory worker loads and computes while the main bundle and the tab's view are still being evaluated.
import type { Family } from '../families/family';
import { useFamily } from './familyStore';
import { FAMILIES } from './families';

/** Families started for the page's life (keepAlive). */
const kept = new Set<string>();

/** Starts the shown family; returns its stop unless it is kept alive (started once for the page's life). */
export function startShown(f: Family): (() => void) | undefined {
  if (!f.keepAlive) return f.start();
  if (!kept.has(f.id)) {
    kept.add(f.id);
    f.start();
  }
}

/** Before the first render: the family of the URL, if it lives for the page (others start with their tab). */
export function startFirstFamily(): void {
  const model = useFamily.getState().model;
  const f = FAMILIES.find((x) => x.id === model) ?? FAMILIES[0];
  if (f.keepAlive) startShown(f);
  // The tab's view chunk loads while the main bundle renders, not after React first meets the lazy component.
  void f.View.preload().catch(() => {}); // a failed load is reported by the tab's boundary when it renders
}
