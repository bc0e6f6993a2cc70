// Choosing the default backend in a browser: webgl, then wasm, then cpu (tfjs' own order of
// preference), decided once per page without loading any backend module.

/** True in a page or a web worker; false in Node, even under a DOM emulation such as jsdom. */
export function inBrowser(): boolean {
  if (typeof process !== 'undefined' && typeof process.versions?.node === 'string') return false;
  return (
    typeof document !== 'undefined' ||
    typeof (globalThis as { WorkerGlobalScope?: unknown }).WorkerGlobalScope !== 'undefined'
  );
}

/** Whether this page can create a WebGL context, the one thing tfjs' webgl backend cannot do without. */
function webglAvailable(): boolean {
  try {
    let gl: WebGL2RenderingContext | WebGLRenderingContext | null = null;
    if (typeof OffscreenCanvas !== 'undefined') {
      const c = new OffscreenCanvas(1, 1);
      gl = c.getContext('webgl2') ?? c.getContext('webgl');
    } else if (typeof document !== 'undefined') {
      const c = document.createElement('canvas');
      gl = c.getContext('webgl2') ?? c.getContext('webgl');
    }
    if (gl === null) return false;
    // Browsers cap live WebGL contexts (about 16); give the probe's back at once.
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return true;
  } catch {
    return false;
  }
}

let chosen: string | undefined;

/** 'webgl' where a WebGL context can be made (GPU or SwiftShader), else 'wasm', else 'cpu'. */
export function browserDefaultBackend(): string {
  chosen ??= webglAvailable() ? 'webgl' : typeof WebAssembly === 'object' ? 'wasm' : 'cpu';
  return chosen;
}
