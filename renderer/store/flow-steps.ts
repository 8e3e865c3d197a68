/**
 * The steps the customer's enquiry and the agent's daily authentication share (Aadhaar, bank,
 * fingerprint): one screen each, told which flow it drives. The state and actions of either
 * flow, under the same names.
 */
import { useShallow } from 'zustand/react/shallow';
import type { CaptureState } from './capture';
import { useKiosk } from './index';
import type { StepActions } from './types';

/** Which flow a shared step drives. */
export type StepFlow = 'enquiry' | 'dailyAuth';

export interface FlowStepState {
  aadhaar: string;
  maskedAadhaar: string | null;
  bankIin: string | null;
  attempted: boolean;
  capture: CaptureState;
}

/** The shared steps' state of `flow`. */
export function useFlowStepState(flow: StepFlow): FlowStepState {
  return useKiosk(
    useShallow((s) => {
      const f = flow === 'enquiry' ? s.enquiry : s.dailyAuth.flow;
      return { aadhaar: f.aadhaar, maskedAadhaar: f.maskedAadhaar, bankIin: f.bankIin, attempted: f.attempted, capture: f.capture };
    }),
  );
}

/** The shared steps' actions of `flow` (a slice's actions never change: no re-render from them). */
export function useFlowStepActions(flow: StepFlow): StepActions {
  return useKiosk(
    useShallow((s) => {
      const a: StepActions = flow === 'enquiry' ? s.enquiry : s.dailyAuth;
      return {
        setAadhaar: a.setAadhaar,
        changeAadhaar: a.changeAadhaar,
        setBank: a.setBank,
        next: a.next,
        back: a.back,
        captureFingerprint: a.captureFingerprint,
        cancelCapture: a.cancelCapture,
        sendLowQuality: a.sendLowQuality,
      };
    }),
  );
}
