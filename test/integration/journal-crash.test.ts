/**
 * Crash safety: the kiosk process is killed (SIGKILL) after an enquiry left
 * the PC and before its answer came. The journal row survives as "sent", the
 * next start reports it as "result unknown", and follow-up through the
 * sandbox's transaction inquiry settles it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EnquiryList, HistoryRow, LastEnquiry } from '../../app/contract';
import { DEMO_CUSTOMERS, startEkoSandbox, type EkoSandbox } from '../../main/simulators/eko';
import { startKiosk, type KioskProcess } from '../support/kiosk-process';
import { callKiosk, valueOf } from '../support/kiosk-api';
import { makeTempDir } from '../support/temp-dir';

let sandbox: EkoSandbox;
const kiosks: KioskProcess[] = [];

beforeAll(async () => {
  sandbox = await startEkoSandbox({ port: 0, dailyAuthDone: true });
});
afterAll(async () => {
  for (const k of kiosks) await k.stop();
  await sandbox.close();
});

function kioskEnv(dataDir: string): Record<string, string> {
  return { KIOSK_DATA_DIR: dataDir, ...sandbox.kioskEnv() };
}

describe("journal crash safety", { timeout: 60_000 }, () => {
  it('a row sent before a SIGKILL survives, is reported as unknown, and follow-up settles it', async () => {
    const dataDir = makeTempDir('kiosk-crash-');
    const first = await startKiosk(kioskEnv(dataDir));
    kiosks.push(first);
    // Eko takes the enquiry and never answers: the kiosk is left waiting.
    sandbox.setFaults({ neverAnswer: true, only: ['enquiry'] });
    const capture = await valueOf<{ handle: string }>(first, 'captureFingerprint', {});
    const customer = DEMO_CUSTOMERS.find((c) => c.scenario.kind === 'success')!;
    const pending = callKiosk(first, 'balanceEnquiry', {
      customerMobile: '9876543210',
      aadhaar: customer.aadhaar.replace(/\s/g, ''),
      bankIin: '607094',
      captureHandle: capture.handle,
    }).catch(() => null);

    let ref: string | null = null;
    for (let i = 0; i < 100 && !ref; i++) {
      const last = await valueOf<LastEnquiry>(first, 'getLastEnquiry');
      if (last.state === 'inFlight' && last.clientRefId && sandbox.transactions.size > 0) ref = last.clientRefId;
      else await new Promise((r) => setTimeout(r, 50));
    }
    expect(ref).toMatch(/^KSK/);

    first.child.kill('SIGKILL');
    await first.stop();
    await pending;
    sandbox.setFaults({ neverAnswer: false, only: null });

    const second = await startKiosk(kioskEnv(dataDir));
    kiosks.push(second);
    const list = await valueOf<EnquiryList>(second, 'listEnquiries', {});
    expect(list.rows).toHaveLength(1);
    expect(list.rows[0]).toMatchObject({ clientRefId: ref, outcome: 'unknown', reason: 'interrupted', maskedAadhaar: `XXXX XXXX ${customer.aadhaar.slice(-4)}` });
    expect(list.totals.unknown).toBe(1);
    const diagnostics = await valueOf<{ journal: { unknown: number } }>(second, 'getDiagnostics');
    expect(diagnostics.journal.unknown).toBe(1);

    const settled = await valueOf<HistoryRow>(second, 'followUpEnquiry', { clientRefId: ref });
    expect(settled).toMatchObject({ clientRefId: ref, outcome: 'success' });
    expect(settled.balance).toMatch(/^\d+(\.\d+)?$/);
    expect((await valueOf<EnquiryList>(second, 'listEnquiries', { outcome: 'unknown' })).rows).toHaveLength(0);
  });
});
