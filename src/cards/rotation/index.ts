export * from './credential-usage';
export * from './rotation-card';
export * from './rotation-verbs';
export * from './secret-dialog-card';
