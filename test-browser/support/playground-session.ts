import { copyFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import {
  startPlayground,
  type PlaygroundOptions,
  type RunningPlayground,
} from '../../src/playground';

export const SCREENSHOT_DIR = path.join(__dirname, '..', '..', 'test-artifacts', 'screenshots');
/** The screenshots README shows: each run of the browser tests writes them again, so they show today's cards. */
export const DOCS_IMAGES_DIR = path.join(__dirname, '..', '..', 'docs', 'images');
export const README_IMAGES: ReadonlySet<string> = new Set([
  '02-check-card-demo',
  '04-consent-request',
  '05-consent-granted',
  '07-expiry-reminder',
  '08-help-buttons',
  '09-setup-step-1',
  '10-setup-finished',
]);

/** A playground with the bot behind it, and Chromium showing it. */
export interface PlaygroundSession {
  playground: RunningPlayground;
  page: Page;
  /** Opens a conversation from the left rail: "Personal Chat", "Group Chat" or a channel name. */
  open(conversation: string): Promise<void>;
  /** Types a message into the compose box and sends it. */
  send(text: string): Promise<void>;
  /** The last Adaptive Card in the conversation that contains `text`. */
  cardWith(text: string | RegExp, timeoutMs?: number): Promise<Locator>;
  /** The whole page, or only `of` (a card, top to bottom, however far the chat is scrolled). */
  screenshot(name: string, of?: Locator): Promise<string>;
  stop(): Promise<void>;
}

export async function startSession(options: PlaygroundOptions = {}): Promise<PlaygroundSession> {
  const playground = await startPlayground({
    botPort: 0,
    playgroundPort: await freePort(),
    ...options,
  });
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
    const page = await browser.newPage({ viewport: { width: 1400, height: 1300 } });
    await page.goto(playground.url, { waitUntil: 'networkidle' });
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    const opened = browser;
    return {
      playground,
      page,
      async open(conversation) {
        await page.getByText(conversation, { exact: true }).first().click();
        await page.locator('[data-lexical-editor="true"]').waitFor();
      },
      async send(text) {
        await page.locator('[data-lexical-editor="true"]').click();
        await page.keyboard.type(text);
        await page.keyboard.press('Enter');
      },
      async cardWith(text, timeoutMs = 20_000) {
        const card = page.locator('.ac-adaptiveCard').filter({ hasText: text }).last();
        await card.waitFor({ timeout: timeoutMs });
        return card;
      },
      async screenshot(name, of) {
        const file = path.join(SCREENSHOT_DIR, `${name}.png`);
        if (of) {
          // The chat pane scrolls inside the page: make the window tall enough for the whole card.
          const viewport = page.viewportSize() ?? { width: 1400, height: 1300 };
          const height = (await of.boundingBox())?.height ?? 0;
          await page.setViewportSize({
            ...viewport,
            height: Math.max(viewport.height, Math.ceil(height) + 400),
          });
          await of.scrollIntoViewIfNeeded();
          await of.screenshot({ path: file });
          await page.setViewportSize(viewport);
        } else await page.screenshot({ path: file, fullPage: true });
        if (README_IMAGES.has(name)) copyFileSync(file, path.join(DOCS_IMAGES_DIR, `${name}.png`));
        return file;
      },
      async stop() {
        await opened.close();
        await playground.stop();
      },
    };
  } catch (error) {
    await browser?.close();
    await playground.stop();
    throw error;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
