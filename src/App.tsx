import { Controls } from './views/Controls';
import { EpsPlot } from './views/EpsPlot';
import { OverlapPlot } from './views/OverlapPlot';
import { ActivationPanel, ErrorBanner, Notes, ReadoutPanel } from './views/Panels';

export function App() {
  return (
    <div className="app">
      <header className="masthead">
        <h1>Phase-diagram explorer</h1>
        <p>
          Teacher–student MLP y = v·σ(Wx/√d)/√k + √Δ z with k = γd hidden units and n = αd² samples: the Bayes-optimal
          error from the replica-symmetric theory (arXiv 2510.24616), solved live in your browser.
        </p>
      </header>
      <ErrorBanner />
      <main className="layout">
        <div className="area-controls">
          <Controls />
        </div>
        <div className="area-activation">
          <ActivationPanel />
        </div>
        <div className="area-readout">
          <ReadoutPanel />
        </div>
        <div className="plots">
          <EpsPlot />
          <Notes />
          <OverlapPlot />
        </div>
      </main>
      <footer>
        Data overlays: Minh-Toan/extensive-width-NN @ df09239 (arXiv 2501.18530, 2510.24616). ε is the noise-free MSE of
        the posterior mean (HMC points: Gibbs error / 2).
      </footer>
    </div>
  );
}
