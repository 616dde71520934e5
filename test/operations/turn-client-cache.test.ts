import { ClaimsIdentity, ConnectorFactory, type ConnectorClient } from 'botframework-connector';
import { TurnClientCache } from '../../src/bot/inbound-auth/client-cache';

class CountingFactory extends ConnectorFactory {
  made: string[] = [];
  failNext = false;
  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    this.made.push(`${audience}|${serviceUrl}`);
    if (this.failNext) {
      this.failNext = false;
      return Promise.reject(new Error('no token'));
    }
    return Promise.resolve({ serviceUrl } as unknown as ConnectorClient);
  }
}

const bot = (appId: string) => new ClaimsIdentity([{ type: 'aud', value: appId }], true);

describe('connector clients reused across turns', () => {
  it('when turns share app, audience and service URL, then one client serves them; any difference gets its own', async () => {
    const cache = new TurnClientCache();
    const inner = new CountingFactory();
    const first = await cache
      .connectorFactory(inner, bot('app-1'))
      .create('https://smba.one/', 'aud');
    const again = await cache
      .connectorFactory(inner, bot('app-1'))
      .create('https://smba.one/', 'aud');
    expect(again).toBe(first);
    await cache.connectorFactory(inner, bot('app-1')).create('https://smba.two/', 'aud');
    await cache.connectorFactory(inner, bot('app-2')).create('https://smba.one/', 'aud');
    await cache.connectorFactory(inner, bot('app-1')).create('https://smba.one/', 'other');
    expect(inner.made).toHaveLength(4);
  });

  it('when making a client fails, then it is not kept: the next turn tries again', async () => {
    const cache = new TurnClientCache();
    const inner = new CountingFactory();
    inner.failNext = true;
    await expect(cache.connectorFactory(inner, bot('a')).create('https://s/', 'x')).rejects.toThrow(
      'no token',
    );
    await expect(
      cache.connectorFactory(inner, bot('a')).create('https://s/', 'x'),
    ).resolves.toBeDefined();
    expect(inner.made).toHaveLength(2);
  });

  it('when many service URLs appear, then at most 64 clients are kept', async () => {
    const cache = new TurnClientCache();
    const inner = new CountingFactory();
    for (let i = 0; i < 100; i++)
      await cache.connectorFactory(inner, bot('a')).create(`https://s${i}/`, 'x');
    await cache.connectorFactory(inner, bot('a')).create('https://s0/', 'x');
    await cache.connectorFactory(inner, bot('a')).create('https://s99/', 'x');
    expect(inner.made).toHaveLength(101);
  });
});
