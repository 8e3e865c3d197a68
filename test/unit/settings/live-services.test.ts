import { describe, expect, it, vi } from 'vitest';
import type { KioskConfig } from '../../../main/services/config/config';
import type { Services } from '../../../main/services';
import { createLogger } from '../../../main/services/log/logger';
import { createLiveServices } from '../../../main/services/settings/live-services';

type Fake = Services & { stopped: boolean; name: string };

function fake(name: string, inFlight = false): Fake {
  const s = {
    name,
    stopped: false,
    config: { profile: name } as unknown as KioskConfig,
    enquiry: { last: () => (inFlight ? { state: 'inFlight' } : { state: 'none' }) },
    stop: vi.fn(async () => {
      s.stopped = true;
    }),
  };
  return s as unknown as Fake;
}

const cfg = (name: string) => ({ profile: name }) as unknown as KioskConfig;
const logger = createLogger({ dir: null });

describe('live services', () => {
  it('stops the old, starts the new, commits, and answers the new from then on', async () => {
    const first = fake('demo');
    const start = vi.fn(async (c: KioskConfig) => fake(c.profile));
    const live = createLiveServices(first, start, logger);
    const commit = vi.fn();
    await live.replace(cfg('production'), commit);
    expect(first.stopped).toBe(true);
    expect(commit).toHaveBeenCalledOnce();
    expect((live.current() as Fake).name).toBe('production');
  });

  it('calls made during a switch wait for the new services', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const live = createLiveServices(fake('demo'), async (c) => {
      await gate;
      return fake(c.profile);
    }, logger);
    const switching = live.replace(cfg('production'));
    const during = live.ready();
    release();
    expect(((await during) as Fake).name).toBe('production');
    await switching;
  });

  it('never cuts off an enquiry in flight', async () => {
    const first = fake('demo', true);
    const start = vi.fn();
    const live = createLiveServices(first, start, logger);
    await expect(live.replace(cfg('production'))).rejects.toMatchObject({ code: 'settings.busy' });
    expect(first.stopped).toBe(false);
    expect(start).not.toHaveBeenCalled();
  });

  it('a start or commit that fails brings the previous configuration back and reports the error', async () => {
    const first = fake('demo');
    const started: Fake[] = [];
    const start = vi.fn(async (c: KioskConfig) => {
      if ((c.profile as string) === 'broken') throw new Error('cannot start');
      const s = fake(c.profile);
      started.push(s);
      return s;
    });
    const live = createLiveServices(first, start, logger);
    await expect(live.replace(cfg('broken'))).rejects.toThrow('cannot start');
    expect((live.current() as Fake).name).toBe('demo');
    expect(live.current()).not.toBe(first); // a fresh start of the previous configuration
    expect(start).toHaveBeenLastCalledWith(first.config);

    await expect(live.replace(cfg('production'), () => { throw new Error('disk full'); })).rejects.toThrow('disk full');
    expect(started.find((s) => s.name === 'production')!.stopped).toBe(true);
    expect((live.current() as Fake).name).toBe('demo');
  });
});
