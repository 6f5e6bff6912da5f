/** How a number is printed in prose: fixed decimals, or significant digits. */
export interface NumberFormat {
  /** Digits after the decimal point. */
  digits?: number;
  /** Significant digits (used when `digits` is absent). Trailing zeros are kept: 9.0 stays 9.0. */
  sig?: number;
  /** Multiply by 100 and append "%". */
  percent?: boolean;
}

const MINUS = '\u2212';
const SUPERSCRIPT: Record<string, string> = { '-': '⁻', '+': '', 0: '⁰', 1: '¹', 2: '²', 3: '³', 4: '⁴', 5: '⁵', 6: '⁶', 7: '⁷', 8: '⁸', 9: '⁹' };

/** Formats for reading: typographic minus; very small numbers as m × 10⁻ᵏ. */
export function formatNumber(value: number, format: NumberFormat): string {
  if (!Number.isFinite(value)) throw new Error(`cannot print ${value} in prose`);
  const scaled = format.percent ? value * 100 : value;
  let text: string;
  if (format.digits !== undefined) {
    text = scaled.toFixed(format.digits);
    if (/^-0(\.0+)?$/.test(text)) text = text.slice(1); // no "−0.000"
  } else if (format.sig !== undefined) {
    text = scaled.toPrecision(format.sig);
    const exp = /^(-?[\d.]+)e([+-]\d+)$/.exec(text);
    if (exp) {
      // toPrecision switches to exponent form for |x| ≥ 10^sig and |x| < 1e-6.
      text = Math.abs(scaled) >= 1
        ? Number(text).toFixed(0)
        : `${exp[1]} × 10${[...exp[2]!].map((c) => SUPERSCRIPT[c]).join('')}`;
    }
  } else {
    throw new Error('a number in prose needs a stated precision: digits or sig');
  }
  return text.replace(/^-/, MINUS) + (format.percent ? '%' : '');
}
