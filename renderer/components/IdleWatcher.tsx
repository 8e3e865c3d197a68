import { useEffect } from 'react';
import { useKiosk } from '../store';
import { captureBusy } from '../store/capture';
import { timings } from '../timings';

const ACTIVITY = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'] as const;

/**
 * Privacy at the counter: with no input for a while (60 s on the result, 3 min
 * anywhere else in the flow or the agent's daily authentication) the customer's data
 * (and the agent's own Aadhaar number) is wiped and the app goes home.
 * While the scanner or the bank is waited for it waits longer (idleWaitMaxMs), but
 * never for ever: a hung main side must not keep the customer on screen.
 */
export function IdleWatcher() {
  const screen = useKiosk((s) => s.screen);
  const step = useKiosk((s) => s.step);
  const waiting = useKiosk((s) => captureBusy(s.capture) || captureBusy(s.daily.capture) || s.pending !== null);
  // The daily authentication's result waits like the enquiry's: the agent's number is still in memory.
  const onResult = useKiosk((s) => (s.screen === 'dailyAuth' ? s.daily.step === 'result' : s.step === 'result'));
  const resetEnquiry = useKiosk((s) => s.resetEnquiry);

  useEffect(() => {
    if (screen !== 'flow' && screen !== 'dailyAuth') return;
    const ms = waiting ? timings.idleWaitMaxMs : onResult ? timings.idleResultMs : timings.idleFlowMs;
    let timer = setTimeout(() => resetEnquiry('idle'), ms);
    const onActivity = () => {
      clearTimeout(timer);
      timer = setTimeout(() => resetEnquiry('idle'), ms);
    };
    for (const type of ACTIVITY) document.addEventListener(type, onActivity, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const type of ACTIVITY) document.removeEventListener(type, onActivity, { capture: true });
    };
  }, [screen, step, onResult, waiting, resetEnquiry]);

  return null;
}
