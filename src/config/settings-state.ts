import {
  isAllowedEndpoint,
  oneOf,
  optionalGuid,
  optionalText,
  printable,
  text,
  type Parser,
} from './parsers';
import { group } from './setting';

/** The account's blob endpoint; kept as given (the rules compare it with the connection string). */
const accountUrl: Parser<string | undefined> = (raw, { name, problems }) => {
  if (raw !== undefined && !isAllowedEndpoint(raw)) {
    problems.push(
      `${name} is "${printable(raw)}": use the account's https:// blob endpoint, e.g. https://<account>.blob.core.windows.net.`,
    );
  }
  return raw;
};

export const STATE_SETTINGS = group('State', {
  STATE_STORE: {
    doc: '`file` (one instance) or `blob` (Azure Blob Storage, shared by several instances)',
    defaultText: '`file`',
    parse: oneOf('file', ['file', 'blob'] as const, 'file or blob'),
  },
  STATE_DIR: {
    doc: 'folder of the file store',
    defaultText: '`.data`',
    parse: text('.data'),
  },
  AZURE_STORAGE_ACCOUNT_URL: {
    doc: "Azure Blob state through the managed identity (`DefaultAzureCredential`, no key): the account's blob endpoint",
    defaultText: 'unset',
    parse: accountUrl,
  },
  AZURE_CLIENT_ID: {
    doc: 'client id of the user-assigned managed identity that reaches the storage account (and Key Vault)',
    defaultText: 'the system-assigned identity',
    parse: optionalGuid('the client id of the user-assigned managed identity'),
  },
  AZURE_STORAGE_CONNECTION_STRING: {
    doc: 'Azure Blob state by connection string (Azurite, local runs) instead of the account URL',
    defaultText: 'unset',
    secret: true,
    parse: optionalText,
  },
  STATE_CONTAINER: {
    doc: 'blob container of the state',
    defaultText: '`pcemail-ops`',
    parse: text('pcemail-ops'),
  },
});
