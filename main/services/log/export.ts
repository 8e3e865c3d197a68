/**
 * "Export logs": copies the kiosk's log files to a place the operator chose
 * (a .zip file, or a folder), redacting every line again on the way out, so an
 * export made by an older build, or a line written before a secret was
 * configured, still leaves the PC clean.
 */
import fs from 'node:fs';
import path from 'node:path';
import { LOG_FILE_NAME } from './logger';
import { redactText, redactValue } from './redact';
import { zipSync, type Zippable } from 'fflate';
import { OWNER_DIR, OWNER_FILE } from '../owner-only';

interface ExportLogsOptions {
  /** The logger's folder (<dataDir>/logs). */
  logDir: string;
  /** A path ending in .zip writes one zip file there; any other path is a folder the files are copied into. */
  destination: string;
  /** Configured secrets to redact wherever they appear (e.g. config.eko.accessKey, config.eko.developerKey). */
  secrets?: readonly string[];
}

interface ExportLogsResult {
  /** The zip file or the folder written. */
  path: string;
  /** The log files exported, newest first (kiosk.log, kiosk.log.1, …). */
  files: string[];
  lines: number;
  bytes: number;
}

/** kiosk.log and its rotated copies, newest first. */
export function listLogFiles(logDir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(logDir);
  } catch {
    return [];
  }
  const rotated = (name: string) => (name === LOG_FILE_NAME ? 0 : Number(name.slice(LOG_FILE_NAME.length + 1)));
  return names
    .filter((name) => name === LOG_FILE_NAME || new RegExp(`^${LOG_FILE_NAME.replace('.', '\\.')}\\.\\d+$`).test(name))
    .sort((a, b) => rotated(a) - rotated(b));
}

/** One log file's text, every line redacted again. JSON lines stay valid JSON. */
export function redactLogText(text: string, secrets: readonly string[] = []): { text: string; lines: number } {
  const out: string[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      parsed = undefined;
    }
    // A parsed line is redacted field by field (keeps it JSON); a torn line as plain text.
    out.push(parsed !== undefined && typeof parsed === 'object' && parsed !== null ? JSON.stringify(redactValue(parsed, secrets)) : redactText(line, secrets));
  }
  return { text: out.length ? `${out.join('\n')}\n` : '', lines: out.length };
}

export async function exportLogs(options: ExportLogsOptions): Promise<ExportLogsResult> {
  const files = listLogFiles(options.logDir);
  const entries: { name: string; data: Buffer; mtime: Date }[] = [];
  let lines = 0;
  for (const name of files) {
    const full = path.join(options.logDir, name);
    const redacted = redactLogText(await fs.promises.readFile(full, 'utf8'), options.secrets ?? []);
    lines += redacted.lines;
    entries.push({ name, data: Buffer.from(redacted.text, 'utf8'), mtime: (await fs.promises.stat(full)).mtime });
  }
  const destination = path.resolve(options.destination);
  if (destination.toLowerCase().endsWith('.zip')) {
    await fs.promises.mkdir(path.dirname(destination), { recursive: true, mode: OWNER_DIR });
    const zip = buildZip(entries);
    // Written aside first: a half-written zip never sits under the chosen name.
    const partial = `${destination}.partial`;
    await fs.promises.writeFile(partial, zip, { mode: OWNER_FILE });
    await fs.promises.rename(partial, destination);
    return { path: destination, files, lines, bytes: zip.length };
  }
  await fs.promises.mkdir(destination, { recursive: true, mode: OWNER_DIR });
  let bytes = 0;
  for (const entry of entries) {
    await fs.promises.writeFile(path.join(destination, entry.name), entry.data, { mode: OWNER_FILE });
    bytes += entry.data.length;
  }
  return { path: destination, files, lines, bytes };
}

/** A default file name for the save dialog: aeps-counter-logs-20250922-101112.zip */
export function defaultExportName(now: Date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `aeps-counter-logs-${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}.zip`;
}

/** The log files as one zip (deflated, UTF-8 names) for support. */
export function buildZip(entries: readonly { name: string; data: Buffer; mtime?: Date }[]): Buffer {
  const files: Zippable = {};
  for (const entry of entries) files[entry.name] = [new Uint8Array(entry.data), { mtime: entry.mtime ?? new Date() }];
  return Buffer.from(zipSync(files, { level: 6 }));
}
