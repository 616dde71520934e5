import { startSession, type PlaygroundSession } from './support/playground-session';

let session: PlaygroundSession | undefined;

afterEach(async () => {
  await session?.stop();
  session = undefined;
});

describe('consent approval in the Agents Playground', () => {
  it('when consent is missing, then a request is made from the check card, approved from its card, and the card shows the grant', async () => {
    // grant-ready: nothing consented, and the bot may grant (AppRoleAssignment / DelegatedPermissionGrant).
    session = await startSession({ scenario: 'grant-ready', env: { CONSENT_MODE: 'grant' } });
    await session.open('Personal Chat');
    await session.cardWith('Hi, I am PCEmail Ops');

    await session.send('check pcemail permissions');
    const check = await session.cardWith('PCEmail permissions check');
    expect(await check.innerText()).toMatch(/FAIL[\s\S]*consent\.mail-readwrite/);
    await check.getByRole('button', { name: 'Request admin consent' }).click();

    const request = await session.cardWith('Waiting for an approver');
    expect(await request.innerText()).toMatch(/Mail\.ReadWrite/);
    expect(await request.innerText()).toMatch(
      /Privileged Role Administrator or Global Administrator/,
    );
    await session.screenshot('04-consent-request');

    await request.getByRole('button', { name: 'Approve' }).first().click();
    const granted = await session.cardWith(/Granted by/);
    expect(await granted.innerText()).toMatch(/Granted by Alex Wilber/);
    await session.screenshot('05-consent-granted');

    // What the tenant holds now: the bot granted exactly the missing permissions.
    const state = (await (
      await fetch(`${session.playground.simulator.url}/_sim/state`)
    ).json()) as {
      appRoleAssignments: { appRoleId: string; principalDisplayName: string }[];
      oauth2PermissionGrants: { consentType: string; scope: string }[];
    };
    const pcemailRoles = state.appRoleAssignments
      .filter((a) => a.principalDisplayName === 'PCEmail')
      .map((a) => a.appRoleId)
      .sort();
    expect(pcemailRoles).toEqual(
      ['b633e1c5-b582-4048-a93e-9f11b44c7e96', 'e2a3a72e-5f79-4c64-b1b1-878b674786c9'].sort(),
    );
    expect(
      state.oauth2PermissionGrants.some(
        (g) => g.consentType === 'AllPrincipals' && /User\.Read/.test(g.scope),
      ),
    ).toBe(true);

    await session.send('check pcemail permissions');
    const recheck = session.page
      .locator('.ac-adaptiveCard')
      .filter({ hasText: 'PCEmail permissions check' })
      .last();
    await recheck.filter({ hasNotText: /\bFAIL\b/ }).waitFor({ timeout: 20_000 });
  });
});
