/**
 * Renderer speed figures, measured in headless Chromium against the real web host with
 * this bench's own simulators (a scanner that answers at once, an Eko sandbox without
 * injected latency, whose own handling time is subtracted):
 *   - initial JS (gzip) of the built renderer           goal < 150 KB
 *   - navigation → interactive home screen (median)     goal < 300 ms
 *   - "Capture fingerprint" → balance painted, minus the simulators' own time (median) goal < 50 ms,
 *     split into this app's own time (renderer + the main side's Server-Timing) and the
 *     browser's HTTP round trips to the web host
 *   - renderer heap after GC, after 5 and after 50 enquiries                          goal: no growth
 * Prints figures; never fails a build.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_PATH } from '../../playwright.config';
import { demoAadhaar, startEkoSandbox } from '../../main/simulators/eko';
import { startRdSimulator } from '../../main/simulators/rd';
import { startKiosk } from '../../test/support/kiosk-process';
import { buildRenderer } from '../build';

const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

async function initialJsGzip(outDir: string): Promise<number> {
  const html = fs.readFileSync(path.join(outDir, 'index.html'), 'utf8');
  // The entry script and the chunks it imports statically (preloaded); lazily loaded screens are not initial.
  const scripts = [...html.matchAll(/<(?:script[^>]+src|link rel="modulepreload" href)="\/([^"]+\.js)"/g)].map((m) => m[1]!);
  return scripts.reduce((sum, f) => sum + zlib.gzipSync(fs.readFileSync(path.join(outDir, f)), { level: 9 }).length, 0);
}

/** performance.now() (ms since navigation start) at the first animation frame where `selector` is in the page. */
async function paintedAt(page: Page, selector: string, timeout = 30_000): Promise<number> {
  const handle = await page.waitForFunction((sel) => (document.querySelector(sel) ? performance.now() : false), selector, { polling: 'raf', timeout });
  return (await handle.jsonValue()) as number;
}

interface EnquiryTiming {
  /** Click → balance painted. */
  total: number;
  /** The renderer's own share: click → capture request sent, capture answer → enquiry request sent, enquiry answer → painted. */
  renderer: number;
  /** The main side's own share: its dispatch time for the two calls (the web host's Server-Timing), simulators included. */
  main: number;
}

async function enquiry(page: Page, aadhaar: string): Promise<EnquiryTiming> {
  await page.getByLabel('Customer mobile number', { exact: true }).fill('9876543210');
  await page.keyboard.press('Enter');
  await page.getByLabel('Aadhaar number', { exact: true }).fill(aadhaar);
  await page.keyboard.press('Enter');
  await page.getByRole('combobox', { name: 'Bank', exact: true }).fill('sbi');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await page.getByRole('checkbox', { name: /consent/ }).check();
  await page.keyboard.press('Enter');
  const captureButton = page.getByRole('button', { name: 'Capture fingerprint', exact: true });
  await captureButton.waitFor();
  // The moment of the click, taken in the page.
  await page.evaluate(() => {
    document.addEventListener('click', () => ((window as unknown as { __t0: number }).__t0 = performance.now()), { capture: true, once: true });
  });
  await captureButton.click();
  const painted = await paintedAt(page, '[data-testid="balance"]');
  // A string, not a function: tsx's name helpers do not exist in the page.
  const { t0, capture, enquiry } = (await page.evaluate(`(() => {
    const last = (name) => {
      const all = performance.getEntriesByType('resource').filter((e) => e.name.endsWith('/api/' + name));
      const e = all[all.length - 1];
      const dispatch = (e.serverTiming || []).find((t) => t.name === 'dispatch');
      return { start: e.startTime, end: e.responseEnd, server: dispatch ? dispatch.duration : NaN };
    };
    return { t0: window.__t0, capture: last('captureFingerprint'), enquiry: last('balanceEnquiry') };
  })()`)) as { t0: number; capture: { start: number; end: number; server: number }; enquiry: { start: number; end: number; server: number } };
  return {
    total: painted - t0,
    renderer: capture.start - t0 + (enquiry.start - capture.end) + (painted - enquiry.end),
    main: capture.server + enquiry.server,
  };
}

