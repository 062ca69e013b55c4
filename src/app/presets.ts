// One-click presets: a preset is a share link (hash) with a caption and its source; each family lists its own
// (Family.presets, in its presets.ts). The preset whose keys the current link carries (α and page options aside)
// is "active": its caption is shown while the parameters still match it.
import type { Preset } from '../families/family';
import { FAMILIES } from './families';

export type { Preset };

export const PRESETS: readonly Preset[] = FAMILIES.flatMap((f) => f.presets ?? []);

/** The caption with each `{name}` written as its claim's number (unknown names stay, so a test sees them). */
export function presetCaption(p: Pick<Preset, 'caption' | 'claims'>): string {
  return p.caption.replace(/\{(\w+)\}/g, (m, name: string) => {
    const c = p.claims?.[name];
    return c ? c.value.toFixed(c.digits) : m;
  });
}

/** Keys that do not decide whether a link still shows a preset (moving α keeps the caption up). */
const IGNORED = new Set(['v', 'alpha', 'present']);

const strip = (h: string) => (h.startsWith('#') ? h.slice(1) : h);

function sameValue(a: string, b: string): boolean {
  if (a === b) return true;
  const x = Number(a);
  const y = Number(b);
  return (
    a.trim() !== '' &&
    b.trim() !== '' &&
    Number.isFinite(x) &&
    Number.isFinite(y) &&
    Math.abs(x - y) <= 1e-9 * Math.max(1, Math.abs(x))
  );
}

/** Every key the preset fixes has the same value in `hash` (numbers compared as numbers). */
export function presetMatches(preset: Preset, hash: string): boolean {
  const want = new URLSearchParams(strip(preset.hash));
  const have = new URLSearchParams(strip(hash));
  const model = have.get('model') ?? 'mlp';
  if (model !== preset.family) return false;
  for (const [k, v] of want) {
    if (IGNORED.has(k) || k === 'model') continue;
    const got = have.get(k);
    if (got === null || !sameValue(got, v)) return false;
  }
  return true;
}

export function activePreset(hash: string, presets: readonly Preset[] = PRESETS): Preset | null {
  return presets.find((p) => presetMatches(p, hash)) ?? null;
}
