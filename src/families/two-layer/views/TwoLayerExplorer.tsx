// The two-layer lecture family (Loureiro 2025): kernels and random features, one giant step, online SGD.
import { shownText } from '../../../platform/ui/fields';
import { useTwoLayer } from '../store';
import { ComplexityTable } from './ComplexityTable';
import { TwoLayerControls } from './Controls';
import { OneStepPanel } from './OneStepPanel';
import { RFPlots } from './RFPlots';
import { SgdPanels } from './SgdPanels';
import './twoLayer.css';

export function TwoLayerExplorer() {
  const urlErrors = useTwoLayer((s) => s.urlErrors);
  const theoryError = useTwoLayer((s) => s.theoryError);
  const hasTheory = useTwoLayer((s) => s.theory !== null);
  return (
    <>
      {urlErrors.length > 0 && (
        <div className="error-banner" role="alert" data-testid="tl-url-error">
          {urlErrors.map((e, i) => (
            <p key={i}>{e}</p>
          ))}
        </div>
      )}
      {theoryError && (
        <p className="error-banner" role="alert" data-testid="tl-theory-error">
          {/* Old numbers stay on screen, and are said to be the last valid ones (issue 21). */}
          {shownText(theoryError, hasTheory)}
        </p>
      )}
      <main className="tl-layout">
        <div className="tl-controls">
          <TwoLayerControls />
        </div>
        <div className="tl-main">
          <RFPlots />
          <OneStepPanel />
          <SgdPanels />
          <ComplexityTable />
        </div>
      </main>
    </>
  );
}
