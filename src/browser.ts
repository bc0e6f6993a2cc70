// The browser entry of tfgraph: the same `tf` namespace as src/index.ts, so code written against
// the Node package runs unchanged in a page. Node-only APIs (tf.train.Saver, tf.train.writeGraph,
// tf.summary.FileWriter) stay in the namespace but throw a RuntimeError when they reach for the
// file system (tf.train.latestCheckpoint finds no checkpoint, so returns null): the browser build (scripts/build_browser.ts) replaces
// node:fs, node:path and node:os with modules whose functions throw.
// The wasm backend stays lazy as in Node (loaded when a Session first asks for it); the build
// wraps it so that it fetches its .wasm binaries from beside the bundle, not beside the page.
export * from './index.js';
/**
 * The bundled tfjs-core, whose engine the Sessions run on: for engine settings and inspection
 * that a page cannot otherwise reach inside the bundle.
 * @example
 * tf.tfjs.env().set('WEBGL_PACK', false);
 * console.log(tf.tfjs.getBackend(), tf.tfjs.memory().numTensors);
 */
export * as tfjs from '@tensorflow/tfjs-core';
