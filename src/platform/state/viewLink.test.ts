// A family's view keys in its link: read (bad values named and replaced), written only where they differ from the
// default, kept by the family's own writes, and followed on back/forward.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { stubBrowser } from '../compute/testing/fakeBrowser';
import { createHashCodec, writeHash, type HashSpec } from './hashCodec';
import { bindView, decodeView, storeView, withView } from './viewLink';

interface View {
  plane: string;
  d: number;
}
const ROWS: readonly HashSpec<View>[] = [
  { kind: 'enum', key: 'plane', field: 'plane', def: 'gamma', values: ['gamma', 'delta'], label: 'plane' },
  { kind: 'number', key: 'sim-d', field: 'd', def: 40, min: 8, max: 200, integer: true, label: 'd' },
];

let unstub: () => void;
beforeEach(() => {
  unstub = stubBrowser();
});
afterEach(() => unstub());

const setHash = (h: string) => {
  window.location.hash = h;
  window.dispatchEvent(new Event('hashchange'));
};

describe('view keys in the link', () => {
  it('decodes the keys a link carries, naming and replacing bad values', () => {
    expect(decodeView(ROWS, '#model=toy&plane=delta&sim-d=60', 'present')).toEqual({
      view: { plane: 'delta', d: 60 },
      errors: [],
    });
    expect(decodeView(ROWS, '#model=toy&sim-d=60', 'present').view).toEqual({ d: 60 });
    expect(decodeView(ROWS, '#model=toy&sim-d=60').view).toEqual({ plane: 'gamma', d: 60 });
    const bad = decodeView(ROWS, '#model=toy&plane=beta&sim-d=7.5');
    expect(bad.view).toEqual({ plane: 'gamma', d: 40 });
    expect(bad.errors).toEqual([
      'URL parameter "plane" = "beta" is not a known plane (gamma, delta); using "gamma".',
      'URL parameter "sim-d" = "7.5" is not an integer; using the default 40.',
    ]);
  });

  it('writes only what differs from the default, in place, before the page keys', () => {
    expect(withView(ROWS, '#model=toy&v=1&n=2&present=1', { plane: 'delta', d: 40 })).toBe(
      '#model=toy&v=1&n=2&plane=delta&present=1',
    );
    expect(withView(ROWS, '#model=toy&sim-d=9&v=1&plane=gamma', { plane: 'gamma', d: 60 })).toBe(
      '#model=toy&sim-d=60&v=1',
    );
    // Keys keep their places: a second binding of the same link (other rows) leaves this one's as they are.
    const OTHER: readonly HashSpec<{ colour: string }>[] = [
      { kind: 'enum', key: 'colour', field: 'colour', def: 'a', values: ['a', 'b'], label: 'colour' },
    ];
    const both = withView(OTHER, withView(ROWS, '#model=toy&v=1', { plane: 'delta', d: 60 }), { colour: 'b' });
    expect(both).toBe('#model=toy&v=1&plane=delta&sim-d=60&colour=b');
    expect(withView(ROWS, both, { plane: 'delta', d: 60 })).toBe(both);
  });

  it('binds a store: the link restores it, its changes reach the link, the family codec keeps and accepts them', () => {
    const store = create<View & { errors: string[] }>()(() => ({ plane: 'gamma', d: 40, errors: [] }));
    const report = (e: string[]) => store.setState((s) => ({ errors: [...s.errors, ...e] }));
    setHash('#model=toy&v=1&n=2&plane=delta&sim-d=999');
    const stop = bindView(storeView('toy', ROWS, store, (s) => s, store.setState, report));
    expect(store.getState()).toMatchObject({ plane: 'delta', d: 40 });
    expect(store.getState().errors).toEqual(['URL parameter "sim-d" = 999 is outside [8, 200]; using the default 40.']);
    expect(window.location.hash).toBe('#model=toy&v=1&n=2&plane=delta');
    store.setState({ d: 60 });
    expect(window.location.hash).toBe('#model=toy&v=1&n=2&plane=delta&sim-d=60');
    // The family's own write (a slider move) keeps the view keys, and its codec does not call them unknown.
    const codec = createHashCodec<{ n: number }>(
      'toy',
      1,
      [{ kind: 'number', key: 'n', field: 'n', def: 1, min: 0, max: 9, label: 'n' }],
      () => [],
      { viewKeys: ROWS.map((r) => r.key) },
    );
    writeHash(codec.encode({ n: 3 }), 'replace', codec.viewKeys);
    expect(window.location.hash).toBe('#model=toy&v=1&n=3&plane=delta&sim-d=60');
    expect(codec.decode(window.location.hash).errors).toEqual([]);
    // Back/forward to a link without view keys: the whole view is the link's (defaults).
    setHash('#model=toy&v=1&n=3');
    expect(store.getState()).toMatchObject({ plane: 'gamma', d: 40 });
    // Another family's link is left alone.
    setHash('#model=other&plane=delta');
    expect(store.getState().plane).toBe('gamma');
    store.setState({ d: 80 });
    expect(window.location.hash).toBe('#model=other&plane=delta');
    stop();
  });
});
