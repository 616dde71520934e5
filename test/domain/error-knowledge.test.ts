import {
  explainAadsts,
  explainErrorText,
  explainGraphError,
  MAX_EXPLAINED_TEXT,
} from '../../src/domain';

const AADSTS_7000215_BODY = JSON.stringify({
  error: 'invalid_client',
  error_description:
    "AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '3f4e2d1c-0b9a-4876-a5b4-c3d2e1f0a9b8'. Trace ID: 0b7f3c2a-1d4e-4f5a-9b6c-7d8e9f0a1b2c Correlation ID: 4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e7f Timestamp: 2025-06-01 12:00:00Z",
  error_codes: [7000215],
  timestamp: '2025-06-01 12:00:00Z',
  trace_id: '0b7f3c2a-1d4e-4f5a-9b6c-7d8e9f0a1b2c',
  correlation_id: '4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e7f',
  error_uri: 'https://login.microsoftonline.com/error?code=7000215',
});

const GRAPH_RAOP_BODY = `HTTP/1.1 403 Forbidden
Content-Type: application/json

{"error":{"code":"ErrorAccessDenied","message":"Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.","innerError":{"date":"2025-06-01T12:00:00","request-id":"9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a","client-request-id":"9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"}}}`;

const POWERSHELL_PASTE = `Connect-MgGraph : ClientSecretCredential authentication failed: AADSTS700016: Application with identifier '3f4e2d1c-0b9a-4876-a5b4-c3d2e1f0a9b' was not found in the directory 'Contoso'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant.
Trace ID: 1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d
At line:1 char:1
+ Connect-MgGraph -TenantId 72f988bf-86f1-41af-91ab-2d7cd011db4 -ClientSecretCredential $cred
+ ~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~
    + CategoryInfo          : NotSpecified: (:) [Connect-MgGraph], AuthenticationFailedException`;

describe('explainErrorText', () => {
  test('when a full AADSTS7000215 token response is pasted, then exactly that code is explained', () => {
    const [first, ...rest] = explainErrorText(AADSTS_7000215_BODY);
    expect(rest).toEqual([]);
    expect(first).toMatchObject({ kind: 'aadsts', code: 'AADSTS7000215', known: true });
    expect(first?.cause).toContain('Secret ID');
    expect(first?.fix).toContain('Certificates & secrets → New client secret');
    expect(first?.learnMoreUrl).toMatch(/^https:\/\/learn\.microsoft\.com\//);
  });

  test('when a Graph access-policy denial is pasted, then the policy explanation is given, not the plain denial', () => {
    const found = explainErrorText(GRAPH_RAOP_BODY);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      kind: 'graph',
      code: 'ErrorAccessDenied',
      title: 'Blocked by the application access policy',
    });
    expect(found[0]?.fix).toContain('Add-DistributionGroupMember');
    expect(found[0]?.learnMoreUrl).toBe(
      'https://learn.microsoft.com/graph/auth-limit-mailbox-access',
    );
  });

  test('when a PowerShell error with short IDs is pasted, then the code and both malformed IDs are explained in order', () => {
    const found = explainErrorText(POWERSHELL_PASTE);
    expect(found.map((e) => e.code)).toEqual([
      'AADSTS700016',
      '3f4e2d1c-0b9a-4876-a5b4-c3d2e1f0a9b',
      '72f988bf-86f1-41af-91ab-2d7cd011db4',
    ]);
    expect(found[1]?.cause).toContain('has 35 characters, a GUID has 36 (8-4-4-4-12 hex digits)');
    expect(found[1]?.cause).toContain('the last group has 11 characters, not 12');
  });

  test('when an ID has a character that is not hex, then it says which and where', () => {
    const [found] = explainErrorText('PCEMAIL_APP_ID=e2a3a72e-5f79-4c64-b1b1-878b674786cz');
    expect(found?.kind).toBe('guid');
    expect(found?.cause).toContain('contains "z" at position 36');
  });

  test('when codes repeat and one is unknown, then each appears once and the unknown one is honest', () => {
    const found = explainErrorText(
      'AADSTS65001: consent. Retry gave AADSTS65001 again, then aadsts999999: odd.',
    );
    expect(found.map((e) => e.code)).toEqual(['AADSTS65001', 'AADSTS999999']);
    expect(found[1]).toMatchObject({ known: false });
    expect(found[1]?.title).toContain('not a code PCEmail Ops knows');
    expect(found[1]?.fix).toContain('Sign-in logs');
  });

  test('when throttling errors are pasted, then both Graph codes are explained', () => {
    const text =
      '429 {"error":{"code":"TooManyRequests","message":"Too many requests"}} then ' +
      '{"error":{"code":"ApplicationThrottled","message":"Application is over its MailboxConcurrency limit."}}';
    expect(explainErrorText(text).map((e) => e.code)).toEqual([
      'TooManyRequests',
      'ApplicationThrottled',
    ]);
  });

  test("when Microsoft Graph's appId is pasted, then it is recognised rather than called malformed", () => {
    const [found] = explainErrorText('resourceAppId 00000003-0000-0000-c000-000000000000');
    expect(found?.title).toContain("Microsoft Graph's application ID");
  });

  test('when ordinary text is pasted, then nothing is explained', () => {
    expect(explainErrorText('The mailbox is fine, thanks - all good on 2025-06-01.')).toEqual([]);
    expect(explainErrorText('')).toEqual([]);
  });

  test('when something is past the first 20,000 characters, then it is ignored', () => {
    expect(explainErrorText(`${' '.repeat(MAX_EXPLAINED_TEXT)}AADSTS7000215`)).toEqual([]);
  });

  test('when hostile input is pasted, then it returns quickly and at most 50 entries', () => {
    const hostile = [
      'a'.repeat(1_000_000),
      '-'.repeat(1_000_000),
      'AADSTS'.repeat(200_000),
      '0a-'.repeat(300_000),
      Array.from({ length: 5000 }, (_, i) => `AADSTS${i}`).join(' '),
    ];
    const started = process.hrtime.bigint();
    for (const text of hostile) expect(explainErrorText(text).length).toBeLessThanOrEqual(50);
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(1000);
  });
});

