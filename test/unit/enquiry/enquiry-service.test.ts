import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { enquiryNeverSent, KioskError, type EnquiryOutcome } from '../../../app/contract';
import { LAST_ENQUIRY_KEEP_MS, createEnquiryService } from '../../../main/services/enquiry/enquiry-service';
import { type Journal, openJournal } from '../../../main/services/journal/journal';
import { createLogger } from '../../../main/services/log/logger';
import { createOperationRunner } from '../../../main/services/operations/runner';
import { makeTempDir } from '../../support/temp-dir';
import { fakeEkoClient, type FakeSend } from '../operations/fake-eko-client';

const banks = [{ name: 'State Bank of India', short: 'SBI', iin: '607094', ifsc: 'SBIN' }];

/** The enquiry service over the real runner, with an Eko client whose send() the test plays. */
function createService(deps: { rd: { takeCapture(h: string): { pidXml: string; qScore: number } | null }; send: FakeSend; refs: string[]; journal: Journal | null; now?: () => Date }) {
  const logger = createLogger({ dir: null });
  const eko = fakeEkoClient(deps.send, deps.refs, deps.now);
  const runner = createOperationRunner({ rd: deps.rd, eko, journal: deps.journal, profile: 'demo', logger, now: deps.now });
  return { service: createEnquiryService({ runner, banks, logger, now: deps.now }), eko };
}
const input = { customerMobile: '9876543210', aadhaar: '234123412346', bankIin: '607094', captureHandle: 'h1' };

function setup(options: { qScore?: number; client?: FakeSend; refs?: string[] } = {}) {
  const journal = openJournal({ file: path.join(makeTempDir(), 'j.sqlite'), retentionDays: 90, logger: createLogger({ dir: null }) });
  const captures = new Map([['h1', { pidXml: '<PidData/>', qScore: options.qScore ?? 80 }]]);
  const rd = { takeCapture: vi.fn((h: string) => { const c = captures.get(h) ?? null; captures.delete(h); return c; }) };
  const seenByClient: unknown[] = [];
  const send: FakeSend =
    options.client ??
    (async (req) => {
      seenByClient.push(req.input);
      // At the moment of sending the journal already holds the attempt.
      expect(journal.get('REF1')?.outcome).toBe('sent');
      return { outcome: 'success', clientRefId: 'REF1', at: new Date().toISOString(), maskedAadhaar: 'XXXX XXXX 2346', maskedMobile: 'XXXXXX3210', bankIin: '607094', bankName: 'State Bank of India', balance: '10', tid: 't', bankRef: 'b', uidaiRef: 'u' } satisfies EnquiryOutcome;
    });
  const { service, eko } = createService({ rd, send, refs: options.refs ?? ['REF1'], journal });
  return { service, journal, rd, seenByClient, eko };
}

