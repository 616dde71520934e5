import { cardProblems, expectValidCard } from '../support/adaptive-card-validator';

const SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

function card(body: unknown[], extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { type: 'AdaptiveCard', $schema: SCHEMA, version: '1.5', body, ...extra };
}

const text = (value: string) => ({ type: 'TextBlock', text: value, wrap: true });

describe('expectValidCard', () => {
  it('when a card uses only Adaptive Cards 1.5 features Teams renders, then it passes', () => {
    const valid = card(
      [
        text('Hello'),
        {
          type: 'ColumnSet',
          columns: [{ type: 'Column', width: 'auto', items: [text('PASS')] }],
        },
        { type: 'FactSet', facts: [{ title: 'Tenant', value: 'contoso' }] },
        {
          type: 'Input.Text',
          id: 'appId',
          label: 'App ID',
          isRequired: true,
          errorMessage: 'Needed',
        },
        {
          type: 'Input.ChoiceSet',
          id: 'mode',
          label: 'Mode',
          choices: [{ title: 'Grant', value: 'grant' }],
        },
        {
          type: 'ActionSet',
          actions: [
            {
              type: 'Action.ShowCard',
              title: 'More',
              card: { type: 'AdaptiveCard', body: [text('Nested')] },
            },
          ],
        },
      ],
      {
        actions: [
          { type: 'Action.Execute', title: 'Run again', verb: 'pcemail.check', data: { a: 1 } },
          { type: 'Action.OpenUrl', title: 'Docs', url: 'https://learn.microsoft.com' },
        ],
        msteams: { width: 'Full' },
      },
    );

    expect(cardProblems(valid)).toEqual([]);
    expect(() => expectValidCard(valid)).not.toThrow();
  });

  it('when the card has an unknown element type, then it fails and names the type', () => {
    expect(() => expectValidCard(card([{ type: 'Fancy', text: 'x' }]))).toThrow(
      /UnknownElementType.*"Fancy"/,
    );
  });

  it('when the card has an unknown action type, then it fails', () => {
    expect(() =>
      expectValidCard(card([], { actions: [{ type: 'Action.Http', title: 'x' }] })),
    ).toThrow(/UnknownActionType.*"Action.Http"/);
  });

  it('when an element has an unknown property, then it fails and says where', () => {
    expect(() => expectValidCard(card([{ ...text('x'), colour: 'good' }]))).toThrow(
      /\$\.body\[0\]: unknown property "colour" on TextBlock/,
    );
  });

  it('when a nested object (a fact, a column, a shown card) has an unknown property, then it fails', () => {
    const problems = cardProblems(
      card([
        { type: 'FactSet', facts: [{ title: 'a', value: 'b', bold: true }] },
        { type: 'ColumnSet', columns: [{ type: 'Column', items: [], align: 'left' }] },
        {
          type: 'ActionSet',
          actions: [
            {
              type: 'Action.ShowCard',
              title: 'More',
              card: { type: 'AdaptiveCard', body: [{ ...text('x'), italic: true }] },
            },
          ],
        },
      ]),
    );

    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/facts\[0\]: unknown property "bold"/),
        expect.stringMatching(/columns\[0\]: unknown property "align"/),
        expect.stringMatching(/card\.body\[0\]: unknown property "italic"/),
      ]),
    );
  });

  it('when the root has an unknown property or msteams an unknown key, then it fails', () => {
    const problems = cardProblems(
      card([text('x')], { theme: 'dark', msteams: { height: 'Full' } }),
    );

    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/unknown property "theme" on AdaptiveCard/),
        expect.stringMatching(/msteams: unknown property "height"/),
      ]),
    );
  });

  it('when the version is not 1.5, then it fails (also for 1.6, which the SDK itself accepts)', () => {
    expect(() => expectValidCard({ ...card([text('x')]), version: '1.6' })).toThrow(
      /version must be "1\.5", got "1\.6"/,
    );
    expect(() => expectValidCard({ ...card([text('x')]), version: '2.0' })).toThrow(
      /UnsupportedCardVersion/,
    );
  });

  it('when the card uses an element or property newer than 1.5, then it fails', () => {
    const problems = cardProblems(
      card([{ type: 'Carousel', pages: [] }], {
        actions: [{ type: 'Action.Execute', title: 'x', verb: 'v', role: 'Button' }],
      }),
    );

    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/UnknownElementType.*"Carousel"/),
        expect.stringMatching(/role: needs Adaptive Cards 1\.6/),
      ]),
    );
  });

  it('when $schema or the card type is missing, then it fails', () => {
    const { $schema: _schema, ...noSchema } = card([text('x')]);
    expect(() => expectValidCard(noSchema)).toThrow(/\$schema is missing/);
    expect(() => expectValidCard({ ...card([text('x')]), type: 'Card' })).toThrow(
      /type must be "AdaptiveCard"/,
    );
  });

  it('when a property has a value the SDK rejects, then it fails', () => {
    expect(() => expectValidCard(card([{ ...text('x'), color: 'purple' }]))).toThrow(
      /InvalidPropertyValue.*"purple"/,
    );
  });

  it('when input ids repeat, then it fails', () => {
    const input = { type: 'Input.Text', id: 'same', label: 'x' };
    expect(() => expectValidCard(card([input, input]))).toThrow(/DuplicateId/);
  });

  it('when the card is 28 KB or more, then it fails with its size', () => {
    const big = card(Array.from({ length: 400 }, (_, i) => text(`${i} ${'x'.repeat(80)}`)));

    expect(() => expectValidCard(big)).toThrow(/card is \d+ bytes; Teams' limit is 28672/);
  });

  it('when several things are wrong, then every one of them is listed', () => {
    const problems = cardProblems({
      type: 'AdaptiveCard',
      version: '1.4',
      body: [{ type: 'Nope' }, { ...text('x'), foo: 1 }],
    });

    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/version must be "1\.5"/),
        expect.stringMatching(/\$schema is missing/),
        expect.stringMatching(/UnknownElementType/),
        expect.stringMatching(/unknown property "foo"/),
      ]),
    );
  });
});
