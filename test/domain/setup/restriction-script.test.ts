import {
  describeUnsafeText,
  generateRestrictionScripts,
  quotePowerShell,
  type RestrictionScriptInput,
} from '../../../src/domain/setup';
import { exchangeEnvironmentOf } from '../../../src/domain/cloud';

const APP_ID = '3f4e2d1c-0b9a-4876-a5b4-c3d2e1f0a9b8';
const SP_ID = 'b7c8d9e0-f1a2-4b3c-9d4e-5f60718293a4';

function input(patch: Partial<RestrictionScriptInput> = {}): RestrictionScriptInput {
  return {
    appId: APP_ID,
    servicePrincipalId: SP_ID,
    displayName: 'PCEmail',
    scopeGroup: 'pcemail-mailboxes@contoso.com',
    mailboxes: ['support@contoso.com', 'sales@contoso.com'],
    ...patch,
  };
}

function scripts(patch: Partial<RestrictionScriptInput> = {}) {
  const result = generateRestrictionScripts(input(patch));
  if (!result.ok) throw new Error(result.problems.map((p) => p.message).join(' '));
  return result.scripts;
}

/** The non-comment lines. */
function commands(script: string | undefined): string[] {
  return (script ?? '').split('\n').filter((line) => !line.startsWith('#'));
}

/**
 * How PowerShell splits a command line into words, for what we generate: single-quoted literals
 * (ended by ' or the typographic ‘ ’ ‚ ‛, PowerShell's other single quotes; doubled = itself),
 * double-quoted strings, and bare words. Returns the words with quotes removed.
 */
function powershellWords(line: string): string[] {
  const SINGLE = "'\u2018\u2019\u201A\u201B";
  const DOUBLE = '"\u201C\u201D\u201E';
  const words: string[] = [];
  let i = 0;
  while (i < line.length) {
    const ch = line.charAt(i);
    if (ch === ' ') {
      i++;
      continue;
    }
    if (SINGLE.includes(ch)) {
      let word = '';
      i++;
      for (;;) {
        if (i >= line.length) throw new Error(`unterminated literal in: ${line}`);
        const c = line.charAt(i);
        if (SINGLE.includes(c)) {
          if (i + 1 < line.length && SINGLE.includes(line.charAt(i + 1))) {
            word += c;
            i += 2;
            continue;
          }
          i++;
          break;
        }
        word += c;
        i++;
      }
      words.push(word);
    } else if (DOUBLE.includes(ch)) {
      const end = [...line.slice(i + 1)].findIndex((c) => DOUBLE.includes(c));
      words.push(line.slice(i + 1, i + 1 + end));
      i += end + 2;
    } else {
      let word = '';
      while (i < line.length && line.charAt(i) !== ' ') word += line.charAt(i++);
      words.push(word);
    }
  }
  return words;
}

/** `-Name value` pairs of a command line; the first word is the cmdlet. */
function parameters(line: string): { cmdlet: string; params: Record<string, string> } {
  const [cmdlet = '', ...rest] = powershellWords(line);
  const params: Record<string, string> = {};
  for (let i = 0; i < rest.length; i += 2) params[rest[i] ?? ''] = rest[i + 1] ?? '';
  return { cmdlet, params };
}

