import type { APIRoute } from 'astro';
import { bibliography } from '../lib/references/bibliography';
import { bibtexFile, referenceToBibtex } from '../lib/references/bibtex';

/** The whole bibliography as one BibTeX file. */
export const GET: APIRoute = () =>
  new Response(
    bibtexFile(
      [...bibliography].sort((a, b) => a.key.localeCompare(b.key)).map(referenceToBibtex),
      '% The works the tanh-nx articles cite (generated from src/lib/references/bibliography.ts).',
    ),
    { headers: { 'Content-Type': 'application/x-bibtex; charset=utf-8' } },
  );
