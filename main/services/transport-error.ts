/**
 * The one model of a request that got no answer, for both peers (the RD service, Eko): why, and
 * whether every byte of it had left this PC. For a billed Eko request the second matters most:
 * not sent means nothing reached Eko and the agent may try again; sent means the result is unknown.
 *
 * refused: nothing listens there (or the proxy refused the tunnel). timeout: no answer in time.
 * closed: the peer hung up or spoke something else (TLS vs plain). aborted: we cancelled.
 * tooLarge: the answer exceeded the cap.
 */
export type TransportErrorKind = 'refused' | 'timeout' | 'closed' | 'aborted' | 'tooLarge';

export class TransportError extends Error {
  constructor(
    readonly kind: TransportErrorKind,
    /** What the network said (ECONNRESET, "no answer in 5000 ms"): for logs. */
    readonly detail: string,
    /** Every byte of the request had been handed to the network. */
    readonly sent = false,
  ) {
    super(`${kind}${sent ? ' after sending' : ''}: ${detail}`);
    this.name = 'TransportError';
  }
}
