// "Explain the model" for the MLP family: the teacher–student model, the error formula of the RS theory with the
// current activation's Hermite coefficients, and what the branches mean (arXiv 2510.24616, 2501.18530).
import { useExplorer } from '../store';
import { formatValue } from '../../../platform/plots/scales';
import { Tex } from '../../../platform/plots/Tex';
import { hermiteSeriesTex } from '../hermiteTex';

export function MlpExplain() {
  const info = useExplorer((s) => s.activation?.info ?? null);
  const gamma = useExplorer((s) => s.params.gamma);
  return (
    <div className="explain-body" data-testid="explain-mlp">
      <p>
        Teacher and student share one hidden layer of <Tex>{'k = \\gamma d'}</Tex> units (here{' '}
        <Tex>{`\\gamma = ${gamma}`}</Tex>), trained on <Tex>{'n = \\alpha d^2'}</Tex> samples with Gaussian inputs and
        label noise <Tex>{'\\Delta'}</Tex>:
      </p>
      <Tex block>
        {
          'y = \\frac{1}{\\sqrt{k}}\\, v^\\top \\sigma\\!\\Big(\\frac{W x}{\\sqrt d}\\Big) + \\sqrt{\\Delta}\\, z, \\qquad W \\in \\mathbb{R}^{k\\times d},\\; z\\sim\\mathcal N(0,1).'
        }
      </Tex>
      <p>
        The activation enters only through its Hermite coefficients{' '}
        <Tex>{'\\mu_\\ell = \\mathbb{E}[\\sigma(z)\\,\\mathrm{He}_\\ell(z)]'}</Tex>
        {info ? (
          <>
            ; for <b>{info.label}</b>:
          </>
        ) : (
          '.'
        )}
      </p>
      {info && (
        <>
          <Tex
            block
          >{`\\sigma(x) = \\sum_{\\ell} \\frac{\\mu_\\ell}{\\ell!}\\mathrm{He}_\\ell(x) = ${hermiteSeriesTex(info.mu)}`}</Tex>
          <p data-testid="explain-g1">
            The part beyond order two,{' '}
            <Tex>{`g(1) = \\mathbb{E}\\sigma^2 - \\mu_0^2 - \\mu_1^2 - \\tfrac{\\mu_2^2}{2} = ${formatValue(Math.abs(info.g1) < 1e-14 ? 0 : info.g1, 4)}`}</Tex>
            , can only be learnt by specialising.
          </p>
        </>
      )}
      <p>The replica-symmetric theory gives the Bayes-optimal test error (noise-free, no factor ½) as</p>
      <Tex block>
        {
          '\\varepsilon_{\\rm opt} = \\frac{\\mu_2^2}{2}\\,(\\rho_2 - R_2) + g(1) - \\mathbb{E}_v\\big[v^2\\, g(Q(v))\\big],\\qquad g(q) = \\sum_{\\ell\\ge 3}\\frac{\\mu_\\ell^2}{\\ell!}q^\\ell,'
        }
      </Tex>
      <p>
        with <Tex>{'R_2'}</Tex> the overlap of the quadratic feature{' '}
        <Tex>{'S_2 = W^\\top \\mathrm{diag}(v) W/\\sqrt{kd}'}</Tex> and <Tex>{'Q(v)'}</Tex> the alignment of student and
        teacher neurons with readout <Tex>{'v'}</Tex>.
      </p>
      <dl className="explain-branches">
        <dt>universal branch (Q ≡ 0)</dt>
        <dd>
          Only <Tex>{'S_2'}</Tex> is learnt, as in matrix denoising: the error does not depend on the weight prior and
          tends to <Tex>{'g(1)'}</Tex> for large α. Samplers and gradient methods started at random follow it.
        </dd>
        <dt>specialised branch (Q ≠ 0)</dt>
        <dd>
          Student neurons align with the teacher’s, so the higher Hermite orders are learnt too and ε falls below the
          universal branch.
        </dd>
        <dt>equilibrium and α_sp</dt>
        <dd>
          The Bayes-optimal error follows the branch with the largest free entropy <Tex>{'f_{\\rm RS}'}</Tex> (bold
          line); the other is metastable (dashed). α_sp marks where the equilibrium leaves the universal branch: a jump
          for a first-order transition, a continuous rise otherwise.
        </dd>
      </dl>
    </div>
  );
}
