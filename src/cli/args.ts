/**
 * A small argument parser shared by every subcommand.
 * `list` options take every following token up to the next `--flag` (`--baseline a b c`),
 * and may also be repeated; `multi` options may be repeated (`--label a=1 --label b=2`).
 */
import { UsageError } from '../errors.js';
import { safeLine, streamGuard } from '../util/safe-text.js';

export type OptionKind = 'string' | 'number' | 'boolean' | 'list' | 'multi';

export interface OptionSpec {
  kind: OptionKind;
  short?: string;
  description?: string;
}

export type ParsedArgs = {
  positionals: string[];
  strings: Record<string, string | undefined>;
  numbers: Record<string, number | undefined>;
  flags: Record<string, boolean>;
  lists: Record<string, string[]>;
};

export function parseArgs(argv: string[], spec: Record<string, OptionSpec>): ParsedArgs {
  const out: ParsedArgs = { positionals: [], strings: {}, numbers: {}, flags: {}, lists: {} };
  const shorts = new Map<string, string>();
  for (const [name, s] of Object.entries(spec)) {
    if (s.short) shorts.set(s.short, name);
    if (s.kind === 'list' || s.kind === 'multi') out.lists[name] = [];
    if (s.kind === 'boolean') out.flags[name] = false;
  }
  const isFlag = (t: string) => /^--?[a-zA-Z]/.test(t);
  for (let i = 0; i < argv.length; i++) {
    const tok = argv[i];
    if (tok === '--') {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!isFlag(tok)) {
      out.positionals.push(tok);
      continue;
    }
    let name: string;
    let inline: string | undefined;
    if (tok.startsWith('--')) {
      const eq = tok.indexOf('=');
      name = eq >= 0 ? tok.slice(2, eq) : tok.slice(2);
      inline = eq >= 0 ? tok.slice(eq + 1) : undefined;
    } else {
      const n = shorts.get(tok.slice(1, 2));
      if (!n) throw new UsageError(`unknown option ${tok}`);
      name = n;
      inline = tok.length > 2 ? tok.slice(2) : undefined;
    }
    let s = spec[name];
    if (!s && name.startsWith('no-') && spec[name.slice(3)]?.kind === 'boolean') {
      out.flags[name.slice(3)] = false;
      continue;
    }
    if (!s) {
      const known = Object.keys(spec)
        .map((k) => `--${k}`)
        .join(', ');
      throw new UsageError(`unknown option --${name} (known: ${known})`);
    }
    // A value may start with a single '-' (a negative number, `--normalize-names -go-preempt`)
    // unless it is one of this command's short options; `--anything` is always an option.
    const knownOption = (t: string) => t.startsWith('--') || shorts.has(t.slice(1, 2));
    const takeValue = (): string => {
      if (inline !== undefined) return inline;
      const v = argv[i + 1];
      if (v === undefined || (isFlag(v) && !/^-\d/.test(v) && knownOption(v))) {
        throw new UsageError(`option --${name} needs a value`);
      }
      i++;
      return v;
    };
    switch (s.kind) {
      case 'boolean':
        if (inline !== undefined) {
          if (!/^(true|false|1|0|yes|no)$/i.test(inline))
            throw new UsageError(`option --${name} takes true or false, got "${inline}"`);
          out.flags[name] = /^(true|1|yes)$/i.test(inline);
        } else out.flags[name] = true;
        break;
      case 'string':
        out.strings[name] = takeValue();
        break;
      case 'number': {
        const raw = takeValue();
        const v = Number(raw);
        if (raw.trim() === '' || !Number.isFinite(v)) {
          throw new UsageError(`option --${name} needs a number, got "${raw}"`);
        }
        out.numbers[name] = v;
        break;
      }
      case 'multi':
        out.lists[name].push(takeValue());
        break;
      case 'list': {
        if (inline !== undefined) {
          out.lists[name].push(inline);
          break;
        }
        let n = 0;
        while (i + 1 < argv.length && !isFlag(argv[i + 1]) && argv[i + 1] !== '--') {
          out.lists[name].push(argv[++i]);
          n++;
        }
        if (n === 0) throw new UsageError(`option --${name} needs at least one value`);
        break;
      }
    }
    s = undefined as unknown as OptionSpec;
  }
  return out;
}

export function helpText(usage: string, spec: Record<string, OptionSpec>): string {
  const lines = [usage, '', 'Options:'];
  for (const [name, s] of Object.entries(spec)) {
    const arg =
      s.kind === 'boolean'
        ? ''
        : s.kind === 'list'
          ? ' VALUE...'
          : s.kind === 'number'
            ? ' N'
            : ' VALUE';
    lines.push(`  --${name}${arg}`.padEnd(30) + (s.description ?? ''));
  }
  return lines.join('\n');
}

/** Where a command writes: injectable so tests can capture output. */
export interface CliIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /**
   * A status line rewritten in place on an interactive terminal (capture progress): the text
   * of the line, without line breaks; absent where output is not a terminal.
   */
  status?: (line: string | undefined) => void;
  /**
   * Writes a workflow command for the GitHub runner (an annotation) on stderr, its message
   * escaped as the runner expects; set by safeIO, the only way a command reaches the output.
   */
  annotate?: (level: 'warning' | 'error' | 'notice', message: string) => void;
  cwd: string;
  env: Record<string, string | undefined>;
}

export const processIO = (): CliIO => ({
  stdout: (s) => process.stdout.write(s),
  stderr: (s) => process.stderr.write(s),
  status: process.stderr.isTTY
    ? (line) => process.stderr.write(line === undefined ? '\r\x1b[K' : `\r\x1b[K${line}`)
    : undefined,
  cwd: process.cwd(),
  env: process.env,
});

/**
 * The IO every command gets (util/safe-text.ts): what it writes to stdout and stderr has
 * registered secrets masked, control characters and terminal escapes replaced and workflow
 * commands defused, even across pieces written separately; a status line is one safe line.
 */
export function safeIO(io: CliIO): CliIO {
  const out = streamGuard();
  const err = streamGuard();
  const status = io.status;
  return {
    ...io,
    stdout: (s) => io.stdout(out(s)),
    stderr: (s) => io.stderr(err(s)),
    status: status ? (line) => status(line === undefined ? undefined : safeLine(line)) : undefined,
    annotate: (level, message) => {
      // the runner's escaping of command data: %, CR, LF (the message is one safe line anyway)
      const data = safeLine(message).replace(/%/g, '%25');
      io.stderr(`::${level}::${data}\n`);
    },
  };
}
