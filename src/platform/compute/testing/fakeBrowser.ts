// The little of a browser page that controllers touch (the URL hash, its events, animation frames), for unit tests
// under Node. Returns the function that takes it away again.
export function stubBrowser(): () => void {
  const g = globalThis as Record<string, unknown>;
  const saved = { window: g.window, requestAnimationFrame: g.requestAnimationFrame };
  const location = { hash: '', search: '' };
  const setUrl = (_state: unknown, _title: string, url: string) => {
    location.hash = url.startsWith('#') ? url : '';
  };
  g.window = Object.assign(new EventTarget(), { location, history: { pushState: setUrl, replaceState: setUrl } });
  g.requestAnimationFrame = (cb: (t: number) => void) => setTimeout(() => cb(0), 0);
  return () => {
    g.window = saved.window;
    g.requestAnimationFrame = saved.requestAnimationFrame;
  };
}
