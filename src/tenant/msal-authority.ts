import { isLoopbackHost } from '../config';

/** What MSAL is given for one tenant: its authority and, for a host it does not know, that host. */
export interface MsalAuthority {
  authority: string;
  /** Hosts MSAL trusts without instance discovery (a non-Microsoft https stand-in). */
  knownAuthorities?: string[];
}

/** Entra hosts MSAL carries metadata for, so it makes no discovery request to them. */
const MICROSOFT_HOSTS = new Set([
  'login.microsoftonline.com',
  'login.microsoft.com',
  'login.windows.net',
  'login.microsoftonline.us',
  'login.chinacloudapi.cn',
  'login.partner.microsoftonline.cn',
]);

/**
 * The authority is AUTHORITY_HOST/{tenant}, so a national cloud signs in at its own Entra. MSAL
 * refuses http:// authorities, so a loopback stand-in keeps Microsoft's public host as the
 * authority and the network client re-addresses each request to AUTHORITY_HOST.
 */
export function msalAuthority(authorityHost: string, tenantId: string): MsalAuthority {
  const url = new URL(authorityHost);
  const tenant = encodeURIComponent(tenantId);
  if (url.protocol === 'http:' && isLoopbackHost(url.hostname)) {
    return { authority: `https://login.microsoftonline.com/${tenant}` };
  }
  const base = `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
  const host = url.hostname.toLowerCase();
  return {
    authority: `${base}/${tenant}`,
    ...(MICROSOFT_HOSTS.has(host) ? {} : { knownAuthorities: [url.host] }),
  };
}
