import {
  blobPathToKey,
  decodeSegment,
  encodeSegment,
  keyToBlobPath,
  keyToPathParts,
  pathPartsToKey,
  prefixToBlobPath,
} from '../../src/store/key-codec';

describe('key codec', () => {
  test('when a segment is path syntax, then it becomes inert text', () => {
    expect(encodeSegment('..')).toBe('%2E%2E');
    expect(encodeSegment('.')).toBe('%2E');
    expect(encodeSegment('a\\b')).toBe('a%5Cb');
    expect(encodeSegment('nul\u0000')).toBe('nul%00');
    expect(encodeSegment('')).toBe('~');
    expect(keyToPathParts('../../etc/passwd')).toEqual(['%2E%2E', '%2E%2E', 'etc', 'passwd']);
    expect(keyToPathParts('/abs')).toEqual(['~', 'abs']);
  });

  test('when keys differ only in case, then their names differ in lowercase too', () => {
    const upper = keyToPathParts('a:1Upper').join('/');
    const lower = keyToPathParts('a:1upper').join('/');

    expect(upper.toLowerCase()).not.toBe(lower.toLowerCase());
  });

  test('when a key is encoded, then decoding gives it back exactly', () => {
    const keys = ['a/b', 'x//y/', '🙂/é/%41', '~/+/a+', `long/${'Zz🙂'.repeat(100)}`, 'a\u0000b'];

    for (const key of keys) {
      expect(pathPartsToKey(keyToPathParts(key))).toBe(key);
      expect(blobPathToKey(keyToBlobPath(key))).toBe(key);
    }
  });

  test('when a segment is too long for one file name, then it is split into continued chunks', () => {
    const parts = keyToPathParts(`c/${'A'.repeat(150)}`);

    expect(parts).toHaveLength(4);
    expect(parts.slice(1, 3).every((part) => part.endsWith('+') && part.length <= 201)).toBe(true);
  });

  test('when a name was not made by the codec, then it decodes to nothing', () => {
    expect(decodeSegment('README')).toBeUndefined();
    expect(decodeSegment('%2e')).toBeUndefined();
    expect(decodeSegment('%41%')).toBeUndefined();
    expect(decodeSegment('%C3')).toBeUndefined();
  });

  test('when a key holds a lone surrogate, then it is refused rather than merged with another', () => {
    expect(() => keyToPathParts('a/\uD800')).toThrow(RangeError);
    expect(() => keyToPathParts('')).toThrow(RangeError);
  });

  test('when a prefix ends mid-segment, then its blob prefix is a prefix of every matching key', () => {
    const keys = ['consent/requests/R1', 'consent/requests/', 'consent/r'];

    for (const key of keys) {
      expect(keyToBlobPath(key).startsWith(prefixToBlobPath('consent/r'))).toBe(true);
    }
    expect(
      keyToBlobPath('consent/requests/').startsWith(prefixToBlobPath('consent/requests/')),
    ).toBe(true);
  });
});
