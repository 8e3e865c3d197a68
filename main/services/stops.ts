/**
 * What was started, to be stopped once, newest first (VS Code's DisposableStore): each start adds
 * its stop as it succeeds, so a start-up that fails half way stops exactly what it had started.
 * A stop that fails does not keep the others from running.
 */
type Stop = () => Promise<void> | void;

export class Stops {
  private readonly stops: Stop[] = [];
  private stopped = false;

  /** Registers a stop; after stopAll() it runs at once (what starts late is not left running). */
  add(stop: Stop): void {
    if (this.stopped) void Promise.resolve().then(stop).catch(() => undefined);
    else this.stops.push(stop);
  }

  /** Runs every stop, newest first, each once; errors are swallowed (a stop must not block the next). */
  async stopAll(): Promise<void> {
    this.stopped = true;
    while (this.stops.length > 0) {
      const stop = this.stops.pop()!;
      await Promise.resolve()
        .then(stop)
        .catch(() => undefined);
    }
  }
}
