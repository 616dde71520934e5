import { startSession, type PlaygroundSession } from './support/playground-session';

let session: PlaygroundSession | undefined;

afterEach(async () => {
  await session?.stop();
  session = undefined;
});

describe('help and setup in the Agents Playground, as a new admin meets them', () => {
  it('when the admin clicks the help card’s buttons, then "setup pcemail" starts the wizard and every step verifies through to the summary', async () => {
    session = await startSession({ scenario: 'healthy' });
    const { page } = session;
    await session.open('Personal Chat');
    await session.cardWith('Hi, I am PCEmail Ops');

    await session.send('help');
    const help = await session.cardWith('PCEmail Ops commands');
    await help.getByRole('button', { name: 'check pcemail permissions' }).waitFor();
    await session.screenshot('08-help-buttons', help);

    // The button sends the command as if typed (messageBack): nothing to type.
    await help.getByRole('button', { name: 'setup pcemail' }).click();
    const step1 = await session.cardWith(/step 1 of 5/);
    const tenantId = session.playground.simulator.scenario.tenantId;
    expect(await step1.innerText()).toContain(`Directory (tenant) ID: ${tenantId}`);
    expect(await step1.getByLabel('Directory (tenant) ID').count()).toBe(0);
    await step1.getByRole('button', { name: 'Verify this step' }).click();
    await session.cardWith(/Verification of step 1/);
    await session.screenshot('09-setup-step-1');

    for (const step of [1, 2, 3, 4, 5]) {
      const card = page
        .locator('.ac-adaptiveCard')
        .filter({ hasText: `step ${step} of 5` })
        .last();
      if (step > 1) {
        await card.getByRole('button', { name: 'Verify this step' }).click();
        await page
          .locator('.ac-adaptiveCard')
          .filter({ hasText: `Verification of step ${step}` })
          .last()
          .waitFor({ timeout: 20_000 });
      }
      const verified = page
        .locator('.ac-adaptiveCard')
        .filter({ hasText: `Verification of step ${step}` })
        .last();
      const text = await verified.innerText();
      expect(text).not.toMatch(/\b(FAIL|WARN)\b/);
      expect(text).not.toMatch(/earlier step|PCEMAIL_APP_ID/);
      await verified.getByRole('button', { name: step === 5 ? 'Next: summary' : 'Next' }).click();
      if (step < 5)
        await page
          .locator('.ac-adaptiveCard')
          .filter({ hasText: `step ${step + 1} of 5` })
          .last()
          .waitFor({ timeout: 20_000 });
    }
    // The healthy tenant: the summary's full check passes everywhere.
    const summary = await session.cardWith(
      /PCEmail setup finished|Set up PCEmail: summary/,
      30_000,
    );
    await summary.getByRole('button', { name: 'Run the full check again' }).waitFor();
    const text = await summary.innerText();
    expect(text).toContain(tenantId);
    expect(text).not.toMatch(/\b(FAIL|WARN)\b/);
    await session.screenshot('10-setup-finished', summary);
  });
});
