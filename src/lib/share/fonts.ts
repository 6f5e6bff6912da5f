/**
 * The font files every rasterised image (figure PNGs, link-preview cards) is drawn with.
 *
 * Figures name the system UI stack (`chartFont` in src/lib/figures/theme.ts), which is a
 * different font on every machine. A PNG must come out byte for byte the same everywhere, so the
 * rasteriser never looks at system fonts: it gets these files, from an npm package pinned in the
 * lockfile (Noto Sans, SIL OFL 1.1), and maps every family it does not know — `system-ui`,
 * `Segoe UI`, `sans-serif`… — to Noto Sans. Noto Sans has every character the figures draw
 * (Greek, super- and subscripts, −, √, ≥, ‖; checked in test/unit/share/raster.test.ts).
 */
import { createRequire } from 'node:module';

/** The family name inside the files below. */
export const RASTER_FONT_FAMILY = 'Noto Sans';

const FILES = ['400Regular/NotoSans_400Regular.ttf', '700Bold/NotoSans_700Bold.ttf'] as const;

/** Absolute paths of the font files, resolved through Node's module resolution (node_modules). */
export function rasterFontFiles(): string[] {
  const require = createRequire(import.meta.url);
  return FILES.map((file) => require.resolve(`@expo-google-fonts/noto-sans/${file}`));
}
