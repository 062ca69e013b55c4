// Text panels: activation facts, values at the selected α, the model's notes, and the error banner.
import { memo } from 'react';
import type { BranchSolution, ShallowPoint } from '../../../physics/types';
import { useExplorer } from '../store';
import { formatValue } from '../../../platform/plots/scales';
import { r2Offset, vGroups } from '../overlapSeries';
import { nearestPoint } from '../../../platform/plots/branches';
import { vLabel } from './OverlapPlot';
import { shownText } from '../../../platform/ui/fields';
import { alphaSpText, spinodalsText } from './transitionText';

export const ActivationPanel = memo(function ActivationPanel() {
  const a = useExplorer((s) => s.activation);
  if (!a) return null;
  if (a.error) {
    return (
      <section className="panel activation" aria-label="activation">
        <p className="expr-error" data-testid="activation-error">
          {a.error}
        </p>
      </section>
    );
  }
  const info = a.info;
  if (!info) return null;
  return (
    <section className="panel activation" aria-label="activation" data-testid="activation-info">
      <h2>
        σ = {info.label}
        {info.formula && info.formula !== info.label && <span className="formula"> · {info.formula}</span>}
      </h2>
      <table className="kv mu">
        <thead>
          <tr>
            {[0, 1, 2, 3, 4].map((l) => (
              <th key={l}>
                μ<sub>{l}</sub>
              </th>
            ))}
            <th>g(1)</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            {info.mu.slice(0, 5).map((m, l) => (
              <td key={l} data-testid={`mu-${l}`}>
                {formatValue(Math.abs(m) < 1e-12 ? 0 : m, 4)}
              </td>
            ))}
            <td data-testid="g1">{formatValue(Math.abs(info.g1) < 1e-14 ? 0 : info.g1, 4)}</td>
          </tr>
        </tbody>
      </table>
      <p className="hint">
        Hermite coefficients μ<sub>ℓ</sub> = E[σ(z) He<sub>ℓ</sub>(z)]; g(1) = E σ² − μ₀² − μ₁² − μ₂²/2 is the part
        beyond order 2 that only specialisation can learn.
      </p>
    </section>
  );
});

function Row({ k, v, testId, title }: { k: React.ReactNode; v: React.ReactNode; testId?: string; title?: string }) {
  return (
    <tr title={title}>
      <th>{k}</th>
      <td data-testid={testId}>{v}</td>
    </tr>
  );
}

/** A row label with a subscript: sub('ε', 'opt') is ε<sub>opt</sub>. */
const sub = (base: string, subscript: string) => (
  <>
    {base}
    <sub>{subscript}</sub>
  </>
);

function conv(b: BranchSolution | null): string {
  if (!b) return '—';
  return `${b.converged ? 'converged' : 'NOT converged'} · ${b.iterations} it · res ${formatValue(b.residual, 2)}`;
}

