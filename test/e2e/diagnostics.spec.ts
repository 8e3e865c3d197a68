/**
 * Diagnostics against the real web host (demo profile): the simulated scanner and the
 * Eko sandbox seen as they are, the journal's health, versions, and the exported bundle.
 */
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import type { Diagnostics } from '../../app/contract';
import { valueOf } from '../support/kiosk-api';
import { button, openHome, shot } from './support/flow';
import { kioskForSpec } from './support/kiosk';

const kiosk = kioskForSpec();

test('shows the simulated scanner and Eko connected, and exports a bundle to a file', async ({ page }) => {
  await openHome(page, kiosk().launchUrl);
  await button(page, 'Diagnostics').click();
  await expect(page.getByRole('heading', { level: 1, name: 'Diagnostics' })).toBeVisible();

  await expect(page.getByTestId('diag-scanner-state')).toHaveText(/Scanner ready/);
  const services = page.getByTestId('diag-services');
  await expect(services.getByRole('row').filter({ hasText: 'Ready' }).first()).toContainText('in use');
  // The same scanner the main side reports: its port, vendor and model.
  const seen = await valueOf<Diagnostics>(kiosk(), 'getDiagnostics');
  const selected = seen.device.selected!;
  await expect(services.getByRole('row').filter({ hasText: 'Ready' }).first()).toContainText(`${selected.port}HTTPReady`);
  const device = page.getByTestId('diag-device');
  await expect(device).toContainText(seen.device.deviceInfo!.vendor);
  await expect(device).toContainText(seen.device.deviceInfo!.model);
  await expect(device).toContainText(seen.device.deviceInfo!.rdsVersion);

  await expect(page.getByTestId('diag-eko-status')).toHaveAttribute('data-ok', 'true');
  await expect(page.getByTestId('diag-eko-status')).toContainText('Connected');
  await expect(page.getByTestId('diag-skew')).toHaveText(/^[+-]?\d+\.\d s$/);
  await expect(page.getByTestId('diag-skew-warning')).toHaveCount(0);
  await expect(page.getByTestId('diag-wallet')).toHaveText('₹2,20,83,40,023.75');

  await expect(page.getByTestId('diag-rows')).toHaveText('0');
  await expect(page.getByTestId('diag-size')).toHaveText(/^\d+\.\d (KB|MB)$/);
  await expect(page.getByTestId('diag-datadir')).toHaveText(kiosk().dataDir);
  await expect(page.getByTestId('diag-app')).toContainText(process.versions.node);
  await shot(page, '40-diagnostics');

  await button(page, 'Refresh').click();
  await expect(page.getByTestId('diag-eko-status')).toContainText('Connected');

  await button(page, 'Export diagnostics').click();
  const saved = page.getByTestId('diag-export-path');
  await expect(saved).toHaveText(/diagnostics-.*\.json$/);
  const file = (await saved.textContent())!;
  expect(file.startsWith(kiosk().dataDir)).toBe(true);
  expect(fs.existsSync(file)).toBe(true);
  const bundle = JSON.parse(fs.readFileSync(file, 'utf8')) as { diagnostics: { eko: { ok: boolean } } };
  expect(bundle.diagnostics.eko.ok).toBe(true);
  await shot(page, '41-diagnostics-exported');

  // The log files, zipped for support.
  await button(page, 'Export logs').click();
  await expect(saved).toHaveText(/logs-.*\.zip$/);
  const zip = (await saved.textContent())!;
  expect(zip.startsWith(kiosk().dataDir)).toBe(true);
  expect(fs.readFileSync(zip).subarray(0, 2).toString('latin1')).toBe('PK');

  // In Hindi too.
  await button(page, 'हिन्दी').click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('जाँच (डायग्नोस्टिक्स)');
  await expect(page.getByTestId('diag-eko-status')).toContainText('जुड़ा है');
});
