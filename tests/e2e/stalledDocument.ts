/**
 * A proxy in front of the built site's server that sends the page's HTML in two parts, with a
 * pause after `marker`: the parser has all before it and the browser paints that meanwhile, as
 * on a slow network or a busy machine. Every other file passes through as it is.
 */
import { createServer } from 'node:http';
import type { StaticServer } from '../../scripts/lib/staticServer';

export function stalledDocument(target: string, marker: string, pauseMs: number): Promise<StaticServer> {
  const server = createServer((req, res) => {
    void (async () => {
      const upstream = await fetch(new URL(req.url ?? '/', target), {
        headers: req.headers['if-none-match'] ? { 'if-none-match': req.headers['if-none-match'] } : {},
      });
      const headers: Record<string, string> = {};
      for (const name of ['content-type', 'etag', 'cache-control']) {
        const value = upstream.headers.get(name);
        if (value) headers[name] = value;
      }
      res.writeHead(upstream.status, headers);
      if (!headers['content-type']?.startsWith('text/html')) {
        res.end(Buffer.from(await upstream.arrayBuffer()));
        return;
      }
      const html = await upstream.text();
      const cut = html.indexOf(marker);
      if (cut < 0) throw new Error(`stalledDocument: no ${marker} in the page`);
      res.write(html.slice(0, cut));
      await new Promise((done) => setTimeout(done, pauseMs));
      res.end(html.slice(cut));
    })().catch((e: unknown) => res.destroy(e instanceof Error ? e : new Error(String(e))));
  });
  return new Promise((ok) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      ok({
        url: `http://127.0.0.1:${port}/`,
        close: () => new Promise((done) => server.close(() => done())),
      });
    });
  });
}
