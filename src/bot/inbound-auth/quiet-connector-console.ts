/**
 * botframework-connector's JwtTokenExtractor writes every refused token to `console.error`: the
 * whole TokenExpiredError, or "Error finding key for token. Available keys: <every signing key>".
 * The HTTP edge already logs each refusal once, with its reason, through our logger; these lines
 * are noise that bypasses log levels and redaction. This filter drops exactly those two and passes
 * everything else to the real `console.error`.
 */
const CONNECTOR_KEY_DUMP = 'Error finding key for token. Available keys:';

let installed = false;

export function quietConnectorConsole(): void {
  if (installed) return;
  installed = true;
  const original = console.error.bind(console);
  console.error = (...args: unknown[]): void => {
    if (isConnectorNoise(args[0])) return;
    original(...args);
  };
}

function isConnectorNoise(first: unknown): boolean {
  if (typeof first === 'string') return first.startsWith(CONNECTOR_KEY_DUMP);
  return first instanceof Error && first.name === 'TokenExpiredError';
}
