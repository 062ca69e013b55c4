// "Cite this": the build's version stamp (package version and git commit, injected by vite's `define`, see
// vite.config.ts) and a one-line citation of the explorer and the papers a tab computes, for exports and the footer.
declare const __APP_VERSION__: string | undefined;
declare const __GIT_COMMIT__: string | undefined;

export const APP_VERSION = typeof __APP_VERSION__ === 'string' ? __APP_VERSION__ : 'dev';
export const GIT_COMMIT = typeof __GIT_COMMIT__ === 'string' ? __GIT_COMMIT__ : 'unknown';

/** `v0.1.0 (commit 8e5394d)`. */
export function versionStamp(version = APP_VERSION, commit = GIT_COMMIT): string {
  return `v${version} (commit ${commit})`;
}

/** `Phase-diagram explorer v0.1.0 (commit 8e5394d) · arXiv 2510.24616`: what a figure or a table came from. */
export function citeLine(references?: string, stamp = versionStamp()): string {
  return `Phase-diagram explorer ${stamp}${references ? ` · ${references}` : ''}`;
}

/** The arXiv numbers a text names ("… (arXiv 2510.24616) …" → ["arXiv 2510.24616"]), in order, once each. */
export function arxivRefs(text: string): string[] {
  return [...new Set(Array.from(text.matchAll(/arXiv[:\s]+(\d{4}\.\d{4,5})/g), (m) => `arXiv ${m[1]}`))];
}
