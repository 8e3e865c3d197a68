/**
 * Operator settings in the browser, against the real web host: first-run setup
 * (Training, a PIN, Save → home with the TRAINING band), and the settings screen
 * behind the PIN (a wrong PIN, the right one, switching to Live against an Eko
 * sandbox started here, Test connection, Save → Production, no TRAINING band,
 * and the access key never in the page nor in clear on disk), and a counter whose saved
 * keys do not decrypt on this PC: it still starts, in training, on the settings with the
 * problem, and re-entering the keys brings the live services up.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { CONFIG_FILE_NAME } from '../../main/services/config/config';
import { hashPin } from '../../main/services/settings/pin';
import { createDevFileSecretStore } from '../../main/services/settings/secret-store';
import type { EkoSandbox } from '../../main/simulators/eko';
import { startRecordedEkoSandbox } from '../support/suite-secrets';
import { valueOf } from '../support/kiosk-api';
import { TEST_OPERATOR_PIN, newSuiteDataDir } from '../support/kiosk-process';
import { scanForPrivateData } from '../support/privacy-scan';
import { makeTempDir } from '../support/temp-dir';
import { button, shot } from './support/flow';
import { kioskForSpec } from './support/kiosk';

/** An input by its visible label, exactly (the profile cards' sentences mention the keys too). */
const field = (page: Page, label: string) => page.getByLabel(label, { exact: true });
const keypad = (page: Page) => page.getByRole('group', { name: 'Number keypad' });

async function typeOnKeypad(page: Page, digits: string): Promise<void> {
  for (const d of digits) await keypad(page).getByRole('button', { name: d, exact: true }).click();
}

test.describe('first-run setup', () => {
  const kiosk = kioskForSpec({ setup: 'firstRun' });

  test('choose Training, set the PIN twice, test, save: home with the TRAINING band', async ({ page }) => {
    await page.goto(kiosk().launchUrl);
    await expect(page.getByRole('heading', { name: 'Welcome! Let’s set up this counter' })).toBeVisible();
    // Nothing else is reachable before setup.
    await expect(button(page, 'Balance enquiry')).toHaveCount(0);
    await shot(page, 'setup-first-run');
    // The operator may set up in Hindi.
    await button(page, 'हिन्दी').click();
    await expect(page.getByRole('heading', { name: 'स्वागत है! आइए इस काउंटर को सेट करें' })).toBeVisible();
    await shot(page, 'setup-first-run-hi');
    await button(page, 'English').click();

    // Save with nothing chosen: what is missing is said next to each field.
    await button(page, 'Save and start').click();
    await expect(page.getByText('Choose one of the three profiles.')).toBeVisible();
    await expect(page.getByText('The PIN has 4 to 8 digits.')).toBeVisible();

    await page.getByRole('radio', { name: /Training \(demo\)/ }).check();
    // Live shows the Eko account fields; Training does not.
    await page.getByRole('radio', { name: /Live \(production\)/ }).check();
    await expect(field(page, 'Access key')).toHaveAttribute('type', 'password');
    await expect(field(page, 'Shop location')).toBeVisible();
    await page.getByRole('radio', { name: /Training \(demo\)/ }).check();
    await expect(field(page, 'Access key')).toHaveCount(0);

    // The PIN by the on-screen keypad, then by the keyboard; a too-easy one is refused first.
    await field(page, 'Choose a PIN').focus();
    await typeOnKeypad(page, '1234');
    await field(page, 'Enter the PIN again').fill('1234');
    await button(page, 'Save and start').click();
    await expect(page.getByText('This PIN is too easy to guess (like 1234 or 1111). Choose another one.')).toBeVisible();
    await field(page, 'Choose a PIN').focus();
    await keypad(page).getByRole('button', { name: 'Clear' }).click();
    await typeOnKeypad(page, '1357');
    await field(page, 'Enter the PIN again').fill('1375');
    await expect(page.getByText('The two PINs are not the same. Enter the PIN again.')).toBeVisible();
    await field(page, 'Enter the PIN again').fill('1357');
    await expect(page.getByText('The two PINs are not the same.')).toHaveCount(0);

    await button(page, 'Test connection').click();
    const result = page.getByTestId('settings-test-result');
    await expect(result).toHaveAttribute('data-ok', 'true');
    await expect(result).toContainText('Connected to Eko.');
    await expect(page.getByTestId('settings-test-wallet')).toContainText('₹');
    await shot(page, 'setup-training-tested');

    await button(page, 'Save and start').click();
    await expect(button(page, 'Balance enquiry')).toBeVisible();
    await expect(page.getByText(/TRAINING/)).toBeVisible();
    await expect(page.getByTestId('profile')).toHaveText('Profile: Demo');
    await shot(page, 'setup-done-home');
    const settings = await valueOf<{ firstRun: boolean; pinSet: boolean }>(kiosk(), 'getSettings');
    expect(settings).toMatchObject({ firstRun: false, pinSet: true });
    // The PIN chosen is the one that opens the settings.
    await button(page, 'Settings').click();
    await field(page, 'Operator PIN').fill('1357');
    await button(page, 'Open settings').click();
    await expect(page.getByRole('radio', { name: /Training \(demo\)/ })).toBeChecked();
    // A reload lands on home, not on setup.
    await page.reload();
    await expect(button(page, 'Balance enquiry')).toBeVisible();
  });
});

