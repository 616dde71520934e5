/**
 * How an approval becomes consent: `delegated` grants through Graph with the approver's own
 * rights (Teams single sign-on, on-behalf-of); `grant` with the bot's application permissions;
 * `link` hands the approver the admin consent page.
 */
export type ConsentMode = 'delegated' | 'grant' | 'link';
