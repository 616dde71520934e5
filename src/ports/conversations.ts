/**
 * A conversation the bot can post into later, stored as plain JSON: the Bot Framework
 * conversation reference as Teams sent it, plus what the product needs to know about it.
 */
export interface StoredConversation {
  /** Key under which it is stored: `conversations/<encoded conversation id>`. */
  key: string;
  /** botbuilder ConversationReference, kept opaque outside src/bot/. */
  reference: Record<string, unknown>;
  kind: 'personal' | 'channel' | 'groupChat';
  tenantId?: string;
  /** For personal chats: the Entra object id of the user (to reach approvers 1:1). */
  userAadObjectId?: string;
  /** Human label, e.g. the channel or team name when Teams sent it. */
  label?: string;
  updatedAt: string;
}

export const CONVERSATIONS_PREFIX = 'conversations/';

export function conversationKey(conversationId: string): string {
  return `${CONVERSATIONS_PREFIX}${encodeURIComponent(conversationId)}`;
}
