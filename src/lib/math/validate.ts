/**
 * Argument checks shared by the math module. Each throws a RangeError that names the argument,
 * states the allowed range and shows the value received, e.g.
 * `RangeError: n must be a finite number > 1, got 0.5`.
 */

function fail(name: string, range: string, value: number): never {
  const allowed = range === '' ? 'a finite number' : `a finite number ${range}`;
  throw new RangeError(`${name} must be ${allowed}, got ${String(value)}`);
}

/** value is a finite number. */
export function requireFinite(name: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value)) fail(name, '', value);
}

/** value is finite and > bound. */
export function requireAbove(name: string, value: number, bound: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || !(value > bound)) fail(name, `> ${bound}`, value);
}

/** value is finite and ≥ bound. */
export function requireAtLeast(name: string, value: number, bound: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || !(value >= bound)) fail(name, `≥ ${bound}`, value);
}

/** value is finite and ≠ 0. */
export function requireNonZero(name: string, value: number): void {
  if (typeof value !== 'number' || !Number.isFinite(value) || value === 0) fail(name, '≠ 0', value);
}
