/** "1 item", "42 items"; `nouns` for irregular plurals ("1 mailbox", "2 mailboxes"). */
export function plural(count: number, noun: string, nouns = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : nouns}`;
}
