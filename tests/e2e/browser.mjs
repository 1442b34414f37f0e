// Shared set-up for end-to-end tests: Debian's Chromium driven by playwright-core,
// and the demo server on a free port.
import { chromium } from "playwright-core";
import { serve } from "../../scripts/serve.mjs";

export async function start() {
  const server = await serve(0);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
      "--disable-background-networking", "--disable-component-update", "--disable-sync",
      "--disable-dev-shm-usage",
    ],
  });
  return {
    base,
    browser,
    async close() {
      await browser.close();
      server.close();
    },
  };
}

/** A page that records console errors and CSP violations. */
export async function openPage(browser, url) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const problems = [];
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  page.on("pageerror", (e) => problems.push(String(e)));
  await page.goto(url);
  return { page, problems };
}
