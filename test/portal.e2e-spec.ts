import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { get } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import request from 'supertest';
import { createTestApp, TestApp } from '#testing';

/** One origin: the API under /api/v1, its documentation under /api/docs, the portal's files everywhere else. */
describe('the portal and the API share one origin', () => {
  let t: TestApp;
  let raw: ReturnType<typeof request>;
  beforeAll(async () => {
    // A stand-in build of the portal (Jest's process.env is this file's own copy).
    const root = mkdtempSync(path.join(tmpdir(), 'portal-'));
    mkdirSync(path.join(root, 'assets'));
    writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>Portál</title><div id="root"></div>');
    writeFileSync(path.join(root, 'assets', 'app-abc123.js'), 'console.log(1)');
    // A script big enough to be worth compressing (the middleware leaves anything under 1 kB alone).
    writeFileSync(
      path.join(root, 'assets', 'index-Bx9f3k2a.js'),
      `export const rows = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => ({ row: i, label: `položka ${i}` })))};`,
    );
    process.env.WEB_ROOT = root;
    t = await createTestApp();
    raw = request(t.app.getHttpServer());
  });
  afterAll(() => t.close());

  /** The bytes as sent (supertest would decompress them): a plain HTTP GET to the app's server. */
  async function rawGet(url: string, headers: Record<string, string>): Promise<{ status: number; headers: IncomingHttpHeaders; body: Buffer }> {
    const server = t.app.getHttpServer() as Server;
    if (!server.listening) await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    return new Promise((resolve, reject) => {
      get({ host: '127.0.0.1', port, path: url, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      }).on('error', reject);
    });
  }

  it('serves the single page for any portal path, so deep links work on reload', async () => {
    for (const url of ['/', '/vyzvy/8f0c6c8e-4a51-4f51-9a5c-0d3f2f1f2a10', '/obnova-hesla?token=abc', '/zadosti']) {
      const response = await raw.get(url).set('Accept', 'text/html').expect(200);
      expect(response.headers['content-type']).toContain('text/html');
      expect(response.headers['cache-control']).toBe('no-cache');
      expect(response.text).toContain('<div id="root">');
    }
  });

  it('caches hashed assets for ever and answers a missing asset with 404, not the page', async () => {
    const asset = await raw.get('/assets/app-abc123.js').expect(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    await raw.get('/assets/missing-000.js').set('Accept', '*/*').expect(404);
  });

  it("compresses the portal's files as the browser asks (Brotli, else gzip), keeps hashed assets immutable and never caches index.html", async () => {
    const original = await raw.get('/assets/index-Bx9f3k2a.js').set('Accept-Encoding', 'identity').expect(200);
    expect(original.headers['content-encoding']).toBeUndefined();
    const size = Buffer.byteLength(original.text);
    for (const [asked, encoding] of [
      ['br, gzip, deflate', 'br'],
      ['gzip', 'gzip'],
    ]) {
      const response = await rawGet('/assets/index-Bx9f3k2a.js', { 'Accept-Encoding': asked });
      expect(response.status).toBe(200);
      expect(response.headers['content-encoding']).toBe(encoding);
      expect(response.headers['vary']).toMatch(/Accept-Encoding/i);
      expect(response.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      const body = response.body;
      expect(body.length).toBeLessThan(size / 3);
      expect((encoding === 'br' ? brotliDecompressSync(body) : gunzipSync(body)).toString()).toBe(original.text);
    }
    const page = await raw.get('/zadosti').set('Accept', 'text/html').set('Accept-Encoding', 'gzip').expect(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    // The API is not compressed by this middleware.
    const api = await raw.get('/api/v1/public/calls').set('Accept-Encoding', 'br, gzip').expect(200);
    expect(api.headers['content-encoding']).toBeUndefined();
  });

  it('keeps the API under /api/v1: unknown API paths are problem+json 404s, never the page', async () => {
    await raw.get('/api/v1/public/calls').expect(200);
    const missing = await raw.get('/api/v1/no-such-route').set('Accept', 'text/html').expect(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.body.code).toBe('ROUTE_NOT_FOUND');
    // The old unprefixed API paths are portal pages now.
    expect((await raw.get('/public/calls').set('Accept', 'text/html').expect(200)).text).toContain('<div id="root">');
  });

  it('publishes the OpenAPI document with every route under /api/v1', async () => {
    const document = await raw.get('/api/docs-json').expect(200);
    const paths = Object.keys(document.body.paths as Record<string, unknown>);
    expect(paths.length).toBeGreaterThan(50);
    expect(paths.filter((p) => !p.startsWith('/api/v1/'))).toEqual([]);
  });
});
