// A tiny static file server for the end-to-end tests (no dependency).
//
// Serves `dir` on 127.0.0.1 and an ephemeral port, under an optional base path (e.g. `/tanh-nx/`),
// the way a static host such as GitHub Pages would:
//   `/base/dir/`  → `dir/index.html`
//   `/base/dir`   → 301 to `/base/dir/` when `dir` is a directory
//   `/base/x`     → `x`, or `x.html` if that exists
//   anything else → `404.html` (if present) with status 404
// Path traversal (`..`, encoded or not, NUL bytes) is refused with 400.
// With `gzip: true`, text responses are gzip-compressed for clients that accept it, as a real
// static host does (Lighthouse scores the transfer sizes a reader would get).

import { createReadStream } from 'node:fs';
import { readFile, stat, realpath } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

export interface StaticServer {
  /** Origin plus base path, always ending in `/`, e.g. `http://127.0.0.1:41234/tanh-nx/`. */
  url: string;
  /** Origin only, e.g. `http://127.0.0.1:41234`. */
  origin: string;
  /** The normalised base path, e.g. `/` or `/tanh-nx/`. */
  base: string;
  /** Every request path the server saw (path + query), in order. */
  requests: string[];
  close(): Promise<void>;
}

export interface StartOptions {
  /** Sub-path the site is served under; `/` by default. */
  base?: string;
  /** Gzip compressible responses (text, JSON, SVG, wasm) when the client accepts gzip. */
  gzip?: boolean;
}

const BINARY = 'application/octet-stream';

export const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/markdown; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.wasm': 'application/wasm',
  // Pagefind's index files (compressed binary blobs it fetches and decodes itself).
  '.pf_meta': BINARY,
  '.pf_index': BINARY,
  '.pf_fragment': BINARY,
  '.pf_filter': BINARY,
  '.pagefind': BINARY,
};

export function contentType(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? BINARY;
}

/** Types a static host compresses: text of any kind, JSON, XML, SVG and WebAssembly. */
export function isCompressible(type: string): boolean {
  return /^(text\/|application\/(json|xml|manifest\+json|wasm)|image\/svg\+xml)/.test(type);
}

function acceptsGzip(req: IncomingMessage): boolean {
  const header = req.headers['accept-encoding'];
  const value = Array.isArray(header) ? header.join(',') : (header ?? '');
  return value.split(',').some((part) => {
    const [coding, ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q=([\d.]+)/.exec(p)?.[1]).find(Boolean);
    return (coding === 'gzip' || coding === '*') && (q === undefined || Number(q) > 0);
  });
}

/** `''`, `/`, `tanh-nx`, `/tanh-nx`, `/tanh-nx/` → `/` or `/tanh-nx/`. */
export function normaliseBase(base: string | undefined): string {
  const trimmed = (base ?? '/').trim().replace(/^\/+|\/+$/g, '');
  return trimmed === '' ? '/' : `/${trimmed}/`;
}

async function statOrNull(file: string) {
  try {
    return await stat(file);
  } catch {
    return null;
  }
}

export async function start(dir: string, options: StartOptions = {}): Promise<StaticServer> {
  const root = await realpath(path.resolve(dir));
  const base = normaliseBase(options.base);
  const requests: string[] = [];
  const gzipped = new Map<string, Promise<Buffer>>();

  function send(res: ServerResponse, status: number, body: string, type = 'text/plain; charset=utf-8') {
    res.writeHead(status, { 'Content-Type': type, 'Content-Length': Buffer.byteLength(body), 'Cache-Control': 'no-store' });
    res.end(body);
  }

  async function sendFile(req: IncomingMessage, res: ServerResponse, file: string, status: number, size: number) {
    const type = contentType(file);
    const headers: Record<string, string | number> = {
      'Content-Type': type,
      'Content-Length': size,
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
    };
    if (options.gzip && isCompressible(type)) {
      headers['Vary'] = 'Accept-Encoding';
      if (acceptsGzip(req)) {
        let body = gzipped.get(file);
        if (!body) {
          body = readFile(file).then((raw) => gzipSync(raw, { level: 9 }));
          gzipped.set(file, body);
        }
        const bytes = await body;
        res.writeHead(status, { ...headers, 'Content-Encoding': 'gzip', 'Content-Length': bytes.length });
        res.end(req.method === 'HEAD' ? undefined : bytes);
        return;
      }
    }
    res.writeHead(status, headers);
    if (req.method === 'HEAD') {
      res.end();
      return;
    }
    await new Promise<void>((resolve) => {
      const stream = createReadStream(file);
      stream.on('error', () => {
        res.destroy();
        resolve();
      });
      stream.on('end', resolve);
      stream.pipe(res);
    });
  }

  async function notFound(req: IncomingMessage, res: ServerResponse) {
    const page = path.join(root, '404.html');
    const st = await statOrNull(page);
    if (st?.isFile()) await sendFile(req, res, page, 404, st.size);
    else send(res, 404, 'Not found\n');
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    requests.push(req.url ?? '');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return send(res, 405, 'Method not allowed\n');
    }
    const rawPath = (req.url ?? '/').split(/[?#]/, 1)[0] ?? '/';
    let pathname: string;
    try {
      pathname = decodeURIComponent(rawPath);
    } catch {
      return send(res, 400, 'Bad request\n');
    }
    if (pathname.includes('\0') || pathname.includes('\\') || pathname.split('/').some((s) => s === '..')) {
      return send(res, 400, 'Bad request\n');
    }
    if (base !== '/' && pathname === base.slice(0, -1)) {
      res.writeHead(301, { Location: base });
      return res.end();
    }
    if (!pathname.startsWith(base)) return notFound(req, res);

    const relative = pathname.slice(base.length);
    const target = path.resolve(root, relative);
    if (target !== root && !target.startsWith(root + path.sep)) return send(res, 400, 'Bad request\n');

    let st = await statOrNull(target);
    if (st?.isDirectory()) {
      if (!pathname.endsWith('/')) {
        const query = (req.url ?? '').slice(rawPath.length);
        res.writeHead(301, { Location: encodeURI(pathname + '/') + query });
        return res.end();
      }
      const index = path.join(target, 'index.html');
      st = await statOrNull(index);
      if (st?.isFile()) return sendFile(req, res, index, 200, st.size);
      return notFound(req, res);
    }
    if (st?.isFile()) {
      // Refuse files reached through a symlink that leaves the root.
      const real = await realpath(target);
      if (real !== root && !real.startsWith(root + path.sep)) return notFound(req, res);
      return sendFile(req, res, target, 200, st.size);
    }
    if (!pathname.endsWith('/') && path.extname(target) === '') {
      const html = `${target}.html`;
      const sth = await statOrNull(html);
      if (sth?.isFile()) return sendFile(req, res, html, 200, sth.size);
    }
    return notFound(req, res);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) send(res, 500, `Internal error: ${String(error)}\n`);
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 1000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: origin + base,
    origin,
    base,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((err) => (err ? reject(err) : resolve()));
        server.closeAllConnections();
      }),
  };
}
