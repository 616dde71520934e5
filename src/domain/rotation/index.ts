export * from './last-used';
export * from './rotation-record';
