import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The Bot Connector stand-in for load runs: answers every reply at once and only counts them. */
export class NullConnector {
  received = 0;
  private readonly server = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      this.received++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"id":"1"}');
    });
  });
  url = '';

  async start(): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/`;
    return this;
  }

  async stop(): Promise<void> {
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    this.server.closeAllConnections();
    await closed;
  }
}
