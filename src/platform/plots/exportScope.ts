// What every plot of a tab exports about where it came from, without the plot knowing its family: the tab (App.tsx)
// provides the model id and its references; the parameters and the share link are read from the page's URL hash,
// which the family's store keeps in step with its controls (platform/state/bindHash.ts).
import { createContext, useContext } from 'react';
import type { ExportContext } from './export';
import { GLOBAL_KEYS } from '../state/hashCodec';

export interface ExportScope {
  model: string;
  /** The papers (or notes) the tab computes, for the "cite this" line. */
  references?: string;
}

export const ExportScopeContext = createContext<ExportScope>({ model: 'explorer' });
export const useExportScope = () => useContext(ExportScopeContext);

const numeric = (v: string): number | string => (v.trim() !== '' && Number.isFinite(Number(v)) ? Number(v) : v);

/** The parameters of a share-link hash (`#model=glm&v=1&alpha=2`), numbers as numbers; model, version and page keys aside. */
export function contextFromHash(model: string, hash: string, url: string): ExportContext {
  const params: ExportContext['params'] = {};
  new URLSearchParams(hash.replace(/^#/, '')).forEach((v, k) => {
    if (k !== 'model' && k !== 'v' && !(GLOBAL_KEYS as readonly string[]).includes(k)) params[k] = numeric(v);
  });
  return { model, params, url };
}
