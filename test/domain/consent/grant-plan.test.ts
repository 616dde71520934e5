import {
  decodePermissions,
  encodePermissions,
  newConsentRequest,
  planGrant,
  samePermissionSet,
  type ConsentGap,
  type ConsentPermission,
} from '../../../src/domain/consent';

const target = {
  appId: 'APP-1',
  appName: 'PCEmail',
  servicePrincipalId: 'sp',
  graphServicePrincipalId: 'graph',
};
const USER_READ = { name: 'User.Read', type: 'Scope', id: 's1' } as const;
const MAIL_SEND = { name: 'Mail.Send', type: 'Role', id: 'r2' } as const;
const MAIL_RW = { name: 'Mail.ReadWrite', type: 'Role', id: 'r1' } as const;

function requestFor(permissions: ConsentPermission[], appId = 'app-1') {
  return newConsentRequest({
    id: 'r',
    tenantId: 't',
    appId,
    appName: 'PCEmail',
    permissions,
    reason: '',
    requestedBy: { name: 'Ada' },
    now: new Date(0),
    ttlDays: 7,
    approverUserIds: [],
  });
}

describe('planGrant', () => {
  it('when the tenant still misses some of the request, then exactly those are planned, the rest reported as already granted', () => {
    const gap: ConsentGap = {
      ok: true,
      target,
      missing: [USER_READ, MAIL_SEND],
      notRequested: [],
      organizationGrant: { id: 'g', scope: 'openid' },
    };
    const planned = planGrant(
      requestFor([
        { name: 'Mail.ReadWrite', type: 'Role' },
        { name: 'Mail.Send', type: 'Role' },
      ]),
      gap,
    );
    expect(planned).toEqual({
      ok: true,
      plan: {
        target,
        appRoles: [MAIL_SEND],
        scopes: [],
        organizationGrant: { id: 'g', scope: 'openid' },
        alreadyGranted: [{ name: 'Mail.ReadWrite', type: 'Role' }],
        noLongerRequested: [],
      },
    });
  });

  it('when the request is for another app than the tenant’s PCEmail, then nothing is planned and the request is closed', () => {
    const gap: ConsentGap = { ok: true, target, missing: [MAIL_RW], notRequested: [] };
    const planned = planGrant(
      requestFor([{ name: 'Mail.ReadWrite', type: 'Role' }], 'someone-else'),
      gap,
    );
    expect(planned).toMatchObject({
      ok: false,
      final: true,
      reason: expect.stringMatching(/nothing was granted/),
    });
  });

  it('when the tenant cannot be judged, then nothing is planned and a retry may work', () => {
    expect(planGrant(requestFor([]), { ok: false, reason: 'Graph was unavailable' })).toEqual({
      ok: false,
      final: false,
      reason: 'Graph was unavailable',
    });
  });

  it('when the app stopped requesting a permission, then it is not granted', () => {
    const gap: ConsentGap = {
      ok: true,
      target,
      missing: [],
      notRequested: [{ name: 'Mail.Send', type: 'Role' }],
    };
    const planned = planGrant(requestFor([{ name: 'Mail.Send', type: 'Role' }]), gap);
    expect(planned.ok && planned.plan).toMatchObject({
      appRoles: [],
      noLongerRequested: [{ name: 'Mail.Send', type: 'Role' }],
    });
  });
});

describe('permissions on a card', () => {
  it('when encoded and decoded, then the same set comes back in catalogue order', () => {
    const encoded = encodePermissions([
      { name: 'Mail.Send', type: 'Role' },
      { name: 'User.Read', type: 'Scope' },
    ]);
    expect(encoded).toBe('Scope:User.Read,Role:Mail.Send');
    expect(
      samePermissionSet(decodePermissions(encoded)!, [
        { name: 'User.Read', type: 'Scope' },
        { name: 'Mail.Send', type: 'Role' },
      ]),
    ).toBe(true);
  });

  it.each([[undefined], [42], ['Role:Mail.Read'], ['Scope:Mail.Send'], ['Role:Mail.Send,']])(
    'when the card holds %j, then it is not read as a permission list',
    (raw) => {
      expect(decodePermissions(raw)).toBeUndefined();
    },
  );
});

describe('planGrant under RBAC for Applications', () => {
  it('when a stored request asks for Mail roles that the gap withholds, then they are not planned and are reported as withheld', () => {
    const request = {
      appId: 'app-1',
      permissions: [
        { name: 'User.Read', type: 'Scope' },
        { name: 'Mail.ReadWrite', type: 'Role' },
      ],
    } as unknown as Parameters<typeof planGrant>[0];
    const result = planGrant(request, {
      ok: true,
      target: {
        appId: 'app-1',
        appName: 'PCEmail',
        servicePrincipalId: 'sp',
        graphServicePrincipalId: 'graph',
      },
      missing: [{ name: 'User.Read', type: 'Scope', id: 's1' }],
      notRequested: [],
      withheld: [
        { name: 'Mail.ReadWrite', type: 'Role' },
        { name: 'Mail.Send', type: 'Role' },
      ],
    });
    if (!result.ok) throw new Error(result.reason);
    expect(result.plan.appRoles).toEqual([]);
    expect(result.plan.scopes.map((p) => p.name)).toEqual(['User.Read']);
    expect(result.plan.withheld).toEqual([{ name: 'Mail.ReadWrite', type: 'Role' }]);
    expect(result.plan.alreadyGranted).toEqual([]);
  });
});
