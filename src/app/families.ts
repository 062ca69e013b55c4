// The model families, in tab order: one line each (a family is its folder, src/families/<id>/index.tsx). The tabs,
// the CLI's commands, the presets, the explainers and the bench sections are all read from this list.
import type { Family } from '../families/family';
import { family as mlp } from '../families/mlp';
import { family as deep } from '../families/deep';
import { family as glm } from '../families/glm';
import { family as committee } from '../families/committee';
import { family as saadSolla } from '../families/saad-solla';
import { family as twoLayer } from '../families/two-layer';
import { family as matrixTensor } from '../families/matrix-tensor';
import { family as hiddenManifold } from '../families/hidden-manifold';

export const FAMILIES: readonly Family[] = [
  mlp,
  deep,
  glm,
  committee,
  saadSolla,
  twoLayer,
  matrixTensor,
  hiddenManifold,
];
