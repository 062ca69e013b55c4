// Sliders and selects of the two-layer family; every control is a CLI flag and a URL key.
import { useTwoLayer } from '../store';
import { TWO_LAYER_ACTIVATIONS, TWO_LAYER_TARGETS } from '../params';
import { formatValue } from '../../../platform/plots/scales';
import type { TwoLayerParams } from '../service';

type NumKey = 'alpha' | 'beta' | 'noise' | 'alpha0' | 'eta' | 'ell' | 'd';

function Slider({ k, label, min, max, step, hint }: { k: NumKey; label: string; min: number; max: number; step: number; hint?: string }) {
  const value = useTwoLayer((s) => s.params[k]);
  const set = useTwoLayer((s) => s.set);
  return (
    <div className="control">
      <label htmlFor={`tl-${k}`}>
        <span>{label}</span>
        <span className="value" data-testid={`tl-value-${k}`}>
          {formatValue(value, 4)}
        </span>
      </label>
      <input id={`tl-${k}`} data-testid={`tl-slider-${k}`} type="range" min={min} max={max} step={step} value={value} onChange={(e) => set(k, Number(e.target.value) as TwoLayerParams[NumKey])} />
      {hint && <p className="hint">{hint}</p>}
    </div>
  );
}

// λ on a log slider with one extra position for λ → 0⁺.
const LAMBDA_MIN_LOG = -5;
function LambdaSlider() {
  const lambda = useTwoLayer((s) => s.params.lambda);
  const set = useTwoLayer((s) => s.set);
  const pos = lambda <= 0 ? LAMBDA_MIN_LOG - 0.25 : Math.max(LAMBDA_MIN_LOG, Math.log10(lambda));
  return (
    <div className="control">
      <label htmlFor="tl-lambda">
        <span>ridge λ</span>
        <span className="value" data-testid="tl-value-lambda">
          {lambda <= 0 ? '0⁺' : formatValue(lambda, 3)}
        </span>
      </label>
      <input
        id="tl-lambda"
        data-testid="tl-slider-lambda"
        type="range"
        min={LAMBDA_MIN_LOG - 0.25}
        max={0}
        step={0.05}
        value={pos}
        onChange={(e) => {
          const v = Number(e.target.value);
          set('lambda', v < LAMBDA_MIN_LOG ? 0 : Number((10 ** v).toPrecision(3)));
        }}
      />
      <p className="hint">far left: λ → 0⁺ (minimum-norm interpolation past p = n)</p>
    </div>
  );
}

export function TwoLayerControls() {
  const activation = useTwoLayer((s) => s.params.activation);
  const target = useTwoLayer((s) => s.params.target);
  const set = useTwoLayer((s) => s.set);
  return (
    <section className="panel controls" aria-label="two-layer parameters">
      <h2>Parameters</h2>
      <div className="control inline">
        <label htmlFor="tl-activation">activation σ</label>
        <select id="tl-activation" data-testid="tl-activation" value={activation} onChange={(e) => set('activation', e.target.value)}>
          {TWO_LAYER_ACTIVATIONS.map((a) => (
            <option key={a}>{a}</option>
          ))}
        </select>
      </div>
      <div className="control inline">
        <label htmlFor="tl-target">target g</label>
        <select id="tl-target" data-testid="tl-target" value={target} onChange={(e) => set('target', e.target.value)}>
          {TWO_LAYER_TARGETS.map((a) => (
            <option key={a}>{a}</option>
          ))}
        </select>
      </div>
      <Slider k="alpha" label="α = n/d (samples)" min={0.05} max={10} step={0.01} />
      <Slider k="beta" label="β = p/d (features)" min={0.05} max={6} step={0.01} />
      <LambdaSlider />
      <Slider k="noise" label="label noise σ_ε" min={0} max={1} step={0.01} />
      <Slider k="alpha0" label="α0 = n0/d (one-step batch)" min={0.25} max={16} step={0.25} />
      <Slider k="eta" label="η̃ (one step) · η (SGD; η0 for ℓ = 3)" min={0.05} max={1.9} step={0.05} />
      <Slider k="ell" label="information exponent ℓ (SGD target He_ℓ/√ℓ!)" min={1} max={3} step={1} />
      <Slider k="d" label="d (simulations)" min={20} max={300} step={10} />
    </section>
  );
}
