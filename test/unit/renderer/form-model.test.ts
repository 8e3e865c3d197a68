/** The settings form's model: values fixed by a KIOSK_* variable are chosen, locked and sent with the rest. */
import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../app/contract';
import { ekoCandidate, envSet, initialValues, problemsOf } from '../../../renderer/screens/settings/form-model';
import { sampleEkoAccount, sampleSettings } from '../../support/services';

/** First run (no PIN yet) with an agent's Eko account; `envOverrides` names the KIOSK_* variables that fix values. */
const firstRun = (envOverrides: string[], profile: Settings['profile'] = 'demo'): Settings => ({
  ...sampleSettings,
  firstRun: true,
  pinSet: false,
  profile,
  eko: {
    ...sampleEkoAccount,
    baseUrl: null,
    developerKey: { set: true, masked: '••••0567', source: 'env' },
    accessKey: { set: true, masked: '••••e1f0', source: 'env' },
    edition: 'current',
  },
  envOverrides,
});

describe('first run with KIOSK_PROFILE set', () => {
  it('the profile the variable fixes is chosen, so setup can be finished (not "choose one of the three")', () => {
    const settings = firstRun(['KIOSK_PROFILE'], 'staging');
    const values = initialValues(settings, true);
    expect(values.profile).toBe('staging');
    expect(envSet(settings, 'profile')).toBe(true);
    const problems = problemsOf({ ...values, newPin: '2580', confirmPin: '2580' }, { settings, initial: values });
    expect(problems).toEqual({});
  });

  it('without the variable, first run still asks to choose', () => {
    const settings = firstRun([]);
    expect(initialValues(settings, true).profile).toBeNull();
    expect(problemsOf(initialValues(settings, true), { settings, initial: initialValues(settings, true) }).profile).toBe('chooseProfile');
  });

  it('production fixed by variables: their values are shown and never sent as changes', () => {
    const settings = firstRun(['KIOSK_PROFILE', 'KIOSK_EKO_DEVELOPER_KEY', 'KIOSK_EKO_ACCESS_KEY', 'KIOSK_EKO_EDITION', 'KIOSK_LATLONG'], 'production');
    const values = initialValues(settings, true);
    expect(values).toMatchObject({ profile: 'production', edition: 'current', text: { latlong: '19.0760,72.8777', initiatorId: '9876543210' } });
    const eko = ekoCandidate(values, { settings, initial: values });
    expect(eko).not.toHaveProperty('latlong');
    expect(eko).not.toHaveProperty('edition');
    expect(eko).not.toHaveProperty('developerKey');
  });
});
