// The MLP tab below its first screen: notes, overlaps, the Q(v) profile, simulations and the hardness panel. Its own
// chunk, fetched once the first curve is drawn, so the first view neither loads nor compiles it.
import { OverlapPlot } from './OverlapPlot';
import { ProfilePlot } from './ProfilePlot';
import { Notes } from './Panels';
import { SimPanel } from './SimPanel';
import { HardnessPanel } from './HardnessPanel';

export function BelowFirstScreen() {
  return (
    <>
      <Notes />
      <OverlapPlot />
      <ProfilePlot />
      <SimPanel />
      <HardnessPanel />
    </>
  );
}
