import type { StateSettings } from '../config';
import { BlobStateStore } from './blob-store';
import { FileStateStore } from './file-store';
import type { StateStore } from './state-store';

/** The store `STATE_STORE` names: a folder for one process, Azure Blob Storage for several. */
export function createStateStore(settings: StateSettings): StateStore {
  if (settings.store === 'file') return new FileStateStore(settings.dir);
  if (!settings.connectionString) {
    throw new Error(
      'STATE_STORE=blob needs AZURE_STORAGE_CONNECTION_STRING: set it, or set STATE_STORE=file.',
    );
  }
  return new BlobStateStore({
    connectionString: settings.connectionString,
    container: settings.container,
  });
}
