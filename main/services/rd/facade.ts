/** The scanner as the rest of the main side sees it: implemented by ./rd-service.ts. */
import type { CaptureResult, DeviceState } from '../../../app/contract';

export interface RdFacade {
  status(): Promise<DeviceState>;
  scan(): Promise<DeviceState>;
  capture(input: { timeoutMs?: number }): Promise<CaptureResult>;
  cancelCapture(): boolean;
  /** Hands the PID block over once, for the request it was captured for, then forgets it. */
  takeCapture(handle: string): { pidXml: string; qScore: number } | null;
  stop(): Promise<void>;
}

