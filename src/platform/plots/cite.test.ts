import { describe, expect, it } from 'vitest';
import { arxivRefs, citeLine, GIT_COMMIT, versionStamp } from './cite';
import { contextFromHash } from './exportScope';
import pkg from '../../../package.json';

describe('cite this', () => {
  it('stamps the package version and the commit injected at build time', () => {
    expect(versionStamp()).toBe(`v${pkg.version} (commit ${GIT_COMMIT})`);
    expect(GIT_COMMIT).toMatch(/^([0-9a-f]{7,}|unknown)$/);
    expect(versionStamp('1.2.3', 'abc1234')).toBe('v1.2.3 (commit abc1234)');
  });

  it('names the papers of a tab: its own line, or the arXiv numbers its blurb cites', () => {
    expect(citeLine('arXiv 2510.24616', 'v1 (commit a)')).toBe(
      'Phase-diagram explorer v1 (commit a) · arXiv 2510.24616',
    );
    expect(citeLine(undefined, 'v1 (commit a)')).toBe('Phase-diagram explorer v1 (commit a)');
    expect(arxivRefs('theory (arXiv 2510.24616), data of arXiv:2501.18530 and again arXiv 2510.24616')).toEqual([
      'arXiv 2510.24616',
      'arXiv 2501.18530',
    ]);
  });

  it("reads a figure's parameters from the share link: numbers as numbers, model, version and page keys aside", () => {
    const url = 'http://h/#model=glm&v=1&prior=binary&alpha=2.5&present=1';
    expect(contextFromHash('glm', '#model=glm&v=1&prior=binary&alpha=2.5&present=1', url)).toEqual({
      model: 'glm',
      params: { prior: 'binary', alpha: 2.5 },
      url,
    });
  });
});
