import { ProfileError } from './errors.js';
import type { Profile } from './model.js';

export function readSpeedscope(json: unknown, file: string): Profile {
  void json;
  throw new ProfileError('unknown-format', file, 'speedscope reader not written yet');
}
