import { conversationKey, type StoredConversation } from '../../../src/ports/conversations';

export const TENANT = '0b7a5a2e-4c8e-4d5a-9f1e-2a3b4c5d6e7f';

/** A stored channel conversation whose reference points at `serviceUrl`. */
export function channel(index: number, serviceUrl = 'http://127.0.0.1:9/'): StoredConversation {
  const id = `19:channel-${index}@thread.tacv2`;
  return {
    key: conversationKey(id),
    kind: 'channel',
    tenantId: TENANT,
    label: `Team › Channel ${index}`,
    updatedAt: new Date(0).toISOString(),
    reference: {
      channelId: 'msteams',
      serviceUrl,
      conversation: { id, conversationType: 'channel', tenantId: TENANT, isGroup: true },
      bot: { id: '28:pcemail-ops', name: 'PCEmail Ops' },
    },
  };
}
