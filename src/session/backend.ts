import * as tfc from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import { RuntimeError, ValueError } from '../errors.js';
import { browserDefaultBackend, inBrowser } from './browser_backend.js';

/** Optional backends are loaded on first use so the cpu-only path needs none of them. */
const LOADERS: Record<string, () => Promise<unknown>> = {
  wasm: () => import('@tensorflow/tfjs-backend-wasm'),
  webgl: () => import(/* @vite-ignore */ '@tensorflow/tfjs-backend-webgl' as string),
  tensorflow: () => import(/* @vite-ignore */ '@tensorflow/tfjs-node' as string),
};

const ready = new Map<string, Promise<void>>();

export function isBackendReady(name: string): boolean {
  return tfc.engine().registry[name] !== undefined;
}

/**
 * The backends a Session that names none tries, in order: in Node wasm (it ships in the
 * package and loads its .wasm file from node_modules, no network), then cpu; in a browser
 * webgl, then wasm, then cpu.
 */
export function defaultBackendCandidates(): string[] {
  if (!inBrowser()) return ['wasm', 'cpu'];
  const first = browserDefaultBackend();
  return [first, ...['webgl', 'wasm', 'cpu'].filter((b) => b !== first)];
}

/** The default backend's name before it is resolved: the first candidate. */
export function defaultBackendName(): string {
  return defaultBackendCandidates()[0]!;
}

/** The first default candidate that initialises (cpu always does). */
export async function resolveDefaultBackend(): Promise<string> {
  for (const name of defaultBackendCandidates()) {
    try {
      await prepareBackend(name);
      return name;
    } catch {
      // Not available here (e.g. no WebAssembly): try the next one.
    }
  }
  return 'cpu';
}

/**
 * The default without waiting (for a first `runSync`): the first candidate already initialised,
 * else cpu, which initialises synchronously.
 */
export function resolveDefaultBackendSync(): string {
  return defaultBackendCandidates().find(isBackendReady) ?? 'cpu';
}

/** Registers (if needed) and initialises a backend, once. */
export function prepareBackend(name: string): Promise<void> {
  let p = ready.get(name);
  if (!p) {
    p = (async () => {
      if (tfc.findBackendFactory(name) === null) {
        const load = LOADERS[name];
        if (!load) throw new ValueError(`Unknown backend '${name}'; expected one of cpu, wasm, webgl, tensorflow`);
        try {
          await load();
        } catch (e) {
          throw new RuntimeError(`Backend '${name}' could not be loaded: ${(e as Error).message}`);
        }
      }
      const previous = tfc.getBackend();
      const ok = await tfc.setBackend(name);
      if (!ok) throw new RuntimeError(`Backend '${name}' failed to initialise`);
      if (previous && previous !== name) await tfc.setBackend(previous);
    })();
    ready.set(name, p);
    p.catch(() => ready.delete(name));
  }
  return p;
}

/** Makes `name` the active tfjs backend; it must already be initialised. */
export function activateBackend(name: string): void {
  if (tfc.getBackend() === name && isBackendReady(name)) return;
  // cpu initialises synchronously, so runSync can start it; others need an await first.
  if (!isBackendReady(name) && name === 'cpu') void tfc.setBackend(name);
  if (!isBackendReady(name)) {
    throw new RuntimeError(`Backend '${name}' is not initialised yet: await session.run(...) (or session.ready()) once before runSync.`);
  }
  void tfc.setBackend(name);
}

/**
 * Runs `fn` with `name` active (it must be initialised, or be cpu), then restores the
 * previous backend: constant folding computes on cpu whatever the session's backend.
 */
export function onBackend<T>(name: string, fn: () => T): T {
  const previous = tfc.getBackend();
  if (previous === name) return fn();
  activateBackend(name);
  try {
    return fn();
  } finally {
    if (previous) activateBackend(previous);
  }
}
