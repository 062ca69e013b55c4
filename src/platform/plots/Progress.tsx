// A solve's progress beside a figure's caption: "computing…", with a bar and "12/40 α" where the family's store
// knows how much is done. It fades in after 0.3 s (CSS), so a quick solve never flashes it.
import type { Busy } from './busy';
import './plots.css';

export function Progress({ busy, testId }: { busy: Busy | undefined; testId?: string }) {
  if (!busy) return null;
  const counted = typeof busy === 'object' && busy.total > 0 ? busy : null;
  const done = counted ? Math.min(counted.done, counted.total) : 0;
  return (
    <span className="busy solve-progress" data-testid={testId}>
      {' · '}
      <progress
        max={counted ? counted.total : undefined}
        value={counted ? done : undefined}
        aria-label="computing"
      />{' '}
      computing…
      {counted && ` ${counted.phase ?? `${done}/${counted.total}${counted.unit ? ` ${counted.unit}` : ''}`}`}
    </span>
  );
}
