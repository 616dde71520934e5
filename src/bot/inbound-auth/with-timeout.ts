import { ErrorCode, ProductError } from '../../domain/product-error';

/**
 * Bounds a promise: the SDK fetches signing keys without a timeout, so a metadata host that never
 * answers would otherwise hold the request forever. The losing promise is left to settle on its own.
 */
export async function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(
      () =>
        reject(
          new ProductError({
            code: ErrorCode.AuthTimeout,
            message: `token verification took longer than ${ms} ms`,
          }),
        ),
      ms,
    );
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
