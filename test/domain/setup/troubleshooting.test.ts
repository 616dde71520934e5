import { CHECK_IDS } from '../../../src/domain/check-result';
import { findSymptom, SYMPTOMS } from '../../../src/domain/setup';

describe('troubleshooting symptoms', () => {
  it('when each symptom is looked up, then it runs exactly the checks that can explain it', () => {
    expect(Object.fromEntries(SYMPTOMS.map((s) => [s.id, [...s.checks]]))).toEqual({
      'sign-in': [
        'app.registered',
        'app.single-tenant',
        'app.service-principal',
        'secret.present',
        'secret.expiry',
        'secret.works',
      ],
      'mail-not-picked-up': [
        'secret.works',
        'consent.mail-readwrite',
        'token.roles',
        'mailbox.access',
      ],
      'replies-not-sent': ['permission.mail-send', 'consent.mail-send', 'token.roles'],
      'reads-other-mailboxes': ['mailbox.restricted'],
      'error-message': [],
    });
    for (const s of SYMPTOMS) for (const id of s.checks) expect(CHECK_IDS).toContain(id);
  });

  it('when an action names a symptom, then only a known id is accepted', () => {
    expect(findSymptom('replies-not-sent')?.label).toBe('Replies are not sent');
    for (const bad of ['__proto__', 'constructor', '', 42, null, undefined, { id: 'sign-in' }]) {
      expect(findSymptom(bad)).toBeUndefined();
    }
  });
});
