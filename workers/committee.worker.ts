// The committee-machine worker: src/families/committee/service.ts on the float64 physics.
import { nextWarm, solveCommitteePoint } from '../src/physics/classic/committee';
import { committeeThresholds } from '../src/physics/classic/committeeThresholds';
import { createCommitteeService } from '../src/families/committee/service';
import { serve } from '../src/platform/compute/serve';

serve(createCommitteeService({ solveCommitteePoint, nextWarm, committeeThresholds }));
