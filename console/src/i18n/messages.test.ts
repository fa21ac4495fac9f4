import { describe, expect, it } from 'vitest';
import { en, ko, placeholdersOf, translate } from './messages.js';

describe('the message catalogues', () => {
  it('hold the same keys in Korean and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(ko).sort());
  });

  it.each(Object.keys(ko) as (keyof typeof ko)[])('%s: both texts non-empty, with the same placeholders', (key) => {
    expect(ko[key].trim()).not.toBe('');
    expect(en[key].trim()).not.toBe('');
    expect(placeholdersOf(en[key])).toEqual(placeholdersOf(ko[key]));
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('ko', 'queue.count', { count: 3 })).toBe('3건');
    expect(translate('en', 'queue.newPriority', { plate: '43마9970' })).toBe('New priority hit: 43마9970');
    expect(translate('en', 'queue.count')).toBe('{count} hits');
  });
});
