/**
 * An Eko client for the services' tests: prepare() builds the real operation's common details with
 * the references the test gives; send() is what the test plays (an answer, a hang, a failure).
 */
import type { EkoClient, PreparedRequest } from '../../../main/services/eko/client';
import type { EkoOperation, RequestContext } from '../../../main/services/eko/operations';

export type FakeSend = (request: PreparedRequest<unknown> & { input: unknown }) => Promise<unknown>;

const context: RequestContext = {
  edition: 'spec',
  initiatorId: '9962981729',
  userCode: '20810200',
  agentMobile: '9962981729',
  latlong: '28.6139,77.2090',
  encryptAadhaar: () => 'ENCRYPTED',
  sourceIp: () => '10.0.0.1',
};

export function fakeEkoClient(send: FakeSend, refs: string[], now: () => Date = () => new Date()): Pick<EkoClient, 'prepare' | 'send'> & { failPrepare(error: unknown): void } {
  const queue = [...refs];
  let prepareFailure: unknown = null;
  return {
    failPrepare(error) {
      prepareFailure = error;
    },
    prepare<I, O>(operation: EkoOperation<I, O>, input: I): PreparedRequest<O> {
      if (prepareFailure) throw prepareFailure;
      const ref = queue.shift() ?? `REF${Math.random().toString(36).slice(2, 8)}`;
      return Object.assign(
        { operation: operation as EkoOperation<unknown, O>, method: operation.method, path: operation.path(input), body: '{}', common: operation.common(input, ref, now().toISOString(), context) },
        { input },
      );
    },
    send<O>(prepared: PreparedRequest<O>): Promise<O> {
      return send(prepared as PreparedRequest<unknown> & { input: unknown }) as Promise<O>;
    },
  };
}
