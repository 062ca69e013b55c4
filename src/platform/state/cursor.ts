// The α cursor of the tabs without an α slider: a click or drag on a plot sets it, and every plot of the same scope
// (a tab's plots against the same x) draws it and reads its curves there. Not in the URL: a reading aid, like hover.
import { create } from 'zustand';

interface CursorState {
  at: Record<string, number>;
  set(scope: string, x: number): void;
}

export const useCursorStore = create<CursorState>()((set) => ({
  at: {},
  set: (scope, x) => set((s) => ({ at: { ...s.at, [scope]: x } })),
}));

/** A plot's cursor (LinePlot's `cursor` prop): the scope's x, its setter, and the symbol the read-out names it by. */
export interface PlotCursor {
  symbol: string;
  at: number | undefined;
  onChange(x: number): void;
}

export function useCursor(scope: string, symbol = 'α'): PlotCursor {
  const at = useCursorStore((s) => s.at[scope]);
  return { symbol, at, onChange: (x) => useCursorStore.getState().set(scope, x) };
}
