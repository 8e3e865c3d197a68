/**
 * Where the scanner was last time (data dir/rd-device.json), so start-up asks that
 * port first instead of scanning. Only a port and a protocol: nothing personal.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import type { Logger } from '../log/logger';

export const LAST_DEVICE_FILE = 'rd-device.json';

const LastDeviceSchema = z.object({
  port: z.number().int().min(1).max(65535),
  protocol: z.enum(['http', 'https']),
  info: z.string().optional(),
  at: z.string().optional(),
});
export type LastDevice = z.infer<typeof LastDeviceSchema>;

export function readLastDevice(file: string | undefined, logger?: Logger): LastDevice | null {
  if (!file) return null;
  try {
    const parsed = LastDeviceSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    if (parsed.success) return parsed.data;
    logger?.warn('rd.lastDevice.invalid', { file });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') logger?.warn('rd.lastDevice.unreadable', { file, error: err });
  }
  return null;
}

/** Written to a temporary file and renamed, so a crash never leaves half a file. */
export function writeLastDevice(file: string | undefined, device: LastDevice, logger?: Logger): void {
  if (!file) return;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const tmp = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(tmp, `${JSON.stringify(device)}\n`);
    fs.renameSync(tmp, file);
  } catch (err) {
    // Losing this only costs a scan at the next start.
    logger?.warn('rd.lastDevice.writeFailed', { file, error: err });
  }
}
