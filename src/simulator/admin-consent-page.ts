/** HTML for the simulated admin-consent prompt. Every interpolated value goes through escapeHtml. */

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export interface PermissionLine {
  value: string;
  type: 'Role' | 'Scope';
  description: string;
  granted: boolean;
}

function page(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>body{font-family:Segoe UI,Arial,sans-serif;max-width:40rem;margin:2rem auto;color:#1b1b1b}
.banner{background:#fff4ce;padding:.5rem 1rem;border-radius:4px}li{margin:.3rem 0}
button{padding:.4rem 1.2rem;margin-right:.5rem}</style></head>
<body><p class="banner">Simulated Microsoft Entra tenant: nothing here touches a real directory.</p>
${body}</body></html>`;
}

export function renderConsentPage(options: {
  appName: string;
  appId: string;
  tenantName: string;
  lines: PermissionLine[];
  hidden: Record<string, string>;
  action: string;
}): string {
  const missing = options.lines.filter((l) => !l.granted);
  const item = (l: PermissionLine) =>
    `<li><strong>${escapeHtml(l.value)}</strong> (${l.type === 'Role' ? 'Application' : 'Delegated'}) — ${escapeHtml(l.description)}${l.granted ? ' <em>(already granted)</em>' : ''}</li>`;
  const hidden = Object.entries(options.hidden)
    .map(
      ([name, value]) =>
        `<input type="hidden" name="${escapeHtml(name)}" value="${escapeHtml(value)}">`,
    )
    .join('\n');
  return page(
    'Permissions requested',
    `<h1>Permissions requested</h1>
<p><strong>${escapeHtml(options.appName)}</strong> (${escapeHtml(options.appId)}) asks for these Microsoft Graph permissions in <strong>${escapeHtml(options.tenantName)}</strong>:</p>
<ul>${options.lines.map(item).join('\n')}</ul>
<p>${missing.length === 0 ? 'All requested permissions are already granted.' : `${missing.length} permission(s) need your consent, for the whole organisation.`}</p>
<form method="post" action="${escapeHtml(options.action)}">
${hidden}
<button type="submit" name="decision" value="accept">Accept</button>
<button type="submit" name="decision" value="cancel">Cancel</button>
</form>`,
  );
}

export function renderResultPage(title: string, lines: string[]): string {
  return page(
    title,
    `<h1>${escapeHtml(title)}</h1><ul>${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul>`,
  );
}

export function renderErrorPage(message: string): string {
  return page(
    'Sign in error',
    `<h1>Sorry, but we’re having trouble signing you in.</h1><p>${escapeHtml(message)}</p>`,
  );
}
