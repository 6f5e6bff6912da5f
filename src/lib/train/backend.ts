/**
 * Chooses and initialises the TensorFlow.js backend, once per thread.
 *
 * - `wasm` (the default): `@tensorflow/tfjs` with the WebAssembly backend (`tfjs-wasm`): SIMD,
 *   one thread per backend instance in Node (parallelism = worker_threads, each with its own
 *   backend). The same bytes on every machine, so published records reproduce anywhere;
 * - `node`: native TensorFlow via `@tensorflow/tfjs-node`, only when asked for — it is an
 *   optionalDependency whose install needs a download that fails on some machines, and its
 *   float32 arithmetic differs from wasm's;
 * - `cpu` (plain JavaScript) only when asked for, e.g. by a test.
 *
 * The wasm backend reads its `.wasm` binaries with `fs` from a directory prefix. Its Node build
 * defaults to its own `__dirname`, but that breaks as soon as a bundler or a loader resolves the
 * package's ESM entry instead, so the prefix is set explicitly to the directory the package
 * resolves to from this file (`createRequire(import.meta.url)`): independent of the working
 * directory, and the same inside worker_threads, where each thread loads its own instance.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The backend as recorded in provenance. */
export type BackendName = 'tfjs-node' | 'tfjs-wasm' | 'tfjs-cpu';

/** Which backend to use. */
export const BACKEND_CHOICES = ['wasm', 'node', 'cpu'] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];

export interface InitBackendOptions {
  /** Default `wasm`. */
  backend?: BackendChoice;
  /** Receives one line describing the choice, on the call that makes it (never again). */
  log?: (message: string) => void;
}

// Imported through a variable: a literal specifier fails type-checking when the optional package
// is absent.
const TFJS_NODE = '@tensorflow/tfjs-node';

let chosen: { request: BackendChoice; ready: Promise<BackendName> } | null = null;
let current: BackendName | null = null;

/**
 * Initialises the backend for this thread and returns its name. Idempotent: later calls return
 * the same promise (and log nothing); asking for a different backend afterwards is an error.
 */
export function initBackend(options: InitBackendOptions = {}): Promise<BackendName> {
  const request = options.backend ?? 'wasm';
  if (chosen) {
    if (request !== chosen.request) {
      throw new Error(`initBackend: the backend was already initialised with "${chosen.request}", cannot switch to "${request}"`);
    }
    return chosen.ready;
  }
  const ready = select(request).then((name) => {
    current = name;
    options.log?.(`TensorFlow.js backend: ${name} (${describe(name)})`);
    return name;
  });
  chosen = { request, ready };
  // A failed initialisation may be retried.
  ready.catch(() => {
    if (chosen?.ready === ready) chosen = null;
  });
  return ready;
}

/** The backend initialised in this thread, for provenance; throws before `initBackend`. */
export function backendName(): BackendName {
  if (current === null) throw new Error('backendName: call (and await) initBackend() first');
  return current;
}

async function select(request: BackendChoice): Promise<BackendName> {
  // No "Hi there, install tfjs-node" banners or debug warnings on the console.
  tf.enableProdMode();
  if (request === 'cpu') return use('cpu', 'tfjs-cpu');
  if (request === 'node') {
    await loadTfjsNode();
    return use('tensorflow', 'tfjs-node');
  }
  setWasmPaths(wasmDirectory());
  return use('wasm', 'tfjs-wasm');
}

async function loadTfjsNode(): Promise<void> {
  try {
    await import(TFJS_NODE);
  } catch (error) {
    throw new Error(
      `--backend node: ${TFJS_NODE} is not installed or does not load here (${(error as Error).message.split('\n')[0]}); ` +
        'it is an optional dependency whose install downloads libtensorflow — use the default wasm backend',
    );
  }
}

async function use(tfName: string, name: BackendName): Promise<BackendName> {
  if (!(await tf.setBackend(tfName))) throw new Error(`initBackend: TensorFlow.js backend "${tfName}" failed to initialise`);
  await tf.ready();
  return name;
}

/** Directory of the wasm binaries (with a trailing separator, as setWasmPaths expects a prefix). */
export function wasmDirectory(): string {
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm')) + path.sep;
}

function describe(name: BackendName): string {
  switch (name) {
    case 'tfjs-node':
      return 'native TensorFlow via @tensorflow/tfjs-node';
    case 'tfjs-wasm':
      return 'WebAssembly with SIMD, one thread';
    case 'tfjs-cpu':
      return 'plain JavaScript, as requested';
  }
}
