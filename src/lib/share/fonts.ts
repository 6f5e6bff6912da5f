/**
 * The font files every rasterised image (figure PNGs, link-preview cards) is drawn with.
 *
 * Figures name the system UI stack (`chartFont` in src/lib/figures/theme.ts), which is a
 * different font on every machine. A PNG must come out byte for byte the same everywhere, so the
 * rasteriser never looks at system fonts: it gets these files, from npm packages pinned in the
 * lockfile, and maps every family it does not know — `system-ui`, `Segoe UI`, `sans-serif`… — to
 * Noto Sans (SIL OFL 1.1). Noto Sans lacks ∂, √ and ≥, which figures draw; resvg then falls back
 * to another loaded font that has the glyph: DejaVu Sans (free licence, see its README). That
 * every character of every figure is covered is checked in test/unit/share/raster.test.ts.
 */
import { createRequire } from 'node:module';

/** The family name of the primary font. */
export const RASTER_FONT_FAMILY = 'Noto Sans';

/** Package-relative files: the primary font (regular, bold), then the fallback. */
export const RASTER_FONT_MODULES = [
  '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
  '@expo-google-fonts/noto-sans/700Bold/NotoSans_700Bold.ttf',
  'dejavu-fonts-ttf/ttf/DejaVuSans.ttf',
] as const;

/** Absolute paths of the font files, resolved through Node's module resolution (node_modules). */
export function rasterFontFiles(): string[] {
  const require = createRequire(import.meta.url);
  return RASTER_FONT_MODULES.map((file) => require.resolve(file));
}
