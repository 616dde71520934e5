import { startSession, type PlaygroundSession } from './support/playground-session';

const JOBS_KEY = 'browser-test-jobs-key-0123456789';
let session: PlaygroundSession | undefined;

afterEach(async () => {
  await session?.stop();
  session = undefined;
});

describe('channel notifications in the Agents Playground', () => {
  it('when an approver says "notify here" in the General channel, then a triggered secret-expiry job posts the reminder card there', async () => {
    // demo: the PCEmail secret expires in 12 days, past the 14-day threshold.
    session = await startSession({
      scenario: 'demo',
      env: {
        JOBS_KEY,
        SECRET_EXPIRY_SCHEDULE: 'off',
        INGESTION_SCHEDULE: 'off',
        INGESTION_DIGEST_SCHEDULE: 'off',
      },
    });
    const { page } = session;
    await page.getByText('General', { exact: true }).first().click();
    await session.cardWith('Hi, I am PCEmail Ops');

    // The playground forwards channel posts only when they @mention the bot.
    const newPost = page.locator('[data-lexical-editor="true"]').first();
    await newPost.click();
    await page.keyboard.type('@');
    await page.getByRole('menuitem', { name: /PCEmail Ops/ }).click();
    await page.keyboard.type(' notify here');
    await page.getByRole('button', { name: 'Post' }).click();
    const subscribed = await session.cardWith(/Notifications will be posted here/);
    expect(await subscribed.innerText()).toMatch(/secret-expiry reminders/);
    await session.screenshot('06-notify-here');

    const response = await fetch(`${session.playground.bot.url}/api/jobs/secret-expiry`, {
      method: 'POST',
      headers: { authorization: `Bearer ${JOBS_KEY}` },
    });
    expect(response.status).toBe(200);
    const reminder = await session.cardWith(/client secret expires in 12 days/);
    const text = await reminder.innerText();
    expect(text).toMatch(/Simulated tenant/);
    expect(text).toMatch(/Snooze 7 days/);
    expect(text).not.toMatch(/T8R[A-Za-z0-9~._-]{10,}/);
    await session.screenshot('07-expiry-reminder');

    // Triggered again: the same threshold is not posted twice.
    const before = await page
      .locator('.ac-adaptiveCard')
      .filter({ hasText: /expires in 12 days/ })
      .count();
    await fetch(`${session.playground.bot.url}/api/jobs/secret-expiry`, {
      method: 'POST',
      headers: { authorization: `Bearer ${JOBS_KEY}` },
    });
    await page.waitForTimeout(1500);
    expect(
      await page
        .locator('.ac-adaptiveCard')
        .filter({ hasText: /expires in 12 days/ })
        .count(),
    ).toBe(before);
  });
});
