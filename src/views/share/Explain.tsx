// The "Explain the model" panel under each family; a family adds its explainer with one entry in EXPLAINERS.
import type { ComponentType } from 'react';
import { MlpExplain } from './MlpExplain';
import './share.css';

export const EXPLAINERS: Record<string, ComponentType> = {
  mlp: MlpExplain,
};

export function Explain({ model }: { model: string }) {
  const Body = EXPLAINERS[model];
  if (!Body) return null;
  return (
    <details className="panel explain" data-testid="explain">
      <summary>Explain the model: equations, Hermite coefficients, branches</summary>
      <Body />
    </details>
  );
}
