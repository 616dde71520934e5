export * from './state-store';
export { createStateStore } from './create-store';
export { FileStateStore, type FileStateStoreOptions } from './file-store';
export { BlobStateStore, type BlobStateStoreOptions } from './blob-store';
