import { isLoopbackHost } from '../config';

/**
 * The `/.default` scope for the configured Graph root. A loopback stand-in plays the global cloud,
 * so it gets the global audience; national clouds get their own (graph.microsoft.us, …).
 */
export function graphDefaultScope(graphEndpoint: string): string {
  const url = new URL(graphEndpoint);
  if (isLoopbackHost(url.hostname)) return 'https://graph.microsoft.com/.default';
  return `${url.origin}/.default`;
}
