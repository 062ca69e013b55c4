// `npm run cli -- …`: runs the CLI built ahead of time (dist-cli/, plain JavaScript: no transpiling at start-up),
// rebuilding it first if a source changed since the last build (scripts/build-cli.mjs), so it is never stale.
import { buildCli, isStale } from './build-cli.mjs';

if (isStale()) await buildCli();
const { main } = await import('../dist-cli/cli.js');
process.exitCode = await main(process.argv.slice(2));
