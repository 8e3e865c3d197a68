/** English strings. Every key here has a Hindi twin in hi.ts (a unit test checks). */
export const en = {
  app: {
    name: 'AePS Counter',
    training: 'TRAINING — demo mode: no real money, no real customers',
    switchLanguage: 'हिन्दी',
    languageName: 'English',
    loading: 'Starting…',
    version: 'Version {{version}}',
    profile: 'Profile: {{profile}}',
    profiles: { demo: 'Demo', staging: 'Staging (Eko UAT)', production: 'Production' },
    host: { electron: 'Desktop app', web: 'Browser' },
    retry: 'Try again',
  },
  home: {
    title: 'Home',
    agent: 'Agent {{userCode}} · {{mobile}}',
  },
  errors: {
    generic: { what: 'Something went wrong.', todo: 'Try again. If it keeps happening, restart the app.' },
    internal: { what: 'Something went wrong inside the app.', todo: 'Try again. If it keeps happening, restart the app and call support.' },
    input: {
      invalid: { what: 'Some of the details are not in the right form.', todo: 'Check what you typed and try again.' },
    },
    config: {
      invalid: { what: 'The app is not set up correctly ({{setting}}).', todo: 'Ask the operator to fix the settings.' },
    },
    host: {
      unauthorized: { what: 'This screen is not allowed to talk to the app.', todo: 'Open the app again from the link the kiosk printed.' },
      unreachable: { what: 'The app stopped answering.', todo: 'Wait a moment and try again. If it keeps happening, restart the app.' },
    },
    rd: {
      notFound: { what: 'No fingerprint scanner service was found on this PC.', todo: 'Connect the scanner, start its RD service (e.g. Mantra RD Service), then press “Find scanner”.' },
      notReady: { what: 'The scanner service is running but the scanner is not ready.', todo: 'Check the scanner cable, unplug and plug it in again, then press “Find scanner”.' },
      busy: { what: 'Another app is using the scanner.', todo: 'Close the other app using the scanner, then try again.' },
      noResponse: { what: 'The scanner service did not answer.', todo: 'Restart the scanner’s RD service, then press “Find scanner”.' },
      badResponse: { what: 'The scanner service sent an answer the app cannot read.', todo: 'Restart the scanner’s RD service and try again.' },
      captureTimeout: { what: 'No finger was placed in time.', todo: 'Place the finger again, flat on the scanner, when asked.' },
      captureFailed: { what: 'The fingerprint could not be captured.', todo: 'Clean the scanner and the finger, then place the finger again.' },
      needsReinit: { what: 'The scanner needs to be started again.', todo: 'Unplug the scanner, plug it in again, and wait for its light.' },
      unsupported: { what: 'The scanner does not support this kind of capture.', todo: 'Update the scanner’s RD service, or use a supported scanner.' },
      deviceError: { what: 'The scanner reported an error ({{code}}).', todo: 'Restart the scanner’s RD service and try again.' },
      cancelled: { what: 'The capture was cancelled.', todo: 'Press “Capture fingerprint” when the customer is ready.' },
      poorQuality: { what: 'The fingerprint is too faint to use (quality {{qScore}}).', todo: 'Clean the finger, press it flat on the scanner, and capture again.' },
      captureExpired: { what: 'This fingerprint was already used or has expired.', todo: 'Capture the fingerprint again.' },
    },
    eko: {
      offline: { what: 'Could not reach Eko: the internet seems to be down. Nothing was sent.', todo: 'Check the internet connection and try again.' },
      timeout: { what: 'Eko did not answer in time.', todo: 'Check the internet connection and try again.' },
      auth: { what: 'Eko refused the app’s credentials.', todo: 'Ask the operator to check the developer key and access key, and the PC clock.' },
      clockSkew: { what: 'This PC’s clock is wrong, so Eko refuses the request.', todo: 'Set the PC date and time correctly (automatic time), then try again.' },
      notFound: { what: 'Eko did not recognise the request address.', todo: 'Ask the operator to check the Eko server address in settings.' },
      contentType: { what: 'Eko did not accept the request format.', todo: 'Update the app, or call support.' },
      server: { what: 'Eko’s server has a problem right now.', todo: 'Wait a few minutes and try again.' },
      htmlPage: { what: 'Eko answered with an error page instead of data.', todo: 'Wait a few minutes and try again. If it continues, ask the operator to check the server address.' },
      badResponse: { what: 'Eko’s answer could not be read.', todo: 'Try again in a minute.' },
      invalidParams: { what: 'Eko says some details are wrong: {{fields}}.', todo: 'Check the details and try again.' },
      failed: { what: 'Eko could not do this: {{message}}', todo: 'Try again later, or call support.' },
    },
    journal: {
      unavailable: { what: 'The history could not be opened.', todo: 'Restart the app. If it continues, call support.' },
      notFound: { what: 'That enquiry is not in the history.', todo: 'Refresh the list.' },
    },
  },
};

export type Messages = typeof en;
