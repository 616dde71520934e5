import { readConfig } from '../src/config';
import { msalAuthority } from '../src/tenant/msal-authority';

const TENANT = '0b7a5a2e-4c8e-4d5a-9f1e-2a3b4c5d6e7f';
const valid = {
  TENANT_ID: TENANT,
  GRAPH_CLIENT_ID: '5f0e9d1c-2b3a-4c5d-8e7f-6a5b4c3d2e1f',
  GRAPH_CLIENT_SECRET: 'inspector-secret-value-1234',
  INBOUND_AUTH: 'off',
};

describe('RESTRICTION_MODEL', () => {
  it.each(['auto', 'access-policy', 'rbac', 'RBAC'])('when it is %s, then it is taken', (model) => {
    const result = readConfig({ ...valid, RESTRICTION_MODEL: model });
    expect(result.ok && result.config.pcemail.restrictionModel).toBe(model.toLowerCase());
  });

  it('when it is something else, then the configuration is refused naming the three values', () => {
    const result = readConfig({ ...valid, RESTRICTION_MODEL: 'policy' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContain(
      'RESTRICTION_MODEL is "policy": use auto, access-policy or rbac.',
    );
  });
});

describe('GRAPH_ENDPOINT and AUTHORITY_HOST in one cloud', () => {
  it.each([
    ['https://graph.microsoft.us', 'https://login.microsoftonline.com'],
    ['https://graph.microsoft.com', 'https://login.microsoftonline.us'],
    ['https://microsoftgraph.chinacloudapi.cn', 'https://login.microsoftonline.com'],
    ['https://dod-graph.microsoft.us', 'https://login.chinacloudapi.cn'],
  ])(
    'when Graph is %s and the authority %s, then it is a configuration error',
    (graph, authority) => {
      const result = readConfig({ ...valid, GRAPH_ENDPOINT: graph, AUTHORITY_HOST: authority });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.problems.join('\n')).toMatch(/GRAPH_ENDPOINT .* AUTHORITY_HOST .* same cloud/);
    },
  );

  it.each([
    ['https://graph.microsoft.com', 'https://login.microsoftonline.com'],
    ['https://graph.microsoft.us', 'https://login.microsoftonline.us'],
    ['https://dod-graph.microsoft.us', 'https://login.microsoftonline.us'],
    ['https://microsoftgraph.chinacloudapi.cn', 'https://login.chinacloudapi.cn'],
    ['http://127.0.0.1:5000', 'https://login.microsoftonline.us'],
    ['https://graph.microsoft.us', 'http://localhost:5000'],
  ])('when Graph is %s and the authority %s, then they are accepted', (graph, authority) => {
    expect(readConfig({ ...valid, GRAPH_ENDPOINT: graph, AUTHORITY_HOST: authority }).ok).toBe(
      true,
    );
  });
});

describe('msalAuthority', () => {
  it.each([
    ['https://login.microsoftonline.com', `https://login.microsoftonline.com/${TENANT}`],
    ['https://login.microsoftonline.us', `https://login.microsoftonline.us/${TENANT}`],
    ['https://login.chinacloudapi.cn/', `https://login.chinacloudapi.cn/${TENANT}`],
  ])(
    'when AUTHORITY_HOST is %s, then MSAL signs in at %s with its built-in metadata',
    (host, authority) => {
      expect(msalAuthority(host, TENANT)).toEqual({ authority });
    },
  );

  it('when AUTHORITY_HOST is a loopback stand-in over http, then MSAL keeps the public host and the network client re-addresses it', () => {
    expect(msalAuthority('http://127.0.0.1:4100', TENANT)).toEqual({
      authority: `https://login.microsoftonline.com/${TENANT}`,
    });
  });

  it('when AUTHORITY_HOST is another https host, then it is the authority and trusted without instance discovery', () => {
    expect(msalAuthority('https://entra.stand-in.example:8443', TENANT)).toEqual({
      authority: `https://entra.stand-in.example:8443/${TENANT}`,
      knownAuthorities: ['entra.stand-in.example:8443'],
    });
  });
});
