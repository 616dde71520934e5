import { explainErrorText, type Explanation } from '../../../src/domain';

/*
 * Error texts as admins meet them: whole token responses, Graph error bodies with their headers,
 * PowerShell and SDK output. Each must be explained by its code with a cause, a fix and a
 * Microsoft Learn link; ids and times are realistic but made up.
 */
const TEXTS: Record<string, { text: string; code: string; title: RegExp; fix: RegExp }> = {
  'AADSTS7000215 (secret ID pasted)': {
    text: `{"error":"invalid_client","error_description":"AADSTS7000215: Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '3f4e2d1c-0b9a-4876-a5b4-c3d2e1f0a9b8'. Trace ID: 0b7f3c2a-1d4e-4f5a-9b6c-7d8e9f0a1b2c Correlation ID: 4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e7f Timestamp: 2025-06-01 12:00:00Z","error_codes":[7000215],"timestamp":"2025-06-01 12:00:00Z","trace_id":"0b7f3c2a-1d4e-4f5a-9b6c-7d8e9f0a1b2c","correlation_id":"4c5d6e7f-8a9b-4c0d-9e1f-2a3b4c5d6e7f","error_uri":"https://login.microsoftonline.com/error?code=7000215"}`,
    code: 'AADSTS7000215',
    title: /Invalid client secret/,
    fix: /New client secret/,
  },
  'AADSTS7000222 (secret expired)': {
    text: `MsalServiceException: AADSTS7000222: The provided client secret keys for app '3f4e2d1c-0b9a-4876-a5b4-c3d2e1f0a9b8' are expired. Visit the Azure portal to create new keys for your app: https://aka.ms/NewClientSecret, or consider using certificate credentials for added security: https://aka.ms/certCreds. Trace ID: 5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b Correlation ID: 6f7a8b9c-0d1e-4f2a-9b3c-4d5e6f7a8b9c Timestamp: 2025-06-01 12:00:00Z`,
    code: 'AADSTS7000222',
    title: /expired/,
    fix: /delete the expired secret/,
  },
  'AADSTS700016 (wrong app or tenant)': {
    text: `AADSTS700016: Application with identifier '3f4e2d1c-0b9a-4876-a5b4-c3d2e1f0a9b8' was not found in the directory 'Contoso'. This can happen if the application has not been installed by the administrator of the tenant or consented to by any user in the tenant. You may have sent your authentication request to the wrong tenant. Trace ID: 1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d Correlation ID: 2b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e Timestamp: 2025-06-01 12:00:00Z`,
    code: 'AADSTS700016',
    title: /Application not found/,
    fix: /Application \(client\) ID/,
  },
  'AADSTS90002 (tenant not found)': {
    text: `AADSTS90002: Tenant '72f988bf-86f1-41af-91ab-2d7cd011db48' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud. Check with your subscription administrator, this may happen if there are no active subscriptions for the tenant. Trace ID: 3c4d5e6f-7a8b-4c9d-8e0f-1a2b3c4d5e6f Correlation ID: 4d5e6f7a-8b9c-4d0e-9f1a-2b3c4d5e6f7a Timestamp: 2025-06-01 12:00:00Z`,
    code: 'AADSTS90002',
    title: /Tenant not found/,
    fix: /Tenant ID/,
  },
  'AADSTS7000229 (no service principal)': {
    text: `{"error":"invalid_client","error_description":"AADSTS7000229: The client application 3f4e2d1c-0b9a-4876-a5b4-c3d2e1f0a9b8 is missing service principal in the tenant 72f988bf-86f1-41af-91ab-2d7cd011db47. See instructions here: https://go.microsoft.com/fwlink/?linkid=2225119 Trace ID: 0000aaaa-11bb-4ccc-8d22-eeeeee333333 Correlation ID: aaaa0000-bb11-4222-83cc-444444dddddd Timestamp: 2025-09-18 01:17:37Z","error_codes":[7000229],"timestamp":"2025-09-18 01:17:37Z","error_uri":"https://login.microsoftonline.com/error?code=7000229"}`,
    code: 'AADSTS7000229',
    title: /no enterprise application/,
    fix: /New-MgServicePrincipal/,
  },
  'ErrorAccessDenied with the access policy (RAOP)': {
    text: `GET https://graph.microsoft.com/v1.0/users/billing@contoso.com/mailFolders/inbox
HTTP/1.1 403 Forbidden
request-id: 9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a

{"error":{"code":"ErrorAccessDenied","message":"Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.","innerError":{"date":"2025-06-01T12:00:00","request-id":"9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a","client-request-id":"9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a"}}}`,
    code: 'ErrorAccessDenied',
    title: /application access policy/,
    fix: /Add-DistributionGroupMember[\s\S]*Test-ApplicationAccessPolicy/,
  },
  'ErrorAccessDenied without the access policy': {
    text: `Microsoft.Graph.Models.ODataErrors.ODataError: Access is denied. Check credentials and try again.
Status: 403 (Forbidden)
ErrorCode: ErrorAccessDenied
Date: 2025-06-01T12:00:00
Headers: request-id: 0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d`,
    code: 'ErrorAccessDenied',
    title: /Access to the mailbox is denied/,
    fix: /Mail\.ReadWrite and Mail\.Send[\s\S]*Grant admin consent/,
  },
  MailboxNotEnabledForRESTAPI: {
    text: `{"error":{"code":"MailboxNotEnabledForRESTAPI","message":"The mailbox is either inactive, soft-deleted, or is hosted on-premise.","innerError":{"date":"2025-06-01T12:00:00","request-id":"1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e","client-request-id":"1b2c3d4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e"}}}`,
    code: 'MailboxNotEnabledForRESTAPI',
    title: /Not an Exchange Online mailbox/,
    fix: /license/,
  },
  ErrorInvalidUser: {
    text: `{"error":{"code":"ErrorInvalidUser","message":"The requested user 'sales@contoso.com' is invalid.","innerError":{"date":"2025-06-01T12:00:00","request-id":"2c3d4e5f-6a7b-4c8d-9e0f-1a2b3c4d5e6f"}}}`,
    code: 'ErrorInvalidUser',
    title: /No such user/,
    fix: /primary SMTP address/,
  },
  ErrorSendAsDenied: {
    text: `POST https://graph.microsoft.com/v1.0/users/support@contoso.com/sendMail 403
{"error":{"code":"ErrorSendAsDenied","message":"The user account which was used to submit this request does not have the right to send mail on behalf of the specified sending account., Cannot submit message.","innerError":{"date":"2025-06-01T12:00:00","request-id":"3d4e5f6a-7b8c-4d9e-8f0a-1b2c3d4e5f6a"}}}`,
    code: 'ErrorSendAsDenied',
    title: /send as/,
    fix: /Add-RecipientPermission/,
  },
  ApplicationThrottled: {
    text: `HTTP/1.1 429 Too Many Requests
Retry-After: 12

{"error":{"code":"ApplicationThrottled","message":"Application is over its MailboxConcurrency limit.","innerError":{"date":"2025-06-01T12:00:00","request-id":"4e5f6a7b-8c9d-4e0f-9a1b-2c3d4e5f6a7b"}}}`,
    code: 'ApplicationThrottled',
    title: /throttled/,
    fix: /Retry-After/,
  },
  TooManyRequests: {
    text: `{"error":{"code":"TooManyRequests","message":"Too many requests","innerError":{"date":"2025-06-01T12:00:00","request-id":"5f6a7b8c-9d0e-4f1a-8b2c-3d4e5f6a7b8c"}}}`,
    code: 'TooManyRequests',
    title: /Too many requests/,
    fix: /Retry-After/,
  },
  InvalidAuthenticationToken: {
    text: `{"error":{"code":"InvalidAuthenticationToken","message":"Access token validation failure. Invalid audience.","innerError":{"date":"2025-06-01T12:00:00","request-id":"6a7b8c9d-0e1f-4a2b-9c3d-4e5f6a7b8c9d"}}}`,
    code: 'InvalidAuthenticationToken',
    title: /not accepted/,
    fix: /\.default/,
  },
};

