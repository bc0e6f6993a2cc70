// The browser tests exercise the built bundle (dist/browser/tfgraph.js, made by the suite's
// global setup), not src through vite: that is what a page gets, node builtins stubbed and all.
import type * as TF from '../../src/browser.js';

/** The bundle's namespace, typed by the entry it was built from. */
export type TfBundle = typeof TF;

/** Served by vitest's dev server from the repository root. */
const BUNDLE_URL = '/dist/browser/tfgraph.js';

let loaded: Promise<TfBundle> | undefined;

/** Imports the bundle once per page (one tfjs engine, as a page that loads it would have). */
export function loadBundle(): Promise<TfBundle> {
  loaded ??= import(/* @vite-ignore */ BUNDLE_URL).then((m: TfBundle) => m);
  return loaded;
}
