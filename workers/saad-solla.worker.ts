// The Saad–Solla worker: src/families/saad-solla/service.ts on the float64 physics.
import { getActivation } from '../src/physics/activations';
import { escapeAlpha, symmetricPlateau, trajectory, validateSaadSolla } from '../src/physics/classic/saadSolla';
import { createSaadSollaService } from '../src/families/saad-solla/service';
import { serve } from '../src/platform/compute/serve';

serve(createSaadSollaService({ validateSaadSolla, trajectory, symmetricPlateau, escapeAlpha, getActivation }));
