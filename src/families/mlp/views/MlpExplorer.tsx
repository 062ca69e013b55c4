// The teacher–student MLP family: controls, ε(α), notes, overlaps and the panels of the selected α.
import { Controls } from './Controls';
import { EpsPlot } from './EpsPlot';
import { OverlapPlot } from './OverlapPlot';
import { ActivationPanel, ErrorBanner, Notes, ReadoutPanel } from './Panels';
import { SimPanel } from './SimPanel';
import { HardnessPanel } from './HardnessPanel';
import { PhasePlot } from './PhasePlot';

export function MlpExplorer() {
  return (
    <>
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
          <SimPanel />
          <HardnessPanel />
          <PhasePlot />
        </div>
      </main>
    </>
  );
}
