// Keyboard shortcuts for talks, as window CustomEvents any panel can listen to (a family steps its own α, the
// simulation panel plays/pauses and resets): space → explorer:toggle-play, r → explorer:reset,
// ←/→ → explorer:step {direction, large}, p → presentation mode, ? → help. Ignored while typing in a field.

export const TOGGLE_PLAY_EVENT = 'explorer:toggle-play';
export const RESET_EVENT = 'explorer:reset';
export const STEP_EVENT = 'explorer:step';

export interface StepDetail {
  /** −1 (left) or +1 (right). */
  direction: -1 | 1;
  /** Shift held: a ten times larger step. */
  large: boolean;
}

export type ShortcutAction =
  | { kind: 'toggle-play' }
  | { kind: 'reset' }
  | { kind: 'step'; detail: StepDetail }
  | { kind: 'present' }
  | { kind: 'help' }
  | { kind: 'close' };

export interface KeyLike {
  key: string;
  shiftKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  /** The focused element's tag name, type, contenteditable flag and ARIA role. */
  target?: { tagName?: string; type?: string; isContentEditable?: boolean; role?: string | null } | null;
}

/** Roles whose widgets take the arrow keys and Enter themselves (tab bar, phase-diagram point). */
const KEYED_ROLES = new Set(['tab', 'application']);

const TYPING_INPUT_TYPES = new Set(['text', 'number', 'search', 'email', 'url', 'tel', 'password', '']);

/** True when keys belong to the focused control (text fields, selects, sliders' own arrow keys, buttons' space). */
function ownedByTarget(e: KeyLike): boolean {
  const t = e.target;
  if (!t || !t.tagName) return false;
  if (t.isContentEditable) return true;
  if (t.role && KEYED_ROLES.has(t.role) && (e.key.startsWith('Arrow') || e.key === 'Enter')) return true;
  const tag = t.tagName.toUpperCase();
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (t.type ?? '').toLowerCase();
    if (TYPING_INPUT_TYPES.has(type)) return true;
    // Sliders, checkboxes and radios keep their arrows and space.
    return e.key.startsWith('Arrow') || e.key === ' ';
  }
  if ((tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY') && (e.key === ' ' || e.key === 'Enter')) return true;
  return false;
}

/** The action of a key press, or null when it is not a shortcut here. */
export function shortcutFor(e: KeyLike): ShortcutAction | null {
  if (e.ctrlKey || e.metaKey || e.altKey) return null;
  if (ownedByTarget(e)) return null;
  switch (e.key) {
    case ' ':
      return { kind: 'toggle-play' };
    case 'r':
    case 'R':
      return { kind: 'reset' };
    case 'ArrowLeft':
      return { kind: 'step', detail: { direction: -1, large: !!e.shiftKey } };
    case 'ArrowRight':
      return { kind: 'step', detail: { direction: 1, large: !!e.shiftKey } };
    case 'p':
    case 'P':
      return { kind: 'present' };
    case '?':
      return { kind: 'help' };
    case 'Escape':
      return { kind: 'close' };
    default:
      return null;
  }
}

/** Listens on window; page-level actions (presentation, help) go to the callbacks, the rest become events. */
export function installShortcuts(handlers: { present(): void; help(): void; close(): void }): () => void {
  const onKey = (e: KeyboardEvent) => {
    const action = shortcutFor({
      key: e.key,
      shiftKey: e.shiftKey,
      ctrlKey: e.ctrlKey,
      metaKey: e.metaKey,
      altKey: e.altKey,
      target:
        e.target instanceof Element
          ? {
              tagName: e.target.tagName,
              type: (e.target as HTMLInputElement).type,
              isContentEditable: (e.target as HTMLElement).isContentEditable,
              role: e.target.getAttribute('role'),
            }
          : null,
    });
    if (!action) return;
    switch (action.kind) {
      case 'toggle-play':
        window.dispatchEvent(new CustomEvent(TOGGLE_PLAY_EVENT));
        break;
      case 'reset':
        window.dispatchEvent(new CustomEvent(RESET_EVENT));
        break;
      case 'step':
        window.dispatchEvent(new CustomEvent<StepDetail>(STEP_EVENT, { detail: action.detail }));
        break;
      case 'present':
        handlers.present();
        break;
      case 'help':
        handlers.help();
        break;
      case 'close':
        handlers.close();
        return; // let Escape reach other handlers too
    }
    e.preventDefault();
  };
  window.addEventListener('keydown', onKey);
  return () => window.removeEventListener('keydown', onKey);
}

/** Subscribes a family to the α-step shortcut. */
export function onStep(listener: (d: StepDetail) => void): () => void {
  const on = (e: Event) => listener((e as CustomEvent<StepDetail>).detail);
  window.addEventListener(STEP_EVENT, on);
  return () => window.removeEventListener(STEP_EVENT, on);
}
