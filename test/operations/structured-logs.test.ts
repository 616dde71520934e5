import { startHarness, type BotHarness } from '../support/bot-harness';

let harness: BotHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

type Line = Record<string, unknown> & { msg?: string; graph?: Record<string, unknown> };
const records = (h: BotHarness): Line[] => h.logLines.map((line) => JSON.parse(line) as Line);
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

describe('structured logs', () => {
  it('when Graph throttles a turn’s reads past their retries, then each failure is logged with its Graph request id and the turn’s ids', async () => {
    harness = await startHarness({
      scenario: 'healthy',
      simulator: { faults: { throttle: 1, retryAfterSeconds: 1 } },
      env: { GRAPH_MAX_RETRIES: '1', LOG_LEVEL: 'debug' },
    });
    const conversationId = 'a:logs-1';
    await harness.say('check pcemail permissions', {
      id: 'activity-logs-1',
      conversation: {
        id: conversationId,
        conversationType: 'personal',
        tenantId: harness.config.tenant.id,
      },
    });
    const turnIds = {
      activityId: 'activity-logs-1',
      conversationId,
      tenantId: harness.config.tenant.id,
    };

    const retried = records(harness).filter((r) => r.msg === 'Graph read failed; retrying');
    const failed = records(harness).filter((r) => r.msg === 'Graph read failed after its retries');
    expect(retried.length).toBeGreaterThan(0);
    expect(failed.length).toBeGreaterThan(0);
    for (const line of [...retried, ...failed]) {
      expect(line).toMatchObject(turnIds);
      expect(line.graph).toMatchObject({
        resource: expect.any(String) as unknown,
        reason: expect.stringContaining('429') as unknown,
      });
      expect(String(line.graph?.requestId)).toMatch(GUID);
    }
    expect(failed[0]?.level).toBe(40);
    const couldNotRun = records(harness).find((r) => r.msg === 'permission check could not run');
    expect(couldNotRun).toMatchObject(turnIds);
  });

  it('when turns run at the same time, then each one’s lines carry its own ids, with status and duration', async () => {
    harness = await startHarness({ scenario: 'healthy' });
    const ids = ['activity-a', 'activity-b', 'activity-c', 'activity-d'];
    await Promise.all(
      ids.map((id) =>
        harness!.say(id === 'activity-b' ? 'check pcemail permissions' : 'help', {
          id,
          conversation: {
            id: `a:${id}`,
            conversationType: 'personal',
            tenantId: harness!.config.tenant.id,
          },
        }),
      ),
    );
    const handled = records(harness).filter((r) => r.msg === 'turn handled');
    expect(handled.map((r) => r.activityId).sort()).toEqual(ids);
    for (const line of handled) {
      expect(line).toMatchObject({
        level: 20,
        activityType: 'message',
        tenantId: harness.config.tenant.id,
        status: 200,
      });
      expect(line.conversationId).toBe(`a:${String(line.activityId)}`);
      expect(typeof line.durationMs).toBe('number');
    }
  });
});
