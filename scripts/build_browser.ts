// Builds the browser bundle: dist/browser/tfgraph.js (one ESM file with tfjs-core and the cpu,
// webgl and wasm backends) plus the wasm backend's binaries beside it.
//   npm run build:browser
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BROWSER_OUT_DIR = join(ROOT, 'dist', 'browser');
export const BROWSER_BUNDLE = join(BROWSER_OUT_DIR, 'tfgraph.js');

const WASM_FILES = [
  'tfjs-backend-wasm.wasm',
  'tfjs-backend-wasm-simd.wasm',
  'tfjs-backend-wasm-threaded-simd.wasm',
];

/**
 * Node builtins become modules exporting the same names, each a function that throws
 * tfgraph's RuntimeError when called. Importing the bundle therefore works; only the file APIs
 * (Saver, writeGraph, FileWriter) fail, and only when used. The export names come from the real
 * module, so a new `import {x} from 'node:fs'` in src needs no change here.
 */
const nodeBuiltinStubs: esbuild.Plugin = {
  name: 'node-builtin-stubs',
  setup(build) {
    build.onResolve({ filter: /^node:/ }, (args) => ({ path: args.path, namespace: 'node-stub' }));
    build.onLoad({ filter: /.*/, namespace: 'node-stub' }, async (args) => {
      const real = (await import(args.path)) as Record<string, unknown>;
      const names = Object.keys(real).filter(
        (n) => n !== 'default' && /^[A-Za-z_$][\w$]*$/.test(n),
      );
      const lines = [
        `import { RuntimeError } from ${JSON.stringify(join(ROOT, 'src', 'errors.ts'))};`,
        'const unavailable = (name) => function () {',
        `  throw new RuntimeError(\`${args.path}.\${name} is not available in a browser: tfgraph's file APIs (tf.train.Saver, tf.train.writeGraph, tf.summary.FileWriter) need Node.\`);`,
        '};',
        ...names.map((n) => `export const ${n} = unavailable(${JSON.stringify(n)});`),
        `export default { ${names.join(', ')} };`,
      ];
      return { contents: lines.join('\n'), loader: 'js', resolveDir: ROOT };
    });
  },
};

/**
 * tfjs-node is a Node add-on, and backend.ts imports it only when asked for the 'tensorflow'
 * backend: in the bundle that import rejects, and the Session reports the backend unavailable.
 */
const nodeAddonStub: esbuild.Plugin = {
  name: 'node-addon-stub',
  setup(build) {
    build.onResolve({ filter: /^@tensorflow\/tfjs-node$/ }, (args) => ({
      path: args.path,
      namespace: 'node-addon-stub',
    }));
    build.onLoad({ filter: /.*/, namespace: 'node-addon-stub' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`${args.path} is a Node add-on: there is no 'tensorflow' backend in a browser`)});`,
      loader: 'js',
    }));
  },
};

/**
 * The wasm backend fetches its binaries when it initialises; emscripten would look beside the
 * page. Every import of it gets a wrapper that first points it beside the bundle, where
 * buildBrowser copies them. backend.ts imports it dynamically, so it stays lazy: a page that
 * never asks for wasm never registers it (a registered wasm would outrank cpu as tfjs' default).
 */
const wasmBesideBundle: esbuild.Plugin = {
  name: 'wasm-beside-bundle',
  setup(build) {
    build.onResolve({ filter: /^@tensorflow\/tfjs-backend-wasm$/ }, (args) =>
      args.namespace === 'wasm-wrapper'
        ? undefined
        : { path: args.path, namespace: 'wasm-wrapper' },
    );
    build.onLoad({ filter: /.*/, namespace: 'wasm-wrapper' }, () => ({
      contents: [
        "import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';",
        // Not new URL('./', import.meta.url): vite's dev server rewrites that form (dropping the slash).
        'const here = import.meta.url;',
        "setWasmPaths(here.slice(0, here.lastIndexOf('/') + 1));",
        "export * from '@tensorflow/tfjs-backend-wasm';",
      ].join('\n'),
      loader: 'js',
      resolveDir: ROOT,
    }));
  },
};

/** Bundles src/browser.ts into dist/browser/tfgraph.js and copies the wasm binaries beside it. */
export async function buildBrowser(
  options: { minify?: boolean; quiet?: boolean; sourcemap?: boolean } = {},
): Promise<esbuild.Metafile> {
  mkdirSync(BROWSER_OUT_DIR, { recursive: true });
  const result = await esbuild.build({
    entryPoints: [join(ROOT, 'src', 'browser.ts')],
    outfile: BROWSER_BUNDLE,
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    sourcemap: options.sourcemap ?? true,
    minify: options.minify ?? false,
    plugins: [nodeBuiltinStubs, nodeAddonStub, wasmBesideBundle],
    metafile: true,
    logLevel: options.quiet ? 'error' : 'warning',
  });
  const require = createRequire(import.meta.url);
  const wasmDir = dirname(
    require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'),
  );
  for (const f of WASM_FILES) copyFileSync(join(wasmDir, f), join(BROWSER_OUT_DIR, f));
  return result.metafile;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const minify = process.argv.includes('--minify');
  const meta = await buildBrowser({ minify });
  const out = meta.outputs[Object.keys(meta.outputs).find((k) => k.endsWith('tfgraph.js')) ?? ''];
  console.log(
    `wrote ${BROWSER_BUNDLE} (${((out?.bytes ?? 0) / 1e6).toFixed(2)} MB${minify ? ', minified' : ''}) and the wasm binaries beside it`,
  );
}
