/**
 * The doctor: checks what the kiosk depends on and reports in words or JSON.
 * Members are added by each service (rd, eko, journal).
 */
import type { RdService } from '../../../app/contract';
import type { KioskConfig } from '../config/config';
import { appVersion } from '../../host/boot';

export interface DoctorReport {
  version: string;
  profile: KioskConfig['profile'];
  dataDir: string;
  rd: { devices: RdService[]; selected: { port: number; protocol: 'http' | 'https' } | null; ms: number };
}

export async function runDoctor(config: KioskConfig): Promise<DoctorReport> {
  return {
    version: appVersion(),
    profile: config.profile,
    dataDir: config.dataDir,
    // Filled by the RD discovery service.
    rd: { devices: [], selected: null, ms: 0 },
  };
}

export function printDoctor(report: DoctorReport, config: Record<string, unknown>, print: (line: string) => void): void {
  print(`AePS Counter ${report.version} — profile ${report.profile}`);
  print(`Data folder: ${report.dataDir}`);
  print(`Settings: ${JSON.stringify(config)}`);
  print(report.rd.selected ? `Scanner: ready on port ${report.rd.selected.port}` : 'Scanner: none ready');
}
