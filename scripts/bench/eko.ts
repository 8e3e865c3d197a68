/**
 * Balance-enquiry speed of the Eko client against the sandbox on loopback, no added latency,
 * one enquiry after another. "Client time" is the total minus the time the sandbox reports it
 * spent handling the request (its x-sandbox-handling-ms, also kept per transaction): what is
 * left is our encrypt + sign + send/receive on loopback + parse. Goal: median < 5 ms.
 */
import { createEkoClient } from '../../main/services/eko/client';
import { silentLogger } from '../../main/services/log/logger';
import { startEkoSandbox } from '../../main/simulators/eko/sandbox';
import { DEMO_CUSTOMERS } from '../../main/simulators/eko/demo-customers';

const PID =
  '<?xml version="1.0"?><PidData><Resp errCode="0" fCount="1" fType="2" nmPoints="38" qScore="81"/>' +
  '<DeviceInfo dpId="BENCH" rdsId="BENCH.001" rdsVer="1.0" mi="B1" mc="MIIEGDCCAwCgAwIBAgIEAQIDBDANBgkqhkiG9w0BAQsFADCB"/>' +
  `<Skey ci="20250101">${'A'.repeat(344)}</Skey><Hmac>${'B'.repeat(64)}</Hmac><Data type="X">${'C'.repeat(2800)}</Data></PidData>`;

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export async function benchEko(print: (line: string) => void): Promise<void> {
  const sandbox = await startEkoSandbox({ dailyAuthDone: true, refuseDuplicatePid: false });
  const client = createEkoClient(
    {
      ...sandbox.clientCredentials(),
      agentMobile: '9962981729',
      latlong: '28.6139,77.2090',
      requestTimeoutMs: 15_000,
      enquiryTimeoutMs: 60_000,
    },
    silentLogger,
  );
  const success = DEMO_CUSTOMERS.filter((c) => c.scenario.kind === 'success').map((c) => c.aadhaar);
  const run = async (i: number) => {
    const t0 = performance.now();
    const outcome = await client.balanceEnquiry({
      customerMobile: '9876543210',
      aadhaar: success[i % success.length]!,
      bankIin: '607094',
      bankName: 'State Bank of India',
      pidXml: PID,
    });
    const total = performance.now() - t0;
    if (outcome.outcome !== 'success') throw new Error(`bench enquiry ${i}: ${outcome.outcome}`);
    const server = sandbox.transactions.get(outcome.clientRefId)?.handlingMs ?? 0;
    return { total, server };
  };
  try {
    for (let i = 0; i < 30; i++) await run(i); // warm-up: JIT, first connections
    const n = 300;
    const client_: number[] = [];
    const totals: number[] = [];
    const t0 = performance.now();
    for (let i = 0; i < n; i++) {
      const { total, server } = await run(i);
      totals.push(total);
      client_.push(total - server);
    }
    const wall = performance.now() - t0;
    client_.sort((a, b) => a - b);
    totals.sort((a, b) => a - b);
    print(
      `eko balance enquiry (loopback sandbox, ${n} sequential): client time median ${percentile(client_, 50).toFixed(2)} ms, ` +
        `p99 ${percentile(client_, 99).toFixed(2)} ms (goal: median < 5 ms); total incl. sandbox median ${percentile(totals, 50).toFixed(2)} ms, ` +
        `p99 ${percentile(totals, 99).toFixed(2)} ms; ${(n / (wall / 1000)).toFixed(0)} enquiries/s`,
    );
  } finally {
    await client.stop();
    await sandbox.close();
  }
}

// Run alone: npx tsx scripts/bench/eko.ts
if (process.argv[1] && /bench[\\/]eko\.ts$/.test(process.argv[1])) {
  void benchEko((line) => console.log(line));
}
