// Debian's Chromium for Playwright and the bench (scripts/ensure-chromium.sh installs it; never `playwright install`).
// SwiftShader flags are explicit: recent Chrome no longer falls back to software WebGL by itself; the network
// flags keep Chromium from calling out of this closed network.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
