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
  const screen = useKiosk((s) => s.nav.route.name);
  const step = useKiosk((s) => s.enquiry.step);
  const waiting = useKiosk((s) => captureBusy(s.enquiry.capture) || captureBusy(s.dailyAuth.flow.capture) || s.enquiry.pending !== null);
  // The daily authentication's result waits like the enquiry's: the agent's number is still in memory.
  const onResult = useKiosk((s) => (s.nav.route.name === 'dailyAuth' ? s.dailyAuth.flow.step === 'result' : s.enquiry.step === 'result'));
  const goHome = useKiosk((s) => s.nav.goHome);

  useEffect(() => {
    if (screen !== 'flow' && screen !== 'dailyAuth') return;
    const ms = waiting ? timings.idleWaitMaxMs : onResult ? timings.idleResultMs : timings.idleFlowMs;
    let timer = setTimeout(() => goHome('idle'), ms);
    const onActivity = () => {
      clearTimeout(timer);
      timer = setTimeout(() => goHome('idle'), ms);
    };
    for (const type of ACTIVITY) document.addEventListener(type, onActivity, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const type of ACTIVITY) document.removeEventListener(type, onActivity, { capture: true });
    };
  }, [screen, step, onResult, waiting, goHome]);

  return null;
}
