import { Suspense, useEffect } from 'react';
import type { Family } from '../families/family';
import { useFamily, watchFamilyHash } from './familyStore';
import { FAMILIES } from './families';
import { HelpOverlay, Toolbar, useShareSetup } from './Toolbar';
import { PresetCaption } from './PresetMenu';
import { Explain } from './Explain';
import { TabBoundary } from './TabBoundary';
import { startShown } from './startFamily';
import { useShareUi } from './presentation';
import { hideCss } from './viewFlags';
import { SimChip } from './SimChip';
import { FamilyTabs } from './FamilyTabs';
import { TAB_PANEL_ID, tabId } from './tabKeys';
import { ExportScopeContext } from '../platform/plots/exportScope';
import { arxivRefs, versionStamp } from '../platform/plots/cite';

/** What a family's figures cite: its own references, else the arXiv numbers its blurb names. */
const referencesOf = (f: Family) => f.references ?? arxivRefs(f.blurb).join(', ');

export function App() {
  const model = useFamily((s) => s.model);
  const setModel = useFamily((s) => s.setModel);
  useEffect(() => watchFamilyHash(), []);
  useShareSetup();
  const hide = useShareUi((s) => s.hide);
  const flagErrors = useShareUi((s) => s.flagErrors);
  const family = FAMILIES.find((f) => f.id === model);
  const shown = family ?? FAMILIES[0];
  // The shown family's store follows the URL and its controller runs while its tab is shown.
  useEffect(() => startShown(shown), [shown]);
  // The other tabs' code is fetched once the page is idle, so a switch is instant and works offline.
  useEffect(() => {
    const t = setTimeout(() => FAMILIES.forEach((f) => void f.View.preload().catch(() => undefined)), 2500);
    return () => clearTimeout(t);
  }, []);
  return (
    <div className="app">
      <header className="masthead">
        <h1>Phase-diagram explorer</h1>
        <Toolbar />
        <FamilyTabs shown={shown.id} onSelect={setModel} />
        <p className="blurb">{shown.blurb}</p>
      </header>
      {hide.length > 0 && <style data-testid="hide-style">{hideCss(hide)}</style>}
      <PresetCaption />
      {flagErrors.length > 0 && (
        <div className="error-banner" role="alert" data-testid="view-flag-errors">
          <ul>
            {flagErrors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
          <button
            type="button"
            onClick={() => useShareUi.getState().dismissFlagErrors()}
            aria-label="dismiss link messages"
          >
            dismiss
          </button>
        </div>
      )}

      {!family && (
        <p className="error-banner" role="alert" data-testid="family-error">
          The link asks for model “{model.slice(0, 40)}”, which this version of the explorer does not know; showing the{' '}
          {shown.label}.
        </p>
      )}
      <div role="tabpanel" id={TAB_PANEL_ID} aria-labelledby={tabId(shown.id)}>
        <TabBoundary key={shown.id} label={shown.label}>
          <Suspense fallback={<p className="hint">loading…</p>}>
            <ExportScopeContext.Provider value={{ model: shown.id, references: referencesOf(shown) }}>
              <shown.View />
            </ExportScopeContext.Provider>
          </Suspense>
        </TabBoundary>
      </div>
      <Explain family={shown} />
      <HelpOverlay />
      <SimChip />
      <footer>
        <span data-testid="tab-footnote">{shown.footnote}</span>
        <span className="cite" data-testid="cite-line">
          {' '}
          Cite this: Phase-diagram explorer {versionStamp()}; {shown.label}: {referencesOf(shown)}.
        </span>
      </footer>
    </div>
  );
}
