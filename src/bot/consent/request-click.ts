import { REJECT_REASON_INPUT } from '../../cards/consent';
import type { CardData, Parsed } from '../actions/card-action';
import { accept, idField, refuse } from '../actions/card-data';

/** A click on a request card: the stored request it names, and the card's data to compare with it. */
export interface RequestClick {
  requestId: string;
  cardData: CardData;
  /** The reject form's reason, as typed. */
  reason: string;
}

/** The request id must look like one the bot created; the use case compares the rest with the stored request. */
export function parseRequestClick(data: CardData): Parsed<RequestClick> {
  const requestId = idField(data, 'requestId');
  if (requestId === undefined) {
    return refuse({ title: 'Admin consent request', lines: [NO_SUCH_REQUEST] });
  }
  const reason = data[REJECT_REASON_INPUT];
  return accept({ requestId, cardData: data, reason: typeof reason === 'string' ? reason : '' });
}

const NO_SUCH_REQUEST =
  'I have no consent request with this id, so nothing was changed. Run "check pcemail permissions" and request consent again.';