describe('explaining pasted error texts', () => {
  it.each(Object.entries(TEXTS))(
    'when %s is pasted in full, then it is explained with cause, fix and a Learn link',
    (_name, sample) => {
      const found = explainErrorText(sample.text);
      const explanation = found.find((e) => e.code === sample.code);
      expect(explanation).toBeDefined();
      const e = explanation as Explanation;
      expect(e.known).toBe(true);
      expect(e.title).toMatch(sample.title);
      expect(e.cause.length).toBeGreaterThan(20);
      expect(e.fix).toMatch(sample.fix);
      expect(e.learnMoreUrl).toMatch(/^https:\/\/learn\.microsoft\.com\//);
      // Well-formed GUIDs in the text (trace ids, app ids) are not reported as problems.
      expect(found.filter((x) => x.kind === 'guid' && !x.known)).toEqual([]);
    },
  );

  it('when the vendor page’s App ID (one character short) is pasted, then it is called malformed and says where', () => {
    const text =
      'Application ID: 3f4e2d1c-0b9a-4876-a5b4-c3d2e1f0a9b  Directory ID: 72f988bf-86f1-41af-91ab-2d7cd011db47';
    const [only, ...rest] = explainErrorText(text);
    expect(rest).toEqual([]);
    expect(only).toMatchObject({ kind: 'guid', code: '3f4e2d1c-0b9a-4876-a5b4-c3d2e1f0a9b' });
    expect(only?.cause).toContain('has 35 characters, a GUID has 36');
    expect(only?.fix).toMatch(/Copy the ID again/);
  });

  it('when an unknown AADSTS code and an unknown Graph error body appear, then each is honestly "not known" with generic steps', () => {
    const found = explainErrorText(
      'AADSTS5000611: Symmetric key not found. Then {"error":{"code":"ErrorQuotaExceeded","message":"The mailbox is full."}}',
    );
    expect(found.map((e) => [e.code, e.known])).toEqual([
      ['AADSTS5000611', false],
      ['ErrorQuotaExceeded', false],
    ]);
    expect(found[0]?.title).toMatch(/not a code PCEmail Ops knows/);
    expect(found[0]?.fix).toMatch(/Sign-in logs/);
    expect(found[1]?.title).toMatch(/not a Graph error PCEmail Ops knows/);
    expect(found[1]?.fix).toMatch(/request-id/);
    expect(found[1]?.learnMoreUrl).toBe('https://learn.microsoft.com/graph/errors');
  });

  it('when several errors are pasted together, then each is explained once, in order', () => {
    const text = `${TEXTS['AADSTS7000215 (secret ID pasted)']!.text}\n${TEXTS.ErrorSendAsDenied!.text}\n${TEXTS.ErrorSendAsDenied!.text}`;
    expect(explainErrorText(text).map((e) => e.code)).toEqual([
      'AADSTS7000215',
      'ErrorSendAsDenied',
    ]);
  });
});
