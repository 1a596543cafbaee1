import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { websiteServer } from '../../scripts/preview/website-server.ts';

test('the preview host serves its index, and every preview, with framing refused', async (t) => {
  const files: Record<string, string> = {
    'index.html': '<!doctype html><title>Previews</title>',
    'pr-1/index.html': '<!doctype html><title>Preview</title>',
    'pr-1/404.html': '<!doctype html><title>Not found</title>',
  };
  const server = websiteServer({
    read: (key) =>
      Promise.resolve(
        files[key] === undefined
          ? undefined
          : { body: Buffer.from(files[key]), contentType: 'text/html', cacheControl: 'no-cache' },
      ),
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  t.after(() => new Promise<void>((closed) => server.close(() => closed())));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const [path, status] of [
    ['/', 200],
    ['/pr-1/', 200],
    ['/pr-1/missing/', 404],
  ] as const) {
    const response = await fetch(origin + path);
    await response.arrayBuffer();
    assert.equal(response.status, status, path);
    assert.equal(response.headers.get('x-frame-options'), 'DENY', path);
    assert.equal(response.headers.get('content-security-policy'), "frame-ancestors 'none'", path);
  }
});
