/** Line iteration over a (possibly very large) text without an array of all its lines. */

/**
 * Calls fn(line, index) for every line of `text`, split on \r\n, \r or \n as
 * String.split(/\r\n|\r|\n/) would (a trailing empty line included), one line at a time.
 */
export function forEachLine(text: string, fn: (line: string, index: number) => void): void {
  const re = /\r\n|\r|\n/g;
  let start = 0;
  let index = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    fn(text.slice(start, m.index), index++);
    start = m.index + m[0].length;
  }
  fn(text.slice(start), index);
}
