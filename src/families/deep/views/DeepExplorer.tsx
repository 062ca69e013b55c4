// The deep family (L = 2, arXiv 2510.24616 Result 3): controls, ε(α) with its branches, layer-wise overlaps,
// the first-layer profile Q1(s), the values at the selected α, notes and refusals.
import { memo } from 'react';
import { formatValue } from '../../../platform/plots/scales';
import { nearestDeepPoint, useDeep } from '../store';
import { DeepControls } from './DeepControls';
import { EpsBranchesPlot, OverlapsPlot, ProfilePlot } from './DeepPlots';
import { DeepSimPanel } from './DeepSimPanel';
import { AnyDepthExplorer } from './AnyDepthExplorer';
import './deep.css';
import { KeyValueTable } from '../../../platform/ui/fields';

const Messages = memo(function Messages() {
  const error = useDeep((s) => s.computeError);
  const depth = useDeep((s) => s.params.depth);
  const urlErrors = useDeep((s) => s.urlErrors);
  const dismiss = useDeep((s) => s.dismissUrl);
  return (
    <>
      {urlErrors.length > 0 && (
        <div className="error-banner" role="alert" data-testid="deep-url-errors">
          <ul>
            {urlErrors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
          <button type="button" onClick={dismiss}>
            dismiss
          </button>
        </div>
      )}
      {error && (
        <div className="error-banner deep-refusal" role="alert" data-testid="deep-error" data-kind={error.kind}>
          <p>
            <strong>
              {error.kind === 'param' || error.kind === 'activation'
                ? `Not covered by the L = ${depth} theory: `
                : 'Error: '}
            </strong>
            {error.message}
          </p>
        </div>
      )}
    </>
  );
});

const Readout = memo(function Readout() {
  const curve = useDeep((s) => s.curve);
  const alpha = useDeep((s) => s.params.alpha);
  const pt = curve ? nearestDeepPoint(curve.points, alpha) : null;
  if (!curve || !pt) return null;
  const eq = pt.eq;
  const rows: [string, string, string][] = [
    ['α (nearest grid point)', formatValue(pt.alpha, 4), 'deep-value-alpha'],
    ['equilibrium', pt.equilibrium, 'deep-value-branch'],
    ['ε_opt', formatValue(eq.eps), 'deep-value-eps'],
    ['f (free entropy)', formatValue(eq.f), 'deep-value-f'],
    ['mean Q1', formatValue(eq.Q1mean, 4), 'deep-value-q1'],
    ['mean Q2', formatValue(eq.Q2mean, 4), 'deep-value-q2'],
    ['Q2:1 (mean over v)', formatValue(eq.Q21mean, 4), 'deep-value-q21'],
    ['plateau (nothing learnt)', formatValue(curve.header.epsUniversal), 'deep-value-plateau'],
  ];
  const notConverged = curve.points.filter((p) => !p.eq.converged).length;
  return (
    <section className="panel" aria-label="values at the selected α" data-testid="deep-readout">
      <h2>At the selected α</h2>
      <KeyValueTable rows={rows} />
      {notConverged > 0 && (
        <p className="hint warn">The solver did not converge at {notConverged} α points of the curve.</p>
      )}
    </section>
  );
});

const Notes = memo(function Notes() {
  const curve = useDeep((s) => s.curve);
  return (
    <aside className="notes" data-testid="deep-notes">
      <ul>
        <li>
          Theory: replica-symmetric saddle point of arXiv 2510.24616 (Result 3) for L = 2, hypothesis μ0 = μ2 = 0 in
          both layers. Branches start from the authors’ four initialisations; the equilibrium is the point of largest
          free entropy (the s threshold of the specialised first-layer neurons is also optimised).
        </li>
        <li>Solid black: equilibrium. Dashed: other stationary points where they are metastable (lower f).</li>
        <li>
          Before the second layer specialises, ε and mean Q1 fall in small steps: each is one more |s| class of the
          100-point effective-readout grid (the authors’ discretisation, folded to 50 classes) switching on, largest |s|
          first. The steps are the discretisation; their trend is the theory’s.
        </li>
        {curve?.header.notes.map((n) => (
          <li key={n}>{n}</li>
        ))}
      </ul>
    </aside>
  );
});

export function DeepExplorer() {
  const depth = useDeep((s) => s.params.depth);
  if (depth >= 3)
    return (
      <>
        <Messages />
        <AnyDepthExplorer />
      </>
    );
  return (
    <>
      <Messages />
      <main className="layout deep-layout" data-testid="deep-explorer">
        <div className="area-controls">
          <DeepControls />
        </div>
        <div className="area-readout">
          <Readout />
        </div>
        <div className="plots">
          <EpsBranchesPlot />
          <Notes />
          <OverlapsPlot />
          <ProfilePlot />
          <DeepSimPanel />
        </div>
      </main>
    </>
  );
}