describe('explainAadsts and explainGraphError', () => {
  test.each([
    7000215, 7000222, 700016, 90002, 65001, 700027, 7000112, 50034, 500011, 1002012, 900023, 70011,
    50126,
  ])('when AADSTS%i is looked up, then it is known with a fix and a Learn link', (code) => {
    const e = explainAadsts(code);
    expect(e.known).toBe(true);
    expect(e.code).toBe(`AADSTS${code}`);
    expect(e.fix.length).toBeGreaterThan(20);
    expect(e.learnMoreUrl).toMatch(/^https:\/\/learn\.microsoft\.com\//);
  });

  test.each([
    'ErrorAccessDenied',
    'MailboxNotEnabledForRESTAPI',
    'ErrorInvalidUser',
    'ErrorSendAsDenied',
    'ApplicationThrottled',
    'TooManyRequests',
    'InvalidAuthenticationToken',
    'Authorization_RequestDenied',
    'Request_ResourceNotFound',
    'ErrorItemNotFound',
  ])('when Graph code %s is looked up, then it is known with a fix and a Learn link', (code) => {
    const e = explainGraphError(code);
    expect(e).toMatchObject({ kind: 'graph', code, known: true });
    expect(e.learnMoreUrl).toMatch(/^https:\/\/learn\.microsoft\.com\//);
  });

  test('when ErrorAccessDenied comes with the RAOP message, then the access-policy entry is chosen', () => {
    expect(
      explainGraphError('ErrorAccessDenied', 'Access to OData is disabled: [RAOP]').fix,
    ).toContain('Add-DistributionGroupMember');
    expect(explainGraphError('ErrorAccessDenied', 'Access is denied.').fix).not.toContain(
      'Add-DistributionGroupMember',
    );
  });

  test('when the Graph code is unknown, then the entry says so', () => {
    expect(explainGraphError('ErrorQuotaExceeded')).toMatchObject({
      known: false,
      code: 'ErrorQuotaExceeded',
    });
  });

  test('when 7000112 is explained, then the fix names the enterprise application switch', () => {
    expect(explainAadsts(7000112).fix).toContain('Enabled for users to sign-in?');
  });
});

describe('the admin-consent flow’s own AADSTS codes', () => {
  it.each([
    [90094, /admin consent required/i, /Grant admin consent/],
    [50011, /redirect URI does not match/i, /redirect URI registered|API permissions/],
    [500113, /no reply address is registered/i, /API permissions/],
    [900971, /no reply address provided/i, /API permissions/],
  ])(
    'when AADSTS%i is asked about, then it is known, with a fix and a Learn page',
    (code, title, fix) => {
      const known = explainAadsts(code);
      expect(known.known).toBe(true);
      expect(known.title).toMatch(title);
      expect(known.fix).toMatch(fix);
      expect(known.learnMoreUrl).toMatch(/^https:\/\/learn\.microsoft\.com\//);
    },
  );

  it('when the simulated consent page’s AADSTS500113 text is pasted, then it is explained', () => {
    const pasted = "AADSTS500113: No reply address is registered for the application 'x'.";
    expect(JSON.stringify(explainErrorText(pasted))).toMatch(/500113/);
  });
});
