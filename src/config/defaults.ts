/** The Agents Playground's built-in tenant id (not a GUID), accepted only in simulated mode. */
export const PLAYGROUND_TENANT_ID = '00000000-0000-0000-0000-0000000000001';

/**
 * The Agents Playground's signed-in user: its built-in id (not a GUID) and the GUID our shipped
 * playground context file gives it. In simulated mode with APPROVERS unset they are the approvers,
 * so the demo works; live mode never has a default approver.
 */
export const PLAYGROUND_USER_AAD_IDS = [
  '00000000-0000-0000-0000-0000000000020',
  '6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f',
] as const;

/** Microsoft's public-cloud Bot Framework endpoints (botframework-connector AuthenticationConstants). */
export const BOT_FRAMEWORK_DEFAULTS = {
  openIdMetadataUrl: 'https://login.botframework.com/v1/.well-known/openidconfiguration',
  tokenIssuer: 'https://api.botframework.com',
  emulatorOpenIdMetadataUrl:
    'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
} as const;
