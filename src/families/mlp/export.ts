// The data behind the MLP family's plots, as tables for CSV export (and the hover read-out): one row per α of
// the displayed curve, columns named after the physics (eps_opt = ε_opt, R2_shifted = R2 − (ρ2 − 1), Q_v… = Q(v)).
import type { CurveData } from './store';
import type { ExplorerParams } from './params';
import { encodeHash, toLink } from './params';
import { r2Offset, vGroups } from './overlapSeries';
import type { DataTable, ExportContext } from '../../platform/plots/export';
import type { PhaseRow } from '../../physics/mlp/phaseTypes';
import { DRAWN_LINES } from './phaseGeometry';

export function epsTable(curve: CurveData): DataTable {
  return {
    columns: [
      'alpha',
      'eps_opt',
      'equilibrium',
      'eps_universal',
      'eps_specialised',
      'f_universal',
      'f_specialised',
      'converged_universal',
      'converged_specialised',
    ],
    rows: curve.points.map((p) => [
      p.alpha,
      p.eps,
      p.equilibrium,
      p.universal.eps,
      p.specialised ? p.specialised.eps : null,
      p.universal.f,
      p.specialised ? p.specialised.f : null,
      p.universal.converged,
      p.specialised ? p.specialised.converged : null,
    ]),
  };
}

/** Column name of Q at |v| (`Q_v1`, `Q_v0.447`). */
const qName = (absV: number) => `Q_v${Number(absV.toPrecision(3))}`;

export function overlapTable(curve: CurveData): DataTable {
  const { v, p } = curve.header.atoms;
  const offset = r2Offset(curve.params.gamma, v, p);
  const groups = vGroups(v, p, 5);
  const columns = [
    'alpha',
    'equilibrium',
    'R2_shifted',
    ...groups.map((g) => qName(g.absV)),
    'R2_shifted_specialised',
    ...groups.map((g) => `${qName(g.absV)}_specialised`),
  ];
  const rows = curve.points.map((pt) => {
    const eq = pt.equilibrium === 'specialised' && pt.specialised ? pt.specialised : pt.universal;
    const sp = pt.specialised;
    return [
      pt.alpha,
      pt.equilibrium,
      eq.R2 - offset,
      ...groups.map((g) => eq.Q[g.index]),
      sp ? sp.R2 - offset : null,
      ...groups.map((g) => (sp ? sp.Q[g.index] : null)),
    ];
  });
  return { columns, rows };
}

/** Parameters under their CLI flag names and the share link (without page-level options such as present=1). */
export function mlpContext(params: ExplorerParams, base: string): ExportContext {
  const l = toLink(params);
  return {
    model: 'mlp',
    params: {
      activation: l.activation,
      gamma: l.gamma,
      delta: l.delta,
      readout: l.readout,
      weights: l.weights,
      alpha: l.alpha,
      'alpha-max': l.alphaMax,
    },
    url: base + encodeHash(params),
  };
}

/**
 * The phase diagram as a tidy grid: one row per computed (α, γ or Δ) sample with the equilibrium ε, the universal
 * ε, the state (PHASE_STATE_LABELS index) and Q per readout class, and on every row the α of each line drawn on it
 * (phaseGeometry.DRAWN_LINES: α_sp, onset, spinodals) and the row's order, so the lines come with the grid.
 */
export function phaseTable(plane: 'gamma' | 'delta', rows: readonly (PhaseRow | null)[]): DataTable {
  const done = rows.filter((r): r is PhaseRow => r !== null);
  const classes = done[0]?.classV2 ?? [];
  const columns = [
    plane,
    'alpha',
    'eps_opt',
    'eps_universal',
    'state',
    ...classes.map((v2) => qName(Math.sqrt(v2))),
    'line_alpha_sp',
    'line_onset',
    'line_spinodal_low',
    'line_spinodal_high',
    'order',
  ];
  const out: DataTable['rows'] = [];
  for (const r of done) {
    const l = r.line;
    const line = [...Object.values(DRAWN_LINES).map((at) => at(l)), l.order];
    for (const s of r.samples)
      out.push([r.y, s.alpha, s.epsOpt, s.epsUni, s.state, ...classes.map((_, k) => s.Q[k]), ...line]);
  }
  return { columns, rows: out };
}
