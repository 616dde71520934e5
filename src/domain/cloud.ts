/**
 * Microsoft's clouds, told apart by their hosts (Graph national cloud deployments:
 * https://learn.microsoft.com/graph/deployments). US Gov L4 (GCC High) and L5 (DoD) share one
 * Entra host, so an authority there fits either Graph.
 */
export type Cloud = 'public' | 'usgov-l4' | 'usgov-l5' | 'china';

const GRAPH_HOSTS: Record<string, Cloud> = {
  'graph.microsoft.com': 'public',
  'graph.microsoft.us': 'usgov-l4',
  'dod-graph.microsoft.us': 'usgov-l5',
  'microsoftgraph.chinacloudapi.cn': 'china',
};

const AUTHORITY_HOSTS: Record<string, Cloud[]> = {
  'login.microsoftonline.com': ['public'],
  'login.microsoft.com': ['public'],
  'login.microsoftonline.us': ['usgov-l4', 'usgov-l5'],
  'login.chinacloudapi.cn': ['china'],
  'login.partner.microsoftonline.cn': ['china'],
};

const CLOUD_NAMES: Record<Cloud, string> = {
  public: 'the global cloud',
  'usgov-l4': 'US Government L4 (GCC High)',
  'usgov-l5': 'US Government L5 (DoD)',
  china: 'Microsoft Azure operated by 21Vianet (China)',
};

/** The cloud a Graph root belongs to; undefined for a host Microsoft does not document (a stand-in). */
function cloudOfGraph(endpoint: string): Cloud | undefined {
  return GRAPH_HOSTS[hostOf(endpoint)];
}

/** The clouds an Entra root serves; empty for a host Microsoft does not document. */
function cloudsOfAuthority(endpoint: string): readonly Cloud[] {
  return AUTHORITY_HOSTS[hostOf(endpoint)] ?? [];
}

/**
 * Why GRAPH_ENDPOINT and AUTHORITY_HOST cannot work together, or undefined when they can. Only two
 * known Microsoft hosts can disagree: a loopback or other stand-in is not judged.
 */
export function describeCloudMismatch(graph: string, authority: string): string | undefined {
  const graphCloud = cloudOfGraph(graph);
  const authorityClouds = cloudsOfAuthority(authority);
  if (graphCloud === undefined || authorityClouds.length === 0) return undefined;
  if (authorityClouds.includes(graphCloud)) return undefined;
  return (
    `GRAPH_ENDPOINT (${hostOf(graph)}) is in ${CLOUD_NAMES[graphCloud]} but AUTHORITY_HOST ` +
    `(${hostOf(authority)}) is in ${CLOUD_NAMES[authorityClouds[0] ?? 'public']}: tokens from one ` +
    'cloud are refused by the other. Set both to the same cloud (see docs/DEPLOYMENT.md, national clouds).'
  );
}

/**
 * Connect-ExchangeOnline's -ExchangeEnvironmentName for a sovereign cloud; undefined for the global
 * cloud (its default) or a stand-in.
 * https://learn.microsoft.com/powershell/module/exchange/connect-exchangeonline
 */
export function exchangeEnvironmentOf(graph: string): ExchangeEnvironment | undefined {
  switch (cloudOfGraph(graph)) {
    case 'usgov-l4':
      return 'O365USGovGCCHigh';
    case 'usgov-l5':
      return 'O365USGovDoD';
    case 'china':
      return 'O365China';
    default:
      return undefined;
  }
}

export type ExchangeEnvironment = 'O365USGovGCCHigh' | 'O365USGovDoD' | 'O365China';

function hostOf(endpoint: string): string {
  try {
    return new URL(endpoint).hostname.toLowerCase();
  } catch {
    return '';
  }
}
