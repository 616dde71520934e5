export * from './audit-record';
export * from './consent-gap';
export * from './consent-links';
export * from './consent-permission';
export * from './consent-request';
export * from './grant-plan';
export * from './request-transitions';
export * from './consent-mode';
