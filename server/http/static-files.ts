/** Serves the built page from dist/ (single-page app: unknown paths get index.html). */
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import sirv from 'sirv';

/** The built page; PACKET_LADDER_DIST points elsewhere (a second build side by side). */
export const DIST_DIR = path.resolve(
  process.env.PACKET_LADDER_DIST ?? path.join(import.meta.dirname, '../../dist'),
);

export function staticHandler(dir = DIST_DIR): http.RequestListener {
  if (!fs.existsSync(path.join(dir, 'index.html'))) {
    return (_req, res) => {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The page is not built yet: run `npm run build` (npm start does it for you).\n');
    };
  }
  const serve = sirv(dir, { single: true, etag: true, gzip: false });
  return (req, res) => {
    // sirv hands a Range straight to createReadStream, which throws on "bytes=9-2"; the page
    // never asks for ranges, so any Range but a well-formed, ordered one is ignored.
    const range = /^bytes=(\d{1,15})-(\d{1,15})$/.exec(req.headers.range ?? '');
    if (req.headers.range !== undefined && (!range || Number(range[1]) > Number(range[2]))) {
      delete req.headers.range;
    }
    serve(req, res, () => {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found\n');
    });
  };
}
