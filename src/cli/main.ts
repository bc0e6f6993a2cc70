#!/usr/bin/env node
// The `tfgraph` executable (package.json "bin"); the logic is in cli.ts so tests can run it in-process.
import { main } from './cli.js';

// `npm run inspect -- FILE` runs in the package root; FILE is relative to where npm was started.
if (process.env.npm_lifecycle_event === 'inspect' && process.env.INIT_CWD)
  process.chdir(process.env.INIT_CWD);
process.exitCode = await main(process.argv.slice(2));
