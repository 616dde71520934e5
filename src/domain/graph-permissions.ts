/** Microsoft Graph's appId, the same in every tenant. */
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';

/** The permissions PCEmail needs, with their type (Scope = delegated, Role = application). */
export const REQUIRED_PERMISSIONS = [
  { name: 'User.Read', type: 'Scope', wellKnownId: 'e1fe6dd8-ba31-4d61-89e7-88639da4683d' },
  { name: 'Mail.ReadWrite', type: 'Role', wellKnownId: 'e2a3a72e-5f79-4c64-b1b1-878b674786c9' },
  { name: 'Mail.Send', type: 'Role', wellKnownId: 'b633e1c5-b582-4048-a93e-9f11b44c7e96' },
] as const;

export type RequiredPermission = (typeof REQUIRED_PERMISSIONS)[number];
