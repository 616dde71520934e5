import { startAzurite } from './azurite';
import { mkdtemp } from 'node:fs/promises';
test('t', async () => {
  let t = Date.now();
  const az = await startAzurite({ location: await mkdtemp('/tmp/scratch/azl-') });
  console.log('start', Date.now() - t); t = Date.now();
  await az.stop(); console.log('stop idle', Date.now() - t); t = Date.now();
  await az.restart(); console.log('restart', Date.now() - t); t = Date.now();
  const { BlobStateStore } = await import('../../src/store/blob-store');
  const s = new BlobStateStore({ connectionString: az.connectionString, container: 'x' });
  await s.put('a', 1);
  t = Date.now();
  await az.stop(); console.log('stop after use', Date.now() - t); t = Date.now();
  await az.restart(); console.log('restart', Date.now() - t); t = Date.now();
  await az.stop();
});