export async function benchRenderer(print: (line: string) => void): Promise<void> {
  const { outDir } = await buildRenderer();
  const gz = await initialJsGzip(outDir);
  print(`renderer initial JS: ${(gz / 1024).toFixed(1)} KB gzip (goal < 150 KB)`);

  const rd = await startRdSimulator({ devices: [{ scenario: 'ready', captureDelayMs: 0 }] });
  const eko = await startEkoSandbox({ port: 0, dailyAuthDone: true });
  const kiosk = await startKiosk({ KIOSK_RD_PORTS: String(rd.ports[0]), ...eko.kioskEnv() });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    // Navigation → the home screen's main action is on screen. Cold: a fresh browser profile each time
    // (no code cache); warm: a reload of the same page, as the desktop app restarts with V8's code cache.
    // Chromium writes a script's code cache on its second load and uses it from the third, so the
    // first WARM_UP reloads are not counted as warm.
    const WARM_UP = 3;
    const cold: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < 6; i++) {
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      const page = await context.newPage();
      await page.goto(kiosk.launchUrl);
      const t = await paintedAt(page, '[data-startup="done"] .start-enquiry');
      if (i > 0) cold.push(t); // the first one warms the host
      if (i === 5) {
        for (let j = 0; j < WARM_UP + 15; j++) {
          await page.reload();
          const at = await paintedAt(page, '[data-startup="done"] .start-enquiry');
          if (j >= WARM_UP) warm.push(at);
        }
      }
      await context.close();
    }
    print(
      `navigation → interactive home: warm ${ms(median(warm))} median, ${ms(Math.max(...warm))} max of ${warm.length} ` +
        `(after ${WARM_UP} reloads that build the code cache); cold (fresh profile) ${ms(median(cold))} median (goal < 300 ms)`,
    );

    // Capture → balance painted. The app's part: total minus the sandbox's handling time (the scanner answers at once).
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(kiosk.launchUrl);
    await page.getByRole('button', { name: 'Balance enquiry', exact: true }).click();
    const cdp = await context.newCDPSession(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      await cdp.send('HeapProfiler.collectGarbage');
      return ((await cdp.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
    };
    const totals: number[] = [];
    const nets: number[] = [];
    const rendererShare: number[] = [];
    const own: number[] = [];
    const http: number[] = [];
    const mainShare: number[] = [];
    const heaps: Record<number, number> = {};
    const aadhaar = demoAadhaar('success');
    for (let i = 1; i <= 150; i++) {
      const before = new Set(eko.transactions.keys());
      const timing = await enquiry(page, aadhaar);
      const tx = [...eko.transactions.values()].find((t) => !before.has(t.clientRefId));
      const rdOwnMs = rd.devices[0]!.lastCaptureHandlingMs; // not a device poll's
      // Timings from the first 50; the rest only for the heap's trend.
      if (i <= 50) {
        totals.push(timing.total);
        const simulatorsMs = (tx?.handlingMs ?? 0) + rdOwnMs;
        nets.push(timing.total - simulatorsMs);
        rendererShare.push(timing.renderer);
        mainShare.push(timing.main - simulatorsMs);
        own.push(timing.renderer + timing.main - simulatorsMs);
        http.push(timing.total - timing.renderer - timing.main);
      }
      await page.getByRole('button', { name: 'New enquiry', exact: true }).click();
      if (i === 5 || i === 25 || i === 50 || i === 100 || i === 150) {
        // The browser's resource-timing buffer is not the app's memory.
        await page.evaluate(() => performance.clearResourceTimings());
        heaps[i] = await heap();
      }
    }
    const heapAt5 = heaps[5]!;
    const heapAt50 = heaps[50]!;
    print(
      `capture → balance painted: ${ms(median(totals))} median total; minus the simulators' own time ${ms(median(nets))} median, ${ms(Math.max(...nets))} max of ${nets.length}` +
        " (includes Chromium's two HTTP round trips to the web host, which the desktop app replaces by IPC)",
    );
    print(
      `  of which this app's own time: ${ms(median(own))} median, ${ms(Math.max(...own))} max (goal < 50 ms) = ` +
        `renderer (bridge, store, React, paint) ${ms(median(rendererShare))} median + main side (scanner HTTP, PID hand-over, journal, ` +
        `signing, encryption, Eko HTTP; its Server-Timing minus the simulators) ${ms(median(mainShare))} median`,
    );
    print(`  and Chromium's two HTTP round trips to the web host: ${ms(median(http))} median (IPC in the desktop app)`);
    const growth = heapAt50 - heapAt5;
    print(
      `renderer heap after GC: ${(heapAt5 / 1024 / 1024).toFixed(2)} MB after 5 enquiries, ${(heaps[25]! / 1024 / 1024).toFixed(2)} MB after 25, ${(heapAt50 / 1024 / 1024).toFixed(2)} MB after 50 ` +
        `(${growth >= 0 ? '+' : ''}${(growth / 1024).toFixed(0)} KB; goal: no growth)`,
    );
    // A leak grows by the same amount per enquiry for ever; warm-up (JIT code, caches) levels off.
    const per = (a: number, b: number) => (heaps[b]! - heaps[a]!) / (b - a) / 1024;
    print(
      `renderer heap trend: ${(heaps[100]! / 1024 / 1024).toFixed(2)} MB after 100, ${(heaps[150]! / 1024 / 1024).toFixed(2)} MB after 150; ` +
        `per enquiry ${per(5, 50).toFixed(1)} KB (5→50), ${per(50, 100).toFixed(1)} KB (50→100), ${per(100, 150).toFixed(1)} KB (100→150)`,
    );
    await context.close();
  } finally {
    await browser.close();
    await kiosk.stop();
    await eko.close();
    await rd.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  benchRenderer((line) => console.log(line)).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
