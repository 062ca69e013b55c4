// The link's hide= and open= flags: known names kept in order once, unknown ones named and ignored.
import { describe, expect, it } from 'vitest';
import { flagsOfHash, hideCss, HIDE_TARGETS, withList } from './viewFlags';

describe('view flags', () => {
  it('reads hide= and open=, naming what it does not know', () => {
    expect(flagsOfHash('#model=mlp&hide=sim,notes,sim&open=explain')).toEqual({
      hide: ['sim', 'notes'],
      open: ['explain'],
      errors: [],
    });
    expect(flagsOfHash('#hide=sim,sidebar&open=phase')).toEqual({
      hide: ['sim'],
      open: [],
      errors: [
        `URL parameter "hide" names "sidebar", not one of ${Object.keys(HIDE_TARGETS).join(', ')}; ignored.`,
        'URL parameter "open" names "phase", not one of explain, sim, notes, controls; ignored.',
      ],
    });
  });

  it('writes a list in place of the old one and hides exactly the named targets', () => {
    expect(withList('#model=mlp&open=sim&v=2', 'open', ['explain', 'sim'])).toBe('#model=mlp&v=2&open=explain,sim');
    expect(withList('#open=sim', 'open', [])).toBe('');
    expect(hideCss(['sim', 'footer'])).toBe(
      `${HIDE_TARGETS.sim} { display: none !important; }\n${HIDE_TARGETS.footer} { display: none !important; }`,
    );
  });
});
