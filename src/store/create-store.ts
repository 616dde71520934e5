import { DefaultAzureCredential } from '@azure/identity';
import type { StateSettings } from '../config';
import { BlobStateStore } from './blob-store';
import { FileStateStore } from './file-store';
import type { StateStore } from './state-store';
import { ErrorCode, ProductError } from '../domain/product-error';

/**
 * The store `STATE_STORE` names: a folder for one process, Azure Blob Storage for several. In Azure
 * the account is reached by URL with the Web App's managed identity (role Storage Blob Data
 * Contributor, no account key); a connection string is for Azurite and local runs.
 * https://learn.microsoft.com/azure/storage/blobs/storage-quickstart-blobs-nodejs#authenticate-to-azure-and-authorize-access-to-blob-data
 */
export function createStateStore(settings: StateSettings): StateStore {
  if (settings.store === 'file') return new FileStateStore(settings.dir);
  if (settings.accountUrl) {
    return new BlobStateStore({
      accountUrl: settings.accountUrl,
      // AZURE_CLIENT_ID picks the user-assigned identity; on a workstation `az login` is used.
      credential: new DefaultAzureCredential(
        settings.managedIdentityClientId
          ? { managedIdentityClientId: settings.managedIdentityClientId }
          : {},
      ),
      container: settings.container,
    });
  }
  if (!settings.connectionString) {
    throw new ProductError({
      code: ErrorCode.StartupFailed,
      message:
        'STATE_STORE=blob needs AZURE_STORAGE_ACCOUNT_URL or AZURE_STORAGE_CONNECTION_STRING: set one, or set STATE_STORE=file.',
    });
  }
  return new BlobStateStore({
    connectionString: settings.connectionString,
    container: settings.container,
  });
}
