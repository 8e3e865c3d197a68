/**
 * Free text from outside (Eko's messages) may quote a customer's number. Before such text is
 * shown, printed or stored, every run of 10 or more digits (spaces and hyphens inside allowed:
 * an Aadhaar number, a mobile, an account) is cut to its last 4, the way numbers are masked
 * everywhere else in the app.
 */
export function maskNumbersInText(text: string): string {
  return text.replace(/\d[\d\s-]{8,}\d/g, (run) => {
    const digits = run.replace(/\D/g, '');
    return digits.length >= 10 ? `…${digits.slice(-4)}` : run;
  });
}
