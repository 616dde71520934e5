import type { TenantState } from '../tenant-state';

/** What the product is configured with for this tenant (the values productEnv() hands out). */
export interface ProductSettings {
  inspectorClientId: string;
  inspectorSecret: string;
  /** PCEMAIL_CLIENT_SECRET; undefined = the product has no secret configured. */
  pcemailSecret?: string;
  mailboxes: string[];
  outOfScopeMailbox?: string;
  /** Set PCEMAIL_APP_ID to this; undefined = the product finds the app by name. */
  pcemailAppId?: string;
  /** RESTRICTION_MODEL; undefined = the product's default (auto). */
  restrictionModel?: 'auto' | 'access-policy' | 'rbac';
}

/** A fresh simulated tenant plus how the product is pointed at it. */
export interface Scenario {
  name: string;
  description: string;
  intent: Record<string, 'warn' | 'fail'>;
  state: TenantState;
  product: ProductSettings;
  /** Page size this scenario asks for (e.g. tiny, so that everything pages). */
  pageSize?: number;
}

export interface ScenarioDefinition {
  name: string;
  description: string;
  intent?: Record<string, 'warn' | 'fail'>;
  pageSize?: number;
  /** Changes to the healthy tenant that make this scenario; dates are relative to `now`. */
  apply?: (tenant: ScenarioDraft) => void;
}

/** The healthy tenant under construction, with handles on the objects scenarios change. */
export interface ScenarioDraft {
  now: Date;
  state: TenantState;
  product: ProductSettings;
}
