// What a model family is to the page, the CLI and the bench. Each family's index.tsx exports one `family`, and
// src/app/families.ts lists them (one line each). Everything heavy is loaded on use: the view with the tab, the
// explainer when opened, the CLI module with its command, the bench module with its section, so Node (CLI,
// bench) can read the list without loading components or CSS.
import { lazy, type ComponentType } from 'react';
import type { Command } from '../platform/cli/command';
import type { HashSpec } from '../platform/state/hashCodec';

/** A parameter table (params.ts): URL keys = CLI flags, with labels, defaults and ranges. */
export type ParamTable = readonly HashSpec<Record<string, unknown>>[];

/** A one-click setting: a share link with a caption and its source. */
export interface Preset {
  id: string;
  /** The family (model id) whose tab the preset opens. */
  family: string;
  /** Heading in the menu (e.g. the paper). */
  group: string;
  title: string;
  /** The share link, `#model=…&v=…&key=value…` in the family's current link version. */
  hash: string;
  /** The caption; `{name}` stands for the number claims[name] (presetCaption writes it). */
  caption: string;
  /** The numbers the caption quotes, checked against the engine and the shipped data (the family's presets test). */
  claims?: Record<string, PresetClaim>;
  /** Where the setting comes from (paper, figure, data). */
  source: string;
  /** What published data the plots overlay for it, if any. */
  overlay?: string;
}

/** A number a preset's caption quotes: what it is (in the family's terms), where, and as written. */
export interface PresetClaim {
  /** E.g. 'epsOpt', 'epsUni', 'alphaSp' (engine) or 'hmcInformative', 'hmcUninformative' (shipped data). */
  quantity: string;
  /** The sample ratio, for a value on a curve. */
  alpha?: number;
  value: number;
  /** Decimals written; the check allows half a unit of the last one. */
  digits: number;
}

export type BenchLog = (line: string) => void;

/** A bench section: logs readable lines and returns the keys it adds to `npm run bench -- --json`. */
export interface BenchSection {
  name: string;
  run(log: BenchLog): Promise<Record<string, unknown>>;
}

/** A tab's component, loaded with the tab; `preload` fetches its code ahead (the page does it when idle). */
export type LazyView = ComponentType & { preload(): Promise<unknown> };

/** The view that `pick` takes out of the module `load` imports, as a lazy component. */
export function lazyView<M>(load: () => Promise<M>, pick: (m: M) => ComponentType): LazyView {
  return Object.assign(
    lazy(() => load().then((m) => ({ default: pick(m) }))),
    { preload: load },
  );
}

export interface Family {
  /** The `model` key of the URL. */
  id: string;
  /** The tab's label. */
  label: string;
  /** One line under the title while the family is shown. */
  blurb: string;
  /** The tab's footnote: what its ε means, and where data drawn over its curves come from. */
  footnote?: string;
  /** What the tab computes from, for "cite this" (footer and exports); default: the arXiv numbers of the blurb. */
  references?: string;
  /** The parameter table the URL, the controls and the CLI flags are read from. */
  params: ParamTable;
  /** Binds the store to the URL and starts the controller while the tab is shown; returns the stop. */
  start(): () => void;
  /**
   * Started at the first show and kept running when the tab is hidden (its controller writes the URL only while
   * the family is shown): the MLP keeps its worker, its caches and its generation count across tab switches.
   */
  keepAlive?: boolean;
  /** The tab's content (lazy: the shown tab's code comes first). */
  View: LazyView;
  presets?: readonly Preset[];
  /** The "Explain the model" panel, loaded on use (KaTeX is large). */
  explain?: () => Promise<{ default: ComponentType }>;
  /** The CLI commands the family adds: their names, and the module that defines them (loaded on use). */
  cli?: { commands: readonly string[]; load: () => Promise<{ commands: Record<string, Command> }> };
  /** The bench section, loaded on use. */
  bench?: () => Promise<{ section: BenchSection }>;
}
