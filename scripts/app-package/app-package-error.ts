/** A packaging failure that lists every problem at once, each with its fix. */
export class AppPackageError extends Error {
  constructor(
    summary: string,
    readonly problems: readonly string[],
  ) {
    super(
      problems.length > 0 ? `${summary}\n${problems.map((p) => `  - ${p}`).join('\n')}` : summary,
    );
    this.name = 'AppPackageError';
  }
}