export const ReadoutPanel = memo(function ReadoutPanel() {
  const curve = useExplorer((s) => s.curve);
  const point = useExplorer((s) => s.point);
  const alpha = useExplorer((s) => s.params.alpha);
  const failed = useExplorer((s) => s.computeError !== null && !s.computing);
  if (!curve) {
    return (
      <section className="panel readout">
        <h2>At the selected α</h2>
        {/* With no valid result yet (a bad expression on first load), say so rather than "computing…" for good. */}
        <p className="hint">{failed ? 'no result: see the message above' : 'computing…'}</p>
      </section>
    );
  }
  let p: ShallowPoint | null;
  let exact = false;
  if (point && point.key === curve.key && point.alpha === alpha) {
    p = point.value;
    exact = true;
  } else {
    p = nearestPoint(curve.points, alpha);
  }
  const { v, p: pv } = curve.header.atoms;
  const offset = r2Offset(curve.params.gamma, v, pv);
  const groups = vGroups(v, pv, 5);
  const eq = p ? (p.equilibrium === 'specialised' && p.specialised ? p.specialised : p.universal) : null;
  const t = curve.transition;
  return (
    <section className="panel readout" aria-label="values at the selected alpha">
      <h2>
        At <i>α</i> = {p ? formatValue(p.alpha, 4) : formatValue(alpha, 4)}
        {!exact && p && <span className="hint"> (nearest grid point)</span>}
      </h2>
      {p && eq && (
        <table className="kv">
          <tbody>
            <Row
              k={sub('ε', 'opt')}
              v={formatValue(p.eps)}
              testId="readout-eps"
              title="Bayes-optimal test error (equilibrium branch)"
            />
            <Row
              k={sub('ε', 'uni')}
              v={formatValue(p.epsUni)}
              testId="readout-eps-uni"
              title="universal branch (what uninformed algorithms reach)"
            />
            <Row
              k="equilibrium"
              v={<span className={`tag ${p.equilibrium}`}>{p.equilibrium}</span>}
              testId="readout-branch"
            />
            <Row k={<>f (universal)</>} v={formatValue(p.universal.f)} />
            <Row k={<>f (specialised)</>} v={p.specialised ? formatValue(p.specialised.f) : 'none found'} />
            <Row k={sub('R', '2')} v={formatValue(eq.R2)} />
            <Row
              k={
                <>
                  R<sub>2</sub> − (ρ<sub>2</sub> − 1)
                </>
              }
              v={formatValue(eq.R2 - offset)}
            />
            {groups.map((g) => (
              <Row
                key={g.index}
                k={vLabel(g.absV, groups.length === 1 && v.length === 1)}
                v={formatValue(eq.Q[g.index])}
              />
            ))}
            <Row k="universal solve" v={conv(p.universal)} />
            <Row k="specialised solve" v={conv(p.specialised)} />
          </tbody>
        </table>
      )}
      <table className="kv transition">
        <tbody>
          <Row
            k={sub('α', 'sp')}
            testId="readout-alpha-sp"
            v={
              curve.transitionState === 'pending' || curve.transitionState === 'idle'
                ? curve.complete
                  ? 'searching…'
                  : '—'
                : t
                  ? t.alphaSp !== null
                    ? alphaSpText(t)
                    : curve.header.pinnedUniversal
                      ? 'none (Q pinned to 0)'
                      : `none below α = ${t.alphaMax}`
                  : 'search failed'
            }
          />
          {t && t.alphaOnset !== null && (t.alphaSp === null || t.alphaSp - t.alphaOnset > 1e-3) && (
            <Row
              k="onset of Q ≠ 0"
              v={`α ≈ ${formatValue(t.alphaOnset, 4)} (equilibrium leaves Q = 0)`}
              testId="readout-alpha-onset"
            />
          )}
          {t && spinodalsText(t) !== null && <Row k="spinodals" v={spinodalsText(t)!} />}
          <Row
            k="curve"
            v={`${curve.points.length} points${curve.elapsedMs !== null ? ` in ${Math.round(curve.elapsedMs)} ms` : ''}${curve.cached ? ' (cached)' : ''}`}
          />
        </tbody>
      </table>
    </section>
  );
});

/** α values (rounded) of curve points whose universal or equilibrium solve did not converge. */
function unconvergedAlphas(points: ShallowPoint[]): string[] {
  const bad: string[] = [];
  for (const p of points) {
    const eq = p.equilibrium === 'specialised' ? p.specialised : p.universal;
    if (!p.universal.converged || !eq || !eq.converged) bad.push(p.alpha.toPrecision(3));
  }
  return bad;
}

export const Notes = memo(function Notes() {
  const header = useExplorer((s) => s.curve?.header);
  const points = useExplorer((s) => s.curve?.points);
  if (!header) return null;
  const bad = points ? unconvergedAlphas(points) : [];
  return (
    <section className="notes" data-testid="model-notes" aria-label="notes on the theory">
      {header.theoryUnverified && <span className="tag warn">theory unverified</span>}
      {header.pinnedUniversal && <span className="tag">Q pinned to 0</span>}
      {bad.length > 0 && (
        <p className="tag warn" data-testid="convergence-warning">
          The saddle-point solver did not converge at {bad.length} of {points!.length} α points (α ={' '}
          {bad.slice(0, 6).join(', ')}
          {bad.length > 6 ? ', …' : ''}); the values there are the last iterate, not a solution.
        </p>
      )}
      <ul>
        {header.notes.map((n, i) => (
          <li key={i}>{n}</li>
        ))}
      </ul>
    </section>
  );
});

export const ErrorBanner = memo(function ErrorBanner() {
  const worker = useExplorer((s) => s.workerMessage);
  const compute = useExplorer((s) => s.computeError);
  const url = useExplorer((s) => s.urlErrors);
  const dismiss = useExplorer((s) => s.dismissUrl);
  const hasCurve = useExplorer((s) => s.curve !== null);
  const lines: { key: string; text: string }[] = [];
  if (worker) lines.push({ key: 'worker', text: worker });
  if (compute) {
    const what = { param: 'Invalid parameter', activation: 'Activation', solver: 'Solver error', worker: 'Worker' }[
      compute.kind
    ];
    lines.push({ key: 'compute', text: shownText(`${what}: ${compute.message}`, hasCurve) });
  }
  url.forEach((u, i) => lines.push({ key: `url${i}`, text: u }));
  if (lines.length === 0) return null;
  return (
    <div className="error-banner" role="alert" data-testid="error-banner">
      <ul>
        {lines.map((l) => (
          <li key={l.key}>{l.text}</li>
        ))}
      </ul>
      {url.length > 0 && (
        <button type="button" onClick={dismiss} aria-label="dismiss link messages">
          dismiss
        </button>
      )}
    </div>
  );
});
