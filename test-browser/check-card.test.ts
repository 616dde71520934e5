import { startSession, type PlaygroundSession } from './support/playground-session';

let session: PlaygroundSession | undefined;

afterEach(async () => {
  await session?.stop();
  session = undefined;
});

describe('the check card in the Agents Playground', () => {
  it('when an admin types "check pcemail permissions" in the personal chat, then the card shows the simulated tenant and "Run again" refreshes it', async () => {
    session = await startSession({ scenario: 'demo' });
    await session.open('Personal Chat');
    await session.cardWith('Hi, I am PCEmail Ops');
    await session.screenshot('01-welcome');

    await session.send('check pcemail permissions');
    const card = await session.cardWith('PCEmail permissions check');
    expect(
      await card
        .getByText(/Simulated tenant/)
        .first()
        .isVisible(),
    ).toBe(true);
    const text = await card.innerText();
    // What needs the admin comes first: the summary, failures, then warnings; passed checks wait.
    expect(text).toMatch(
      /\d+ passed[\s\S]*FAIL[\s\S]*consent\.mail-send[\s\S]*WARN[\s\S]*secret\.expiry/,
    );
    expect(text).not.toMatch(/\bPASS\b/);
    const show = card.getByRole('button', { name: /^Show the \d+ passed checks$/ });
    expect(await show.isVisible()).toBe(true);
    await session.screenshot('02-check-card-demo', card);

    await show.click();
    await card.getByText('PASS', { exact: true }).first().waitFor();
    expect(await card.innerText()).toMatch(/PASS[\s\S]*app\.registered/);
    await card.getByRole('button', { name: /^Hide the \d+ passed checks$/ }).click();
    await card.getByText('PASS', { exact: true }).first().waitFor({ state: 'hidden' });

    // Fix the tenant behind the bot's back, then "Run again": the same card refreshes in place.
    session.playground.simulator.load('healthy');
    const cardsBefore = await session.page.locator('.ac-adaptiveCard').count();
    // The playground's confirmation is a passing toast: watch for it from before the click.
    const confirmed = session.page
      .getByText('Your response was sent to the app')
      .first()
      .waitFor({ timeout: 20_000 })
      .then(
        () => true,
        () => false,
      );
    await card.getByRole('button', { name: 'Run again' }).click();
    await session.page
      .locator('.ac-adaptiveCard')
      .filter({ hasText: 'PCEmail permissions check' })
      .last()
      .filter({ hasNotText: /\bFAIL\b/ })
      .waitFor({ timeout: 20_000 });
    expect(await session.page.locator('.ac-adaptiveCard').count()).toBe(cardsBefore);
    expect(await confirmed).toBe(true);
    await session.screenshot('03-check-card-run-again');
  });
});
