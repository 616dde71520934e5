export * from './check-result';
export * from './graph-permissions';
export * from './outcome';
export * from './product-error';
export * from './tenant-snapshot';
export { diagnose } from './diagnose';
export {
  explainAadsts,
  explainErrorText,
  explainGraphError,
  mentionsAccessPolicy,
  MAX_EXPLAINED_TEXT,
  type Explanation,
} from './error-knowledge';
export { describeGuidProblem, isGuid } from './guid';
export {
  buildPermissionCatalog,
  describePermission,
  type PermissionCatalog,
} from './permission-catalog';
export {
  SIGN_IN_ONLY_SCOPES,
  WELL_KNOWN_GRAPH_PERMISSIONS,
  type KnownPermission,
  type PermissionType,
} from './well-known-graph-permissions';
export {
  RESTRICTION_SETTINGS,
  restrictionModelOf,
  type RestrictionModel,
  type RestrictionSetting,
} from './restriction-model';
export {
  INSPECTOR_PERMISSIONS,
  INSPECTOR_PERMISSIONS_TEXT,
  type InspectorPermission,
} from './inspector-permissions';
export { isServiceUrlAllowed, LOOPBACK_SERVICE_URLS, TEAMS_SERVICE_URLS } from './service-url';
export { forMatching, MAX_MATCHED_TEXT, textBefore, withoutTrailingDots } from './bounded-text';
