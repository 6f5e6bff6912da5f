import type { APIRoute } from 'astro';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPins } from '../lib/cite/build-pins';
import { cffForBuild } from '../lib/cite/cff';

/** The repository's CITATION.cff, pinned to this build (src/lib/cite/cff.ts). */
export const GET: APIRoute = () =>
  new Response(cffForBuild(readFileSync(join(process.cwd(), 'CITATION.cff'), 'utf8'), buildPins()), {
    headers: { 'Content-Type': 'application/x-yaml; charset=utf-8' },
  });
