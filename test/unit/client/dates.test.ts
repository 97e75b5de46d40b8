// Unit tests: date fields read ISO and Danish day-first dates, and refuse days that do not exist.
import { describe, expect, it } from 'vitest';
import { readDateInput } from '../../../client/panels/dates.ts';

describe('readDateInput', () => {
  it('reads ISO and day-first dates as ISO', () => {
    expect(readDateInput('2025-10-31')).toBe('2025-10-31');
    expect(readDateInput('31-10-2025')).toBe('2025-10-31');
    expect(readDateInput('31.10.2025')).toBe('2025-10-31');
    expect(readDateInput('1/2/2025')).toBe('2025-02-01');
    expect(readDateInput('31. oktober 2025')).toBe('2025-10-31');
  });

  it('treats empty as no date and refuses what is not a real day', () => {
    expect(readDateInput('  ')).toBeNull();
    expect(readDateInput('2025-02-30')).toBeUndefined();
    expect(readDateInput('10/31/2025')).toBeUndefined();
    expect(readDateInput('i går')).toBeUndefined();
  });
});
