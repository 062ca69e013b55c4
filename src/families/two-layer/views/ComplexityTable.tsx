// The lecture's sample-complexity table (literature; docs/physics/two-layer-lecture.md §5), with the rows the panel can
// simulate linked to their simulation.
import { useTwoLayer } from '../store';
import { twoLayerController } from '../controller';

interface Row {
  target: string;
  kernels: string;
  sgd: string;
  amp: string;
  ell?: number; // online SGD simulation with this information exponent
}

const ROWS: Row[] = [
  { target: 'z', kernels: 'n ~ d', sgd: 'd (ℓ = 1)', amp: 'any α > 0', ell: 1 },
  { target: 'z²', kernels: 'd²', sgd: 'd log d (ℓ = 2)', amp: 'α > 1/2 (noiseless)', ell: 2 },
  { target: 'z³ − 3z', kernels: 'd³', sgd: 'd² (ℓ = 3)', amp: 'Θ(d)', ell: 3 },
  { target: 'z1 z2', kernels: 'd²', sgd: 'd log d (leap 2)', amp: 'Θ(d)' },
  { target: 'z1 z2 z3', kernels: 'd³', sgd: 'd² (leap 3)', amp: 'Θ(d)' },
  {
    target: 'sign(z1 z2 z3)',
    kernels: 'no finite degree',
    sgd: 'd² (leap 3)',
    amp: 'hard: d^(3/2) in polynomial time',
  },
];

export function ComplexityTable() {
  const set = useTwoLayer((s) => s.setParam);
  return (
    <section className="tl-section" aria-label="sample complexity">
      <h2>Sample complexity (literature)</h2>
      <table className="kv tl-table" data-testid="complexity-table">
        <thead>
          <tr>
            <th>target</th>
            <th>kernels</th>
            <th>one-pass SGD</th>
            <th>AMP / best first-order</th>
            <th>in this panel</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((r) => (
            <tr key={r.target}>
              <td>{r.target}</td>
              <td>{r.kernels}</td>
              <td>{r.sgd}</td>
              <td>{r.amp}</td>
              <td>
                {r.ell ? (
                  <button
                    type="button"
                    className="link"
                    data-testid={`complexity-sim-${r.ell}`}
                    onClick={() => {
                      set('ell', r.ell!);
                      // the store update is synchronous: the run picks up the new ℓ
                      void twoLayerController()?.runSgd(5);
                      document
                        .querySelector('[data-testid="plot-sgd-m"]')
                        ?.scrollIntoView({ behavior: 'smooth', block: 'center' });
                    }}
                  >
                    simulate SGD (ℓ = {r.ell})
                  </button>
                ) : (
                  '—'
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        Sources: Mei–Misiakiewicz–Montanari 2022 (arXiv 2101.10588), Ghorbani et al. 2021 (arXiv 1904.12191); Ben
        Arous–Gheissari–Jagannath 2021 (arXiv 2003.10409); Abbe–Boix-Adserà–Misiakiewicz 2022/2023 (arXiv 2202.08658,
        2302.11055); Mondelli–Montanari 2018 (arXiv 1708.05932); Barbier et al. 2019 (arXiv 1708.03395); Troiani et al.
        2024/2025 (arXiv 2403.04234); Damian et al. 2024 (arXiv 2403.05529). The kernel column at n ∝ d is the linear
        floor of the panel above.
      </p>
    </section>
  );
}
