/** The training settings form's field table: every field edits a real setting, once, with its own test id. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../src/lib/training/config';
import { CADENCE_FIELDS, MAIN_FIELDS } from '../../src/views/training/settingsFields';

describe('settings fields', () => {
  const fields = [...MAIN_FIELDS, ...CADENCE_FIELDS];

  it('edits each setting once, in the form order', () => {
    expect(fields.map((f) => f.key)).toEqual([
      'optimizer',
      'learningRate',
      'schedule',
      'batchSize',
      'epochs',
      'init',
      'seed',
      'snapshotEvery',
      'validateEvery',
    ]);
    for (const f of fields) expect(Object.keys(DEFAULT_CONFIG)).toContain(f.key);
  });

  it('gives every field its own test id, and every choice includes the default', () => {
    expect(new Set(fields.map((f) => f.testid)).size).toBe(fields.length);
    for (const f of fields)
      if (f.kind === 'choice') expect(f.options.map((o) => o.value)).toContain(DEFAULT_CONFIG[f.key]);
  });

  it('keeps only the snapshot cadence editable during a run', () => {
    expect(fields.filter((f) => f.kind === 'number' && f.live).map((f) => f.key)).toEqual(['snapshotEvery']);
  });
});
