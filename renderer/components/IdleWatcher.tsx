import { useEffect } from 'react';
import { useKiosk } from '../store';
import { timings } from '../timings';

const ACTIVITY = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'] as const;

/**
 * Privacy at the counter: with no input for a while (60 s on the result, 3 min
 * anywhere else in the flow) the customer's data is wiped and the app goes home.
 * While the scanner or the bank is waited for it waits longer (idleWaitMaxMs), but
 * never for ever: a hung main side must not keep the customer on screen.
 */
export function IdleWatcher() {
  const screen = useKiosk((s) => s.screen);
  const step = useKiosk((s) => s.step);
  const waiting = useKiosk((s) => s.capture.phase === 'capturing' || s.capture.phase === 'sending' || s.pending !== null);
  const resetEnquiry = useKiosk((s) => s.resetEnquiry);

  useEffect(() => {
    if (screen !== 'flow') return;
    const ms = waiting ? timings.idleWaitMaxMs : step === 'result' ? timings.idleResultMs : timings.idleFlowMs;
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
  }, [screen, step, waiting, resetEnquiry]);

  return null;
}
