import Module from 'node:module';

/**
 * Packages teams-ai loads at start for AI features this bot does not use (OpenAI models and GPT
 * tokenizers): together ~55 MiB of RSS and ~0.3 s of start-up (bench/load). They are replaced by a
 * stand-in that loads the real package on first use, so nothing breaks if a feature ever needs them.
 * Imported first by the composition root, before anything requires teams-ai.
 */
const DEFERRED = [/^openai$/, /^gpt-tokenizer(\/|$)/];

type Load = (request: string, parent: unknown, isMain: boolean) => unknown;
const loader = Module as unknown as { _load: Load };
const load = loader._load;

loader._load = function deferUnused(
  this: unknown,
  request: string,
  parent: unknown,
  isMain: boolean,
): unknown {
  if (!DEFERRED.some((pattern) => pattern.test(request)))
    return load.call(this, request, parent, isMain);
  let real: Record<PropertyKey, unknown> | undefined;
  const actual = (): Record<PropertyKey, unknown> =>
    (real ??= load.call(this, request, parent, isMain) as Record<PropertyKey, unknown>);
  return new Proxy(
    {},
    {
      // TypeScript's __importStar asks this first; answering it must not load the package.
      get: (_target, key) => (key === '__esModule' ? true : actual()[key]),
      has: (_target, key) => key in actual(),
      ownKeys: () => Reflect.ownKeys(actual()),
      getOwnPropertyDescriptor: (_target, key) => {
        const descriptor = Reflect.getOwnPropertyDescriptor(actual(), key);
        return descriptor ? { ...descriptor, configurable: true } : undefined;
      },
    },
  );
};
