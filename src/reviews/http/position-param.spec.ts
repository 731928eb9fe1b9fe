import { parsePosition } from './position-param';

describe('parsePosition', () => {
  it('reads plain decimal digits', () => {
    expect(parsePosition('position', '0')).toBe(0);
    expect(parsePosition('position', '1')).toBe(1);
    expect(parsePosition('position', '007')).toBe(7);
    expect(parsePosition('position', '100000')).toBe(100_000);
  });

  it('refuses anything else with a 400 naming the parameter', () => {
    for (const raw of [undefined, '', 'abc', '1.5', '1.0', '-1', '+1', ' 1', '1e2', '0x10', '100001', '9999999']) {
      expect(() => parsePosition('position', raw)).toThrow(expect.objectContaining({ code: 'validation-failed', extras: { errors: [{ pointer: 'path:position', detail: expect.any(String) }] } }));
    }
  });
});
