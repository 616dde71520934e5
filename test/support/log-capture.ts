import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/logger';

/** A real product logger writing into memory, so tests can read (and scan) every line. */
export function capturingLogger(
  secrets: string[] = [],
  level = 'debug',
): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  return { logger: createLogger({ level, pretty: false, secrets, destination }), lines };
}
