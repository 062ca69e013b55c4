// The "try this" line over the MLP figures: from the phase diagram on screen (../tryHint.ts).
import { memo, useMemo } from 'react';
import { usePhase } from '../phaseStore';
import { useExplorer } from '../store';
import { linePolylines } from '../phaseGeometry';
import { tryHint } from '../tryHint';

export const TryHint = memo(function TryHint() {
  const plane = usePhase((s) => s.plane);
  const rows = usePhase((s) => s.diagram?.rows);
  const done = usePhase((s) => s.diagram !== null && s.diagram.elapsedMs !== null);
  const alphaMax = useExplorer((s) => s.params.alphaMax);
  const yNow = useExplorer((s) => (plane === 'gamma' ? s.params.gamma : s.params.delta));
  // The lines of a finished diagram only: a half-streamed one has no critical point yet.
  const lines = useMemo(() => (done && rows ? linePolylines(rows) : null), [done, rows]);
  const text = tryHint(plane, lines?.critical ?? [], (lines?.alphaSp.length ?? 0) > 0, alphaMax, yNow);
  return (
    <p className="try-hint" data-testid="try-hint">
      {text}
    </p>
  );
});
