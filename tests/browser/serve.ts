// A local static server for the built site and a headless Chromium (Debian's) driven by
// playwright-core, for tests that load pages the way a reader does.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import sirv from "sirv";
import { chromium, type Browser } from "playwright-core";

export interface Served {
  origin: string;
  close(): Promise<void>;
}

export interface Session extends Served {
  browser: Browser;
}

/** Serves `dir` at `base` ("/" or "/supplement/") on 127.0.0.1; anything outside the base is a 404. */
export async function serveSite(dir: string, base = "/"): Promise<Served> {
  const serve = sirv(dir, { dev: false, etag: false });
  const server: Server = createServer((req, res) => {
    if (!req.url?.startsWith(base)) {
      res.statusCode = 404;
      res.end();
      return;
    }
    req.url = `/${req.url.slice(base.length)}`;
    serve(req, res, () => {
      res.statusCode = 404;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The site served as above, and Debian's Chromium, headless, with nothing of its own online. */
export async function openSite(dir: string, base = "/"): Promise<Session> {
  const served = await serveSite(dir, base);
  const browser = await chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      // Root (as in CI) cannot use Chromium's sandbox.
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
  return {
    origin: served.origin,
    browser,
    async close() {
      await browser.close();
      await served.close();
    },
  };
}
