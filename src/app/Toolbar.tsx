// Page-level controls in the header: presets, copy link, presentation mode, theme, keyboard help; and the
// effects they need (shortcuts, presentation/theme classes on <html>).
import { useEffect, useState } from 'react';
import { installShortcuts } from './shortcuts';
import { useShareUi, watchPresentHash } from './presentation';
import { PresetMenu } from './PresetMenu';
import './share.css';
import './present.css';

/** Installs the keyboard shortcuts and mirrors presentation mode and theme onto <html>. */
export function useShareSetup(): void {
  const present = useShareUi((s) => s.present);
  const theme = useShareUi((s) => s.theme);
  useEffect(() => watchPresentHash(), []);
  useEffect(
    () =>
      installShortcuts({
        present: () => useShareUi.getState().setPresent(!useShareUi.getState().present),
        help: () => useShareUi.getState().setHelp(!useShareUi.getState().help),
        close: () => useShareUi.getState().setHelp(false),
      }),
    [],
  );
  const open = useShareUi((s) => s.open);
  useEffect(() => {
    document.documentElement.classList.toggle('presenting', present);
  }, [present]);
  useEffect(() => {
    document.documentElement.dataset.open = open.join(' '); // present.css shows the panels the link opens
  }, [open]);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    document.documentElement.style.colorScheme = theme;
  }, [theme]);
}

function CopyLink() {
  const [copied, setCopied] = useState<string | null>(null);
  useEffect(() => {
    if (!copied) return;
    const t = setTimeout(() => setCopied(null), 2000);
    return () => clearTimeout(t);
  }, [copied]);
  return (
    <button
      type="button"
      className="share-button advanced"
      data-testid="copy-link"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(window.location.href);
          setCopied('link copied');
        } catch {
          setCopied('copy the address bar: the clipboard is blocked');
        }
      }}
    >
      Copy link
      <span className="sr-status" role="status">
        {copied ? ` · ${copied}` : ''}
      </span>
    </button>
  );
}

/** In presentation mode: shows or hides the classic tabs' control column (the link's open=controls). */
function ControlsToggle() {
  const on = useShareUi((s) => s.open.includes('controls'));
  return (
    <button
      type="button"
      className="share-button"
      aria-pressed={on}
      data-testid="toggle-controls"
      onClick={() => useShareUi.getState().setOpen('controls', !on)}
      title="show the parameter controls beside the figures"
    >
      Controls
    </button>
  );
}

export function Toolbar() {
  const present = useShareUi((s) => s.present);
  const theme = useShareUi((s) => s.theme);
  const { setPresent, setTheme, setHelp } = useShareUi.getState();
  return (
    <div className="share-toolbar" role="toolbar" aria-label="share and view">
      <PresetMenu />
      <CopyLink />
      <button
        type="button"
        className="share-button"
        aria-pressed={present}
        data-testid="toggle-present"
        onClick={() => setPresent(!present)}
        title="presentation mode (p)"
      >
        Presentation
      </button>
      {present && <ControlsToggle />}
      <button
        type="button"
        className="share-button"
        aria-pressed={theme === 'dark'}
        data-testid="toggle-theme"
        onClick={() => setTheme(theme === 'dark' ? 'light' : 'dark')}
        title="dark or light theme"
      >
        Dark theme
      </button>
      <button
        type="button"
        className="share-button"
        aria-label="keyboard shortcuts"
        data-testid="open-help"
        onClick={() => setHelp(true)}
        title="keyboard shortcuts (?)"
      >
        ?
      </button>
    </div>
  );
}

const KEYS: [string, string][] = [
  ['← / →', 'step α by 0.1 (with Shift: by 1); on the tabs without an α slider, the plots’ α cursor'],
  ['← / → on a tab', 'the previous / next model (Home / End: the first / last)'],
  ['arrows, Enter', 'on the focused phase diagram: move a point (Shift: ten cells), then move the sliders there'],
  ['space', 'play / pause a running simulation'],
  ['r', 'reset the simulation'],
  ['p', 'presentation mode on / off (also the link option present=1)'],
  ['?', 'this help'],
  ['Esc', 'close this help or a menu'],
];

export function HelpOverlay() {
  const open = useShareUi((s) => s.help);
  const setHelp = useShareUi((s) => s.setHelp);
  useEffect(() => {
    if (open) document.getElementById('help-close')?.focus();
  }, [open]);
  if (!open) return null;
  return (
    <div className="help-backdrop" onClick={() => setHelp(false)}>
      <div
        role="dialog"
        aria-modal="true"
        aria-labelledby="help-title"
        className="help-dialog"
        data-testid="help-overlay"
        onClick={(e) => e.stopPropagation()}
      >
        <h2 id="help-title">Keyboard shortcuts</h2>
        <table className="kv">
          <tbody>
            {KEYS.map(([k, v]) => (
              <tr key={k}>
                <th>
                  <kbd>{k}</kbd>
                </th>
                <td>{v}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p className="hint">
          Shortcuts are off while you type in a field. Links with present=1 open in presentation mode; a preset link
          works offline once the page has been opened.
        </p>
        <button id="help-close" type="button" className="share-button" onClick={() => setHelp(false)}>
          Close
        </button>
      </div>
    </div>
  );
}
