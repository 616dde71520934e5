import { isGuid } from '../../domain';
import type { CardData, Parsed } from '../actions/card-action';
import { accept, refuse, textField } from '../actions/card-data';

const TITLE = 'Secret rotation';

/** A step on the rotation card: the app whose rotation it is (the stored record decides the rest). */
export function parseRotationCard(data: CardData): Parsed<{ appId: string }> {
  const appId = textField(data, 'appId');
  if (!isGuid(appId)) {
    return refuse({
      title: TITLE,
      lines: ['This card is not a rotation card PCEmail Ops recognises.'],
    });
  }
  return accept({ appId });
}

/** Rotate now names PCEmail's app id and the first 8 characters of the old secret's ID. */
export type RotateNowClick = { appId: string; keyRef: string };

export function parseRotateNow(data: CardData): Parsed<RotateNowClick> {
  const appId = textField(data, 'appId').toLowerCase();
  const keyRef = textField(data, 'keyRef').toLowerCase();
  if (!isGuid(appId) || !/^[0-9a-f]{8}$/.test(keyRef)) {
    return refuse({
      title: TITLE,
      lines: ['This button is not one PCEmail Ops recognises; nothing was created.'],
    });
  }
  return accept({ appId, keyRef });
}

/** "Show the new secret (once)": the rotation whose value is asked for. */
export function parseReveal(data: CardData): Parsed<{ appId: string; rotationId: string }> {
  return accept({ appId: textField(data, 'appId'), rotationId: textField(data, 'rotationId') });
}
