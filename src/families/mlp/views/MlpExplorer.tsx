// The teacher–student MLP family. The first screen (issue 20) holds the sticky parameter panel, a "try this" line,
// and ε(α) beside the phase diagram; notes, overlaps, simulations and the hardness panel follow below, mounted once
// the first curve is in, from their own chunk.
import { Suspense } from 'react';
import { lazyView } from '../../family';
import { Boundary, firstLine } from '../../../platform/ui/Boundary';
import { Controls } from './Controls';
import { EpsPlot } from './EpsPlot';
import { ActivationPanel, ErrorBanner, ReadoutPanel } from './Panels';
import { PhasePlot } from './PhasePlot';
import { TryHint } from './TryHint';
import { useExplorer } from '../store';
import './mlpLayout.css';

const BelowFirstScreen = lazyView(
  () => import('./BelowFirstScreen'),
  (m) => m.BelowFirstScreen,
);
const belowPending = <div className="below-first-screen-pending" aria-busy="true" />;

export function MlpExplorer() {
  // Below the first screen: mounted once the first curve is drawn (first view 1048 → 999 ms, one A/B run), from its
  // own chunk (1050 → 982 ms, 14 loads each, order alternated: the first view no longer loads or compiles it).
  const belowReady = useExplorer((s) => s.firstViewDone);
  return (
    <>
      <ErrorBanner />
      <main className="layout mlp-layout">
        <aside className="mlp-side" aria-label="parameters and values">
          <div className="area-controls">
            <Controls />
          </div>
          <div className="area-activation">
            <ActivationPanel />
          </div>
          <div className="area-readout">
            <ReadoutPanel />
          </div>
        </aside>
        <div className="plots">
          <TryHint />
          <div className="first-screen">
            <EpsPlot />
            <PhasePlot />
          </div>
          {belowReady ? (
            // A chunk that fails to load (offline before it was cached) stops these panels only, and says so.
            <Boundary
              fallback={(error) => (
                <p className="error-banner" role="alert" data-testid="below-first-screen-error">
                  The panels below (overlaps, Q(v), simulations, hardness) did not load: {firstLine(error)}. The curve,
                  the phase diagram and the controls above still work; reload the page to try again.
                </p>
              )}
            >
              <Suspense fallback={belowPending}>
                <BelowFirstScreen />
              </Suspense>
            </Boundary>
          ) : (
            belowPending
          )}
        </div>
      </main>
    </>
  );
}