describe('generateRestrictionScripts', () => {
  it('when the values are ordinary, then the Application Access Policy commands use exactly Microsoft’s cmdlet and parameter names', () => {
    const lines = commands(scripts().accessPolicy).map(parameters);
    expect(lines[0]).toEqual({
      cmdlet: 'New-ApplicationAccessPolicy',
      params: {
        '-AppId': APP_ID,
        '-PolicyScopeGroupId': 'pcemail-mailboxes@contoso.com',
        '-AccessRight': 'RestrictAccess',
        '-Description': 'Restrict PCEmail to its mailboxes',
      },
    });
    expect(lines.slice(1)).toEqual([
      {
        cmdlet: 'Test-ApplicationAccessPolicy',
        params: { '-Identity': 'support@contoso.com', '-AppId': APP_ID },
      },
      {
        cmdlet: 'Test-ApplicationAccessPolicy',
        params: { '-Identity': 'sales@contoso.com', '-AppId': APP_ID },
      },
    ]);
  });

  it('when the values are ordinary, then the RBAC for Applications commands use exactly Microsoft’s cmdlet and parameter names', () => {
    const lines = commands(scripts().rbac);
    const parsed = lines.filter((l) => !l.startsWith('$')).map(parameters);
    expect(parsed).toEqual([
      {
        cmdlet: 'New-ServicePrincipal',
        params: { '-AppId': APP_ID, '-ObjectId': SP_ID, '-DisplayName': 'PCEmail' },
      },
      {
        cmdlet: 'New-ManagementScope',
        params: {
          '-Name': 'PCEmail mailboxes',
          '-RecipientRestrictionFilter': "MemberOfGroup -eq '$groupDn'",
        },
      },
      {
        cmdlet: 'New-ManagementRoleAssignment',
        params: {
          '-App': SP_ID,
          '-Role': 'Application Mail.ReadWrite',
          '-CustomResourceScope': 'PCEmail mailboxes',
        },
      },
      {
        cmdlet: 'New-ManagementRoleAssignment',
        params: {
          '-App': SP_ID,
          '-Role': 'Application Mail.Send',
          '-CustomResourceScope': 'PCEmail mailboxes',
        },
      },
      {
        cmdlet: 'Test-ServicePrincipalAuthorization',
        params: { '-Identity': APP_ID, '-Resource': 'support@contoso.com' },
      },
      {
        cmdlet: 'Test-ServicePrincipalAuthorization',
        params: { '-Identity': APP_ID, '-Resource': 'sales@contoso.com' },
      },
    ]);
    // The filter takes the group's distinguished name, looked up as Microsoft's example does.
    expect(lines).toContain(
      `$groupDn = (Get-DistributionGroup -Identity 'pcemail-mailboxes@contoso.com').DistinguishedName -replace "'", "''"`,
    );
    expect(lines[3]).toContain(`-Role "Application Mail.ReadWrite"`);
    expect(lines[4]).toContain(`-Role "Application Mail.Send"`);
    expect(commands(scripts().rbac).join('\n')).not.toContain('Connect-ExchangeOnline');
  });

  it.each([
    ['O365USGovGCCHigh', 'https://graph.microsoft.us'],
    ['O365USGovDoD', 'https://dod-graph.microsoft.us'],
    ['O365China', 'https://microsoftgraph.chinacloudapi.cn'],
  ] as const)(
    'when the cloud is %s, then both scripts first connect with -ExchangeEnvironmentName',
    (environment, graph) => {
      expect(exchangeEnvironmentOf(graph)).toBe(environment);
      const s = scripts({ exchangeEnvironment: environment });
      for (const script of [s.accessPolicy, s.rbac]) {
        expect(parameters(commands(script)[0] ?? '')).toEqual({
          cmdlet: 'Connect-ExchangeOnline',
          params: { '-ExchangeEnvironmentName': environment },
        });
      }
    },
  );

  it('when the cloud is the global one, then no environment name is given', () => {
    expect(exchangeEnvironmentOf('https://graph.microsoft.com')).toBeUndefined();
    expect(exchangeEnvironmentOf('http://127.0.0.1:5000')).toBeUndefined();
  });

  it('when an out-of-scope mailbox is given, then both ways test that it is refused', () => {
    const s = scripts({ outOfScopeMailbox: 'ceo@contoso.com' });
    expect(s.accessPolicy).toContain(
      "# A mailbox outside the group should show Denied:\nTest-ApplicationAccessPolicy -Identity 'ceo@contoso.com'",
    );
    expect(s.rbac).toContain(
      "Test-ServicePrincipalAuthorization -Identity '3f4e2d1c-0b9a-4876-a5b4-c3d2e1f0a9b8' -Resource 'ceo@contoso.com'",
    );
  });

  it('when more than three mailboxes are listed, then they are tested in one loop over a quoted list', () => {
    const mailboxes = ['a@contoso.com', "o'hara@contoso.com", 'c@contoso.com', 'd@contoso.com'];
    const s = scripts({ mailboxes });
    for (const script of [s.accessPolicy, s.rbac ?? '']) {
      const list = commands(script).find((l) => l.startsWith('$mailboxes = @('));
      const literals = [...(list ?? '').matchAll(/'((?:[^']|'')*)'/g)].map((m) =>
        (m[1] ?? '').replace(/''/g, "'"),
      );
      expect(literals).toEqual(mailboxes);
      expect(list).toBe(
        "$mailboxes = @('a@contoso.com', 'o''hara@contoso.com', 'c@contoso.com', 'd@contoso.com')",
      );
    }
    expect(commands(s.accessPolicy)).toContain(
      `$mailboxes | ForEach-Object { Test-ApplicationAccessPolicy -Identity $_ -AppId '${APP_ID}' }`,
    );
    expect(commands(s.rbac)).toContain(
      `$mailboxes | ForEach-Object { Test-ServicePrincipalAuthorization -Identity '${APP_ID}' -Resource $_ }`,
    );
  });

  it('when the enterprise application’s object ID is unknown, then only the access policy is written and RBAC says why', () => {
    const s = scripts({ servicePrincipalId: undefined });
    expect(s.rbac).toBeUndefined();
    expect(s.rbacUnavailable).toMatch(/Object ID of PCEmail’s enterprise application/);
    expect(s.accessPolicy).toContain('New-ApplicationAccessPolicy');
  });

  it('when a value holds plain single quotes, then they are doubled and each argument reads back exactly as given', () => {
    const hostile = {
      displayName: "PCEmail'; Remove-Mailbox -Identity 'ceo",
      scopeGroup: "o'brien.group@contoso.com",
      mailboxes: ["d'arcy@contoso.com", "x'+'y@contoso.com"],
    };
    // The name holds ";", so it is refused; with a harmless quote-only name, quotes are neutralised.
    expect(generateRestrictionScripts(input(hostile)).ok).toBe(false);
    const s = scripts({ ...hostile, displayName: "O'Brien's PCEmail" });
    const lines = [...commands(s.accessPolicy), ...commands(s.rbac)].filter(
      (l) => !l.startsWith('$'),
    );
    const parsed = lines.map(parameters);
    expect(parsed[0]?.params['-PolicyScopeGroupId']).toBe("o'brien.group@contoso.com");
    expect(parsed[1]?.params['-Identity']).toBe("d'arcy@contoso.com");
    expect(parsed[2]?.params['-Identity']).toBe("x'+'y@contoso.com");
    const sp = parsed.find((p) => p.cmdlet === 'New-ServicePrincipal');
    expect(sp?.params['-DisplayName']).toBe("O'Brien's PCEmail");
    // Every line splits into the cmdlet plus name/value pairs: nothing escaped its argument.
    for (const p of parsed) {
      expect(Object.keys(p.params).every((name) => /^-[A-Za-z]+$/.test(name))).toBe(true);
    }
  });

  it.each([
    ['a semicolon', 'support@contoso.com; Remove-Mailbox ceo', /";"/],
    ['a backtick', 'sup`port@contoso.com', /backtick/],
    ['a subexpression', '$(Remove-Mailbox ceo)@contoso.com', /"\$\("/],
    ['a line break', 'support@contoso.com\nRemove-Mailbox ceo', /line break/],
    ['a carriage return', 'support@contoso.com\rRemove-Mailbox', /line break/],
    ['a Unicode line separator', 'support@contoso.com\u2028Remove-Mailbox', /line break/],
    ['a NUL', 'support@contoso.com\0', /NUL/],
    [
      'a right single quotation mark',
      'o\u2019brien@contoso.com',
      /typographic quote ’ \(U\+2019\)/,
    ],
    ['a left single quotation mark', 'o\u2018brien@contoso.com', /typographic quote/],
    ['a single low-9 quotation mark', 'o\u201Abrien@contoso.com', /typographic quote/],
    ['a reversed single quotation mark', 'o\u201Bbrien@contoso.com', /typographic quote/],
    ['a left double quotation mark', 'o\u201Cbrien@contoso.com', /typographic quote/],
    ['a low double quotation mark', 'o\u201Ebrien@contoso.com', /typographic quote/],
    ['an en dash', 'pcemail\u2013mailboxes@contoso.com', /dash – \(U\+2013\)/],
    ['an em dash', 'pcemail\u2014mailboxes@contoso.com', /dash/],
    ['a horizontal bar', 'pcemail\u2015mailboxes@contoso.com', /dash/],
    ['a zero-width space', 'support\u200B@contoso.com', /invisible character U\+200B/],
    ['a right-to-left override', 'support\u202E@contoso.com', /invisible character U\+202E/],
  ])(
    'when a mailbox holds %s, then the commands are refused with a message naming it',
    (_what, mailbox, message) => {
      const result = generateRestrictionScripts(
        input({ mailboxes: ['sales@contoso.com', mailbox] }),
      );
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.problems).toHaveLength(1);
      expect(result.problems[0]).toMatchObject({ field: 'mailboxes' });
      expect(result.problems[0]?.message).toMatch(message);
    },
  );

  it.each([
    ['scopeGroup', { scopeGroup: "group@contoso.com' -AccessRight DenyAccess #" }],
    ['scopeGroup', { scopeGroup: 'pcemail\u2013mailboxes@contoso.com' }],
    ['displayName', { displayName: 'PCEmail`nRemove-Mailbox' }],
    ['displayName', { displayName: 'PCEmail $(whoami)' }],
    ['displayName', { displayName: 'PCEmail\u2019; Remove-Mailbox' }],
    ['displayName', { displayName: 'PCEmail\r\nRemove-Mailbox' }],
    ['appId', { appId: `${APP_ID}' -AccessRight DenyAccess` }],
    ['appId', { appId: APP_ID.slice(0, -1) }],
    ['servicePrincipalId', { servicePrincipalId: `${SP_ID};Remove-Mailbox` }],
    ['outOfScopeMailbox', { outOfScopeMailbox: "ceo@contoso.com'; Remove-Mailbox 'x" }],
  ] as const)(
    'when %s is hostile (%j), then nothing is written and that field is named',
    (field, patch) => {
      const result = generateRestrictionScripts(input(patch));
      expect(result).toMatchObject({ ok: false, problems: [expect.objectContaining({ field })] });
    },
  );

  it('when the App ID is one character short, then the message says how it differs from a GUID', () => {
    const result = generateRestrictionScripts(input({ appId: APP_ID.slice(0, -1) }));
    expect(result.ok ? '' : result.problems[0]?.message).toBe(
      'The Application ID has 35 characters, a GUID has 36 (8-4-4-4-12 hex digits); the last group has 11 characters, not 12.',
    );
  });

  it('when no mailbox is listed, then it asks for one', () => {
    const result = generateRestrictionScripts(input({ mailboxes: [] }));
    expect(result.ok ? [] : result.problems.map((p) => p.message)).toEqual([
      'List at least one PCEmail mailbox.',
    ]);
  });
});

describe('quotePowerShell and describeUnsafeText', () => {
  it('when a value is plain, then it becomes a single-quoted literal with quotes doubled', () => {
    expect(quotePowerShell("o'brien")).toBe("'o''brien'");
    expect(quotePowerShell('')).toBe("''");
    expect(quotePowerShell('$env:PATH')).toBe("'$env:PATH'");
  });

  it('when a value could break out, then quoting refuses rather than guessing', () => {
    expect(() => quotePowerShell('a\u2019b')).toThrow(/describeUnsafeText/);
    expect(() => quotePowerShell('a\nb')).toThrow();
  });

  it('when text is ordinary, then nothing is unsafe in it', () => {
    for (const ok of ['PCEmail', "o'brien@contoso.com", 'Müller PCEmail', 'a-b_c.d@e.com']) {
      expect(describeUnsafeText(ok)).toBeUndefined();
    }
  });
});
