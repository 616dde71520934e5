import {
  asProductError,
  ErrorCode,
  errorMessage,
  errorName,
  hasErrorCode,
  isTenantError,
  ProductError,
} from '../../src/domain/product-error';

describe('the one error model', () => {
  it('when a ProductError is normalised, then the same error comes back', () => {
    const error = new ProductError({ code: ErrorCode.StoreConflict, message: 'raced' });
    expect(asProductError(error)).toBe(error);
    expect(error.code).toBe(ErrorCode.StoreConflict);
  });

  it('when a library error is normalised, then it is Internal, keeps the original as cause, and names it in the message', () => {
    const original = new TypeError('x is undefined');
    const normalised = asProductError(original);
    expect(normalised).toBeInstanceOf(ProductError);
    expect(normalised.info).toEqual({
      code: ErrorCode.Internal,
      message: 'TypeError: x is undefined',
    });
    expect(normalised.cause).toBe(original);
  });

  it('when something that is not an Error is thrown, then it still becomes a ProductError', () => {
    expect(asProductError('plain text').info.message).toBe('plain text');
    expect(asProductError(undefined).info).toEqual({
      code: ErrorCode.Internal,
      message: 'a non-error value was thrown',
    });
    // An error from another realm (a VM context) is not `instanceof Error` but reads the same.
    const foreign = { name: 'Error', message: 'EISDIR: illegal operation on a directory' };
    expect(asProductError(foreign).info.message).toBe(
      'Error: EISDIR: illegal operation on a directory',
    );
    expect(errorMessage(foreign)).toBe('EISDIR: illegal operation on a directory');
    expect(errorName(42)).toBe('number');
  });

  it('when codes are checked, then tenant errors are told apart from store errors and bugs', () => {
    const graph = new ProductError({ code: ErrorCode.GraphResponseMalformed, message: 'bad' });
    const store = new ProductError({ code: ErrorCode.StoreUnavailable, message: 'down' });
    expect(isTenantError(graph)).toBe(true);
    expect(isTenantError(store)).toBe(false);
    expect(isTenantError(new Error('bug'))).toBe(false);
    expect(hasErrorCode(store, ErrorCode.StoreConflict, ErrorCode.StoreUnavailable)).toBe(true);
    expect(hasErrorCode(new Error('STORE_UNAVAILABLE'), ErrorCode.StoreUnavailable)).toBe(false);
  });
});
