import { ProfileError } from './errors.js';
import type { Profile } from './model.js';

export function readFolded(text: string, file: string): Profile {
  void text;
  throw new ProfileError('unknown-format', file, 'folded reader not written yet');
}
