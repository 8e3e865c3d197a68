/**
 * A capture made with a wadh (an eKYC capture) fails Eko's daily authentication with "Invalid
 * Biometric data": the RD simulator marks such a capture and the sandbox refuses it, so the demo
 * cannot be kinder than Eko. The app's own captures never carry a wadh.
 */
import net from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createEkoClient, type EkoClient } from '../../../main/services/eko/client';
import { dailyAuthOperation } from '../../../main/services/eko/operations';
import { demoAgentAadhaar } from '../../../main/simulators/eko/demo-customers';
import { startEkoSandbox, type EkoSandbox } from '../../../main/simulators/eko/sandbox';
import { startRdSimulator, type RdSimulator } from '../../../main/simulators/rd';
import { recordingLogger } from '../../unit/eko/helpers';

let rd: RdSimulator;
let sandbox: EkoSandbox;
let client: EkoClient;

beforeAll(async () => {
  rd = await startRdSimulator({ devices: [{ vendor: 'mantra', captureDelayMs: 10 }] });
  sandbox = await startEkoSandbox({ agentMobile: '9962981729' });
  client = createEkoClient({ ...sandbox.clientCredentials(), agentMobile: '9962981729', latlong: '28.6139,77.2090', requestTimeoutMs: 3000, enquiryTimeoutMs: 3000 }, recordingLogger([]));
});
afterAll(async () => {
  await client.stop();
  await sandbox.close();
  await rd.close();
});

/** One CAPTURE over a raw socket, with the PidOptions given (the app's own RD client never sends a wadh). */
function capture(pidOptions: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(rd.ports[0]!, '127.0.0.1');
    const chunks: Buffer[] = [];
    socket.setTimeout(5000, () => socket.destroy(new Error('capture timed out')));
    // Not half-closed while the finger is awaited: a client that hangs up cancels the capture, as with real services.
    socket.on('data', (c: Buffer) => {
      chunks.push(c);
      const raw = Buffer.concat(chunks);
      const head = raw.indexOf('\r\n\r\n');
      const length = /content-length:\s*(\d+)/i.exec(raw.subarray(0, head).toString('latin1'));
      if (head >= 0 && length && raw.length - head - 4 >= Number(length[1])) {
        socket.end();
        resolve(raw.subarray(head + 4).toString('utf8'));
      }
    });
    socket.on('error', reject);
    socket.write(`CAPTURE /rd/capture HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/xml\r\nConnection: close\r\nContent-Length: ${Buffer.byteLength(pidOptions)}\r\n\r\n${pidOptions}`);
  });
}

const options = (wadh: string) =>
  `<PidOptions ver="1.0"><Opts fCount="1" fType="2" iCount="0" pCount="0" format="0" pidVer="2.0" timeout="5000" env="P" wadh="${wadh}" posh="UNKNOWN"/></PidOptions>`;

it('the agent’s daily authentication with a wadh-stamped capture is refused "Invalid Biometric data"; without, it passes', async () => {
  const agent = demoAgentAadhaar('success');
  const stamped = await capture(options('E0jzJ/P8UopUHAieZn8CKqS4WPMi5ZSYXgfnlfkWjrc='));
  expect(stamped).toContain('errCode="0"');
  const refused = await client.send(client.prepare(dailyAuthOperation, { aadhaar: agent, bank: { iin: '607094', ifsc: 'SBIN', name: 'SBI' }, pidXml: stamped }));
  expect(refused).toMatchObject({ outcome: 'refused', reason: 'biometricMismatch', serverMessage: 'Authentication Failed. Invalid Biometric data.' });

  const plain = await capture(options(''));
  const passed = await client.send(client.prepare(dailyAuthOperation, { aadhaar: agent, bank: { iin: '607094', ifsc: 'SBIN', name: 'SBI' }, pidXml: plain }));
  expect(passed).toMatchObject({ outcome: 'success' });
});
