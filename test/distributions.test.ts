import { describe, expect, it } from 'vitest';
import {
  incompleteBeta,
  logGamma,
  normalUpperTail,
  tQuantileUpper,
  tUpperTail,
} from '../src/stats/distributions.js';

// Reference values from standard statistical tables.
describe('distributions', () => {
  it('log-gamma', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 12);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 12);
  });
  it('incomplete beta', () => {
    expect(incompleteBeta(0.5, 2, 2)).toBeCloseTo(0.5, 12);
    expect(incompleteBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
  });
  it('normal tail', () => {
    expect(normalUpperTail(0)).toBeCloseTo(0.5, 12);
    expect(normalUpperTail(1.959964)).toBeCloseTo(0.025, 8);
    expect(normalUpperTail(3)).toBeCloseTo(0.001349898, 9);
    expect(normalUpperTail(6) / 9.8658765e-10).toBeCloseTo(1, 6);
  });
  it('t tail and quantiles', () => {
    expect(tQuantileUpper(0.025, 4)).toBeCloseTo(2.776445, 5);
    expect(tQuantileUpper(0.025, 18)).toBeCloseTo(2.100922, 5);
    expect(tQuantileUpper(0.005, 9)).toBeCloseTo(3.249836, 5);
    expect(tQuantileUpper(0.025, Infinity)).toBeCloseTo(1.959964, 5);
    expect(tUpperTail(2.228139, 10)).toBeCloseTo(0.025, 6);
    expect(tUpperTail(-1, 5)).toBeCloseTo(1 - tUpperTail(1, 5), 12);
  });
});
