// Which model family the page shows (the `model` key of the URL hash; the MLP when absent).
import { create } from 'zustand';
import { DEFAULT_MODEL, modelOfHash } from '../platform/state/hashCodec';

interface FamilyState {
  model: string;
  setModel(model: string): void;
}

const initial = typeof window === 'undefined' ? DEFAULT_MODEL : modelOfHash(window.location.hash);

export const useFamily = create<FamilyState>()((set) => ({
  model: initial,
  setModel: (model) => set({ model }),
}));

/** Follows back/forward and hand-edited links between families. */
export function watchFamilyHash(): () => void {
  const on = () => {
    const m = modelOfHash(window.location.hash);
    if (m !== useFamily.getState().model) useFamily.getState().setModel(m);
  };
  window.addEventListener('hashchange', on);
  return () => window.removeEventListener('hashchange', on);
}
