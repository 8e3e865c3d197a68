import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import { kioskForSpec } from './support/kiosk';

const kiosk = kioskForSpec();

test('the home screen shows data that came through the contract', async ({ page }) => {
  const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string };
  await page.goto(kiosk().launchUrl);
  // The version for support, not as text on the counter's screen (Diagnostics shows it).
  await expect(page.getByTestId('app-info')).toHaveAttribute('data-version', pkg.version);
  await expect(page.getByTestId('app-info')).not.toContainText(pkg.version);
  await expect(page.getByTestId('profile')).toHaveText('Profile: Demo');
  await expect(page.getByText(/TRAINING/)).toBeVisible();
  // The secret left the address bar once read.
  expect(page.url()).not.toContain('#k=');
  // A reload keeps working (the secret is kept for this tab only).
  await page.reload();
  await expect(page.getByTestId('profile')).toHaveText('Profile: Demo');
});

test('without the secret the page explains instead of showing a blank screen', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(kiosk().baseUrl);
  await expect(page.getByRole('alert')).toContainText('not allowed');
  await context.close();
});

test('switches to Hindi and back', async ({ page }) => {
  await page.goto(kiosk().launchUrl);
  await page.getByRole('button', { name: 'हिन्दी' }).click();
  await expect(page.getByTestId('profile')).toHaveText('प्रोफ़ाइल: डेमो');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByTestId('profile')).toHaveText('Profile: Demo');
});
