import {
  describeAddressProblem,
  draftOf,
  MAX_MAILBOXES,
  readStepInputs,
  splitAddresses,
} from '../../../src/domain/setup';

const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const APP = '3f4e2d1c-0b9a-4876-a5b4-c3d2e1f0a9b8';

describe('readStepInputs', () => {
  it('when step 1 gets a valid App ID (any case, spaces around), then it is kept in lower case and no tenant is read', () => {
    expect(
      readStepInputs(
        'register',
        { tenantId: '11111111-2222-4333-8444-555555555555', appId: ` ${APP.toUpperCase()}\n` },
        TENANT,
      ),
    ).toEqual({
      ok: true,
      inputs: { appId: APP },
      draft: { appId: ` ${APP.toUpperCase()}\n` },
    });
  });

  it('when the fields are left empty, then nothing is typed and the configuration applies', () => {
    expect(readStepInputs('register', { tenantId: '', appId: '   ' }, TENANT)).toMatchObject({
      ok: true,
      inputs: {},
    });
  });

  it('when the App ID is one character short, then the error names the App ID field and the draft keeps both values', () => {
    const reading = readStepInputs('register', { appId: APP.slice(0, -1) }, TENANT);
    expect(reading).toEqual({
      ok: false,
      errors: {
        appId:
          'Application (client) ID has 35 characters, a GUID has 36 (8-4-4-4-12 hex digits); the last group has 11 characters, not 12.',
      },
      draft: { appId: APP.slice(0, -1) },
    });
  });

  it('when the Tenant ID is pasted as the App ID, then it says so', () => {
    const reading = readStepInputs('register', { appId: TENANT }, TENANT);
    expect(reading.ok ? '' : reading.errors.appId).toMatch(/is the Tenant ID/);
  });

  it('when data is forged (numbers, objects, other steps’ fields), then only the step’s string fields are read', () => {
    const reading = readStepInputs(
      'register',
      { tenantId: 42, appId: { x: 1 }, mailboxes: 'evil' },
      TENANT,
    );
    expect(reading).toEqual({ ok: true, inputs: {}, draft: { appId: '' } });
    expect(readStepInputs('secret', { tenantId: 'x', appId: 'y' }, TENANT)).toEqual({
      ok: true,
      inputs: {},
      draft: {},
    });
  });

  it('when a field is far too long, then it is refused rather than cut', () => {
    const reading = readStepInputs(
      'restrict',
      { mailboxes: 'a'.repeat(5000), scopeGroup: 'g@contoso.com' },
      TENANT,
    );
    expect(reading.ok ? '' : reading.errors.mailboxes).toMatch(/has 5000 characters; at most 4000/);
  });

  it('when mailboxes are listed with commas, semicolons and lines, then each is kept once in order', () => {
    const reading = readStepInputs(
      'restrict',
      {
        mailboxes:
          'support@contoso.com; sales@contoso.com,\nSUPPORT@contoso.com  billing@contoso.com',
        scopeGroup: 'pcemail@contoso.com',
      },
      TENANT,
    );
    expect(reading).toMatchObject({
      ok: true,
      inputs: {
        mailboxes: ['support@contoso.com', 'sales@contoso.com', 'billing@contoso.com'],
        scopeGroup: 'pcemail@contoso.com',
      },
    });
  });

  it('when a mailbox or the group is not an address, then each field gets its own message', () => {
    const reading = readStepInputs(
      'restrict',
      { mailboxes: 'support@contoso.com, sales', scopeGroup: 'PCEmail Mailboxes' },
      TENANT,
    );
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.errors.mailboxes).toBe(
      'Not a mailbox address: "sales" has no @; use the full address, such as support@contoso.com.',
    );
    expect(reading.errors.scopeGroup).toBe(
      'The scope group address "PCEmail Mailboxes" contains a space.',
    );
  });

  it('when more mailboxes than can be checked are listed, then it says how many are allowed', () => {
    const many = Array.from({ length: MAX_MAILBOXES + 1 }, (_, i) => `m${i}@contoso.com`).join(',');
    const reading = readStepInputs('restrict', { mailboxes: many }, TENANT);
    expect(reading.ok ? '' : reading.errors.mailboxes).toMatch(
      /51 mailboxes were listed; at most 50/,
    );
  });

  it('when stored inputs are shown again, then mailboxes read as a comma list', () => {
    expect(draftOf({ appId: APP, mailboxes: ['a@b.com', 'c@d.com'] })).toEqual({
      appId: APP,
      mailboxes: 'a@b.com, c@d.com',
    });
  });
});

describe('describeAddressProblem', () => {
  it.each([
    ['support@contoso.com', undefined],
    ["o'brien@contoso.com", undefined],
    ['first.last+tag@sub.contoso.co.uk', undefined],
    ['support', 'has no @; use the full address, such as support@contoso.com'],
    ['@contoso.com', 'has nothing before the @'],
    ['support@contoso', 'has no domain ending after the @ (such as contoso.com)'],
    [
      'support@contoso..com',
      'has an empty part in the domain (two dots in a row, or a dot at the end)',
    ],
    ['.support@contoso.com', 'has a dot at the start or end of the name, or two dots in a row'],
    ['sup port@contoso.com', 'contains a space'],
    ['sup"port@contoso.com', 'contains "\\"", which a mailbox address cannot contain here'],
    ['sup$port@contoso.com', 'contains "$", which a mailbox address cannot contain here'],
    ['support@-contoso.com', 'has the domain part "-contoso", which is not a valid domain name'],
  ])('when %j is checked, then the answer is %j', (address, problem) => {
    expect(describeAddressProblem(address)).toBe(problem);
  });

  it('when an address is split, then empty parts vanish and duplicates go regardless of case', () => {
    expect(splitAddresses(' a@b.com,,A@B.COM ;c@d.com ')).toEqual(['a@b.com', 'c@d.com']);
  });
});
