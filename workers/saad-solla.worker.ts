// The Saad–Solla worker: src/families/saad-solla/service.ts on the float64 physics.
import { getActivation } from '../src/physics/activations';
import { escapeAlpha, symmetricPlateau, trajectorySteps, validateSaadSolla } from '../src/physics/classic/saadSolla';
import {
  plateauLength,
  simulateOnline,
  validateSimulationCost,
  validateSimulationSize,
} from '../src/physics/classic/saadSollaSim';
import { createSaadSollaService } from '../src/families/saad-solla/service';
import { serve } from '../src/platform/compute/serve';

const sim = { simulateOnline, plateauLength, validateSimulationSize, validateSimulationCost };
serve(
  createSaadSollaService({ validateSaadSolla, trajectorySteps, symmetricPlateau, escapeAlpha, getActivation, ...sim }),
);
