import { startSimulator, type RunningSimulator } from '../../src/simulator';
import { accessToken, graph, mailboxPath, valuesOf } from './sim-client';

let sim: RunningSimulator;

beforeAll(async () => {
  sim = await startSimulator({ scenario: 'healthy' });
});
afterAll(() => sim.close());

async function asPcemail(scenario: string) {
  sim.load(scenario);
  return accessToken(sim, 'pcemail');
}

describe('mailboxes, signed in as PCEmail', () => {
  test('when PCEmail reads an in-scope Inbox, then it gets the folder with its counts', async () => {
    const token = await asPcemail('healthy');
    const res = await graph(
      sim,
      mailboxPath(
        'support@contoso.example',
        '/mailFolders/inbox?$select=totalItemCount,unreadItemCount',
      ),
      token,
    );
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: expect.stringMatching(/^AAMk/) });
    expect(res.body.totalItemCount).toBeGreaterThanOrEqual(4);
    expect(res.body.unreadItemCount).toBeGreaterThanOrEqual(1);
    expect(res.body).not.toHaveProperty('childFolderCount');
    const full = await graph(sim, "/users/SUPPORT@contoso.example/mailFolders('Inbox')", token);
    expect(full.body).toMatchObject({
      displayName: 'Inbox',
      totalItemCount: res.body.totalItemCount,
    });
  });

  test('when the mailbox is outside the access policy scope group, then 403 ErrorAccessDenied [RAOP]', async () => {
    const token = await asPcemail('demo');
    const res = await graph(sim, mailboxPath('billing@contoso.example'), token);
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({
      code: 'ErrorAccessDenied',
      message:
        'Access to OData is disabled: [RAOP] : Blocked by tenant configured AppOnly AccessPolicy settings.',
    });
    const outOfScope = await graph(sim, mailboxPath(sim.scenario.outOfScopeMailbox ?? ''), token);
    expect(outOfScope.status).toBe(403);
  });

  test('when there is no access policy, then the out-of-scope mailbox is readable', async () => {
    const token = await asPcemail('unrestricted');
    const res = await graph(sim, mailboxPath('ceo@contoso.example'), token);
    expect(res.status).toBe(200);
  });

  test('when the token has no mail role, then 403 "Access is denied. Check credentials and try again."', async () => {
    const token = await asPcemail('consent-missing');
    const res = await graph(sim, mailboxPath('support@contoso.example'), token);
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({
      code: 'ErrorAccessDenied',
      message: 'Access is denied. Check credentials and try again.',
    });
  });

  test('when the user has no Exchange Online mailbox, then 404 MailboxNotEnabledForRESTAPI', async () => {
    const token = await asPcemail('mailbox-not-exchange');
    const res = await graph(sim, mailboxPath('billing@contoso.example'), token);
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({
      code: 'MailboxNotEnabledForRESTAPI',
      message: 'The mailbox is either inactive, soft-deleted, or is hosted on-premise.',
    });
  });

  test('when the user does not exist, then 404 ErrorInvalidUser naming the address', async () => {
    const token = await asPcemail('mailbox-invalid-user');
    const res = await graph(sim, mailboxPath('billing@contoso.example'), token);
    expect(res.status).toBe(404);
    expect(res.body.error).toMatchObject({
      code: 'ErrorInvalidUser',
      message: "The requested user 'billing@contoso.example' is invalid.",
    });
  });

  test("when an address holds ' and # and is percent-encoded, then the mailbox is found (with or without %40)", async () => {
    const token = await asPcemail('mailbox-apostrophe');
    const encoded = await graph(
      sim,
      '/users/o%27brien%23support%40contoso.example/mailFolders/inbox',
      token,
    );
    expect(encoded.status).toBe(200);
    const plainAt = await graph(
      sim,
      "/users/O'Brien%23Support@contoso.example/mailFolders/inbox",
      token,
    );
    expect(plainAt.status).toBe(200);
    // An unencoded # starts a URL fragment: the server sees /users/o'brien, a directory read PCEmail may not do.
    sim.clearRequests();
    const unencoded = await fetch(
      `${sim.url}/v1.0/users/o'brien#support@contoso.example/mailFolders/inbox`,
      {
        headers: { authorization: `Bearer ${token}` },
      },
    );
    expect(unencoded.status).toBe(403);
    expect(sim.requests().map((r) => r.path)).toEqual(["/v1.0/users/o'brien"]);
  });

  test('when listing unread messages oldest first with $count, $top and $select, then Exchange paging applies', async () => {
    const token = await asPcemail('mailbox-backlog');
    const path = mailboxPath(
      'support@contoso.example',
      '/mailFolders/inbox/messages?$filter=isRead%20eq%20false&$orderby=receivedDateTime%20asc&$top=2&$count=true&$select=subject,receivedDateTime,isRead',
    );
    const first = await graph(sim, path, token);
    expect(first.status).toBe(200);
    expect(first.body['@odata.count']).toBe(3);
    expect(first.body.value).toHaveLength(2);
    expect(Object.keys(first.body.value[0] as object).sort()).toEqual([
      '@odata.etag',
      'id',
      'isRead',
      'receivedDateTime',
      'subject',
    ]);
    const [a, b] = valuesOf<{ receivedDateTime: string }>(first);
    expect(Date.parse(a?.receivedDateTime ?? '')).toBeLessThan(
      Date.parse(b?.receivedDateTime ?? ''),
    );
    expect(Date.now() - Date.parse(a?.receivedDateTime ?? '')).toBeGreaterThan(24 * 3600_000);
    expect(first.body['@odata.nextLink']).toMatch(/%24skip=2$/);
    const second = await graph(sim, first.body['@odata.nextLink'] as string, token);
    expect(second.body.value).toHaveLength(1);
    expect(second.body.value[0].isRead).toBe(false);
    expect(second.body['@odata.nextLink']).toBeUndefined();
  });

  test('when messages are listed without $orderby, then newest come first', async () => {
    const token = await asPcemail('healthy');
    const res = await graph(
      sim,
      mailboxPath('sales@contoso.example', '/messages?$select=receivedDateTime'),
      token,
    );
    const times = valuesOf(res).map((m: { receivedDateTime: string }) =>
      Date.parse(m.receivedDateTime),
    );
    expect(times).toEqual([...times].sort((x: number, y: number) => y - x));
  });

  test('when the app-only token asks for /me, then 400', async () => {
    const token = await asPcemail('healthy');
    const res = await graph(sim, '/me/mailFolders/inbox', token);
    expect(res.status).toBe(400);
  });
});
