// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { shapeReportText } from './shape-report';

describe('the recorded shapes as text', () => {
  it('has a header, a legend, then per operation its variables and answer as path: types lines', () => {
    const text = shapeReportText({
      version: '0.1.0',
      until: '2025-03-01T10:01:00.000Z',
      operations: [
        { operation: 'OrgData', variables: [['product', ['string']]], response: [['data', ['object']], ['data.org.plan', ['string', 'null']]], queryText: true },
        { operation: 'Users', variables: [], response: [['data.*', ['array']]], queryText: false },
      ],
    });
    expect(text).toBe(
      [
        'Admin Lens for Amplitude: data shapes',
        'Recorded for 60 s until: 2025-03-01T10:01:00.000Z',
        'Extension version: 0.1.0',
        'Field names and value types only, never values. "*" stands for a key that is not a field name of the page\'s query (it could be data, so it is hidden); "[]" for the items of a list.',
        '',
        'OrgData',
        '  variables:',
        '    product: string',
        '  answer:',
        '    data: object',
        '    data.org.plan: string | null',
        '',
        'Users',
        '  (the page sent no query text, so the field names of its data are hidden as "*")',
        '  variables:',
        '    (none)',
        '  answer:',
        '    data.*: array',
        '',
      ].join('\n'),
    );
  });

  it('says so when nothing was seen', () => {
    expect(shapeReportText({ version: '0.1.0', until: '2025-03-01T10:01:00.000Z', operations: [] })).toContain('\n\nNo data request of the page was seen while recording.');
  });
});
