import { ProfileError } from './errors.js';
import type { Profile } from './model.js';

export function readCpuprofile(json: unknown, file: string): Profile {
  void json;
  throw new ProfileError('unknown-format', file, 'cpuprofile reader not written yet');
}
