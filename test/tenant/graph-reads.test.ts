import {
  applicationsRead,
  encodePathSegment,
  inboxRead,
  odataString,
  permissionGrantsRead,
} from '../../src/tenant/graph-reads';

describe('graph reads', () => {
  it("when a mailbox holds # and ', then the path segment is fully percent-encoded", () => {
    expect(encodePathSegment("o'brien#support@contoso.com")).toBe(
      'o%27brien%23support%40contoso.com',
    );
    expect(inboxRead('m0', "o'brien#support@contoso.com").url).toBe(
      '/users/o%27brien%23support%40contoso.com/mailFolders/inbox?$select=id,totalItemCount,unreadItemCount',
    );
  });

  it('when a mailbox tries to climb the path, then it stays one segment', () => {
    expect(inboxRead('m0', '../../applications').url).toBe(
      '/users/..%2F..%2Fapplications/mailFolders/inbox?$select=id,totalItemCount,unreadItemCount',
    );
  });

  it('when the app name holds a quote, then the OData literal doubles it and cannot be closed early', () => {
    expect(odataString("PCEmail' or 1 eq 1 or displayName eq '")).toBe(
      "'PCEmail'' or 1 eq 1 or displayName eq '''",
    );
    const read = applicationsRead('apps', { name: "O'Neil Mail" });
    const filter = new URLSearchParams(read.url.split('?')[1]).get('$filter');
    expect(filter).toBe("displayName eq 'O''Neil Mail'");
    expect(read.collection).toBe(true);
  });

  it('when grants are read, then they are filtered by the client service principal', () => {
    const read = permissionGrantsRead('grants', 'a1b2c3d4-0000-4000-8000-000000000001');
    expect(new URLSearchParams(read.url.split('?')[1]).get('$filter')).toBe(
      "clientId eq 'a1b2c3d4-0000-4000-8000-000000000001'",
    );
  });
});
