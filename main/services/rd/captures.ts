/**
 * PID blocks waiting for the request they were captured for. Memory only, one at a
 * time (a new capture replaces older ones), handed over once, gone after 3 minutes.
 * The renderer only ever sees the handle: 192 random bits, unguessable.
 */
import crypto from 'node:crypto';

export const CAPTURE_TTL_MS = 3 * 60 * 1000;

interface Held {
  pidXml: string;
  qScore: number;
  at: number;
  timer: NodeJS.Timeout;
}

export class CaptureStore {
  private readonly held = new Map<string, Held>();

  constructor(
    private readonly ttlMs = CAPTURE_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** Keeps a PID block and returns its handle; every older one is forgotten. */
  put(pidXml: string, qScore: number): string {
    this.clear();
    const handle = crypto.randomBytes(24).toString('base64url');
    // The timer frees the memory even if nobody asks again; take() checks the clock as well.
    const timer = setTimeout(() => this.held.delete(handle), this.ttlMs);
    timer.unref();
    this.held.set(handle, { pidXml, qScore, at: this.now(), timer });
    return handle;
  }

  /** The PID block once; null when unknown, already taken or expired. */
  take(handle: string): { pidXml: string; qScore: number } | null {
    if (typeof handle !== 'string') return null;
    const held = this.held.get(handle);
    if (!held) return null;
    this.held.delete(handle);
    clearTimeout(held.timer);
    if (this.now() - held.at > this.ttlMs) return null;
    return { pidXml: held.pidXml, qScore: held.qScore };
  }

  clear(): void {
    for (const held of this.held.values()) clearTimeout(held.timer);
    this.held.clear();
  }

  get size(): number {
    return this.held.size;
  }
}