test.describe('settings behind the operator PIN', () => {
  let sandbox: EkoSandbox;
  const developerKey = 'devE2e5c1e9a0f4b2d8e6a5c3b1f0d9e8123';
  const accessKey = 'acc-e2e-4f1d2c3b-9a8e-4d7c-b6a5-e4f3d2c19876';

  test.beforeAll(async () => {
    sandbox = await startRecordedEkoSandbox({ developerKey, accessKey, initiatorId: '9876543210', userCode: '30000001' });
  });
  const kiosk = kioskForSpec();
  test.afterAll(async () => {
    await sandbox?.close();
  });

  test('wrong PIN, right PIN, switch to Live against a sandbox, test, save: Production without TRAINING, key never shown', async ({ page }) => {
    await page.goto(kiosk().launchUrl);
    await expect(page.getByText(/TRAINING/)).toBeVisible();
    await button(page, 'Settings').click();
    await expect(page.getByRole('heading', { name: 'Enter the operator PIN' })).toBeVisible();
    await shot(page, 'settings-pin');

    // A wrong PIN says how many tries are left, and empties the field.
    await field(page, 'Operator PIN').focus();
    await typeOnKeypad(page, '9753');
    await button(page, 'Open settings').click();
    await expect(page.getByRole('alert')).toContainText('The operator PIN is wrong (4 tries left).');
    await expect(field(page, 'Operator PIN')).toHaveValue('');
    await shot(page, 'settings-pin-wrong');

    // The right one, typed on the keypad alone.
    await field(page, 'Operator PIN').focus();
    await typeOnKeypad(page, TEST_OPERATOR_PIN);
    await button(page, 'Open settings').click();
    await expect(page.getByRole('radio', { name: /Training \(demo\)/ })).toBeChecked();
    await shot(page, 'settings-form-demo');

    await page.getByRole('radio', { name: /Live \(production\)/ }).check();
    // Save with the account empty: each missing field says so.
    await button(page, 'Save settings').click();
    await expect(page.getByText('This is needed for the live profile.').first()).toBeVisible();
    await expect(field(page, 'Developer key')).toBeFocused();
    await shot(page, 'settings-production-missing');

    await field(page, 'Developer key').fill(developerKey);
    await field(page, 'Access key').fill(accessKey);
    await field(page, 'Initiator ID').fill(sandbox.initiatorId);
    await field(page, 'User code').fill(sandbox.userCode);
    await field(page, 'Shop location').fill('28.6139, 77.2090x');
    await button(page, 'Show advanced settings').click();
    await field(page, 'Eko server address').fill(sandbox.baseUrl);
    await field(page, 'Eko’s Aadhaar encryption key').fill(sandbox.aadhaarPublicKey);
    await button(page, 'Test connection').click();
    await expect(page.getByText('Write latitude and longitude with a comma between them, e.g. 28.6139,77.2090.')).toBeVisible();
    await field(page, 'Shop location').fill('28.6139, 77.2090');

    await button(page, 'Test connection').click();
    const result = page.getByTestId('settings-test-result');
    await expect(result).toHaveAttribute('data-ok', 'true');
    await expect(result).toContainText(sandbox.baseUrl);
    await expect(page.getByTestId('settings-test-clock')).toContainText('seconds');
    await shot(page, 'settings-production-tested');

    await button(page, 'Save settings').click();
    await expect(page.getByTestId('settings-saved')).toContainText('Settings saved.');
    await expect(page.getByText(/TRAINING/)).toHaveCount(0);
    await expect(page.getByTestId('profile')).toHaveText('Profile: Production');
    // Saved keys come back masked only, with a Change button.
    await expect(page.getByTestId('masked-accessKey')).toHaveText(`••••${accessKey.slice(-4)} (saved)`);
    await expect(page.getByTestId('masked-developerKey')).toHaveText(`••••${developerKey.slice(-4)} (saved)`);
    await expect(page.getByRole('button', { name: 'Change Access key' })).toBeVisible();
    await expect(field(page, 'Initiator ID')).toHaveValue(sandbox.initiatorId);
    // A custom Aadhaar key is saved: the advanced section opens by itself.
    await expect(field(page, 'Eko server address')).toHaveValue(sandbox.baseUrl);
    await shot(page, 'settings-production-saved');
    await page.getByTestId('masked-accessKey').scrollIntoViewIfNeeded();
    await shot(page, 'settings-production-saved-keys');
    const html = await page.content();
    expect(html).not.toContain(accessKey);
    expect(html).not.toContain(developerKey);

    // Lock: back to the PIN; Close: home, now live against the sandbox.
    await button(page, 'Lock').click();
    await expect(page.getByRole('heading', { name: 'Enter the operator PIN' })).toBeVisible();
    await button(page, 'Close settings').click();
    await expect(button(page, 'Balance enquiry')).toBeVisible();
    await expect(page.getByTestId('wallet-balance')).toContainText('₹');
    await expect(page.getByText(/TRAINING/)).toHaveCount(0);
    expect(await page.content()).not.toContain(accessKey);

    // Nothing on disk holds the keys in clear (config.json keeps them encrypted).
    expect(scanForPrivateData(kiosk().dataDir, [accessKey, developerKey])).toEqual([]);
  });
});

