// Debian's Chromium for Playwright and the bench (scripts/ensure-chromium.sh installs it; never `playwright install`).
// SwiftShader flags are explicit: recent Chrome no longer falls back to software WebGL by itself; the network
// flags keep Chromium from calling out of this closed network.
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SWIFTSHADER_WEBGL = ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
const CLOSED_NETWORK = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
/**
 * The SwiftShader flags alone also move the page compositor onto emulated Vulkan: headless Chromium then reads
 * every frame back from it, 75–220 ms of the GPU process's main thread a frame while the page loads (traces of the
 * first view, issue 19), on machines whose two cores are both busy then. No visitor pays that: a browser composites
 * on its GPU, or in software where it has none, which is Chromium's own choice without these flags. So compositing
 * stays in software and only WebGL (the simulations' tfjs backend) uses SwiftShader; WebGL2 with float render
 * targets still works (`UNMASKED_RENDERER_WEBGL` is SwiftShader either way). First view, one build, 14 loads each
 * with the order alternated: 1091 ms with compositing on SwiftShader, 1010 ms without.
 */
export const CHROMIUM_ARGS = [...SWIFTSHADER_WEBGL, '--disable-gpu-compositing', ...CLOSED_NETWORK];
/** The flags before that change (compositing on SwiftShader too): the bench measures the first view both ways. */
export const CHROMIUM_ARGS_GPU_COMPOSITING = [...SWIFTSHADER_WEBGL, ...CLOSED_NETWORK];
