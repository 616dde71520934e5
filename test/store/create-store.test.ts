import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BlobStateStore } from '../../src/store/blob-store';
import { createStateStore } from '../../src/store/create-store';
import { FileStateStore } from '../../src/store/file-store';

const CONNECTION_STRING =
  'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=' +
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;' +
  'BlobEndpoint=http://127.0.0.1:1/devstoreaccount1;';

describe('createStateStore', () => {
  test('when STATE_STORE is file, then a file store in STATE_DIR answers', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'pcemail-create-store-'));
    try {
      const store = createStateStore({ store: 'file', dir, container: 'pcemail-ops' });

      expect(store).toBeInstanceOf(FileStateStore);
      await store.put('a', 1);
      await expect(new FileStateStore(dir).get('a')).resolves.toMatchObject({ value: 1 });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('when STATE_STORE is blob, then a blob store is made without touching the network', () => {
    const store = createStateStore({
      store: 'blob',
      dir: '.data',
      connectionString: CONNECTION_STRING,
      container: 'pcemail-ops',
    });

    expect(store).toBeInstanceOf(BlobStateStore);
  });

  test('when blob settings are unusable, then the error says what to set', () => {
    expect(() =>
      createStateStore({ store: 'blob', dir: '.data', container: 'pcemail-ops' }),
    ).toThrow(/AZURE_STORAGE_CONNECTION_STRING/);
    expect(() =>
      createStateStore({
        store: 'blob',
        dir: '.data',
        connectionString: CONNECTION_STRING,
        container: 'Bad_Name',
      }),
    ).toThrow(/STATE_CONTAINER "Bad_Name"/);
  });
});