test.describe('setup needed: saved keys that do not decrypt on this PC', () => {
  let sandbox: EkoSandbox;
  let dataDir: string;
  const developerKey = 'devMoved1e9a0f4b2d8e6a5c3b1f0d9e8456';
  const accessKey = 'acc-moved-4f1d2c3b-9a8e-4d7c-b6a5-e4f3d2c14321';

  test.beforeAll(async () => {
    sandbox = await startRecordedEkoSandbox({ developerKey, accessKey, initiatorId: '9876543210', userCode: '30000001' });
    dataDir = newSuiteDataDir();
    // Encrypted with another data folder's key: like DPAPI data copied from another PC or Windows user.
    const otherPc = createDevFileSecretStore(makeTempDir('kiosk-other-pc-'));
    const config = {
      profile: 'production',
      setupDone: true,
      operatorPinHash: await hashPin(TEST_OPERATOR_PIN),
      eko: {
        baseUrl: sandbox.baseUrl,
        aadhaarPublicKey: sandbox.aadhaarPublicKey,
        developerKeyEncrypted: otherPc.encrypt(developerKey),
        accessKeyEncrypted: otherPc.encrypt(accessKey),
        initiatorId: sandbox.initiatorId,
        userCode: sandbox.userCode,
        latlong: '28.6139,77.2090',
      },
    };
    fs.writeFileSync(path.join(dataDir, CONFIG_FILE_NAME), `${JSON.stringify(config, null, 2)}\n`);
  });
  const kiosk = kioskForSpec({ env: () => ({ KIOSK_DATA_DIR: dataDir }) });
  test.afterAll(async () => {
    await sandbox?.close();
  });

  test('starts in training on the settings, says which key and what to do (English, Hindi); re-entering the keys goes live', async ({ page }) => {
    // The web host said so too, in one line, and started anyway.
    expect(kiosk().output()).toContain('The saved settings do not load (Configuration error in config.json → eko.developerKey');
    await page.goto(kiosk().launchUrl);
    const notice = page.getByTestId('config-problem');
    await expect(notice).toContainText('The saved settings of this counter cannot be used');
    await expect(notice).toContainText('A saved Eko key cannot be read on this PC or Windows user');
    await expect(notice).toContainText('Setting: Developer key');
    await expect(notice).toContainText('Enter the key again in the settings and save.');
    await expect(page.getByText(/TRAINING/)).toBeVisible();
    // Behind the PIN, and nothing else is reachable: no home, no way to close.
    await expect(page.getByRole('heading', { name: 'Enter the operator PIN' })).toBeVisible();
    await expect(button(page, 'Balance enquiry')).toHaveCount(0);
    await expect(button(page, 'Close settings')).toHaveCount(0);
    await shot(page, 'setup-needed-key');
    await button(page, 'हिन्दी').click();
    await expect(notice).toContainText('सेव की हुई Eko कुंजी इस पीसी या Windows यूज़र पर पढ़ी नहीं जा सकती');
    await expect(notice).toContainText('सेटिंग: डेवलपर कुंजी');
    await shot(page, 'setup-needed-key-hi');
    await button(page, 'English').click();

    await field(page, 'Operator PIN').fill(TEST_OPERATOR_PIN);
    await button(page, 'Open settings').click();
    // The form starts from what is saved: Live with its account; the keys are to be entered again.
    await expect(page.getByRole('radio', { name: /Live \(production\)/ })).toBeChecked();
    await expect(field(page, 'Initiator ID')).toHaveValue(sandbox.initiatorId);
    await expect(field(page, 'Developer key')).toHaveValue('');
    await field(page, 'Developer key').fill(developerKey);
    await field(page, 'Access key').fill(accessKey);
    await button(page, 'Save settings').click();

    // Home, live against the sandbox: no TRAINING band, the wallet answers.
    await expect(button(page, 'Balance enquiry')).toBeVisible();
    await expect(page.getByTestId('config-problem')).toHaveCount(0);
    await expect(page.getByText(/TRAINING/)).toHaveCount(0);
    await expect(page.getByTestId('profile')).toHaveText('Profile: Production');
    await expect(page.getByTestId('wallet-balance')).toContainText('₹');
    await shot(page, 'setup-needed-fixed-home');
    expect(await valueOf<{ configProblem: unknown }>(kiosk(), 'getSettings')).toMatchObject({ configProblem: null });
    expect(scanForPrivateData(kiosk().dataDir, [accessKey, developerKey])).toEqual([]);
  });
});