describe('enquiry service', () => {
  it('journals before sending, then the answer; the PID is used once', async () => {
    const { service, journal, seenByClient } = setup();
    const outcome = await service.run(input);
    expect(outcome.outcome).toBe('success');
    expect(journal.get('REF1')).toMatchObject({ outcome: 'success', maskedMobile: 'XXXXXX3210', maskedAadhaar: 'XXXX XXXX 2346' });
    expect(seenByClient[0]).toMatchObject({ pidXml: '<PidData/>', bank: { name: 'State Bank of India' } });
    await expect(service.run(input)).rejects.toMatchObject({ code: 'rd.captureExpired' });
    expect(service.last()).toMatchObject({ state: 'done', outcome: { clientRefId: 'REF1' } });
  });

  it('refuses a low-quality capture unless the agent chose to send it', async () => {
    await expect(setup({ qScore: 30 }).service.run(input)).rejects.toMatchObject({ code: 'rd.poorQuality', params: { qScore: '30' } });
    expect((await setup({ qScore: 30 }).service.run({ ...input, allowLowQuality: true })).outcome).toBe('success');
  });

  it('refuses what cannot be a bank IIN before taking the capture', async () => {
    const { service, rd } = setup();
    for (const bankIin of ['012345', '60709', 'SBIN'])
      await expect(service.run({ ...input, bankIin })).rejects.toMatchObject({ code: 'input.invalid', params: { field: 'bankIin' } });
    expect(rd.takeCapture).not.toHaveBeenCalled();
  });

  it('sends a bank that is not in the list by the IIN the agent entered, named by it', async () => {
    const { service, seenByClient } = setup();
    expect((await service.run({ ...input, bankIin: '999999' })).outcome).toBe('success');
    expect(seenByClient[0]).toMatchObject({ bank: { iin: '999999', name: 'IIN 999999', ifsc: null, unlisted: true } });
  });

  it('does not send when the journal cannot write first', async () => {
    const send = vi.fn();
    const { service, journal } = setup({
      refs: ['REF2'],
      client: async () => {
        send();
        throw new Error('unreachable');
      },
    });
    journal.close();
    // Not "something went wrong inside the app": the agent learns nothing was sent, and what to do.
    await expect(service.run(input)).rejects.toMatchObject({ code: 'journal.writeFailed' });
    expect(send).not.toHaveBeenCalled();
    // A renderer that was gone meanwhile still learns that this one was not sent.
    expect(service.last()).toMatchObject({ state: 'notSent', clientRefId: 'REF2', maskedAadhaar: 'XXXX XXXX 2346', bankIin: '607094' });
  });

  it('a fault of ours after the request left is an unknown result (journal and last enquiry), never "not sent"', async () => {
    const { service, journal } = setup({
      refs: ['REF9'],
      client: async () => {
        throw new TypeError('cannot read properties of undefined');
      },
    });
    const outcome = await service.run(input);
    expect(outcome).toMatchObject({ outcome: 'unknown', reason: 'interrupted', clientRefId: 'REF9', maskedAadhaar: 'XXXX XXXX 2346', bankIin: '607094' });
    expect(journal.get('REF9')).toMatchObject({ outcome: 'unknown', reason: 'interrupted' });
    expect(service.last()).toMatchObject({ state: 'done', outcome: { outcome: 'unknown', clientRefId: 'REF9' } });
  });

  it('a fault of ours before the request could leave is "not sent" (enquiry.notSent), so the agent may capture again', async () => {
    const { service, eko } = setup();
    eko.failPrepare(new TypeError('encryption blew up'));
    const err = await service.run(input).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'enquiry.notSent' });
    expect(enquiryNeverSent((err as KioskError).code)).toBe(true);
    // Codes that already say "never sent" pass through unchanged.
    const offline = setup();
    offline.eko.failPrepare(new KioskError('eko.offline'));
    await expect(offline.service.run(input)).rejects.toMatchObject({ code: 'eko.offline' });
  });

  it('records a send that failed before leaving, and shows the enquiry in flight meanwhile', async () => {
    let release!: () => void;
    const { service, journal } = setup({
      refs: ['REF3'],
      client: async () => {
        await new Promise<void>((r) => (release = r));
        throw new KioskError('eko.offline');
      },
    });
    const running = service.run(input);
    await vi.waitFor(() => expect(service.last()).toMatchObject({ state: 'inFlight', clientRefId: 'REF3', maskedAadhaar: 'XXXX XXXX 2346' }));
    release();
    await expect(running).rejects.toMatchObject({ code: 'eko.offline' });
    expect(journal.get('REF3')).toMatchObject({ outcome: 'notSent', errorCode: 'eko.offline' });
  });

  function clocked(eko: FakeSend, refs = ['R9', 'R9b']) {
    const clock = { now: new Date('2026-11-22T10:00:00.000Z') };
    const { service } = createService({
      rd: { takeCapture: () => ({ pidXml: '<PidData/>', qScore: 80 }) },
      send: eko,
      refs,
      journal: null,
      now: () => clock.now,
    });
    const advance = (ms: number) => (clock.now = new Date(clock.now.getTime() + ms));
    return { service, advance };
  }
  const finished: EnquiryOutcome = { outcome: 'success', clientRefId: 'R9', at: '2026-11-22T10:00:00.000Z', maskedAadhaar: 'XXXX XXXX 2346', maskedMobile: 'XXXXXX3210', bankIin: '607094', bankName: 'State Bank of India', balance: '1', tid: null, bankRef: null, uidaiRef: null };

  it('keeps a finished enquiry until the renderer acknowledges it, past a recreated window’s back-off', async () => {
    const { service, advance } = clocked(async () => finished);
    await service.run(input);
    advance(LAST_ENQUIRY_KEEP_MS - 1_000); // several crashes and 60 s back-offs later: still there
    expect(service.last()).toMatchObject({ state: 'done', outcome: { clientRefId: 'R9' } });
    expect(service.acknowledge({ clientRefId: 'OTHER' })).toBe(false); // only the one shown
    expect(service.last().state).toBe('done');
    expect(service.acknowledge({ clientRefId: 'R9' })).toBe(true);
    expect(service.last()).toEqual({ state: 'none' });
  });

  it('forgets an unacknowledged enquiry after at most 10 minutes', async () => {
    expect(LAST_ENQUIRY_KEEP_MS).toBe(10 * 60_000);
    const { service, advance } = clocked(async () => finished);
    await service.run(input);
    advance(LAST_ENQUIRY_KEEP_MS + 1);
    expect(service.last()).toEqual({ state: 'none' });
  });

  it('keeps "not sent" (masked only) when the enquiry failed before reaching a bank, until acknowledged', async () => {
    const { service, advance } = clocked(async () => {
      throw new KioskError('eko.offline');
    }, ['R10']);
    await expect(service.run(input)).rejects.toMatchObject({ code: 'eko.offline' });
    advance(120_000);
    const last = service.last();
    expect(last).toEqual({
      state: 'notSent',
      clientRefId: 'R10',
      at: '2026-11-22T10:00:00.000Z',
      maskedAadhaar: 'XXXX XXXX 2346',
      maskedMobile: 'XXXXXX3210',
      bankIin: '607094',
      bankName: 'State Bank of India',
      error: { code: 'eko.offline', messageKey: 'errors.eko.offline' },
    });
    expect(JSON.stringify(last)).not.toContain(input.aadhaar);
    expect(JSON.stringify(last)).not.toContain(input.customerMobile);
    expect(service.acknowledge({ clientRefId: 'R10' })).toBe(true);
    expect(service.last()).toEqual({ state: 'none' });
  });

  /** An enquiry held at the bank until `answer` is called. */
  function heldAtBank() {
    let answer!: (outcome: EnquiryOutcome) => void;
    const { service } = clocked(async () => new Promise<EnquiryOutcome>((resolve) => (answer = resolve)));
    return { service, answer: (o: EnquiryOutcome) => answer(o) };
  }

  it('an enquiry wiped while with the bank (acknowledged by its capture handle) is not shown to a later window, nor kept', async () => {
    const { service, answer } = heldAtBank();
    const running = service.run(input);
    await vi.waitFor(() => expect(service.last()).toMatchObject({ state: 'inFlight', clientRefId: 'R9' }));
    expect(service.acknowledge({ captureHandle: 'other-handle' })).toBe(false); // only this window's enquiry
    expect(service.last().state).toBe('inFlight');
    expect(service.acknowledge({ captureHandle: input.captureHandle })).toBe(true);
    // Hidden from a window opened now; still known as in flight, so history does not call it lost.
    expect(service.last()).toEqual({ state: 'none' });
    expect(service.inFlightRef()).toBe('R9');
    answer(finished);
    await expect(running).resolves.toMatchObject({ clientRefId: 'R9' });
    expect(service.last()).toEqual({ state: 'none' });
    expect(service.inFlightRef()).toBeNull();
    // The next enquiry is kept as before.
    const next = heldAtBank();
    const again = next.service.run(input);
    next.answer(finished);
    await again;
    expect(next.service.last()).toMatchObject({ state: 'done' });
  });

  it('a recovered enquiry wiped while in flight (acknowledged by its reference) is not kept either', async () => {
    const { service, answer } = heldAtBank();
    const running = service.run(input);
    await vi.waitFor(() => expect(service.inFlightRef()).toBe('R9'));
    expect(service.acknowledge({ clientRefId: 'R8' })).toBe(false);
    expect(service.acknowledge({ clientRefId: 'R9' })).toBe(true);
    answer(finished);
    await running;
    expect(service.last()).toEqual({ state: 'none' });
  });

});
