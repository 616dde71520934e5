/** What one sweep learns about a PCEmail mailbox's Inbox. */
export interface MailboxIngestion {
  totalItemCount: number;
  unreadItemCount: number;
  /** receivedDateTime of the oldest unread message: the backlog PCEmail has not picked up. */
  oldestUnreadAt?: string;
  /** receivedDateTime of the newest message. */
  newestAt?: string;
}
