import { test } from '@playwright/test';
import { startKiosk, type KioskProcess } from '../support/kiosk-process';
import { fakeApi } from './support/fake-api';

let kiosk: KioskProcess;
test.beforeAll(async () => {
  kiosk = await startKiosk();
});
test.afterAll(async () => {
  await kiosk?.stop();
});

test('preview', async ({ page }) => {
  await fakeApi(page, { captureFingerprint: { handle: 'h1', qScore: 35, nmPoints: 40, quality: 'low', device: null } });
  page.on('console', (m) => console.log('console', m.text()));
  page.on('pageerror', (e) => console.log('pageerror', e.message));
  await page.goto(kiosk.launchUrl);
  await page.waitForTimeout(2000);
  await page.getByRole('button', { name: 'Balance enquiry' }).waitFor({ timeout: 5000 });
  await page.screenshot({ path: '/tmp/pv/1-home.png' });
  await page.getByRole('button', { name: 'Balance enquiry' }).click();
  await page.getByLabel('Customer mobile number').fill('9876543210');
  await page.screenshot({ path: '/tmp/pv/2-mobile.png' });
  await page.keyboard.press('Enter');
  await page.getByLabel('Aadhaar number').fill('234567890125');
  await page.screenshot({ path: '/tmp/pv/3-aadhaar.png' });
  await page.getByLabel('Aadhaar number').fill('234567890124');
  await page.keyboard.press('Enter');
  await page.getByLabel('Bank', { exact: true }).fill('sbi');
  await page.keyboard.press('Enter');
  await page.screenshot({ path: '/tmp/pv/4-bank.png' });
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.screenshot({ path: '/tmp/pv/5-consent.png' });
  await page.getByRole('checkbox', { name: /consent/ }).check();
  await page.keyboard.press('Enter');
  await page.screenshot({ path: '/tmp/pv/6-capture.png' });
  await page.getByRole('button', { name: 'Capture fingerprint' }).click();
  await page.getByTestId('low-quality').waitFor();
  await page.screenshot({ path: '/tmp/pv/7-low.png' });
  await page.getByRole('button', { name: 'Use this fingerprint anyway' }).click();
  await page.getByTestId('balance').waitFor();
  await page.screenshot({ path: '/tmp/pv/8-result.png' });
});
