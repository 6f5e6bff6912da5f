/**
 * Build-time rendering of a Vega-Lite spec to an accessible, self-contained inline SVG string:
 * compile with the site theme → run a headless Vega view → shrink (`optimiseSvg`) → post-process
 * (`toInlineSvg`).
 *
 * Output is byte-identical for the same input, in one process or across processes: Vega's only
 * process-global state that reaches the SVG (its clip-path and gradient id counters) is
 * renumbered away by `toInlineSvg`, and without the optional `canvas` package text widths are
 * estimated from character counts, not measured.
 */

import * as vega from 'vega';
import * as vl from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';

import { toInlineSvg, type InlineSvgOptions } from './inline-svg';
import { optimiseSvg } from './optimise-svg';
import { vegaConfig } from './theme';
import { assertFigureId } from './types';

export interface RenderOptions extends InlineSvgOptions {
  /**
   * Receives Vega-Lite's and Vega's warnings, already prefixed with the figure id.
   * Defaults to `console.warn`; tests pass a collector to stay silent.
   */
  warn?: (message: string) => void;
}

type Handler = (level: 'error' | 'warn', args: readonly unknown[]) => void;

/** A vega-util logger that hands warnings and errors to `handler`; info and debug are dropped. */
function forwardingLogger(handler: () => Handler): vega.LoggerInterface {
  let level = vega.Warn;
  const logger: vega.LoggerInterface = {
    level(...args: [number?]) {
      if (args.length === 0 || args[0] === undefined) return level;
      level = args[0];
      return logger;
    },
    error(...args: readonly unknown[]) {
      if (level >= vega.Error) handler()('error', args);
      return logger;
    },
    warn(...args: readonly unknown[]) {
      if (level >= vega.Warn) handler()('warn', args);
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  } as vega.LoggerInterface;
  return logger;
}

function messageOf(args: readonly unknown[]): string {
  return args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ');
}

/**
 * Vega-Lite keeps ONE process-global logger, replaced by every `compile` that passes one and
 * never restored. So we install a single forwarding logger and point it at the figure being
 * compiled only for the (synchronous) duration of its `compile`.
 */
let compiling: Handler | null = null;
const vegaLiteLogger = forwardingLogger(
  () => compiling ?? ((level, args) => console.warn(`[vega-lite ${level}]`, messageOf(args))),
);

/** Single and layered views fill exactly the theme's width × height, padding included. */
function withDefaultAutosize(spec: TopLevelSpec): TopLevelSpec {
  if ('autosize' in spec && spec.autosize !== undefined) return spec;
  const composite = ['hconcat', 'vconcat', 'concat', 'facet', 'repeat'].some((key) => key in spec);
  if (composite) return spec; // "fit" is unsupported there; Vega-Lite would warn and pad instead
  return { ...spec, autosize: { type: 'fit', contains: 'padding' } } as TopLevelSpec;
}

/**
 * Renders `spec` (data inlined) to inline SVG for the figure `options.id`: themed with
 * `vegaConfig` (the spec's own `config` wins), sized to the theme's natural chart size unless the
 * spec says otherwise, shrunk by `optimiseSvg`, ids prefixed with `fig-${id}-`, one `role="img"`
 * with `<title>`/`<desc>`. Errors from Vega-Lite or Vega (including runtime dataflow errors,
 * which Vega only logs) are rethrown with the figure id in the message.
 */
export async function renderSvg(spec: TopLevelSpec, options: RenderOptions): Promise<string> {
  const vegaSvg = await renderVegaSvg(spec, options);
  let optimised: string;
  try {
    optimised = optimiseSvg(vegaSvg);
  } catch (cause) {
    throw new Error(`Figure "${options.id}": SVGO could not optimise Vega's SVG: ${messageOf([cause])}`, { cause });
  }
  return toInlineSvg(optimised, options);
}

/**
 * Vega's own SVG for `spec`, before any post-processing: what `renderSvg` starts from. Exposed so
 * that tests can check the post-processing against it (the optimised figure must look the same).
 */
export async function renderVegaSvg(spec: TopLevelSpec, options: RenderOptions): Promise<string> {
  assertFigureId(options.id);
  const figure = `Figure "${options.id}"`;
  const warn = options.warn ?? ((message: string) => console.warn(message));
  const errors: string[] = [];
  const handle: Handler = (level, args) => {
    if (level === 'error') errors.push(messageOf(args));
    else warn(`${figure}: ${messageOf(args)}`);
  };

  let vegaSpec: vega.Spec;
  compiling = handle;
  try {
    vegaSpec = vl.compile(withDefaultAutosize(spec), { config: vegaConfig, logger: vegaLiteLogger }).spec;
  } catch (cause) {
    throw new Error(`${figure}: Vega-Lite could not compile the spec: ${messageOf([cause])}`, { cause });
  } finally {
    compiling = null;
  }
  if (errors.length > 0) throw new Error(`${figure}: Vega-Lite reported: ${errors.join('; ')}`);

  let svg: string;
  let view: vega.View | undefined;
  try {
    view = new vega.View(vega.parse(vegaSpec), {
      renderer: 'none',
      logger: forwardingLogger(() => handle),
      logLevel: vega.Warn,
    });
    svg = await view.toSVG();
  } catch (cause) {
    throw new Error(`${figure}: Vega could not render the spec: ${messageOf([cause])}`, { cause });
  } finally {
    view?.finalize();
  }
  if (errors.length > 0) throw new Error(`${figure}: Vega reported: ${errors.join('; ')}`);
  return svg;
}
