#!/usr/bin/env node
import { createRequire as __pgCreateRequire } from 'node:module'; const require = __pgCreateRequire(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __esm = (fn, res, err) => function __init() {
  if (err) throw err[0];
  try {
    return fn && (res = (0, fn[__getOwnPropNames(fn)[0]])(fn = 0)), res;
  } catch (e) {
    throw err = [e], e;
  }
};
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __export = (target, all) => {
  for (var name in all)
    __defProp(target, name, { get: all[name], enumerable: true });
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key2 of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key2) && key2 !== except)
        __defProp(to, key2, { get: () => from[key2], enumerable: !(desc = __getOwnPropDesc(from, key2)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// src/errors.ts
function isUserError(e) {
  return e instanceof UserError;
}
var UserError, UsageError;
var init_errors = __esm({
  "src/errors.ts"() {
    "use strict";
    UserError = class extends Error {
    };
    UsageError = class extends UserError {
      name = "UsageError";
    };
  }
});

// src/util/secrets.ts
function secretVariants(secret) {
  if (secret.length < MIN_SECRET) return [];
  const out = /* @__PURE__ */ new Set([secret]);
  const bytes = Buffer.from(secret, "utf8");
  for (let shift = 0; shift < 3; shift++) {
    const b64 = Buffer.concat([Buffer.alloc(shift), bytes]).toString("base64");
    const from = Math.ceil(shift * 8 / 6);
    const to = Math.floor((shift + bytes.length) * 8 / 6);
    const core = b64.slice(from, to);
    if (core.length >= MIN_VARIANT) {
      out.add(core);
      out.add(core.replace(/\+/g, "-").replace(/\//g, "_"));
    }
  }
  const full = bytes.toString("base64");
  out.add(full);
  out.add(bytes.toString("base64url"));
  out.add(encodeURIComponent(secret));
  out.add(encodeURIComponent(secret).replace(/%20/g, "+"));
  out.add(JSON.stringify(secret).slice(1, -1));
  return [...out].filter((v) => v.length >= MIN_SECRET);
}
function makeMasker(secrets) {
  const list = [...new Set(secrets.flatMap(secretVariants))].sort((a, b) => b.length - a.length);
  if (list.length === 0) return (s) => s;
  return (s) => {
    let out = s;
    for (const sec of list) if (out.includes(sec)) out = out.split(sec).join(MASK);
    return out;
  };
}
function registerSecret(...secrets) {
  let added = false;
  for (const s of secrets) {
    if (s !== void 0 && s.length >= MIN_SECRET && !registered.has(s)) {
      registered.add(s);
      added = true;
    }
  }
  if (added) masker = makeMasker([...registered]);
}
function maskSecrets(s) {
  return masker(s);
}
var MASK, MIN_SECRET, MIN_VARIANT, registered, masker;
var init_secrets = __esm({
  "src/util/secrets.ts"() {
    "use strict";
    MASK = "***";
    MIN_SECRET = 3;
    MIN_VARIANT = 6;
    registered = /* @__PURE__ */ new Set();
    masker = (s) => s;
  }
});

// src/util/safe-text.ts
function replaceControls(s) {
  return s.replace(UNSAFE, REPLACEMENT);
}
function replaceControlsOneLine(s) {
  return s.replace(UNSAFE_OR_BREAK, REPLACEMENT);
}
function defuseCommands(text) {
  let out = text.includes("##[") ? text.split("##[").join(`#${ZWSP}#[`) : text;
  if (!out.includes("::")) return out;
  out = out.split("\n").map((line) => {
    const lead = LEADING_SPACE.exec(line)[0].length;
    return line.startsWith("::", lead) ? `${line.slice(0, lead)}:${ZWSP}${line.slice(lead + 1)}` : line;
  }).join("\n");
  return out;
}
function safeText(text) {
  return defuseCommands(replaceControls(maskSecrets(text)));
}
function safeLine(text) {
  return defuseCommands(replaceControlsOneLine(maskSecrets(text)));
}
function shortenName(name, max = MAX_NAME_CHARS) {
  if (name.length <= max) return name;
  const marker = (cut) => `\u2026[${cut} chars cut]\u2026`;
  const room = max - marker(name.length).length;
  let head = Math.ceil(room * 0.6);
  let tail = room - head;
  if (isHigh(name.charCodeAt(head - 1))) head--;
  if (isLow(name.charCodeAt(name.length - tail))) tail--;
  return name.slice(0, head) + marker(name.length - head - tail) + name.slice(name.length - tail);
}
function safeName(name) {
  return safeLine(shortenName(name));
}
function standsAlone(text, from, to) {
  const before = from === 0 ? " " : text[from - 1];
  const after2 = to === text.length ? " " : text[to];
  return /[\s(]/.test(before) && /[\s),;:]/.test(after2);
}
function mapNames(text, names, render, other = (t) => t) {
  const list = [...new Set(names.filter((n) => n !== "" && text.includes(n)))].sort(
    (a, b) => b.length - a.length
  );
  if (list.length === 0) return other(text);
  let out = "";
  let i = 0;
  while (i < text.length) {
    let best = -1;
    let bestName = "";
    for (const n of list) {
      let at = text.indexOf(n, i);
      while (at >= 0 && !standsAlone(text, at, at + n.length)) at = text.indexOf(n, at + 1);
      if (at >= 0 && (best < 0 || at < best || at === best && n.length > bestName.length)) {
        best = at;
        bestName = n;
      }
    }
    if (best < 0) break;
    out += other(text.slice(i, best)) + render(bestName);
    i = best + bestName.length;
  }
  return out + other(text.slice(i));
}
function shortenLongRuns(text) {
  return text.length > MAX_NAME_CHARS ? text.replace(LONG_RUN, (m) => shortenName(m)) : text;
}
function safeSentence(text, names = []) {
  const long = names.filter((n) => !!n && n.length > MAX_NAME_CHARS);
  return safeLine(shortenLongRuns(long.length ? mapNames(text, long, shortenName) : text));
}
function safeJsonText(json) {
  return json.replace(
    new RegExp(
      `[${cp(127, 159)}${cp(1564)}${cp(8206, 8207)}${cp(8232, 8238)}${cp(8294, 8297)}${cp(65279)}${cp(65529, 65531)}]`,
      "g"
    ),
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`
  ).split("##[").join("#\\u0023[");
}
function streamGuard() {
  let lead = "ws";
  let tail = "";
  return (piece) => {
    if (piece === "") return piece;
    let out = safeText(piece);
    const c = out[0];
    if (c === ":" && lead === "colon" || c === "#" && tail.endsWith("#") && out[1] === "[" || c === "[" && tail.endsWith("##")) {
      out = ZWSP + out;
    }
    const nl = out.lastIndexOf("\n");
    const rest = nl >= 0 ? out.slice(nl + 1) : out;
    if (nl >= 0) {
      lead = "ws";
      tail = "";
    }
    for (const ch of rest) {
      if (lead === "other") break;
      if (lead === "ws" && LEADING_SPACE.exec(ch)[0] === ch) continue;
      lead = lead === "ws" && ch === ":" ? "colon" : "other";
    }
    tail = (tail + rest).slice(-2);
    return out;
  };
}
var MAX_NAME_CHARS, ZWSP, REPLACEMENT, cp, UNSAFE_CLASS, LONE_SURROGATE, UNSAFE, UNSAFE_OR_BREAK, LEADING_SPACE, isHigh, isLow, LONG_RUN;
var init_safe_text = __esm({
  "src/util/safe-text.ts"() {
    "use strict";
    init_secrets();
    MAX_NAME_CHARS = 500;
    ZWSP = "\u200B";
    REPLACEMENT = "\uFFFD";
    cp = (from, to = from) => from === to ? `\\u${from.toString(16).padStart(4, "0")}` : `\\u${from.toString(16).padStart(4, "0")}-\\u${to.toString(16).padStart(4, "0")}`;
    UNSAFE_CLASS = [
      cp(0, 8),
      cp(11, 31),
      // VT, FF, CR, ... ESC ...
      cp(127, 159),
      // DEL, C1 (NEL, CSI, OSC, ST)
      cp(1564),
      // Arabic letter mark
      cp(8206, 8207),
      // LRM, RLM
      cp(8232, 8238),
      // line / paragraph separators, embeddings and overrides
      cp(8294, 8297),
      // isolates
      cp(65279),
      // byte-order mark (JavaScript trims it, .NET does not)
      cp(65529, 65531)
      // interlinear annotations
    ].join("");
    LONE_SURROGATE = "[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]";
    UNSAFE = new RegExp(`[${UNSAFE_CLASS}]|${LONE_SURROGATE}`, "g");
    UNSAFE_OR_BREAK = new RegExp(`[${UNSAFE_CLASS}\\t\\n]|${LONE_SURROGATE}`, "g");
    LEADING_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff\u180e]*/;
    isHigh = (c) => c >= 55296 && c <= 56319;
    isLow = (c) => c >= 56320 && c <= 57343;
    LONG_RUN = new RegExp(`\\S{${MAX_NAME_CHARS + 1},}`, "g");
  }
});

// src/version.ts
var VERSION;
var init_version = __esm({
  "src/version.ts"() {
    "use strict";
    VERSION = "0.1.0";
  }
});

// src/cli/args.ts
function parseArgs(argv, spec) {
  const out = { positionals: [], strings: {}, numbers: {}, flags: {}, lists: {} };
  const shorts = /* @__PURE__ */ new Map();
  for (const [name, s] of Object.entries(spec)) {
    if (s.short) shorts.set(s.short, name);
    if (s.kind === "list" || s.kind === "multi") out.lists[name] = [];
    if (s.kind === "boolean") out.flags[name] = false;
  }
  const isFlag = (t) => /^--?[a-zA-Z]/.test(t);
  for (let i = 0; i < argv.length; i++) {
    const tok = argv[i];
    if (tok === "--") {
      out.positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!isFlag(tok)) {
      out.positionals.push(tok);
      continue;
    }
    let name;
    let inline;
    if (tok.startsWith("--")) {
      const eq = tok.indexOf("=");
      name = eq >= 0 ? tok.slice(2, eq) : tok.slice(2);
      inline = eq >= 0 ? tok.slice(eq + 1) : void 0;
    } else {
      const n = shorts.get(tok.slice(1, 2));
      if (!n) throw new UsageError(`unknown option ${tok}`);
      name = n;
      inline = tok.length > 2 ? tok.slice(2) : void 0;
    }
    let s = spec[name];
    if (!s && name.startsWith("no-") && spec[name.slice(3)]?.kind === "boolean") {
      out.flags[name.slice(3)] = false;
      continue;
    }
    if (!s) {
      const known = Object.keys(spec).map((k) => `--${k}`).join(", ");
      throw new UsageError(`unknown option --${name} (known: ${known})`);
    }
    const knownOption = (t) => t.startsWith("--") || shorts.has(t.slice(1, 2));
    const takeValue = () => {
      if (inline !== void 0) return inline;
      const v = argv[i + 1];
      if (v === void 0 || isFlag(v) && !/^-\d/.test(v) && knownOption(v)) {
        throw new UsageError(`option --${name} needs a value`);
      }
      i++;
      return v;
    };
    switch (s.kind) {
      case "boolean":
        if (inline !== void 0) {
          if (!/^(true|false|1|0|yes|no)$/i.test(inline))
            throw new UsageError(`option --${name} takes true or false, got "${inline}"`);
          out.flags[name] = /^(true|1|yes)$/i.test(inline);
        } else out.flags[name] = true;
        break;
      case "string":
        out.strings[name] = takeValue();
        break;
      case "number": {
        const raw = takeValue();
        const v = Number(raw);
        if (raw.trim() === "" || !Number.isFinite(v)) {
          throw new UsageError(`option --${name} needs a number, got "${raw}"`);
        }
        out.numbers[name] = v;
        break;
      }
      case "multi":
        out.lists[name].push(takeValue());
        break;
      case "list": {
        if (inline !== void 0) {
          out.lists[name].push(inline);
          break;
        }
        let n = 0;
        while (i + 1 < argv.length && !isFlag(argv[i + 1]) && argv[i + 1] !== "--") {
          out.lists[name].push(argv[++i]);
          n++;
        }
        if (n === 0) throw new UsageError(`option --${name} needs at least one value`);
        break;
      }
    }
    s = void 0;
  }
  return out;
}
function helpText(usage2, spec) {
  const lines = [usage2, "", "Options:"];
  for (const [name, s] of Object.entries(spec)) {
    const arg = s.kind === "boolean" ? "" : s.kind === "list" ? " VALUE..." : s.kind === "number" ? " N" : " VALUE";
    lines.push(`  --${name}${arg}`.padEnd(30) + (s.description ?? ""));
  }
  return lines.join("\n");
}
function safeIO(io) {
  const out = streamGuard();
  const err = streamGuard();
  const status = io.status;
  return {
    ...io,
    stdout: (s) => io.stdout(out(s)),
    stderr: (s) => io.stderr(err(s)),
    status: status ? (line) => status(line === void 0 ? void 0 : safeLine(line)) : void 0,
    annotate: (level, message) => {
      const data = safeLine(message).replace(/%/g, "%25");
      io.stderr(`::${level}::${data}
`);
    }
  };
}
var processIO;
var init_args = __esm({
  "src/cli/args.ts"() {
    "use strict";
    init_errors();
    init_safe_text();
    processIO = () => ({
      stdout: (s) => process.stdout.write(s),
      stderr: (s) => process.stderr.write(s),
      status: process.stderr.isTTY ? (line) => process.stderr.write(line === void 0 ? "\r\x1B[K" : `\r\x1B[K${line}`) : void 0,
      cwd: process.cwd(),
      env: process.env
    });
  }
});

// src/profile/errors.ts
function readerGuard(code, file, describe2, read) {
  try {
    return read();
  } catch (e) {
    if (e instanceof ProfileError) throw e;
    throw new ProfileError(code, file, describe2(e instanceof Error ? e.message : String(e)));
  }
}
var ProfileError;
var init_errors2 = __esm({
  "src/profile/errors.ts"() {
    "use strict";
    init_errors();
    ProfileError = class extends UserError {
      constructor(code, file, detail) {
        super(`${file}: ${detail}`);
        this.code = code;
        this.file = file;
        this.detail = detail;
      }
      code;
      file;
      detail;
      name = "ProfileError";
    };
  }
});

// src/profile/normalize.ts
function matchBrackets(name) {
  const match = new Int32Array(name.length).fill(-1);
  const open = [];
  let quote = "";
  for (let k = 0; k < name.length; k++) {
    const d = name[k];
    if (quote) {
      if (d === "\\") k++;
      else if (d === quote) quote = "";
      continue;
    }
    if (open.length > 0 && (d === '"' || d === "`")) quote = d;
    else if (d === "[") open.push(k);
    else if (d === "]" && open.length > 0) match[open.pop()] = k;
  }
  return match;
}
function collapseGoTypeParams(name) {
  if (!name.includes("[")) return name;
  const match = matchBrackets(name);
  let out = "";
  let i = 0;
  while (i < name.length) {
    const c = name[i];
    const prev = i > 0 ? name[i - 1] : "";
    if (c === "[" && /[\w)*]/.test(prev)) {
      const j = match[i];
      if (j > i + 1) {
        out += "[...]";
        i = j + 1;
        continue;
      }
    }
    out += c;
    i++;
  }
  return out;
}
function makeNormalizer(spec = "on") {
  const s = spec.trim();
  let active2;
  if (s === "" || s === "on" || s === "default" || s === "true")
    active2 = RULES.filter((r) => r.defaultOn);
  else if (s === "off" || s === "none" || s === "false") active2 = [];
  else if (s === "all") active2 = [...RULES];
  else {
    const parts2 = s.split(",").map((p) => p.trim()).filter(Boolean);
    const subtractive = parts2.every((p) => p.startsWith("-"));
    const set = new Set(subtractive ? RULES.filter((r) => r.defaultOn).map((r) => r.name) : []);
    for (const p of parts2) {
      const name = p.replace(/^[-+]/, "");
      if (!RULES.some((r) => r.name === name)) {
        throw new UsageError(
          `unknown name-normalization rule "${name}"; known: ${RULES.map((r) => r.name).join(", ")} (or on, off, all)`
        );
      }
      if (p.startsWith("-")) set.delete(name);
      else set.add(name);
    }
    active2 = RULES.filter((r) => set.has(r.name));
  }
  const cache = /* @__PURE__ */ new Map();
  const fn = ((name) => {
    let out = cache.get(name);
    if (out === void 0) {
      out = name;
      for (const r of active2) out = r.apply(out);
      cache.set(name, out);
    }
    return out;
  });
  fn.rules = active2.map((r) => r.name);
  const folds = active2.filter((r) => r.fold).map((r) => r.fold);
  if (folds.length) fn.fold = (name) => folds.some((f) => f(name));
  return fn;
}
var RULES;
var init_normalize = __esm({
  "src/profile/normalize.ts"() {
    "use strict";
    init_errors();
    RULES = [
      {
        // Go's asynchronous preemption (1.14+) injects runtime.asyncPreempt as if the interrupted
        // function had called it; under CPU contention it takes a sizable, fluctuating share
        // (0.2-2.4% between runs, 8.5% in one contended capture, a third of it on top of one hot
        // function) that belongs to the function it interrupted.
        name: "go-preempt",
        description: "Go preemption frames (`runtime.asyncPreempt` and what it calls) are folded into the interrupted function (pprof profiles)",
        defaultOn: true,
        apply: (n) => n,
        fold: (n) => n === "runtime.asyncPreempt"
      },
      {
        name: "addresses",
        description: "unsymbolized frames `[lib.so]+0x1a2b` become `[lib.so]` (addresses move between builds)",
        defaultOn: true,
        apply: (n) => n.replace(/^(\[[^\]]*\]|<unknown>)\+0x[0-9a-f]+$/, "$1")
      },
      {
        // Before go-generics, which would otherwise read `run_[j]` as a type parameter list.
        name: "frame-suffix",
        description: "async-profiler / stackcollapse annotations `_[j]` `_[i]` `_[k]` `_[0]` `_[1]` are removed",
        defaultOn: true,
        apply: (n) => n.replace(/_\[[jik01]\]$/, "")
      },
      {
        name: "go-generics",
        description: "Go generic instantiations `F[go.shape.int]` become `F[...]`",
        defaultOn: true,
        apply: collapseGoTypeParams
      },
      {
        name: "rust-hash",
        description: "Rust legacy symbol hashes `::h0123456789abcdef` are removed",
        defaultOn: true,
        apply: (n) => n.replace(/::h[0-9a-f]{16}(?=$|[\s)])/g, "")
      },
      {
        name: "java-generated",
        description: "Java lambda numbering (`lambda$run$3`), hidden classes (`$$Lambda$12/0x..`), CGLIB and accessor numbers",
        defaultOn: true,
        apply: (n) => n.replace(/lambda\$(\w+)\$\d+/g, "lambda$$$1").replace(/\$\$Lambda(?:\$\d+)?(?:[/+.]0x[0-9a-f]+)?(?:\/\d+)?/g, "$$$$Lambda").replace(/\$\$EnhancerBySpringCGLIB\$\$[0-9a-f]+/g, "").replace(/GeneratedMethodAccessor\d+/g, "GeneratedMethodAccessor")
      },
      {
        name: "process-roots",
        description: "process and thread root frames lose their ids: `java-123/456` -> `java`, `[main tid=7]` -> `[main]`, `thread (0x7f..)` -> `thread`",
        defaultOn: true,
        apply: (n) => n.replace(/^(.+?)-(?:\d+|\?)\/\d+$/, "$1").replace(
          /^\[([^\]]*) tid=\d+\]$|^\[tid=\d+\]$/,
          (_m, t) => t?.trim() ? `[${t.trim()}]` : "[thread]"
        ).replace(/^thread \(0x[0-9a-fA-F]+\)(.*)$/, "thread$1").replace(/^process \d+:/, "process:")
      },
      {
        name: "python-lines",
        description: "py-spy line numbers `handle (app.py:42)` become `handle (app.py)`",
        defaultOn: true,
        apply: (n) => n.replace(/^(.* \([^():]+\.pyx?):\d+\)$/, "$1)")
      },
      {
        name: "cpp-clones",
        description: "C/C++ compiler clones `[clone .isra.0]`, `.constprop.N`, `.part.N`, `.cold` are removed",
        defaultOn: true,
        apply: (n) => n.replace(/ \[clone [^\]\s]{1,64}\]/g, "").replace(/\.(?:constprop|part|isra|lto_priv)\.\d+/g, "").replace(/\.cold(?:\.\d+)?$/, "")
      },
      {
        name: "go-closures",
        description: "Go closures `F.func1.2` are charged to the enclosing function `F` (off by default: merges closure time into its parent)",
        defaultOn: false,
        apply: (n) => n.replace(/(\.func\d+|\.\d+)+$/, "")
      }
    ];
  }
});

// src/profile/aggregate.ts
function selectSampleType(p, name, file) {
  if (!name) return p.defaultSampleType;
  const want = [name, ...ALIASES[name] ?? []];
  for (const w of want) {
    const i = p.sampleTypes.findIndex((t) => t.type === w);
    if (i >= 0) return i;
  }
  throw new ProfileError(
    "sample-type",
    file,
    `has no sample type "${name}"; it has: ${p.sampleTypes.map((t) => `${t.type} (${t.unit})`).join(", ")}`
  );
}
function normalizedIds(functions, normalize) {
  const names = [];
  const index = /* @__PURE__ */ new Map();
  const rawNames = /* @__PURE__ */ new Map();
  const listed = /* @__PURE__ */ new Map();
  const map = new Uint32Array(functions.length);
  functions.forEach((raw, i) => {
    const n = normalize(raw);
    let id = index.get(n);
    if (id === void 0) {
      id = names.length;
      names.push(n);
      index.set(n, id);
    }
    map[i] = id;
    if (n !== raw) addRawName(rawNames, listed, n, raw);
  });
  return { map, names, rawNames };
}
function addRawName(rawNames, listed, name, raw) {
  let seen = listed.get(name);
  if (!seen) {
    seen = new Set(rawNames.get(name));
    listed.set(name, seen);
  }
  if (seen.has(raw)) return;
  seen.add(raw);
  const list = rawNames.get(name);
  if (list) list.push(raw);
  else rawNames.set(name, [raw]);
}
function aggregate(p, typeIndex, normalize = makeNormalizer("on")) {
  const { map, names, rawNames } = normalizedIds(p.functions, normalize);
  const self2 = new Float64Array(names.length);
  const cum = new Float64Array(names.length);
  const stamp = new Int32Array(names.length).fill(-1);
  const vals = p.values[typeIndex];
  const off = p.stackOffsets;
  const frames = p.stackFrames;
  const n = off.length - 1;
  let total = 0;
  for (let s = 0; s < n; s++) {
    const v = vals[s];
    if (v === 0) continue;
    total += v;
    const a = off[s];
    const b = off[s + 1];
    if (a === b) continue;
    self2[map[frames[a]]] += v;
    for (let k = a; k < b; k++) {
      const f = map[frames[k]];
      if (stamp[f] !== s) {
        stamp[f] = s;
        cum[f] += v;
      }
    }
  }
  return { type: p.sampleTypes[typeIndex], names, self: self2, cum, total, rawNames, samples: n };
}
function mergeTotals(list) {
  if (list.length === 1) return list[0];
  const names = [];
  const index = /* @__PURE__ */ new Map();
  const selfL = [];
  const cumL = [];
  const rawNames = /* @__PURE__ */ new Map();
  const listed = /* @__PURE__ */ new Map();
  let total = 0;
  let samples = 0;
  for (const t of list) {
    total += t.total;
    samples += t.samples;
    t.names.forEach((n, i) => {
      let id = index.get(n);
      if (id === void 0) {
        id = names.length;
        names.push(n);
        index.set(n, id);
        selfL.push(0);
        cumL.push(0);
      }
      selfL[id] += t.self[i];
      cumL[id] += t.cum[i];
    });
    for (const [n, raws] of t.rawNames) for (const r of raws) addRawName(rawNames, listed, n, r);
  }
  return {
    type: list[0].type,
    names,
    self: Float64Array.from(selfL),
    cum: Float64Array.from(cumL),
    total,
    rawNames,
    samples
  };
}
var ALIASES;
var init_aggregate = __esm({
  "src/profile/aggregate.ts"() {
    "use strict";
    init_errors2();
    init_normalize();
    ALIASES = {
      inuse_space: ["space"],
      inuse_objects: ["objects"],
      space: ["inuse_space"],
      objects: ["inuse_objects"],
      samples: ["sample"],
      sample: ["samples"],
      cpu: ["process_cpu"]
    };
  }
});

// src/profile/limits.ts
function fmtCount(n) {
  return n.toLocaleString("en-US");
}
function limitError(file, what, limit) {
  return new ProfileError(
    "too-large",
    file,
    `${what} (the limit; raise it with ${LIMIT_FLAGS[limit]}, in the Action ${LIMIT_FLAGS[limit].slice(2)}, if the input is genuine)`
  );
}
function definedOnly(l) {
  const out = {};
  for (const [k, v] of Object.entries(l)) {
    if (v !== void 0) out[k] = v;
  }
  return out;
}
function withBudget(budget, file, read) {
  const b = budget ?? new Budget();
  const outer = active;
  const outerFile = b.file;
  if (!b.accumulate && outer !== b) b.frames = 0;
  active = b;
  b.file = file;
  try {
    return read();
  } finally {
    active = outer;
    b.file = outerFile;
  }
}
function activeBudget() {
  return active ?? new Budget();
}
function checkJsonShape(text, budget) {
  const maxDepth2 = 2 * budget.limits.maxStackDepth + 64;
  const maxNodes = budget.limits.maxJsonNodes;
  let depth = 0;
  let nodes = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      for (i++; i < n; i++) {
        const d = text.charCodeAt(i);
        if (d === 92) i++;
        else if (d === 34) break;
      }
    } else if (c === 123 || c === 91) {
      if (++depth > maxDepth2) {
        throw limitError(
          budget.file,
          `JSON nested more than ${fmtCount(maxDepth2)} levels deep`,
          "maxStackDepth"
        );
      }
      nodes++;
    } else if (c === 125 || c === 93) {
      depth--;
      continue;
    } else if (c === 44) {
      nodes++;
    } else continue;
    if (nodes > maxNodes) {
      throw limitError(
        budget.file,
        `JSON document with more than ${fmtCount(maxNodes)} values`,
        "maxJsonNodes"
      );
    }
    if ((nodes & 65535) === 0) budget.tick();
  }
}
var MIB, DEFAULT_LIMITS, LIMIT_FLAGS, FUNCTION_COST, FLAME_NODE_COST, CLOCK_EVERY, Budget, active;
var init_limits = __esm({
  "src/profile/limits.ts"() {
    "use strict";
    init_errors2();
    MIB = 1024 * 1024;
    DEFAULT_LIMITS = {
      maxInputBytes: 128 * MIB,
      maxStackDepth: 8192,
      maxFrames: 64e6,
      maxJsonNodes: 16e6
    };
    LIMIT_FLAGS = {
      maxInputBytes: "--max-input-mb",
      maxStackDepth: "--max-stack-depth",
      maxFrames: "--max-frames",
      maxJsonNodes: "--max-json-nodes"
    };
    FUNCTION_COST = 64;
    FLAME_NODE_COST = 100;
    CLOCK_EVERY = 1 << 16;
    Budget = class {
      /**
       * @param accumulate  charge frames across profiles (their stacks are kept); else each
       *   withBudget() call starts from zero
       * @param deadline  Date.now() value by which decoding must be done, and what sets it
       */
      constructor(limits = {}, accumulate = false, deadline) {
        this.accumulate = accumulate;
        this.deadline = deadline;
        this.limits = { ...DEFAULT_LIMITS, ...definedOnly(limits) };
      }
      accumulate;
      deadline;
      limits;
      /** Frames (and frame equivalents) charged so far. */
      frames = 0;
      sinceClock = 0;
      /** The file being decoded (for messages). */
      file = "(input)";
      /** Charges `n` frames (or frame equivalents); throws when the budget is used up. */
      charge(n, what = "frames") {
        this.frames += n;
        if (this.frames > this.limits.maxFrames) {
          const counted = what === "frames" ? "" : ` (counting ${what})`;
          throw limitError(
            this.file,
            this.accumulate ? `the profiles read so far need more than ${fmtCount(this.limits.maxFrames)} stack frames${counted}` : `decoding needs more than ${fmtCount(this.limits.maxFrames)} stack frames${counted}`,
            "maxFrames"
          );
        }
        this.sinceClock += n;
        if (this.sinceClock >= CLOCK_EVERY) this.tick();
      }
      /** Throws when one stack is deeper than the limit. */
      depth(n) {
        if (n > this.limits.maxStackDepth) {
          throw limitError(
            this.file,
            `a stack has ${fmtCount(n)} frames, more than ${fmtCount(this.limits.maxStackDepth)}`,
            "maxStackDepth"
          );
        }
      }
      /** Throws when the deadline has passed (cheap enough to call every few thousand steps). */
      tick() {
        this.sinceClock = 0;
        if (this.deadline && Date.now() > this.deadline.at) {
          throw new ProfileError(
            "timeout",
            this.file,
            `decoding did not finish within ${this.deadline.what}`
          );
        }
      }
    };
  }
});

// src/profile/model.ts
var ProfileBuilder;
var init_model = __esm({
  "src/profile/model.ts"() {
    "use strict";
    init_limits();
    ProfileBuilder = class {
      constructor(sampleTypes) {
        this.sampleTypes = sampleTypes;
        this.vals = sampleTypes.map(() => new Float64Array(256));
        this.sampleCost = 1 + 2 * sampleTypes.length;
      }
      sampleTypes;
      budget = activeBudget();
      /** Frame equivalents a sample's offset and values cost. */
      sampleCost;
      names = /* @__PURE__ */ new Map();
      functions = [];
      frames = new Uint32Array(1024);
      nFrames = 0;
      offsets = new Uint32Array(256);
      nSamples = 0;
      vals;
      labelIds;
      labelSetIndex = /* @__PURE__ */ new Map();
      labelSets = [];
      /** Returns the id of a function name, adding it on first sight. */
      fn(name) {
        let id = this.names.get(name);
        if (id === void 0) {
          this.budget.charge(FUNCTION_COST, "function names");
          id = this.functions.length;
          this.functions.push(name);
          this.names.set(name, id);
        }
        return id;
      }
      /** Interns a label set; returns its index. */
      labelSet(labels) {
        const key2 = JSON.stringify(labels);
        let id = this.labelSetIndex.get(key2);
        if (id === void 0) {
          id = this.labelSets.length;
          this.labelSets.push(labels);
          this.labelSetIndex.set(key2, id);
        }
        return id;
      }
      ensureFrames(extra) {
        if (this.nFrames + extra > this.frames.length) {
          let n = this.frames.length * 2;
          while (n < this.nFrames + extra) n *= 2;
          const next = new Uint32Array(n);
          next.set(this.frames.subarray(0, this.nFrames));
          this.frames = next;
        }
      }
      ensureSamples() {
        if (this.nSamples + 2 > this.offsets.length) {
          const n = this.offsets.length * 2;
          const off = new Uint32Array(n);
          off.set(this.offsets);
          this.offsets = off;
          this.vals = this.vals.map((v) => {
            const next = new Float64Array(n);
            next.set(v);
            return next;
          });
          if (this.labelIds) {
            const next = new Int32Array(n).fill(-1);
            next.set(this.labelIds);
            this.labelIds = next;
          }
        }
      }
      /** Number of frames appended so far (where the next sample's frames start). */
      get frameCount() {
        return this.nFrames;
      }
      /**
       * Room for `extra` more frames: returns the frame buffer, valid until the next call that
       * adds frames. Write the next sample's frames at frameCount.., then call commit().
       */
      frameBuffer(extra) {
        this.budget.depth(extra);
        this.budget.charge(extra + this.sampleCost);
        this.ensureFrames(extra);
        return this.frames;
      }
      /** Ends a sample whose `nFrames` frames were written through frameBuffer(). */
      commit(nFrames, values, labelSet = -1) {
        this.ensureSamples();
        const n = this.nFrames + nFrames;
        this.nFrames = n;
        const s = this.nSamples;
        for (let k = 0; k < this.vals.length; k++) this.vals[k][s] = values[k];
        if (labelSet >= 0 || this.labelIds) {
          if (!this.labelIds) this.labelIds = new Int32Array(this.offsets.length).fill(-1);
          this.labelIds[s] = labelSet;
        }
        this.nSamples = s + 1;
        this.offsets[s + 1] = n;
      }
      /** Adds one sample; `stack` is leaf first. */
      add(stack, values, labelSet = -1) {
        this.addFrom(stack, 0, stack.length, values, labelSet);
      }
      /** Adds one sample from stack[start..end) (leaf first). */
      addFrom(stack, start, end, values, labelSet = -1) {
        const len = end - start;
        const frames = this.frameBuffer(len);
        let n = this.nFrames;
        for (let i = start; i < end; i++) frames[n++] = stack[i];
        this.commit(len, values, labelSet);
      }
      build(meta) {
        const n = this.nSamples;
        return {
          ...meta,
          sampleTypes: this.sampleTypes,
          functions: this.functions,
          stackOffsets: this.offsets.slice(0, n + 1),
          stackFrames: this.frames.slice(0, this.nFrames),
          values: this.vals.map((v) => v.slice(0, n)),
          labelSets: this.labelSets,
          sampleLabelSet: this.labelIds ? this.labelIds.slice(0, n) : void 0
        };
      }
    };
  }
});

// src/profile/cpuprofile.ts
function isObject(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function isFiniteNumber(v) {
  return typeof v === "number" && Number.isFinite(v);
}
function cpuprofileFrameName(cf) {
  const fn = cf.functionName;
  const url = cf.url.startsWith("file://") ? cf.url.slice("file://".length) : cf.url;
  if (fn === "") {
    if (cf.lineNumber < 0) return url ? `(anonymous) (${url})` : "(anonymous)";
    const col = cf.columnNumber >= 0 ? `:${cf.columnNumber + 1}` : "";
    return `(anonymous) (${url}:${cf.lineNumber + 1}${col})`;
  }
  return url ? `${fn} (${url})` : fn;
}
function readCpuprofile(json, file) {
  return readerGuard(
    "cpuprofile",
    file,
    (m) => `malformed .cpuprofile (${m})`,
    () => decode(json, file)
  );
}
function callFrameOf(o) {
  const s = (v) => typeof v === "string" ? v : "";
  const n = (v) => isFiniteNumber(v) ? v : -1;
  return {
    functionName: s(o["functionName"]),
    url: s(o["url"]),
    lineNumber: n(o["lineNumber"]),
    columnNumber: n(o["columnNumber"])
  };
}
function decode(json, file) {
  const fail2 = (detail) => {
    throw new ProfileError("cpuprofile", file, detail);
  };
  const profile = profileObject(json, fail2);
  const legacy = isObject(profile["head"]);
  const warnings = [];
  const nodes = legacy ? flattenHead(profile["head"], fail2) : readNodes(profile["nodes"], fail2);
  if (nodes.length === 0) return fail2("the profile has no nodes");
  const index = indexNodes(nodes, fail2);
  const parent = linkParents(nodes, index, fail2);
  checkNoCycle(nodes, parent, fail2);
  activeBudget().depth(maxDepth(parent) - 1);
  const builder = new ProfileBuilder([
    { type: "samples", unit: "count" },
    { type: "wall", unit: "microseconds" }
  ]);
  const samples = profile["samples"];
  const charges = Array.isArray(samples) ? chargeSamples(profile, samples, legacy, index, nodes.length, warnings, fail2) : chargeHitCounts(profile, nodes, legacy, warnings, fail2);
  const added = addStacks(builder, nodes, parent, charges);
  if (!Number.isFinite(added.magnitude)) {
    fail2("the sample values add up to more than a double can hold");
  }
  warnings.push(...droppedWarnings(added));
  let duration = charges.durationMicros * 1e3;
  if (!Number.isFinite(duration) || duration < 0) {
    warnings.push(
      `ignored the capture duration: endTime - startTime is ${charges.durationMicros} \xB5s`
    );
    duration = 0;
  }
  return builder.build({
    format: "cpuprofile",
    defaultSampleType: 1,
    period: 0,
    durationNanos: Math.round(duration),
    timeNanos: 0,
    comments: [],
    warnings
  });
}
function profileObject(json, fail2) {
  if (Array.isArray(json) || isObject(json) && Array.isArray(json["traceEvents"])) {
    fail2(
      "Chrome trace-event files (ProfileChunk events) are not supported yet; record a .cpuprofile instead (node --cpu-prof, or DevTools > JavaScript Profiler > Save)"
    );
  }
  if (!isObject(json)) return fail2("a .cpuprofile must be a JSON object");
  return json;
}
function flattenHead(head, fail2) {
  const nodes = [];
  const todo = [[head, void 0]];
  while (todo.length > 0) {
    const [raw, parent] = todo.pop();
    if (!isObject(raw)) return fail2('a node of the "head" tree is not an object');
    const id = raw["id"];
    if (typeof id !== "number" || !Number.isInteger(id)) {
      return fail2(`a node of the "head" tree has no integer id`);
    }
    const children = raw["children"] ?? [];
    if (!Array.isArray(children)) return fail2(`node ${id}: "children" is not an array`);
    nodes.push({
      id,
      frame: callFrameOf(isObject(raw["callFrame"]) ? raw["callFrame"] : raw),
      hitCount: isFiniteNumber(raw["hitCount"]) ? raw["hitCount"] : 0,
      children: [],
      parent
    });
    for (let i = children.length - 1; i >= 0; i--) todo.push([children[i], id]);
    if (nodes.length > 1e7) return fail2("too many nodes");
  }
  return nodes;
}
function readNodes(rawNodes, fail2) {
  if (!Array.isArray(rawNodes)) return fail2('missing "nodes" (an array of profile nodes)');
  const nodes = [];
  rawNodes.forEach((raw, i) => {
    if (!isObject(raw)) return fail2(`nodes[${i}] is not an object`);
    const id = raw["id"];
    if (typeof id !== "number" || !Number.isInteger(id))
      return fail2(`nodes[${i}] has no integer id`);
    if (!isObject(raw["callFrame"])) return fail2(`node ${id} has no callFrame`);
    const children = raw["children"] ?? [];
    if (!Array.isArray(children)) return fail2(`node ${id}: "children" is not an array`);
    const kids = [];
    for (const c of children) {
      if (typeof c !== "number" || !Number.isInteger(c)) {
        return fail2(`node ${id}: children contains ${JSON.stringify(c)}, not a node id`);
      }
      kids.push(c);
    }
    const parent = raw["parent"];
    nodes.push({
      id,
      frame: callFrameOf(raw["callFrame"]),
      hitCount: isFiniteNumber(raw["hitCount"]) ? raw["hitCount"] : 0,
      children: kids,
      parent: typeof parent === "number" && Number.isInteger(parent) ? parent : void 0
    });
  });
  return nodes;
}
function indexNodes(nodes, fail2) {
  const index = /* @__PURE__ */ new Map();
  nodes.forEach((n, i) => {
    if (index.has(n.id)) fail2(`node id ${n.id} appears twice`);
    index.set(n.id, i);
  });
  return index;
}
function linkParents(nodes, index, fail2) {
  const parent = new Int32Array(nodes.length).fill(-1);
  nodes.forEach((n, i) => {
    if (n.parent !== void 0) {
      const p = index.get(n.parent);
      if (p === void 0) fail2(`node ${n.id} has parent ${n.parent}, which does not exist`);
      parent[i] = p;
    }
  });
  nodes.forEach((n, i) => {
    for (const c of n.children) {
      const ci = index.get(c);
      if (ci === void 0) return fail2(`node ${n.id} has child ${c}, which does not exist`);
      if (parent[ci] >= 0 && parent[ci] !== i) {
        return fail2(`node ${c} has two parents (${nodes[parent[ci]].id} and ${n.id})`);
      }
      parent[ci] = i;
    }
  });
  return parent;
}
function checkNoCycle(nodes, parent, fail2) {
  const state = new Uint8Array(nodes.length);
  for (let i = 0; i < nodes.length; i++) {
    let k = i;
    const walk2 = [];
    while (k >= 0 && state[k] === 0) {
      state[k] = 1;
      walk2.push(k);
      k = parent[k];
    }
    if (k >= 0 && state[k] === 1) fail2(`the node tree has a cycle through node ${nodes[k].id}`);
    for (const w of walk2) state[w] = 2;
  }
}
function maxDepth(parent) {
  const depth = new Int32Array(parent.length);
  const walk2 = [];
  let max = 0;
  for (let i = 0; i < parent.length; i++) {
    let k = i;
    while (k >= 0 && depth[k] === 0) {
      walk2.push(k);
      k = parent[k];
    }
    let d = k >= 0 ? depth[k] : 0;
    while (walk2.length > 0) depth[walk2.pop()] = ++d;
    if (d > max) max = d;
  }
  return max;
}
function chargeSamples(profile, samples, legacy, index, nNodes, warnings, fail2) {
  const n = samples.length;
  const sampleNode = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const id = samples[i];
    const ni = typeof id === "number" ? index.get(id) : void 0;
    if (ni === void 0) return fail2(`samples[${i}] = ${JSON.stringify(id)} is not a node id`);
    sampleNode[i] = ni;
  }
  const { at, end, durationMicros } = legacy ? timestampTimes(profile, n, fail2) : deltaTimes(profile, n, warnings, fail2);
  const count = new Float64Array(nNodes);
  const wall = new Float64Array(nNodes);
  const even = n > 0 ? Math.max(0, durationMicros) / n : 0;
  for (let i = 0; i < n; i++) {
    let w;
    if (!at) w = even;
    else w = (i + 1 < n ? at[i + 1] : end) - at[i];
    if (!(w > 0)) w = 0;
    count[sampleNode[i]] += 1;
    wall[sampleNode[i]] += w;
  }
  return { count, wall, durationMicros };
}
function timestampTimes(profile, n, fail2) {
  const ts = profile["timestamps"];
  if (!Array.isArray(ts)) return fail2('legacy profile without "timestamps"');
  const skip = ts.length === n + 1 ? 1 : 0;
  if (ts.length !== n && skip === 0) {
    return fail2(`timestamps.length (${ts.length}) does not match samples.length (${n})`);
  }
  for (let i = 0; i < ts.length; i++) {
    if (!isFiniteNumber(ts[i])) return fail2(`timestamps[${i}] is not a finite number`);
  }
  const at = new Float64Array(n);
  for (let i = 0; i < n; i++) at[i] = ts[i + skip];
  const durationMicros = ts.length > 0 ? Math.max(0, ts[ts.length - 1] - ts[0]) : 0;
  let end = n > 0 ? at[n - 1] : 0;
  const endTime = profile["endTime"];
  if (isFiniteNumber(endTime)) {
    const t0 = n > 0 ? at[0] : 0;
    const asSeconds = Math.abs(endTime * 1e6 - t0) < Math.abs(endTime - t0);
    end = asSeconds ? endTime * 1e6 : endTime;
  }
  return { at, end, durationMicros };
}
function deltaTimes(profile, n, warnings, fail2) {
  const startTime = profile["startTime"];
  const endTime = profile["endTime"];
  if (!isFiniteNumber(startTime) || !isFiniteNumber(endTime)) {
    return fail2('"startTime" and "endTime" must be numbers (microseconds)');
  }
  const durationMicros = endTime - startTime;
  const deltas = profile["timeDeltas"];
  if (!Array.isArray(deltas)) {
    if (n > 0) {
      warnings.push('no "timeDeltas": wall time spread evenly over the samples');
    }
    return { at: void 0, end: endTime, durationMicros };
  }
  if (deltas.length !== n) {
    return fail2(`timeDeltas.length (${deltas.length}) does not match samples.length (${n})`);
  }
  const at = new Float64Array(n);
  let t = startTime;
  for (let i = 0; i < n; i++) {
    const d = deltas[i];
    if (!isFiniteNumber(d)) return fail2(`timeDeltas[${i}] is not a finite number`);
    t += d;
    at[i] = t;
  }
  return { at, end: endTime, durationMicros };
}
function chargeHitCounts(profile, nodes, legacy, warnings, fail2) {
  const startTime = profile["startTime"];
  const endTime = profile["endTime"];
  if (!legacy && (!isFiniteNumber(startTime) || !isFiniteNumber(endTime))) {
    return fail2('"startTime" and "endTime" must be numbers (microseconds)');
  }
  let hits = 0;
  nodes.forEach((nd) => {
    if (nd.hitCount < 0) fail2(`node ${nd.id} has a negative hitCount`);
    hits += nd.hitCount;
  });
  const durationMicros = legacy ? 0 : endTime - startTime;
  const per = hits > 0 ? Math.max(0, durationMicros) / hits : 0;
  const count = new Float64Array(nodes.length);
  const wall = new Float64Array(nodes.length);
  nodes.forEach((nd, i) => {
    count[i] = nd.hitCount;
    wall[i] = nd.hitCount * per;
  });
  if (hits > 0)
    warnings.push('no "samples": counts come from hitCount, wall time spread evenly over them');
  return { count, wall, durationMicros };
}
function addStacks(builder, nodes, parent, { count, wall }) {
  const names = nodes.map((n) => cpuprofileFrameName(n.frame));
  const isRoot = names.map((name, i) => name === "(root)" && nodes[i].frame.url === "");
  const isIdle = names.map((name) => name === "(idle)");
  let idleCount = 0;
  let idleWall = 0;
  let rootCount = 0;
  let magnitude = 0;
  const stack = [];
  const fid = new Int32Array(nodes.length).fill(-1);
  const values = new Float64Array(2);
  for (let i = 0; i < nodes.length; i++) {
    if (count[i] === 0 && wall[i] === 0) continue;
    if (isIdle[i]) {
      idleCount += count[i];
      idleWall += wall[i];
      continue;
    }
    stack.length = 0;
    for (let k = i; k >= 0; k = parent[k]) {
      if (isRoot[k]) continue;
      if (fid[k] < 0) fid[k] = builder.fn(names[k]);
      stack.push(fid[k]);
    }
    if (stack.length === 0) {
      rootCount += count[i];
      continue;
    }
    values[0] = count[i];
    values[1] = wall[i];
    magnitude += count[i] + wall[i];
    builder.add(stack, values);
  }
  return { idleCount, idleWall, rootCount, magnitude };
}
function droppedWarnings({ idleCount, idleWall, rootCount }) {
  const warnings = [];
  if (idleCount > 0) {
    warnings.push(
      `dropped ${idleCount} (idle) sample${idleCount === 1 ? "" : "s"} (${Math.round(idleWall)} \xB5s of wall time)`
    );
  }
  if (rootCount > 0) {
    warnings.push(
      `dropped ${rootCount} sample${rootCount === 1 ? "" : "s"} taken at (root), with no stack`
    );
  }
  return warnings;
}
var init_cpuprofile = __esm({
  "src/profile/cpuprofile.ts"() {
    "use strict";
    init_errors2();
    init_limits();
    init_model();
  }
});

// src/profile/jfr/chunk.ts
import { Buffer as Buffer2 } from "node:buffer";
function isJfr(b) {
  return b.length >= 4 && b[0] === 70 && b[1] === 76 && b[2] === 82 && b[3] === 0;
}
function u64(dv, at) {
  return dv.getUint32(at) * 4294967296 + dv.getUint32(at + 4);
}
function readChunkHeader(bytes, start, index) {
  const where = `chunk ${index} (at byte ${start})`;
  const left = bytes.length - start;
  if (left < JFR_HEADER_SIZE) {
    throw new JfrError(
      `${where}: the file ends ${left} bytes into a ${JFR_HEADER_SIZE}-byte chunk header (truncated?)`
    );
  }
  if (!isJfr(bytes.subarray(start, start + 4))) {
    throw new JfrError(`${where}: no chunk magic "FLR\\0" where a chunk should start`);
  }
  const dv = new DataView(bytes.buffer, bytes.byteOffset + start, JFR_HEADER_SIZE);
  const major = dv.getUint16(4);
  const minor = dv.getUint16(6);
  if (major !== 2) {
    throw new JfrError(
      `${where}: JFR format version ${major}.${minor} is not supported (JDK 11 and later write 2.x; JDK 8's Flight Recorder wrote 0.9 and 1.0: convert those with JDK Mission Control)`
    );
  }
  const size = u64(dv, 8);
  const cp2 = u64(dv, 16);
  const meta = u64(dv, 24);
  if (size === 0) {
    throw new JfrError(
      `${where}: the chunk size is 0: the recording was still being written (dump it with jcmd PID JFR.dump)`
    );
  }
  if (size < JFR_HEADER_SIZE) {
    throw new JfrError(`${where}: chunk size ${size} is smaller than its header`);
  }
  if (size > left) {
    throw new JfrError(
      `${where}: the chunk says it is ${size} bytes but only ${left} are left in the file (truncated?)`
    );
  }
  for (const [what, off] of [
    ["constant pool", cp2],
    ["metadata", meta]
  ]) {
    if (off < JFR_HEADER_SIZE || off >= size) {
      throw new JfrError(`${where}: ${what} offset ${off} is outside the chunk (size ${size})`);
    }
  }
  const ticksPerSecond = u64(dv, 56);
  if (ticksPerSecond <= 0 || ticksPerSecond > 1e15) {
    throw new JfrError(`${where}: ticks per second is ${ticksPerSecond}`);
  }
  const startNanos = u64(dv, 32);
  const durationNanos = u64(dv, 40);
  const features = dv.getUint32(64);
  return {
    start,
    end: start + size,
    major,
    minor,
    constantPool: start + cp2,
    metadata: start + meta,
    startNanos,
    durationNanos,
    ticksPerSecond,
    compressed: (features & 1) !== 0
  };
}
function fromCodes(codes) {
  if (codes.length <= 8192) return String.fromCharCode.apply(null, codes);
  let s = "";
  for (let i = 0; i < codes.length; i += 8192) {
    s += String.fromCharCode.apply(null, codes.slice(i, i + 8192));
  }
  return s;
}
var JFR_HEADER_SIZE, JfrError, TWO_53, Input;
var init_chunk = __esm({
  "src/profile/jfr/chunk.ts"() {
    "use strict";
    JFR_HEADER_SIZE = 68;
    JfrError = class extends Error {
      name = "JfrError";
    };
    TWO_53 = 2 ** 53;
    Input = class {
      constructor(b, end, compressed, bigKeys) {
        this.b = b;
        this.end = end;
        this.compressed = compressed;
        this.bigKeys = bigKeys ?? /* @__PURE__ */ new Map();
        this.buf = Buffer2.from(b.buffer, b.byteOffset, b.byteLength);
      }
      b;
      end;
      compressed;
      pos = 0;
      /** Constant-pool keys of 2^53 and above (exact 64-bit values), numbered -1, -2, ... */
      bigKeys;
      /** The same bytes as a Buffer, for its native string decoding. */
      buf;
      eof(what) {
        throw new JfrError(
          `${what} at byte ${this.pos} runs past byte ${this.end}, where its event ends`
        );
      }
      left() {
        return this.end - this.pos;
      }
      u8() {
        if (this.pos >= this.end) this.eof("a byte");
        return this.b[this.pos++];
      }
      skip(n) {
        if (n > this.end - this.pos) this.eof(`a ${n}-byte value`);
        this.pos += n;
      }
      /** An unsigned varint (or a fixed-width big-endian value) as a double; exact below 2^53. */
      long() {
        if (!this.compressed) return this.fixed(8);
        const b = this.b;
        let p = this.pos;
        const end = this.end;
        if (p < end) {
          const x2 = b[p];
          if (x2 < 128) {
            this.pos = p + 1;
            return x2;
          }
        }
        let v = 0;
        let mul = 1;
        for (let i = 0; i < 8; i++) {
          if (p >= end) this.eof("a compressed integer");
          const x2 = b[p++];
          if (x2 < 128) {
            this.pos = p;
            return v + x2 * mul;
          }
          v += (x2 & 127) * mul;
          mul *= 128;
        }
        if (p >= end) this.eof("a compressed integer");
        const x = b[p++];
        this.pos = p;
        return v + x * mul;
      }
      /** A count or length: an int that must fit in the bytes left (each item takes >= 1 byte). */
      count(what) {
        const n = this.int();
        if (n < 0 || n > this.end - this.pos) {
          throw new JfrError(
            `${what}: count ${n} at byte ${this.pos} is more than the ${this.end - this.pos} bytes left`
          );
        }
        return n;
      }
      /** A Java int: the low 32 bits, signed (as the JDK's reader casts a long to int). */
      int() {
        if (!this.compressed) return this.fixed(4);
        const v = this.long();
        if (v < 2147483648) return v;
        const low = v % 4294967296;
        return low >= 2147483648 ? low - 4294967296 : low;
      }
      /** Skips one varint (or fixed-width value of `width` bytes when uncompressed). */
      skipInt(width) {
        if (!this.compressed) {
          this.skip(width);
          return;
        }
        const b = this.b;
        const end = this.end;
        let p = this.pos;
        for (let i = 0; i < 9; i++) {
          if (p >= end) this.eof("a compressed integer");
          if (b[p++] < 128) break;
        }
        this.pos = p;
      }
      /**
       * A constant-pool key, exact: keys below 2^53 are themselves; larger ones (and negative Java
       * longs) map to stable negative numbers, so that they can key a Map without losing bits.
       */
      key() {
        let big;
        if (!this.compressed) {
          if (this.end - this.pos < 8) this.eof("a constant-pool key");
          const dv = new DataView(this.b.buffer, this.b.byteOffset + this.pos, 8);
          const hi = dv.getUint32(0);
          const lo = dv.getUint32(4);
          this.pos += 8;
          if (hi < 2097152) return hi * 4294967296 + lo;
          big = BigInt(hi) << 32n | BigInt(lo);
        } else {
          const start = this.pos;
          const v = this.long();
          if (v < TWO_53) return v;
          big = this.varintBig(start);
          if (big < BigInt(TWO_53)) return Number(big);
        }
        let id = this.bigKeys.get(big);
        if (id === void 0) {
          id = -(this.bigKeys.size + 1);
          this.bigKeys.set(big, id);
        }
        return id;
      }
      /** A signed Java long (checkpoint deltas are negative), exact while within ±2^53. */
      slong() {
        if (!this.compressed) {
          if (this.end - this.pos < 8) this.eof("a long");
          const v2 = new DataView(this.b.buffer, this.b.byteOffset + this.pos, 8).getBigInt64(0);
          this.pos += 8;
          return Number(v2);
        }
        const start = this.pos;
        const v = this.long();
        if (v < TWO_53) return v;
        return Number(BigInt.asIntN(64, this.varintBig(start)));
      }
      /** The exact unsigned 64-bit value of the varint that starts at `start` and ends at pos. */
      varintBig(start) {
        let big = 0n;
        let shift = 0n;
        for (let p = start; p < this.pos; p++) {
          const x = BigInt(this.b[p]);
          big |= (p - start < 8 ? x & 0x7fn : x) << shift;
          shift += 7n;
        }
        return BigInt.asUintN(64, big);
      }
      /** The interned table of big keys (shared by the inputs over one file). */
      get keys() {
        return this.bigKeys;
      }
      /** A fixed-width big-endian signed integer of `n` bytes (uncompressed recordings). */
      fixed(n) {
        if (n > this.end - this.pos) this.eof(`a ${n}-byte integer`);
        const b = this.b;
        let p = this.pos;
        let v = 0;
        for (let i = 0; i < n; i++) v = v * 256 + b[p++];
        this.pos = p;
        const half2 = 2 ** (8 * n - 1);
        return v >= half2 ? v - 2 * half2 : v;
      }
      /**
       * A string: an encoding byte, then 0 null, 1 "", 2 a key into the java.lang.String pool
       * (resolved by `pool`), 3 UTF-8 bytes, 4 UTF-16 chars (each a varint), 5 Latin-1 bytes.
       */
      string(pool) {
        const enc = this.u8();
        switch (enc) {
          case 0:
            return null;
          case 1:
            return "";
          case 2: {
            const key2 = this.key();
            if (!pool)
              throw new JfrError(
                `a string at byte ${this.pos} refers to the constant pool where it cannot`
              );
            return pool(key2);
          }
          case 3: {
            const n = this.count("a UTF-8 string");
            const s = this.buf.toString("utf8", this.pos, this.pos + n);
            this.pos += n;
            return s;
          }
          case 4: {
            const n = this.count("a char-array string");
            const codes = new Array(n);
            for (let i = 0; i < n; i++)
              codes[i] = this.compressed ? this.long() & 65535 : this.fixed(2) & 65535;
            return fromCodes(codes);
          }
          case 5: {
            const n = this.count("a Latin-1 string");
            const s = this.buf.toString("latin1", this.pos, this.pos + n);
            this.pos += n;
            return s;
          }
          default:
            throw new JfrError(`unknown string encoding ${enc} at byte ${this.pos - 1}`);
        }
      }
      /** Skips a string without decoding it. */
      skipString() {
        const enc = this.u8();
        switch (enc) {
          case 0:
          case 1:
            return;
          case 2:
            this.skipInt(8);
            return;
          case 3:
          case 5:
            this.skip(this.count("a string"));
            return;
          case 4: {
            const n = this.count("a char-array string");
            for (let i = 0; i < n; i++) this.skipInt(2);
            return;
          }
          default:
            throw new JfrError(`unknown string encoding ${enc} at byte ${this.pos - 1}`);
        }
      }
      f32() {
        if (this.end - this.pos < 4) this.eof("a float");
        const v = new DataView(this.b.buffer, this.b.byteOffset + this.pos, 4).getFloat32(0);
        this.pos += 4;
        return v;
      }
      f64() {
        if (this.end - this.pos < 8) this.eof("a double");
        const v = new DataView(this.b.buffer, this.b.byteOffset + this.pos, 8).getFloat64(0);
        this.pos += 8;
        return v;
      }
    };
  }
});

// src/profile/lines.ts
function forEachLine(text, fn) {
  const re = /\r\n|\r|\n/g;
  let start = 0;
  let index = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    fn(text.slice(start, m.index), index++);
    start = m.index + m[0].length;
  }
  fn(text.slice(start), index);
}
var init_lines = __esm({
  "src/profile/lines.ts"() {
    "use strict";
  }
});

// src/profile/perfscript.ts
function parseHeader(line) {
  if (line === "" || /\s/.test(line[0])) return void 0;
  const tokens = /\S+/g;
  let m = tokens.exec(line);
  while ((m = tokens.exec(line)) !== null) {
    const end = m.index + m[0].length;
    if (PID.test(m[0]) && end < line.length) {
      return { comm: line.slice(0, m.index).trimEnd(), end };
    }
  }
  return void 0;
}
function isBlank(line) {
  return line.trim() === "";
}
function isHeader(line) {
  return /:\s*$/.test(line) && parseHeader(line) !== void 0;
}
function looksLikePerfScript(text) {
  const head = text.length > 65536 ? text.slice(0, 65536) : text;
  const lines = head.split(/\r\n|\r|\n/);
  let first = true;
  for (let i = 0; i < lines.length && i < 2e3; i++) {
    const line = lines[i];
    if (isBlank(line) || line.startsWith("#")) continue;
    if (first) {
      if (!isHeader(line)) return false;
      first = false;
    }
    if (isHeader(line)) {
      let j = i + 1;
      while (j < lines.length && lines[j].startsWith("#")) j++;
      if (j < lines.length && FRAME.test(lines[j]) && !isHeader(lines[j])) return true;
    }
  }
  return false;
}
function basename(p) {
  const i = p.lastIndexOf("/");
  return i >= 0 ? p.slice(i + 1) : p;
}
function perfFrameName(rawSym, dso, comm) {
  let func = rawSym.replace(/\+0x[\da-fA-F]+$/, "");
  if (func.startsWith("(")) return void 0;
  if (func === "[unknown]") {
    const mod = dso && dso !== "[unknown]" ? basename(dso) : "unknown";
    func = `[${mod}]`;
  }
  func = func.replace(/;/g, ":");
  const dotParen = func.indexOf(".(");
  const goName = dotParen >= 0 && func.indexOf(").", dotParen + 2) >= 0;
  if (!goName) func = func.replace(/\((?!anonymous namespace\)).*$/, "");
  func = func.replace(/["']/g, "");
  if (comm === "java" && func.includes("/")) func = func.replace(/^L/, "");
  func = func.trim();
  return func === "" ? void 0 : func;
}
function readPerfScript(text, file) {
  return readerGuard(
    "folded",
    file,
    (m) => `could not read perf script output (${m})`,
    () => parse(text, file)
  );
}
function parse(text, file) {
  const budget = activeBudget();
  const names = /* @__PURE__ */ new Map();
  const fnNames = [];
  const fn = (name) => {
    let id = names.get(name);
    if (id === void 0) {
      budget.charge(FUNCTION_COST, "function names");
      id = fnNames.length;
      fnNames.push(name);
      names.set(name, id);
    }
    return id;
  };
  const events = [];
  const eventIndex = /* @__PURE__ */ new Map();
  const eventHasPeriod = [];
  const samples = [];
  let unrecognized = 0;
  let firstUnrecognized = 0;
  let minTime = Infinity;
  let maxTime = -Infinity;
  let cur;
  let comm = "";
  const flush = () => {
    if (!cur) return;
    cur.frames.push(fn(comm.replace(/ /g, "_")));
    budget.depth(cur.frames.length);
    samples.push(cur);
    cur = void 0;
  };
  forEachLine(text, (line, ln) => {
    if (isBlank(line)) {
      flush();
      return;
    }
    if (line.startsWith("#")) return;
    const indented = line[0] === " " || line[0] === "	";
    if (cur && (indented || FRAME.test(line) && !isHeader(line))) {
      const m = FRAME.exec(line) ?? (indented ? FRAME_NO_DSO.exec(line) : null);
      if (!m) {
        unrecognized++;
        if (!firstUnrecognized) firstUnrecognized = ln + 1;
        return;
      }
      const name = perfFrameName(m[2], m[3] ?? "", comm);
      if (name !== void 0) {
        cur.frames.push(fn(name));
        budget.charge(2);
      }
      return;
    }
    const h = indented ? void 0 : parseHeader(line);
    if (!h) {
      unrecognized++;
      if (!firstUnrecognized) firstUnrecognized = ln + 1;
      return;
    }
    budget.charge(8);
    flush();
    comm = h.comm;
    let event = "";
    let period;
    const pe = PERIOD_EVENT.exec(line);
    if (pe) {
      event = pe[2];
      if (pe[1] !== void 0) {
        period = Number(pe[1]);
        if (!Number.isFinite(period)) period = void 0;
      }
    }
    let ei = eventIndex.get(event);
    if (ei === void 0) {
      ei = events.length;
      events.push(event);
      eventIndex.set(event, ei);
      eventHasPeriod.push(false);
    }
    if (period !== void 0) eventHasPeriod[ei] = true;
    const tm = TIME.exec(line.slice(h.end));
    if (tm) {
      const t = Number(tm[1]);
      if (t < minTime) minTime = t;
      if (t > maxTime) maxTime = t;
    }
    cur = { frames: [], event: ei, period };
  });
  flush();
  if (samples.length === 0) {
    throw new ProfileError("folded", file, "perf script output without any sample");
  }
  const sampleTypes = [{ type: "samples", unit: "count" }];
  const column = new Int32Array(events.length).fill(-1);
  const shortName2 = (e) => e.replace(/(?::[a-zA-Z]+)+$/, "") || e;
  const withPeriod = events.filter((_, i) => eventHasPeriod[i]);
  events.forEach((e, i) => {
    if (!eventHasPeriod[i]) return;
    const s = shortName2(e);
    const clash = withPeriod.some((o) => o !== e && shortName2(o) === s) || s === "samples";
    column[i] = sampleTypes.length;
    sampleTypes.push({ type: clash ? e : s, unit: "count" });
  });
  const builder = new ProfileBuilder(sampleTypes);
  for (const name of fnNames) builder.fn(name);
  const values = new Float64Array(sampleTypes.length);
  let periodSum = 0;
  const periods2 = /* @__PURE__ */ new Set();
  for (const s of samples) {
    values.fill(0);
    values[0] = 1;
    const col = column[s.event];
    if (col >= 0) {
      values[col] = s.period ?? 1;
      periodSum += values[col];
      periods2.add(values[col]);
    }
    builder.add(s.frames, values);
  }
  if (!Number.isFinite(periodSum)) {
    throw new ProfileError(
      "folded",
      file,
      "the event periods add up to more than a double can hold"
    );
  }
  const warnings = [];
  const named = events.filter((e) => e !== "");
  if (named.length > 1) {
    warnings.push(
      `perf script output mixes ${named.length} events (${named.join(", ")}): "samples" counts all of them; each event with a period also has its own sample type`
    );
  }
  if (unrecognized > 0) {
    warnings.push(
      `skipped ${unrecognized} unrecognized line${unrecognized === 1 ? "" : "s"} (first: line ${firstUnrecognized})`
    );
  }
  const onlyEvent = withPeriod.length === 1 ? events.indexOf(withPeriod[0]) : -1;
  const constantPeriod = onlyEvent >= 0 && periods2.size === 1 ? [...periods2][0] : 0;
  return builder.build({
    format: "perf-script",
    defaultSampleType: 0,
    period: constantPeriod,
    periodType: constantPeriod ? sampleTypes[column[onlyEvent]] : void 0,
    durationNanos: maxTime > minTime ? Math.round((maxTime - minTime) * 1e9) : 0,
    timeNanos: 0,
    comments: [],
    warnings
  });
}
var PID, PERIOD_EVENT, TIME, FRAME, FRAME_NO_DSO;
var init_perfscript = __esm({
  "src/profile/perfscript.ts"() {
    "use strict";
    init_errors2();
    init_limits();
    init_lines();
    init_model();
    PID = /^-?\d+(?:\/-?\d+)?$/;
    PERIOD_EVENT = /:\s*(\d+)?\s+(\S+):\s*$/;
    TIME = /\s(\d+\.\d+):/;
    FRAME = /^\s*([0-9a-fA-F]+)\s+(\S.*) \((\S*)\)\s*$/;
    FRAME_NO_DSO = /^\s+([0-9a-fA-F]+)\s+(\S(?:.*\S)?)\s*$/;
  }
});

// src/profile/detect.ts
import { gunzipSync } from "node:zlib";
function isGzip(b) {
  return b.length >= 2 && b[0] === 31 && b[1] === 139;
}
function inflate(bytes, file, maxBytes) {
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (e) {
    const err = e;
    if (err.code === "ERR_BUFFER_TOO_LARGE" || /Cannot create a Buffer larger/.test(err.message)) {
      throw limitError(file, `gzip data inflates to more than ${maxBytes} bytes`, "maxInputBytes");
    }
    throw new ProfileError("gzip", file, `corrupt or truncated gzip data (${err.message})`);
  }
}
function looksLikeProtobufKey(b) {
  const field = b >> 3;
  const wire = b & 7;
  return field >= 1 && field <= 15 && (wire === 0 || wire === 2);
}
function decodeText(b, file) {
  if (b.length >= 2 && b[0] === 255 && b[1] === 254) {
    return new TextDecoder("utf-16le").decode(b.subarray(2));
  }
  if (b.length >= 2 && b[0] === 254 && b[1] === 255) {
    return new TextDecoder("utf-16be").decode(b.subarray(2));
  }
  let start = 0;
  if (b.length >= 3 && b[0] === 239 && b[1] === 187 && b[2] === 191) start = 3;
  const head = b.subarray(start, Math.min(b.length, start + 4096));
  let bad = 0;
  for (const c of head) {
    if (c === 0) return void 0;
    if (c < 9 || c > 13 && c < 32) bad++;
  }
  if (bad > head.length / 50) return void 0;
  void file;
  return new TextDecoder("utf-8", { fatal: false }).decode(b.subarray(start));
}
function firstLine(text) {
  const i = text.search(/[\r\n]/);
  return i < 0 ? text : text.slice(0, i);
}
function looksFolded(line) {
  return /^\[[^[\]{}"]*\](?:;|\s+-?\d)/.test(line) && /\S\s+-?\d+(\.\d+)?\s*$/.test(line);
}
function sniff(input, file, maxInflated = DEFAULT_MAX_INFLATED_BYTES) {
  let bytes = input;
  if (bytes.length > maxInflated) {
    throw limitError(
      file,
      `the input is ${bytes.length} bytes, more than ${maxInflated}`,
      "maxInputBytes"
    );
  }
  for (let depth = 0; isGzip(bytes); depth++) {
    if (depth >= 2) throw new ProfileError("gzip", file, "gzip nested more than twice");
    bytes = inflate(bytes, file, maxInflated);
  }
  if (bytes.length === 0) throw new ProfileError("empty", file, "file is empty");
  if (isJfr(bytes)) return { kind: "jfr", bytes };
  const text = decodeText(bytes, file);
  if (text !== void 0) {
    const trimmed = text.trimStart();
    if (trimmed.startsWith("{") || trimmed.startsWith("[") && !looksFolded(firstLine(trimmed))) {
      return { kind: "json", text: trimmed };
    }
    for (const re of LEGACY_TEXT) {
      if (re.test(trimmed)) return { kind: "legacy", what: trimmed.split("\n")[0].slice(0, 40) };
    }
    if (trimmed.length > 0 && !looksLikeProtobufKey(bytes[0])) return { kind: "text", text };
    if (/\S[ \t]+-?\d+(\.\d+)?\s*$/m.test(text.slice(0, 65536)) || looksLikePerfScript(text)) {
      return { kind: "text", text };
    }
  }
  if (isLegacyBinaryCpu(bytes)) return { kind: "legacy", what: "legacy binary CPU profile" };
  if (!looksLikeProtobufKey(bytes[0])) {
    throw new ProfileError(
      "unknown-format",
      file,
      "not a recognised profile format (expected pprof protobuf, JFR, gzip, folded stacks, perf script, speedscope JSON or Chrome .cpuprofile)"
    );
  }
  return { kind: "pprof", bytes };
}
function isLegacyBinaryCpu(b) {
  if (b.length < 24) return false;
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const w32 = (i) => dv.getUint32(i * 4, true);
  if (w32(0) === 0 && w32(1) === 0 && w32(2) === 3 && w32(3) === 0) return true;
  return w32(0) === 0 && w32(1) === 3 && w32(2) <= 1;
}
var DEFAULT_MAX_INFLATED_BYTES, LEGACY_TEXT;
var init_detect = __esm({
  "src/profile/detect.ts"() {
    "use strict";
    init_errors2();
    init_chunk();
    init_limits();
    init_perfscript();
    DEFAULT_MAX_INFLATED_BYTES = DEFAULT_LIMITS.maxInputBytes;
    LEGACY_TEXT = [
      /^heap profile:/,
      /^--- contention/,
      /^--- mutex/,
      /^goroutine profile:/,
      /^--- heapz/,
      /^--- threadz/,
      /^heap_v2\//
    ];
  }
});

// src/profile/folded.ts
function isSpace(c) {
  return c === 32 || c === 9 || c === 11 || c === 12 || c === 13 || c === 160;
}
function splitLast(t) {
  let i = t.length - 1;
  while (i >= 0 && !isSpace(t.charCodeAt(i))) i--;
  if (i < 0) return void 0;
  const token = t.slice(i + 1);
  let j = i;
  while (j >= 0 && isSpace(t.charCodeAt(j))) j--;
  return [t.slice(0, j + 1), token];
}
function parseCount(token) {
  if (!NUMBER.test(token)) return void 0;
  const v = Number(token);
  return Number.isFinite(v) ? v : void 0;
}
function parseLine(t) {
  const last = splitLast(t);
  if (!last || last[0] === "") return void 0;
  const value = parseCount(last[1]);
  if (value === void 0) return void 0;
  const out = { stack: last[0], value };
  const prev = splitLast(last[0]);
  if (prev && prev[0] !== "") {
    const before = parseCount(prev[1]);
    if (before !== void 0) {
      out.diffStack = prev[0];
      out.diffValue = before;
    }
  }
  return out;
}
function preview(line) {
  return JSON.stringify(line.length > 80 ? `${line.slice(0, 80)}...` : line);
}
function readFolded(text, file) {
  return readerGuard(
    "folded",
    file,
    (m) => `could not read folded stacks (${m})`,
    () => parse2(text, file)
  );
}
function parse2(text, file) {
  const budget = activeBudget();
  const sums = /* @__PURE__ */ new Map();
  let diffSums = /* @__PURE__ */ new Map();
  const add = (map, stack, value) => {
    const key2 = stack.startsWith(";") || stack.endsWith(";") || stack.includes(";;") ? stack.split(";").filter((f) => f !== "").join(";") : stack;
    const had = map.get(key2);
    if (had === void 0) {
      let frames = 1;
      for (let i = key2.indexOf(";"); i >= 0; i = key2.indexOf(";", i + 1)) frames++;
      budget.depth(frames);
      budget.charge(frames + STACK_COST, "distinct stacks");
    }
    map.set(key2, (had ?? 0) + value);
  };
  let parsed = 0;
  let comments = 0;
  let invalid = 0;
  let firstBad = 0;
  let firstBadText = "";
  let firstInvalid = 0;
  forEachLine(text, (line, ln) => {
    const t = line.trim();
    if (t === "") return;
    if (t.startsWith("#") || t.startsWith("//")) {
      comments++;
      if (!firstBad) {
        firstBad = ln + 1;
        firstBadText = t;
      }
      return;
    }
    const p = parseLine(t);
    if (!p || !/[^;]/.test(p.stack)) {
      invalid++;
      if (!firstInvalid) firstInvalid = ln + 1;
      if (!firstBad) {
        firstBad = ln + 1;
        firstBadText = t;
      }
      return;
    }
    parsed++;
    add(sums, p.stack, p.value);
    if (diffSums) {
      if (p.diffStack !== void 0 && /[^;]/.test(p.diffStack)) {
        add(diffSums, p.diffStack, p.diffValue);
      } else diffSums = void 0;
    }
  });
  if (parsed === 0) {
    throw new ProfileError(
      "folded",
      file,
      firstBad ? `no line of the form "frame;frame;... count" (first bad line: line ${firstBad}: ${preview(firstBadText)})` : "no stack lines (the text is blank)"
    );
  }
  const warnings = [];
  const differential = diffSums !== void 0;
  if (differential) {
    warnings.push(
      'differential folded file (every line is "stack before after", as written by difffolded.pl): using the first count column ("before") and ignoring the second'
    );
  }
  if (comments + invalid > 0) {
    const parts2 = [];
    if (comments) parts2.push(`${comments} comment line${comments === 1 ? "" : "s"}`);
    if (invalid) {
      parts2.push(
        `${invalid} line${invalid === 1 ? "" : "s"} not of the form "stack count" (first: line ${firstInvalid})`
      );
    }
    warnings.push(`skipped ${parts2.join(" and ")}`);
  }
  const stacks = diffSums ?? sums;
  let total = 0;
  for (const v of stacks.values()) total += Math.abs(v);
  if (!Number.isFinite(total)) {
    throw new ProfileError("folded", file, "the counts add up to more than a double can hold");
  }
  const builder = new ProfileBuilder([{ type: "samples", unit: "count" }]);
  const ids = [];
  const val = [0];
  for (const [key2, value] of stacks) {
    const frames = key2.split(";");
    ids.length = 0;
    for (let i = frames.length - 1; i >= 0; i--) ids.push(builder.fn(frames[i]));
    val[0] = value;
    builder.add(ids, val);
  }
  return builder.build({
    format: "folded",
    defaultSampleType: 0,
    period: 0,
    durationNanos: 0,
    timeNanos: 0,
    comments: [],
    warnings
  });
}
var STACK_COST, NUMBER;
var init_folded = __esm({
  "src/profile/folded.ts"() {
    "use strict";
    init_errors2();
    init_limits();
    init_lines();
    init_model();
    STACK_COST = 32;
    NUMBER = /^[-+]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?$/;
  }
});

// src/profile/jfr/values.ts
function skipFlat(inp, ops) {
  const b = inp.b;
  let p = inp.pos;
  for (let i = 0; i < ops.length; i++) {
    const op = ops[i];
    if (op === 0) {
      for (let c = 0; c < 8 && b[p] >= 128; c++) p++;
      p++;
    } else p += op;
  }
  if (p > inp.end) inp.eof("a value");
  inp.pos = p;
}
function skipOne(inp, p) {
  switch (p.kind) {
    case K_BYTE:
      inp.skip(1);
      return;
    case K_SHORT:
    case K_CHAR:
      inp.skipInt(2);
      return;
    case K_INT:
      inp.skipInt(4);
      return;
    case K_LONG:
    case K_REF:
      inp.skipInt(8);
      return;
    case K_FLOAT:
      inp.skip(4);
      return;
    case K_DOUBLE:
      inp.skip(8);
      return;
    case K_STRING:
      inp.skipString();
      return;
    default:
      if (p.flat) skipFlat(inp, p.flat);
      else for (const f of p.fields) skipValue(inp, f);
  }
}
function skipValue(inp, p) {
  if (!p.array) {
    skipOne(inp, p);
    return;
  }
  const n = inp.count(`the array ${p.name}`);
  if (p.minBytes === 0) return;
  const ops = p.flat;
  if (ops) {
    const b = inp.b;
    let q = inp.pos;
    for (let i = 0; i < n; i++) {
      for (let k = 0; k < ops.length; k++) {
        const op = ops[k];
        if (op === 0) {
          for (let c = 0; c < 8 && b[q] >= 128; c++) q++;
          q++;
        } else q += op;
      }
    }
    if (q > inp.end) inp.eof(`the array ${p.name}`);
    inp.pos = q;
  } else for (let i = 0; i < n; i++) skipOne(inp, p);
}
function readOne(inp, p, strings) {
  switch (p.kind) {
    case K_BYTE:
      return inp.u8();
    case K_SHORT:
      return inp.compressed ? inp.int() : inp.fixed(2);
    case K_CHAR:
      return inp.compressed ? inp.int() & 65535 : inp.fixed(2) & 65535;
    case K_INT:
      return inp.int();
    case K_LONG:
      return inp.compressed ? inp.long() : inp.fixed(8);
    case K_REF:
      return inp.key();
    case K_FLOAT:
      return inp.f32();
    case K_DOUBLE:
      return inp.f64();
    case K_STRING:
      return inp.string(strings);
    default: {
      const o = {};
      for (const f of p.fields) o[f.name] = readValue(inp, f, strings);
      return o;
    }
  }
}
function readValue(inp, p, strings) {
  if (!p.array) return readOne(inp, p, strings);
  const n = inp.count(`the array ${p.name}`);
  const out = [];
  if (p.minBytes === 0) return out;
  for (let i = 0; i < n; i++) out.push(readOne(inp, p, strings));
  return out;
}
var K_BYTE, K_SHORT, K_CHAR, K_INT, K_LONG, K_FLOAT, K_DOUBLE, K_STRING, K_REF, K_STRUCT, PRIMITIVES, MAX_NESTING, Plans;
var init_values = __esm({
  "src/profile/jfr/values.ts"() {
    "use strict";
    init_chunk();
    K_BYTE = 0;
    K_SHORT = 1;
    K_CHAR = 2;
    K_INT = 3;
    K_LONG = 4;
    K_FLOAT = 5;
    K_DOUBLE = 6;
    K_STRING = 7;
    K_REF = 8;
    K_STRUCT = 9;
    PRIMITIVES = {
      boolean: K_BYTE,
      byte: K_BYTE,
      short: K_SHORT,
      char: K_CHAR,
      int: K_INT,
      long: K_LONG,
      float: K_FLOAT,
      double: K_DOUBLE,
      "java.lang.String": K_STRING
    };
    MAX_NESTING = 32;
    Plans = class {
      constructor(types, compressed) {
        this.types = types;
        this.compressed = compressed;
      }
      types;
      compressed;
      structs = /* @__PURE__ */ new Map();
      building = /* @__PURE__ */ new Set();
      values = /* @__PURE__ */ new Map();
      /** The plan of one whole value of type `typeId` (a constant-pool entry's value). */
      value(typeId) {
        let p = this.values.get(typeId);
        if (!p) {
          const cls = this.types.get(typeId);
          p = this.plan({ name: cls.name, typeId, constantPool: false, array: false }, 0);
          this.values.set(typeId, p);
        }
        return p;
      }
      /** The plans of the fields of type `typeId`, in encoding order. */
      fields(typeId, depth = 0) {
        const done = this.structs.get(typeId);
        if (done) return done;
        const cls = this.types.get(typeId);
        if (this.building.has(typeId)) {
          throw new JfrError(
            `metadata: type ${cls.name} contains itself (not through a constant pool)`
          );
        }
        if (depth > MAX_NESTING) {
          throw new JfrError(
            `metadata: inline types nest more than ${MAX_NESTING} deep at ${cls.name}`
          );
        }
        this.building.add(typeId);
        const out = cls.fields.map((f) => this.plan(f, depth + 1));
        this.building.delete(typeId);
        this.structs.set(typeId, out);
        return out;
      }
      plan(f, depth) {
        const cls = this.types.get(f.typeId);
        const intBytes = (w) => this.compressed ? 1 : w;
        let kind;
        let fields = [];
        let minBytes;
        let flat = null;
        if (f.constantPool) {
          kind = K_REF;
          minBytes = intBytes(8);
        } else if (cls.name in PRIMITIVES) {
          kind = PRIMITIVES[cls.name];
          minBytes = [1, intBytes(2), intBytes(2), intBytes(4), intBytes(8), 4, 8, 1][kind];
        } else {
          kind = K_STRUCT;
          fields = this.fields(f.typeId, depth);
          minBytes = 0;
          for (const p of fields) minBytes += p.array ? 1 : p.minBytes;
          const scalars = fields.every(
            (p) => !p.array && p.kind !== K_STRING && (p.kind !== K_STRUCT || p.flat !== null)
          );
          if (scalars) {
            const ops = [];
            for (const p of fields) {
              if (p.kind === K_STRUCT) ops.push(...p.flat);
              else if (p.kind === K_BYTE) ops.push(1);
              else if (p.kind === K_FLOAT) ops.push(4);
              else if (p.kind === K_DOUBLE) ops.push(8);
              else ops.push(this.compressed ? 0 : p.minBytes);
            }
            flat = Int8Array.from(ops);
          }
        }
        return { name: f.name, kind, array: f.array, typeId: f.typeId, fields, minBytes, flat };
      }
    };
  }
});

// src/profile/jfr/constants.ts
function javaFrameName(className, method, nativeFrame) {
  const m = method ?? "[unknown]";
  if (nativeFrame || !className) return m;
  const cls = className.includes(".") ? className : className.replace(/\//g, ".");
  return `${cls}.${m}`;
}
var CHECKPOINT_TYPE, MAX_STACK_DEPTH, ConstantPools, FOP_VARINT, FOP_METHOD, FOP_TYPE, FOP_OTHER, VARINT_KINDS, NATIVE_FRAME_TYPES, FunctionNames, Resolver;
var init_constants = __esm({
  "src/profile/jfr/constants.ts"() {
    "use strict";
    init_chunk();
    init_values();
    CHECKPOINT_TYPE = 1;
    MAX_STACK_DEPTH = 65536;
    ConstantPools = class {
      /** type id -> key -> absolute offset of the value in the file. */
      index = /* @__PURE__ */ new Map();
      checkpoints = 0;
      constructor(bytes, h, plans, keys) {
        const inp = new Input(bytes, h.end, h.compressed, keys);
        const seen = /* @__PURE__ */ new Set();
        const valuePlans = /* @__PURE__ */ new Map();
        let pos = h.constantPool;
        for (; ; ) {
          if (pos < h.start + 68 || pos >= h.end) {
            throw new JfrError(
              `a checkpoint (constant pool) event would be at byte ${pos}, outside its chunk [${h.start}, ${h.end})`
            );
          }
          if (seen.has(pos)) {
            throw new JfrError(`the checkpoint events loop back to byte ${pos}`);
          }
          seen.add(pos);
          this.checkpoints++;
          inp.end = h.end;
          inp.pos = pos;
          const size = inp.int();
          if (size <= 0 || size > h.end - pos) {
            throw new JfrError(
              `the checkpoint event at byte ${pos} says it is ${size} bytes; its chunk has ${h.end - pos} left`
            );
          }
          inp.end = pos + size;
          const type = inp.long();
          if (type !== CHECKPOINT_TYPE) {
            throw new JfrError(
              `expected a checkpoint event (type 1) at byte ${pos}, found an event of type ${type}`
            );
          }
          inp.long();
          inp.long();
          const delta = inp.slong();
          inp.u8();
          const nPools = inp.count(`the checkpoint at byte ${pos}`);
          for (let i = 0; i < nPools; i++) {
            const typeId = inp.long();
            let plan = valuePlans.get(typeId);
            if (!plan) {
              if (!plans.types.byId.has(typeId)) {
                throw new JfrError(
                  `the checkpoint at byte ${pos} has a constant pool of type id ${typeId}, which the metadata does not declare`
                );
              }
              plan = plans.value(typeId);
              valuePlans.set(typeId, plan);
            }
            const n = inp.count(`the constant pool of ${plan.name}`);
            let entries = this.index.get(typeId);
            if (!entries) {
              entries = /* @__PURE__ */ new Map();
              this.index.set(typeId, entries);
            }
            for (let j = 0; j < n; j++) {
              const key2 = inp.key();
              entries.set(key2, inp.pos);
              skipValue(inp, plan);
            }
          }
          if (inp.pos !== pos + size) {
            throw new JfrError(
              `the checkpoint event at byte ${pos} is ${size} bytes but its pools end ${inp.pos - pos} bytes in`
            );
          }
          if (delta === 0) break;
          pos += delta;
        }
      }
      entries(typeId) {
        return typeId === void 0 ? void 0 : this.index.get(typeId);
      }
    };
    FOP_VARINT = 0;
    FOP_METHOD = 1;
    FOP_TYPE = 2;
    FOP_OTHER = 3;
    VARINT_KINDS = /* @__PURE__ */ new Set([K_SHORT, K_CHAR, K_INT, K_LONG, K_REF]);
    NATIVE_FRAME_TYPES = /* @__PURE__ */ new Set(["C++", "Kernel"]);
    FunctionNames = class {
      names = [];
      ids = /* @__PURE__ */ new Map();
      byClass = /* @__PURE__ */ new Map();
      id(className, method, nativeFrame) {
        const ck = nativeFrame ? "\0" : className ?? "";
        let methods = this.byClass.get(ck);
        if (!methods) this.byClass.set(ck, methods = /* @__PURE__ */ new Map());
        const mk = method ?? "\0";
        let id = methods.get(mk);
        if (id === void 0) {
          const name = javaFrameName(className, method, nativeFrame);
          id = this.ids.get(name);
          if (id === void 0) {
            id = this.names.length;
            this.names.push(name);
            this.ids.set(name, id);
          }
          methods.set(mk, id);
        }
        return id;
      }
    };
    Resolver = class {
      constructor(bytes, h, types, plans, pools, keys, names) {
        this.types = types;
        this.pools = pools;
        this.names = names;
        this.inp = new Input(bytes, h.end, h.compressed, keys);
        this.plans = plans;
        const st = types.byName.get("jdk.types.StackTrace");
        this.stackType = st?.id;
        this.framesField = -1;
        this.truncatedField = -1;
        this.frameMethod = -1;
        this.frameTypeField = -1;
        this.methodType = -1;
        this.frameOps = new Int8Array(0);
        if (st) {
          this.stackPlan = plans.value(st.id);
          const f = this.stackPlan.fields;
          this.framesField = f.findIndex((x) => x.name === "frames");
          this.truncatedField = f.findIndex((x) => x.name === "truncated");
          const frames = f[this.framesField];
          if (!frames || !frames.array || frames.kind !== K_STRUCT) {
            throw new JfrError(
              'jdk.types.StackTrace has no "frames" array of inline stack frames: not a layout this reader knows'
            );
          }
          this.frameMethod = frames.fields.findIndex((x) => x.name === "method");
          this.frameTypeField = frames.fields.findIndex((x) => x.name === "type");
          if (this.frameMethod < 0 || frames.fields[this.frameMethod].kind !== K_REF) {
            throw new JfrError(
              'jdk.types.StackFrame has no "method" constant-pool reference: not a layout this reader knows'
            );
          }
          this.methodType = frames.fields[this.frameMethod].typeId;
          this.frameOps = Int8Array.from(
            frames.fields,
            (x, j) => j === this.frameMethod ? FOP_METHOD : j === this.frameTypeField ? FOP_TYPE : h.compressed && !x.array && VARINT_KINDS.has(x.kind) ? FOP_VARINT : FOP_OTHER
          );
        }
      }
      types;
      pools;
      names;
      inp;
      plans;
      stackType;
      stackPlan;
      framesField;
      truncatedField;
      frameMethod;
      frameTypeField;
      javaFn = /* @__PURE__ */ new Map();
      nativeFn = /* @__PURE__ */ new Map();
      strings = /* @__PURE__ */ new Map();
      /** Text of string-like pool entries (symbols, frame types) by pool type id and key. */
      texts = /* @__PURE__ */ new Map();
      classNames = /* @__PURE__ */ new Map();
      nativeTypes = /* @__PURE__ */ new Map();
      methodType;
      frameOps;
      nativeIsLibrary;
      stats = { missingStacks: 0, missingMethods: 0 };
      /** Set by stack(): whether the stack was cut at the JVM's stack depth. */
      truncated = false;
      /** The java.lang.String pool (strings written as references). */
      stringPool = (key2) => {
        let s = this.strings.get(key2);
        if (s === void 0) {
          const type = this.types.byName.get("java.lang.String");
          const off = this.pools.entries(type?.id)?.get(key2);
          s = null;
          if (off !== void 0) {
            const back = this.inp.pos;
            this.inp.pos = off;
            s = this.inp.string();
            this.inp.pos = back;
          }
          this.strings.set(key2, s);
        }
        return s;
      };
      /**
       * One field of pool entry `key` of type `typeId` (the fields before it skipped, nothing
       * decoded into objects); undefined when the pool has no such entry or type no such field.
       */
      field(typeId, key2, name) {
        const off = this.pools.entries(typeId)?.get(key2);
        if (off === void 0) return void 0;
        const inp = this.inp;
        const back = inp.pos;
        inp.pos = off;
        let v;
        for (const f of this.plans.fields(typeId)) {
          if (f.name === name) {
            v = readValue(inp, f, this.stringPool);
            break;
          }
          skipValue(inp, f);
        }
        inp.pos = back;
        return v;
      }
      /**
       * The text of a value of field `plan`: a string, or a key into a string-like pool (a
       * symbol: one string field; or java.lang.String itself). Cached per pool and key.
       */
      text(plan, v, depth = 0) {
        if (typeof v === "string" || v === null) return v;
        if (plan.kind !== K_REF || typeof v !== "number" || depth > 4) return null;
        let cache = this.texts.get(plan.typeId);
        if (!cache) this.texts.set(plan.typeId, cache = /* @__PURE__ */ new Map());
        let t = cache.get(v);
        if (t === void 0) {
          t = null;
          if (this.types.get(plan.typeId).name === "java.lang.String") t = this.stringPool(v);
          else {
            const f = this.plans.fields(plan.typeId).find((x) => x.kind === K_STRING || x.kind === K_REF);
            if (f) t = this.text(f, this.field(plan.typeId, v, f.name), depth + 1);
          }
          cache.set(v, t);
        }
        return t;
      }
      /**
       * async-profiler declares "C++" and "Kernel" frame types: its "Native" frames are C
       * functions whose class is the library. In the JDK's recordings, "Native" is a Java native
       * method of a Java class.
       */
      nativeMeansLibrary(typePlan) {
        if (this.nativeIsLibrary === void 0) {
          this.nativeIsLibrary = false;
          const entries = typePlan?.kind === K_REF ? this.pools.entries(typePlan.typeId) : void 0;
          if (entries && typePlan) {
            for (const key2 of entries.keys()) {
              if (NATIVE_FRAME_TYPES.has(this.text(typePlan, key2) ?? "")) {
                this.nativeIsLibrary = true;
                break;
              }
            }
          }
        }
        return this.nativeIsLibrary;
      }
      /** Whether frames of this type (a key or an inline string) are named by symbol alone. */
      nativeFrame(typePlan, typeValue) {
        if (typeof typeValue === "number") {
          let n = this.nativeTypes.get(typeValue);
          if (n === void 0) {
            const t = this.text(typePlan, typeValue);
            n = t !== null && (NATIVE_FRAME_TYPES.has(t) || t === "Native" && this.nativeMeansLibrary(typePlan));
            this.nativeTypes.set(typeValue, n);
          }
          return n;
        }
        return typeof typeValue === "string" && (NATIVE_FRAME_TYPES.has(typeValue) || typeValue === "Native" && this.nativeMeansLibrary(typePlan));
      }
      /** The function id of a frame: its method (a key), named by the frame's type. */
      frameFn(methodKey, nativeFrame) {
        const cache = nativeFrame ? this.nativeFn : this.javaFn;
        let id = cache.get(methodKey);
        if (id === void 0) {
          id = this.methodFn(methodKey, nativeFrame);
          cache.set(methodKey, id);
        }
        return id;
      }
      methodFn(key2, nativeFrame) {
        const methodType = this.methodType;
        const fields = this.plans.fields(methodType);
        const namePlan = fields.find((f) => f.name === "name");
        const classPlan = fields.find((f) => f.name === "type");
        if (!this.pools.entries(methodType)?.has(key2)) {
          this.stats.missingMethods++;
          return this.names.id(null, null, nativeFrame);
        }
        const name = namePlan ? this.text(namePlan, this.field(methodType, key2, "name")) : null;
        let className = null;
        if (classPlan && classPlan.kind === K_REF) {
          const classKey = this.field(methodType, key2, "type");
          if (typeof classKey === "number") {
            className = this.classNames.get(classKey) ?? null;
            if (!this.classNames.has(classKey)) {
              const namePlanOfClass = this.plans.fields(classPlan.typeId).find((f) => f.name === "name");
              className = namePlanOfClass ? this.text(namePlanOfClass, this.field(classPlan.typeId, classKey, "name")) : null;
              this.classNames.set(classKey, className);
            }
          }
        }
        return this.names.id(className, name, nativeFrame);
      }
      /**
       * Writes the frames of stack trace `key` (function ids, leaf first) into `out` from
       * `at` on and returns how many; sets `truncated`. -1 when the pool has no such stack.
       * `room(n)` must return a buffer with space for n more frames from `at`.
       */
      stack(key2, room, at) {
        this.truncated = false;
        const off = this.pools.entries(this.stackType)?.get(key2);
        if (off === void 0 || !this.stackPlan) {
          this.stats.missingStacks++;
          return -1;
        }
        const inp = this.inp;
        inp.pos = off;
        const fields = this.stackPlan.fields;
        let n = 0;
        for (let i = 0; i < fields.length; i++) {
          const f = fields[i];
          if (i === this.truncatedField && !f.array && f.kind !== K_STRUCT) {
            this.truncated = readValue(inp, f, this.stringPool) !== 0;
          } else if (i === this.framesField) {
            const count = inp.count("the frames of a stack trace");
            if (count > MAX_STACK_DEPTH) {
              throw new JfrError(
                `a stack trace at byte ${off} has ${count} frames (more than ${MAX_STACK_DEPTH})`
              );
            }
            const out = room(count);
            const frameFields = f.fields;
            const ops = this.frameOps;
            const typePlan = this.frameTypeField >= 0 ? frameFields[this.frameTypeField] : void 0;
            const b = inp.b;
            const typeIsKey = typePlan !== void 0 && typePlan.kind === K_REF && !typePlan.array;
            const compressed = inp.compressed;
            let lastType = -1;
            let lastNative = false;
            for (let k = 0; k < count; k++) {
              let method = 0;
              let type = null;
              for (let j = 0; j < ops.length; j++) {
                const op = ops[j];
                if (op === FOP_VARINT) {
                  let p = inp.pos;
                  for (let c = 0; c < 8 && b[p] >= 128; c++) p++;
                  inp.pos = p + 1;
                } else if (op === FOP_OTHER) skipValue(inp, frameFields[j]);
                else if (op === FOP_TYPE && !typeIsKey) {
                  type = readValue(inp, frameFields[j], this.stringPool);
                } else {
                  const p = inp.pos;
                  let v;
                  const x = b[p];
                  if (compressed && x < 128) {
                    v = x;
                    inp.pos = p + 1;
                  } else if (compressed && b[p + 1] < 128) {
                    v = x & 127 | b[p + 1] << 7;
                    inp.pos = p + 2;
                  } else v = inp.key();
                  if (op === FOP_METHOD) method = v;
                  else type = v;
                }
              }
              if (inp.pos > inp.end) inp.eof("a stack frame");
              if (type !== lastType) {
                lastType = type;
                lastNative = typePlan !== void 0 && this.nativeFrame(typePlan, type);
              }
              out[at + n++] = this.frameFn(method, lastNative);
            }
          } else {
            skipValue(inp, f);
          }
        }
        return n;
      }
    };
  }
});

// src/profile/jfr/events.ts
function varint(b, p) {
  let x = b[p];
  if (x < 128) {
    after = p + 1;
    return x;
  }
  let v = x & 127;
  x = b[p + 1];
  if (x < 128) {
    after = p + 2;
    return v | x << 7;
  }
  v |= (x & 127) << 7;
  x = b[p + 2];
  if (x < 128) {
    after = p + 3;
    return v | x << 14;
  }
  v |= (x & 127) << 14;
  x = b[p + 3];
  if (x < 128) {
    after = p + 4;
    return v | x << 21;
  }
  after = -1;
  return 0;
}
function handlers(types, plans, h, warnings) {
  const out = [];
  SAMPLE_EVENTS.forEach((spec, i) => {
    const cls = types.byName.get(spec.name);
    if (!cls) return;
    const fields = plans.fields(cls.id);
    const stackAt = fields.findIndex((f) => f.name === "stackTrace");
    if (stackAt >= 0 && (fields[stackAt].kind !== K_REF || fields[stackAt].array)) {
      throw new JfrError(`${spec.name}.stackTrace is not a constant-pool reference`);
    }
    let valueAt = -1;
    if (spec.value) {
      valueAt = fields.findIndex((f2) => f2.name === spec.value);
      const f = fields[valueAt];
      if (!f || f.array || !NUMERIC.has(f.kind)) {
        warnings.add(`${spec.name} has no numeric "${spec.value}" field: its events are ignored`);
        return;
      }
    }
    const last = Math.max(stackAt, valueAt);
    const steps = fields.slice(0, last + 1);
    const ops = Int8Array.from(
      steps,
      (f, k) => k === stackAt ? OP_STACK : k === valueAt ? OP_VALUE : f.array ? OP_OTHER : f.kind === K_BYTE ? OP_BYTE : h.compressed && VARINTS.has(f.kind) ? OP_VARINT : OP_OTHER
    );
    out[cls.id] = {
      spec: i,
      col: spec.col,
      steps,
      ops,
      stackAt,
      valueAt,
      scale: spec.ticks ? h.ticksPerSecond / 1e9 : 1
    };
  });
  return out;
}
function readNumber(inp, p) {
  switch (p.kind) {
    case K_BYTE:
      return inp.u8();
    case K_LONG:
      return inp.compressed ? inp.long() : inp.fixed(8);
    case K_INT:
      return inp.int();
    default:
      return inp.compressed ? inp.int() : inp.fixed(2);
  }
}
function readEvents(bytes, h, types, plans, keys, strings, warnings) {
  const out = new ChunkSamples();
  const byType = handlers(types, plans, h, warnings);
  const setting = types.byName.get("jdk.ActiveSetting");
  const settingFields = setting ? plans.fields(setting.id) : [];
  const settingId = setting?.id ?? -1;
  const inp = new Input(bytes, h.end, h.compressed, keys);
  const b = bytes;
  const end = h.end;
  const compressed = h.compressed;
  let pos = h.start + JFR_HEADER_SIZE;
  while (pos < end) {
    let size = compressed ? varint(b, pos) : 0;
    let p = after;
    if (!compressed || p < 0 || p > end) {
      inp.pos = pos;
      inp.end = end;
      size = inp.int();
      p = inp.pos;
    }
    if (size <= 0 || size > end - pos) {
      throw new JfrError(
        `the event at byte ${pos} says it is ${size} bytes; its chunk has ${end - pos} left`
      );
    }
    const next = pos + size;
    let type = compressed ? varint(b, p) : 0;
    if (!compressed || after < 0 || after > next) {
      inp.pos = p;
      inp.end = next;
      type = inp.long();
      p = inp.pos;
    } else p = after;
    const hd = byType[type];
    if (hd !== void 0) {
      let stack = NO_STACK;
      let value = 1;
      const ops = hd.ops;
      for (let i = 0; i < ops.length; i++) {
        switch (ops[i]) {
          case OP_VARINT:
            for (let c = 0; c < 8 && b[p] >= 128; c++) p++;
            p++;
            break;
          case OP_BYTE:
            p++;
            break;
          case OP_STACK:
            stack = compressed ? varint(b, p) : 0;
            if (!compressed || after < 0 || after > next) {
              inp.pos = p;
              inp.end = next;
              stack = inp.key();
              p = inp.pos;
            } else p = after;
            break;
          default:
            inp.pos = p;
            inp.end = next;
            if (ops[i] === OP_VALUE) value = readNumber(inp, hd.steps[i]);
            else skipValue(inp, hd.steps[i]);
            p = inp.pos;
        }
      }
      if (p > next) {
        throw new JfrError(
          `the ${SAMPLE_EVENTS[hd.spec].name} event at byte ${pos} runs past byte ${next}, where it ends`
        );
      }
      const r = out.row(stack);
      out.values[hd.col][r] += hd.scale === 1 ? value : Math.trunc(value / hd.scale);
      out.events[hd.col][r]++;
      out.perSpec[hd.spec]++;
    } else if (type === settingId) {
      inp.pos = p;
      inp.end = next;
      let id = null;
      let name = null;
      let value = null;
      for (const f of settingFields) {
        if (f.name === "id") id = readValue(inp, f, strings);
        else if (f.name === "name") name = readValue(inp, f, strings);
        else if (f.name === "value") value = readValue(inp, f, strings);
        else skipValue(inp, f);
        if (id !== null && name !== null && value !== null) break;
      }
      if (typeof id === "number" && typeof name === "string") {
        out.settings.push({ id, name, value: typeof value === "string" ? value : "" });
      }
    }
    pos = next;
  }
  return out;
}
var COL_EXEC, COL_NATIVE, COL_WALLCLOCK, COL_ALLOC_SAMPLE, COL_TLAB, COL_LOCK, N_COLS, SAMPLE_EVENTS, NO_STACK, OP_VARINT, OP_BYTE, OP_STACK, OP_VALUE, OP_OTHER, NUMERIC, VARINTS, after, DENSE_KEYS, ChunkSamples;
var init_events = __esm({
  "src/profile/jfr/events.ts"() {
    "use strict";
    init_chunk();
    init_values();
    COL_EXEC = 0;
    COL_NATIVE = 1;
    COL_WALLCLOCK = 2;
    COL_ALLOC_SAMPLE = 3;
    COL_TLAB = 4;
    COL_LOCK = 5;
    N_COLS = 6;
    SAMPLE_EVENTS = [
      { name: "jdk.ExecutionSample", col: COL_EXEC },
      { name: "jdk.NativeMethodSample", col: COL_NATIVE },
      { name: "profiler.WallClockSample", col: COL_WALLCLOCK, value: "samples" },
      { name: "jdk.ObjectAllocationSample", col: COL_ALLOC_SAMPLE, value: "weight" },
      { name: "jdk.ObjectAllocationInNewTLAB", col: COL_TLAB, value: "tlabSize" },
      { name: "jdk.ObjectAllocationOutsideTLAB", col: COL_TLAB, value: "allocationSize" },
      { name: "jdk.JavaMonitorEnter", col: COL_LOCK, value: "duration", ticks: true },
      { name: "jdk.ThreadPark", col: COL_LOCK, value: "duration", ticks: true }
    ];
    NO_STACK = 0;
    OP_VARINT = 0;
    OP_BYTE = 1;
    OP_STACK = 2;
    OP_VALUE = 3;
    OP_OTHER = 4;
    NUMERIC = /* @__PURE__ */ new Set([K_BYTE, K_SHORT, K_CHAR, K_INT, K_LONG]);
    VARINTS = /* @__PURE__ */ new Set([K_SHORT, K_CHAR, K_INT, K_LONG, K_REF]);
    after = 0;
    DENSE_KEYS = 1 << 22;
    ChunkSamples = class {
      /** row by key, for keys not in the table. */
      rowOf = /* @__PURE__ */ new Map();
      /** row + 1 by key, for keys below DENSE_KEYS. */
      dense = new Int32Array(1024);
      keys = [];
      values = [];
      events = [];
      /** Events of each SAMPLE_EVENTS entry in this chunk. */
      perSpec = new Float64Array(SAMPLE_EVENTS.length);
      settings = [];
      cap = 0;
      get rows() {
        return this.keys.length;
      }
      row(key2) {
        if (key2 >= 0 && key2 < DENSE_KEYS && Number.isInteger(key2)) {
          let t = this.dense;
          if (key2 >= t.length) {
            const n = Math.min(DENSE_KEYS, Math.max(key2 + 1, t.length * 2));
            const bigger = new Int32Array(n);
            bigger.set(t);
            this.dense = t = bigger;
          }
          const r2 = t[key2] - 1;
          if (r2 >= 0) return r2;
          t[key2] = this.add(key2) + 1;
          return t[key2] - 1;
        }
        let r = this.rowOf.get(key2);
        if (r === void 0) {
          r = this.add(key2);
          this.rowOf.set(key2, r);
        }
        return r;
      }
      add(key2) {
        const r = this.keys.length;
        if (r === this.cap) this.grow();
        this.keys.push(key2);
        return r;
      }
      grow() {
        const n = Math.max(64, this.cap * 2);
        const g = (a) => {
          const b = new Float64Array(n);
          if (a) b.set(a);
          return b;
        };
        for (let c = 0; c < N_COLS; c++) {
          this.values[c] = g(this.values[c]);
          this.events[c] = g(this.events[c]);
        }
        this.cap = n;
      }
    };
  }
});

// src/profile/jfr/metadata.ts
function metadataBytes(bytes, h) {
  const inp = new Input(bytes, h.end, h.compressed);
  inp.pos = h.metadata;
  const size = inp.int();
  if (size <= 0 || size > h.end - h.metadata) {
    throw new JfrError(
      `the metadata event at byte ${h.metadata} says it is ${size} bytes; the chunk has ${h.end - h.metadata} left`
    );
  }
  return bytes.subarray(h.metadata, h.metadata + size);
}
function readMetadata(bytes, h, keys) {
  const inp = new Input(bytes, h.end, h.compressed, keys);
  inp.pos = h.metadata;
  const start = h.metadata;
  const size = inp.int();
  if (size <= 0 || size > h.end - start) {
    throw new JfrError(
      `the metadata event at byte ${start} says it is ${size} bytes; the chunk has ${h.end - start} left`
    );
  }
  inp.end = start + size;
  const type = inp.long();
  if (type !== 0) {
    throw new JfrError(
      `the metadata offset points at byte ${start}, where an event of type ${type} (not 0, metadata) is`
    );
  }
  inp.long();
  inp.long();
  inp.long();
  const n = inp.count("the metadata strings");
  const strings = new Array(n);
  for (let i = 0; i < n; i++) strings[i] = inp.string() ?? "";
  const str = () => {
    const i = inp.int();
    if (i < 0 || i >= n) {
      throw new JfrError(`metadata string index ${i} at byte ${inp.pos} (there are ${n})`);
    }
    return strings[i];
  };
  const element = (depth) => {
    if (depth > MAX_DEPTH) throw new JfrError(`metadata elements nest more than ${MAX_DEPTH} deep`);
    const name = str();
    const keep = KEEP.has(name);
    const nAttrs = inp.count("metadata attributes");
    const attrs = /* @__PURE__ */ new Map();
    for (let i = 0; i < nAttrs; i++) {
      if (keep) {
        const k = str();
        attrs.set(k, str());
      } else {
        str();
        str();
      }
    }
    const nChildren = inp.count("metadata elements");
    const children = [];
    for (let i = 0; i < nChildren; i++) {
      const c = element(depth + 1);
      if (c) children.push(c);
    }
    return keep ? { name, attrs, children } : null;
  };
  const root = element(0);
  if (!root) throw new JfrError("the metadata does not start with its root element");
  if (inp.pos !== inp.end) {
    throw new JfrError(
      `the metadata event at byte ${start} has ${inp.end - inp.pos} bytes after its elements`
    );
  }
  const types = new Types();
  const id = (e, attr) => {
    const s = e.attrs.get(attr);
    const v = s === void 0 ? NaN : Number(s);
    if (!Number.isSafeInteger(v)) {
      throw new JfrError(
        `metadata: ${e.name} "${e.attrs.get("name") ?? "?"}" has ${attr}=${JSON.stringify(s)}, not an id`
      );
    }
    return v;
  };
  for (const m of root.children) {
    if (m.name !== "metadata") continue;
    for (const c of m.children) {
      if (c.name !== "class") continue;
      const cls = {
        id: id(c, "id"),
        name: c.attrs.get("name") ?? "",
        superType: c.attrs.get("superType"),
        fields: []
      };
      for (const f of c.children) {
        if (f.name !== "field") continue;
        const dim = f.attrs.get("dimension");
        if (dim !== void 0 && dim !== "0" && dim !== "1") {
          throw new JfrError(
            `metadata: field ${cls.name}.${f.attrs.get("name")} has dimension ${dim} (only 0 and 1 exist)`
          );
        }
        cls.fields.push({
          name: f.attrs.get("name") ?? "",
          typeId: id(f, "class"),
          constantPool: f.attrs.get("constantPool") === "true",
          array: dim === "1"
        });
      }
      types.byId.set(cls.id, cls);
      types.byName.set(cls.name, cls);
    }
  }
  if (types.byId.size === 0) throw new JfrError("the metadata declares no types");
  return types;
}
var Types, MAX_DEPTH, KEEP;
var init_metadata = __esm({
  "src/profile/jfr/metadata.ts"() {
    "use strict";
    init_chunk();
    Types = class {
      byId = /* @__PURE__ */ new Map();
      byName = /* @__PURE__ */ new Map();
      get(id) {
        const c = this.byId.get(id);
        if (!c) throw new JfrError(`type id ${id} is not declared in the chunk's metadata`);
        return c;
      }
    };
    MAX_DEPTH = 32;
    KEEP = /* @__PURE__ */ new Set(["root", "metadata", "class", "field"]);
  }
});

// src/profile/jfr/read.ts
function readJfr(bytes, file) {
  return readerGuard(
    "jfr",
    file,
    (m) => `not a readable JFR recording: ${m}`,
    () => decode2(bytes, file)
  );
}
function parsePeriod(value) {
  const m = /^\s*(\d+)\s*(ns|us|ms|s|m|h|d)?\s*$/.exec(value);
  if (!m) return void 0;
  const v = Number(m[1]) * UNITS[m[2] ?? "ns"];
  return v > 0 && Number.isSafeInteger(v) ? v : void 0;
}
function periods(settings, ids, previous) {
  const minOf = (id, names) => {
    let min;
    for (const s of settings) {
      if (s.id !== id || !names.includes(s.name)) continue;
      const v = parsePeriod(s.value);
      if (v !== void 0 && (min === void 0 || v < min)) min = v;
    }
    return min;
  };
  let event = previous.event;
  for (const s of settings) if (s.name === "event" && s.value) event = s.value;
  const exec = ids.get("jdk.ExecutionSample");
  const asyncInterval = event && TIME_ENGINES.has(event) ? minOf(exec, ["interval"]) : void 0;
  let wall;
  for (const s of settings) {
    if (s.name === "wall") wall = parsePeriod(s.value) ?? wall;
  }
  if (wall === void 0 && event === "wall") wall = asyncInterval;
  return {
    exec: minOf(exec, ["period"]) ?? asyncInterval ?? previous.exec,
    native: minOf(ids.get("jdk.NativeMethodSample"), ["period"]) ?? previous.native,
    wall: wall ?? previous.wall,
    event
  };
}
function growStore(s, samples, frames) {
  if (s.nFrames + frames > s.frames.length) {
    let n = s.frames.length * 2;
    while (n < s.nFrames + frames) n *= 2;
    const f = new Uint32Array(n);
    f.set(s.frames.subarray(0, s.nFrames));
    s.frames = f;
  }
  if (s.n + samples + 1 > s.chunk.length) {
    let n = s.chunk.length * 2;
    while (n < s.n + samples + 1) n *= 2;
    const o = new Uint32Array(n);
    o.set(s.offsets.subarray(0, s.n + 1));
    s.offsets = o;
    const c = new Int32Array(n);
    c.set(s.chunk.subarray(0, s.n));
    s.chunk = c;
    s.cols = s.cols.map((col) => {
      const x = new Float64Array(n);
      x.set(col.subarray(0, s.n));
      return x;
    });
  }
}
function sameBytes(a, b) {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
function fmtNs(ns) {
  if (ns % 1e6 === 0) return `${ns / 1e6} ms`;
  if (ns % 1e3 === 0) return `${ns / 1e3} us`;
  return `${ns} ns`;
}
function plural(n, one, many) {
  return `${n} ${n === 1 ? one : many}`;
}
function pct2(part, whole) {
  return `${(100 * part / whole).toFixed(1)}%`;
}
function decode2(bytes, file) {
  if (!isJfr(bytes)) throw new ProfileError("jfr", file, 'no JFR magic "FLR\\0" at the start');
  const headers = [];
  for (let pos = 0; pos < bytes.length; ) {
    const h = readChunkHeader(bytes, pos, headers.length + 1);
    headers.push(h);
    pos = h.end;
  }
  const keys = /* @__PURE__ */ new Map();
  const names = new FunctionNames();
  const store = {
    frames: new Uint32Array(4096),
    nFrames: 0,
    offsets: new Uint32Array(256),
    n: 0,
    cols: Array.from({ length: N_COLS }, () => new Float64Array(256)),
    chunk: new Int32Array(256)
  };
  const warnings = /* @__PURE__ */ new Set();
  const chunkPeriods = [];
  const chunkEvents = [];
  const perSpec = new Float64Array(SAMPLE_EVENTS.length);
  const truncated = new Float64Array(N_COLS);
  const events = new Float64Array(N_COLS);
  const missingStacks = new Float64Array(N_COLS);
  const noStack = new Float64Array(N_COLS);
  let missingMethods = 0;
  let previous = {};
  let previousMeta;
  headers.forEach((h, ci) => {
    const metaBytes = metadataBytes(bytes, h);
    let types;
    let plans;
    if (previousMeta && previousMeta.compressed === h.compressed && sameBytes(previousMeta.bytes, metaBytes)) {
      ({ types, plans } = previousMeta);
    } else {
      types = readMetadata(bytes, h, keys);
      plans = new Plans(types, h.compressed);
      previousMeta = { bytes: metaBytes, compressed: h.compressed, types, plans };
    }
    const pools = new ConstantPools(bytes, h, plans, keys);
    const resolver = new Resolver(bytes, h, types, plans, pools, keys, names);
    const got = readEvents(
      bytes,
      h,
      types,
      plans,
      keys,
      resolver.stringPool,
      warnings
    );
    const ids = /* @__PURE__ */ new Map();
    for (const [name, cls] of types.byName) ids.set(name, cls.id);
    previous = periods(got.settings, ids, previous);
    chunkPeriods.push(previous);
    const perCol = new Float64Array(N_COLS);
    for (let c = 0; c < N_COLS; c++) {
      for (let r = 0; r < got.rows; r++) perCol[c] += got.events[c][r];
      events[c] += perCol[c];
    }
    chunkEvents.push(perCol);
    for (let i = 0; i < perSpec.length; i++) perSpec[i] += got.perSpec[i];
    growStore(store, got.rows, 0);
    for (let r = 0; r < got.rows; r++) {
      const key2 = got.keys[r];
      let len = 0;
      if (key2 !== NO_STACK) {
        len = resolver.stack(
          key2,
          (n) => {
            if (store.nFrames + n > MAX_TOTAL_FRAMES) {
              throw new JfrError(
                `the distinct stacks hold more than ${MAX_TOTAL_FRAMES} frames (the limit this reader holds)`
              );
            }
            growStore(store, 0, n);
            return store.frames;
          },
          store.nFrames
        );
        if (len < 0) {
          for (let c = 0; c < N_COLS; c++) missingStacks[c] += got.events[c][r];
          continue;
        }
        if (resolver.truncated) {
          for (let c = 0; c < N_COLS; c++) truncated[c] += got.events[c][r];
        }
      }
      if (len === 0) {
        for (let c = 0; c < N_COLS; c++) noStack[c] += got.events[c][r];
        continue;
      }
      const s = store.n;
      for (let c = 0; c < N_COLS; c++) store.cols[c][s] = got.values[c][r];
      store.chunk[s] = ci;
      store.nFrames += len;
      store.n = s + 1;
      store.offsets[s + 1] = store.nFrames;
    }
    missingMethods += resolver.stats.missingMethods;
  });
  return assemble(file, headers, store, names.names, {
    chunkPeriods,
    chunkEvents,
    events,
    perSpec,
    truncated,
    missingStacks,
    noStack,
    missingMethods,
    warnings
  });
}
function assemble(file, headers, store, names, t) {
  const warnings = [...t.warnings];
  const comments = [];
  const P = t.chunkPeriods;
  const wallMode = P.map((p) => p.event === "wall");
  const has = (col) => t.events[col] > 0;
  const known = (col, period2, use = (_c) => true) => t.chunkEvents.every((e, c) => e[col] === 0 || !use(c) || period2(P[c]) !== void 0);
  const distinct = (period2, col) => [
    ...new Set(
      t.chunkEvents.map((e, c) => e[col] > 0 ? period2(P[c]) : void 0).filter((v) => v !== void 0)
    )
  ];
  const columns = [];
  let period = 0;
  const cpuChunks = t.chunkEvents.some((e, c) => e[COL_EXEC] > 0 && !wallMode[c]);
  if (cpuChunks) {
    const ns = known(
      COL_EXEC,
      (p) => p.exec,
      (c) => !wallMode[c]
    );
    columns.push({
      type: { type: "cpu", unit: ns ? "nanoseconds" : "count" },
      value: (cols, s, c) => wallMode[c] ? 0 : cols[COL_EXEC][s] * (ns ? P[c].exec : 1),
      from: [COL_EXEC]
    });
    const ps = distinct((p) => p.exec, COL_EXEC);
    if (!ns) {
      warnings.push(
        'the sampling period of jdk.ExecutionSample is not in the recording (no jdk.ActiveSetting "period"): cpu values are sample counts'
      );
    } else if (ps.length > 1) {
      warnings.push(
        `jdk.ExecutionSample's sampling period changed between chunks (${ps.map(fmtNs).join(", ")}): each chunk's samples count its own period`
      );
    } else period = ps[0];
  }
  const jdkWall = has(COL_NATIVE);
  const asyncWall = has(COL_WALLCLOCK) || wallMode.some((w, c) => w && t.chunkEvents[c][COL_EXEC] > 0);
  if (jdkWall || asyncWall) {
    const ns = (!jdkWall || known(
      COL_EXEC,
      (p) => p.exec,
      (c) => !wallMode[c]
    ) && known(COL_NATIVE, (p) => p.native)) && known(COL_WALLCLOCK, (p) => p.wall) && known(
      COL_EXEC,
      (p) => p.wall,
      (c) => wallMode[c]
    );
    const k = (v) => ns ? v : 1;
    columns.push({
      type: { type: "wall", unit: ns ? "nanoseconds" : "count" },
      value: (cols, s, c) => {
        let v = cols[COL_WALLCLOCK][s] > 0 ? cols[COL_WALLCLOCK][s] * k(P[c].wall) : 0;
        const exec = cols[COL_EXEC][s];
        if (wallMode[c]) v += exec * k(P[c].wall);
        else if (jdkWall) {
          if (exec > 0) v += exec * k(P[c].exec);
          if (cols[COL_NATIVE][s] > 0) v += cols[COL_NATIVE][s] * k(P[c].native);
        }
        return v;
      },
      from: jdkWall ? [COL_EXEC, COL_NATIVE, COL_WALLCLOCK] : [COL_WALLCLOCK, COL_EXEC]
    });
    if (!ns) {
      warnings.push(
        "a sampling period behind the wall type is not in the recording: wall values are sample counts"
      );
    }
  }
  if (has(COL_ALLOC_SAMPLE) || has(COL_TLAB)) {
    const col = has(COL_ALLOC_SAMPLE) ? COL_ALLOC_SAMPLE : COL_TLAB;
    columns.push({
      type: { type: "alloc", unit: "bytes" },
      value: (cols, s) => cols[col][s],
      from: [col]
    });
    if (has(COL_ALLOC_SAMPLE) && has(COL_TLAB)) {
      comments.push(
        "alloc is jdk.ObjectAllocationSample weights; the TLAB allocation events in the recording estimate the same allocations and are not added"
      );
    }
  }
  if (has(COL_LOCK)) {
    columns.push({
      type: { type: "lock", unit: "nanoseconds" },
      value: (cols, s) => cols[COL_LOCK][s],
      from: [COL_LOCK]
    });
  }
  if (columns.length === 0) {
    throw new ProfileError(
      "empty",
      file,
      "the JFR recording has no sample events (jdk.ExecutionSample, jdk.NativeMethodSample, allocation, monitor enter or park events)"
    );
  }
  const values = columns.map(() => new Float64Array(store.n));
  const offsets = new Uint32Array(store.n + 1);
  const keep = [];
  let n = 0;
  let nFrames = 0;
  for (let s = 0; s < store.n; s++) {
    let any = false;
    for (let k = 0; k < columns.length; k++) {
      const v = columns[k].value(store.cols, s, store.chunk[s]);
      values[k][n] = v;
      if (v !== 0) any = true;
    }
    if (!any) continue;
    keep.push(s);
    nFrames += store.offsets[s + 1] - store.offsets[s];
    offsets[++n] = nFrames;
  }
  const frames = new Uint32Array(nFrames);
  let at = 0;
  for (const s of keep) {
    const a = store.offsets[s];
    const b = store.offsets[s + 1];
    frames.set(store.frames.subarray(a, b), at);
    at += b - a;
  }
  for (let i = 0; i < SAMPLE_EVENTS.length; i++) {
    if (t.perSpec[i] > 0)
      comments.push(`${SAMPLE_EVENTS[i].name}: ${plural(t.perSpec[i], "event", "events")}`);
  }
  const used = new Set(columns.flatMap((c) => c.from));
  let trunc = 0;
  let all = 0;
  for (const c of used) {
    trunc += t.truncated[c];
    all += t.events[c];
  }
  if (trunc > 0) {
    warnings.push(
      `${trunc} of ${all} events (${pct2(trunc, all)}) have truncated stacks: the JVM records at most its stack depth (64 frames by default), so their outermost frames are missing and cum values of callers near the root are low; raise it with -XX:FlightRecorderOptions:stackdepth=2048`
    );
  }
  let missing = 0;
  let none = 0;
  for (const c of used) {
    missing += t.missingStacks[c];
    none += t.noStack[c];
  }
  if (missing > 0) {
    warnings.push(
      `dropped ${plural(missing, "event", "events")} whose stack trace is missing from the constant pool`
    );
  }
  if (none > 0) {
    warnings.push(`dropped ${plural(none, "event", "events")} recorded without a stack trace`);
  }
  if (t.missingMethods > 0) {
    warnings.push(
      `${plural(t.missingMethods, "frame refers", "frames refer")} to methods missing from the constant pool: named [unknown]`
    );
  }
  const t0 = Math.min(...headers.map((h) => h.startNanos));
  const t1 = Math.max(...headers.map((h) => h.startNanos + h.durationNanos));
  return {
    format: "jfr",
    sampleTypes: columns.map((c) => c.type),
    defaultSampleType: 0,
    values: values.map((v) => v.slice(0, n)),
    functions: names,
    stackOffsets: offsets.slice(0, n + 1),
    stackFrames: frames,
    labelSets: [],
    period,
    periodType: period > 0 ? { type: "cpu", unit: "nanoseconds" } : void 0,
    durationNanos: Number.isFinite(t1 - t0) && t1 > t0 ? t1 - t0 : 0,
    timeNanos: Number.isFinite(t0) ? t0 : 0,
    comments,
    warnings
  };
}
var MAX_TOTAL_FRAMES, UNITS, TIME_ENGINES;
var init_read = __esm({
  "src/profile/jfr/read.ts"() {
    "use strict";
    init_errors2();
    init_chunk();
    init_constants();
    init_events();
    init_metadata();
    init_values();
    MAX_TOTAL_FRAMES = 32 * 1024 * 1024;
    UNITS = {
      ns: 1,
      us: 1e3,
      ms: 1e6,
      s: 1e9,
      m: 6e10,
      h: 36e11,
      d: 864e11
    };
    TIME_ENGINES = /* @__PURE__ */ new Set(["cpu", "itimer", "ctimer", "wall"]);
  }
});

// node_modules/protobufjs/src/util/aspromise.js
var require_aspromise = __commonJS({
  "node_modules/protobufjs/src/util/aspromise.js"(exports, module) {
    "use strict";
    module.exports = asPromise;
    function asPromise(fn, ctx) {
      var params = new Array(arguments.length - 1), offset = 0, index = 2, pending = true;
      while (index < arguments.length)
        params[offset++] = arguments[index++];
      return new Promise(function executor(resolve8, reject) {
        params[offset] = function callback(err) {
          if (pending) {
            pending = false;
            if (err)
              reject(err);
            else {
              var params2 = new Array(arguments.length - 1), offset2 = 0;
              while (offset2 < params2.length)
                params2[offset2++] = arguments[offset2];
              resolve8.apply(null, params2);
            }
          }
        };
        try {
          fn.apply(ctx || null, params);
        } catch (err) {
          if (pending) {
            pending = false;
            reject(err);
          }
        }
      });
    }
  }
});

// node_modules/protobufjs/src/util/base64.js
var require_base64 = __commonJS({
  "node_modules/protobufjs/src/util/base64.js"(exports) {
    "use strict";
    var base64 = exports;
    base64.length = function length(string) {
      var p = string.length;
      if (!p)
        return 0;
      while (p > 0 && string.charAt(p - 1) === "=")
        --p;
      return Math.floor(p * 3 / 4);
    };
    var b64 = new Array(64);
    var s64 = new Array(123);
    for (i = 0; i < 64; )
      s64[b64[i] = i < 26 ? i + 65 : i < 52 ? i + 71 : i < 62 ? i - 4 : i - 59 | 43] = i++;
    var i;
    s64[45] = 62;
    s64[95] = 63;
    base64.encode = function encode(buffer, start, end) {
      var parts2 = null, chunk = [];
      var i2 = 0, j = 0, t;
      while (start < end) {
        var b = buffer[start++];
        switch (j) {
          case 0:
            chunk[i2++] = b64[b >> 2];
            t = (b & 3) << 4;
            j = 1;
            break;
          case 1:
            chunk[i2++] = b64[t | b >> 4];
            t = (b & 15) << 2;
            j = 2;
            break;
          case 2:
            chunk[i2++] = b64[t | b >> 6];
            chunk[i2++] = b64[b & 63];
            j = 0;
            break;
        }
        if (i2 > 8191) {
          (parts2 || (parts2 = [])).push(String.fromCharCode.apply(String, chunk));
          i2 = 0;
        }
      }
      if (j) {
        chunk[i2++] = b64[t];
        chunk[i2++] = 61;
        if (j === 1)
          chunk[i2++] = 61;
      }
      if (parts2) {
        if (i2)
          parts2.push(String.fromCharCode.apply(String, chunk.slice(0, i2)));
        return parts2.join("");
      }
      return String.fromCharCode.apply(String, chunk.slice(0, i2));
    };
    var invalidEncoding = "invalid encoding";
    base64.decode = function decode7(string, buffer, offset) {
      var start = offset;
      var j = 0, t;
      for (var i2 = 0; i2 < string.length; ) {
        var c = string.charCodeAt(i2++);
        if (c === 61 && j > 1)
          break;
        if ((c = s64[c]) === void 0)
          throw Error(invalidEncoding);
        switch (j) {
          case 0:
            t = c;
            j = 1;
            break;
          case 1:
            buffer[offset++] = t << 2 | (c & 48) >> 4;
            t = c;
            j = 2;
            break;
          case 2:
            buffer[offset++] = (t & 15) << 4 | (c & 60) >> 2;
            t = c;
            j = 3;
            break;
          case 3:
            buffer[offset++] = (t & 3) << 6 | c;
            j = 0;
            break;
        }
      }
      if (j === 1)
        throw Error(invalidEncoding);
      return offset - start;
    };
    var base64Re = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
    var base64UrlRe = /[-_]/;
    var base64UrlNoPaddingRe = /^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2}(?:==)?|[A-Za-z0-9_-]{3}=?)?$/;
    base64.test = function test(string) {
      return base64Re.test(string) || base64UrlRe.test(string) && base64UrlNoPaddingRe.test(string);
    };
  }
});

// node_modules/protobufjs/src/util/eventemitter.js
var require_eventemitter = __commonJS({
  "node_modules/protobufjs/src/util/eventemitter.js"(exports, module) {
    "use strict";
    module.exports = EventEmitter;
    function EventEmitter() {
      this._listeners = /* @__PURE__ */ Object.create(null);
    }
    EventEmitter.prototype.on = function on(evt, fn, ctx) {
      (this._listeners[evt] || (this._listeners[evt] = [])).push({
        fn,
        ctx: ctx || this
      });
      return this;
    };
    EventEmitter.prototype.off = function off(evt, fn) {
      if (evt === void 0)
        this._listeners = /* @__PURE__ */ Object.create(null);
      else {
        if (fn === void 0)
          this._listeners[evt] = [];
        else {
          var listeners = this._listeners[evt];
          if (!listeners)
            return this;
          for (var i = 0; i < listeners.length; )
            if (listeners[i].fn === fn)
              listeners.splice(i, 1);
            else
              ++i;
        }
      }
      return this;
    };
    EventEmitter.prototype.emit = function emit2(evt) {
      var listeners = this._listeners[evt];
      if (listeners) {
        var args = [], i = 1;
        for (; i < arguments.length; )
          args.push(arguments[i++]);
        for (i = 0; i < listeners.length; )
          listeners[i].fn.apply(listeners[i++].ctx, args);
      }
      return this;
    };
  }
});

// node_modules/protobufjs/src/util/float.js
var require_float = __commonJS({
  "node_modules/protobufjs/src/util/float.js"(exports, module) {
    "use strict";
    module.exports = factory(factory);
    function factory(exports2) {
      if (typeof Float32Array !== "undefined") (function() {
        var f32 = new Float32Array([-0]), f8b = new Uint8Array(f32.buffer), le = f8b[3] === 128;
        function writeFloat_f32_cpy(val, buf, pos) {
          f32[0] = val;
          buf[pos] = f8b[0];
          buf[pos + 1] = f8b[1];
          buf[pos + 2] = f8b[2];
          buf[pos + 3] = f8b[3];
        }
        function writeFloat_f32_rev(val, buf, pos) {
          f32[0] = val;
          buf[pos] = f8b[3];
          buf[pos + 1] = f8b[2];
          buf[pos + 2] = f8b[1];
          buf[pos + 3] = f8b[0];
        }
        exports2.writeFloatLE = le ? writeFloat_f32_cpy : writeFloat_f32_rev;
        exports2.writeFloatBE = le ? writeFloat_f32_rev : writeFloat_f32_cpy;
        function readFloat_f32_cpy(buf, pos) {
          f8b[0] = buf[pos];
          f8b[1] = buf[pos + 1];
          f8b[2] = buf[pos + 2];
          f8b[3] = buf[pos + 3];
          return f32[0];
        }
        function readFloat_f32_rev(buf, pos) {
          f8b[3] = buf[pos];
          f8b[2] = buf[pos + 1];
          f8b[1] = buf[pos + 2];
          f8b[0] = buf[pos + 3];
          return f32[0];
        }
        exports2.readFloatLE = le ? readFloat_f32_cpy : readFloat_f32_rev;
        exports2.readFloatBE = le ? readFloat_f32_rev : readFloat_f32_cpy;
      })();
      else (function() {
        function writeFloat_ieee754(writeUint, val, buf, pos) {
          var sign = val < 0 ? 1 : 0;
          if (sign)
            val = -val;
          if (val === 0)
            writeUint(1 / val > 0 ? (
              /* positive */
              0
            ) : (
              /* negative 0 */
              2147483648
            ), buf, pos);
          else if (isNaN(val))
            writeUint(2143289344, buf, pos);
          else if (val > 34028234663852886e22)
            writeUint((sign << 31 | 2139095040) >>> 0, buf, pos);
          else if (val < 11754943508222875e-54)
            writeUint((sign << 31 | Math.round(val / 1401298464324817e-60)) >>> 0, buf, pos);
          else {
            var exponent = Math.floor(Math.log(val) / Math.LN2), mantissa = Math.round(val * Math.pow(2, -exponent) * 8388608) & 8388607;
            writeUint((sign << 31 | exponent + 127 << 23 | mantissa) >>> 0, buf, pos);
          }
        }
        exports2.writeFloatLE = writeFloat_ieee754.bind(null, writeUintLE);
        exports2.writeFloatBE = writeFloat_ieee754.bind(null, writeUintBE);
        function readFloat_ieee754(readUint, buf, pos) {
          var uint = readUint(buf, pos), sign = (uint >> 31) * 2 + 1, exponent = uint >>> 23 & 255, mantissa = uint & 8388607;
          return exponent === 255 ? mantissa ? NaN : sign * Infinity : exponent === 0 ? sign * 1401298464324817e-60 * mantissa : sign * Math.pow(2, exponent - 150) * (mantissa + 8388608);
        }
        exports2.readFloatLE = readFloat_ieee754.bind(null, readUintLE);
        exports2.readFloatBE = readFloat_ieee754.bind(null, readUintBE);
      })();
      if (typeof Float64Array !== "undefined") (function() {
        var f64 = new Float64Array([-0]), f8b = new Uint8Array(f64.buffer), le = f8b[7] === 128;
        function writeDouble_f64_cpy(val, buf, pos) {
          f64[0] = val;
          buf[pos] = f8b[0];
          buf[pos + 1] = f8b[1];
          buf[pos + 2] = f8b[2];
          buf[pos + 3] = f8b[3];
          buf[pos + 4] = f8b[4];
          buf[pos + 5] = f8b[5];
          buf[pos + 6] = f8b[6];
          buf[pos + 7] = f8b[7];
        }
        function writeDouble_f64_rev(val, buf, pos) {
          f64[0] = val;
          buf[pos] = f8b[7];
          buf[pos + 1] = f8b[6];
          buf[pos + 2] = f8b[5];
          buf[pos + 3] = f8b[4];
          buf[pos + 4] = f8b[3];
          buf[pos + 5] = f8b[2];
          buf[pos + 6] = f8b[1];
          buf[pos + 7] = f8b[0];
        }
        exports2.writeDoubleLE = le ? writeDouble_f64_cpy : writeDouble_f64_rev;
        exports2.writeDoubleBE = le ? writeDouble_f64_rev : writeDouble_f64_cpy;
        function readDouble_f64_cpy(buf, pos) {
          f8b[0] = buf[pos];
          f8b[1] = buf[pos + 1];
          f8b[2] = buf[pos + 2];
          f8b[3] = buf[pos + 3];
          f8b[4] = buf[pos + 4];
          f8b[5] = buf[pos + 5];
          f8b[6] = buf[pos + 6];
          f8b[7] = buf[pos + 7];
          return f64[0];
        }
        function readDouble_f64_rev(buf, pos) {
          f8b[7] = buf[pos];
          f8b[6] = buf[pos + 1];
          f8b[5] = buf[pos + 2];
          f8b[4] = buf[pos + 3];
          f8b[3] = buf[pos + 4];
          f8b[2] = buf[pos + 5];
          f8b[1] = buf[pos + 6];
          f8b[0] = buf[pos + 7];
          return f64[0];
        }
        exports2.readDoubleLE = le ? readDouble_f64_cpy : readDouble_f64_rev;
        exports2.readDoubleBE = le ? readDouble_f64_rev : readDouble_f64_cpy;
      })();
      else (function() {
        function writeDouble_ieee754(writeUint, off0, off1, val, buf, pos) {
          var sign = val < 0 ? 1 : 0;
          if (sign)
            val = -val;
          if (val === 0) {
            writeUint(0, buf, pos + off0);
            writeUint(1 / val > 0 ? (
              /* positive */
              0
            ) : (
              /* negative 0 */
              2147483648
            ), buf, pos + off1);
          } else if (isNaN(val)) {
            writeUint(0, buf, pos + off0);
            writeUint(2146959360, buf, pos + off1);
          } else if (val > 17976931348623157e292) {
            writeUint(0, buf, pos + off0);
            writeUint((sign << 31 | 2146435072) >>> 0, buf, pos + off1);
          } else {
            var mantissa;
            if (val < 22250738585072014e-324) {
              mantissa = val / 5e-324;
              writeUint(mantissa >>> 0, buf, pos + off0);
              writeUint((sign << 31 | mantissa / 4294967296) >>> 0, buf, pos + off1);
            } else {
              var exponent = Math.floor(Math.log(val) / Math.LN2);
              if (exponent === 1024)
                exponent = 1023;
              mantissa = val * Math.pow(2, -exponent);
              writeUint(mantissa * 4503599627370496 >>> 0, buf, pos + off0);
              writeUint((sign << 31 | exponent + 1023 << 20 | mantissa * 1048576 & 1048575) >>> 0, buf, pos + off1);
            }
          }
        }
        exports2.writeDoubleLE = writeDouble_ieee754.bind(null, writeUintLE, 0, 4);
        exports2.writeDoubleBE = writeDouble_ieee754.bind(null, writeUintBE, 4, 0);
        function readDouble_ieee754(readUint, off0, off1, buf, pos) {
          var lo = readUint(buf, pos + off0), hi = readUint(buf, pos + off1);
          var sign = (hi >> 31) * 2 + 1, exponent = hi >>> 20 & 2047, mantissa = 4294967296 * (hi & 1048575) + lo;
          return exponent === 2047 ? mantissa ? NaN : sign * Infinity : exponent === 0 ? sign * 5e-324 * mantissa : sign * Math.pow(2, exponent - 1075) * (mantissa + 4503599627370496);
        }
        exports2.readDoubleLE = readDouble_ieee754.bind(null, readUintLE, 0, 4);
        exports2.readDoubleBE = readDouble_ieee754.bind(null, readUintBE, 4, 0);
      })();
      return exports2;
    }
    function writeUintLE(val, buf, pos) {
      buf[pos] = val & 255;
      buf[pos + 1] = val >>> 8 & 255;
      buf[pos + 2] = val >>> 16 & 255;
      buf[pos + 3] = val >>> 24;
    }
    function writeUintBE(val, buf, pos) {
      buf[pos] = val >>> 24;
      buf[pos + 1] = val >>> 16 & 255;
      buf[pos + 2] = val >>> 8 & 255;
      buf[pos + 3] = val & 255;
    }
    function readUintLE(buf, pos) {
      return (buf[pos] | buf[pos + 1] << 8 | buf[pos + 2] << 16 | buf[pos + 3] << 24) >>> 0;
    }
    function readUintBE(buf, pos) {
      return (buf[pos] << 24 | buf[pos + 1] << 16 | buf[pos + 2] << 8 | buf[pos + 3]) >>> 0;
    }
  }
});

// node_modules/protobufjs/src/util/utf8.js
var require_utf8 = __commonJS({
  "node_modules/protobufjs/src/util/utf8.js"(exports) {
    "use strict";
    var utf82 = exports;
    var looseDecoder = new TextDecoder("utf-8", { ignoreBOM: true });
    var strictDecoder;
    var TEXT_DECODER_MIN_LENGTH = 64;
    try {
      strictDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    } catch (err) {
      strictDecoder = looseDecoder;
    }
    utf82.length = function utf8_length(string) {
      var len = 0, c = 0;
      for (var i = 0; i < string.length; ++i) {
        c = string.charCodeAt(i);
        if (c < 128)
          len += 1;
        else if (c < 2048)
          len += 2;
        else if ((c & 64512) === 55296 && (string.charCodeAt(i + 1) & 64512) === 56320) {
          ++i;
          len += 4;
        } else
          len += 3;
      }
      return len;
    };
    function utf8_read_decoder(decoder, buffer, start, end) {
      var source = start === 0 && end === buffer.length ? buffer : buffer.subarray(start, end);
      return decoder.decode(source);
    }
    utf82.read = function utf8_read_loose(buffer, start, end) {
      if (end - start < 1)
        return "";
      if (end - start >= TEXT_DECODER_MIN_LENGTH)
        return utf8_read_decoder(looseDecoder, buffer, start, end);
      var str = "", i = start, c1, c2, c3, c4, c5, c6, c7, c8;
      for (; i + 7 < end; i += 8) {
        c1 = buffer[i];
        c2 = buffer[i + 1];
        c3 = buffer[i + 2];
        c4 = buffer[i + 3];
        c5 = buffer[i + 4];
        c6 = buffer[i + 5];
        c7 = buffer[i + 6];
        c8 = buffer[i + 7];
        if ((c1 | c2 | c3 | c4 | c5 | c6 | c7 | c8) & 128)
          return str + utf8_read_decoder(looseDecoder, buffer, i, end);
        str += String.fromCharCode(c1, c2, c3, c4, c5, c6, c7, c8);
      }
      for (; i < end; ++i) {
        c1 = buffer[i];
        if (c1 & 128)
          return str + utf8_read_decoder(looseDecoder, buffer, i, end);
        str += String.fromCharCode(c1);
      }
      return str;
    };
    utf82.readStrict = function utf8_read_strict(buffer, start, end) {
      if (end - start < 1)
        return "";
      if (end - start >= TEXT_DECODER_MIN_LENGTH)
        return utf8_read_decoder(strictDecoder, buffer, start, end);
      var str = "", i = start, c1, c2, c3, c4, c5, c6, c7, c8;
      for (; i + 7 < end; i += 8) {
        c1 = buffer[i];
        c2 = buffer[i + 1];
        c3 = buffer[i + 2];
        c4 = buffer[i + 3];
        c5 = buffer[i + 4];
        c6 = buffer[i + 5];
        c7 = buffer[i + 6];
        c8 = buffer[i + 7];
        if ((c1 | c2 | c3 | c4 | c5 | c6 | c7 | c8) & 128)
          return str + utf8_read_decoder(strictDecoder, buffer, i, end);
        str += String.fromCharCode(c1, c2, c3, c4, c5, c6, c7, c8);
      }
      for (; i < end; ++i) {
        c1 = buffer[i];
        if (c1 & 128)
          return str + utf8_read_decoder(strictDecoder, buffer, i, end);
        str += String.fromCharCode(c1);
      }
      return str;
    };
    utf82.write = function utf8_write(string, buffer, offset) {
      var start = offset, c1, c2;
      for (var i = 0; i < string.length; ++i) {
        c1 = string.charCodeAt(i);
        if (c1 < 128) {
          buffer[offset++] = c1;
        } else if (c1 < 2048) {
          buffer[offset++] = c1 >> 6 | 192;
          buffer[offset++] = c1 & 63 | 128;
        } else if ((c1 & 64512) === 55296 && ((c2 = string.charCodeAt(i + 1)) & 64512) === 56320) {
          c1 = 65536 + ((c1 & 1023) << 10) + (c2 & 1023);
          ++i;
          buffer[offset++] = c1 >> 18 | 240;
          buffer[offset++] = c1 >> 12 & 63 | 128;
          buffer[offset++] = c1 >> 6 & 63 | 128;
          buffer[offset++] = c1 & 63 | 128;
        } else {
          buffer[offset++] = c1 >> 12 | 224;
          buffer[offset++] = c1 >> 6 & 63 | 128;
          buffer[offset++] = c1 & 63 | 128;
        }
      }
      return offset - start;
    };
  }
});

// node_modules/protobufjs/src/util/pool.js
var require_pool = __commonJS({
  "node_modules/protobufjs/src/util/pool.js"(exports, module) {
    "use strict";
    module.exports = pool;
    function pool(alloc, slice, size) {
      var SIZE = size || 8192;
      var MAX = SIZE >>> 1;
      var slab = null;
      var offset = SIZE;
      return function pool_alloc(size2) {
        if (size2 < 1 || size2 > MAX)
          return alloc(size2);
        if (offset + size2 > SIZE) {
          slab = alloc(SIZE);
          offset = 0;
        }
        var buf = slice.call(slab, offset, offset += size2);
        if (offset & 7)
          offset = (offset | 7) + 1;
        return buf;
      };
    }
  }
});

// node_modules/protobufjs/src/util/longbits.js
var require_longbits = __commonJS({
  "node_modules/protobufjs/src/util/longbits.js"(exports, module) {
    "use strict";
    module.exports = LongBits;
    var Long;
    function LongBits(lo, hi) {
      this.lo = lo >>> 0;
      this.hi = hi >>> 0;
    }
    var zero = LongBits.zero = new LongBits(0, 0);
    zero.toNumber = function() {
      return 0;
    };
    zero.zzEncode = zero.zzDecode = function() {
      return this;
    };
    zero.length = function() {
      return 1;
    };
    var zeroHash = LongBits.zeroHash = "\0\0\0\0\0\0\0\0";
    LongBits.fromNumber = function fromNumber(value) {
      if (value === 0)
        return zero;
      var sign = value < 0;
      if (sign)
        value = -value;
      var lo = value >>> 0, hi = (value - lo) / 4294967296 >>> 0;
      if (sign) {
        hi = ~hi >>> 0;
        lo = ~lo >>> 0;
        if (++lo > 4294967295) {
          lo = 0;
          if (++hi > 4294967295)
            hi = 0;
        }
      }
      return new LongBits(lo, hi);
    };
    LongBits.from = function from(value) {
      if (typeof value === "number")
        return LongBits.fromNumber(value);
      if (typeof value === "string" || value instanceof String) {
        if (Long)
          value = Long.fromString(value);
        else
          return LongBits.fromNumber(parseInt(value, 10));
      }
      return value.low || value.high ? new LongBits(value.low >>> 0, value.high >>> 0) : zero;
    };
    LongBits.prototype.toNumber = function toNumber(unsigned) {
      if (!unsigned && this.hi >>> 31) {
        var lo = ~this.lo + 1 >>> 0, hi = ~this.hi >>> 0;
        if (!lo)
          hi = hi + 1 >>> 0;
        return -(lo + hi * 4294967296);
      }
      return this.lo + this.hi * 4294967296;
    };
    LongBits.prototype.toLong = function toLong(unsigned) {
      return Long ? new Long(this.lo | 0, this.hi | 0, Boolean(unsigned)) : { low: this.lo | 0, high: this.hi | 0, unsigned: Boolean(unsigned) };
    };
    var charCodeAt = String.prototype.charCodeAt;
    LongBits.fromHash = function fromHash(hash2) {
      if (hash2 === zeroHash)
        return zero;
      return new LongBits(
        (charCodeAt.call(hash2, 0) | charCodeAt.call(hash2, 1) << 8 | charCodeAt.call(hash2, 2) << 16 | charCodeAt.call(hash2, 3) << 24) >>> 0,
        (charCodeAt.call(hash2, 4) | charCodeAt.call(hash2, 5) << 8 | charCodeAt.call(hash2, 6) << 16 | charCodeAt.call(hash2, 7) << 24) >>> 0
      );
    };
    LongBits.prototype.toHash = function toHash() {
      return String.fromCharCode(
        this.lo & 255,
        this.lo >>> 8 & 255,
        this.lo >>> 16 & 255,
        this.lo >>> 24,
        this.hi & 255,
        this.hi >>> 8 & 255,
        this.hi >>> 16 & 255,
        this.hi >>> 24
      );
    };
    LongBits.prototype.zzEncode = function zzEncode() {
      var mask = this.hi >> 31;
      this.hi = ((this.hi << 1 | this.lo >>> 31) ^ mask) >>> 0;
      this.lo = (this.lo << 1 ^ mask) >>> 0;
      return this;
    };
    LongBits.prototype.zzDecode = function zzDecode() {
      var mask = -(this.lo & 1);
      this.lo = ((this.lo >>> 1 | this.hi << 31) ^ mask) >>> 0;
      this.hi = (this.hi >>> 1 ^ mask) >>> 0;
      return this;
    };
    LongBits.prototype.length = function length() {
      var part0 = this.lo, part1 = (this.lo >>> 28 | this.hi << 4) >>> 0, part2 = this.hi >>> 24;
      return part2 === 0 ? part1 === 0 ? part0 < 16384 ? part0 < 128 ? 1 : 2 : part0 < 2097152 ? 3 : 4 : part1 < 16384 ? part1 < 128 ? 5 : 6 : part1 < 2097152 ? 7 : 8 : part2 < 128 ? 9 : 10;
    };
    LongBits._configure = function(Long_) {
      Long = Long_;
    };
  }
});

// node_modules/long/umd/index.js
var require_umd = __commonJS({
  "node_modules/long/umd/index.js"(exports, module) {
    (function(global2, factory) {
      function preferDefault(exports2) {
        return exports2.default || exports2;
      }
      if (typeof define === "function" && define.amd) {
        define([], function() {
          var exports2 = {};
          factory(exports2);
          return preferDefault(exports2);
        });
      } else if (typeof exports === "object") {
        factory(exports);
        if (typeof module === "object") module.exports = preferDefault(exports);
      } else {
        (function() {
          var exports2 = {};
          factory(exports2);
          global2.Long = preferDefault(exports2);
        })();
      }
    })(
      typeof globalThis !== "undefined" ? globalThis : typeof self !== "undefined" ? self : exports,
      function(_exports) {
        "use strict";
        Object.defineProperty(_exports, "__esModule", {
          value: true
        });
        _exports.default = void 0;
        var wasm = null;
        try {
          wasm = new WebAssembly.Instance(
            new WebAssembly.Module(
              new Uint8Array([
                // \0asm
                0,
                97,
                115,
                109,
                // version 1
                1,
                0,
                0,
                0,
                // section "type"
                1,
                13,
                2,
                // 0, () => i32
                96,
                0,
                1,
                127,
                // 1, (i32, i32, i32, i32) => i32
                96,
                4,
                127,
                127,
                127,
                127,
                1,
                127,
                // section "function"
                3,
                7,
                6,
                // 0, type 0
                0,
                // 1, type 1
                1,
                // 2, type 1
                1,
                // 3, type 1
                1,
                // 4, type 1
                1,
                // 5, type 1
                1,
                // section "global"
                6,
                6,
                1,
                // 0, "high", mutable i32
                127,
                1,
                65,
                0,
                11,
                // section "export"
                7,
                50,
                6,
                // 0, "mul"
                3,
                109,
                117,
                108,
                0,
                1,
                // 1, "div_s"
                5,
                100,
                105,
                118,
                95,
                115,
                0,
                2,
                // 2, "div_u"
                5,
                100,
                105,
                118,
                95,
                117,
                0,
                3,
                // 3, "rem_s"
                5,
                114,
                101,
                109,
                95,
                115,
                0,
                4,
                // 4, "rem_u"
                5,
                114,
                101,
                109,
                95,
                117,
                0,
                5,
                // 5, "get_high"
                8,
                103,
                101,
                116,
                95,
                104,
                105,
                103,
                104,
                0,
                0,
                // section "code"
                10,
                191,
                1,
                6,
                // 0, "get_high"
                4,
                0,
                35,
                0,
                11,
                // 1, "mul"
                36,
                1,
                1,
                126,
                32,
                0,
                173,
                32,
                1,
                173,
                66,
                32,
                134,
                132,
                32,
                2,
                173,
                32,
                3,
                173,
                66,
                32,
                134,
                132,
                126,
                34,
                4,
                66,
                32,
                135,
                167,
                36,
                0,
                32,
                4,
                167,
                11,
                // 2, "div_s"
                36,
                1,
                1,
                126,
                32,
                0,
                173,
                32,
                1,
                173,
                66,
                32,
                134,
                132,
                32,
                2,
                173,
                32,
                3,
                173,
                66,
                32,
                134,
                132,
                127,
                34,
                4,
                66,
                32,
                135,
                167,
                36,
                0,
                32,
                4,
                167,
                11,
                // 3, "div_u"
                36,
                1,
                1,
                126,
                32,
                0,
                173,
                32,
                1,
                173,
                66,
                32,
                134,
                132,
                32,
                2,
                173,
                32,
                3,
                173,
                66,
                32,
                134,
                132,
                128,
                34,
                4,
                66,
                32,
                135,
                167,
                36,
                0,
                32,
                4,
                167,
                11,
                // 4, "rem_s"
                36,
                1,
                1,
                126,
                32,
                0,
                173,
                32,
                1,
                173,
                66,
                32,
                134,
                132,
                32,
                2,
                173,
                32,
                3,
                173,
                66,
                32,
                134,
                132,
                129,
                34,
                4,
                66,
                32,
                135,
                167,
                36,
                0,
                32,
                4,
                167,
                11,
                // 5, "rem_u"
                36,
                1,
                1,
                126,
                32,
                0,
                173,
                32,
                1,
                173,
                66,
                32,
                134,
                132,
                32,
                2,
                173,
                32,
                3,
                173,
                66,
                32,
                134,
                132,
                130,
                34,
                4,
                66,
                32,
                135,
                167,
                36,
                0,
                32,
                4,
                167,
                11
              ])
            ),
            {}
          ).exports;
        } catch {
        }
        function Long(low, high, unsigned) {
          this.low = low | 0;
          this.high = high | 0;
          this.unsigned = !!unsigned;
        }
        Long.prototype.__isLong__;
        Object.defineProperty(Long.prototype, "__isLong__", {
          value: true
        });
        function isLong(obj) {
          return (obj && obj["__isLong__"]) === true;
        }
        function ctz32(value) {
          var c = Math.clz32(value & -value);
          return value ? 31 - c : c;
        }
        Long.isLong = isLong;
        var INT_CACHE = {};
        var UINT_CACHE = {};
        function fromInt(value, unsigned) {
          var obj, cachedObj, cache;
          if (unsigned) {
            value >>>= 0;
            if (cache = 0 <= value && value < 256) {
              cachedObj = UINT_CACHE[value];
              if (cachedObj) return cachedObj;
            }
            obj = fromBits(value, 0, true);
            if (cache) UINT_CACHE[value] = obj;
            return obj;
          } else {
            value |= 0;
            if (cache = -128 <= value && value < 128) {
              cachedObj = INT_CACHE[value];
              if (cachedObj) return cachedObj;
            }
            obj = fromBits(value, value < 0 ? -1 : 0, false);
            if (cache) INT_CACHE[value] = obj;
            return obj;
          }
        }
        Long.fromInt = fromInt;
        function fromNumber(value, unsigned) {
          if (isNaN(value)) return unsigned ? UZERO : ZERO;
          if (unsigned) {
            if (value < 0) return UZERO;
            if (value >= TWO_PWR_64_DBL) return MAX_UNSIGNED_VALUE;
          } else {
            if (value <= -TWO_PWR_63_DBL) return MIN_VALUE;
            if (value + 1 >= TWO_PWR_63_DBL) return MAX_VALUE;
          }
          if (value < 0) return fromNumber(-value, unsigned).neg();
          return fromBits(
            value % TWO_PWR_32_DBL | 0,
            value / TWO_PWR_32_DBL | 0,
            unsigned
          );
        }
        Long.fromNumber = fromNumber;
        function fromBits(lowBits, highBits, unsigned) {
          return new Long(lowBits, highBits, unsigned);
        }
        Long.fromBits = fromBits;
        var pow_dbl = Math.pow;
        function fromString(str, unsigned, radix) {
          if (str.length === 0) throw Error("empty string");
          if (typeof unsigned === "number") {
            radix = unsigned;
            unsigned = false;
          } else {
            unsigned = !!unsigned;
          }
          if (str === "NaN" || str === "Infinity" || str === "+Infinity" || str === "-Infinity")
            return unsigned ? UZERO : ZERO;
          radix = radix || 10;
          if (radix < 2 || 36 < radix) throw RangeError("radix");
          var p;
          if ((p = str.indexOf("-")) > 0) throw Error("interior hyphen");
          else if (p === 0) {
            return fromString(str.substring(1), unsigned, radix).neg();
          }
          var radixToPower = fromNumber(pow_dbl(radix, 8));
          var result = ZERO;
          for (var i = 0; i < str.length; i += 8) {
            var size = Math.min(8, str.length - i), value = parseInt(str.substring(i, i + size), radix);
            if (size < 8) {
              var power = fromNumber(pow_dbl(radix, size));
              result = result.mul(power).add(fromNumber(value));
            } else {
              result = result.mul(radixToPower);
              result = result.add(fromNumber(value));
            }
          }
          result.unsigned = unsigned;
          return result;
        }
        Long.fromString = fromString;
        function fromValue(val, unsigned) {
          if (typeof val === "number") return fromNumber(val, unsigned);
          if (typeof val === "string") return fromString(val, unsigned);
          return fromBits(
            val.low,
            val.high,
            typeof unsigned === "boolean" ? unsigned : val.unsigned
          );
        }
        Long.fromValue = fromValue;
        var TWO_PWR_16_DBL = 1 << 16;
        var TWO_PWR_24_DBL = 1 << 24;
        var TWO_PWR_32_DBL = TWO_PWR_16_DBL * TWO_PWR_16_DBL;
        var TWO_PWR_64_DBL = TWO_PWR_32_DBL * TWO_PWR_32_DBL;
        var TWO_PWR_63_DBL = TWO_PWR_64_DBL / 2;
        var TWO_PWR_24 = fromInt(TWO_PWR_24_DBL);
        var ZERO = fromInt(0);
        Long.ZERO = ZERO;
        var UZERO = fromInt(0, true);
        Long.UZERO = UZERO;
        var ONE2 = fromInt(1);
        Long.ONE = ONE2;
        var UONE = fromInt(1, true);
        Long.UONE = UONE;
        var NEG_ONE = fromInt(-1);
        Long.NEG_ONE = NEG_ONE;
        var MAX_VALUE = fromBits(4294967295 | 0, 2147483647 | 0, false);
        Long.MAX_VALUE = MAX_VALUE;
        var MAX_UNSIGNED_VALUE = fromBits(4294967295 | 0, 4294967295 | 0, true);
        Long.MAX_UNSIGNED_VALUE = MAX_UNSIGNED_VALUE;
        var MIN_VALUE = fromBits(0, 2147483648 | 0, false);
        Long.MIN_VALUE = MIN_VALUE;
        var LongPrototype = Long.prototype;
        LongPrototype.toInt = function toInt() {
          return this.unsigned ? this.low >>> 0 : this.low;
        };
        LongPrototype.toNumber = function toNumber() {
          if (this.unsigned)
            return (this.high >>> 0) * TWO_PWR_32_DBL + (this.low >>> 0);
          return this.high * TWO_PWR_32_DBL + (this.low >>> 0);
        };
        LongPrototype.toString = function toString(radix) {
          radix = radix || 10;
          if (radix < 2 || 36 < radix) throw RangeError("radix");
          if (this.isZero()) return "0";
          if (this.isNegative()) {
            if (this.eq(MIN_VALUE)) {
              var radixLong = fromNumber(radix), div = this.div(radixLong), rem1 = div.mul(radixLong).sub(this);
              return div.toString(radix) + rem1.toInt().toString(radix);
            } else return "-" + this.neg().toString(radix);
          }
          var radixToPower = fromNumber(pow_dbl(radix, 6), this.unsigned), rem = this;
          var result = "";
          while (true) {
            var remDiv = rem.div(radixToPower), intval = rem.sub(remDiv.mul(radixToPower)).toInt() >>> 0, digits = intval.toString(radix);
            rem = remDiv;
            if (rem.isZero()) return digits + result;
            else {
              while (digits.length < 6) digits = "0" + digits;
              result = "" + digits + result;
            }
          }
        };
        LongPrototype.getHighBits = function getHighBits() {
          return this.high;
        };
        LongPrototype.getHighBitsUnsigned = function getHighBitsUnsigned() {
          return this.high >>> 0;
        };
        LongPrototype.getLowBits = function getLowBits() {
          return this.low;
        };
        LongPrototype.getLowBitsUnsigned = function getLowBitsUnsigned() {
          return this.low >>> 0;
        };
        LongPrototype.getNumBitsAbs = function getNumBitsAbs() {
          if (this.isNegative())
            return this.eq(MIN_VALUE) ? 64 : this.neg().getNumBitsAbs();
          var val = this.high != 0 ? this.high : this.low;
          for (var bit = 31; bit > 0; bit--) if ((val & 1 << bit) != 0) break;
          return this.high != 0 ? bit + 33 : bit + 1;
        };
        LongPrototype.isSafeInteger = function isSafeInteger() {
          var top11Bits = this.high >> 21;
          if (!top11Bits) return true;
          if (this.unsigned) return false;
          return top11Bits === -1 && !(this.low === 0 && this.high === -2097152);
        };
        LongPrototype.isZero = function isZero() {
          return this.high === 0 && this.low === 0;
        };
        LongPrototype.eqz = LongPrototype.isZero;
        LongPrototype.isNegative = function isNegative() {
          return !this.unsigned && this.high < 0;
        };
        LongPrototype.isPositive = function isPositive() {
          return this.unsigned || this.high >= 0;
        };
        LongPrototype.isOdd = function isOdd() {
          return (this.low & 1) === 1;
        };
        LongPrototype.isEven = function isEven() {
          return (this.low & 1) === 0;
        };
        LongPrototype.equals = function equals(other) {
          if (!isLong(other)) other = fromValue(other);
          if (this.unsigned !== other.unsigned && this.high >>> 31 === 1 && other.high >>> 31 === 1)
            return false;
          return this.high === other.high && this.low === other.low;
        };
        LongPrototype.eq = LongPrototype.equals;
        LongPrototype.notEquals = function notEquals(other) {
          return !this.eq(
            /* validates */
            other
          );
        };
        LongPrototype.neq = LongPrototype.notEquals;
        LongPrototype.ne = LongPrototype.notEquals;
        LongPrototype.lessThan = function lessThan(other) {
          return this.comp(
            /* validates */
            other
          ) < 0;
        };
        LongPrototype.lt = LongPrototype.lessThan;
        LongPrototype.lessThanOrEqual = function lessThanOrEqual(other) {
          return this.comp(
            /* validates */
            other
          ) <= 0;
        };
        LongPrototype.lte = LongPrototype.lessThanOrEqual;
        LongPrototype.le = LongPrototype.lessThanOrEqual;
        LongPrototype.greaterThan = function greaterThan(other) {
          return this.comp(
            /* validates */
            other
          ) > 0;
        };
        LongPrototype.gt = LongPrototype.greaterThan;
        LongPrototype.greaterThanOrEqual = function greaterThanOrEqual(other) {
          return this.comp(
            /* validates */
            other
          ) >= 0;
        };
        LongPrototype.gte = LongPrototype.greaterThanOrEqual;
        LongPrototype.ge = LongPrototype.greaterThanOrEqual;
        LongPrototype.compare = function compare2(other) {
          if (!isLong(other)) other = fromValue(other);
          if (this.eq(other)) return 0;
          var thisNeg = this.isNegative(), otherNeg = other.isNegative();
          if (thisNeg && !otherNeg) return -1;
          if (!thisNeg && otherNeg) return 1;
          if (!this.unsigned) return this.sub(other).isNegative() ? -1 : 1;
          return other.high >>> 0 > this.high >>> 0 || other.high === this.high && other.low >>> 0 > this.low >>> 0 ? -1 : 1;
        };
        LongPrototype.comp = LongPrototype.compare;
        LongPrototype.negate = function negate() {
          if (!this.unsigned && this.eq(MIN_VALUE)) return MIN_VALUE;
          return this.not().add(ONE2);
        };
        LongPrototype.neg = LongPrototype.negate;
        LongPrototype.add = function add(addend) {
          if (!isLong(addend)) addend = fromValue(addend);
          var a48 = this.high >>> 16;
          var a32 = this.high & 65535;
          var a16 = this.low >>> 16;
          var a00 = this.low & 65535;
          var b48 = addend.high >>> 16;
          var b32 = addend.high & 65535;
          var b16 = addend.low >>> 16;
          var b00 = addend.low & 65535;
          var c48 = 0, c32 = 0, c16 = 0, c00 = 0;
          c00 += a00 + b00;
          c16 += c00 >>> 16;
          c00 &= 65535;
          c16 += a16 + b16;
          c32 += c16 >>> 16;
          c16 &= 65535;
          c32 += a32 + b32;
          c48 += c32 >>> 16;
          c32 &= 65535;
          c48 += a48 + b48;
          c48 &= 65535;
          return fromBits(c16 << 16 | c00, c48 << 16 | c32, this.unsigned);
        };
        LongPrototype.subtract = function subtract(subtrahend) {
          if (!isLong(subtrahend)) subtrahend = fromValue(subtrahend);
          return this.add(subtrahend.neg());
        };
        LongPrototype.sub = LongPrototype.subtract;
        LongPrototype.multiply = function multiply(multiplier) {
          if (this.isZero()) return this;
          if (!isLong(multiplier)) multiplier = fromValue(multiplier);
          if (wasm) {
            var low = wasm["mul"](
              this.low,
              this.high,
              multiplier.low,
              multiplier.high
            );
            return fromBits(low, wasm["get_high"](), this.unsigned);
          }
          if (multiplier.isZero()) return this.unsigned ? UZERO : ZERO;
          if (this.eq(MIN_VALUE)) return multiplier.isOdd() ? MIN_VALUE : ZERO;
          if (multiplier.eq(MIN_VALUE)) return this.isOdd() ? MIN_VALUE : ZERO;
          if (this.isNegative()) {
            if (multiplier.isNegative()) return this.neg().mul(multiplier.neg());
            else return this.neg().mul(multiplier).neg();
          } else if (multiplier.isNegative())
            return this.mul(multiplier.neg()).neg();
          if (this.lt(TWO_PWR_24) && multiplier.lt(TWO_PWR_24))
            return fromNumber(
              this.toNumber() * multiplier.toNumber(),
              this.unsigned
            );
          var a48 = this.high >>> 16;
          var a32 = this.high & 65535;
          var a16 = this.low >>> 16;
          var a00 = this.low & 65535;
          var b48 = multiplier.high >>> 16;
          var b32 = multiplier.high & 65535;
          var b16 = multiplier.low >>> 16;
          var b00 = multiplier.low & 65535;
          var c48 = 0, c32 = 0, c16 = 0, c00 = 0;
          c00 += a00 * b00;
          c16 += c00 >>> 16;
          c00 &= 65535;
          c16 += a16 * b00;
          c32 += c16 >>> 16;
          c16 &= 65535;
          c16 += a00 * b16;
          c32 += c16 >>> 16;
          c16 &= 65535;
          c32 += a32 * b00;
          c48 += c32 >>> 16;
          c32 &= 65535;
          c32 += a16 * b16;
          c48 += c32 >>> 16;
          c32 &= 65535;
          c32 += a00 * b32;
          c48 += c32 >>> 16;
          c32 &= 65535;
          c48 += a48 * b00 + a32 * b16 + a16 * b32 + a00 * b48;
          c48 &= 65535;
          return fromBits(c16 << 16 | c00, c48 << 16 | c32, this.unsigned);
        };
        LongPrototype.mul = LongPrototype.multiply;
        LongPrototype.divide = function divide(divisor) {
          if (!isLong(divisor)) divisor = fromValue(divisor);
          if (divisor.isZero()) throw Error("division by zero");
          if (wasm) {
            if (!this.unsigned && this.high === -2147483648 && divisor.low === -1 && divisor.high === -1) {
              return this;
            }
            var low = (this.unsigned ? wasm["div_u"] : wasm["div_s"])(
              this.low,
              this.high,
              divisor.low,
              divisor.high
            );
            return fromBits(low, wasm["get_high"](), this.unsigned);
          }
          if (this.isZero()) return this.unsigned ? UZERO : ZERO;
          var approx, rem, res;
          if (!this.unsigned) {
            if (this.eq(MIN_VALUE)) {
              if (divisor.eq(ONE2) || divisor.eq(NEG_ONE))
                return MIN_VALUE;
              else if (divisor.eq(MIN_VALUE)) return ONE2;
              else {
                var halfThis = this.shr(1);
                approx = halfThis.div(divisor).shl(1);
                if (approx.eq(ZERO)) {
                  return divisor.isNegative() ? ONE2 : NEG_ONE;
                } else {
                  rem = this.sub(divisor.mul(approx));
                  res = approx.add(rem.div(divisor));
                  return res;
                }
              }
            } else if (divisor.eq(MIN_VALUE)) return this.unsigned ? UZERO : ZERO;
            if (this.isNegative()) {
              if (divisor.isNegative()) return this.neg().div(divisor.neg());
              return this.neg().div(divisor).neg();
            } else if (divisor.isNegative()) return this.div(divisor.neg()).neg();
            res = ZERO;
          } else {
            if (!divisor.unsigned) divisor = divisor.toUnsigned();
            if (divisor.gt(this)) return UZERO;
            if (divisor.gt(this.shru(1)))
              return UONE;
            res = UZERO;
          }
          rem = this;
          while (rem.gte(divisor)) {
            approx = Math.max(1, Math.floor(rem.toNumber() / divisor.toNumber()));
            var log2 = Math.ceil(Math.log(approx) / Math.LN2), delta = log2 <= 48 ? 1 : pow_dbl(2, log2 - 48), approxRes = fromNumber(approx), approxRem = approxRes.mul(divisor);
            while (approxRem.isNegative() || approxRem.gt(rem)) {
              approx -= delta;
              approxRes = fromNumber(approx, this.unsigned);
              approxRem = approxRes.mul(divisor);
            }
            if (approxRes.isZero()) approxRes = ONE2;
            res = res.add(approxRes);
            rem = rem.sub(approxRem);
          }
          return res;
        };
        LongPrototype.div = LongPrototype.divide;
        LongPrototype.modulo = function modulo(divisor) {
          if (!isLong(divisor)) divisor = fromValue(divisor);
          if (wasm) {
            var low = (this.unsigned ? wasm["rem_u"] : wasm["rem_s"])(
              this.low,
              this.high,
              divisor.low,
              divisor.high
            );
            return fromBits(low, wasm["get_high"](), this.unsigned);
          }
          return this.sub(this.div(divisor).mul(divisor));
        };
        LongPrototype.mod = LongPrototype.modulo;
        LongPrototype.rem = LongPrototype.modulo;
        LongPrototype.not = function not() {
          return fromBits(~this.low, ~this.high, this.unsigned);
        };
        LongPrototype.countLeadingZeros = function countLeadingZeros() {
          return this.high ? Math.clz32(this.high) : Math.clz32(this.low) + 32;
        };
        LongPrototype.clz = LongPrototype.countLeadingZeros;
        LongPrototype.countTrailingZeros = function countTrailingZeros() {
          return this.low ? ctz32(this.low) : ctz32(this.high) + 32;
        };
        LongPrototype.ctz = LongPrototype.countTrailingZeros;
        LongPrototype.and = function and(other) {
          if (!isLong(other)) other = fromValue(other);
          return fromBits(
            this.low & other.low,
            this.high & other.high,
            this.unsigned
          );
        };
        LongPrototype.or = function or(other) {
          if (!isLong(other)) other = fromValue(other);
          return fromBits(
            this.low | other.low,
            this.high | other.high,
            this.unsigned
          );
        };
        LongPrototype.xor = function xor(other) {
          if (!isLong(other)) other = fromValue(other);
          return fromBits(
            this.low ^ other.low,
            this.high ^ other.high,
            this.unsigned
          );
        };
        LongPrototype.shiftLeft = function shiftLeft(numBits) {
          if (isLong(numBits)) numBits = numBits.toInt();
          if ((numBits &= 63) === 0) return this;
          else if (numBits < 32)
            return fromBits(
              this.low << numBits,
              this.high << numBits | this.low >>> 32 - numBits,
              this.unsigned
            );
          else return fromBits(0, this.low << numBits - 32, this.unsigned);
        };
        LongPrototype.shl = LongPrototype.shiftLeft;
        LongPrototype.shiftRight = function shiftRight(numBits) {
          if (isLong(numBits)) numBits = numBits.toInt();
          if ((numBits &= 63) === 0) return this;
          else if (numBits < 32)
            return fromBits(
              this.low >>> numBits | this.high << 32 - numBits,
              this.high >> numBits,
              this.unsigned
            );
          else
            return fromBits(
              this.high >> numBits - 32,
              this.high >= 0 ? 0 : -1,
              this.unsigned
            );
        };
        LongPrototype.shr = LongPrototype.shiftRight;
        LongPrototype.shiftRightUnsigned = function shiftRightUnsigned(numBits) {
          if (isLong(numBits)) numBits = numBits.toInt();
          if ((numBits &= 63) === 0) return this;
          if (numBits < 32)
            return fromBits(
              this.low >>> numBits | this.high << 32 - numBits,
              this.high >>> numBits,
              this.unsigned
            );
          if (numBits === 32) return fromBits(this.high, 0, this.unsigned);
          return fromBits(this.high >>> numBits - 32, 0, this.unsigned);
        };
        LongPrototype.shru = LongPrototype.shiftRightUnsigned;
        LongPrototype.shr_u = LongPrototype.shiftRightUnsigned;
        LongPrototype.rotateLeft = function rotateLeft(numBits) {
          var b;
          if (isLong(numBits)) numBits = numBits.toInt();
          if ((numBits &= 63) === 0) return this;
          if (numBits === 32) return fromBits(this.high, this.low, this.unsigned);
          if (numBits < 32) {
            b = 32 - numBits;
            return fromBits(
              this.low << numBits | this.high >>> b,
              this.high << numBits | this.low >>> b,
              this.unsigned
            );
          }
          numBits -= 32;
          b = 32 - numBits;
          return fromBits(
            this.high << numBits | this.low >>> b,
            this.low << numBits | this.high >>> b,
            this.unsigned
          );
        };
        LongPrototype.rotl = LongPrototype.rotateLeft;
        LongPrototype.rotateRight = function rotateRight(numBits) {
          var b;
          if (isLong(numBits)) numBits = numBits.toInt();
          if ((numBits &= 63) === 0) return this;
          if (numBits === 32) return fromBits(this.high, this.low, this.unsigned);
          if (numBits < 32) {
            b = 32 - numBits;
            return fromBits(
              this.high << b | this.low >>> numBits,
              this.low << b | this.high >>> numBits,
              this.unsigned
            );
          }
          numBits -= 32;
          b = 32 - numBits;
          return fromBits(
            this.low << b | this.high >>> numBits,
            this.high << b | this.low >>> numBits,
            this.unsigned
          );
        };
        LongPrototype.rotr = LongPrototype.rotateRight;
        LongPrototype.toSigned = function toSigned() {
          if (!this.unsigned) return this;
          return fromBits(this.low, this.high, false);
        };
        LongPrototype.toUnsigned = function toUnsigned() {
          if (this.unsigned) return this;
          return fromBits(this.low, this.high, true);
        };
        LongPrototype.toBytes = function toBytes(le) {
          return le ? this.toBytesLE() : this.toBytesBE();
        };
        LongPrototype.toBytesLE = function toBytesLE() {
          var hi = this.high, lo = this.low;
          return [
            lo & 255,
            lo >>> 8 & 255,
            lo >>> 16 & 255,
            lo >>> 24,
            hi & 255,
            hi >>> 8 & 255,
            hi >>> 16 & 255,
            hi >>> 24
          ];
        };
        LongPrototype.toBytesBE = function toBytesBE() {
          var hi = this.high, lo = this.low;
          return [
            hi >>> 24,
            hi >>> 16 & 255,
            hi >>> 8 & 255,
            hi & 255,
            lo >>> 24,
            lo >>> 16 & 255,
            lo >>> 8 & 255,
            lo & 255
          ];
        };
        Long.fromBytes = function fromBytes(bytes, unsigned, le) {
          return le ? Long.fromBytesLE(bytes, unsigned) : Long.fromBytesBE(bytes, unsigned);
        };
        Long.fromBytesLE = function fromBytesLE(bytes, unsigned) {
          return new Long(
            bytes[0] | bytes[1] << 8 | bytes[2] << 16 | bytes[3] << 24,
            bytes[4] | bytes[5] << 8 | bytes[6] << 16 | bytes[7] << 24,
            unsigned
          );
        };
        Long.fromBytesBE = function fromBytesBE(bytes, unsigned) {
          return new Long(
            bytes[4] << 24 | bytes[5] << 16 | bytes[6] << 8 | bytes[7],
            bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3],
            unsigned
          );
        };
        if (typeof BigInt === "function") {
          Long.fromBigInt = function fromBigInt(value, unsigned) {
            var lowBits = Number(BigInt.asIntN(32, value));
            var highBits = Number(BigInt.asIntN(32, value >> BigInt(32)));
            return fromBits(lowBits, highBits, unsigned);
          };
          Long.fromValue = function fromValueWithBigInt(value, unsigned) {
            if (typeof value === "bigint") return Long.fromBigInt(value, unsigned);
            return fromValue(value, unsigned);
          };
          LongPrototype.toBigInt = function toBigInt() {
            var lowBigInt = BigInt(this.low >>> 0);
            var highBigInt = BigInt(this.unsigned ? this.high >>> 0 : this.high);
            return highBigInt << BigInt(32) | lowBigInt;
          };
        }
        var _default = _exports.default = Long;
      }
    );
  }
});

// node_modules/protobufjs/src/util/minimal.js
var require_minimal = __commonJS({
  "node_modules/protobufjs/src/util/minimal.js"(exports) {
    "use strict";
    var util = exports;
    util.asPromise = require_aspromise();
    util.base64 = require_base64();
    util.EventEmitter = require_eventemitter();
    util.float = require_float();
    util.utf8 = require_utf8();
    util.pool = require_pool();
    util.LongBits = require_longbits();
    function isUnsafeProperty(key2) {
      return key2 === "__proto__" || key2 === "prototype" || key2 === "constructor";
    }
    util.isUnsafeProperty = isUnsafeProperty;
    util.isNode = Boolean(typeof global !== "undefined" && global && global.process && global.process.versions && global.process.versions.node);
    util.global = util.isNode && global || typeof window !== "undefined" && window || typeof self !== "undefined" && self || typeof globalThis !== "undefined" && globalThis || exports;
    util.emptyArray = Object.freeze ? Object.freeze([]) : (
      /* istanbul ignore next */
      []
    );
    util.emptyObject = Object.freeze ? Object.freeze({}) : (
      /* istanbul ignore next */
      {}
    );
    util.isInteger = Number.isInteger || /* istanbul ignore next */
    function isInteger(value) {
      return typeof value === "number" && isFinite(value) && Math.floor(value) === value;
    };
    util.isString = function isString(value) {
      return typeof value === "string" || value instanceof String;
    };
    util.isObject = function isObject5(value) {
      return value && typeof value === "object";
    };
    util.isset = /**
     * Checks if a property on a message is considered to be present.
     * @param {Object} obj Plain object or message instance
     * @param {string} prop Property name
     * @returns {boolean} `true` if considered to be present, otherwise `false`
     */
    util.isSet = function isSet(obj, prop) {
      var value = obj[prop];
      if (value != null && Object.hasOwnProperty.call(obj, prop))
        return typeof value !== "object" || (Array.isArray(value) ? value.length : Object.keys(value).length) > 0;
      return false;
    };
    util.Buffer = (function() {
      try {
        var Buffer3 = util.global.Buffer;
        return Buffer3.prototype.utf8Write || util.isNode ? Buffer3 : (
          /* istanbul ignore next */
          null
        );
      } catch (e) {
        return null;
      }
    })();
    util.newBuffer = function newBuffer(sizeOrArray) {
      var Buffer3 = util.Buffer;
      return typeof sizeOrArray === "number" ? Buffer3 ? Buffer3.allocUnsafe(sizeOrArray) : new Uint8Array(sizeOrArray) : Buffer3 ? Buffer3.from(sizeOrArray) : new Uint8Array(sizeOrArray);
    };
    util.rawField = function rawField(id, wireType, data) {
      var out = [], tag = id << 3 | wireType;
      tag >>>= 0;
      while (tag > 127) {
        out.push(tag & 127 | 128);
        tag >>>= 7;
      }
      out.push(tag);
      for (var i = 0; i < data.length; ++i)
        out.push(data[i]);
      return util.newBuffer(out);
    };
    util.Array = Uint8Array;
    util.Long = /* istanbul ignore next */
    util.global.dcodeIO && /* istanbul ignore next */
    util.global.dcodeIO.Long || /* istanbul ignore next */
    util.global.Long || (function() {
      try {
        var Long = require_umd();
        return Long && Long.isLong ? Long : null;
      } catch (e) {
        return null;
      }
    })();
    util.key2Re = /^(?:true|false|0|1)$/;
    util.key32Re = /^-?(?:0|[1-9][0-9]*)$/;
    util.key64Re = /^(?:[\x00-\xff]{8}|-?(?:0|[1-9][0-9]*))$/;
    util.longToHash = function longToHash(value) {
      return value ? util.LongBits.from(value).toHash() : util.LongBits.zeroHash;
    };
    util.longFromHash = function longFromHash(hash2, unsigned) {
      var bits = util.LongBits.fromHash(hash2);
      if (util.Long)
        return util.Long.fromBits(bits.lo, bits.hi, unsigned);
      return bits.toNumber(Boolean(unsigned));
    };
    util.longFromKey = function longFromKey(key2, unsigned) {
      return util.key64Re.test(key2) && !util.key32Re.test(key2) ? util.longFromHash(key2, unsigned) : key2;
    };
    util.boolFromKey = function boolFromKey(key2) {
      return key2 === "true" || key2 === "1";
    };
    function merge(dst) {
      var ifNotSet = typeof arguments[arguments.length - 1] === "boolean", limit = ifNotSet ? arguments.length - 1 : arguments.length;
      ifNotSet = ifNotSet && arguments[arguments.length - 1];
      for (var a = 1; a < limit; ++a) {
        var src = arguments[a];
        if (!src)
          continue;
        for (var keys = Object.keys(src), i = 0; i < keys.length; ++i)
          if (!isUnsafeProperty(keys[i]) && (!ifNotSet || !Object.prototype.hasOwnProperty.call(dst, keys[i]) || dst[keys[i]] === void 0))
            dst[keys[i]] = src[keys[i]];
      }
      return dst;
    }
    util.merge = merge;
    util.nestingLimit = 32;
    util.recursionLimit = 100;
    util.makeProp = function makeProp(obj, key2, enumerable) {
      if (Object.prototype.hasOwnProperty.call(obj, key2))
        return;
      Object.defineProperty(obj, key2, {
        enumerable: enumerable === void 0 ? true : enumerable,
        configurable: true,
        writable: true
      });
    };
    util.lcFirst = function lcFirst(str) {
      return str.charAt(0).toLowerCase() + str.substring(1);
    };
    function newError(name) {
      function CustomError(message, properties) {
        if (!(this instanceof CustomError))
          return new CustomError(message, properties);
        Object.defineProperty(this, "message", { get: function() {
          return message;
        } });
        if (Error.captureStackTrace)
          Error.captureStackTrace(this, CustomError);
        else
          Object.defineProperty(this, "stack", { value: new Error().stack || "" });
        if (properties)
          merge(this, properties);
      }
      CustomError.prototype = Object.create(Error.prototype, {
        constructor: {
          value: CustomError,
          writable: true,
          enumerable: false,
          configurable: true
        },
        name: {
          get: function get() {
            return name;
          },
          set: void 0,
          enumerable: false,
          // configurable: false would accurately preserve the behavior of
          // the original, but I'm guessing that was not intentional.
          // For an actual error subclass, this property would
          // be configurable.
          configurable: true
        },
        toString: {
          value: function value() {
            return this.name + ": " + this.message;
          },
          writable: true,
          enumerable: false,
          configurable: true
        }
      });
      return CustomError;
    }
    util.newError = newError;
    util.ProtocolError = newError("ProtocolError");
    util.oneOfGetter = function getOneOf(fieldNames) {
      var fieldMap = {};
      for (var i = 0; i < fieldNames.length; ++i)
        fieldMap[fieldNames[i]] = 1;
      return function() {
        for (var keys = Object.keys(this), i2 = keys.length - 1; i2 > -1; --i2)
          if (fieldMap[keys[i2]] === 1 && this[keys[i2]] !== void 0 && this[keys[i2]] !== null)
            return keys[i2];
      };
    };
    util.oneOfSetter = function setOneOf(fieldNames) {
      return function(name) {
        for (var i = 0; i < fieldNames.length; ++i)
          if (fieldNames[i] !== name)
            delete this[fieldNames[i]];
      };
    };
    util.toJSONOptions = {
      longs: String,
      enums: String,
      bytes: String,
      json: true
    };
  }
});

// node_modules/protobufjs/src/writer.js
var require_writer = __commonJS({
  "node_modules/protobufjs/src/writer.js"(exports, module) {
    "use strict";
    module.exports = Writer;
    var util = require_minimal();
    var BufferWriter;
    var LongBits = util.LongBits;
    var base64 = util.base64;
    var utf82 = util.utf8;
    function Writer() {
      this.pos = 0;
      this.buf = this.constructor.alloc(Writer.initialBufferSize);
      this.view = null;
      this.states = null;
    }
    Writer.initialBufferSize = 128;
    Object.defineProperty(Writer.prototype, "len", {
      configurable: true,
      enumerable: true,
      get: function get_len() {
        return this.pos;
      }
    });
    var create = function create2() {
      return util.Buffer ? function create_buffer_setup() {
        return (Writer.create = function create_buffer() {
          return new BufferWriter();
        })();
      } : function create_array() {
        return new Writer();
      };
    };
    Writer.create = create();
    Writer.alloc = function alloc(size) {
      return new Uint8Array(size);
    };
    Writer.alloc = util.pool(Writer.alloc, Uint8Array.prototype.subarray);
    function sizeVarint32(value) {
      return value < 128 ? 1 : value < 16384 ? 2 : value < 2097152 ? 3 : value < 268435456 ? 4 : 5;
    }
    Writer.prototype._reserve = function _reserve(n) {
      var need = this.pos + n;
      if (need > this.buf.length) {
        var size = this.buf.length << 1;
        if (size < need)
          size = need;
        var buf = this.constructor.alloc(size);
        buf.set(this.buf.subarray(0, this.pos), 0);
        this.buf = buf;
        this.view = null;
      }
    };
    function writeStringAscii(val, buf, pos) {
      for (var i = 0; i < val.length; )
        buf[pos++] = val.charCodeAt(i++);
    }
    function writeVarint32(val, buf, pos) {
      while (val > 127) {
        buf[pos++] = val & 127 | 128;
        val >>>= 7;
      }
      buf[pos] = val;
      return pos + 1;
    }
    Writer.prototype.uint32 = function write_uint32(value) {
      value = value >>> 0;
      this._reserve(5);
      var pos = this.pos;
      this.pos = writeVarint32(value, this.buf, pos);
      return this;
    };
    Writer.prototype.int32 = function write_int32(value) {
      if ((value |= 0) < 0) {
        this._reserve(10);
        writeVarint64(LongBits.fromNumber(value), this.buf, this.pos);
        this.pos += 10;
        return this;
      }
      return this.uint32(value);
    };
    Writer.prototype.sint32 = function write_sint32(value) {
      return this.uint32((value << 1 ^ value >> 31) >>> 0);
    };
    function writeVarint64(val, buf, pos) {
      var lo = val.lo, hi = val.hi;
      while (hi) {
        buf[pos++] = lo & 127 | 128;
        lo = (lo >>> 7 | hi << 25) >>> 0;
        hi >>>= 7;
      }
      while (lo > 127) {
        buf[pos++] = lo & 127 | 128;
        lo = lo >>> 7;
      }
      buf[pos] = lo;
      return pos + 1;
    }
    Writer.prototype.uint64 = function write_uint64(value) {
      var bits = LongBits.from(value);
      this._reserve(10);
      var pos = this.pos;
      this.pos = writeVarint64(bits, this.buf, pos);
      return this;
    };
    Writer.prototype.int64 = Writer.prototype.uint64;
    Writer.prototype.sint64 = function write_sint64(value) {
      var bits = LongBits.from(value).zzEncode();
      this._reserve(10);
      var pos = this.pos;
      this.pos = writeVarint64(bits, this.buf, pos);
      return this;
    };
    Writer.prototype.bool = function write_bool(value) {
      this._reserve(1);
      this.buf[this.pos++] = value ? 1 : 0;
      return this;
    };
    function writeFixed32(val, buf, pos) {
      buf[pos] = val & 255;
      buf[pos + 1] = val >>> 8 & 255;
      buf[pos + 2] = val >>> 16 & 255;
      buf[pos + 3] = val >>> 24;
    }
    Writer.prototype.fixed32 = function write_fixed32(value) {
      this._reserve(4);
      writeFixed32(value >>> 0, this.buf, this.pos);
      this.pos += 4;
      return this;
    };
    Writer.prototype.sfixed32 = Writer.prototype.fixed32;
    Writer.prototype.fixed64 = function write_fixed64(value) {
      var bits = LongBits.from(value);
      this._reserve(8);
      writeFixed32(bits.lo, this.buf, this.pos);
      writeFixed32(bits.hi, this.buf, this.pos + 4);
      this.pos += 8;
      return this;
    };
    Writer.prototype.sfixed64 = Writer.prototype.fixed64;
    Writer.prototype.float = function write_float(value) {
      this._reserve(4);
      util.float.writeFloatLE(value, this.buf, this.pos);
      this.pos += 4;
      return this;
    };
    Writer.prototype.double = function write_double(value) {
      this._reserve(8);
      util.float.writeDoubleLE(value, this.buf, this.pos);
      this.pos += 8;
      return this;
    };
    Writer.prototype.bytes = function write_bytes(value) {
      var len = value.length >>> 0;
      if (!len) {
        this._reserve(1);
        this.buf[this.pos++] = 0;
        return this;
      }
      if (util.isString(value)) {
        var buf = Writer.alloc(len = base64.length(value));
        base64.decode(value, buf, 0);
        value = buf;
      }
      this.uint32(len);
      this._reserve(len);
      this.buf.set(value, this.pos);
      this.pos += len;
      return this;
    };
    Writer.prototype.raw = function write_raw(value) {
      var len = value.length >>> 0;
      if (!len)
        return this;
      this._reserve(len);
      this.buf.set(value, this.pos);
      this.pos += len;
      return this;
    };
    Writer.prototype._delim = function _delim(pos, len) {
      var n = sizeVarint32(len);
      if (n > 1)
        this.buf.copyWithin(pos + n, pos + 1, pos + 1 + len);
      writeVarint32(len, this.buf, pos);
      this.pos = pos + n + len;
      return this;
    };
    Writer.prototype.string = function write_string(value) {
      var n = value.length;
      if (!n) {
        this._reserve(1);
        this.buf[this.pos++] = 0;
        return this;
      }
      if (n < 128) {
        this._reserve(n * 3 + 5);
        var lenPos = this.pos;
        return this._delim(lenPos, utf82.write(value, this.buf, lenPos + 1));
      }
      var len = utf82.length(value);
      this.uint32(len);
      this._reserve(len);
      if (len === value.length)
        writeStringAscii(value, this.buf, this.pos);
      else
        utf82.write(value, this.buf, this.pos);
      this.pos += len;
      return this;
    };
    Writer.prototype.uint32s = function write_uint32s(value) {
      var n = value.length;
      this._reserve(n * 5 + 5);
      var buf = this.buf, lenPos = this.pos, p = lenPos + 1;
      for (var i = 0; i < n; ++i)
        p = writeVarint32(value[i] >>> 0, buf, p);
      return this._delim(lenPos, p - lenPos - 1);
    };
    Writer.prototype.int32s = function write_int32s(value) {
      var n = value.length;
      this._reserve(n * 10 + 5);
      var buf = this.buf, lenPos = this.pos, pos = lenPos + 1, val;
      for (var i = 0; i < n; ++i) {
        if ((val = value[i] | 0) < 0) {
          pos = writeVarint64(LongBits.fromNumber(val), buf, pos);
        } else {
          pos = writeVarint32(val, buf, pos);
        }
      }
      return this._delim(lenPos, pos - lenPos - 1);
    };
    Writer.prototype.sint32s = function write_sint32s(value) {
      var n = value.length;
      this._reserve(n * 5 + 5);
      var buf = this.buf, lenPos = this.pos, pos = lenPos + 1;
      for (var i = 0; i < n; ++i)
        pos = writeVarint32((value[i] << 1 ^ value[i] >> 31) >>> 0, buf, pos);
      return this._delim(lenPos, pos - lenPos - 1);
    };
    Writer.prototype.uint64s = function write_uint64s(value) {
      var n = value.length;
      this._reserve(n * 10 + 5);
      var buf = this.buf, lenPos = this.pos, pos = lenPos + 1;
      for (var i = 0; i < n; ++i) {
        pos = writeVarint64(LongBits.from(value[i]), buf, pos);
      }
      return this._delim(lenPos, pos - lenPos - 1);
    };
    Writer.prototype.int64s = Writer.prototype.uint64s;
    Writer.prototype.sint64s = function write_sint64s(value) {
      var n = value.length;
      this._reserve(n * 10 + 5);
      var buf = this.buf, lenPos = this.pos, pos = lenPos + 1;
      for (var i = 0; i < n; ++i) {
        pos = writeVarint64(LongBits.from(value[i]).zzEncode(), buf, pos);
      }
      return this._delim(lenPos, pos - lenPos - 1);
    };
    Writer.prototype.bools = function write_bools(value) {
      var n = value.length;
      this.uint32(n);
      this._reserve(n);
      var buf = this.buf, p = this.pos;
      for (var i = 0; i < n; ++i)
        buf[p++] = value[i] ? 1 : 0;
      this.pos += n;
      return this;
    };
    var VIEW_THRESHOLD_FLOAT = 16;
    var VIEW_THRESHOLD_INT = 128;
    function getLazyView(writer, count, threshold) {
      var view = writer.view;
      if (view || count < threshold)
        return view;
      var buf = writer.buf;
      return writer.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    Writer.prototype.fixed32s = function write_fixed32s(value) {
      var n = value.length, bytes = n * 4;
      this.uint32(bytes);
      this._reserve(bytes);
      var p = this.pos, i, dv = getLazyView(this, n, VIEW_THRESHOLD_INT);
      if (dv)
        for (i = 0; i < n; ++i) {
          dv.setUint32(p, value[i] >>> 0, true);
          p += 4;
        }
      else {
        var buf = this.buf;
        for (i = 0; i < n; ++i) {
          writeFixed32(value[i] >>> 0, buf, p);
          p += 4;
        }
      }
      this.pos += bytes;
      return this;
    };
    Writer.prototype.sfixed32s = Writer.prototype.fixed32s;
    Writer.prototype.fixed64s = function write_fixed64s(value) {
      var n = value.length, bytes = n * 8;
      this.uint32(bytes);
      this._reserve(bytes);
      var p = this.pos, i, bits, dv = getLazyView(this, n, VIEW_THRESHOLD_INT);
      if (dv)
        for (i = 0; i < n; ++i) {
          bits = LongBits.from(value[i]);
          dv.setUint32(p, bits.lo, true);
          dv.setUint32(p + 4, bits.hi, true);
          p += 8;
        }
      else {
        var buf = this.buf;
        for (i = 0; i < n; ++i) {
          bits = LongBits.from(value[i]);
          writeFixed32(bits.lo, buf, p);
          writeFixed32(bits.hi, buf, p + 4);
          p += 8;
        }
      }
      this.pos += bytes;
      return this;
    };
    Writer.prototype.sfixed64s = Writer.prototype.fixed64s;
    Writer.prototype.floats = function write_floats(value) {
      var n = value.length, bytes = n * 4;
      this.uint32(bytes);
      this._reserve(bytes);
      var p = this.pos, i, dv = getLazyView(this, n, VIEW_THRESHOLD_FLOAT);
      if (dv)
        for (i = 0; i < n; ++i) {
          dv.setFloat32(p, value[i], true);
          p += 4;
        }
      else {
        var buf = this.buf;
        for (i = 0; i < n; ++i) {
          util.float.writeFloatLE(value[i], buf, p);
          p += 4;
        }
      }
      this.pos += bytes;
      return this;
    };
    Writer.prototype.doubles = function write_doubles(value) {
      var n = value.length, bytes = n * 8;
      this.uint32(bytes);
      this._reserve(bytes);
      var p = this.pos, i, dv = getLazyView(this, n, VIEW_THRESHOLD_FLOAT);
      if (dv)
        for (i = 0; i < n; ++i) {
          dv.setFloat64(p, value[i], true);
          p += 8;
        }
      else {
        var buf = this.buf;
        for (i = 0; i < n; ++i) {
          util.float.writeDoubleLE(value[i], buf, p);
          p += 8;
        }
      }
      this.pos += bytes;
      return this;
    };
    Writer.prototype.fork = function fork() {
      this._reserve(1);
      (this.states || (this.states = [])).push(this.pos);
      this.pos += 1;
      return this;
    };
    Writer.prototype.reset = function reset() {
      var states = this.states;
      if (states && states.length) {
        this.pos = states.pop();
      } else {
        this.pos = 0;
      }
      return this;
    };
    Writer.prototype.ldelim = function ldelim() {
      var states = this.states, len, vlen;
      if (states && states.length) {
        var lenPos = states.pop();
        len = this.pos - lenPos - 1;
        vlen = sizeVarint32(len);
        if (vlen > 1) {
          this._reserve(vlen - 1);
          this.buf.copyWithin(lenPos + vlen, lenPos + 1, lenPos + 1 + len);
          this.pos += vlen - 1;
          writeVarint32(len, this.buf, lenPos);
        } else {
          this.buf[lenPos] = len;
        }
      } else {
        len = this.pos;
        vlen = sizeVarint32(len);
        this._reserve(vlen);
        this.buf.copyWithin(vlen, 0, len);
        writeVarint32(len, this.buf, 0);
        this.pos += vlen;
      }
      return this;
    };
    Writer.prototype.finish = function finish2(shared) {
      if (shared)
        return this.buf.subarray(0, this.pos);
      var buf = this.constructor.alloc(this.pos);
      buf.set(this.buf.subarray(0, this.pos), 0);
      return buf;
    };
    Writer.prototype.finishInto = function finishInto(buf, offset) {
      if (offset === void 0)
        offset = 0;
      buf.set(this.buf.subarray(0, this.pos), offset);
      return buf;
    };
    Writer._configure = function(BufferWriter_) {
      BufferWriter = BufferWriter_;
      Writer.create = create();
      BufferWriter._configure();
    };
  }
});

// node_modules/protobufjs/src/writer_buffer.js
var require_writer_buffer = __commonJS({
  "node_modules/protobufjs/src/writer_buffer.js"(exports, module) {
    "use strict";
    module.exports = BufferWriter;
    var Writer = require_writer();
    BufferWriter.prototype = Object.create(Writer.prototype, {
      constructor: {
        value: BufferWriter,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    var util = require_minimal();
    function BufferWriter() {
      Writer.call(this);
    }
    var writeStringBuffer;
    BufferWriter._configure = function() {
      BufferWriter.alloc = util.Buffer && util.Buffer.allocUnsafe;
      writeStringBuffer = util.Buffer && util.Buffer.prototype.utf8Write ? function writeStringBuffer_utf8Write(val, buf, pos) {
        return buf.utf8Write(val, pos);
      } : function writeStringBuffer_write(val, buf, pos) {
        return buf.write(val, pos);
      };
    };
    BufferWriter.prototype.bytes = function write_bytes_buffer(value) {
      if (util.isString(value))
        value = util.Buffer.from(value, "base64");
      var len = value.length >>> 0;
      this.uint32(len);
      if (len) {
        this._reserve(len);
        this.buf.set(value, this.pos);
        this.pos += len;
      }
      return this;
    };
    BufferWriter.prototype.string = function write_string_buffer(value) {
      var n = value.length;
      if (!n) {
        this._reserve(1);
        this.buf[this.pos++] = 0;
        return this;
      }
      if (n < 128) {
        this._reserve(n * 3 + 5);
        var pos = this.pos, buf = this.buf;
        return this._delim(
          pos,
          n < 40 ? util.utf8.write(value, buf, pos + 1) : writeStringBuffer(value, buf, pos + 1)
        );
      }
      var len = util.Buffer.byteLength(value);
      this.uint32(len);
      this._reserve(len);
      writeStringBuffer(value, this.buf, this.pos);
      this.pos += len;
      return this;
    };
    BufferWriter._configure();
  }
});

// node_modules/protobufjs/src/reader.js
var require_reader = __commonJS({
  "node_modules/protobufjs/src/reader.js"(exports, module) {
    "use strict";
    module.exports = Reader;
    var util = require_minimal();
    var BufferReader;
    var LongBits = util.LongBits;
    var utf82 = util.utf8;
    function indexOutOfRange(reader, writeLength) {
      return RangeError("index out of range: " + reader.pos + " + " + (writeLength || 1) + " > " + reader.len);
    }
    function Reader(buffer) {
      this.buf = buffer;
      this.pos = 0;
      this.len = buffer.length;
      this.view = null;
      this.discardUnknown = Reader.discardUnknown;
    }
    function create_array(buffer) {
      if (Array.isArray(buffer))
        buffer = new Uint8Array(buffer);
      if (buffer instanceof Uint8Array)
        return new Reader(buffer);
      throw Error("illegal buffer");
    }
    var create = function create2() {
      return util.Buffer ? function create_buffer_setup(buffer) {
        return (Reader.create = function create_buffer(buffer2) {
          return util.Buffer.isBuffer(buffer2) ? new BufferReader(buffer2) : create_array(buffer2);
        })(buffer);
      } : create_array;
    };
    Reader.create = create();
    Reader.prototype.raw = function read_raw(start, end) {
      return this.buf.subarray(start, end);
    };
    function readVarint32NearEnd(reader) {
      var value = 0;
      for (var i = 0; i < 4; ++i) {
        if (reader.pos >= reader.len)
          throw indexOutOfRange(reader);
        var b = reader.buf[reader.pos++];
        value = (value | (b & 127) << i * 7) >>> 0;
        if (b < 128)
          return value;
      }
      throw indexOutOfRange(reader);
    }
    Reader.prototype.uint32 = function read_uint32() {
      if (this.len - this.pos < 5) {
        if (this.pos >= this.len)
          throw indexOutOfRange(this);
        if (this.buf[this.pos] >= 128)
          return readVarint32NearEnd(this);
      }
      var buf = this.buf, pos = this.pos, value = (buf[pos] & 127) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 7) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 14) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 21) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 15) << 28) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      for (var i = 0; i < 5; ++i) {
        if (pos >= this.len) {
          this.pos = pos;
          throw indexOutOfRange(this);
        }
        if (buf[pos++] < 128) {
          this.pos = pos;
          return value;
        }
      }
      this.pos = pos;
      throw Error("invalid varint encoding");
    };
    Reader.prototype.tag = function read_tag() {
      if (this.len - this.pos < 5) {
        if (this.pos >= this.len)
          throw indexOutOfRange(this);
        if (this.buf[this.pos] >= 128)
          return readVarint32NearEnd(this);
      }
      var buf = this.buf, pos = this.pos, value = (buf[pos] & 127) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 7) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 14) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 21) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 15) << 28) >>> 0;
      if (buf[pos] < 128 && (buf[pos] & 112) === 0) {
        this.pos = pos + 1;
        return value;
      }
      this.pos = pos + 1;
      throw Error("invalid tag encoding");
    };
    Reader.prototype.size = function read_size() {
      if (this.len - this.pos < 5) {
        if (this.pos >= this.len)
          throw indexOutOfRange(this);
        if (this.buf[this.pos] >= 128)
          return readVarint32NearEnd(this);
      }
      var buf = this.buf, pos = this.pos, value = (buf[pos] & 127) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 7) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 14) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 21) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      this.pos = pos + 1;
      if (buf[pos] > 7)
        throw Error("invalid length encoding");
      return (value | buf[pos] << 28) >>> 0;
    };
    Reader.prototype.int32 = function read_int32() {
      return this.uint32() | 0;
    };
    Reader.prototype.sint32 = function read_sint32() {
      var value = this.uint32();
      return value >>> 1 ^ -(value & 1) | 0;
    };
    function readLongVarint() {
      var bits = new LongBits(0, 0);
      var i = 0;
      if (this.len - this.pos > 4) {
        for (; i < 4; ++i) {
          bits.lo = (bits.lo | (this.buf[this.pos] & 127) << i * 7) >>> 0;
          if (this.buf[this.pos++] < 128)
            return bits;
        }
        bits.lo = (bits.lo | (this.buf[this.pos] & 127) << 28) >>> 0;
        bits.hi = (bits.hi | (this.buf[this.pos] & 127) >> 4) >>> 0;
        if (this.buf[this.pos++] < 128)
          return bits;
        i = 0;
      } else {
        for (; i < 4; ++i) {
          if (this.pos >= this.len)
            throw indexOutOfRange(this);
          bits.lo = (bits.lo | (this.buf[this.pos] & 127) << i * 7) >>> 0;
          if (this.buf[this.pos++] < 128)
            return bits;
        }
        throw indexOutOfRange(this);
      }
      if (this.len - this.pos > 4) {
        for (; i < 5; ++i) {
          bits.hi = (bits.hi | (this.buf[this.pos] & 127) << i * 7 + 3) >>> 0;
          if (this.buf[this.pos++] < 128)
            return bits;
        }
      } else {
        for (; i < 5; ++i) {
          if (this.pos >= this.len)
            throw indexOutOfRange(this);
          bits.hi = (bits.hi | (this.buf[this.pos] & 127) << i * 7 + 3) >>> 0;
          if (this.buf[this.pos++] < 128)
            return bits;
        }
      }
      throw Error("invalid varint encoding");
    }
    Reader.prototype.bool = function read_bool() {
      var value = false, b;
      for (var i = 0; i < 10; ++i) {
        if (this.pos >= this.len)
          throw indexOutOfRange(this);
        b = this.buf[this.pos++];
        if (b & 127)
          value = true;
        if (b < 128)
          return value;
      }
      throw Error("invalid varint encoding");
    };
    function readFixed32_end(buf, end) {
      return (buf[end - 4] | buf[end - 3] << 8 | buf[end - 2] << 16 | buf[end - 1] << 24) >>> 0;
    }
    Reader.prototype.fixed32 = function read_fixed32() {
      if (this.pos + 4 > this.len)
        throw indexOutOfRange(this, 4);
      return readFixed32_end(this.buf, this.pos += 4);
    };
    Reader.prototype.sfixed32 = function read_sfixed32() {
      if (this.pos + 4 > this.len)
        throw indexOutOfRange(this, 4);
      return readFixed32_end(this.buf, this.pos += 4) | 0;
    };
    function readFixed64() {
      if (this.pos + 8 > this.len)
        throw indexOutOfRange(this, 8);
      return new LongBits(readFixed32_end(this.buf, this.pos += 4), readFixed32_end(this.buf, this.pos += 4));
    }
    Reader.prototype.float = function read_float() {
      if (this.pos + 4 > this.len)
        throw indexOutOfRange(this, 4);
      var value = util.float.readFloatLE(this.buf, this.pos);
      this.pos += 4;
      return value;
    };
    Reader.prototype.double = function read_double() {
      if (this.pos + 8 > this.len)
        throw indexOutOfRange(this, 4);
      var value = util.float.readDoubleLE(this.buf, this.pos);
      this.pos += 8;
      return value;
    };
    Reader.prototype.uint32s = function read_uint32s(array) {
      if (array === void 0) array = [];
      var end = this.size() + this.pos, len = this.len, buf = this.buf, pos = this.pos, value;
      if (end > len) throw indexOutOfRange(this, end - this.pos);
      this.len = end;
      while (pos < end) {
        value = buf[pos++];
        if (value < 128)
          array.push(value);
        else {
          this.pos = pos - 1;
          array.push(this.uint32());
          pos = this.pos;
        }
      }
      this.pos = pos;
      if (pos !== end) throw RangeError("index out of range");
      this.len = len;
      return array;
    };
    Reader.prototype.int32s = function read_int32s(array) {
      if (array === void 0) array = [];
      var end = this.size() + this.pos, len = this.len, buf = this.buf, pos = this.pos, value;
      if (end > len) throw indexOutOfRange(this, end - this.pos);
      this.len = end;
      while (pos < end) {
        value = buf[pos++];
        if (value < 128)
          array.push(value);
        else {
          this.pos = pos - 1;
          array.push(this.int32());
          pos = this.pos;
        }
      }
      this.pos = pos;
      if (pos !== end) throw RangeError("index out of range");
      this.len = len;
      return array;
    };
    Reader.prototype.sint32s = function read_sint32s(array) {
      if (array === void 0) array = [];
      var end = this.size() + this.pos, len = this.len;
      if (end > len) throw indexOutOfRange(this, end - this.pos);
      this.len = end;
      while (this.pos < end)
        array.push(this.sint32());
      if (this.pos !== end) throw RangeError("index out of range");
      this.len = len;
      return array;
    };
    Reader.prototype.bools = function read_bools(array) {
      if (array === void 0) array = [];
      var end = this.size() + this.pos, len = this.len, buf = this.buf, pos = this.pos, value;
      if (end > len) throw indexOutOfRange(this, end - this.pos);
      this.len = end;
      while (pos < end) {
        value = buf[pos++];
        if (value < 128)
          array.push(value !== 0);
        else {
          this.pos = pos - 1;
          array.push(this.bool());
          pos = this.pos;
        }
      }
      this.pos = pos;
      if (pos !== end) throw RangeError("index out of range");
      this.len = len;
      return array;
    };
    var VIEW_THRESHOLD_FLOAT = 8;
    var VIEW_THRESHOLD_INT = 128;
    function getLazyView(reader, count, threshold) {
      var view = reader.view;
      if (view || count < threshold)
        return view;
      var buf = reader.buf;
      return reader.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    Reader.prototype.fixed32s = function read_fixed32s(array) {
      if (array === void 0) array = [];
      var len = this.size(), end = this.pos + len;
      if (end > this.len) throw indexOutOfRange(this, len);
      var count = len >>> 2, i = array.length, pos = this.pos;
      array.length = i + count;
      var dv = getLazyView(this, count, VIEW_THRESHOLD_INT);
      if (dv)
        for (var k = 0; k < count; ++k, pos += 4) array[i++] = dv.getUint32(pos, true);
      else {
        var buf = this.buf;
        for (var j = 0; j < count; ++j, pos += 4) array[i++] = readFixed32_end(buf, pos + 4);
      }
      this.pos = pos;
      if (pos !== end) throw indexOutOfRange(this, 4);
      return array;
    };
    Reader.prototype.sfixed32s = function read_sfixed32s(array) {
      if (array === void 0) array = [];
      var len = this.size(), end = this.pos + len;
      if (end > this.len) throw indexOutOfRange(this, len);
      var count = len >>> 2, i = array.length, pos = this.pos;
      array.length = i + count;
      var dv = getLazyView(this, count, VIEW_THRESHOLD_INT);
      if (dv)
        for (var k = 0; k < count; ++k, pos += 4) array[i++] = dv.getInt32(pos, true);
      else {
        var buf = this.buf;
        for (var j = 0; j < count; ++j, pos += 4) array[i++] = readFixed32_end(buf, pos + 4) | 0;
      }
      this.pos = pos;
      if (pos !== end) throw indexOutOfRange(this, 4);
      return array;
    };
    Reader.prototype.floats = function read_floats(array) {
      if (array === void 0) array = [];
      var len = this.size(), end = this.pos + len;
      if (end > this.len) throw indexOutOfRange(this, len);
      var count = len >>> 2, i = array.length, pos = this.pos;
      array.length = i + count;
      var dv = getLazyView(this, count, VIEW_THRESHOLD_FLOAT);
      if (dv)
        for (var k = 0; k < count; ++k, pos += 4) array[i++] = dv.getFloat32(pos, true);
      else {
        var buf = this.buf;
        for (var j = 0; j < count; ++j, pos += 4) array[i++] = util.float.readFloatLE(buf, pos);
      }
      this.pos = pos;
      if (pos !== end) throw indexOutOfRange(this, 4);
      return array;
    };
    Reader.prototype.doubles = function read_doubles(array) {
      if (array === void 0) array = [];
      var len = this.size(), end = this.pos + len;
      if (end > this.len) throw indexOutOfRange(this, len);
      var count = len >>> 3, i = array.length, pos = this.pos;
      array.length = i + count;
      var dv = getLazyView(this, count, VIEW_THRESHOLD_FLOAT);
      if (dv)
        for (var k = 0; k < count; ++k, pos += 8) array[i++] = dv.getFloat64(pos, true);
      else {
        var buf = this.buf;
        for (var j = 0; j < count; ++j, pos += 8) array[i++] = util.float.readDoubleLE(buf, pos);
      }
      this.pos = pos;
      if (pos !== end) throw indexOutOfRange(this, 8);
      return array;
    };
    Reader.prototype.uint64s = function read_uint64s(array) {
      if (array === void 0) array = [];
      var end = this.size() + this.pos, len = this.len;
      if (end > len) throw indexOutOfRange(this, end - this.pos);
      this.len = end;
      while (this.pos < end)
        array.push(this.uint64());
      if (this.pos !== end) throw RangeError("index out of range");
      this.len = len;
      return array;
    };
    Reader.prototype.int64s = function read_int64s(array) {
      if (array === void 0) array = [];
      var end = this.size() + this.pos, len = this.len;
      if (end > len) throw indexOutOfRange(this, end - this.pos);
      this.len = end;
      while (this.pos < end)
        array.push(this.int64());
      if (this.pos !== end) throw RangeError("index out of range");
      this.len = len;
      return array;
    };
    Reader.prototype.sint64s = function read_sint64s(array) {
      if (array === void 0) array = [];
      var end = this.size() + this.pos, len = this.len;
      if (end > len) throw indexOutOfRange(this, end - this.pos);
      this.len = end;
      while (this.pos < end)
        array.push(this.sint64());
      if (this.pos !== end) throw RangeError("index out of range");
      this.len = len;
      return array;
    };
    Reader.prototype.fixed64s = function read_fixed64s(array) {
      if (array === void 0) array = [];
      var len = this.size(), end = this.pos + len, i = array.length;
      if (end > this.len) throw indexOutOfRange(this, len);
      var count = len >>> 3;
      array.length = i + count;
      for (var j = 0; j < count; ++j)
        array[i++] = this.fixed64();
      if (this.pos !== end) throw indexOutOfRange(this, 8);
      return array;
    };
    Reader.prototype.sfixed64s = function read_sfixed64s(array) {
      if (array === void 0) array = [];
      var len = this.size(), end = this.pos + len, i = array.length;
      if (end > this.len) throw indexOutOfRange(this, len);
      var count = len >>> 3;
      array.length = i + count;
      for (var j = 0; j < count; ++j)
        array[i++] = this.sfixed64();
      if (this.pos !== end) throw indexOutOfRange(this, 8);
      return array;
    };
    Reader.prototype.bytes = function read_bytes() {
      var length = this.size(), start = this.pos, end = this.pos + length;
      if (end > this.len)
        throw indexOutOfRange(this, length);
      this.pos = end;
      return this.raw(start, end);
    };
    Reader.prototype.string = function read_string() {
      var length = this.size(), start = this.pos, end = this.pos + length;
      if (end > this.len)
        throw indexOutOfRange(this, length);
      this.pos = end;
      return utf82.read(this.buf, start, end);
    };
    Reader.prototype.stringVerify = function read_string_verify() {
      var length = this.size(), start = this.pos, end = this.pos + length;
      if (end > this.len)
        throw indexOutOfRange(this, length);
      this.pos = end;
      return utf82.readStrict(this.buf, start, end);
    };
    Reader.prototype.skip = function skip(length) {
      if (typeof length === "number") {
        if (this.pos + length > this.len)
          throw indexOutOfRange(this, length);
        this.pos += length;
      } else {
        do {
          if (this.pos >= this.len)
            throw indexOutOfRange(this);
        } while (this.buf[this.pos++] & 128);
      }
      return this;
    };
    Reader.recursionLimit = util.recursionLimit;
    Reader.discardUnknown = true;
    Reader.prototype.skipType = function(wireType, depth, fieldNumber) {
      if (depth === void 0) depth = 0;
      if (depth > Reader.recursionLimit)
        throw Error("max depth exceeded");
      if (fieldNumber === 0)
        throw Error("illegal tag: field number 0");
      switch (wireType) {
        case 0:
          this.skip();
          break;
        case 1:
          this.skip(8);
          break;
        case 2:
          this.skip(this.size());
          break;
        case 3:
          while (true) {
            var tag = this.tag();
            var nestedField = tag >>> 3;
            wireType = tag & 7;
            if (!nestedField)
              throw Error("illegal tag: field number 0");
            if (wireType === 4) {
              if (fieldNumber !== void 0 && nestedField !== fieldNumber)
                throw Error("invalid end group tag");
              break;
            }
            this.skipType(wireType, depth + 1, nestedField);
          }
          break;
        case 5:
          this.skip(4);
          break;
        /* istanbul ignore next */
        default:
          throw Error("invalid wire type " + wireType + " at offset " + this.pos);
      }
      return this;
    };
    Reader._configure = function(BufferReader_) {
      BufferReader = BufferReader_;
      Reader.create = create();
      BufferReader._configure();
      var fn = util.Long ? "toLong" : (
        /* istanbul ignore next */
        "toNumber"
      );
      util.merge(Reader.prototype, {
        int64: function read_int64() {
          return readLongVarint.call(this)[fn](false);
        },
        uint64: function read_uint64() {
          return readLongVarint.call(this)[fn](true);
        },
        sint64: function read_sint64() {
          return readLongVarint.call(this).zzDecode()[fn](false);
        },
        fixed64: function read_fixed64() {
          return readFixed64.call(this)[fn](true);
        },
        sfixed64: function read_sfixed64() {
          return readFixed64.call(this)[fn](false);
        }
      });
    };
  }
});

// node_modules/protobufjs/src/reader_buffer.js
var require_reader_buffer = __commonJS({
  "node_modules/protobufjs/src/reader_buffer.js"(exports, module) {
    "use strict";
    module.exports = BufferReader;
    var Reader = require_reader();
    BufferReader.prototype = Object.create(Reader.prototype, {
      constructor: {
        value: BufferReader,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    var util = require_minimal();
    function BufferReader(buffer) {
      Reader.call(this, buffer);
    }
    BufferReader._configure = function() {
      if (util.Buffer)
        BufferReader.prototype._slice = util.Buffer.prototype.slice;
    };
    BufferReader.prototype.raw = function read_raw_buffer(start, end) {
      return this._slice.call(this.buf, start, end);
    };
    BufferReader.prototype.string = function read_string_buffer() {
      var len = this.size(), start = this.pos, end = this.pos + len;
      if (end > this.len)
        throw RangeError("index out of range: " + this.pos + " + " + len + " > " + this.len);
      this.pos = end;
      return this.buf.utf8Slice ? this.buf.utf8Slice(start, end) : this.buf.toString("utf-8", start, end);
    };
    BufferReader._configure();
  }
});

// node_modules/protobufjs/src/rpc/service.js
var require_service = __commonJS({
  "node_modules/protobufjs/src/rpc/service.js"(exports, module) {
    "use strict";
    module.exports = Service;
    var util = require_minimal();
    Service.prototype = Object.create(util.EventEmitter.prototype, {
      constructor: {
        value: Service,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    function Service(rpcImpl, requestDelimited, responseDelimited) {
      if (typeof rpcImpl !== "function")
        throw TypeError("rpcImpl must be a function");
      util.EventEmitter.call(this);
      this.rpcImpl = rpcImpl;
      this.requestDelimited = Boolean(requestDelimited);
      this.responseDelimited = Boolean(responseDelimited);
    }
    Service.prototype.rpcCall = function rpcCall(method, requestCtor, responseCtor, request, callback) {
      if (!request)
        throw TypeError("request must be specified");
      var self2 = this;
      if (!callback)
        return util.asPromise(rpcCall, self2, method, requestCtor, responseCtor, request);
      if (!self2.rpcImpl) {
        setTimeout(function() {
          callback(Error("already ended"));
        }, 0);
        return void 0;
      }
      try {
        return self2.rpcImpl(
          method,
          requestCtor[self2.requestDelimited ? "encodeDelimited" : "encode"](request).finish(),
          function rpcCallback(err, response) {
            if (err) {
              self2.emit("error", err, method);
              return callback(err);
            }
            if (response === null) {
              self2.end(
                /* endedByRPC */
                true
              );
              return void 0;
            }
            if (!(response instanceof responseCtor)) {
              try {
                response = responseCtor[self2.responseDelimited ? "decodeDelimited" : "decode"](response);
              } catch (err2) {
                self2.emit("error", err2, method);
                return callback(err2);
              }
            }
            self2.emit("data", response, method);
            return callback(null, response);
          }
        );
      } catch (err) {
        self2.emit("error", err, method);
        setTimeout(function() {
          callback(err);
        }, 0);
        return void 0;
      }
    };
    Service.prototype.end = function end(endedByRPC) {
      if (this.rpcImpl) {
        if (!endedByRPC)
          this.rpcImpl(null, null, null);
        this.rpcImpl = null;
        this.emit("end").off();
      }
      return this;
    };
  }
});

// node_modules/protobufjs/src/rpc.js
var require_rpc = __commonJS({
  "node_modules/protobufjs/src/rpc.js"(exports) {
    "use strict";
    var rpc = exports;
    rpc.Service = require_service();
  }
});

// node_modules/protobufjs/src/roots.js
var require_roots = __commonJS({
  "node_modules/protobufjs/src/roots.js"(exports, module) {
    "use strict";
    module.exports = /* @__PURE__ */ Object.create(null);
  }
});

// node_modules/protobufjs/src/index-minimal.js
var require_index_minimal = __commonJS({
  "node_modules/protobufjs/src/index-minimal.js"(exports) {
    "use strict";
    exports.build = "minimal";
    exports.Writer = require_writer();
    exports.BufferWriter = require_writer_buffer();
    exports.Reader = require_reader();
    exports.BufferReader = require_reader_buffer();
    exports.util = require_minimal();
    exports.rpc = require_rpc();
    exports.roots = require_roots();
    exports.configure = configure;
    function configure() {
      exports.util.LongBits._configure(exports.util.Long);
      exports.Writer._configure(exports.BufferWriter);
      exports.Reader._configure(exports.BufferReader);
    }
    configure();
  }
});

// node_modules/protobufjs/minimal.js
var require_minimal2 = __commonJS({
  "node_modules/protobufjs/minimal.js"(exports, module) {
    "use strict";
    module.exports = require_index_minimal();
  }
});

// src/profile/pprof/varint.ts
function outOfRange() {
  throw new WireError("unexpected end of data");
}
function shortVarint(buf, pos) {
  let b = buf[pos];
  if (b < 128) return b << 3 | 1;
  let v = b & 127;
  b = buf[pos + 1];
  if (b < 128) return (v | b << 7) << 3 | 2;
  v |= (b & 127) << 7;
  b = buf[pos + 2];
  if (b < 128) return (v | b << 14) << 3 | 3;
  v |= (b & 127) << 14;
  b = buf[pos + 3];
  if (b < 64) return (v | b << 21) << 3 | 4;
  return -1;
}
function readInt64(r) {
  const buf = r.buf;
  const len = r.len;
  let pos = r.pos;
  const x = shortVarint(buf, pos);
  if (x >= 0 && pos + (x & 7) <= len) {
    r.pos = pos + (x & 7);
    return x >>> 3;
  }
  let lo = 0;
  let b = 0;
  for (let shift = 0; shift < 28; shift += 7) {
    if (pos >= len) outOfRange();
    b = buf[pos++];
    lo |= (b & 127) << shift;
    if (b < 128) {
      r.pos = pos;
      return lo >>> 0;
    }
  }
  if (pos >= len) outOfRange();
  b = buf[pos++];
  lo |= (b & 15) << 28;
  let hi = (b & 127) >> 4;
  if (b < 128) {
    r.pos = pos;
    return hi * 4294967296 + (lo >>> 0);
  }
  for (let shift = 3; shift < 32; shift += 7) {
    if (pos >= len) outOfRange();
    b = buf[pos++];
    hi |= (b & 127) << shift;
    if (b < 128) {
      r.pos = pos;
      return (hi | 0) * 4294967296 + (lo >>> 0);
    }
  }
  throw new WireError("varint longer than 10 bytes");
}
function readUint64Big(r) {
  const buf = r.buf;
  let pos = r.pos;
  let v = 0n;
  let shift = 0n;
  for (let i = 0; i < 10; i++) {
    if (pos >= r.len) outOfRange();
    const b = buf[pos++];
    v |= BigInt(b & 127) << shift;
    if (b < 128) {
      r.pos = pos;
      return BigInt.asUintN(64, v);
    }
    shift += 7n;
  }
  throw new WireError("varint longer than 10 bytes");
}
function readUint32(r) {
  const x = shortVarint(r.buf, r.pos);
  if (x >= 0 && r.pos + (x & 7) <= r.len) {
    r.pos += x & 7;
    return x >>> 3;
  }
  return r.uint32();
}
function readEnd(r) {
  const n = readUint32(r);
  const end = r.pos + n;
  if (end > r.len) outOfRange();
  return end;
}
function readRepeatedInt64(r, wire, out) {
  if (wire === 2) {
    const end = readEnd(r);
    while (r.pos < end) out.push(readInt64(r));
    if (r.pos !== end) throw new WireError("packed field overruns its length");
  } else if (wire === 0) {
    out.push(readInt64(r));
  } else {
    throw new WireError(`wire type ${wire} where a varint was expected`);
  }
}
var import_minimal, createReader, WireError;
var init_varint = __esm({
  "src/profile/pprof/varint.ts"() {
    "use strict";
    import_minimal = __toESM(require_minimal2(), 1);
    createReader = (buf) => import_minimal.default.Reader.create(buf);
    WireError = class extends Error {
    };
  }
});

// src/profile/pprof/messages.ts
function basename2(p) {
  const i = Math.max(p.lastIndexOf("/"), p.lastIndexOf("\\"));
  return i >= 0 ? p.slice(i + 1) : p;
}
function expectWire(wire, want) {
  if (wire !== want) throw new WireError(`wire type ${wire} where ${want} was expected`);
}
function addressOf(addressAt, r) {
  if (addressAt === 0) return 0n;
  const saved = r.pos;
  r.pos = addressAt;
  const a = readUint64Big(r);
  r.pos = saved;
  return a;
}
function unsymbolizedName(addressAt, mapping, str, r) {
  const file = mapping ? basename2(str(mapping.filename, `mapping ${mapping.id} filename`)) : "";
  const module = file ? `[${file}]` : "<unknown>";
  const address = addressOf(addressAt, r);
  if (address === 0n) return module;
  const addr = mapping && file ? address - mapping.start + mapping.offset : address;
  return `${module}+0x${BigInt.asUintN(64, addr).toString(16)}`;
}
function readValueType(r) {
  const end = readEnd(r);
  let type = 0;
  let unit = 0;
  while (r.pos < end) {
    const tag = readUint32(r);
    const f = tag >>> 3;
    if (f === 1) type = readInt64(r);
    else if (f === 2) unit = readInt64(r);
    else r.skipType(tag & 7);
  }
  return [type, unit];
}
function readMapping(r) {
  const end = readEnd(r);
  const m = { id: 0, start: 0n, offset: 0n, filename: 0 };
  while (r.pos < end) {
    const tag = readUint32(r);
    switch (tag >>> 3) {
      case 1:
        m.id = readInt64(r);
        break;
      case 2:
        m.start = readUint64Big(r);
        break;
      case 4:
        m.offset = readUint64Big(r);
        break;
      case 5:
        m.filename = readInt64(r);
        break;
      default:
        r.skipType(tag & 7);
    }
  }
  return m;
}
function readLocation(r, t) {
  const end = readEnd(r);
  t.lineStart.push(t.lineFn.length);
  if (readLocationInline(r.buf, r.pos, end, t)) r.pos = end;
  else readLocationFields(r, end, t);
}
function readLocationInline(buf, at, end, t) {
  const lines0 = t.lineFn.length;
  let pos = at;
  let id = 0;
  let mappingId = 0;
  let addressAt = 0;
  inline: {
    while (pos < end) {
      const tag = buf[pos++];
      if (tag === 34) {
        const len = buf[pos++];
        if (len >= 128) break inline;
        const e = pos + len;
        if (e > end) break inline;
        let fid = 0;
        while (pos < e) {
          const lt = buf[pos++];
          if (lt !== 8 && lt !== 16 && lt !== 24) break inline;
          const x = shortVarint(buf, pos);
          if (x < 0) break inline;
          pos += x & 7;
          if (lt === 8) fid = x >>> 3;
        }
        if (pos !== e) break inline;
        t.lineFn.push(fid);
      } else if (tag === 8 || tag === 16) {
        const x = shortVarint(buf, pos);
        if (x < 0) break inline;
        pos += x & 7;
        if (tag === 8) id = x >>> 3;
        else mappingId = x >>> 3;
      } else if (tag === 24 || tag === 40) {
        if (tag === 24) addressAt = pos;
        const v0 = pos;
        while (pos < end && buf[pos] >= 128) pos++;
        pos++;
        if (pos - v0 > 10) break inline;
      } else break inline;
    }
    if (pos !== end) break inline;
    t.id.push(id);
    t.mappingId.push(mappingId);
    t.addressAt.push(addressAt);
    return true;
  }
  t.lineFn.length = lines0;
  return false;
}
function readLocationFields(r, end, t) {
  let id = 0;
  let mappingId = 0;
  let addressAt = 0;
  while (r.pos < end) {
    const tag = readUint32(r);
    switch (tag >>> 3) {
      case 1:
        id = readInt64(r);
        break;
      case 2:
        mappingId = readInt64(r);
        break;
      case 3:
        addressAt = r.pos;
        r.skip();
        break;
      case 4: {
        expectWire(tag & 7, 2);
        const e = readEnd(r);
        let fid = 0;
        while (r.pos < e) {
          const t2 = readUint32(r);
          if (t2 >>> 3 === 1) fid = readInt64(r);
          else r.skipType(t2 & 7);
        }
        t.lineFn.push(fid);
        break;
      }
      default:
        r.skipType(tag & 7);
    }
  }
  t.id.push(id);
  t.mappingId.push(mappingId);
  t.addressAt.push(addressAt);
}
function readFunction(r) {
  const end = readEnd(r);
  const f = { id: 0, name: 0, systemName: 0, filename: 0 };
  while (r.pos < end) {
    const tag = readUint32(r);
    switch (tag >>> 3) {
      case 1:
        f.id = readInt64(r);
        break;
      case 2:
        f.name = readInt64(r);
        break;
      case 3:
        f.systemName = readInt64(r);
        break;
      case 4:
        f.filename = readInt64(r);
        break;
      default:
        r.skipType(tag & 7);
    }
  }
  return f;
}
function readLabelKey(r, out) {
  const end = readEnd(r);
  let key2 = 0;
  let s = 0;
  let num = 0;
  let hasNum = false;
  let unit = 0;
  while (r.pos < end) {
    const tag = readUint32(r);
    switch (tag >>> 3) {
      case 1:
        key2 = readInt64(r);
        break;
      case 2:
        s = readInt64(r);
        break;
      case 3:
        num = readInt64(r);
        hasNum = true;
        break;
      case 4:
        unit = readInt64(r);
        break;
      default:
        r.skipType(tag & 7);
    }
  }
  out.push(key2, s, num, hasNum ? unit + 1 : 0);
}
var IdTable;
var init_messages = __esm({
  "src/profile/pprof/messages.ts"() {
    "use strict";
    init_errors2();
    init_varint();
    IdTable = class {
      map;
      dense;
      /** Builds the lookup for `ids` (position i has id ids[i]); throws on id 0 or a duplicate. */
      constructor(ids, what, file) {
        let max = 0;
        for (const id of ids) if (id > max) max = id;
        const fail2 = (i) => {
          throw new ProfileError(
            "protobuf",
            file,
            ids[i] === 0 ? `${what} ${i} has id 0 (reserved)` : `duplicate ${what} id ${ids[i]}`
          );
        };
        if (max <= Math.max(1 << 16, ids.length * 4)) {
          const dense = new Int32Array(max + 1).fill(-1);
          for (let i = 0; i < ids.length; i++) {
            const id = ids[i];
            if (id === 0 || dense[id] !== -1) fail2(i);
            dense[id] = i;
          }
          this.dense = dense;
        } else {
          const map = /* @__PURE__ */ new Map();
          for (let i = 0; i < ids.length; i++) {
            if (ids[i] === 0 || map.has(ids[i])) fail2(i);
            map.set(ids[i], i);
          }
          this.map = map;
        }
      }
      get(id) {
        if (this.dense) return id < this.dense.length ? this.dense[id] : -1;
        return this.map.get(id) ?? -1;
      }
      /** The dense lookup (empty when ids are sparse: callers then fall back to get()). */
      denseTable() {
        return this.dense ?? new Int32Array(0);
      }
    };
  }
});

// src/profile/pprof/locations.ts
function buildLocations(locs, c) {
  const { builder, functions, fnIds, fnName, shouldDrop } = c;
  const nLocs = locs.id.length;
  const ids = new IdTable(locs.id, "location", c.file);
  const locStart = new Uint32Array(nLocs + 1);
  const locPrune = new Uint8Array(nLocs);
  const locFramesList = [];
  let anyPrune = false;
  const fnBuilderId = new Int32Array(functions.length).fill(-1);
  const { lineStart, lineFn } = locs;
  const unsymbolized = (li, mapping) => builder.fn(unsymbolizedName(locs.addressAt[li], mapping, c.str, c.r));
  for (let li = 0; li < nLocs; li++) {
    const mapping = mappingOf(locs, li, c);
    locStart[li] = locFramesList.length;
    const a = lineStart[li];
    const b = lineStart[li + 1];
    let first = a;
    if (shouldDrop) {
      const i = outermostDroppedLine(lineFn, a, b, c, shouldDrop);
      if (i >= a) {
        anyPrune = true;
        if (i === b - 1) locPrune[li] = 2;
        else {
          locPrune[li] = 1;
          first = i + 1;
        }
      }
    }
    for (let k = a; k < b; k++) {
      const fid = lineFn[k];
      let id;
      if (fid === 0) {
        id = unsymbolized(li, mapping);
      } else {
        const fi = fnIds.get(fid);
        if (fi < 0)
          throw new ProfileError(
            "invalid-reference",
            c.file,
            `location ${locs.id[li]} refers to function ${fid}, which does not exist`
          );
        id = fnBuilderId[fi];
        if (id < 0) {
          if (fnName[fi]) id = fnBuilderId[fi] = builder.fn(fnName[fi]);
          else id = unsymbolized(li, mapping);
        }
      }
      if (k >= first) locFramesList.push(id);
    }
    if (a === b) locFramesList.push(unsymbolized(li, mapping));
  }
  locStart[nLocs] = locFramesList.length;
  return {
    ids,
    start: locStart,
    frames: Uint32Array.from(locFramesList),
    prune: locPrune,
    anyPrune
  };
}
function mappingOf(locs, li, c) {
  const mappingId = locs.mappingId[li];
  if (mappingId === 0) return void 0;
  const mi = c.mapIds.get(mappingId);
  if (mi < 0)
    throw new ProfileError(
      "invalid-reference",
      c.file,
      `location ${locs.id[li]} refers to mapping ${mappingId}, which does not exist`
    );
  return c.mappings[mi];
}
function outermostDroppedLine(lineFn, a, b, c, shouldDrop) {
  let i = b - 1;
  for (; i >= a; i--) {
    const fid = lineFn[i];
    const fi = fid === 0 ? -1 : c.fnIds.get(fid);
    if (fi >= 0 && shouldDrop(c.str(c.functions[fi].name, "function name"))) break;
  }
  return i;
}
var init_locations = __esm({
  "src/profile/pprof/locations.ts"() {
    "use strict";
    init_errors2();
    init_messages();
  }
});

// src/profile/pprof/names.ts
function simplifyFunc(name) {
  let s = name.startsWith(".") ? name.slice(1) : name;
  const re = /\(anonymous namespace\)|operator\(\)|\(/g;
  let m;
  while ((m = re.exec(s)) !== null) {
    if (m[0] === "(") {
      s = s.slice(0, m.index);
      break;
    }
  }
  return s;
}
function pprofDisplayName(name, systemName) {
  if (name !== "" && name !== systemName) return name;
  let n = systemName;
  if (!n.includes(".<") && !n.includes("]).") && (/[<>[\]]/.test(n) || n.includes("::"))) {
    n = removeMatching(n, "(", ")");
    n = removeMatching(n, "<", ">");
  }
  return n;
}
function removeMatching(name, open, close) {
  let out = name;
  let nesting = 0;
  let first = 0;
  for (let i = 0; i < out.length; i++) {
    const c = out[i];
    if (c === open) {
      if (++nesting === 1) first = i;
    } else if (c === close) {
      nesting--;
      if (nesting < 0) return out;
      if (nesting === 0) {
        out = out.slice(0, first) + out.slice(i + 1);
        i = first - 1;
      }
    }
  }
  return out;
}
function compileFrameRegex(src, what, file) {
  try {
    return new RegExp(`^(?:${src})$`);
  } catch {
    throw new ProfileError("protobuf", file, `${what} is not a valid regular expression: ${src}`);
  }
}
var init_names = __esm({
  "src/profile/pprof/names.ts"() {
    "use strict";
    init_errors2();
  }
});

// src/profile/pprof/samples.ts
function forEachSample(buf, runs, fn) {
  let s = 0;
  for (let i = 0; i < runs.length; i += 3) {
    if (runs[i] === ONE) {
      fn(s++, runs[i + 1], runs[i + 2]);
      continue;
    }
    const to = runs[i + 2];
    for (let p = runs[i + 1]; p < to; ) {
      const x = shortVarint(buf, p + 1);
      const q = p + 1 + (x & 7);
      fn(s++, q, q + (x >>> 3));
      p = q + (x >>> 3);
    }
  }
}
function decodeSamples(t) {
  const one = sampleDecoder(t);
  if (t.sink.decodeAll && !t.anyPrune) {
    return t.sink.decodeAll(t.r.buf, t.runs, t.locIds.denseTable(), one);
  }
  let emptyStacks = 0;
  forEachSample(t.r.buf, t.runs, (s, start, end) => {
    if (!one(s, start, end)) emptyStacks++;
  });
  return emptyStacks;
}
function sampleDecoder(t) {
  const { r, file, sink, nTypes, locIds, locPrune, anyPrune } = t;
  const values = new Float64Array(nTypes);
  let locBuf = new Int32Array(256);
  const labelKeys = [];
  const buf = r.buf;
  const dense = locIds.denseTable();
  const denseLen = dense.length;
  const locOf = (id, s) => {
    const li = locIds.get(id);
    if (li < 0) {
      throw new ProfileError(
        "invalid-reference",
        file,
        `sample ${s} refers to location ${id}, which does not exist`
      );
    }
    return li;
  };
  const slowVarint = (at) => {
    r.pos = at;
    return readInt64(r);
  };
  return (s, start, end) => {
    let pos = start;
    let nLoc = 0;
    let nVal = 0;
    if (labelKeys.length !== 0) labelKeys.length = 0;
    while (pos < end) {
      const tag = buf[pos++];
      if (tag === 10 || tag === 18) {
        let len = buf[pos++];
        if (len >= 128) {
          r.pos = pos - 1;
          len = r.uint32();
          pos = r.pos;
        }
        const e = pos + len;
        if (e > end) throw new WireError(`sample ${s}: packed field overruns the sample`);
        while (pos < e) {
          const start2 = pos;
          let b = buf[pos++];
          let v = b & 127;
          if (b >= 128) {
            b = buf[pos++];
            v |= (b & 127) << 7;
            if (b >= 128) {
              b = buf[pos++];
              v |= (b & 127) << 14;
              if (b >= 128) {
                b = buf[pos++];
                v |= (b & 127) << 21;
                if (b >= 128) {
                  v = slowVarint(start2);
                  pos = r.pos;
                }
              }
            }
          }
          if (tag === 10) {
            if (nLoc === locBuf.length) locBuf = grow32(locBuf);
            const li = v < denseLen ? dense[v] : -1;
            locBuf[nLoc++] = li >= 0 ? li : locOf(v, s);
          } else {
            if (nVal < nTypes) values[nVal] = v;
            nVal++;
          }
        }
        if (pos !== e) throw new WireError(`sample ${s}: varint crosses the end of a packed field`);
      } else if (tag === 8) {
        const v = slowVarint(pos);
        pos = r.pos;
        if (nLoc === locBuf.length) locBuf = grow32(locBuf);
        locBuf[nLoc++] = locOf(v, s);
      } else if (tag === 16) {
        const v = slowVarint(pos);
        pos = r.pos;
        if (nVal < nTypes) values[nVal] = v;
        nVal++;
      } else if (tag === 26) {
        r.pos = pos;
        readLabelKey(r, labelKeys);
        pos = r.pos;
      } else {
        r.pos = pos - 1;
        const t2 = readUint32(r);
        if (t2 >>> 3 === 0) throw new WireError(`sample ${s}: field number 0`);
        r.skipType(t2 & 7);
        pos = r.pos;
      }
    }
    if (pos !== end) throw new WireError(`sample ${s} overruns its length`);
    if (nVal !== nTypes) {
      throw new ProfileError(
        "protobuf",
        file,
        `sample ${s} has ${nVal} values but the profile declares ${nTypes} sample types`
      );
    }
    let firstLoc = 0;
    if (anyPrune) {
      let foundUser = false;
      for (let i = nLoc - 1; i >= 0; i--) {
        const p = locPrune[locBuf[i]];
        if (p === 0) {
          foundUser = true;
          continue;
        }
        if (!foundUser) continue;
        firstLoc = p === 2 ? i + 1 : i;
        break;
      }
    }
    if (nLoc === 0) return false;
    sink.sample(locBuf, firstLoc, nLoc, values, labelKeys);
    return true;
  };
}
function grow32(a) {
  const n = new Int32Array(a.length * 2);
  n.set(a);
  return n;
}
var RUN, ONE, StackSink;
var init_samples = __esm({
  "src/profile/pprof/samples.ts"() {
    "use strict";
    init_errors2();
    init_messages();
    init_varint();
    RUN = 0;
    ONE = 1;
    StackSink = class {
      constructor(builder, locStart, locFrames, str) {
        this.builder = builder;
        this.locStart = locStart;
        this.locFrames = locFrames;
        this.str = str;
      }
      builder;
      locStart;
      locFrames;
      str;
      // label sets interned by a hash of their string-table indices (checked on a hit)
      labelIndex = /* @__PURE__ */ new Map();
      sample(locs, first, end, values, labelKeys) {
        let nFrames = 0;
        for (let i = first; i < end; i++)
          nFrames += this.locStart[locs[i] + 1] - this.locStart[locs[i]];
        const frames = this.builder.frameBuffer(nFrames);
        let n = this.builder.frameCount;
        for (let i = first; i < end; i++) {
          const li = locs[i];
          const b = this.locStart[li + 1];
          for (let k = this.locStart[li]; k < b; k++) frames[n++] = this.locFrames[k];
        }
        let labelSet = -1;
        if (labelKeys.length > 0) {
          let h = labelKeys.length;
          for (let i = 0; i < labelKeys.length; i++) h = Math.imul(h, 31) + labelKeys[i] | 0;
          const bucket = this.labelIndex.get(h);
          let id;
          if (bucket) {
            for (const e of bucket) {
              if (e.keys.length === labelKeys.length && e.keys.every((k, i) => k === labelKeys[i])) {
                id = e.id;
                break;
              }
            }
          }
          if (id === void 0) {
            const labels = [];
            for (let i = 0; i < labelKeys.length; i += 4) {
              const l = { key: this.str(labelKeys[i], "label key") };
              if (labelKeys[i + 1]) l.str = this.str(labelKeys[i + 1], "label value");
              else if (labelKeys[i + 3]) l.num = labelKeys[i + 2];
              if (labelKeys[i + 3] > 1) l.unit = this.str(labelKeys[i + 3] - 1, "label unit");
              labels.push(l);
            }
            id = this.builder.labelSet(labels);
            const entry = { keys: labelKeys.slice(), id };
            if (bucket) bucket.push(entry);
            else this.labelIndex.set(h, [entry]);
          }
          labelSet = id;
        }
        this.builder.commit(nFrames, values, labelSet);
      }
    };
  }
});

// src/profile/pprof/scan.ts
function scanProfile(r) {
  const strPos = [];
  const sampleTypeIdx = [];
  const functions = [];
  const mappings = [];
  const locs = { id: [], mappingId: [], addressAt: [], lineStart: [], lineFn: [] };
  const comments = [];
  const runs = [];
  let dropFrames = 0;
  let keepFrames = 0;
  let timeNanos = 0;
  let timeSeen = 0;
  let durationNanos = 0;
  let periodType;
  let period = 0;
  let defaultSampleType = 0;
  const buf = r.buf;
  const largest = { bytes: 0 };
  while (r.pos < r.len) {
    if (buf[r.pos] === 18) {
      const p = sampleRunEnd(buf, r.pos, r.len, largest);
      if (p !== r.pos) {
        runs.push(RUN, r.pos, p);
        r.pos = p;
        continue;
      }
    }
    const tag = readUint32(r);
    const field = tag >>> 3;
    const wire = tag & 7;
    if (field === 0) throw new WireError("field number 0");
    switch (field) {
      case 1:
        expectWire(wire, 2);
        sampleTypeIdx.push(readValueType(r));
        break;
      case 2: {
        expectWire(wire, 2);
        const end = readEnd(r);
        runs.push(ONE, r.pos, end);
        if (end - r.pos > largest.bytes) largest.bytes = end - r.pos;
        r.pos = end;
        break;
      }
      case 3:
        expectWire(wire, 2);
        mappings.push(readMapping(r));
        break;
      case 4:
        expectWire(wire, 2);
        readLocation(r, locs);
        break;
      case 5:
        expectWire(wire, 2);
        functions.push(readFunction(r));
        break;
      case 6: {
        expectWire(wire, 2);
        const e = readEnd(r);
        strPos.push(r.pos, e);
        r.pos = e;
        break;
      }
      case 7:
        dropFrames = readInt64(r);
        break;
      case 8:
        keepFrames = readInt64(r);
        break;
      case 9:
        timeNanos = readInt64(r);
        timeSeen++;
        break;
      case 10:
        durationNanos = readInt64(r);
        break;
      case 11:
        expectWire(wire, 2);
        periodType = readValueType(r);
        break;
      case 12:
        period = readInt64(r);
        break;
      case 13:
        readRepeatedInt64(r, wire, comments);
        break;
      case 14:
        defaultSampleType = readInt64(r);
        break;
      default:
        r.skipType(wire);
    }
  }
  locs.lineStart.push(locs.lineFn.length);
  return {
    strPos,
    sampleTypeIdx,
    functions,
    mappings,
    locs,
    comments,
    runs,
    maxSampleBytes: largest.bytes,
    dropFrames,
    keepFrames,
    timeNanos,
    timeSeen,
    durationNanos,
    periodType,
    period,
    defaultSampleType
  };
}
function sampleRunEnd(buf, pos, len, largest) {
  let p = pos;
  let max = largest.bytes;
  while (p < len && buf[p] === 18) {
    const x = shortVarint(buf, p + 1);
    if (x < 0) break;
    const q = p + 1 + (x & 7);
    const n = x >>> 3;
    if (q + n > len) throw new WireError("unexpected end of data");
    if (n > max) max = n;
    p = q + n;
  }
  largest.bytes = max;
  return p;
}
var init_scan = __esm({
  "src/profile/pprof/scan.ts"() {
    "use strict";
    init_messages();
    init_samples();
    init_varint();
  }
});

// src/profile/pprof/wasm/samples-wasm.ts
var SAMPLES_WASM_BASE64;
var init_samples_wasm = __esm({
  "src/profile/pprof/wasm/samples-wasm.ts"() {
    "use strict";
    SAMPLES_WASM_BASE64 = [
      "AGFzbQEAAAABEwFgDn9/f39/f39/f39/f39/AX8CDwEDZW52Bm1lbW9yeQIAAAMCAQAHEwIGc3VtUnVuAAAGbWVtb3J5AgAK",
      "rBIBqRICFH8DfCANKAIAIRMgDSgCBCEeIA0oAgghHyANKAIMIRwgDEECRiEdIAAgAmohICAAIAFqIRcDfyAXICBJBH8gF0EC",
      "aiEBIBctAAEiD0H/AHEhDkEHIREDQCARQSNJIA9BgAFPcQRAIAEiD0EBaiEBIA4gDy0AACIPQf8AcSARdHIhDiARQQdqIREM",
      "AQsLIAEhFCABIA5qIhshFyAcQQFqIRwgEyESQQAhDkEAIRBBACEaQQAhGEQAAAAAAAAAACEjRAAAAAAAAAAAISRBASEPA0Ag",
      "ASAbSQRAAkAgAS0AACEWIAFBAWoiESAbTwRAQQAhDwwBCyARQQFqIQEgES0AACIRQYABTwRAIAEgG08EQEEAIQ8MAgsgASIV",
      "QQFqIQEgFS0AACIVQYABTwRAQQAhDwwCCyARQf8AcSAVQQd0ciERCyABIBFqIhEgG0sEQEEAIQ8MAQsgFkEKRgRAIBoEQEEA",
      "IQ8MAgtBASEaIAEhDiARIhAhAQwDBSAWQRJGBEADQCABIBFJBEACQCABIhVBAWohASAVLQAAIhVB/wBxIRYgFUGAAU8EfCAB",
      "IhVBAWohASAWIBUtAAAiFUH/AHFBB3RyIRYgFUGAAU8EfCABIhVBAWohASAWIBUtAAAiFUH/AHFBDnRyIRYgFUGAAU8EfCAB",
      "IhVBAWohASAWIBUtAAAiFUH/AHFBFXRyIRYgFUGAAU8EfCABIhVBAWohASAVLQAAIhVBgAFPBEBBACEPDAULIBW4RAAAAAAA",
      "ALBBogVEAAAAAAAAAAALBUQAAAAAAAAAAAsFRAAAAAAAAAAACwVEAAAAAAAAAAALIBa4oCEiIB0EQCAYBEAgIiEkBSAiISML",
      "BSAMIBhKBEAgCyAYQQN0aiAiOQMACwsgGEEBaiEYDAILCwsgD0UNAgUgFkEaRgRAA38gASARSQR/IAEiFUEBaiEBAkAgFS0A",
      "ACIVQRBHIBVBCEdxIBVBGEdxIBVBIEdxDQAgASEVA0AgASARSQR/IAEtAABBgAFPBUEACwRAIAFBAWohAQwBCwsgAUEBaiIB",
      "IBVrQQpLDQAMAgtBAAUgDwsLIg9FDQMFQQAhDwwDCwsLIAEgEUcEQEEAIQ8MAQsMAgsLCwJAIA9FIAwgGEdyDQAgE0EBaiET",
      "IA4gEEYEQCAfQQFqIR8MAwsgHQRAIAsgIzkDACALICQ5AwgLQX8hD0EAIRogDiEBIB0EfwN/IAEgEEkEfyABIhFBAWohASAR",
      "LQAAIhVB/wBxIRgCQCAVQYABTwRAIAEiFUEBaiEBIBggFS0AACIVQf8AcUEHdHIhGCAVQYABTwRAIAEiFUEBaiEBIBggFS0A",
      "ACIVQf8AcUEOdHIhGCAVQYABTwRAIAEiFUEBaiEBIBggFS0AACIVQf8AcUEVdHIhGCAVQYABTw0DCwsLQQAhGUEAIRUgBCAY",
      "SwR/IAMgGEECdGooAgAFQX8LIhZBf0gEQCAFQX4gFmsiEUECdGooAgAhGSAFIBFBAWpBAnRqKAIAIRUgBiAZQQJ0aigCACEW",
      "BSAWQX9GDQELIBYgDyAPQQBIGyEPA0AgByAWQQJ0aiIRKAIAIBJHBEAgESASNgIAIAggFkEEdGoiESARKwMAICOgOQMAIBEg",
      "ESsDCCAkoDkDCAsgFSAZQQFqIhlLBEAgBiAZQQJ0aigCACEWDAELCwwCC0EBIRogEQVBAAsLBQN/IAEgEEkEfyABIRVBACEY",
      "QQAhGUGAASEWA0AgGUEESCAWQYABT3EEQCABIhFBAWohASAYIBEtAAAiFkH/AHEgGUEHbHRyIRggGUEBaiEZDAELCwJAIBZB",
      "gAFPDQAgBCAYSwR/IAMgGEECdGooAgAFQX8LIhZBAE4EQCAWIA8gD0EASBshD0EAIREgEiAHIBZBAnRqIhUoAgBHBEAgFSAS",
      "NgIAIAggDCAWbEEDdGohFQNAIAwgEUoEQCARQQN0IhYgFWoiGCAYKwMAIAsgFmorAwCgOQMAIBFBAWohEQwBCwsLBSAWQX9G",
      "BEAMAgUgBUF+IBZrIhFBAWpBAnRqKAIAIRggBSARQQJ0aigCACERIA9BAEgEQCAGIBFBAnRqKAIAIQ8LA0AgESAYSQRAQQAh",
      "FiASIAcgBiARQQJ0aigCACIVQQJ0aiIZKAIARwRAIBkgEjYCACAIIAwgFWxBA3RqIRkDQCAMIBZKBEAgFkEDdCIVIBlqIiEg",
      "ISsDACALIBVqKwMAoDkDACAWQQFqIRYMAQsLCyARQQFqIREMAQsLCwsMAgtBASEaIBUFQQALCwshESAaRSABIBBHcQRAQQEh",
      "GiABIRELIBoEQANAIA4gEUkEQEEAIQlBACEEA0AgBEEcSQRAAkAgDiIBQQFqIQ4gCSABLQAAIgFB/wBxIAR0ciEJIAFBgAFJ",
      "DQAgBEEHaiEEDAILCwsgAyAJQQJ0aigCACIBQQBOBEACQEEAIQQgByABQQJ0aiIJKAIAIBJHDQAgCUF/NgIAIAggASAMbEED",
      "dGohAQNAIAQgDEgEQCAEQQN0IgkgAWoiCiAKKwMAIAkgC2orAwChOQMAIARBAWohBAwBCwsLBSAFQX4gAWsiAUEBakECdGoo",
      "AgAhCSAFIAFBAnRqKAIAIQEDQCABIAlJBEBBACEEIBIgByAGIAFBAnRqKAIAIgpBAnRqIg8oAgBGBEAgD0F/NgIAIAggCiAM",
      "bEEDdGohCgNAIAQgDEgEQCAEQQN0Ig8gCmoiECAQKwMAIAsgD2orAwChOQMAIARBAWohBAwBCwsLIAFBAWohAQwBCwsLDAEL",
      "CyATQQFrIRMMAQsgHkEBaiEeIAkgDCAPbEEDdGohASAdBEAgASABKwMAICOgOQMAIAEgASsDCCAkoDkDCCAKIAorAwAgI6A5",
      "AwAgCiAKKwMIICSgOQMIDAMLQQAhDwNAIAwgD0oEQCAPQQN0Ig4gC2orAwAhIiABIA5qIhAgECsDACAioDkDACAKIA5qIg4g",
      "DisDACAioDkDACAPQQFqIQ8MAQsLDAILQQEFQQALCyEBIA0gEzYCACANIB42AgQgDSAfNgIIIAEEQCANIBxBAWs2AgwgDSAU",
      "IABrNgIQIA0gGyAAayIANgIUIA1BATYCGCAADwsgDSAcNgIMIA1BADYCGCACCw=="
    ].join("");
  }
});

// src/profile/pprof/wasm/state-layout.ts
var STATE_STAMP, STATE_COUNTED, STATE_EMPTY, STATE_NEXT, STATE_STOP_START, STATE_STOP_END, STATE_STOPPED, STATE_SLOTS;
var init_state_layout = __esm({
  "src/profile/pprof/wasm/state-layout.ts"() {
    "use strict";
    STATE_STAMP = 0;
    STATE_COUNTED = 1;
    STATE_EMPTY = 2;
    STATE_NEXT = 3;
    STATE_STOP_START = 4;
    STATE_STOP_END = 5;
    STATE_STOPPED = 6;
    STATE_SLOTS = 7;
  }
});

// src/profile/pprof/wasm/sample-pass.ts
function wasmModule() {
  if (compiled === void 0) {
    try {
      compiled = new WebAssembly.Module(Buffer.from(SAMPLES_WASM_BASE64, "base64"));
    } catch {
      compiled = null;
    }
  }
  return compiled;
}
function instanceWith(mod, pages) {
  if (pages > 65536) return void 0;
  try {
    if (kept && pages <= KEEP_PAGES) {
      const have = kept.memory.buffer.byteLength / 65536;
      if (have < pages) kept.memory.grow(pages - have);
      return kept;
    }
    const memory = new WebAssembly.Memory({ initial: pages });
    const instance = new WebAssembly.Instance(mod, { env: { memory } });
    const made = { memory, sumRun: instance.exports.sumRun };
    if (pages <= KEEP_PAGES) kept = made;
    return made;
  } catch {
    return void 0;
  }
}
function createSamplePass(input) {
  const mod = wasmModule();
  if (!mod) return void 0;
  const { buf, idFn, locStart, locNorm, nNames, nTypes } = input;
  let top = 8;
  const take = (bytes) => {
    const at = top;
    top += Math.ceil(bytes / 8) * 8;
    return at;
  };
  const pBuf = take(buf.length);
  const pId = take(idFn.length * 4);
  const pStart = take(locStart.length * 4);
  const pNorm = take(locNorm.length * 4);
  const pStamp = take(nNames * 4);
  const pCum = take(nNames * nTypes * 8);
  const pSelf = take(nNames * nTypes * 8);
  const pTotal = take(nTypes * 8);
  const pVals = take(nTypes * 8);
  const pState = take(STATE_SLOTS * 4);
  const pages = Math.ceil((top + 16) / 65536);
  const got = instanceWith(mod, pages);
  if (!got) return void 0;
  const { memory, sumRun } = got;
  const m = memory.buffer;
  new Uint8Array(m, pBuf, buf.length).set(buf);
  new Int32Array(m, pId, idFn.length).set(idFn);
  new Uint32Array(m, pStart, locStart.length).set(locStart);
  new Uint32Array(m, pNorm, locNorm.length).set(locNorm);
  return {
    stamp: new Int32Array(m, pStamp, nNames),
    cum: new Float64Array(m, pCum, nNames * nTypes),
    self: new Float64Array(m, pSelf, nNames * nTypes),
    total: new Float64Array(m, pTotal, nTypes),
    state: new Int32Array(m, pState, STATE_SLOTS),
    run: (from, to) => sumRun(
      pBuf,
      from,
      to,
      pId,
      idFn.length,
      pStart,
      pNorm,
      pStamp,
      pCum,
      pSelf,
      pTotal,
      pVals,
      nTypes,
      pState
    )
  };
}
var compiled, KEEP_PAGES, kept;
var init_sample_pass = __esm({
  "src/profile/pprof/wasm/sample-pass.ts"() {
    "use strict";
    init_samples_wasm();
    init_state_layout();
    KEEP_PAGES = 1024;
  }
});

// src/profile/pprof/totals-sink.ts
var TotalsSink;
var init_totals_sink = __esm({
  "src/profile/pprof/totals-sink.ts"() {
    "use strict";
    init_samples();
    init_sample_pass();
    init_state_layout();
    TotalsSink = class {
      constructor(fnMap, nNames, nTypes, locStart, locFrames, useWasm, budget) {
        this.nNames = nNames;
        this.nTypes = nTypes;
        this.locStart = locStart;
        this.useWasm = useWasm;
        this.budget = budget;
        this.selfAll = new Float64Array(nNames * nTypes);
        this.cumAll = new Float64Array(nNames * nTypes);
        this.total = new Float64Array(nTypes);
        this.stamp = new Int32Array(nNames).fill(-1);
        this.locNorm = locFrames.map((f) => fnMap[f]);
        const nLoc = locStart.length - 1;
        this.locSingle = new Int32Array(nLoc);
        for (let li = 0; li < nLoc; li++) {
          this.locSingle[li] = locStart[li + 1] - locStart[li] === 1 ? this.locNorm[locStart[li]] : -1;
        }
      }
      nNames;
      nTypes;
      locStart;
      useWasm;
      budget;
      /** self and cum per function and type, interleaved: [f * nTypes + t] */
      selfAll;
      cumAll;
      total;
      /** per function: the number of the last sample that charged it to cum (once per sample) */
      stamp;
      /** normalized function id of every location line (locFrames order) */
      locNorm;
      /** per location: its normalized function id when it has exactly one line, else -1 */
      locSingle;
      counter = 0;
      samples = 0;
      /** Counts one decoded sample: self to the leaf, cum once to each function of the stack. */
      sample(locs, first, end, values) {
        this.samples++;
        const s = this.counter++;
        const { locNorm, locStart, stamp, selfAll, cumAll, total, nTypes } = this;
        if (this.budget) {
          let n = 0;
          for (let i = first; i < end; i++) n += locStart[locs[i] + 1] - locStart[locs[i]];
          this.budget.depth(n);
          this.budget.charge(n);
        }
        for (let t = 0; t < nTypes; t++) total[t] += values[t];
        const leaf = locNorm[locStart[locs[first]]] * nTypes;
        for (let t = 0; t < nTypes; t++) selfAll[leaf + t] += values[t];
        for (let i = first; i < end; i++) {
          const li = locs[i];
          const b = locStart[li + 1];
          for (let k = locStart[li]; k < b; k++) {
            const f = locNorm[k];
            if (stamp[f] !== s) {
              stamp[f] = s;
              const at = f * nTypes;
              for (let t = 0; t < nTypes; t++) cumAll[at + t] += values[t];
            }
          }
        }
      }
      /**
       * The whole sample pass, through the WebAssembly pass (wasm/samples.ts: the same counting
       * as sample(), fused with parsing, for the shape nearly every profile has). The
       * accumulators move into its memory for the duration; a sample it does not take is decoded
       * by `general` and counted by sample() in place; then the pass goes on after it. Without
       * WebAssembly (or memory for it), `general` decodes every sample.
       */
      decodeAll(buf, runs, dense, general) {
        const pass = this.useWasm && dense.length > 0 ? createSamplePass({
          buf,
          idFn: this.idFunctions(dense),
          locStart: this.locStart,
          locNorm: this.locNorm,
          nNames: this.nNames,
          nTypes: this.nTypes
        }) : void 0;
        let empty = 0;
        if (!pass) {
          forEachSample(buf, runs, (s, start, end) => {
            if (!general(s, start, end)) empty++;
          });
          return empty;
        }
        pass.stamp.set(this.stamp);
        pass.cum.set(this.cumAll);
        pass.self.set(this.selfAll);
        pass.total.set(this.total);
        this.stamp = pass.stamp;
        this.cumAll = pass.cum;
        this.selfAll = pass.self;
        this.total = pass.total;
        const state = pass.state;
        state[STATE_STAMP] = this.counter;
        state[STATE_COUNTED] = this.samples;
        state[STATE_EMPTY] = 0;
        state[STATE_NEXT] = 0;
        const handOver = (start, end) => {
          this.counter = state[STATE_STAMP];
          this.samples = state[STATE_COUNTED];
          if (!general(state[STATE_NEXT], start, end)) state[STATE_EMPTY]++;
          state[STATE_STAMP] = this.counter;
          state[STATE_COUNTED] = this.samples;
          state[STATE_NEXT]++;
        };
        for (let i = 0; i < runs.length; i += 3) {
          if (runs[i] === ONE) {
            handOver(runs[i + 1], runs[i + 2]);
            continue;
          }
          const to = runs[i + 2];
          for (let from = runs[i + 1]; from < to; ) {
            from = pass.run(from, to);
            if (state[STATE_STOPPED] === 1) handOver(state[STATE_STOP_START], state[STATE_STOP_END]);
          }
        }
        this.counter = state[STATE_STAMP];
        this.samples = state[STATE_COUNTED];
        empty = state[STATE_EMPTY];
        this.stamp = this.stamp.slice();
        this.cumAll = this.cumAll.slice();
        this.selfAll = this.selfAll.slice();
        this.total = this.total.slice();
        return empty;
      }
      /** location id -> its function when it has one line (>= 0), -2 - its index when it has
       * several, -1 when there is no such location */
      idFunctions(dense) {
        const idFn = new Int32Array(dense.length);
        for (let v = 0; v < dense.length; v++) {
          const li = dense[v];
          idFn[v] = li < 0 ? -1 : this.locSingle[li] >= 0 ? this.locSingle[li] : -2 - li;
        }
        return idFn;
      }
      /** The self / cum column of sample type `t`. */
      column(which, t) {
        const out = new Float64Array(this.nNames);
        if (which === "self") {
          for (let f = 0; f < this.nNames; f++) out[f] = this.selfAll[f * this.nTypes + t];
        } else {
          for (let f = 0; f < this.nNames; f++) out[f] = this.cumAll[f * this.nTypes + t];
        }
        return out;
      }
    };
  }
});

// src/profile/pprof/read.ts
function readPprof(bytes, file, opts = {}) {
  return guarded(
    file,
    () => decode3(bytes, file, opts, (t) => {
      const sink = new StackSink(t.builder, t.locStart, t.locFrames, t.str);
      return { sink, finish: (meta) => t.builder.build(meta) };
    })
  );
}
function readPprofTotals(bytes, file, normalize, opts = {}) {
  return guarded(
    file,
    () => decode3(bytes, file, opts, (t) => {
      const { map, names, rawNames } = normalizedIds(t.builder.functions, normalize);
      const checked = !framesBoundedBySize(t.runs, t.maxSampleBytes, t.locStart);
      const sink = new TotalsSink(
        map,
        names.length,
        t.sampleTypes.length,
        t.locStart,
        t.locFrames,
        opts.wasm !== false && !checked,
        checked ? activeBudget() : void 0
      );
      return {
        sink,
        finish: (meta) => ({
          ...meta,
          sampleTypes: t.sampleTypes,
          samples: sink.samples,
          totals: t.sampleTypes.map((type, k) => ({
            type,
            names,
            self: sink.column("self", k),
            cum: sink.column("cum", k),
            total: sink.total[k],
            rawNames,
            samples: sink.samples
          }))
        })
      };
    })
  );
}
function framesBoundedBySize(runs, maxSampleBytes, locStart) {
  let maxLines = 0;
  for (let i = 0; i + 1 < locStart.length; i++) {
    const n = locStart[i + 1] - locStart[i];
    if (n > maxLines) maxLines = n;
  }
  let total = 0;
  for (let i = 0; i < runs.length; i += 3) total += runs[i + 2] - runs[i + 1];
  const max = maxSampleBytes;
  const b = activeBudget();
  return max * maxLines <= b.limits.maxStackDepth && b.frames + total * maxLines <= b.limits.maxFrames;
}
function guarded(file, fn) {
  return readerGuard(
    "protobuf",
    file,
    (m) => `not a valid pprof protobuf (truncated or corrupt: ${m})`,
    fn
  );
}
function decode3(bytes, file, opts, use) {
  const r = createReader(bytes);
  const fields = scanProfile(r);
  const str = stringTable(r, fields.strPos, file);
  if (fields.timeSeen > 1) {
    throw new ProfileError(
      "protobuf",
      file,
      "time_nanos appears twice: this looks like two profiles concatenated"
    );
  }
  const sampleTypes = resolveSampleTypes(fields.sampleTypeIdx, str, file);
  const defaultIndex = defaultTypeIndex(sampleTypes, fields.defaultSampleType, str);
  const { functions, mappings } = fields;
  const fnIds = new IdTable(
    functions.map((f) => f.id),
    "function",
    file
  );
  const mapIds = new IdTable(
    mappings.map((m) => m.id),
    "mapping",
    file
  );
  const builder = new ProfileBuilder(sampleTypes);
  const fnName = functionNames(functions, str);
  const shouldDrop = frameFilter(fields, str, file, opts.allFrames, opts.fold);
  const locations = buildLocations(fields.locs, {
    file,
    r,
    str,
    builder,
    functions,
    fnIds,
    fnName,
    mappings,
    mapIds,
    shouldDrop
  });
  const { sink, finish: finish2 } = use({
    runs: fields.runs,
    maxSampleBytes: fields.maxSampleBytes,
    builder,
    sampleTypes,
    locStart: locations.start,
    locFrames: locations.frames,
    str
  });
  const emptyStacks = decodeSamples({
    r,
    file,
    sink,
    runs: fields.runs,
    nTypes: sampleTypes.length,
    locIds: locations.ids,
    locPrune: locations.prune,
    anyPrune: locations.anyPrune
  });
  return finish2(profileMeta(fields, defaultIndex, emptyStacks, str));
}
function stringTable(r, strPos, file) {
  const nStrings = strPos.length / 2;
  if (nStrings > 0 && strPos[1] - strPos[0] !== 0) {
    throw new ProfileError("protobuf", file, "string_table[0] must be the empty string");
  }
  const strings = new Array(nStrings);
  return (i, what) => {
    if (i === 0) return "";
    if (i < 0 || i >= nStrings || !Number.isInteger(i)) {
      throw new ProfileError(
        "invalid-reference",
        file,
        `${what} refers to string ${i}, but the string table has ${nStrings} entries`
      );
    }
    return strings[i] ??= utf8.read(r.buf, strPos[2 * i], strPos[2 * i + 1]);
  };
}
function resolveSampleTypes(sampleTypeIdx, str, file) {
  const sampleTypes = sampleTypeIdx.map(([t, u], i) => ({
    type: str(t, `sample_type[${i}].type`),
    unit: str(u, `sample_type[${i}].unit`)
  }));
  if (sampleTypes.length === 0) {
    throw new ProfileError("protobuf", file, "profile declares no sample types");
  }
  return sampleTypes;
}
function defaultTypeIndex(sampleTypes, defaultSampleType, str) {
  let defaultIndex = sampleTypes.length - 1;
  if (defaultSampleType !== 0) {
    const name = str(defaultSampleType, "default_sample_type");
    const i = sampleTypes.findIndex((t) => t.type === name);
    if (i >= 0) defaultIndex = i;
  }
  return defaultIndex;
}
function functionNames(functions, str) {
  return functions.map((f) => {
    const name = str(f.name, `function ${f.id} name`);
    const sys = str(f.systemName, `function ${f.id} system_name`);
    const fileName = str(f.filename, `function ${f.id} filename`);
    return pprofDisplayName(name, sys) || fileName;
  });
}
function frameFilter(fields, str, file, allFrames, fold) {
  const drop = fields.dropFrames ? compileFrameRegex(str(fields.dropFrames, "drop_frames"), "drop_frames", file) : void 0;
  const keep = drop && fields.keepFrames ? compileFrameRegex(str(fields.keepFrames, "keep_frames"), "keep_frames", file) : void 0;
  const profileDrop = drop && !allFrames ? drop : void 0;
  if (!profileDrop && !fold) return void 0;
  return (name) => {
    if (name === "") return false;
    if (fold?.(name)) return true;
    if (!profileDrop) return false;
    const s = simplifyFunc(name);
    return profileDrop.test(s) && !(keep && keep.test(s));
  };
}
function profileMeta(fields, defaultIndex, emptyStacks, str) {
  const warnings = [];
  if (emptyStacks > 0) {
    warnings.push(
      `dropped ${emptyStacks} sample${emptyStacks === 1 ? "" : "s"} without any location (no stack)`
    );
  }
  const { periodType } = fields;
  return {
    format: "pprof",
    defaultSampleType: defaultIndex,
    period: fields.period,
    periodType: periodType ? {
      type: str(periodType[0], "period_type.type"),
      unit: str(periodType[1], "period_type.unit")
    } : void 0,
    durationNanos: fields.durationNanos,
    timeNanos: fields.timeNanos,
    comments: fields.comments.map((c, i) => str(c, `comment[${i}]`)),
    warnings
  };
}
var import_minimal2, utf8;
var init_read2 = __esm({
  "src/profile/pprof/read.ts"() {
    "use strict";
    init_errors2();
    init_aggregate();
    init_model();
    init_locations();
    init_messages();
    init_names();
    init_limits();
    init_samples();
    init_scan();
    init_totals_sink();
    init_varint();
    import_minimal2 = __toESM(require_minimal2(), 1);
    utf8 = import_minimal2.default.util.utf8;
  }
});

// src/profile/speedscope.ts
function unitType(unit) {
  if (unit in TIME_UNITS) return { type: "time", unit };
  if (unit === "bytes") return { type: "space", unit: "bytes" };
  if (unit === "none") return { type: "samples", unit: "count" };
  return void 0;
}
function isObject2(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function isIndex(v, n) {
  return typeof v === "number" && Number.isInteger(v) && v >= 0 && v < n;
}
function readSpeedscope(json, file) {
  return readerGuard(
    "speedscope",
    file,
    (m) => `malformed speedscope file (${m})`,
    () => decode4(json, file)
  );
}
function decode4(json, file) {
  const fail2 = (detail) => {
    throw new ProfileError("speedscope", file, detail);
  };
  if (!isObject2(json)) fail2("a speedscope file must be a JSON object");
  const root = json;
  const shared = root["shared"];
  if (!isObject2(shared) || !Array.isArray(shared["frames"])) fail2("missing shared.frames");
  const rawFrames = shared["frames"];
  const profiles = root["profiles"];
  if (!Array.isArray(profiles)) fail2('missing "profiles" (an array of profiles)');
  const list = profiles;
  if (list.length === 0) fail2('"profiles" is empty');
  const keys = rawFrames.map((f, i) => {
    if (!isObject2(f) || typeof f["name"] !== "string") {
      return fail2(`shared.frames[${i}] has no "name" string`);
    }
    const fileName = f["file"];
    if (fileName !== void 0 && fileName !== null && typeof fileName !== "string") {
      return fail2(`shared.frames[${i}].file is not a string`);
    }
    return fileName ? `${f["name"]} (${fileName})` : f["name"];
  });
  const nFrames = keys.length;
  const sampleTypes = [];
  const columnOfUnit = /* @__PURE__ */ new Map();
  const profileColumn = [];
  list.forEach((p, pi) => {
    if (!isObject2(p)) return fail2(`profiles[${pi}] is not an object`);
    const unit2 = p["unit"];
    const t = typeof unit2 === "string" ? unitType(unit2) : void 0;
    if (!t) {
      return fail2(
        `profiles[${pi}] has unit ${JSON.stringify(unit2)}; expected none, nanoseconds, microseconds, milliseconds, seconds or bytes`
      );
    }
    let col = columnOfUnit.get(unit2);
    if (col === void 0) {
      col = sampleTypes.length;
      sampleTypes.push(t);
      columnOfUnit.set(unit2, col);
    }
    profileColumn.push(col);
  });
  const builder = new ProfileBuilder(sampleTypes);
  const budget = activeBudget();
  const fid = new Int32Array(nFrames).fill(-1);
  const frameId = (i) => {
    if (fid[i] < 0) fid[i] = builder.fn(keys[i]);
    return fid[i];
  };
  const values = new Float64Array(sampleTypes.length);
  const stack = [];
  let emptyStacks = 0;
  let magnitude = 0;
  list.forEach((raw, pi) => {
    const p = raw;
    const what = `profiles[${pi}]${typeof p["name"] === "string" ? ` ("${p["name"]}")` : ""}`;
    const col = profileColumn[pi];
    if (p["type"] === "sampled") {
      const samples = p["samples"];
      const weights = p["weights"];
      if (!Array.isArray(samples)) return fail2(`${what}: "samples" is not an array`);
      if (!Array.isArray(weights)) return fail2(`${what}: "weights" is not an array`);
      if (weights.length !== samples.length) {
        return fail2(
          `${what}: weights.length (${weights.length}) != samples.length (${samples.length})`
        );
      }
      for (let i = 0; i < samples.length; i++) {
        const s = samples[i];
        const w = weights[i];
        if (!Array.isArray(s))
          return fail2(`${what}: samples[${i}] is not an array of frame indices`);
        if (typeof w !== "number" || !Number.isFinite(w)) {
          return fail2(`${what}: weights[${i}] is not a finite number`);
        }
        if (w < 0) return fail2(`${what}: weights[${i}] is negative (${w})`);
        stack.length = 0;
        for (let k = s.length - 1; k >= 0; k--) {
          const f = s[k];
          if (!isIndex(f, nFrames)) {
            return fail2(
              `${what}: samples[${i}][${k}] = ${JSON.stringify(f)} is not a frame index (there are ${nFrames} frames)`
            );
          }
          stack.push(frameId(f));
        }
        if (w === 0) continue;
        if (stack.length === 0) {
          emptyStacks++;
          continue;
        }
        values.fill(0);
        values[col] = w;
        magnitude += w;
        builder.add(stack, values);
      }
    } else if (p["type"] === "evented") {
      const events = p["events"];
      if (!Array.isArray(events)) return fail2(`${what}: "events" is not an array`);
      const trie = new StackTrie();
      const open = [];
      const nodes = [0];
      let last = 0;
      for (let i = 0; i < events.length; i++) {
        const e = events[i];
        if (!isObject2(e)) return fail2(`${what}: events[${i}] is not an object`);
        const at = e["at"];
        const frame = e["frame"];
        const type = e["type"];
        if (typeof at !== "number" || !Number.isFinite(at)) {
          return fail2(`${what}: events[${i}].at is not a finite number`);
        }
        if (!isIndex(frame, nFrames)) {
          return fail2(
            `${what}: events[${i}].frame = ${JSON.stringify(frame)} is not a frame index (there are ${nFrames} frames)`
          );
        }
        if (i > 0) {
          if (at < last) {
            return fail2(
              `${what}: events[${i}].at (${at}) is before the previous event's (${last}): events must be in time order`
            );
          }
          const delta = at - last;
          if (delta > 0 && open.length > 0) trie.value[nodes[nodes.length - 1]] += delta;
        }
        last = at;
        if (type === "O") {
          budget.depth(open.length + 1);
          open.push(frame);
          nodes.push(trie.child(nodes[nodes.length - 1], frame));
        } else if (type === "C") {
          if (open.length === 0) {
            return fail2(
              `${what}: events[${i}] closes frame ${frame} ("${keys[frame]}") but no frame is open`
            );
          }
          const top = open[open.length - 1];
          if (top !== frame) {
            return fail2(
              `${what}: events[${i}] closes frame ${frame} ("${keys[frame]}") but the innermost open frame is ${top} ("${keys[top]}")`
            );
          }
          open.pop();
          nodes.pop();
        } else {
          return fail2(`${what}: events[${i}].type is ${JSON.stringify(type)}, expected "O" or "C"`);
        }
      }
      if (open.length > 0) {
        const f = open[open.length - 1];
        return fail2(
          `${what}: ${open.length} frame${open.length === 1 ? " is" : "s are"} still open after the last event (innermost: ${f} "${keys[f]}")`
        );
      }
      for (let n = 1; n < trie.parent.length; n++) {
        const v = trie.value[n];
        if (v === 0) continue;
        stack.length = 0;
        for (let m = n; m > 0; m = trie.parent[m]) stack.push(frameId(trie.frame[m]));
        values.fill(0);
        values[col] = v;
        magnitude += v;
        builder.add(stack, values);
      }
    } else {
      return fail2(`${what}: type is ${JSON.stringify(p["type"])}, expected "sampled" or "evented"`);
    }
  });
  if (!Number.isFinite(magnitude)) fail2("the weights add up to more than a double can hold");
  const active2 = root["activeProfileIndex"];
  const defaultProfile = isIndex(active2, list.length) ? active2 : 0;
  const defaultSampleType = profileColumn[defaultProfile];
  const unit = list[defaultProfile]["unit"];
  let durationNanos = 0;
  if (unit in TIME_UNITS) {
    let start = Infinity;
    let end = -Infinity;
    list.forEach((raw, pi) => {
      const p = raw;
      if (profileColumn[pi] !== defaultSampleType) return;
      const s = p["startValue"];
      const e = p["endValue"];
      if (typeof s === "number" && typeof e === "number" && Number.isFinite(s) && Number.isFinite(e)) {
        start = Math.min(start, s);
        end = Math.max(end, e);
      }
    });
    const d = (end - start) * TIME_UNITS[unit];
    if (Number.isFinite(d) && d > 0) durationNanos = Math.round(d);
  }
  const warnings = [];
  if (emptyStacks > 0) {
    warnings.push(
      `dropped ${emptyStacks} sample${emptyStacks === 1 ? "" : "s"} with an empty stack`
    );
  }
  if (list.length > 1) {
    warnings.push(
      `${list.length} profiles in one file: profiles with the same unit were summed` + (sampleTypes.length > 1 ? `; ${sampleTypes.length} units give ${sampleTypes.length} sample types` : "")
    );
  }
  const name = root["name"];
  return builder.build({
    format: "speedscope",
    defaultSampleType,
    period: 0,
    durationNanos,
    timeNanos: 0,
    comments: typeof name === "string" && name !== "" ? [name] : [],
    warnings
  });
}
var TIME_UNITS, StackTrie;
var init_speedscope = __esm({
  "src/profile/speedscope.ts"() {
    "use strict";
    init_errors2();
    init_limits();
    init_model();
    TIME_UNITS = {
      nanoseconds: 1,
      microseconds: 1e3,
      milliseconds: 1e6,
      seconds: 1e9
    };
    StackTrie = class {
      parent = [-1];
      frame = [-1];
      value = [0];
      children = /* @__PURE__ */ new Map();
      child(node, frame) {
        const key2 = `${node}:${frame}`;
        let id = this.children.get(key2);
        if (id === void 0) {
          id = this.parent.length;
          this.parent.push(node);
          this.frame.push(frame);
          this.value.push(0);
          this.children.set(key2, id);
        }
        return id;
      }
    };
  }
});

// src/profile/read.ts
function budgetFor(opts) {
  return opts.budget ?? new Budget({
    ...opts.limits,
    maxInputBytes: opts.maxInflatedBytes ?? opts.limits?.maxInputBytes
  });
}
function readProfile(bytes, file, opts = {}) {
  const budget = budgetFor(opts);
  return withBudget(
    budget,
    file,
    () => readSniffed(sniff(bytes, file, budget.limits.maxInputBytes), file, opts, budget)
  );
}
function readSniffed(s, file, opts, budget) {
  let p;
  switch (s.kind) {
    case "legacy":
      throw new ProfileError(
        "legacy-format",
        file,
        `legacy (pre-protobuf) pprof format is not supported (${s.what}); convert it with \`go tool pprof -proto FILE > out.pb.gz\``
      );
    case "pprof":
      p = readPprof(s.bytes, file, { allFrames: opts.allFrames, fold: opts.fold });
      break;
    case "jfr":
      p = readJfr(s.bytes, file);
      break;
    case "json":
      checkJsonShape(s.text, budget);
      p = readJson(s.text, file);
      break;
    case "text":
      p = looksLikePerfScript(s.text) ? readPerfScript(s.text, file) : readFolded(s.text, file);
      break;
  }
  if (p.stackOffsets.length <= 1) {
    throw new ProfileError("empty", file, "profile has no samples");
  }
  return p;
}
function readTotals(bytes, file, normalize, opts = {}) {
  const budget = budgetFor(opts);
  return withBudget(budget, file, () => totalsOf(bytes, file, normalize, opts, budget));
}
function totalsOf(bytes, file, normalize, opts, budget) {
  const s = sniff(bytes, file, budget.limits.maxInputBytes);
  if (s.kind === "pprof") {
    const t = readPprofTotals(s.bytes, file, normalize, {
      allFrames: opts.allFrames,
      fold: opts.fold ?? normalize.fold
    });
    if (t.samples === 0) throw new ProfileError("empty", file, "profile has no samples");
    return t;
  }
  const p = readSniffed(s, file, opts, budget);
  return {
    format: p.format,
    sampleTypes: p.sampleTypes,
    defaultSampleType: p.defaultSampleType,
    period: p.period,
    periodType: p.periodType,
    durationNanos: p.durationNanos,
    timeNanos: p.timeNanos,
    comments: p.comments,
    warnings: p.warnings,
    samples: p.stackOffsets.length - 1,
    totals: p.sampleTypes.map((_, k) => aggregate(p, k, normalize))
  };
}
function readJson(text, file) {
  let json;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ProfileError("json", file, `invalid JSON (${e.message})`);
  }
  if (isObject3(json)) {
    const schema = json["$schema"];
    const shared = json["shared"];
    if (schema === "https://www.speedscope.app/file-format-schema.json" || isObject3(shared) && Array.isArray(shared["frames"]) && Array.isArray(json["profiles"])) {
      return readSpeedscope(json, file);
    }
    if (Array.isArray(json["nodes"]) && "startTime" in json && "endTime" in json || isObject3(json["head"]) && Array.isArray(json["timestamps"])) {
      return readCpuprofile(json, file);
    }
    if (Array.isArray(json["traceEvents"])) return readCpuprofile(json, file);
  } else if (Array.isArray(json) && json.some((e) => isObject3(e) && e["name"] === "ProfileChunk")) {
    return readCpuprofile(json, file);
  }
  throw new ProfileError(
    "json",
    file,
    "JSON is neither a speedscope file (no $schema / shared.frames + profiles) nor a Chrome .cpuprofile (no nodes + startTime + endTime)"
  );
}
function isObject3(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
var init_read3 = __esm({
  "src/profile/read.ts"() {
    "use strict";
    init_cpuprofile();
    init_detect();
    init_errors2();
    init_limits();
    init_folded();
    init_read();
    init_perfscript();
    init_read2();
    init_aggregate();
    init_speedscope();
  }
});

// src/captureset/manifest.ts
import { createHash } from "node:crypto";
import { readFileSync as readFileSync2, statSync as statSync2 } from "node:fs";
function isPlainFileName(name) {
  return name.length > 0 && name.length <= 255 && !/[/\\]/.test(name) && ![...name].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127) && !name.startsWith(".") && name !== MANIFEST_FILE;
}
function readManifestFile(path) {
  let text;
  try {
    const size = statSync2(path).size;
    if (size > MAX_MANIFEST_BYTES) {
      throw new ProfileError("manifest", path, `manifest of ${size} bytes is too large to be one`);
    }
    text = readFileSync2(path, "utf8");
  } catch (e) {
    if (e instanceof ProfileError) throw e;
    throw new ProfileError("io", path, `cannot read the manifest (${e.message})`);
  }
  let json;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new ProfileError("manifest", path, `not valid JSON (${e.message})`);
  }
  return validateManifest(json, path);
}
function validateManifest(json, file) {
  const fail2 = (where, what) => {
    throw new ProfileError("manifest", file, `not a valid capture manifest: ${where} ${what}`);
  };
  const show = (v) => {
    const t = JSON.stringify(v);
    return t === void 0 ? String(v) : t.length > 40 ? `${t.slice(0, 40)}...` : t;
  };
  const kind = (v) => v === null ? "null" : Array.isArray(v) ? "an array" : typeof v === "object" ? "an object" : `a ${typeof v} (${show(v)})`;
  const obj = (v, where) => {
    if (typeof v !== "object" || v === null || Array.isArray(v))
      fail2(where, `is ${kind(v)}, not an object`);
    return v;
  };
  const str = (v, where) => {
    if (typeof v !== "string") return fail2(where, `is ${kind(v)}, not a string`);
    if (v.length > MAX_STRING)
      return fail2(where, `is a string of ${v.length} characters (at most ${MAX_STRING})`);
    return v;
  };
  const optStr = (o, k, where) => {
    if (o[k] !== void 0) str(o[k], `${where}.${k}`);
  };
  const num = (v, where, opts = {}) => {
    const what = opts.int ? "a whole number" : "a number";
    if (typeof v !== "number" || !Number.isFinite(v) || opts.int && !Number.isInteger(v)) {
      return fail2(where, `is ${kind(v)}, not ${what}`);
    }
    if (opts.min !== void 0 && v < opts.min || opts.max !== void 0 && v > opts.max) {
      return fail2(where, `is ${v}, out of range (${opts.min ?? "-inf"} to ${opts.max ?? "inf"})`);
    }
    return v;
  };
  const oneOf = (v, where, allowed) => {
    if (typeof v !== "string" || !allowed.includes(v)) {
      fail2(where, `is ${kind(v)}, not one of ${allowed.join(", ")}`);
    }
  };
  const strList = (v, where) => {
    if (!Array.isArray(v)) return fail2(where, `is ${kind(v)}, not an array`);
    v.forEach((x, i) => str(x, `${where}[${i}]`));
  };
  const m = obj(json, "the manifest");
  if (m.formatVersion !== void 0) {
    const v = num(m.formatVersion, "formatVersion", { int: true, min: 1 });
    if (v > MANIFEST_FORMAT_VERSION) {
      fail2(
        "formatVersion",
        `is ${v}: written by a newer profile-gate (this one reads ${MANIFEST_FORMAT_VERSION})`
      );
    }
  }
  if (m.tool !== void 0) {
    const t = obj(m.tool, "tool");
    optStr(t, "name", "tool");
    optStr(t, "version", "tool");
  }
  optStr(m, "createdAt", "the manifest");
  if (m.source !== void 0) {
    const src = obj(m.source, "source");
    oneOf(src.kind, "source.kind", ["http", "command", "pyroscope", "parca", "import"]);
    for (const k of ["url", "command", "query"]) optStr(src, k, "source");
  }
  if (m.profileType !== void 0) str(m.profileType, "profileType");
  if (m.sampleType !== void 0) {
    const t = str(m.sampleType, "sampleType");
    if (t === "" || t.length > 200) fail2("sampleType", `is ${show(t)}, not a sample type name`);
  }
  if (m.labels !== void 0) {
    const l = obj(m.labels, "labels");
    for (const [k, v] of Object.entries(l)) str(v, `labels.${k.slice(0, 40)}`);
  }
  if (m.runner !== void 0) {
    const r = obj(m.runner, "runner");
    for (const k of ["cpuModel", "os", "arch", "node", "runtimeVersion"]) optStr(r, k, "runner");
    if (r.cores !== void 0) num(r.cores, "runner.cores", { int: true, min: 0, max: 1e6 });
  }
  if (m.load !== void 0) {
    const l = obj(m.load, "load");
    oneOf(l.kind, "load.kind", ["builtin", "command", "none"]);
    if (l.rate !== void 0) num(l.rate, "load.rate", { min: 0 });
    if (l.urls !== void 0) strList(l.urls, "load.urls");
    optStr(l, "command", "load");
    if (l.mix !== void 0) {
      if (!Array.isArray(l.mix)) fail2("load.mix", `is ${kind(l.mix)}, not an array`);
      l.mix.forEach((x, i) => {
        const e = obj(x, `load.mix[${i}]`);
        str(e.method, `load.mix[${i}].method`);
        str(e.url, `load.mix[${i}].url`);
        num(e.weight, `load.mix[${i}].weight`, { min: 0 });
      });
    }
  }
  if (!Array.isArray(m.captures))
    fail2("captures", `is ${kind(m.captures)}, not a list of captures`);
  const captures = m.captures;
  if (captures.length > MAX_MANIFEST_CAPTURES) {
    fail2("captures", `lists ${captures.length} captures (at most ${MAX_MANIFEST_CAPTURES})`);
  }
  const seen = /* @__PURE__ */ new Set();
  captures.forEach((x, i) => {
    const w = `captures[${i}]`;
    const c = obj(x, w);
    const f = str(c.file, `${w}.file`);
    if (!isPlainFileName(f)) {
      fail2(
        `${w}.file`,
        `is ${show(f)}: a capture file must be a plain file name inside the manifest's folder (no path separators, not hidden, not "..")`
      );
    }
    if (seen.has(f)) fail2(`${w}.file`, `${show(f)} is listed twice`);
    seen.add(f);
    if (c.role !== void 0) oneOf(c.role, `${w}.role`, ["baseline", "canary"]);
    optStr(c, "start", w);
    optStr(c, "end", w);
    if (c.durationSeconds !== void 0) num(c.durationSeconds, `${w}.durationSeconds`, { min: 0 });
    if (c.requests !== void 0) {
      const r = obj(c.requests, `${w}.requests`);
      num(r.completed, `${w}.requests.completed`, { int: true, min: 0 });
      num(r.failed, `${w}.requests.failed`, { int: true, min: 0 });
      if (r.dropped !== void 0) num(r.dropped, `${w}.requests.dropped`, { int: true, min: 0 });
    }
    if (typeof c.sha256 !== "string" || !/^[0-9a-f]{64}$/.test(c.sha256)) {
      fail2(`${w}.sha256`, `is ${kind(c.sha256)}, not a sha256 digest (64 lowercase hex digits)`);
    }
    num(c.bytes, `${w}.bytes`, { int: true, min: 0 });
  });
  if (m.run !== void 0) {
    const r = obj(m.run, "run");
    str(r.id, "run.id");
    if (typeof r.interleaved !== "boolean")
      fail2("run.interleaved", `is ${kind(r.interleaved)}, not true or false`);
  }
  if (m.incomplete !== void 0) {
    const inc = obj(m.incomplete, "incomplete");
    str(inc.reason, "incomplete.reason");
    num(inc.requestedCaptures, "incomplete.requestedCaptures", { int: true, min: 0 });
  }
  if (m.promotion !== void 0) {
    const p = obj(m.promotion, "promotion");
    str(p.commitSha, "promotion.commitSha");
    str(p.runId, "promotion.runId");
    optStr(p, "ref", "promotion");
    str(p.time, "promotion.time");
  }
  return m;
}
function verifyCaptureFile(entry, bytes, file) {
  if (bytes.length !== entry.bytes) {
    throw new ProfileError(
      "manifest",
      file,
      `is ${bytes.length} bytes but its manifest.json says ${entry.bytes}: the file was changed after it was captured; the set cannot be trusted`
    );
  }
  const digest = createHash("sha256").update(bytes).digest("hex");
  if (digest !== entry.sha256) {
    throw new ProfileError(
      "manifest",
      file,
      `sha256 ${digest} does not match ${entry.sha256} in its manifest.json: the file was changed after it was captured; the set cannot be trusted`
    );
  }
}
var MANIFEST_FILE, MANIFEST_FORMAT_VERSION, MAX_MANIFEST_CAPTURES, MAX_STRING, MAX_MANIFEST_BYTES;
var init_manifest = __esm({
  "src/captureset/manifest.ts"() {
    "use strict";
    init_errors2();
    MANIFEST_FILE = "manifest.json";
    MANIFEST_FORMAT_VERSION = 1;
    MAX_MANIFEST_CAPTURES = 1e5;
    MAX_STRING = 4096;
    MAX_MANIFEST_BYTES = 64 * 1024 * 1024;
  }
});

// node_modules/yaml/dist/nodes/identity.js
var require_identity = __commonJS({
  "node_modules/yaml/dist/nodes/identity.js"(exports) {
    "use strict";
    var ALIAS = /* @__PURE__ */ Symbol.for("yaml.alias");
    var DOC = /* @__PURE__ */ Symbol.for("yaml.document");
    var MAP = /* @__PURE__ */ Symbol.for("yaml.map");
    var PAIR = /* @__PURE__ */ Symbol.for("yaml.pair");
    var SCALAR = /* @__PURE__ */ Symbol.for("yaml.scalar");
    var SEQ = /* @__PURE__ */ Symbol.for("yaml.seq");
    var NODE_TYPE = /* @__PURE__ */ Symbol.for("yaml.node.type");
    var isAlias = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === ALIAS;
    var isDocument = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === DOC;
    var isMap = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === MAP;
    var isPair = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === PAIR;
    var isScalar = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SCALAR;
    var isSeq = (node) => !!node && typeof node === "object" && node[NODE_TYPE] === SEQ;
    function isCollection(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case MAP:
          case SEQ:
            return true;
        }
      return false;
    }
    function isNode(node) {
      if (node && typeof node === "object")
        switch (node[NODE_TYPE]) {
          case ALIAS:
          case MAP:
          case SCALAR:
          case SEQ:
            return true;
        }
      return false;
    }
    var hasAnchor = (node) => (isScalar(node) || isCollection(node)) && !!node.anchor;
    exports.ALIAS = ALIAS;
    exports.DOC = DOC;
    exports.MAP = MAP;
    exports.NODE_TYPE = NODE_TYPE;
    exports.PAIR = PAIR;
    exports.SCALAR = SCALAR;
    exports.SEQ = SEQ;
    exports.hasAnchor = hasAnchor;
    exports.isAlias = isAlias;
    exports.isCollection = isCollection;
    exports.isDocument = isDocument;
    exports.isMap = isMap;
    exports.isNode = isNode;
    exports.isPair = isPair;
    exports.isScalar = isScalar;
    exports.isSeq = isSeq;
  }
});

// node_modules/yaml/dist/visit.js
var require_visit = __commonJS({
  "node_modules/yaml/dist/visit.js"(exports) {
    "use strict";
    var identity = require_identity();
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove node");
    function visit(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = visit_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        visit_(null, node, visitor_, Object.freeze([]));
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    function visit_(key2, node, visitor, path) {
      const ctrl = callVisitor(key2, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key2, path, ctrl);
        return visit_(key2, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = visit_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = visit_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = visit_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    async function visitAsync(node, visitor) {
      const visitor_ = initVisitor(visitor);
      if (identity.isDocument(node)) {
        const cd = await visitAsync_(null, node.contents, visitor_, Object.freeze([node]));
        if (cd === REMOVE)
          node.contents = null;
      } else
        await visitAsync_(null, node, visitor_, Object.freeze([]));
    }
    visitAsync.BREAK = BREAK;
    visitAsync.SKIP = SKIP;
    visitAsync.REMOVE = REMOVE;
    async function visitAsync_(key2, node, visitor, path) {
      const ctrl = await callVisitor(key2, node, visitor, path);
      if (identity.isNode(ctrl) || identity.isPair(ctrl)) {
        replaceNode(key2, path, ctrl);
        return visitAsync_(key2, ctrl, visitor, path);
      }
      if (typeof ctrl !== "symbol") {
        if (identity.isCollection(node)) {
          path = Object.freeze(path.concat(node));
          for (let i = 0; i < node.items.length; ++i) {
            const ci = await visitAsync_(i, node.items[i], visitor, path);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              node.items.splice(i, 1);
              i -= 1;
            }
          }
        } else if (identity.isPair(node)) {
          path = Object.freeze(path.concat(node));
          const ck = await visitAsync_("key", node.key, visitor, path);
          if (ck === BREAK)
            return BREAK;
          else if (ck === REMOVE)
            node.key = null;
          const cv = await visitAsync_("value", node.value, visitor, path);
          if (cv === BREAK)
            return BREAK;
          else if (cv === REMOVE)
            node.value = null;
        }
      }
      return ctrl;
    }
    function initVisitor(visitor) {
      if (typeof visitor === "object" && (visitor.Collection || visitor.Node || visitor.Value)) {
        return Object.assign({
          Alias: visitor.Node,
          Map: visitor.Node,
          Scalar: visitor.Node,
          Seq: visitor.Node
        }, visitor.Value && {
          Map: visitor.Value,
          Scalar: visitor.Value,
          Seq: visitor.Value
        }, visitor.Collection && {
          Map: visitor.Collection,
          Seq: visitor.Collection
        }, visitor);
      }
      return visitor;
    }
    function callVisitor(key2, node, visitor, path) {
      if (typeof visitor === "function")
        return visitor(key2, node, path);
      if (identity.isMap(node))
        return visitor.Map?.(key2, node, path);
      if (identity.isSeq(node))
        return visitor.Seq?.(key2, node, path);
      if (identity.isPair(node))
        return visitor.Pair?.(key2, node, path);
      if (identity.isScalar(node))
        return visitor.Scalar?.(key2, node, path);
      if (identity.isAlias(node))
        return visitor.Alias?.(key2, node, path);
      return void 0;
    }
    function replaceNode(key2, path, node) {
      const parent = path[path.length - 1];
      if (identity.isCollection(parent)) {
        parent.items[key2] = node;
      } else if (identity.isPair(parent)) {
        if (key2 === "key")
          parent.key = node;
        else
          parent.value = node;
      } else if (identity.isDocument(parent)) {
        parent.contents = node;
      } else {
        const pt = identity.isAlias(parent) ? "alias" : "scalar";
        throw new Error(`Cannot replace node with ${pt} parent`);
      }
    }
    exports.visit = visit;
    exports.visitAsync = visitAsync;
  }
});

// node_modules/yaml/dist/doc/directives.js
var require_directives = __commonJS({
  "node_modules/yaml/dist/doc/directives.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    var escapeChars = {
      "!": "%21",
      ",": "%2C",
      "[": "%5B",
      "]": "%5D",
      "{": "%7B",
      "}": "%7D"
    };
    var escapeTagName = (tn) => tn.replace(/[!,[\]{}]/g, (ch) => escapeChars[ch]);
    var Directives = class _Directives {
      constructor(yaml, tags) {
        this.docStart = null;
        this.docEnd = false;
        this.yaml = Object.assign({}, _Directives.defaultYaml, yaml);
        this.tags = Object.assign({}, _Directives.defaultTags, tags);
      }
      clone() {
        const copy = new _Directives(this.yaml, this.tags);
        copy.docStart = this.docStart;
        return copy;
      }
      /**
       * During parsing, get a Directives instance for the current document and
       * update the stream state according to the current version's spec.
       */
      atDocument() {
        const res = new _Directives(this.yaml, this.tags);
        switch (this.yaml.version) {
          case "1.1":
            this.atNextDocument = true;
            break;
          case "1.2":
            this.atNextDocument = false;
            this.yaml = {
              explicit: _Directives.defaultYaml.explicit,
              version: "1.2"
            };
            this.tags = Object.assign({}, _Directives.defaultTags);
            break;
        }
        return res;
      }
      /**
       * @param onError - May be called even if the action was successful
       * @returns `true` on success
       */
      add(line, onError) {
        if (this.atNextDocument) {
          this.yaml = { explicit: _Directives.defaultYaml.explicit, version: "1.1" };
          this.tags = Object.assign({}, _Directives.defaultTags);
          this.atNextDocument = false;
        }
        const parts2 = line.trim().split(/[ \t]+/);
        const name = parts2.shift();
        switch (name) {
          case "%TAG": {
            if (parts2.length !== 2) {
              onError(0, "%TAG directive should contain exactly two parts");
              if (parts2.length < 2)
                return false;
            }
            const [handle, prefix] = parts2;
            this.tags[handle] = prefix;
            return true;
          }
          case "%YAML": {
            this.yaml.explicit = true;
            if (parts2.length !== 1) {
              onError(0, "%YAML directive should contain exactly one part");
              return false;
            }
            const [version] = parts2;
            if (version === "1.1" || version === "1.2") {
              this.yaml.version = version;
              return true;
            } else {
              const isValid = /^\d+\.\d+$/.test(version);
              onError(6, `Unsupported YAML version ${version}`, isValid);
              return false;
            }
          }
          default:
            onError(0, `Unknown directive ${name}`, true);
            return false;
        }
      }
      /**
       * Resolves a tag, matching handles to those defined in %TAG directives.
       *
       * @returns Resolved tag, which may also be the non-specific tag `'!'` or a
       *   `'!local'` tag, or `null` if unresolvable.
       */
      tagName(source, onError) {
        if (source === "!")
          return "!";
        if (source[0] !== "!") {
          onError(`Not a valid tag: ${source}`);
          return null;
        }
        if (source[1] === "<") {
          const verbatim = source.slice(2, -1);
          if (verbatim === "!" || verbatim === "!!") {
            onError(`Verbatim tags aren't resolved, so ${source} is invalid.`);
            return null;
          }
          if (source[source.length - 1] !== ">")
            onError("Verbatim tags must end with a >");
          return verbatim;
        }
        const [, handle, suffix] = source.match(/^(.*!)([^!]*)$/s);
        if (!suffix)
          onError(`The ${source} tag has no suffix`);
        const prefix = this.tags[handle];
        if (prefix) {
          try {
            return prefix + decodeURIComponent(suffix);
          } catch (error) {
            onError(String(error));
            return null;
          }
        }
        if (handle === "!")
          return source;
        onError(`Could not resolve tag: ${source}`);
        return null;
      }
      /**
       * Given a fully resolved tag, returns its printable string form,
       * taking into account current tag prefixes and defaults.
       */
      tagString(tag) {
        for (const [handle, prefix] of Object.entries(this.tags)) {
          if (tag.startsWith(prefix))
            return handle + escapeTagName(tag.substring(prefix.length));
        }
        return tag[0] === "!" ? tag : `!<${tag}>`;
      }
      toString(doc) {
        const lines = this.yaml.explicit ? [`%YAML ${this.yaml.version || "1.2"}`] : [];
        const tagEntries = Object.entries(this.tags);
        let tagNames;
        if (doc && tagEntries.length > 0 && identity.isNode(doc.contents)) {
          const tags = {};
          visit.visit(doc.contents, (_key, node) => {
            if (identity.isNode(node) && node.tag)
              tags[node.tag] = true;
          });
          tagNames = Object.keys(tags);
        } else
          tagNames = [];
        for (const [handle, prefix] of tagEntries) {
          if (handle === "!!" && prefix === "tag:yaml.org,2002:")
            continue;
          if (!doc || tagNames.some((tn) => tn.startsWith(prefix)))
            lines.push(`%TAG ${handle} ${prefix}`);
        }
        return lines.join("\n");
      }
    };
    Directives.defaultYaml = { explicit: false, version: "1.2" };
    Directives.defaultTags = { "!!": "tag:yaml.org,2002:" };
    exports.Directives = Directives;
  }
});

// node_modules/yaml/dist/doc/anchors.js
var require_anchors = __commonJS({
  "node_modules/yaml/dist/doc/anchors.js"(exports) {
    "use strict";
    var identity = require_identity();
    var visit = require_visit();
    function anchorIsValid(anchor) {
      if (/[\x00-\x19\s,[\]{}]/.test(anchor)) {
        const sa = JSON.stringify(anchor);
        const msg = `Anchor must not contain whitespace or control characters: ${sa}`;
        throw new Error(msg);
      }
      return true;
    }
    function anchorNames(root) {
      const anchors = /* @__PURE__ */ new Set();
      visit.visit(root, {
        Value(_key, node) {
          if (node.anchor)
            anchors.add(node.anchor);
        }
      });
      return anchors;
    }
    function findNewAnchor(prefix, exclude) {
      for (let i = 1; true; ++i) {
        const name = `${prefix}${i}`;
        if (!exclude.has(name))
          return name;
      }
    }
    function createNodeAnchors(doc, prefix) {
      const aliasObjects = [];
      const sourceObjects = /* @__PURE__ */ new Map();
      let prevAnchors = null;
      return {
        onAnchor: (source) => {
          aliasObjects.push(source);
          prevAnchors ?? (prevAnchors = anchorNames(doc));
          const anchor = findNewAnchor(prefix, prevAnchors);
          prevAnchors.add(anchor);
          return anchor;
        },
        /**
         * With circular references, the source node is only resolved after all
         * of its child nodes are. This is why anchors are set only after all of
         * the nodes have been created.
         */
        setAnchors: () => {
          for (const source of aliasObjects) {
            const ref = sourceObjects.get(source);
            if (typeof ref === "object" && ref.anchor && (identity.isScalar(ref.node) || identity.isCollection(ref.node))) {
              ref.node.anchor = ref.anchor;
            } else {
              const error = new Error("Failed to resolve repeated object (this should not happen)");
              error.source = source;
              throw error;
            }
          }
        },
        sourceObjects
      };
    }
    exports.anchorIsValid = anchorIsValid;
    exports.anchorNames = anchorNames;
    exports.createNodeAnchors = createNodeAnchors;
    exports.findNewAnchor = findNewAnchor;
  }
});

// node_modules/yaml/dist/doc/applyReviver.js
var require_applyReviver = __commonJS({
  "node_modules/yaml/dist/doc/applyReviver.js"(exports) {
    "use strict";
    function applyReviver(reviver, obj, key2, val) {
      if (val && typeof val === "object") {
        if (Array.isArray(val)) {
          for (let i = 0, len = val.length; i < len; ++i) {
            const v0 = val[i];
            const v1 = applyReviver(reviver, val, String(i), v0);
            if (v1 === void 0)
              delete val[i];
            else if (v1 !== v0)
              val[i] = v1;
          }
        } else if (val instanceof Map) {
          for (const k of Array.from(val.keys())) {
            const v0 = val.get(k);
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              val.delete(k);
            else if (v1 !== v0)
              val.set(k, v1);
          }
        } else if (val instanceof Set) {
          for (const v0 of Array.from(val)) {
            const v1 = applyReviver(reviver, val, v0, v0);
            if (v1 === void 0)
              val.delete(v0);
            else if (v1 !== v0) {
              val.delete(v0);
              val.add(v1);
            }
          }
        } else {
          for (const [k, v0] of Object.entries(val)) {
            const v1 = applyReviver(reviver, val, k, v0);
            if (v1 === void 0)
              delete val[k];
            else if (v1 !== v0)
              val[k] = v1;
          }
        }
      }
      return reviver.call(obj, key2, val);
    }
    exports.applyReviver = applyReviver;
  }
});

// node_modules/yaml/dist/nodes/toJS.js
var require_toJS = __commonJS({
  "node_modules/yaml/dist/nodes/toJS.js"(exports) {
    "use strict";
    var identity = require_identity();
    function toJS(value, arg, ctx) {
      if (Array.isArray(value))
        return value.map((v, i) => toJS(v, String(i), ctx));
      if (value && typeof value.toJSON === "function") {
        if (!ctx || !identity.hasAnchor(value))
          return value.toJSON(arg, ctx);
        const data = { aliasCount: 0, count: 1, res: void 0 };
        ctx.anchors.set(value, data);
        ctx.onCreate = (res2) => {
          data.res = res2;
          delete ctx.onCreate;
        };
        const res = value.toJSON(arg, ctx);
        if (ctx.onCreate)
          ctx.onCreate(res);
        return res;
      }
      if (typeof value === "bigint" && !ctx?.keep)
        return Number(value);
      return value;
    }
    exports.toJS = toJS;
  }
});

// node_modules/yaml/dist/nodes/Node.js
var require_Node = __commonJS({
  "node_modules/yaml/dist/nodes/Node.js"(exports) {
    "use strict";
    var applyReviver = require_applyReviver();
    var identity = require_identity();
    var toJS = require_toJS();
    var NodeBase = class {
      constructor(type) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: type });
      }
      /** Create a copy of this node.  */
      clone() {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** A plain JavaScript representation of this node. */
      toJS(doc, { mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        if (!identity.isDocument(doc))
          throw new TypeError("A document argument is required");
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc,
          keep: true,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this, "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
    };
    exports.NodeBase = NodeBase;
  }
});

// node_modules/yaml/dist/nodes/Alias.js
var require_Alias = __commonJS({
  "node_modules/yaml/dist/nodes/Alias.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var visit = require_visit();
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var Alias = class extends Node.NodeBase {
      constructor(source) {
        super(identity.ALIAS);
        this.source = source;
        Object.defineProperty(this, "tag", {
          set() {
            throw new Error("Alias nodes cannot have tags");
          }
        });
      }
      /**
       * Resolve the value of this alias within `doc`, finding the last
       * instance of the `source` anchor before this node.
       */
      resolve(doc, ctx) {
        if (ctx?.maxAliasCount === 0)
          throw new ReferenceError("Alias resolution is disabled");
        let nodes;
        if (ctx?.aliasResolveCache) {
          nodes = ctx.aliasResolveCache;
        } else {
          nodes = [];
          visit.visit(doc, {
            Node: (_key, node) => {
              if (identity.isAlias(node) || identity.hasAnchor(node))
                nodes.push(node);
            }
          });
          if (ctx)
            ctx.aliasResolveCache = nodes;
        }
        let found = void 0;
        for (const node of nodes) {
          if (node === this)
            break;
          if (node.anchor === this.source)
            found = node;
        }
        if (found && ctx) {
          const { anchors: anchors2, doc: doc2, maxAliasCount } = ctx;
          let data = anchors2.get(found);
          if (!data) {
            toJS.toJS(found, null, ctx);
            data = anchors2.get(found);
          }
          if (data?.res === void 0) {
            const msg = "This should not happen: Alias anchor was not resolved?";
            throw new ReferenceError(msg);
          }
          if (maxAliasCount >= 0) {
            data.count += 1;
            if (data.aliasCount === 0)
              data.aliasCount = getAliasCount(doc2, found, anchors2);
            if (data.count * data.aliasCount > maxAliasCount) {
              const msg = "Excessive alias count indicates a resource exhaustion attack";
              throw new ReferenceError(msg);
            }
          }
        }
        return found;
      }
      toJSON(_arg, ctx) {
        if (!ctx)
          return { source: this.source };
        const source = this.resolve(ctx.doc, ctx);
        if (!source) {
          const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
          throw new ReferenceError(msg);
        }
        return ctx.anchors.get(source).res;
      }
      toString(ctx, _onComment, _onChompKeep) {
        const src = `*${this.source}`;
        if (ctx) {
          anchors.anchorIsValid(this.source);
          if (ctx.options.verifyAliasOrder && !ctx.anchors.has(this.source)) {
            const msg = `Unresolved alias (the anchor must be set before the alias): ${this.source}`;
            throw new Error(msg);
          }
          if (ctx.implicitKey)
            return `${src} `;
        }
        return src;
      }
    };
    function getAliasCount(doc, node, anchors2) {
      if (identity.isAlias(node)) {
        const source = node.resolve(doc);
        const anchor = anchors2 && source && anchors2.get(source);
        return anchor ? anchor.count * anchor.aliasCount : 0;
      } else if (identity.isCollection(node)) {
        let count = 0;
        for (const item of node.items) {
          const c = getAliasCount(doc, item, anchors2);
          if (c > count)
            count = c;
        }
        return count;
      } else if (identity.isPair(node)) {
        const kc = getAliasCount(doc, node.key, anchors2);
        const vc = getAliasCount(doc, node.value, anchors2);
        return Math.max(kc, vc);
      }
      return 1;
    }
    exports.Alias = Alias;
  }
});

// node_modules/yaml/dist/nodes/Scalar.js
var require_Scalar = __commonJS({
  "node_modules/yaml/dist/nodes/Scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Node = require_Node();
    var toJS = require_toJS();
    var isScalarValue = (value) => !value || typeof value !== "function" && typeof value !== "object";
    var Scalar = class extends Node.NodeBase {
      constructor(value) {
        super(identity.SCALAR);
        this.value = value;
      }
      toJSON(arg, ctx) {
        return ctx?.keep ? this.value : toJS.toJS(this.value, arg, ctx);
      }
      toString() {
        return String(this.value);
      }
    };
    Scalar.BLOCK_FOLDED = "BLOCK_FOLDED";
    Scalar.BLOCK_LITERAL = "BLOCK_LITERAL";
    Scalar.PLAIN = "PLAIN";
    Scalar.QUOTE_DOUBLE = "QUOTE_DOUBLE";
    Scalar.QUOTE_SINGLE = "QUOTE_SINGLE";
    exports.Scalar = Scalar;
    exports.isScalarValue = isScalarValue;
  }
});

// node_modules/yaml/dist/doc/createNode.js
var require_createNode = __commonJS({
  "node_modules/yaml/dist/doc/createNode.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var defaultTagPrefix = "tag:yaml.org,2002:";
    function findTagObject(value, tagName, tags) {
      if (tagName) {
        const match = tags.filter((t) => t.tag === tagName);
        const tagObj = match.find((t) => !t.format) ?? match[0];
        if (!tagObj)
          throw new Error(`Tag ${tagName} not found`);
        return tagObj;
      }
      return tags.find((t) => t.identify?.(value) && !t.format);
    }
    function createNode(value, tagName, ctx) {
      if (identity.isDocument(value))
        value = value.contents;
      if (identity.isNode(value))
        return value;
      if (identity.isPair(value)) {
        const map = ctx.schema[identity.MAP].createNode?.(ctx.schema, null, ctx);
        map.items.push(value);
        return map;
      }
      if (value instanceof String || value instanceof Number || value instanceof Boolean || typeof BigInt !== "undefined" && value instanceof BigInt) {
        value = value.valueOf();
      }
      const { aliasDuplicateObjects, onAnchor, onTagObj, schema, sourceObjects } = ctx;
      let ref = void 0;
      if (aliasDuplicateObjects && value && typeof value === "object") {
        ref = sourceObjects.get(value);
        if (ref) {
          ref.anchor ?? (ref.anchor = onAnchor(value));
          return new Alias.Alias(ref.anchor);
        } else {
          ref = { anchor: null, node: null };
          sourceObjects.set(value, ref);
        }
      }
      if (tagName?.startsWith("!!"))
        tagName = defaultTagPrefix + tagName.slice(2);
      let tagObj = findTagObject(value, tagName, schema.tags);
      if (!tagObj) {
        if (value && typeof value.toJSON === "function") {
          value = value.toJSON();
        }
        if (!value || typeof value !== "object") {
          const node2 = new Scalar.Scalar(value);
          if (ref)
            ref.node = node2;
          return node2;
        }
        tagObj = value instanceof Map ? schema[identity.MAP] : Symbol.iterator in Object(value) ? schema[identity.SEQ] : schema[identity.MAP];
      }
      if (onTagObj) {
        onTagObj(tagObj);
        delete ctx.onTagObj;
      }
      const node = tagObj?.createNode ? tagObj.createNode(ctx.schema, value, ctx) : typeof tagObj?.nodeClass?.from === "function" ? tagObj.nodeClass.from(ctx.schema, value, ctx) : new Scalar.Scalar(value);
      if (tagName)
        node.tag = tagName;
      else if (!tagObj.default)
        node.tag = tagObj.tag;
      if (ref)
        ref.node = node;
      return node;
    }
    exports.createNode = createNode;
  }
});

// node_modules/yaml/dist/nodes/Collection.js
var require_Collection = __commonJS({
  "node_modules/yaml/dist/nodes/Collection.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var identity = require_identity();
    var Node = require_Node();
    function collectionFromPath(schema, path, value) {
      let v = value;
      for (let i = path.length - 1; i >= 0; --i) {
        const k = path[i];
        if (typeof k === "number" && Number.isInteger(k) && k >= 0) {
          const a = [];
          a[k] = v;
          v = a;
        } else {
          v = /* @__PURE__ */ new Map([[k, v]]);
        }
      }
      return createNode.createNode(v, void 0, {
        aliasDuplicateObjects: false,
        keepUndefined: false,
        onAnchor: () => {
          throw new Error("This should not happen, please report a bug.");
        },
        schema,
        sourceObjects: /* @__PURE__ */ new Map()
      });
    }
    var isEmptyPath = (path) => path == null || typeof path === "object" && !!path[Symbol.iterator]().next().done;
    var Collection = class extends Node.NodeBase {
      constructor(type, schema) {
        super(type);
        Object.defineProperty(this, "schema", {
          value: schema,
          configurable: true,
          enumerable: false,
          writable: true
        });
      }
      /**
       * Create a copy of this collection.
       *
       * @param schema - If defined, overwrites the original's schema
       */
      clone(schema) {
        const copy = Object.create(Object.getPrototypeOf(this), Object.getOwnPropertyDescriptors(this));
        if (schema)
          copy.schema = schema;
        copy.items = copy.items.map((it) => identity.isNode(it) || identity.isPair(it) ? it.clone(schema) : it);
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /**
       * Adds a value to the collection. For `!!map` and `!!omap` the value must
       * be a Pair instance or a `{ key, value }` object, which may not have a key
       * that already exists in the map.
       */
      addIn(path, value) {
        if (isEmptyPath(path))
          this.add(value);
        else {
          const [key2, ...rest] = path;
          const node = this.get(key2, true);
          if (identity.isCollection(node))
            node.addIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key2, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key2}. Remaining path: ${rest}`);
        }
      }
      /**
       * Removes a value from the collection.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        const [key2, ...rest] = path;
        if (rest.length === 0)
          return this.delete(key2);
        const node = this.get(key2, true);
        if (identity.isCollection(node))
          return node.deleteIn(rest);
        else
          throw new Error(`Expected YAML collection at ${key2}. Remaining path: ${rest}`);
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        const [key2, ...rest] = path;
        const node = this.get(key2, true);
        if (rest.length === 0)
          return !keepScalar && identity.isScalar(node) ? node.value : node;
        else
          return identity.isCollection(node) ? node.getIn(rest, keepScalar) : void 0;
      }
      hasAllNullValues(allowScalar) {
        return this.items.every((node) => {
          if (!identity.isPair(node))
            return false;
          const n = node.value;
          return n == null || allowScalar && identity.isScalar(n) && n.value == null && !n.commentBefore && !n.comment && !n.tag;
        });
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       */
      hasIn(path) {
        const [key2, ...rest] = path;
        if (rest.length === 0)
          return this.has(key2);
        const node = this.get(key2, true);
        return identity.isCollection(node) ? node.hasIn(rest) : false;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        const [key2, ...rest] = path;
        if (rest.length === 0) {
          this.set(key2, value);
        } else {
          const node = this.get(key2, true);
          if (identity.isCollection(node))
            node.setIn(rest, value);
          else if (node === void 0 && this.schema)
            this.set(key2, collectionFromPath(this.schema, rest, value));
          else
            throw new Error(`Expected YAML collection at ${key2}. Remaining path: ${rest}`);
        }
      }
    };
    exports.Collection = Collection;
    exports.collectionFromPath = collectionFromPath;
    exports.isEmptyPath = isEmptyPath;
  }
});

// node_modules/yaml/dist/stringify/stringifyComment.js
var require_stringifyComment = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyComment.js"(exports) {
    "use strict";
    var stringifyComment = (str) => str.replace(/^(?!$)(?: $)?/gm, "#");
    function indentComment(comment, indent) {
      if (/^\n+$/.test(comment))
        return comment.substring(1);
      return indent ? comment.replace(/^(?! *$)/gm, indent) : comment;
    }
    var lineComment = (str, indent, comment) => str.endsWith("\n") ? indentComment(comment, indent) : comment.includes("\n") ? "\n" + indentComment(comment, indent) : (str.endsWith(" ") ? "" : " ") + comment;
    exports.indentComment = indentComment;
    exports.lineComment = lineComment;
    exports.stringifyComment = stringifyComment;
  }
});

// node_modules/yaml/dist/stringify/foldFlowLines.js
var require_foldFlowLines = __commonJS({
  "node_modules/yaml/dist/stringify/foldFlowLines.js"(exports) {
    "use strict";
    var FOLD_FLOW = "flow";
    var FOLD_BLOCK = "block";
    var FOLD_QUOTED = "quoted";
    function foldFlowLines(text, indent, mode = "flow", { indentAtStart, lineWidth = 80, minContentWidth = 20, onFold, onOverflow } = {}) {
      if (!lineWidth || lineWidth < 0)
        return text;
      if (lineWidth < minContentWidth)
        minContentWidth = 0;
      const endStep = Math.max(1 + minContentWidth, 1 + lineWidth - indent.length);
      if (text.length <= endStep)
        return text;
      const folds = [];
      const escapedFolds = {};
      let end = lineWidth - indent.length;
      if (typeof indentAtStart === "number") {
        if (indentAtStart > lineWidth - Math.max(2, minContentWidth))
          folds.push(0);
        else
          end = lineWidth - indentAtStart;
      }
      let split = void 0;
      let prev = void 0;
      let overflow = false;
      let i = -1;
      let escStart = -1;
      let escEnd = -1;
      if (mode === FOLD_BLOCK) {
        i = consumeMoreIndentedLines(text, i, indent.length);
        if (i !== -1)
          end = i + endStep;
      }
      for (let ch; ch = text[i += 1]; ) {
        if (mode === FOLD_QUOTED && ch === "\\") {
          escStart = i;
          switch (text[i + 1]) {
            case "x":
              i += 3;
              break;
            case "u":
              i += 5;
              break;
            case "U":
              i += 9;
              break;
            default:
              i += 1;
          }
          escEnd = i;
        }
        if (ch === "\n") {
          if (mode === FOLD_BLOCK)
            i = consumeMoreIndentedLines(text, i, indent.length);
          end = i + indent.length + endStep;
          split = void 0;
        } else {
          if (ch === " " && prev && prev !== " " && prev !== "\n" && prev !== "	") {
            const next = text[i + 1];
            if (next && next !== " " && next !== "\n" && next !== "	")
              split = i;
          }
          if (i >= end) {
            if (split) {
              folds.push(split);
              end = split + endStep;
              split = void 0;
            } else if (mode === FOLD_QUOTED) {
              while (prev === " " || prev === "	") {
                prev = ch;
                ch = text[i += 1];
                overflow = true;
              }
              const j = i > escEnd + 1 ? i - 2 : escStart - 1;
              if (escapedFolds[j])
                return text;
              folds.push(j);
              escapedFolds[j] = true;
              end = j + endStep;
              split = void 0;
            } else {
              overflow = true;
            }
          }
        }
        prev = ch;
      }
      if (overflow && onOverflow)
        onOverflow();
      if (folds.length === 0)
        return text;
      if (onFold)
        onFold();
      let res = text.slice(0, folds[0]);
      for (let i2 = 0; i2 < folds.length; ++i2) {
        const fold = folds[i2];
        const end2 = folds[i2 + 1] || text.length;
        if (fold === 0)
          res = `
${indent}${text.slice(0, end2)}`;
        else {
          if (mode === FOLD_QUOTED && escapedFolds[fold])
            res += `${text[fold]}\\`;
          res += `
${indent}${text.slice(fold + 1, end2)}`;
        }
      }
      return res;
    }
    function consumeMoreIndentedLines(text, i, indent) {
      let end = i;
      let start = i + 1;
      let ch = text[start];
      while (ch === " " || ch === "	") {
        if (i < start + indent) {
          ch = text[++i];
        } else {
          do {
            ch = text[++i];
          } while (ch && ch !== "\n");
          end = i;
          start = i + 1;
          ch = text[start];
        }
      }
      return end;
    }
    exports.FOLD_BLOCK = FOLD_BLOCK;
    exports.FOLD_FLOW = FOLD_FLOW;
    exports.FOLD_QUOTED = FOLD_QUOTED;
    exports.foldFlowLines = foldFlowLines;
  }
});

// node_modules/yaml/dist/stringify/stringifyString.js
var require_stringifyString = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyString.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var foldFlowLines = require_foldFlowLines();
    var getFoldOptions = (ctx, isBlock) => ({
      indentAtStart: isBlock ? ctx.indent.length : ctx.indentAtStart,
      lineWidth: ctx.options.lineWidth,
      minContentWidth: ctx.options.minContentWidth
    });
    var containsDocumentMarker = (str) => /^(%|---|\.\.\.)/m.test(str);
    function lineLengthOverLimit(str, lineWidth, indentLength) {
      if (!lineWidth || lineWidth < 0)
        return false;
      const limit = lineWidth - indentLength;
      const strLen = str.length;
      if (strLen <= limit)
        return false;
      for (let i = 0, start = 0; i < strLen; ++i) {
        if (str[i] === "\n") {
          if (i - start > limit)
            return true;
          start = i + 1;
          if (strLen - start <= limit)
            return false;
        }
      }
      return true;
    }
    function doubleQuotedString(value, ctx) {
      const json = JSON.stringify(value);
      if (ctx.options.doubleQuotedAsJSON)
        return json;
      const { implicitKey } = ctx;
      const minMultiLineLength = ctx.options.doubleQuotedMinMultiLineLength;
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      let str = "";
      let start = 0;
      for (let i = 0, ch = json[i]; ch; ch = json[++i]) {
        if (ch === " " && json[i + 1] === "\\" && json[i + 2] === "n") {
          str += json.slice(start, i) + "\\ ";
          i += 1;
          start = i;
          ch = "\\";
        }
        if (ch === "\\")
          switch (json[i + 1]) {
            case "u":
              {
                str += json.slice(start, i);
                const code = json.substr(i + 2, 4);
                switch (code) {
                  case "0000":
                    str += "\\0";
                    break;
                  case "0007":
                    str += "\\a";
                    break;
                  case "000b":
                    str += "\\v";
                    break;
                  case "001b":
                    str += "\\e";
                    break;
                  case "0085":
                    str += "\\N";
                    break;
                  case "00a0":
                    str += "\\_";
                    break;
                  case "2028":
                    str += "\\L";
                    break;
                  case "2029":
                    str += "\\P";
                    break;
                  default:
                    if (code.substr(0, 2) === "00")
                      str += "\\x" + code.substr(2);
                    else
                      str += json.substr(i, 6);
                }
                i += 5;
                start = i + 1;
              }
              break;
            case "n":
              if (implicitKey || json[i + 2] === '"' || json.length < minMultiLineLength) {
                i += 1;
              } else {
                str += json.slice(start, i) + "\n\n";
                while (json[i + 2] === "\\" && json[i + 3] === "n" && json[i + 4] !== '"') {
                  str += "\n";
                  i += 2;
                }
                str += indent;
                if (json[i + 2] === " ")
                  str += "\\";
                i += 1;
                start = i + 1;
              }
              break;
            default:
              i += 1;
          }
      }
      str = start ? str + json.slice(start) : json;
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_QUOTED, getFoldOptions(ctx, false));
    }
    function singleQuotedString(value, ctx) {
      if (ctx.options.singleQuote === false || ctx.implicitKey && value.includes("\n") || /[ \t]\n|\n[ \t]/.test(value))
        return doubleQuotedString(value, ctx);
      const indent = ctx.indent || (containsDocumentMarker(value) ? "  " : "");
      const res = "'" + value.replace(/'/g, "''").replace(/\n+/g, `$&
${indent}`) + "'";
      return ctx.implicitKey ? res : foldFlowLines.foldFlowLines(res, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function quotedString(value, ctx) {
      const { singleQuote } = ctx.options;
      let qs;
      if (singleQuote === false)
        qs = doubleQuotedString;
      else {
        const hasDouble = value.includes('"');
        const hasSingle = value.includes("'");
        if (hasDouble && !hasSingle)
          qs = singleQuotedString;
        else if (hasSingle && !hasDouble)
          qs = doubleQuotedString;
        else
          qs = singleQuote ? singleQuotedString : doubleQuotedString;
      }
      return qs(value, ctx);
    }
    var blockEndNewlines;
    try {
      blockEndNewlines = new RegExp("(^|(?<!\n))\n+(?!\n|$)", "g");
    } catch {
      blockEndNewlines = /\n+(?!\n|$)/g;
    }
    function blockString({ comment, type, value }, ctx, onComment, onChompKeep) {
      const { blockQuote, commentString, lineWidth } = ctx.options;
      if (!blockQuote || /\n[\t ]+$/.test(value)) {
        return quotedString(value, ctx);
      }
      const indent = ctx.indent || (ctx.forceBlockIndent || containsDocumentMarker(value) ? "  " : "");
      const literal = blockQuote === "literal" ? true : blockQuote === "folded" || type === Scalar.Scalar.BLOCK_FOLDED ? false : type === Scalar.Scalar.BLOCK_LITERAL ? true : !lineLengthOverLimit(value, lineWidth, indent.length);
      if (!value)
        return literal ? "|\n" : ">\n";
      let chomp;
      let endStart;
      for (endStart = value.length; endStart > 0; --endStart) {
        const ch = value[endStart - 1];
        if (ch !== "\n" && ch !== "	" && ch !== " ")
          break;
      }
      let end = value.substring(endStart);
      const endNlPos = end.indexOf("\n");
      if (endNlPos === -1) {
        chomp = "-";
      } else if (value === end || endNlPos !== end.length - 1) {
        chomp = "+";
        if (onChompKeep)
          onChompKeep();
      } else {
        chomp = "";
      }
      if (end) {
        value = value.slice(0, -end.length);
        if (end[end.length - 1] === "\n")
          end = end.slice(0, -1);
        end = end.replace(blockEndNewlines, `$&${indent}`);
      }
      let startWithSpace = false;
      let startEnd;
      let startNlPos = -1;
      for (startEnd = 0; startEnd < value.length; ++startEnd) {
        const ch = value[startEnd];
        if (ch === " ")
          startWithSpace = true;
        else if (ch === "\n")
          startNlPos = startEnd;
        else
          break;
      }
      let start = value.substring(0, startNlPos < startEnd ? startNlPos + 1 : startEnd);
      if (start) {
        value = value.substring(start.length);
        start = start.replace(/\n+/g, `$&${indent}`);
      }
      const indentSize = indent ? "2" : "1";
      let header = (startWithSpace ? indentSize : "") + chomp;
      if (comment) {
        header += " " + commentString(comment.replace(/ ?[\r\n]+/g, " "));
        if (onComment)
          onComment();
      }
      if (!literal) {
        const foldedValue = value.replace(/\n+/g, "\n$&").replace(/(?:^|\n)([\t ].*)(?:([\n\t ]*)\n(?![\n\t ]))?/g, "$1$2").replace(/\n+/g, `$&${indent}`);
        let literalFallback = false;
        const foldOptions = getFoldOptions(ctx, true);
        if (blockQuote !== "folded" && type !== Scalar.Scalar.BLOCK_FOLDED) {
          foldOptions.onOverflow = () => {
            literalFallback = true;
          };
        }
        const body = foldFlowLines.foldFlowLines(`${start}${foldedValue}${end}`, indent, foldFlowLines.FOLD_BLOCK, foldOptions);
        if (!literalFallback)
          return `>${header}
${indent}${body}`;
      }
      value = value.replace(/\n+/g, `$&${indent}`);
      return `|${header}
${indent}${start}${value}${end}`;
    }
    function plainString(item, ctx, onComment, onChompKeep) {
      const { type, value } = item;
      const { actualString, implicitKey, indent, indentStep, inFlow } = ctx;
      if (implicitKey && value.includes("\n") || inFlow && /[[\]{},]/.test(value)) {
        return quotedString(value, ctx);
      }
      if (/^[\n\t ,[\]{}#&*!|>'"%@`]|^[?-]$|^[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]$/.test(value)) {
        return implicitKey || inFlow || !value.includes("\n") ? quotedString(value, ctx) : blockString(item, ctx, onComment, onChompKeep);
      }
      if (!implicitKey && !inFlow && type !== Scalar.Scalar.PLAIN && value.includes("\n")) {
        return blockString(item, ctx, onComment, onChompKeep);
      }
      if (containsDocumentMarker(value)) {
        if (indent === "") {
          ctx.forceBlockIndent = true;
          return blockString(item, ctx, onComment, onChompKeep);
        } else if (implicitKey && indent === indentStep) {
          return quotedString(value, ctx);
        }
      }
      const str = value.replace(/\n+/g, `$&
${indent}`);
      if (actualString) {
        const test = (tag) => tag.default && tag.tag !== "tag:yaml.org,2002:str" && tag.test?.test(str);
        const { compat, tags } = ctx.doc.schema;
        if (tags.some(test) || compat?.some(test))
          return quotedString(value, ctx);
      }
      return implicitKey ? str : foldFlowLines.foldFlowLines(str, indent, foldFlowLines.FOLD_FLOW, getFoldOptions(ctx, false));
    }
    function stringifyString(item, ctx, onComment, onChompKeep) {
      const { implicitKey, inFlow } = ctx;
      const ss = typeof item.value === "string" ? item : Object.assign({}, item, { value: String(item.value) });
      let { type } = item;
      if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
        if (/[\x00-\x08\x0b-\x1f\x7f-\x9f\u{D800}-\u{DFFF}]/u.test(ss.value))
          type = Scalar.Scalar.QUOTE_DOUBLE;
      }
      const _stringify = (_type) => {
        switch (_type) {
          case Scalar.Scalar.BLOCK_FOLDED:
          case Scalar.Scalar.BLOCK_LITERAL:
            return implicitKey || inFlow ? quotedString(ss.value, ctx) : blockString(ss, ctx, onComment, onChompKeep);
          case Scalar.Scalar.QUOTE_DOUBLE:
            return doubleQuotedString(ss.value, ctx);
          case Scalar.Scalar.QUOTE_SINGLE:
            return singleQuotedString(ss.value, ctx);
          case Scalar.Scalar.PLAIN:
            return plainString(ss, ctx, onComment, onChompKeep);
          default:
            return null;
        }
      };
      let res = _stringify(type);
      if (res === null) {
        const { defaultKeyType, defaultStringType } = ctx.options;
        const t = implicitKey && defaultKeyType || defaultStringType;
        res = _stringify(t);
        if (res === null)
          throw new Error(`Unsupported default string type ${t}`);
      }
      return res;
    }
    exports.stringifyString = stringifyString;
  }
});

// node_modules/yaml/dist/stringify/stringify.js
var require_stringify = __commonJS({
  "node_modules/yaml/dist/stringify/stringify.js"(exports) {
    "use strict";
    var anchors = require_anchors();
    var identity = require_identity();
    var stringifyComment = require_stringifyComment();
    var stringifyString = require_stringifyString();
    function createStringifyContext(doc, options) {
      const opt = Object.assign({
        blockQuote: true,
        commentString: stringifyComment.stringifyComment,
        defaultKeyType: null,
        defaultStringType: "PLAIN",
        directives: null,
        doubleQuotedAsJSON: false,
        doubleQuotedMinMultiLineLength: 40,
        falseStr: "false",
        flowCollectionPadding: true,
        indentSeq: true,
        lineWidth: 80,
        minContentWidth: 20,
        nullStr: "null",
        simpleKeys: false,
        singleQuote: null,
        trailingComma: false,
        trueStr: "true",
        verifyAliasOrder: true
      }, doc.schema.toStringOptions, options);
      let inFlow;
      switch (opt.collectionStyle) {
        case "block":
          inFlow = false;
          break;
        case "flow":
          inFlow = true;
          break;
        default:
          inFlow = null;
      }
      return {
        anchors: /* @__PURE__ */ new Set(),
        doc,
        flowCollectionPadding: opt.flowCollectionPadding ? " " : "",
        indent: "",
        indentStep: typeof opt.indent === "number" ? " ".repeat(opt.indent) : "  ",
        inFlow,
        options: opt
      };
    }
    function getTagObject(tags, item) {
      if (item.tag) {
        const match = tags.filter((t) => t.tag === item.tag);
        if (match.length > 0)
          return match.find((t) => t.format === item.format) ?? match[0];
      }
      let tagObj = void 0;
      let obj;
      if (identity.isScalar(item)) {
        obj = item.value;
        let match = tags.filter((t) => t.identify?.(obj));
        if (match.length > 1) {
          const testMatch = match.filter((t) => t.test);
          if (testMatch.length > 0)
            match = testMatch;
        }
        tagObj = match.find((t) => t.format === item.format) ?? match.find((t) => !t.format);
      } else {
        obj = item;
        tagObj = tags.find((t) => t.nodeClass && obj instanceof t.nodeClass);
      }
      if (!tagObj) {
        const name = obj?.constructor?.name ?? (obj === null ? "null" : typeof obj);
        throw new Error(`Tag not resolved for ${name} value`);
      }
      return tagObj;
    }
    function stringifyProps(node, tagObj, { anchors: anchors$1, doc }) {
      if (!doc.directives)
        return "";
      const props = [];
      const anchor = (identity.isScalar(node) || identity.isCollection(node)) && node.anchor;
      if (anchor && anchors.anchorIsValid(anchor)) {
        anchors$1.add(anchor);
        props.push(`&${anchor}`);
      }
      const tag = node.tag ?? (tagObj.default ? null : tagObj.tag);
      if (tag)
        props.push(doc.directives.tagString(tag));
      return props.join(" ");
    }
    function stringify(item, ctx, onComment, onChompKeep) {
      if (identity.isPair(item))
        return item.toString(ctx, onComment, onChompKeep);
      if (identity.isAlias(item)) {
        if (ctx.doc.directives)
          return item.toString(ctx);
        if (ctx.resolvedAliases?.has(item)) {
          throw new TypeError(`Cannot stringify circular structure without alias nodes`);
        } else {
          if (ctx.resolvedAliases)
            ctx.resolvedAliases.add(item);
          else
            ctx.resolvedAliases = /* @__PURE__ */ new Set([item]);
          item = item.resolve(ctx.doc);
        }
      }
      let tagObj = void 0;
      const node = identity.isNode(item) ? item : ctx.doc.createNode(item, { onTagObj: (o) => tagObj = o });
      tagObj ?? (tagObj = getTagObject(ctx.doc.schema.tags, node));
      const props = stringifyProps(node, tagObj, ctx);
      if (props.length > 0)
        ctx.indentAtStart = (ctx.indentAtStart ?? 0) + props.length + 1;
      const str = typeof tagObj.stringify === "function" ? tagObj.stringify(node, ctx, onComment, onChompKeep) : identity.isScalar(node) ? stringifyString.stringifyString(node, ctx, onComment, onChompKeep) : node.toString(ctx, onComment, onChompKeep);
      if (!props)
        return str;
      return identity.isScalar(node) || str[0] === "{" || str[0] === "[" ? `${props} ${str}` : `${props}
${ctx.indent}${str}`;
    }
    exports.createStringifyContext = createStringifyContext;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/stringify/stringifyPair.js
var require_stringifyPair = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyPair.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyPair({ key: key2, value }, ctx, onComment, onChompKeep) {
      const { allNullValues, doc, indent, indentStep, options: { commentString, indentSeq, simpleKeys } } = ctx;
      let keyComment = identity.isNode(key2) && key2.comment || null;
      if (simpleKeys) {
        if (keyComment) {
          throw new Error("With simple keys, key nodes cannot have comments");
        }
        if (identity.isCollection(key2) || !identity.isNode(key2) && typeof key2 === "object") {
          const msg = "With simple keys, collection cannot be used as a key value";
          throw new Error(msg);
        }
      }
      let explicitKey = !simpleKeys && (!key2 || keyComment && value == null && !ctx.inFlow || identity.isCollection(key2) || (identity.isScalar(key2) ? key2.type === Scalar.Scalar.BLOCK_FOLDED || key2.type === Scalar.Scalar.BLOCK_LITERAL : typeof key2 === "object"));
      ctx = Object.assign({}, ctx, {
        allNullValues: false,
        implicitKey: !explicitKey && (simpleKeys || !allNullValues),
        indent: indent + indentStep
      });
      let keyCommentDone = false;
      let chompKeep = false;
      let str = stringify.stringify(key2, ctx, () => keyCommentDone = true, () => chompKeep = true);
      if (!explicitKey && !ctx.inFlow && str.length > 1024) {
        if (simpleKeys)
          throw new Error("With simple keys, single line scalar must not span more than 1024 characters");
        explicitKey = true;
      }
      if (ctx.inFlow) {
        if (allNullValues || value == null) {
          if (keyCommentDone && onComment)
            onComment();
          return str === "" ? "?" : explicitKey ? `? ${str}` : str;
        }
      } else if (allNullValues && !simpleKeys || value == null && explicitKey) {
        str = `? ${str}`;
        if (keyComment && !keyCommentDone) {
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        } else if (chompKeep && onChompKeep)
          onChompKeep();
        return str;
      }
      if (keyCommentDone)
        keyComment = null;
      if (explicitKey) {
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
        str = `? ${str}
${indent}:`;
      } else {
        str = `${str}:`;
        if (keyComment)
          str += stringifyComment.lineComment(str, ctx.indent, commentString(keyComment));
      }
      let vsb, vcb, valueComment;
      if (identity.isNode(value)) {
        vsb = !!value.spaceBefore;
        vcb = value.commentBefore;
        valueComment = value.comment;
      } else {
        vsb = false;
        vcb = null;
        valueComment = null;
        if (value && typeof value === "object")
          value = doc.createNode(value);
      }
      ctx.implicitKey = false;
      if (!explicitKey && !keyComment && identity.isScalar(value))
        ctx.indentAtStart = str.length + 1;
      chompKeep = false;
      if (!indentSeq && indentStep.length >= 2 && !ctx.inFlow && !explicitKey && identity.isSeq(value) && !value.flow && !value.tag && !value.anchor) {
        ctx.indent = ctx.indent.substring(2);
      }
      let valueCommentDone = false;
      const valueStr = stringify.stringify(value, ctx, () => valueCommentDone = true, () => chompKeep = true);
      let ws = " ";
      if (keyComment || vsb || vcb) {
        ws = vsb ? "\n" : "";
        if (vcb) {
          const cs = commentString(vcb);
          ws += `
${stringifyComment.indentComment(cs, ctx.indent)}`;
        }
        if (valueStr === "" && !ctx.inFlow) {
          if (ws === "\n" && valueComment)
            ws = "\n\n";
        } else {
          ws += `
${ctx.indent}`;
        }
      } else if (!explicitKey && identity.isCollection(value)) {
        const vs0 = valueStr[0];
        const nl0 = valueStr.indexOf("\n");
        const hasNewline = nl0 !== -1;
        const flow = ctx.inFlow ?? value.flow ?? value.items.length === 0;
        if (hasNewline || !flow) {
          let hasPropsLine = false;
          if (hasNewline && (vs0 === "&" || vs0 === "!")) {
            let sp0 = valueStr.indexOf(" ");
            if (vs0 === "&" && sp0 !== -1 && sp0 < nl0 && valueStr[sp0 + 1] === "!") {
              sp0 = valueStr.indexOf(" ", sp0 + 1);
            }
            if (sp0 === -1 || nl0 < sp0)
              hasPropsLine = true;
          }
          if (!hasPropsLine)
            ws = `
${ctx.indent}`;
        }
      } else if (valueStr === "" || valueStr[0] === "\n") {
        ws = "";
      }
      str += ws + valueStr;
      if (ctx.inFlow) {
        if (valueCommentDone && onComment)
          onComment();
      } else if (valueComment && !valueCommentDone) {
        str += stringifyComment.lineComment(str, ctx.indent, commentString(valueComment));
      } else if (chompKeep && onChompKeep) {
        onChompKeep();
      }
      return str;
    }
    exports.stringifyPair = stringifyPair;
  }
});

// node_modules/yaml/dist/log.js
var require_log = __commonJS({
  "node_modules/yaml/dist/log.js"(exports) {
    "use strict";
    var node_process = __require("process");
    function debug(logLevel, ...messages) {
      if (logLevel === "debug")
        console.log(...messages);
    }
    function warn(logLevel, warning) {
      if (logLevel === "debug" || logLevel === "warn") {
        if (typeof node_process.emitWarning === "function")
          node_process.emitWarning(warning);
        else
          console.warn(warning);
      }
    }
    exports.debug = debug;
    exports.warn = warn;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/merge.js
var require_merge = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/merge.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var MERGE_KEY = "<<";
    var merge = {
      identify: (value) => value === MERGE_KEY || typeof value === "symbol" && value.description === MERGE_KEY,
      default: "key",
      tag: "tag:yaml.org,2002:merge",
      test: /^<<$/,
      resolve: () => Object.assign(new Scalar.Scalar(Symbol(MERGE_KEY)), {
        addToJSMap: addMergeToJSMap
      }),
      stringify: () => MERGE_KEY
    };
    var isMergeKey = (ctx, key2) => (merge.identify(key2) || identity.isScalar(key2) && (!key2.type || key2.type === Scalar.Scalar.PLAIN) && merge.identify(key2.value)) && ctx?.doc.schema.tags.some((tag) => tag.tag === merge.tag && tag.default);
    function addMergeToJSMap(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (identity.isSeq(source))
        for (const it of source.items)
          mergeValue(ctx, map, it);
      else if (Array.isArray(source))
        for (const it of source)
          mergeValue(ctx, map, it);
      else
        mergeValue(ctx, map, source);
    }
    function mergeValue(ctx, map, value) {
      const source = resolveAliasValue(ctx, value);
      if (!identity.isMap(source))
        throw new Error("Merge sources must be maps or map aliases");
      const srcMap = source.toJSON(null, ctx, Map);
      for (const [key2, value2] of srcMap) {
        if (map instanceof Map) {
          if (!map.has(key2))
            map.set(key2, value2);
        } else if (map instanceof Set) {
          map.add(key2);
        } else if (!Object.prototype.hasOwnProperty.call(map, key2)) {
          Object.defineProperty(map, key2, {
            value: value2,
            writable: true,
            enumerable: true,
            configurable: true
          });
        }
      }
      return map;
    }
    function resolveAliasValue(ctx, value) {
      return ctx && identity.isAlias(value) ? value.resolve(ctx.doc, ctx) : value;
    }
    exports.addMergeToJSMap = addMergeToJSMap;
    exports.isMergeKey = isMergeKey;
    exports.merge = merge;
  }
});

// node_modules/yaml/dist/nodes/addPairToJSMap.js
var require_addPairToJSMap = __commonJS({
  "node_modules/yaml/dist/nodes/addPairToJSMap.js"(exports) {
    "use strict";
    var log = require_log();
    var merge = require_merge();
    var stringify = require_stringify();
    var identity = require_identity();
    var toJS = require_toJS();
    function addPairToJSMap(ctx, map, { key: key2, value }) {
      if (identity.isNode(key2) && key2.addToJSMap)
        key2.addToJSMap(ctx, map, value);
      else if (merge.isMergeKey(ctx, key2))
        merge.addMergeToJSMap(ctx, map, value);
      else {
        const jsKey = toJS.toJS(key2, "", ctx);
        if (map instanceof Map) {
          map.set(jsKey, toJS.toJS(value, jsKey, ctx));
        } else if (map instanceof Set) {
          map.add(jsKey);
        } else {
          const stringKey = stringifyKey(key2, jsKey, ctx);
          const jsValue = toJS.toJS(value, stringKey, ctx);
          if (stringKey in map)
            Object.defineProperty(map, stringKey, {
              value: jsValue,
              writable: true,
              enumerable: true,
              configurable: true
            });
          else
            map[stringKey] = jsValue;
        }
      }
      return map;
    }
    function stringifyKey(key2, jsKey, ctx) {
      if (jsKey === null)
        return "";
      if (typeof jsKey !== "object")
        return String(jsKey);
      if (identity.isNode(key2) && ctx?.doc) {
        const strCtx = stringify.createStringifyContext(ctx.doc, {});
        strCtx.anchors = /* @__PURE__ */ new Set();
        for (const node of ctx.anchors.keys())
          strCtx.anchors.add(node.anchor);
        strCtx.inFlow = true;
        strCtx.inStringifyKey = true;
        const strKey = key2.toString(strCtx);
        if (!ctx.mapKeyWarned) {
          let jsonStr = JSON.stringify(strKey);
          if (jsonStr.length > 40)
            jsonStr = jsonStr.substring(0, 36) + '..."';
          log.warn(ctx.doc.options.logLevel, `Keys with collection values will be stringified due to JS Object restrictions: ${jsonStr}. Set mapAsMap: true to use object keys.`);
          ctx.mapKeyWarned = true;
        }
        return strKey;
      }
      return JSON.stringify(jsKey);
    }
    exports.addPairToJSMap = addPairToJSMap;
  }
});

// node_modules/yaml/dist/nodes/Pair.js
var require_Pair = __commonJS({
  "node_modules/yaml/dist/nodes/Pair.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyPair = require_stringifyPair();
    var addPairToJSMap = require_addPairToJSMap();
    var identity = require_identity();
    function createPair(key2, value, ctx) {
      const k = createNode.createNode(key2, void 0, ctx);
      const v = createNode.createNode(value, void 0, ctx);
      return new Pair(k, v);
    }
    var Pair = class _Pair {
      constructor(key2, value = null) {
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.PAIR });
        this.key = key2;
        this.value = value;
      }
      clone(schema) {
        let { key: key2, value } = this;
        if (identity.isNode(key2))
          key2 = key2.clone(schema);
        if (identity.isNode(value))
          value = value.clone(schema);
        return new _Pair(key2, value);
      }
      toJSON(_, ctx) {
        const pair = ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        return addPairToJSMap.addPairToJSMap(ctx, pair, this);
      }
      toString(ctx, onComment, onChompKeep) {
        return ctx?.doc ? stringifyPair.stringifyPair(this, ctx, onComment, onChompKeep) : JSON.stringify(this);
      }
    };
    exports.Pair = Pair;
    exports.createPair = createPair;
  }
});

// node_modules/yaml/dist/stringify/stringifyCollection.js
var require_stringifyCollection = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyCollection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyCollection(collection, ctx, options) {
      const flow = ctx.inFlow ?? collection.flow;
      const stringify2 = flow ? stringifyFlowCollection : stringifyBlockCollection;
      return stringify2(collection, ctx, options);
    }
    function stringifyBlockCollection({ comment, items }, ctx, { blockItemPrefix, flowChars, itemIndent, onChompKeep, onComment }) {
      const { indent, options: { commentString } } = ctx;
      const itemCtx = Object.assign({}, ctx, { indent: itemIndent, type: null });
      let chompKeep = false;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment2 = null;
        if (identity.isNode(item)) {
          if (!chompKeep && item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, chompKeep);
          if (item.comment)
            comment2 = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (!chompKeep && ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, chompKeep);
          }
        }
        chompKeep = false;
        let str2 = stringify.stringify(item, itemCtx, () => comment2 = null, () => chompKeep = true);
        if (comment2)
          str2 += stringifyComment.lineComment(str2, itemIndent, commentString(comment2));
        if (chompKeep && comment2)
          chompKeep = false;
        lines.push(blockItemPrefix + str2);
      }
      let str;
      if (lines.length === 0) {
        str = flowChars.start + flowChars.end;
      } else {
        str = lines[0];
        for (let i = 1; i < lines.length; ++i) {
          const line = lines[i];
          str += line ? `
${indent}${line}` : "\n";
        }
      }
      if (comment) {
        str += "\n" + stringifyComment.indentComment(commentString(comment), indent);
        if (onComment)
          onComment();
      } else if (chompKeep && onChompKeep)
        onChompKeep();
      return str;
    }
    function stringifyFlowCollection({ items }, ctx, { flowChars, itemIndent }) {
      const { indent, indentStep, flowCollectionPadding: fcPadding, options: { commentString } } = ctx;
      itemIndent += indentStep;
      const itemCtx = Object.assign({}, ctx, {
        indent: itemIndent,
        inFlow: true,
        type: null
      });
      let reqNewline = false;
      let linesAtValue = 0;
      const lines = [];
      for (let i = 0; i < items.length; ++i) {
        const item = items[i];
        let comment = null;
        if (identity.isNode(item)) {
          if (item.spaceBefore)
            lines.push("");
          addCommentBefore(ctx, lines, item.commentBefore, false);
          if (item.comment)
            comment = item.comment;
        } else if (identity.isPair(item)) {
          const ik = identity.isNode(item.key) ? item.key : null;
          if (ik) {
            if (ik.spaceBefore)
              lines.push("");
            addCommentBefore(ctx, lines, ik.commentBefore, false);
            if (ik.comment)
              reqNewline = true;
          }
          const iv = identity.isNode(item.value) ? item.value : null;
          if (iv) {
            if (iv.comment)
              comment = iv.comment;
            if (iv.commentBefore)
              reqNewline = true;
          } else if (item.value == null && ik?.comment) {
            comment = ik.comment;
          }
        }
        if (comment)
          reqNewline = true;
        let str = stringify.stringify(item, itemCtx, () => comment = null);
        reqNewline || (reqNewline = lines.length > linesAtValue || str.includes("\n"));
        if (i < items.length - 1) {
          str += ",";
        } else if (ctx.options.trailingComma) {
          if (ctx.options.lineWidth > 0) {
            reqNewline || (reqNewline = lines.reduce((sum, line) => sum + line.length + 2, 2) + (str.length + 2) > ctx.options.lineWidth);
          }
          if (reqNewline) {
            str += ",";
          }
        }
        if (comment)
          str += stringifyComment.lineComment(str, itemIndent, commentString(comment));
        lines.push(str);
        linesAtValue = lines.length;
      }
      const { start, end } = flowChars;
      if (lines.length === 0) {
        return start + end;
      } else {
        if (!reqNewline) {
          const len = lines.reduce((sum, line) => sum + line.length + 2, 2);
          reqNewline = ctx.options.lineWidth > 0 && len > ctx.options.lineWidth;
        }
        if (reqNewline) {
          let str = start;
          for (const line of lines)
            str += line ? `
${indentStep}${indent}${line}` : "\n";
          return `${str}
${indent}${end}`;
        } else {
          return `${start}${fcPadding}${lines.join(" ")}${fcPadding}${end}`;
        }
      }
    }
    function addCommentBefore({ indent, options: { commentString } }, lines, comment, chompKeep) {
      if (comment && chompKeep)
        comment = comment.replace(/^\n+/, "");
      if (comment) {
        const ic = stringifyComment.indentComment(commentString(comment), indent);
        lines.push(ic.trimStart());
      }
    }
    exports.stringifyCollection = stringifyCollection;
  }
});

// node_modules/yaml/dist/nodes/YAMLMap.js
var require_YAMLMap = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLMap.js"(exports) {
    "use strict";
    var stringifyCollection = require_stringifyCollection();
    var addPairToJSMap = require_addPairToJSMap();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    function findPair(items, key2) {
      const k = identity.isScalar(key2) ? key2.value : key2;
      for (const it of items) {
        if (identity.isPair(it)) {
          if (it.key === key2 || it.key === k)
            return it;
          if (identity.isScalar(it.key) && it.key.value === k)
            return it;
        }
      }
      return void 0;
    }
    var YAMLMap = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:map";
      }
      constructor(schema) {
        super(identity.MAP, schema);
        this.items = [];
      }
      /**
       * A generic collection parsing method that can be extended
       * to other node classes that inherit from YAMLMap
       */
      static from(schema, obj, ctx) {
        const { keepUndefined, replacer } = ctx;
        const map = new this(schema);
        const add = (key2, value) => {
          if (typeof replacer === "function")
            value = replacer.call(obj, key2, value);
          else if (Array.isArray(replacer) && !replacer.includes(key2))
            return;
          if (value !== void 0 || keepUndefined)
            map.items.push(Pair.createPair(key2, value, ctx));
        };
        if (obj instanceof Map) {
          for (const [key2, value] of obj)
            add(key2, value);
        } else if (obj && typeof obj === "object") {
          for (const key2 of Object.keys(obj))
            add(key2, obj[key2]);
        }
        if (typeof schema.sortMapEntries === "function") {
          map.items.sort(schema.sortMapEntries);
        }
        return map;
      }
      /**
       * Adds a value to the collection.
       *
       * @param overwrite - If not set `true`, using a key that is already in the
       *   collection will throw. Otherwise, overwrites the previous value.
       */
      add(pair, overwrite) {
        let _pair;
        if (identity.isPair(pair))
          _pair = pair;
        else if (!pair || typeof pair !== "object" || !("key" in pair)) {
          _pair = new Pair.Pair(pair, pair?.value);
        } else
          _pair = new Pair.Pair(pair.key, pair.value);
        const prev = findPair(this.items, _pair.key);
        const sortEntries = this.schema?.sortMapEntries;
        if (prev) {
          if (!overwrite)
            throw new Error(`Key ${_pair.key} already set`);
          if (identity.isScalar(prev.value) && Scalar.isScalarValue(_pair.value))
            prev.value.value = _pair.value;
          else
            prev.value = _pair.value;
        } else if (sortEntries) {
          const i = this.items.findIndex((item) => sortEntries(_pair, item) < 0);
          if (i === -1)
            this.items.push(_pair);
          else
            this.items.splice(i, 0, _pair);
        } else {
          this.items.push(_pair);
        }
      }
      delete(key2) {
        const it = findPair(this.items, key2);
        if (!it)
          return false;
        const del = this.items.splice(this.items.indexOf(it), 1);
        return del.length > 0;
      }
      get(key2, keepScalar) {
        const it = findPair(this.items, key2);
        const node = it?.value;
        return (!keepScalar && identity.isScalar(node) ? node.value : node) ?? void 0;
      }
      has(key2) {
        return !!findPair(this.items, key2);
      }
      set(key2, value) {
        this.add(new Pair.Pair(key2, value), true);
      }
      /**
       * @param ctx - Conversion context, originally set in Document#toJS()
       * @param {Class} Type - If set, forces the returned collection type
       * @returns Instance of Type, Map, or Object
       */
      toJSON(_, ctx, Type) {
        const map = Type ? new Type() : ctx?.mapAsMap ? /* @__PURE__ */ new Map() : {};
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const item of this.items)
          addPairToJSMap.addPairToJSMap(ctx, map, item);
        return map;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        for (const item of this.items) {
          if (!identity.isPair(item))
            throw new Error(`Map items must all be pairs; found ${JSON.stringify(item)} instead`);
        }
        if (!ctx.allNullValues && this.hasAllNullValues(false))
          ctx = Object.assign({}, ctx, { allNullValues: true });
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "",
          flowChars: { start: "{", end: "}" },
          itemIndent: ctx.indent || "",
          onChompKeep,
          onComment
        });
      }
    };
    exports.YAMLMap = YAMLMap;
    exports.findPair = findPair;
  }
});

// node_modules/yaml/dist/schema/common/map.js
var require_map = __commonJS({
  "node_modules/yaml/dist/schema/common/map.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLMap = require_YAMLMap();
    var map = {
      collection: "map",
      default: true,
      nodeClass: YAMLMap.YAMLMap,
      tag: "tag:yaml.org,2002:map",
      resolve(map2, onError) {
        if (!identity.isMap(map2))
          onError("Expected a mapping for this tag");
        return map2;
      },
      createNode: (schema, obj, ctx) => YAMLMap.YAMLMap.from(schema, obj, ctx)
    };
    exports.map = map;
  }
});

// node_modules/yaml/dist/nodes/YAMLSeq.js
var require_YAMLSeq = __commonJS({
  "node_modules/yaml/dist/nodes/YAMLSeq.js"(exports) {
    "use strict";
    var createNode = require_createNode();
    var stringifyCollection = require_stringifyCollection();
    var Collection = require_Collection();
    var identity = require_identity();
    var Scalar = require_Scalar();
    var toJS = require_toJS();
    var YAMLSeq = class extends Collection.Collection {
      static get tagName() {
        return "tag:yaml.org,2002:seq";
      }
      constructor(schema) {
        super(identity.SEQ, schema);
        this.items = [];
      }
      add(value) {
        this.items.push(value);
      }
      /**
       * Removes a value from the collection.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       *
       * @returns `true` if the item was found and removed.
       */
      delete(key2) {
        const idx = asItemIndex(key2);
        if (typeof idx !== "number")
          return false;
        const del = this.items.splice(idx, 1);
        return del.length > 0;
      }
      get(key2, keepScalar) {
        const idx = asItemIndex(key2);
        if (typeof idx !== "number")
          return void 0;
        const it = this.items[idx];
        return !keepScalar && identity.isScalar(it) ? it.value : it;
      }
      /**
       * Checks if the collection includes a value with the key `key`.
       *
       * `key` must contain a representation of an integer for this to succeed.
       * It may be wrapped in a `Scalar`.
       */
      has(key2) {
        const idx = asItemIndex(key2);
        return typeof idx === "number" && idx < this.items.length;
      }
      /**
       * Sets a value in this collection. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       *
       * If `key` does not contain a representation of an integer, this will throw.
       * It may be wrapped in a `Scalar`.
       */
      set(key2, value) {
        const idx = asItemIndex(key2);
        if (typeof idx !== "number")
          throw new Error(`Expected a valid index, not ${key2}.`);
        const prev = this.items[idx];
        if (identity.isScalar(prev) && Scalar.isScalarValue(value))
          prev.value = value;
        else
          this.items[idx] = value;
      }
      toJSON(_, ctx) {
        const seq = [];
        if (ctx?.onCreate)
          ctx.onCreate(seq);
        let i = 0;
        for (const item of this.items)
          seq.push(toJS.toJS(item, String(i++), ctx));
        return seq;
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        return stringifyCollection.stringifyCollection(this, ctx, {
          blockItemPrefix: "- ",
          flowChars: { start: "[", end: "]" },
          itemIndent: (ctx.indent || "") + "  ",
          onChompKeep,
          onComment
        });
      }
      static from(schema, obj, ctx) {
        const { replacer } = ctx;
        const seq = new this(schema);
        if (obj && Symbol.iterator in Object(obj)) {
          let i = 0;
          for (let it of obj) {
            if (typeof replacer === "function") {
              const key2 = obj instanceof Set ? it : String(i++);
              it = replacer.call(obj, key2, it);
            }
            seq.items.push(createNode.createNode(it, void 0, ctx));
          }
        }
        return seq;
      }
    };
    function asItemIndex(key2) {
      let idx = identity.isScalar(key2) ? key2.value : key2;
      if (idx && typeof idx === "string")
        idx = Number(idx);
      return typeof idx === "number" && Number.isInteger(idx) && idx >= 0 ? idx : null;
    }
    exports.YAMLSeq = YAMLSeq;
  }
});

// node_modules/yaml/dist/schema/common/seq.js
var require_seq = __commonJS({
  "node_modules/yaml/dist/schema/common/seq.js"(exports) {
    "use strict";
    var identity = require_identity();
    var YAMLSeq = require_YAMLSeq();
    var seq = {
      collection: "seq",
      default: true,
      nodeClass: YAMLSeq.YAMLSeq,
      tag: "tag:yaml.org,2002:seq",
      resolve(seq2, onError) {
        if (!identity.isSeq(seq2))
          onError("Expected a sequence for this tag");
        return seq2;
      },
      createNode: (schema, obj, ctx) => YAMLSeq.YAMLSeq.from(schema, obj, ctx)
    };
    exports.seq = seq;
  }
});

// node_modules/yaml/dist/schema/common/string.js
var require_string = __commonJS({
  "node_modules/yaml/dist/schema/common/string.js"(exports) {
    "use strict";
    var stringifyString = require_stringifyString();
    var string = {
      identify: (value) => typeof value === "string",
      default: true,
      tag: "tag:yaml.org,2002:str",
      resolve: (str) => str,
      stringify(item, ctx, onComment, onChompKeep) {
        ctx = Object.assign({ actualString: true }, ctx);
        return stringifyString.stringifyString(item, ctx, onComment, onChompKeep);
      }
    };
    exports.string = string;
  }
});

// node_modules/yaml/dist/schema/common/null.js
var require_null = __commonJS({
  "node_modules/yaml/dist/schema/common/null.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var nullTag = {
      identify: (value) => value == null,
      createNode: () => new Scalar.Scalar(null),
      default: true,
      tag: "tag:yaml.org,2002:null",
      test: /^(?:~|[Nn]ull|NULL)?$/,
      resolve: () => new Scalar.Scalar(null),
      stringify: ({ source }, ctx) => typeof source === "string" && nullTag.test.test(source) ? source : ctx.options.nullStr
    };
    exports.nullTag = nullTag;
  }
});

// node_modules/yaml/dist/schema/core/bool.js
var require_bool = __commonJS({
  "node_modules/yaml/dist/schema/core/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var boolTag = {
      identify: (value) => typeof value === "boolean",
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/,
      resolve: (str) => new Scalar.Scalar(str[0] === "t" || str[0] === "T"),
      stringify({ source, value }, ctx) {
        if (source && boolTag.test.test(source)) {
          const sv = source[0] === "t" || source[0] === "T";
          if (value === sv)
            return source;
        }
        return value ? ctx.options.trueStr : ctx.options.falseStr;
      }
    };
    exports.boolTag = boolTag;
  }
});

// node_modules/yaml/dist/stringify/stringifyNumber.js
var require_stringifyNumber = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyNumber.js"(exports) {
    "use strict";
    function stringifyNumber({ format, minFractionDigits, tag, value }) {
      if (typeof value === "bigint")
        return String(value);
      const num = typeof value === "number" ? value : Number(value);
      if (!isFinite(num))
        return isNaN(num) ? ".nan" : num < 0 ? "-.inf" : ".inf";
      let n = Object.is(value, -0) ? "-0" : JSON.stringify(value);
      if (!format && minFractionDigits && (!tag || tag === "tag:yaml.org,2002:float") && /^-?\d/.test(n) && !n.includes("e")) {
        let i = n.indexOf(".");
        if (i < 0) {
          i = n.length;
          n += ".";
        }
        let d = minFractionDigits - (n.length - i - 1);
        while (d-- > 0)
          n += "0";
      }
      return n;
    }
    exports.stringifyNumber = stringifyNumber;
  }
});

// node_modules/yaml/dist/schema/core/float.js
var require_float2 = __commonJS({
  "node_modules/yaml/dist/schema/core/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str));
        const dot = str.indexOf(".");
        if (dot !== -1 && str[str.length - 1] === "0")
          node.minFractionDigits = str.length - dot - 1;
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/core/int.js
var require_int = __commonJS({
  "node_modules/yaml/dist/schema/core/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    var intResolve = (str, offset, radix, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str.substring(offset), radix);
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value) && value >= 0)
        return prefix + value.toString(radix);
      return stringifyNumber.stringifyNumber(node);
    }
    var intOct = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^0o[0-7]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 8, opt),
      stringify: (node) => intStringify(node, 8, "0o")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: (value) => intIdentify(value) && value >= 0,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^0x[0-9a-fA-F]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/core/schema.js
var require_schema = __commonJS({
  "node_modules/yaml/dist/schema/core/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float2();
    var int = require_int();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.boolTag,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/json/schema.js
var require_schema2 = __commonJS({
  "node_modules/yaml/dist/schema/json/schema.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var map = require_map();
    var seq = require_seq();
    function intIdentify(value) {
      return typeof value === "bigint" || Number.isInteger(value);
    }
    var stringifyJSON = ({ value }) => JSON.stringify(value);
    var jsonScalars = [
      {
        identify: (value) => typeof value === "string",
        default: true,
        tag: "tag:yaml.org,2002:str",
        resolve: (str) => str,
        stringify: stringifyJSON
      },
      {
        identify: (value) => value == null,
        createNode: () => new Scalar.Scalar(null),
        default: true,
        tag: "tag:yaml.org,2002:null",
        test: /^null$/,
        resolve: () => null,
        stringify: stringifyJSON
      },
      {
        identify: (value) => typeof value === "boolean",
        default: true,
        tag: "tag:yaml.org,2002:bool",
        test: /^true$|^false$/,
        resolve: (str) => str === "true",
        stringify: stringifyJSON
      },
      {
        identify: intIdentify,
        default: true,
        tag: "tag:yaml.org,2002:int",
        test: /^-?(?:0|[1-9][0-9]*)$/,
        resolve: (str, _onError, { intAsBigInt }) => intAsBigInt ? BigInt(str) : parseInt(str, 10),
        stringify: ({ value }) => intIdentify(value) ? value.toString() : JSON.stringify(value)
      },
      {
        identify: (value) => typeof value === "number",
        default: true,
        tag: "tag:yaml.org,2002:float",
        test: /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]*)?(?:[eE][-+]?[0-9]+)?$/,
        resolve: (str) => parseFloat(str),
        stringify: stringifyJSON
      }
    ];
    var jsonError = {
      default: true,
      tag: "",
      test: /^/,
      resolve(str, onError) {
        onError(`Unresolved plain scalar ${JSON.stringify(str)}`);
        return str;
      }
    };
    var schema = [map.map, seq.seq].concat(jsonScalars, jsonError);
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/binary.js
var require_binary = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/binary.js"(exports) {
    "use strict";
    var node_buffer = __require("buffer");
    var Scalar = require_Scalar();
    var stringifyString = require_stringifyString();
    var binary = {
      identify: (value) => value instanceof Uint8Array,
      // Buffer inherits from Uint8Array
      default: false,
      tag: "tag:yaml.org,2002:binary",
      /**
       * Returns a Buffer in node and an Uint8Array in browsers
       *
       * To use the resulting buffer as an image, you'll want to do something like:
       *
       *   const blob = new Blob([buffer], { type: 'image/jpeg' })
       *   document.querySelector('#photo').src = URL.createObjectURL(blob)
       */
      resolve(src, onError) {
        if (typeof node_buffer.Buffer === "function") {
          return node_buffer.Buffer.from(src, "base64");
        } else if (typeof atob === "function") {
          const str = atob(src.replace(/[\n\r]/g, ""));
          const buffer = new Uint8Array(str.length);
          for (let i = 0; i < str.length; ++i)
            buffer[i] = str.charCodeAt(i);
          return buffer;
        } else {
          onError("This environment does not support reading binary tags; either Buffer or atob is required");
          return src;
        }
      },
      stringify({ comment, type, value }, ctx, onComment, onChompKeep) {
        if (!value)
          return "";
        const buf = value;
        let str;
        if (typeof node_buffer.Buffer === "function") {
          str = buf instanceof node_buffer.Buffer ? buf.toString("base64") : node_buffer.Buffer.from(buf.buffer).toString("base64");
        } else if (typeof btoa === "function") {
          let s = "";
          for (let i = 0; i < buf.length; ++i)
            s += String.fromCharCode(buf[i]);
          str = btoa(s);
        } else {
          throw new Error("This environment does not support writing binary tags; either Buffer or btoa is required");
        }
        type ?? (type = Scalar.Scalar.BLOCK_LITERAL);
        if (type !== Scalar.Scalar.QUOTE_DOUBLE) {
          const lineWidth = Math.max(ctx.options.lineWidth - ctx.indent.length, ctx.options.minContentWidth);
          const n = Math.ceil(str.length / lineWidth);
          const lines = new Array(n);
          for (let i = 0, o = 0; i < n; ++i, o += lineWidth) {
            lines[i] = str.substr(o, lineWidth);
          }
          str = lines.join(type === Scalar.Scalar.BLOCK_LITERAL ? "\n" : " ");
        }
        return stringifyString.stringifyString({ comment, type, value: str }, ctx, onComment, onChompKeep);
      }
    };
    exports.binary = binary;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/pairs.js
var require_pairs = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/pairs.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLSeq = require_YAMLSeq();
    function resolvePairs(seq, onError) {
      if (identity.isSeq(seq)) {
        for (let i = 0; i < seq.items.length; ++i) {
          let item = seq.items[i];
          if (identity.isPair(item))
            continue;
          else if (identity.isMap(item)) {
            if (item.items.length > 1)
              onError("Each pair must have its own sequence indicator");
            const pair = item.items[0] || new Pair.Pair(new Scalar.Scalar(null));
            if (item.commentBefore)
              pair.key.commentBefore = pair.key.commentBefore ? `${item.commentBefore}
${pair.key.commentBefore}` : item.commentBefore;
            if (item.comment) {
              const cn = pair.value ?? pair.key;
              cn.comment = cn.comment ? `${item.comment}
${cn.comment}` : item.comment;
            }
            item = pair;
          }
          seq.items[i] = identity.isPair(item) ? item : new Pair.Pair(item);
        }
      } else
        onError("Expected a sequence for this tag");
      return seq;
    }
    function createPairs(schema, iterable, ctx) {
      const { replacer } = ctx;
      const pairs2 = new YAMLSeq.YAMLSeq(schema);
      pairs2.tag = "tag:yaml.org,2002:pairs";
      let i = 0;
      if (iterable && Symbol.iterator in Object(iterable))
        for (let it of iterable) {
          if (typeof replacer === "function")
            it = replacer.call(iterable, String(i++), it);
          let key2, value;
          if (Array.isArray(it)) {
            if (it.length === 2) {
              key2 = it[0];
              value = it[1];
            } else
              throw new TypeError(`Expected [key, value] tuple: ${it}`);
          } else if (it && it instanceof Object) {
            const keys = Object.keys(it);
            if (keys.length === 1) {
              key2 = keys[0];
              value = it[key2];
            } else {
              throw new TypeError(`Expected tuple with one key, not ${keys.length} keys`);
            }
          } else {
            key2 = it;
          }
          pairs2.items.push(Pair.createPair(key2, value, ctx));
        }
      return pairs2;
    }
    var pairs = {
      collection: "seq",
      default: false,
      tag: "tag:yaml.org,2002:pairs",
      resolve: resolvePairs,
      createNode: createPairs
    };
    exports.createPairs = createPairs;
    exports.pairs = pairs;
    exports.resolvePairs = resolvePairs;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/omap.js
var require_omap = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/omap.js"(exports) {
    "use strict";
    var identity = require_identity();
    var toJS = require_toJS();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var pairs = require_pairs();
    var YAMLOMap = class _YAMLOMap extends YAMLSeq.YAMLSeq {
      constructor() {
        super();
        this.add = YAMLMap.YAMLMap.prototype.add.bind(this);
        this.delete = YAMLMap.YAMLMap.prototype.delete.bind(this);
        this.get = YAMLMap.YAMLMap.prototype.get.bind(this);
        this.has = YAMLMap.YAMLMap.prototype.has.bind(this);
        this.set = YAMLMap.YAMLMap.prototype.set.bind(this);
        this.tag = _YAMLOMap.tag;
      }
      /**
       * If `ctx` is given, the return type is actually `Map<unknown, unknown>`,
       * but TypeScript won't allow widening the signature of a child method.
       */
      toJSON(_, ctx) {
        if (!ctx)
          return super.toJSON(_);
        const map = /* @__PURE__ */ new Map();
        if (ctx?.onCreate)
          ctx.onCreate(map);
        for (const pair of this.items) {
          let key2, value;
          if (identity.isPair(pair)) {
            key2 = toJS.toJS(pair.key, "", ctx);
            value = toJS.toJS(pair.value, key2, ctx);
          } else {
            key2 = toJS.toJS(pair, "", ctx);
          }
          if (map.has(key2))
            throw new Error("Ordered maps must not include duplicate keys");
          map.set(key2, value);
        }
        return map;
      }
      static from(schema, iterable, ctx) {
        const pairs$1 = pairs.createPairs(schema, iterable, ctx);
        const omap2 = new this();
        omap2.items = pairs$1.items;
        return omap2;
      }
    };
    YAMLOMap.tag = "tag:yaml.org,2002:omap";
    var omap = {
      collection: "seq",
      identify: (value) => value instanceof Map,
      nodeClass: YAMLOMap,
      default: false,
      tag: "tag:yaml.org,2002:omap",
      resolve(seq, onError) {
        const pairs$1 = pairs.resolvePairs(seq, onError);
        const seenKeys = [];
        for (const { key: key2 } of pairs$1.items) {
          if (identity.isScalar(key2)) {
            if (seenKeys.includes(key2.value)) {
              onError(`Ordered maps must not include duplicate keys: ${key2.value}`);
            } else {
              seenKeys.push(key2.value);
            }
          }
        }
        return Object.assign(new YAMLOMap(), pairs$1);
      },
      createNode: (schema, iterable, ctx) => YAMLOMap.from(schema, iterable, ctx)
    };
    exports.YAMLOMap = YAMLOMap;
    exports.omap = omap;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/bool.js
var require_bool2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/bool.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function boolStringify({ value, source }, ctx) {
      const boolObj = value ? trueTag : falseTag;
      if (source && boolObj.test.test(source))
        return source;
      return value ? ctx.options.trueStr : ctx.options.falseStr;
    }
    var trueTag = {
      identify: (value) => value === true,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/,
      resolve: () => new Scalar.Scalar(true),
      stringify: boolStringify
    };
    var falseTag = {
      identify: (value) => value === false,
      default: true,
      tag: "tag:yaml.org,2002:bool",
      test: /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/,
      resolve: () => new Scalar.Scalar(false),
      stringify: boolStringify
    };
    exports.falseTag = falseTag;
    exports.trueTag = trueTag;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/float.js
var require_float3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/float.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var stringifyNumber = require_stringifyNumber();
    var floatNaN = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/,
      resolve: (str) => str.slice(-3).toLowerCase() === "nan" ? NaN : str[0] === "-" ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY,
      stringify: stringifyNumber.stringifyNumber
    };
    var floatExp = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "EXP",
      test: /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/,
      resolve: (str) => parseFloat(str.replace(/_/g, "")),
      stringify(node) {
        const num = Number(node.value);
        return isFinite(num) ? num.toExponential() : stringifyNumber.stringifyNumber(node);
      }
    };
    var float = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      test: /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/,
      resolve(str) {
        const node = new Scalar.Scalar(parseFloat(str.replace(/_/g, "")));
        const dot = str.indexOf(".");
        if (dot !== -1) {
          const f = str.substring(dot + 1).replace(/_/g, "");
          if (f[f.length - 1] === "0")
            node.minFractionDigits = f.length;
        }
        return node;
      },
      stringify: stringifyNumber.stringifyNumber
    };
    exports.float = float;
    exports.floatExp = floatExp;
    exports.floatNaN = floatNaN;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/int.js
var require_int2 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/int.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    var intIdentify = (value) => typeof value === "bigint" || Number.isInteger(value);
    function intResolve(str, offset, radix, { intAsBigInt }) {
      const sign = str[0];
      if (sign === "-" || sign === "+")
        offset += 1;
      str = str.substring(offset).replace(/_/g, "");
      if (intAsBigInt) {
        switch (radix) {
          case 2:
            str = `0b${str}`;
            break;
          case 8:
            str = `0o${str}`;
            break;
          case 16:
            str = `0x${str}`;
            break;
        }
        const n2 = BigInt(str);
        return sign === "-" ? BigInt(-1) * n2 : n2;
      }
      const n = parseInt(str, radix);
      return sign === "-" ? -1 * n : n;
    }
    function intStringify(node, radix, prefix) {
      const { value } = node;
      if (intIdentify(value)) {
        const str = value.toString(radix);
        return value < 0 ? "-" + prefix + str.substr(1) : prefix + str;
      }
      return stringifyNumber.stringifyNumber(node);
    }
    var intBin = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "BIN",
      test: /^[-+]?0b[0-1_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 2, opt),
      stringify: (node) => intStringify(node, 2, "0b")
    };
    var intOct = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "OCT",
      test: /^[-+]?0[0-7_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 1, 8, opt),
      stringify: (node) => intStringify(node, 8, "0")
    };
    var int = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      test: /^[-+]?[0-9][0-9_]*$/,
      resolve: (str, _onError, opt) => intResolve(str, 0, 10, opt),
      stringify: stringifyNumber.stringifyNumber
    };
    var intHex = {
      identify: intIdentify,
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "HEX",
      test: /^[-+]?0x[0-9a-fA-F_]+$/,
      resolve: (str, _onError, opt) => intResolve(str, 2, 16, opt),
      stringify: (node) => intStringify(node, 16, "0x")
    };
    exports.int = int;
    exports.intBin = intBin;
    exports.intHex = intHex;
    exports.intOct = intOct;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/set.js
var require_set = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/set.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSet = class _YAMLSet extends YAMLMap.YAMLMap {
      constructor(schema) {
        super(schema);
        this.tag = _YAMLSet.tag;
      }
      add(key2) {
        let pair;
        if (identity.isPair(key2))
          pair = key2;
        else if (key2 && typeof key2 === "object" && "key" in key2 && "value" in key2 && key2.value === null)
          pair = new Pair.Pair(key2.key, null);
        else
          pair = new Pair.Pair(key2, null);
        const prev = YAMLMap.findPair(this.items, pair.key);
        if (!prev)
          this.items.push(pair);
      }
      /**
       * If `keepPair` is `true`, returns the Pair matching `key`.
       * Otherwise, returns the value of that Pair's key.
       */
      get(key2, keepPair) {
        const pair = YAMLMap.findPair(this.items, key2);
        return !keepPair && identity.isPair(pair) ? identity.isScalar(pair.key) ? pair.key.value : pair.key : pair;
      }
      set(key2, value) {
        if (typeof value !== "boolean")
          throw new Error(`Expected boolean value for set(key, value) in a YAML set, not ${typeof value}`);
        const prev = YAMLMap.findPair(this.items, key2);
        if (prev && !value) {
          this.items.splice(this.items.indexOf(prev), 1);
        } else if (!prev && value) {
          this.items.push(new Pair.Pair(key2));
        }
      }
      toJSON(_, ctx) {
        return super.toJSON(_, ctx, Set);
      }
      toString(ctx, onComment, onChompKeep) {
        if (!ctx)
          return JSON.stringify(this);
        if (this.hasAllNullValues(true))
          return super.toString(Object.assign({}, ctx, { allNullValues: true }), onComment, onChompKeep);
        else
          throw new Error("Set items must all have null values");
      }
      static from(schema, iterable, ctx) {
        const { replacer } = ctx;
        const set2 = new this(schema);
        if (iterable && Symbol.iterator in Object(iterable))
          for (let value of iterable) {
            if (typeof replacer === "function")
              value = replacer.call(iterable, value, value);
            set2.items.push(Pair.createPair(value, null, ctx));
          }
        return set2;
      }
    };
    YAMLSet.tag = "tag:yaml.org,2002:set";
    var set = {
      collection: "map",
      identify: (value) => value instanceof Set,
      nodeClass: YAMLSet,
      default: false,
      tag: "tag:yaml.org,2002:set",
      createNode: (schema, iterable, ctx) => YAMLSet.from(schema, iterable, ctx),
      resolve(map, onError) {
        if (identity.isMap(map)) {
          if (map.hasAllNullValues(true))
            return Object.assign(new YAMLSet(), map);
          else
            onError("Set items must all have null values");
        } else
          onError("Expected a mapping for this tag");
        return map;
      }
    };
    exports.YAMLSet = YAMLSet;
    exports.set = set;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/timestamp.js
var require_timestamp = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/timestamp.js"(exports) {
    "use strict";
    var stringifyNumber = require_stringifyNumber();
    function parseSexagesimal(str, asBigInt) {
      const sign = str[0];
      const parts2 = sign === "-" || sign === "+" ? str.substring(1) : str;
      const num = (n) => asBigInt ? BigInt(n) : Number(n);
      const res = parts2.replace(/_/g, "").split(":").reduce((res2, p) => res2 * num(60) + num(p), num(0));
      return sign === "-" ? num(-1) * res : res;
    }
    function stringifySexagesimal(node) {
      let { value } = node;
      let num = (n) => n;
      if (typeof value === "bigint")
        num = (n) => BigInt(n);
      else if (isNaN(value) || !isFinite(value))
        return stringifyNumber.stringifyNumber(node);
      let sign = "";
      if (value < 0) {
        sign = "-";
        value *= num(-1);
      }
      const _60 = num(60);
      const parts2 = [value % _60];
      if (value < 60) {
        parts2.unshift(0);
      } else {
        value = (value - parts2[0]) / _60;
        parts2.unshift(value % _60);
        if (value >= 60) {
          value = (value - parts2[0]) / _60;
          parts2.unshift(value);
        }
      }
      return sign + parts2.map((n) => String(n).padStart(2, "0")).join(":").replace(/000000\d*$/, "");
    }
    var intTime = {
      identify: (value) => typeof value === "bigint" || Number.isInteger(value),
      default: true,
      tag: "tag:yaml.org,2002:int",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+$/,
      resolve: (str, _onError, { intAsBigInt }) => parseSexagesimal(str, intAsBigInt),
      stringify: stringifySexagesimal
    };
    var floatTime = {
      identify: (value) => typeof value === "number",
      default: true,
      tag: "tag:yaml.org,2002:float",
      format: "TIME",
      test: /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*$/,
      resolve: (str) => parseSexagesimal(str, false),
      stringify: stringifySexagesimal
    };
    var timestamp = {
      identify: (value) => value instanceof Date,
      default: true,
      tag: "tag:yaml.org,2002:timestamp",
      // If the time zone is omitted, the timestamp is assumed to be specified in UTC. The time part
      // may be omitted altogether, resulting in a date format. In such a case, the time part is
      // assumed to be 00:00:00Z (start of day, UTC).
      test: RegExp("^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:(?:t|T|[ \\t]+)([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2}(\\.[0-9]+)?)(?:[ \\t]*(Z|[-+][012]?[0-9](?::[0-9]{2})?))?)?$"),
      resolve(str) {
        const match = str.match(timestamp.test);
        if (!match)
          throw new Error("!!timestamp expects a date, starting with yyyy-mm-dd");
        const [, year, month, day, hour, minute, second] = match.map(Number);
        const millisec = match[7] ? Number((match[7] + "00").substr(1, 3)) : 0;
        let date = Date.UTC(year, month - 1, day, hour || 0, minute || 0, second || 0, millisec);
        const tz = match[8];
        if (tz && tz !== "Z") {
          let d = parseSexagesimal(tz, false);
          if (Math.abs(d) < 30)
            d *= 60;
          date -= 6e4 * d;
        }
        return new Date(date);
      },
      stringify: ({ value }) => value?.toISOString().replace(/(T00:00:00)?\.000Z$/, "") ?? ""
    };
    exports.floatTime = floatTime;
    exports.intTime = intTime;
    exports.timestamp = timestamp;
  }
});

// node_modules/yaml/dist/schema/yaml-1.1/schema.js
var require_schema3 = __commonJS({
  "node_modules/yaml/dist/schema/yaml-1.1/schema.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var binary = require_binary();
    var bool = require_bool2();
    var float = require_float3();
    var int = require_int2();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var set = require_set();
    var timestamp = require_timestamp();
    var schema = [
      map.map,
      seq.seq,
      string.string,
      _null.nullTag,
      bool.trueTag,
      bool.falseTag,
      int.intBin,
      int.intOct,
      int.int,
      int.intHex,
      float.floatNaN,
      float.floatExp,
      float.float,
      binary.binary,
      merge.merge,
      omap.omap,
      pairs.pairs,
      set.set,
      timestamp.intTime,
      timestamp.floatTime,
      timestamp.timestamp
    ];
    exports.schema = schema;
  }
});

// node_modules/yaml/dist/schema/tags.js
var require_tags = __commonJS({
  "node_modules/yaml/dist/schema/tags.js"(exports) {
    "use strict";
    var map = require_map();
    var _null = require_null();
    var seq = require_seq();
    var string = require_string();
    var bool = require_bool();
    var float = require_float2();
    var int = require_int();
    var schema = require_schema();
    var schema$1 = require_schema2();
    var binary = require_binary();
    var merge = require_merge();
    var omap = require_omap();
    var pairs = require_pairs();
    var schema$2 = require_schema3();
    var set = require_set();
    var timestamp = require_timestamp();
    var schemas = /* @__PURE__ */ new Map([
      ["core", schema.schema],
      ["failsafe", [map.map, seq.seq, string.string]],
      ["json", schema$1.schema],
      ["yaml11", schema$2.schema],
      ["yaml-1.1", schema$2.schema]
    ]);
    var tagsByName = {
      binary: binary.binary,
      bool: bool.boolTag,
      float: float.float,
      floatExp: float.floatExp,
      floatNaN: float.floatNaN,
      floatTime: timestamp.floatTime,
      int: int.int,
      intHex: int.intHex,
      intOct: int.intOct,
      intTime: timestamp.intTime,
      map: map.map,
      merge: merge.merge,
      null: _null.nullTag,
      omap: omap.omap,
      pairs: pairs.pairs,
      seq: seq.seq,
      set: set.set,
      timestamp: timestamp.timestamp
    };
    var coreKnownTags = {
      "tag:yaml.org,2002:binary": binary.binary,
      "tag:yaml.org,2002:merge": merge.merge,
      "tag:yaml.org,2002:omap": omap.omap,
      "tag:yaml.org,2002:pairs": pairs.pairs,
      "tag:yaml.org,2002:set": set.set,
      "tag:yaml.org,2002:timestamp": timestamp.timestamp
    };
    function getTags(customTags, schemaName, addMergeTag) {
      const schemaTags = schemas.get(schemaName);
      if (schemaTags && !customTags) {
        return addMergeTag && !schemaTags.includes(merge.merge) ? schemaTags.concat(merge.merge) : schemaTags.slice();
      }
      let tags = schemaTags;
      if (!tags) {
        if (Array.isArray(customTags))
          tags = [];
        else {
          const keys = Array.from(schemas.keys()).filter((key2) => key2 !== "yaml11").map((key2) => JSON.stringify(key2)).join(", ");
          throw new Error(`Unknown schema "${schemaName}"; use one of ${keys} or define customTags array`);
        }
      }
      if (Array.isArray(customTags)) {
        for (const tag of customTags)
          tags = tags.concat(tag);
      } else if (typeof customTags === "function") {
        tags = customTags(tags.slice());
      }
      if (addMergeTag)
        tags = tags.concat(merge.merge);
      return tags.reduce((tags2, tag) => {
        const tagObj = typeof tag === "string" ? tagsByName[tag] : tag;
        if (!tagObj) {
          const tagName = JSON.stringify(tag);
          const keys = Object.keys(tagsByName).map((key2) => JSON.stringify(key2)).join(", ");
          throw new Error(`Unknown custom tag ${tagName}; use one of ${keys}`);
        }
        if (!tags2.includes(tagObj))
          tags2.push(tagObj);
        return tags2;
      }, []);
    }
    exports.coreKnownTags = coreKnownTags;
    exports.getTags = getTags;
  }
});

// node_modules/yaml/dist/schema/Schema.js
var require_Schema = __commonJS({
  "node_modules/yaml/dist/schema/Schema.js"(exports) {
    "use strict";
    var identity = require_identity();
    var map = require_map();
    var seq = require_seq();
    var string = require_string();
    var tags = require_tags();
    var sortMapEntriesByKey = (a, b) => a.key < b.key ? -1 : a.key > b.key ? 1 : 0;
    var Schema = class _Schema {
      constructor({ compat, customTags, merge, resolveKnownTags, schema, sortMapEntries, toStringDefaults }) {
        this.compat = Array.isArray(compat) ? tags.getTags(compat, "compat") : compat ? tags.getTags(null, compat) : null;
        this.name = typeof schema === "string" && schema || "core";
        this.knownTags = resolveKnownTags ? tags.coreKnownTags : {};
        this.tags = tags.getTags(customTags, this.name, merge);
        this.toStringOptions = toStringDefaults ?? null;
        Object.defineProperty(this, identity.MAP, { value: map.map });
        Object.defineProperty(this, identity.SCALAR, { value: string.string });
        Object.defineProperty(this, identity.SEQ, { value: seq.seq });
        this.sortMapEntries = typeof sortMapEntries === "function" ? sortMapEntries : sortMapEntries === true ? sortMapEntriesByKey : null;
      }
      clone() {
        const copy = Object.create(_Schema.prototype, Object.getOwnPropertyDescriptors(this));
        copy.tags = this.tags.slice();
        return copy;
      }
    };
    exports.Schema = Schema;
  }
});

// node_modules/yaml/dist/stringify/stringifyDocument.js
var require_stringifyDocument = __commonJS({
  "node_modules/yaml/dist/stringify/stringifyDocument.js"(exports) {
    "use strict";
    var identity = require_identity();
    var stringify = require_stringify();
    var stringifyComment = require_stringifyComment();
    function stringifyDocument(doc, options) {
      const lines = [];
      let hasDirectives = options.directives === true;
      if (options.directives !== false && doc.directives) {
        const dir = doc.directives.toString(doc);
        if (dir) {
          lines.push(dir);
          hasDirectives = true;
        } else if (doc.directives.docStart)
          hasDirectives = true;
      }
      if (hasDirectives)
        lines.push("---");
      const ctx = stringify.createStringifyContext(doc, options);
      const { commentString } = ctx.options;
      if (doc.commentBefore) {
        if (lines.length !== 1)
          lines.unshift("");
        const cs = commentString(doc.commentBefore);
        lines.unshift(stringifyComment.indentComment(cs, ""));
      }
      let chompKeep = false;
      let contentComment = null;
      if (doc.contents) {
        if (identity.isNode(doc.contents)) {
          if (doc.contents.spaceBefore && hasDirectives)
            lines.push("");
          if (doc.contents.commentBefore) {
            const cs = commentString(doc.contents.commentBefore);
            lines.push(stringifyComment.indentComment(cs, ""));
          }
          ctx.forceBlockIndent = !!doc.comment;
          contentComment = doc.contents.comment;
        }
        const onChompKeep = contentComment ? void 0 : () => chompKeep = true;
        let body = stringify.stringify(doc.contents, ctx, () => contentComment = null, onChompKeep);
        if (contentComment)
          body += stringifyComment.lineComment(body, "", commentString(contentComment));
        if ((body[0] === "|" || body[0] === ">") && lines[lines.length - 1] === "---") {
          lines[lines.length - 1] = `--- ${body}`;
        } else
          lines.push(body);
      } else {
        lines.push(stringify.stringify(doc.contents, ctx));
      }
      if (doc.directives?.docEnd) {
        if (doc.comment) {
          const cs = commentString(doc.comment);
          if (cs.includes("\n")) {
            lines.push("...");
            lines.push(stringifyComment.indentComment(cs, ""));
          } else {
            lines.push(`... ${cs}`);
          }
        } else {
          lines.push("...");
        }
      } else {
        let dc = doc.comment;
        if (dc && chompKeep)
          dc = dc.replace(/^\n+/, "");
        if (dc) {
          if ((!chompKeep || contentComment) && lines[lines.length - 1] !== "")
            lines.push("");
          lines.push(stringifyComment.indentComment(commentString(dc), ""));
        }
      }
      return lines.join("\n") + "\n";
    }
    exports.stringifyDocument = stringifyDocument;
  }
});

// node_modules/yaml/dist/doc/Document.js
var require_Document = __commonJS({
  "node_modules/yaml/dist/doc/Document.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var Collection = require_Collection();
    var identity = require_identity();
    var Pair = require_Pair();
    var toJS = require_toJS();
    var Schema = require_Schema();
    var stringifyDocument = require_stringifyDocument();
    var anchors = require_anchors();
    var applyReviver = require_applyReviver();
    var createNode = require_createNode();
    var directives = require_directives();
    var Document = class _Document {
      constructor(value, replacer, options) {
        this.commentBefore = null;
        this.comment = null;
        this.errors = [];
        this.warnings = [];
        Object.defineProperty(this, identity.NODE_TYPE, { value: identity.DOC });
        let _replacer = null;
        if (typeof replacer === "function" || Array.isArray(replacer)) {
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const opt = Object.assign({
          intAsBigInt: false,
          keepSourceTokens: false,
          logLevel: "warn",
          prettyErrors: true,
          strict: true,
          stringKeys: false,
          uniqueKeys: true,
          version: "1.2"
        }, options);
        this.options = opt;
        let { version } = opt;
        if (options?._directives) {
          this.directives = options._directives.atDocument();
          if (this.directives.yaml.explicit)
            version = this.directives.yaml.version;
        } else
          this.directives = new directives.Directives({ version });
        this.setSchema(version, options);
        this.contents = value === void 0 ? null : this.createNode(value, _replacer, options);
      }
      /**
       * Create a deep copy of this Document and its contents.
       *
       * Custom Node values that inherit from `Object` still refer to their original instances.
       */
      clone() {
        const copy = Object.create(_Document.prototype, {
          [identity.NODE_TYPE]: { value: identity.DOC }
        });
        copy.commentBefore = this.commentBefore;
        copy.comment = this.comment;
        copy.errors = this.errors.slice();
        copy.warnings = this.warnings.slice();
        copy.options = Object.assign({}, this.options);
        if (this.directives)
          copy.directives = this.directives.clone();
        copy.schema = this.schema.clone();
        copy.contents = identity.isNode(this.contents) ? this.contents.clone(copy.schema) : this.contents;
        if (this.range)
          copy.range = this.range.slice();
        return copy;
      }
      /** Adds a value to the document. */
      add(value) {
        if (assertCollection(this.contents))
          this.contents.add(value);
      }
      /** Adds a value to the document. */
      addIn(path, value) {
        if (assertCollection(this.contents))
          this.contents.addIn(path, value);
      }
      /**
       * Create a new `Alias` node, ensuring that the target `node` has the required anchor.
       *
       * If `node` already has an anchor, `name` is ignored.
       * Otherwise, the `node.anchor` value will be set to `name`,
       * or if an anchor with that name is already present in the document,
       * `name` will be used as a prefix for a new unique anchor.
       * If `name` is undefined, the generated anchor will use 'a' as a prefix.
       */
      createAlias(node, name) {
        if (!node.anchor) {
          const prev = anchors.anchorNames(this);
          node.anchor = // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          !name || prev.has(name) ? anchors.findNewAnchor(name || "a", prev) : name;
        }
        return new Alias.Alias(node.anchor);
      }
      createNode(value, replacer, options) {
        let _replacer = void 0;
        if (typeof replacer === "function") {
          value = replacer.call({ "": value }, "", value);
          _replacer = replacer;
        } else if (Array.isArray(replacer)) {
          const keyToStr = (v) => typeof v === "number" || v instanceof String || v instanceof Number;
          const asStr = replacer.filter(keyToStr).map(String);
          if (asStr.length > 0)
            replacer = replacer.concat(asStr);
          _replacer = replacer;
        } else if (options === void 0 && replacer) {
          options = replacer;
          replacer = void 0;
        }
        const { aliasDuplicateObjects, anchorPrefix, flow, keepUndefined, onTagObj, tag } = options ?? {};
        const { onAnchor, setAnchors, sourceObjects } = anchors.createNodeAnchors(
          this,
          // eslint-disable-next-line @typescript-eslint/prefer-nullish-coalescing
          anchorPrefix || "a"
        );
        const ctx = {
          aliasDuplicateObjects: aliasDuplicateObjects ?? true,
          keepUndefined: keepUndefined ?? false,
          onAnchor,
          onTagObj,
          replacer: _replacer,
          schema: this.schema,
          sourceObjects
        };
        const node = createNode.createNode(value, tag, ctx);
        if (flow && identity.isCollection(node))
          node.flow = true;
        setAnchors();
        return node;
      }
      /**
       * Convert a key and a value into a `Pair` using the current schema,
       * recursively wrapping all values as `Scalar` or `Collection` nodes.
       */
      createPair(key2, value, options = {}) {
        const k = this.createNode(key2, null, options);
        const v = this.createNode(value, null, options);
        return new Pair.Pair(k, v);
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      delete(key2) {
        return assertCollection(this.contents) ? this.contents.delete(key2) : false;
      }
      /**
       * Removes a value from the document.
       * @returns `true` if the item was found and removed.
       */
      deleteIn(path) {
        if (Collection.isEmptyPath(path)) {
          if (this.contents == null)
            return false;
          this.contents = null;
          return true;
        }
        return assertCollection(this.contents) ? this.contents.deleteIn(path) : false;
      }
      /**
       * Returns item at `key`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      get(key2, keepScalar) {
        return identity.isCollection(this.contents) ? this.contents.get(key2, keepScalar) : void 0;
      }
      /**
       * Returns item at `path`, or `undefined` if not found. By default unwraps
       * scalar values from their surrounding node; to disable set `keepScalar` to
       * `true` (collections are always returned intact).
       */
      getIn(path, keepScalar) {
        if (Collection.isEmptyPath(path))
          return !keepScalar && identity.isScalar(this.contents) ? this.contents.value : this.contents;
        return identity.isCollection(this.contents) ? this.contents.getIn(path, keepScalar) : void 0;
      }
      /**
       * Checks if the document includes a value with the key `key`.
       */
      has(key2) {
        return identity.isCollection(this.contents) ? this.contents.has(key2) : false;
      }
      /**
       * Checks if the document includes a value at `path`.
       */
      hasIn(path) {
        if (Collection.isEmptyPath(path))
          return this.contents !== void 0;
        return identity.isCollection(this.contents) ? this.contents.hasIn(path) : false;
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      set(key2, value) {
        if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, [key2], value);
        } else if (assertCollection(this.contents)) {
          this.contents.set(key2, value);
        }
      }
      /**
       * Sets a value in this document. For `!!set`, `value` needs to be a
       * boolean to add/remove the item from the set.
       */
      setIn(path, value) {
        if (Collection.isEmptyPath(path)) {
          this.contents = value;
        } else if (this.contents == null) {
          this.contents = Collection.collectionFromPath(this.schema, Array.from(path), value);
        } else if (assertCollection(this.contents)) {
          this.contents.setIn(path, value);
        }
      }
      /**
       * Change the YAML version and schema used by the document.
       * A `null` version disables support for directives, explicit tags, anchors, and aliases.
       * It also requires the `schema` option to be given as a `Schema` instance value.
       *
       * Overrides all previously set schema options.
       */
      setSchema(version, options = {}) {
        if (typeof version === "number")
          version = String(version);
        let opt;
        switch (version) {
          case "1.1":
            if (this.directives)
              this.directives.yaml.version = "1.1";
            else
              this.directives = new directives.Directives({ version: "1.1" });
            opt = { resolveKnownTags: false, schema: "yaml-1.1" };
            break;
          case "1.2":
          case "next":
            if (this.directives)
              this.directives.yaml.version = version;
            else
              this.directives = new directives.Directives({ version });
            opt = { resolveKnownTags: true, schema: "core" };
            break;
          case null:
            if (this.directives)
              delete this.directives;
            opt = null;
            break;
          default: {
            const sv = JSON.stringify(version);
            throw new Error(`Expected '1.1', '1.2' or null as first argument, but found: ${sv}`);
          }
        }
        if (options.schema instanceof Object)
          this.schema = options.schema;
        else if (opt)
          this.schema = new Schema.Schema(Object.assign(opt, options));
        else
          throw new Error(`With a null YAML version, the { schema: Schema } option is required`);
      }
      // json & jsonArg are only used from toJSON()
      toJS({ json, jsonArg, mapAsMap, maxAliasCount, onAnchor, reviver } = {}) {
        const ctx = {
          anchors: /* @__PURE__ */ new Map(),
          doc: this,
          keep: !json,
          mapAsMap: mapAsMap === true,
          mapKeyWarned: false,
          maxAliasCount: typeof maxAliasCount === "number" ? maxAliasCount : 100
        };
        const res = toJS.toJS(this.contents, jsonArg ?? "", ctx);
        if (typeof onAnchor === "function")
          for (const { count, res: res2 } of ctx.anchors.values())
            onAnchor(res2, count);
        return typeof reviver === "function" ? applyReviver.applyReviver(reviver, { "": res }, "", res) : res;
      }
      /**
       * A JSON representation of the document `contents`.
       *
       * @param jsonArg Used by `JSON.stringify` to indicate the array index or
       *   property name.
       */
      toJSON(jsonArg, onAnchor) {
        return this.toJS({ json: true, jsonArg, mapAsMap: false, onAnchor });
      }
      /** A YAML representation of the document. */
      toString(options = {}) {
        if (this.errors.length > 0)
          throw new Error("Document with errors cannot be stringified");
        if ("indent" in options && (!Number.isInteger(options.indent) || Number(options.indent) <= 0)) {
          const s = JSON.stringify(options.indent);
          throw new Error(`"indent" option must be a positive integer, not ${s}`);
        }
        return stringifyDocument.stringifyDocument(this, options);
      }
    };
    function assertCollection(contents) {
      if (identity.isCollection(contents))
        return true;
      throw new Error("Expected a YAML collection as document contents");
    }
    exports.Document = Document;
  }
});

// node_modules/yaml/dist/errors.js
var require_errors = __commonJS({
  "node_modules/yaml/dist/errors.js"(exports) {
    "use strict";
    var YAMLError = class extends Error {
      constructor(name, pos, code, message) {
        super();
        this.name = name;
        this.code = code;
        this.message = message;
        this.pos = pos;
      }
    };
    var YAMLParseError = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLParseError", pos, code, message);
      }
    };
    var YAMLWarning = class extends YAMLError {
      constructor(pos, code, message) {
        super("YAMLWarning", pos, code, message);
      }
    };
    var prettifyError = (src, lc) => (error) => {
      if (error.pos[0] === -1)
        return;
      error.linePos = error.pos.map((pos) => lc.linePos(pos));
      const { line, col } = error.linePos[0];
      error.message += ` at line ${line}, column ${col}`;
      let ci = col - 1;
      let lineStr = src.substring(lc.lineStarts[line - 1], lc.lineStarts[line]).replace(/[\n\r]+$/, "");
      if (ci >= 60 && lineStr.length > 80) {
        const trimStart = Math.min(ci - 39, lineStr.length - 79);
        lineStr = "\u2026" + lineStr.substring(trimStart);
        ci -= trimStart - 1;
      }
      if (lineStr.length > 80)
        lineStr = lineStr.substring(0, 79) + "\u2026";
      if (line > 1 && /^ *$/.test(lineStr.substring(0, ci))) {
        let prev = src.substring(lc.lineStarts[line - 2], lc.lineStarts[line - 1]);
        if (prev.length > 80)
          prev = prev.substring(0, 79) + "\u2026\n";
        lineStr = prev + lineStr;
      }
      if (/[^ ]/.test(lineStr)) {
        let count = 1;
        const end = error.linePos[1];
        if (end?.line === line && end.col > col) {
          count = Math.max(1, Math.min(end.col - col, 80 - ci));
        }
        const pointer = " ".repeat(ci) + "^".repeat(count);
        error.message += `:

${lineStr}
${pointer}
`;
      }
    };
    exports.YAMLError = YAMLError;
    exports.YAMLParseError = YAMLParseError;
    exports.YAMLWarning = YAMLWarning;
    exports.prettifyError = prettifyError;
  }
});

// node_modules/yaml/dist/compose/resolve-props.js
var require_resolve_props = __commonJS({
  "node_modules/yaml/dist/compose/resolve-props.js"(exports) {
    "use strict";
    function resolveProps(tokens, { flow, indicator, next, offset, onError, parentIndent, startOnNewline }) {
      let spaceBefore = false;
      let atNewline = startOnNewline;
      let hasSpace = startOnNewline;
      let comment = "";
      let commentSep = "";
      let hasNewline = false;
      let reqSpace = false;
      let tab = null;
      let anchor = null;
      let tag = null;
      let newlineAfterProp = null;
      let comma = null;
      let found = null;
      let start = null;
      for (const token of tokens) {
        if (reqSpace) {
          if (token.type !== "space" && token.type !== "newline" && token.type !== "comma")
            onError(token.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
          reqSpace = false;
        }
        if (tab) {
          if (atNewline && token.type !== "comment" && token.type !== "newline") {
            onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
          }
          tab = null;
        }
        switch (token.type) {
          case "space":
            if (!flow && (indicator !== "doc-start" || next?.type !== "flow-collection") && token.source.includes("	")) {
              tab = token;
            }
            hasSpace = true;
            break;
          case "comment": {
            if (!hasSpace)
              onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
            const cb = token.source.substring(1) || " ";
            if (!comment)
              comment = cb;
            else
              comment += commentSep + cb;
            commentSep = "";
            atNewline = false;
            break;
          }
          case "newline":
            if (atNewline) {
              if (comment)
                comment += token.source;
              else if (!found || indicator !== "seq-item-ind")
                spaceBefore = true;
            } else
              commentSep += token.source;
            atNewline = true;
            hasNewline = true;
            if (anchor || tag)
              newlineAfterProp = token;
            hasSpace = true;
            break;
          case "anchor":
            if (anchor)
              onError(token, "MULTIPLE_ANCHORS", "A node can have at most one anchor");
            if (token.source.endsWith(":"))
              onError(token.offset + token.source.length - 1, "BAD_ALIAS", "Anchor ending in : is ambiguous", true);
            anchor = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          case "tag": {
            if (tag)
              onError(token, "MULTIPLE_TAGS", "A node can have at most one tag");
            tag = token;
            start ?? (start = token.offset);
            atNewline = false;
            hasSpace = false;
            reqSpace = true;
            break;
          }
          case indicator:
            if (anchor || tag)
              onError(token, "BAD_PROP_ORDER", `Anchors and tags must be after the ${token.source} indicator`);
            if (found)
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.source} in ${flow ?? "collection"}`);
            found = token;
            atNewline = indicator === "seq-item-ind" || indicator === "explicit-key-ind";
            hasSpace = false;
            break;
          case "comma":
            if (flow) {
              if (comma)
                onError(token, "UNEXPECTED_TOKEN", `Unexpected , in ${flow}`);
              comma = token;
              atNewline = false;
              hasSpace = false;
              break;
            }
          // else fallthrough
          default:
            onError(token, "UNEXPECTED_TOKEN", `Unexpected ${token.type} token`);
            atNewline = false;
            hasSpace = false;
        }
      }
      const last = tokens[tokens.length - 1];
      const end = last ? last.offset + last.source.length : offset;
      if (reqSpace && next && next.type !== "space" && next.type !== "newline" && next.type !== "comma" && (next.type !== "scalar" || next.source !== "")) {
        onError(next.offset, "MISSING_CHAR", "Tags and anchors must be separated from the next token by white space");
      }
      if (tab && (atNewline && tab.indent <= parentIndent || next?.type === "block-map" || next?.type === "block-seq"))
        onError(tab, "TAB_AS_INDENT", "Tabs are not allowed as indentation");
      return {
        comma,
        found,
        spaceBefore,
        comment,
        hasNewline,
        anchor,
        tag,
        newlineAfterProp,
        end,
        start: start ?? end
      };
    }
    exports.resolveProps = resolveProps;
  }
});

// node_modules/yaml/dist/compose/util-contains-newline.js
var require_util_contains_newline = __commonJS({
  "node_modules/yaml/dist/compose/util-contains-newline.js"(exports) {
    "use strict";
    function containsNewline(key2) {
      if (!key2)
        return null;
      switch (key2.type) {
        case "alias":
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          if (key2.source.includes("\n"))
            return true;
          if (key2.end) {
            for (const st of key2.end)
              if (st.type === "newline")
                return true;
          }
          return false;
        case "flow-collection":
          for (const it of key2.items) {
            for (const st of it.start)
              if (st.type === "newline")
                return true;
            if (it.sep) {
              for (const st of it.sep)
                if (st.type === "newline")
                  return true;
            }
            if (containsNewline(it.key) || containsNewline(it.value))
              return true;
          }
          return false;
        default:
          return true;
      }
    }
    exports.containsNewline = containsNewline;
  }
});

// node_modules/yaml/dist/compose/util-flow-indent-check.js
var require_util_flow_indent_check = __commonJS({
  "node_modules/yaml/dist/compose/util-flow-indent-check.js"(exports) {
    "use strict";
    var utilContainsNewline = require_util_contains_newline();
    function flowIndentCheck(indent, fc, onError) {
      if (fc?.type === "flow-collection") {
        const end = fc.end[0];
        if (end.indent === indent && (end.source === "]" || end.source === "}") && utilContainsNewline.containsNewline(fc)) {
          const msg = "Flow end indicator should be more indented than parent";
          onError(end, "BAD_INDENT", msg, true);
        }
      }
    }
    exports.flowIndentCheck = flowIndentCheck;
  }
});

// node_modules/yaml/dist/compose/util-map-includes.js
var require_util_map_includes = __commonJS({
  "node_modules/yaml/dist/compose/util-map-includes.js"(exports) {
    "use strict";
    var identity = require_identity();
    function mapIncludes(ctx, items, search) {
      const { uniqueKeys } = ctx.options;
      if (uniqueKeys === false)
        return false;
      const isEqual = typeof uniqueKeys === "function" ? uniqueKeys : (a, b) => a === b || identity.isScalar(a) && identity.isScalar(b) && a.value === b.value;
      return items.some((pair) => isEqual(pair.key, search));
    }
    exports.mapIncludes = mapIncludes;
  }
});

// node_modules/yaml/dist/compose/resolve-block-map.js
var require_resolve_block_map = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-map.js"(exports) {
    "use strict";
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    var utilMapIncludes = require_util_map_includes();
    var startColMsg = "All mapping items must start at the same column";
    function resolveBlockMap({ composeNode, composeEmptyNode }, ctx, bm, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLMap.YAMLMap;
      const map = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      let offset = bm.offset;
      let commentEnd = null;
      for (const collItem of bm.items) {
        const { start, key: key2, sep: sep2, value } = collItem;
        const keyProps = resolveProps.resolveProps(start, {
          indicator: "explicit-key-ind",
          next: key2 ?? sep2?.[0],
          offset,
          onError,
          parentIndent: bm.indent,
          startOnNewline: true
        });
        const implicitKey = !keyProps.found;
        if (implicitKey) {
          if (key2) {
            if (key2.type === "block-seq")
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "A block sequence may not be used as an implicit map key");
            else if ("indent" in key2 && key2.indent !== bm.indent)
              onError(offset, "BAD_INDENT", startColMsg);
          }
          if (!keyProps.anchor && !keyProps.tag && !sep2) {
            commentEnd = keyProps.end;
            if (keyProps.comment) {
              if (map.comment)
                map.comment += "\n" + keyProps.comment;
              else
                map.comment = keyProps.comment;
            }
            continue;
          }
          if (keyProps.newlineAfterProp || utilContainsNewline.containsNewline(key2)) {
            onError(key2 ?? start[start.length - 1], "MULTILINE_IMPLICIT_KEY", "Implicit keys need to be on a single line");
          }
        } else if (keyProps.found?.indent !== bm.indent) {
          onError(offset, "BAD_INDENT", startColMsg);
        }
        ctx.atKey = true;
        const keyStart = keyProps.end;
        const keyNode = key2 ? composeNode(ctx, key2, keyProps, onError) : composeEmptyNode(ctx, keyStart, start, null, keyProps, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bm.indent, key2, onError);
        ctx.atKey = false;
        if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
          onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
        const valueProps = resolveProps.resolveProps(sep2 ?? [], {
          indicator: "map-value-ind",
          next: value,
          offset: keyNode.range[2],
          onError,
          parentIndent: bm.indent,
          startOnNewline: !key2 || key2.type === "block-scalar"
        });
        offset = valueProps.end;
        if (valueProps.found) {
          if (implicitKey) {
            if (value?.type === "block-map" && !valueProps.hasNewline)
              onError(offset, "BLOCK_AS_IMPLICIT_KEY", "Nested mappings are not allowed in compact mappings");
            if (ctx.options.strict && keyProps.start < valueProps.found.offset - 1024)
              onError(keyNode.range, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit block mapping key");
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : composeEmptyNode(ctx, offset, sep2, null, valueProps, onError);
          if (ctx.schema.compat)
            utilFlowIndentCheck.flowIndentCheck(bm.indent, value, onError);
          offset = valueNode.range[2];
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        } else {
          if (implicitKey)
            onError(keyNode.range, "MISSING_CHAR", "Implicit map keys need to be followed by map values");
          if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          map.items.push(pair);
        }
      }
      if (commentEnd && commentEnd < offset)
        onError(commentEnd, "IMPOSSIBLE", "Map comment with trailing content");
      map.range = [bm.offset, offset, commentEnd ?? offset];
      return map;
    }
    exports.resolveBlockMap = resolveBlockMap;
  }
});

// node_modules/yaml/dist/compose/resolve-block-seq.js
var require_resolve_block_seq = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-seq.js"(exports) {
    "use strict";
    var YAMLSeq = require_YAMLSeq();
    var resolveProps = require_resolve_props();
    var utilFlowIndentCheck = require_util_flow_indent_check();
    function resolveBlockSeq({ composeNode, composeEmptyNode }, ctx, bs, onError, tag) {
      const NodeClass = tag?.nodeClass ?? YAMLSeq.YAMLSeq;
      const seq = new NodeClass(ctx.schema);
      if (ctx.atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = bs.offset;
      let commentEnd = null;
      for (const { start, value } of bs.items) {
        const props = resolveProps.resolveProps(start, {
          indicator: "seq-item-ind",
          next: value,
          offset,
          onError,
          parentIndent: bs.indent,
          startOnNewline: true
        });
        if (!props.found) {
          if (props.anchor || props.tag || value) {
            if (value?.type === "block-seq")
              onError(props.end, "BAD_INDENT", "All sequence items must start at the same column");
            else
              onError(offset, "MISSING_CHAR", "Sequence item without - indicator");
          } else {
            commentEnd = props.end;
            if (props.comment)
              seq.comment = props.comment;
            continue;
          }
        }
        const node = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, start, null, props, onError);
        if (ctx.schema.compat)
          utilFlowIndentCheck.flowIndentCheck(bs.indent, value, onError);
        offset = node.range[2];
        seq.items.push(node);
      }
      seq.range = [bs.offset, offset, commentEnd ?? offset];
      return seq;
    }
    exports.resolveBlockSeq = resolveBlockSeq;
  }
});

// node_modules/yaml/dist/compose/resolve-end.js
var require_resolve_end = __commonJS({
  "node_modules/yaml/dist/compose/resolve-end.js"(exports) {
    "use strict";
    function resolveEnd(end, offset, reqSpace, onError) {
      let comment = "";
      if (end) {
        let hasSpace = false;
        let sep2 = "";
        for (const token of end) {
          const { source, type } = token;
          switch (type) {
            case "space":
              hasSpace = true;
              break;
            case "comment": {
              if (reqSpace && !hasSpace)
                onError(token, "MISSING_CHAR", "Comments must be separated from other tokens by white space characters");
              const cb = source.substring(1) || " ";
              if (!comment)
                comment = cb;
              else
                comment += sep2 + cb;
              sep2 = "";
              break;
            }
            case "newline":
              if (comment)
                sep2 += source;
              hasSpace = true;
              break;
            default:
              onError(token, "UNEXPECTED_TOKEN", `Unexpected ${type} at node end`);
          }
          offset += source.length;
        }
      }
      return { comment, offset };
    }
    exports.resolveEnd = resolveEnd;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-collection.js
var require_resolve_flow_collection = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Pair = require_Pair();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    var utilContainsNewline = require_util_contains_newline();
    var utilMapIncludes = require_util_map_includes();
    var blockMsg = "Block collections are not allowed within flow collections";
    var isBlock = (token) => token && (token.type === "block-map" || token.type === "block-seq");
    function resolveFlowCollection({ composeNode, composeEmptyNode }, ctx, fc, onError, tag) {
      const isMap = fc.start.source === "{";
      const fcName = isMap ? "flow map" : "flow sequence";
      const NodeClass = tag?.nodeClass ?? (isMap ? YAMLMap.YAMLMap : YAMLSeq.YAMLSeq);
      const coll = new NodeClass(ctx.schema);
      coll.flow = true;
      const atRoot = ctx.atRoot;
      if (atRoot)
        ctx.atRoot = false;
      if (ctx.atKey)
        ctx.atKey = false;
      let offset = fc.offset + fc.start.source.length;
      for (let i = 0; i < fc.items.length; ++i) {
        const collItem = fc.items[i];
        const { start, key: key2, sep: sep2, value } = collItem;
        const props = resolveProps.resolveProps(start, {
          flow: fcName,
          indicator: "explicit-key-ind",
          next: key2 ?? sep2?.[0],
          offset,
          onError,
          parentIndent: fc.indent,
          startOnNewline: false
        });
        if (!props.found) {
          if (!props.anchor && !props.tag && !sep2 && !value) {
            if (i === 0 && props.comma)
              onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
            else if (i < fc.items.length - 1)
              onError(props.start, "UNEXPECTED_TOKEN", `Unexpected empty item in ${fcName}`);
            if (props.comment) {
              if (coll.comment)
                coll.comment += "\n" + props.comment;
              else
                coll.comment = props.comment;
            }
            offset = props.end;
            continue;
          }
          if (!isMap && ctx.options.strict && utilContainsNewline.containsNewline(key2))
            onError(
              key2,
              // checked by containsNewline()
              "MULTILINE_IMPLICIT_KEY",
              "Implicit keys of flow sequence pairs need to be on a single line"
            );
        }
        if (i === 0) {
          if (props.comma)
            onError(props.comma, "UNEXPECTED_TOKEN", `Unexpected , in ${fcName}`);
        } else {
          if (!props.comma)
            onError(props.start, "MISSING_CHAR", `Missing , between ${fcName} items`);
          if (props.comment) {
            let prevItemComment = "";
            loop: for (const st of start) {
              switch (st.type) {
                case "comma":
                case "space":
                  break;
                case "comment":
                  prevItemComment = st.source.substring(1);
                  break loop;
                default:
                  break loop;
              }
            }
            if (prevItemComment) {
              let prev = coll.items[coll.items.length - 1];
              if (identity.isPair(prev))
                prev = prev.value ?? prev.key;
              if (prev.comment)
                prev.comment += "\n" + prevItemComment;
              else
                prev.comment = prevItemComment;
              props.comment = props.comment.substring(prevItemComment.length + 1);
            }
          }
        }
        if (!isMap && !sep2 && !props.found) {
          const valueNode = value ? composeNode(ctx, value, props, onError) : composeEmptyNode(ctx, props.end, sep2, null, props, onError);
          coll.items.push(valueNode);
          offset = valueNode.range[2];
          if (isBlock(value))
            onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
        } else {
          ctx.atKey = true;
          const keyStart = props.end;
          const keyNode = key2 ? composeNode(ctx, key2, props, onError) : composeEmptyNode(ctx, keyStart, start, null, props, onError);
          if (isBlock(key2))
            onError(keyNode.range, "BLOCK_IN_FLOW", blockMsg);
          ctx.atKey = false;
          const valueProps = resolveProps.resolveProps(sep2 ?? [], {
            flow: fcName,
            indicator: "map-value-ind",
            next: value,
            offset: keyNode.range[2],
            onError,
            parentIndent: fc.indent,
            startOnNewline: false
          });
          if (valueProps.found) {
            if (!isMap && !props.found && ctx.options.strict) {
              if (sep2)
                for (const st of sep2) {
                  if (st === valueProps.found)
                    break;
                  if (st.type === "newline") {
                    onError(st, "MULTILINE_IMPLICIT_KEY", "Implicit keys of flow sequence pairs need to be on a single line");
                    break;
                  }
                }
              if (props.start < valueProps.found.offset - 1024)
                onError(valueProps.found, "KEY_OVER_1024_CHARS", "The : indicator must be at most 1024 chars after the start of an implicit flow sequence key");
            }
          } else if (value) {
            if ("source" in value && value.source?.[0] === ":")
              onError(value, "MISSING_CHAR", `Missing space after : in ${fcName}`);
            else
              onError(valueProps.start, "MISSING_CHAR", `Missing , or : between ${fcName} items`);
          }
          const valueNode = value ? composeNode(ctx, value, valueProps, onError) : valueProps.found ? composeEmptyNode(ctx, valueProps.end, sep2, null, valueProps, onError) : null;
          if (valueNode) {
            if (isBlock(value))
              onError(valueNode.range, "BLOCK_IN_FLOW", blockMsg);
          } else if (valueProps.comment) {
            if (keyNode.comment)
              keyNode.comment += "\n" + valueProps.comment;
            else
              keyNode.comment = valueProps.comment;
          }
          const pair = new Pair.Pair(keyNode, valueNode);
          if (ctx.options.keepSourceTokens)
            pair.srcToken = collItem;
          if (isMap) {
            const map = coll;
            if (utilMapIncludes.mapIncludes(ctx, map.items, keyNode))
              onError(keyStart, "DUPLICATE_KEY", "Map keys must be unique");
            map.items.push(pair);
          } else {
            const map = new YAMLMap.YAMLMap(ctx.schema);
            map.flow = true;
            map.items.push(pair);
            const endRange = (valueNode ?? keyNode).range;
            map.range = [keyNode.range[0], endRange[1], endRange[2]];
            coll.items.push(map);
          }
          offset = valueNode ? valueNode.range[2] : valueProps.end;
        }
      }
      const expectedEnd = isMap ? "}" : "]";
      const [ce, ...ee] = fc.end;
      let cePos = offset;
      if (ce?.source === expectedEnd)
        cePos = ce.offset + ce.source.length;
      else {
        const name = fcName[0].toUpperCase() + fcName.substring(1);
        const msg = atRoot ? `${name} must end with a ${expectedEnd}` : `${name} in block collection must be sufficiently indented and end with a ${expectedEnd}`;
        onError(offset, atRoot ? "MISSING_CHAR" : "BAD_INDENT", msg);
        if (ce && ce.source.length !== 1)
          ee.unshift(ce);
      }
      if (ee.length > 0) {
        const end = resolveEnd.resolveEnd(ee, cePos, ctx.options.strict, onError);
        if (end.comment) {
          if (coll.comment)
            coll.comment += "\n" + end.comment;
          else
            coll.comment = end.comment;
        }
        coll.range = [fc.offset, cePos, end.offset];
      } else {
        coll.range = [fc.offset, cePos, cePos];
      }
      return coll;
    }
    exports.resolveFlowCollection = resolveFlowCollection;
  }
});

// node_modules/yaml/dist/compose/compose-collection.js
var require_compose_collection = __commonJS({
  "node_modules/yaml/dist/compose/compose-collection.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var resolveBlockMap = require_resolve_block_map();
    var resolveBlockSeq = require_resolve_block_seq();
    var resolveFlowCollection = require_resolve_flow_collection();
    function resolveCollection(CN, ctx, token, onError, tagName, tag) {
      const coll = token.type === "block-map" ? resolveBlockMap.resolveBlockMap(CN, ctx, token, onError, tag) : token.type === "block-seq" ? resolveBlockSeq.resolveBlockSeq(CN, ctx, token, onError, tag) : resolveFlowCollection.resolveFlowCollection(CN, ctx, token, onError, tag);
      const Coll = coll.constructor;
      if (tagName === "!" || tagName === Coll.tagName) {
        coll.tag = Coll.tagName;
        return coll;
      }
      if (tagName)
        coll.tag = tagName;
      return coll;
    }
    function composeCollection(CN, ctx, token, props, onError) {
      const tagToken = props.tag;
      const tagName = !tagToken ? null : ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg));
      if (token.type === "block-seq") {
        const { anchor, newlineAfterProp: nl } = props;
        const lastProp = anchor && tagToken ? anchor.offset > tagToken.offset ? anchor : tagToken : anchor ?? tagToken;
        if (lastProp && (!nl || nl.offset < lastProp.offset)) {
          const message = "Missing newline after block sequence props";
          onError(lastProp, "MISSING_CHAR", message);
        }
      }
      const expType = token.type === "block-map" ? "map" : token.type === "block-seq" ? "seq" : token.start.source === "{" ? "map" : "seq";
      if (!tagToken || !tagName || tagName === "!" || tagName === YAMLMap.YAMLMap.tagName && expType === "map" || tagName === YAMLSeq.YAMLSeq.tagName && expType === "seq") {
        return resolveCollection(CN, ctx, token, onError, tagName);
      }
      let tag = ctx.schema.tags.find((t) => t.tag === tagName && t.collection === expType);
      if (!tag) {
        const kt = ctx.schema.knownTags[tagName];
        if (kt?.collection === expType) {
          ctx.schema.tags.push(Object.assign({}, kt, { default: false }));
          tag = kt;
        } else {
          if (kt) {
            onError(tagToken, "BAD_COLLECTION_TYPE", `${kt.tag} used for ${expType} collection, but expects ${kt.collection ?? "scalar"}`, true);
          } else {
            onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, true);
          }
          return resolveCollection(CN, ctx, token, onError, tagName);
        }
      }
      const coll = resolveCollection(CN, ctx, token, onError, tagName, tag);
      const res = tag.resolve?.(coll, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg), ctx.options) ?? coll;
      const node = identity.isNode(res) ? res : new Scalar.Scalar(res);
      node.range = coll.range;
      node.tag = tagName;
      if (tag?.format)
        node.format = tag.format;
      return node;
    }
    exports.composeCollection = composeCollection;
  }
});

// node_modules/yaml/dist/compose/resolve-block-scalar.js
var require_resolve_block_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-block-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    function resolveBlockScalar(ctx, scalar, onError) {
      const start = scalar.offset;
      const header = parseBlockScalarHeader(scalar, ctx.options.strict, onError);
      if (!header)
        return { value: "", type: null, comment: "", range: [start, start, start] };
      const type = header.mode === ">" ? Scalar.Scalar.BLOCK_FOLDED : Scalar.Scalar.BLOCK_LITERAL;
      const lines = scalar.source ? splitLines(scalar.source) : [];
      let chompStart = lines.length;
      for (let i = lines.length - 1; i >= 0; --i) {
        const content = lines[i][1];
        if (content === "" || content === "\r")
          chompStart = i;
        else
          break;
      }
      if (chompStart === 0) {
        const value2 = header.chomp === "+" && lines.length > 0 ? "\n".repeat(Math.max(1, lines.length - 1)) : "";
        let end2 = start + header.length;
        if (scalar.source)
          end2 += scalar.source.length;
        return { value: value2, type, comment: header.comment, range: [start, end2, end2] };
      }
      let trimIndent = scalar.indent + header.indent;
      let offset = scalar.offset + header.length;
      let contentStart = 0;
      for (let i = 0; i < chompStart; ++i) {
        const [indent, content] = lines[i];
        if (content === "" || content === "\r") {
          if (header.indent === 0 && indent.length > trimIndent)
            trimIndent = indent.length;
        } else {
          if (indent.length < trimIndent) {
            const message = "Block scalars with more-indented leading empty lines must use an explicit indentation indicator";
            onError(offset + indent.length, "MISSING_CHAR", message);
          }
          if (header.indent === 0)
            trimIndent = indent.length;
          contentStart = i;
          if (trimIndent === 0 && !ctx.atRoot) {
            const message = "Block scalar values in collections must be indented";
            onError(offset, "BAD_INDENT", message);
          }
          break;
        }
        offset += indent.length + content.length + 1;
      }
      for (let i = lines.length - 1; i >= chompStart; --i) {
        if (lines[i][0].length > trimIndent)
          chompStart = i + 1;
      }
      let value = "";
      let sep2 = "";
      let prevMoreIndented = false;
      for (let i = 0; i < contentStart; ++i)
        value += lines[i][0].slice(trimIndent) + "\n";
      for (let i = contentStart; i < chompStart; ++i) {
        let [indent, content] = lines[i];
        offset += indent.length + content.length + 1;
        const crlf = content[content.length - 1] === "\r";
        if (crlf)
          content = content.slice(0, -1);
        if (content && indent.length < trimIndent) {
          const src = header.indent ? "explicit indentation indicator" : "first line";
          const message = `Block scalar lines must not be less indented than their ${src}`;
          onError(offset - content.length - (crlf ? 2 : 1), "BAD_INDENT", message);
          indent = "";
        }
        if (type === Scalar.Scalar.BLOCK_LITERAL) {
          value += sep2 + indent.slice(trimIndent) + content;
          sep2 = "\n";
        } else if (indent.length > trimIndent || content[0] === "	") {
          if (sep2 === " ")
            sep2 = "\n";
          else if (!prevMoreIndented && sep2 === "\n")
            sep2 = "\n\n";
          value += sep2 + indent.slice(trimIndent) + content;
          sep2 = "\n";
          prevMoreIndented = true;
        } else if (content === "") {
          if (sep2 === "\n")
            value += "\n";
          else
            sep2 = "\n";
        } else {
          value += sep2 + content;
          sep2 = " ";
          prevMoreIndented = false;
        }
      }
      switch (header.chomp) {
        case "-":
          break;
        case "+":
          for (let i = chompStart; i < lines.length; ++i)
            value += "\n" + lines[i][0].slice(trimIndent);
          if (value[value.length - 1] !== "\n")
            value += "\n";
          break;
        default:
          value += "\n";
      }
      const end = start + header.length + scalar.source.length;
      return { value, type, comment: header.comment, range: [start, end, end] };
    }
    function parseBlockScalarHeader({ offset, props }, strict, onError) {
      if (props[0].type !== "block-scalar-header") {
        onError(props[0], "IMPOSSIBLE", "Block scalar header not found");
        return null;
      }
      const { source } = props[0];
      const mode = source[0];
      let indent = 0;
      let chomp = "";
      let error = -1;
      for (let i = 1; i < source.length; ++i) {
        const ch = source[i];
        if (!chomp && (ch === "-" || ch === "+"))
          chomp = ch;
        else {
          const n = Number(ch);
          if (!indent && n)
            indent = n;
          else if (error === -1)
            error = offset + i;
        }
      }
      if (error !== -1)
        onError(error, "UNEXPECTED_TOKEN", `Block scalar header includes extra characters: ${source}`);
      let hasSpace = false;
      let comment = "";
      let length = source.length;
      for (let i = 1; i < props.length; ++i) {
        const token = props[i];
        switch (token.type) {
          case "space":
            hasSpace = true;
          // fallthrough
          case "newline":
            length += token.source.length;
            break;
          case "comment":
            if (strict && !hasSpace) {
              const message = "Comments must be separated from other tokens by white space characters";
              onError(token, "MISSING_CHAR", message);
            }
            length += token.source.length;
            comment = token.source.substring(1);
            break;
          case "error":
            onError(token, "UNEXPECTED_TOKEN", token.message);
            length += token.source.length;
            break;
          /* istanbul ignore next should not happen */
          default: {
            const message = `Unexpected token in block scalar header: ${token.type}`;
            onError(token, "UNEXPECTED_TOKEN", message);
            const ts = token.source;
            if (ts && typeof ts === "string")
              length += ts.length;
          }
        }
      }
      return { mode, indent, chomp, comment, length };
    }
    function splitLines(source) {
      const split = source.split(/\n( *)/);
      const first = split[0];
      const m = first.match(/^( *)/);
      const line0 = m?.[1] ? [m[1], first.slice(m[1].length)] : ["", first];
      const lines = [line0];
      for (let i = 1; i < split.length; i += 2)
        lines.push([split[i], split[i + 1]]);
      return lines;
    }
    exports.resolveBlockScalar = resolveBlockScalar;
  }
});

// node_modules/yaml/dist/compose/resolve-flow-scalar.js
var require_resolve_flow_scalar = __commonJS({
  "node_modules/yaml/dist/compose/resolve-flow-scalar.js"(exports) {
    "use strict";
    var Scalar = require_Scalar();
    var resolveEnd = require_resolve_end();
    function resolveFlowScalar(scalar, strict, onError) {
      const { offset, type, source, end } = scalar;
      let _type;
      let value;
      const _onError = (rel, code, msg) => onError(offset + rel, code, msg);
      switch (type) {
        case "scalar":
          _type = Scalar.Scalar.PLAIN;
          value = plainValue(source, _onError);
          break;
        case "single-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_SINGLE;
          value = singleQuotedValue(source, _onError);
          break;
        case "double-quoted-scalar":
          _type = Scalar.Scalar.QUOTE_DOUBLE;
          value = doubleQuotedValue(source, _onError);
          break;
        /* istanbul ignore next should not happen */
        default:
          onError(scalar, "UNEXPECTED_TOKEN", `Expected a flow scalar value, but found: ${type}`);
          return {
            value: "",
            type: null,
            comment: "",
            range: [offset, offset + source.length, offset + source.length]
          };
      }
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, strict, onError);
      return {
        value,
        type: _type,
        comment: re.comment,
        range: [offset, valueEnd, re.offset]
      };
    }
    function plainValue(source, onError) {
      let badChar = "";
      switch (source[0]) {
        /* istanbul ignore next should not happen */
        case "	":
          badChar = "a tab character";
          break;
        case ",":
          badChar = "flow indicator character ,";
          break;
        case "%":
          badChar = "directive indicator character %";
          break;
        case "|":
        case ">": {
          badChar = `block scalar indicator ${source[0]}`;
          break;
        }
        case "@":
        case "`": {
          badChar = `reserved character ${source[0]}`;
          break;
        }
      }
      if (badChar)
        onError(0, "BAD_SCALAR_START", `Plain value cannot start with ${badChar}`);
      return unfoldLines(source);
    }
    function singleQuotedValue(source, onError) {
      if (source[source.length - 1] !== "'" || source.length === 1)
        onError(source.length, "MISSING_CHAR", "Missing closing 'quote");
      return unfoldLines(source.slice(1, -1)).replace(/''/g, "'");
    }
    function unfoldLines(source) {
      const line = /(.*?)\r?\n/sy;
      let match = line.exec(source);
      if (!match)
        return source;
      let trimEnd, trimBoth;
      try {
        trimEnd = new RegExp("(?<![ 	])[ 	]+$");
        trimBoth = new RegExp("^[ 	]+|(?<![ 	])[ 	]+$", "g");
      } catch {
        trimEnd = /[ \t]+$/;
        trimBoth = /^[ \t]+|[ \t]+$/g;
      }
      let res = match[1].replace(trimEnd, "");
      let sep2 = " ";
      let pos = line.lastIndex;
      while (match = line.exec(source)) {
        const lm = match[1].replace(trimBoth, "");
        if (lm === "") {
          if (sep2 === "\n")
            res += sep2;
          else
            sep2 = "\n";
        } else {
          res += sep2 + lm;
          sep2 = " ";
        }
        pos = line.lastIndex;
      }
      const last = /[ \t]*(.*)/sy;
      last.lastIndex = pos;
      match = last.exec(source);
      return res + sep2 + (match?.[1] ?? "");
    }
    function doubleQuotedValue(source, onError) {
      let res = "";
      for (let i = 1; i < source.length - 1; ++i) {
        const ch = source[i];
        if (ch === "\r" && source[i + 1] === "\n")
          continue;
        if (ch === "\n") {
          const { fold, offset } = foldNewline(source, i);
          res += fold;
          i = offset;
        } else if (ch === "\\") {
          let next = source[++i];
          const cc = escapeCodes[next];
          if (cc)
            res += cc;
          else if (next === "\n") {
            next = source[i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "\r" && source[i + 1] === "\n") {
            next = source[++i + 1];
            while (next === " " || next === "	")
              next = source[++i + 1];
          } else if (next === "x" || next === "u" || next === "U") {
            const length = next === "x" ? 2 : next === "u" ? 4 : 8;
            res += parseCharCode(source, i + 1, length, onError);
            i += length;
          } else {
            const raw = source.substr(i - 1, 2);
            onError(i - 1, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
            res += raw;
          }
        } else if (ch === " " || ch === "	") {
          const wsStart = i;
          let next = source[i + 1];
          while (next === " " || next === "	")
            next = source[++i + 1];
          if (next !== "\n" && !(next === "\r" && source[i + 2] === "\n"))
            res += i > wsStart ? source.slice(wsStart, i + 1) : ch;
        } else {
          res += ch;
        }
      }
      if (source[source.length - 1] !== '"' || source.length === 1)
        onError(source.length, "MISSING_CHAR", 'Missing closing "quote');
      return res;
    }
    function foldNewline(source, offset) {
      let fold = "";
      let ch = source[offset + 1];
      while (ch === " " || ch === "	" || ch === "\n" || ch === "\r") {
        if (ch === "\r" && source[offset + 2] !== "\n")
          break;
        if (ch === "\n")
          fold += "\n";
        offset += 1;
        ch = source[offset + 1];
      }
      if (!fold)
        fold = " ";
      return { fold, offset };
    }
    var escapeCodes = {
      "0": "\0",
      // null character
      a: "\x07",
      // bell character
      b: "\b",
      // backspace
      e: "\x1B",
      // escape character
      f: "\f",
      // form feed
      n: "\n",
      // line feed
      r: "\r",
      // carriage return
      t: "	",
      // horizontal tab
      v: "\v",
      // vertical tab
      N: "\x85",
      // Unicode next line
      _: "\xA0",
      // Unicode non-breaking space
      L: "\u2028",
      // Unicode line separator
      P: "\u2029",
      // Unicode paragraph separator
      " ": " ",
      '"': '"',
      "/": "/",
      "\\": "\\",
      "	": "	"
    };
    function parseCharCode(source, offset, length, onError) {
      const cc = source.substr(offset, length);
      const ok = cc.length === length && /^[0-9a-fA-F]+$/.test(cc);
      const code = ok ? parseInt(cc, 16) : NaN;
      try {
        return String.fromCodePoint(code);
      } catch {
        const raw = source.substr(offset - 2, length + 2);
        onError(offset - 2, "BAD_DQ_ESCAPE", `Invalid escape sequence ${raw}`);
        return raw;
      }
    }
    exports.resolveFlowScalar = resolveFlowScalar;
  }
});

// node_modules/yaml/dist/compose/compose-scalar.js
var require_compose_scalar = __commonJS({
  "node_modules/yaml/dist/compose/compose-scalar.js"(exports) {
    "use strict";
    var identity = require_identity();
    var Scalar = require_Scalar();
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    function composeScalar(ctx, token, tagToken, onError) {
      const { value, type, comment, range } = token.type === "block-scalar" ? resolveBlockScalar.resolveBlockScalar(ctx, token, onError) : resolveFlowScalar.resolveFlowScalar(token, ctx.options.strict, onError);
      const tagName = tagToken ? ctx.directives.tagName(tagToken.source, (msg) => onError(tagToken, "TAG_RESOLVE_FAILED", msg)) : null;
      let tag;
      if (ctx.options.stringKeys && ctx.atKey) {
        tag = ctx.schema[identity.SCALAR];
      } else if (tagName)
        tag = findScalarTagByName(ctx.schema, value, tagName, tagToken, onError);
      else if (token.type === "scalar")
        tag = findScalarTagByTest(ctx, value, token, onError);
      else
        tag = ctx.schema[identity.SCALAR];
      let scalar;
      try {
        const res = tag.resolve(value, (msg) => onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg), ctx.options);
        scalar = identity.isScalar(res) ? res : new Scalar.Scalar(res);
      } catch (error) {
        const msg = error instanceof Error ? error.message : String(error);
        onError(tagToken ?? token, "TAG_RESOLVE_FAILED", msg);
        scalar = new Scalar.Scalar(value);
      }
      scalar.range = range;
      scalar.source = value;
      if (type)
        scalar.type = type;
      if (tagName)
        scalar.tag = tagName;
      if (tag.format)
        scalar.format = tag.format;
      if (comment)
        scalar.comment = comment;
      return scalar;
    }
    function findScalarTagByName(schema, value, tagName, tagToken, onError) {
      if (tagName === "!")
        return schema[identity.SCALAR];
      const matchWithTest = [];
      for (const tag of schema.tags) {
        if (!tag.collection && tag.tag === tagName) {
          if (tag.default && tag.test)
            matchWithTest.push(tag);
          else
            return tag;
        }
      }
      for (const tag of matchWithTest)
        if (tag.test?.test(value))
          return tag;
      const kt = schema.knownTags[tagName];
      if (kt && !kt.collection) {
        schema.tags.push(Object.assign({}, kt, { default: false, test: void 0 }));
        return kt;
      }
      onError(tagToken, "TAG_RESOLVE_FAILED", `Unresolved tag: ${tagName}`, tagName !== "tag:yaml.org,2002:str");
      return schema[identity.SCALAR];
    }
    function findScalarTagByTest({ atKey, directives, schema }, value, token, onError) {
      const tag = schema.tags.find((tag2) => (tag2.default === true || atKey && tag2.default === "key") && tag2.test?.test(value)) || schema[identity.SCALAR];
      if (schema.compat) {
        const compat = schema.compat.find((tag2) => tag2.default && tag2.test?.test(value)) ?? schema[identity.SCALAR];
        if (tag.tag !== compat.tag) {
          const ts = directives.tagString(tag.tag);
          const cs = directives.tagString(compat.tag);
          const msg = `Value may be parsed as either ${ts} or ${cs}`;
          onError(token, "TAG_RESOLVE_FAILED", msg, true);
        }
      }
      return tag;
    }
    exports.composeScalar = composeScalar;
  }
});

// node_modules/yaml/dist/compose/util-empty-scalar-position.js
var require_util_empty_scalar_position = __commonJS({
  "node_modules/yaml/dist/compose/util-empty-scalar-position.js"(exports) {
    "use strict";
    function emptyScalarPosition(offset, before, pos) {
      if (before) {
        pos ?? (pos = before.length);
        for (let i = pos - 1; i >= 0; --i) {
          let st = before[i];
          switch (st.type) {
            case "space":
            case "comment":
            case "newline":
              offset -= st.source.length;
              continue;
          }
          st = before[++i];
          while (st?.type === "space") {
            offset += st.source.length;
            st = before[++i];
          }
          break;
        }
      }
      return offset;
    }
    exports.emptyScalarPosition = emptyScalarPosition;
  }
});

// node_modules/yaml/dist/compose/compose-node.js
var require_compose_node = __commonJS({
  "node_modules/yaml/dist/compose/compose-node.js"(exports) {
    "use strict";
    var Alias = require_Alias();
    var identity = require_identity();
    var composeCollection = require_compose_collection();
    var composeScalar = require_compose_scalar();
    var resolveEnd = require_resolve_end();
    var utilEmptyScalarPosition = require_util_empty_scalar_position();
    var CN = { composeNode, composeEmptyNode };
    function composeNode(ctx, token, props, onError) {
      const atKey = ctx.atKey;
      const { spaceBefore, comment, anchor, tag } = props;
      let node;
      let isSrcToken = true;
      switch (token.type) {
        case "alias":
          node = composeAlias(ctx, token, onError);
          if (anchor || tag)
            onError(token, "ALIAS_PROPS", "An alias node must not specify any properties");
          break;
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "block-scalar":
          node = composeScalar.composeScalar(ctx, token, tag, onError);
          if (anchor)
            node.anchor = anchor.source.substring(1);
          break;
        case "block-map":
        case "block-seq":
        case "flow-collection":
          try {
            node = composeCollection.composeCollection(CN, ctx, token, props, onError);
            if (anchor)
              node.anchor = anchor.source.substring(1);
          } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            onError(token, "RESOURCE_EXHAUSTION", message);
          }
          break;
        default: {
          const message = token.type === "error" ? token.message : `Unsupported token (type: ${token.type})`;
          onError(token, "UNEXPECTED_TOKEN", message);
          isSrcToken = false;
        }
      }
      node ?? (node = composeEmptyNode(ctx, token.offset, void 0, null, props, onError));
      if (anchor && node.anchor === "")
        onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      if (atKey && ctx.options.stringKeys && (!identity.isScalar(node) || typeof node.value !== "string" || node.tag && node.tag !== "tag:yaml.org,2002:str")) {
        const msg = "With stringKeys, all keys must be strings";
        onError(tag ?? token, "NON_STRING_KEY", msg);
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        if (token.type === "scalar" && token.source === "")
          node.comment = comment;
        else
          node.commentBefore = comment;
      }
      if (ctx.options.keepSourceTokens && isSrcToken)
        node.srcToken = token;
      return node;
    }
    function composeEmptyNode(ctx, offset, before, pos, { spaceBefore, comment, anchor, tag, end }, onError) {
      const token = {
        type: "scalar",
        offset: utilEmptyScalarPosition.emptyScalarPosition(offset, before, pos),
        indent: -1,
        source: ""
      };
      const node = composeScalar.composeScalar(ctx, token, tag, onError);
      if (anchor) {
        node.anchor = anchor.source.substring(1);
        if (node.anchor === "")
          onError(anchor, "BAD_ALIAS", "Anchor cannot be an empty string");
      }
      if (spaceBefore)
        node.spaceBefore = true;
      if (comment) {
        node.comment = comment;
        node.range[2] = end;
      }
      return node;
    }
    function composeAlias({ options }, { offset, source, end }, onError) {
      const alias = new Alias.Alias(source.substring(1));
      if (alias.source === "")
        onError(offset, "BAD_ALIAS", "Alias cannot be an empty string");
      if (alias.source.endsWith(":"))
        onError(offset + source.length - 1, "BAD_ALIAS", "Alias ending in : is ambiguous", true);
      const valueEnd = offset + source.length;
      const re = resolveEnd.resolveEnd(end, valueEnd, options.strict, onError);
      alias.range = [offset, valueEnd, re.offset];
      if (re.comment)
        alias.comment = re.comment;
      return alias;
    }
    exports.composeEmptyNode = composeEmptyNode;
    exports.composeNode = composeNode;
  }
});

// node_modules/yaml/dist/compose/compose-doc.js
var require_compose_doc = __commonJS({
  "node_modules/yaml/dist/compose/compose-doc.js"(exports) {
    "use strict";
    var Document = require_Document();
    var composeNode = require_compose_node();
    var resolveEnd = require_resolve_end();
    var resolveProps = require_resolve_props();
    function composeDoc(options, directives, { offset, start, value, end }, onError) {
      const opts = Object.assign({ _directives: directives }, options);
      const doc = new Document.Document(void 0, opts);
      const ctx = {
        atKey: false,
        atRoot: true,
        directives: doc.directives,
        options: doc.options,
        schema: doc.schema
      };
      const props = resolveProps.resolveProps(start, {
        indicator: "doc-start",
        next: value ?? end?.[0],
        offset,
        onError,
        parentIndent: 0,
        startOnNewline: true
      });
      if (props.found) {
        doc.directives.docStart = true;
        if (value && (value.type === "block-map" || value.type === "block-seq") && !props.hasNewline)
          onError(props.end, "MISSING_CHAR", "Block collection cannot start on same line with directives-end marker");
      }
      doc.contents = value ? composeNode.composeNode(ctx, value, props, onError) : composeNode.composeEmptyNode(ctx, props.end, start, null, props, onError);
      const contentEnd = doc.contents.range[2];
      const re = resolveEnd.resolveEnd(end, contentEnd, false, onError);
      if (re.comment)
        doc.comment = re.comment;
      doc.range = [offset, contentEnd, re.offset];
      return doc;
    }
    exports.composeDoc = composeDoc;
  }
});

// node_modules/yaml/dist/compose/composer.js
var require_composer = __commonJS({
  "node_modules/yaml/dist/compose/composer.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var directives = require_directives();
    var Document = require_Document();
    var errors = require_errors();
    var identity = require_identity();
    var composeDoc = require_compose_doc();
    var resolveEnd = require_resolve_end();
    function getErrorPos(src) {
      if (typeof src === "number")
        return [src, src + 1];
      if (Array.isArray(src))
        return src.length === 2 ? src : [src[0], src[1]];
      const { offset, source } = src;
      return [offset, offset + (typeof source === "string" ? source.length : 1)];
    }
    function parsePrelude(prelude) {
      let comment = "";
      let atComment = false;
      let afterEmptyLine = false;
      for (let i = 0; i < prelude.length; ++i) {
        const source = prelude[i];
        switch (source[0]) {
          case "#":
            comment += (comment === "" ? "" : afterEmptyLine ? "\n\n" : "\n") + (source.substring(1) || " ");
            atComment = true;
            afterEmptyLine = false;
            break;
          case "%":
            if (prelude[i + 1]?.[0] !== "#")
              i += 1;
            atComment = false;
            break;
          default:
            if (!atComment)
              afterEmptyLine = true;
            atComment = false;
        }
      }
      return { comment, afterEmptyLine };
    }
    var Composer = class {
      constructor(options = {}) {
        this.doc = null;
        this.atDirectives = false;
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
        this.onError = (source, code, message, warning) => {
          const pos = getErrorPos(source);
          if (warning)
            this.warnings.push(new errors.YAMLWarning(pos, code, message));
          else
            this.errors.push(new errors.YAMLParseError(pos, code, message));
        };
        this.directives = new directives.Directives({ version: options.version || "1.2" });
        this.options = options;
      }
      decorate(doc, afterDoc) {
        const { comment, afterEmptyLine } = parsePrelude(this.prelude);
        if (comment) {
          const dc = doc.contents;
          if (afterDoc) {
            doc.comment = doc.comment ? `${doc.comment}
${comment}` : comment;
          } else if (afterEmptyLine || doc.directives.docStart || !dc) {
            doc.commentBefore = comment;
          } else if (identity.isCollection(dc) && !dc.flow && dc.items.length > 0) {
            let it = dc.items[0];
            if (identity.isPair(it))
              it = it.key;
            const cb = it.commentBefore;
            it.commentBefore = cb ? `${comment}
${cb}` : comment;
          } else {
            const cb = dc.commentBefore;
            dc.commentBefore = cb ? `${comment}
${cb}` : comment;
          }
        }
        if (afterDoc) {
          for (let i = 0; i < this.errors.length; ++i)
            doc.errors.push(this.errors[i]);
          for (let i = 0; i < this.warnings.length; ++i)
            doc.warnings.push(this.warnings[i]);
        } else {
          doc.errors = this.errors;
          doc.warnings = this.warnings;
        }
        this.prelude = [];
        this.errors = [];
        this.warnings = [];
      }
      /**
       * Current stream status information.
       *
       * Mostly useful at the end of input for an empty stream.
       */
      streamInfo() {
        return {
          comment: parsePrelude(this.prelude).comment,
          directives: this.directives,
          errors: this.errors,
          warnings: this.warnings
        };
      }
      /**
       * Compose tokens into documents.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *compose(tokens, forceDoc = false, endOffset = -1) {
        for (const token of tokens)
          yield* this.next(token);
        yield* this.end(forceDoc, endOffset);
      }
      /** Advance the composer by one CST token. */
      *next(token) {
        if (node_process.env.LOG_STREAM)
          console.dir(token, { depth: null });
        switch (token.type) {
          case "directive":
            this.directives.add(token.source, (offset, message, warning) => {
              const pos = getErrorPos(token);
              pos[0] += offset;
              this.onError(pos, "BAD_DIRECTIVE", message, warning);
            });
            this.prelude.push(token.source);
            this.atDirectives = true;
            break;
          case "document": {
            const doc = composeDoc.composeDoc(this.options, this.directives, token, this.onError);
            if (this.atDirectives && !doc.directives.docStart)
              this.onError(token, "MISSING_CHAR", "Missing directives-end/doc-start indicator line");
            this.decorate(doc, false);
            if (this.doc)
              yield this.doc;
            this.doc = doc;
            this.atDirectives = false;
            break;
          }
          case "byte-order-mark":
          case "space":
            break;
          case "comment":
          case "newline":
            this.prelude.push(token.source);
            break;
          case "error": {
            const msg = token.source ? `${token.message}: ${JSON.stringify(token.source)}` : token.message;
            const error = new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg);
            if (this.atDirectives || !this.doc)
              this.errors.push(error);
            else
              this.doc.errors.push(error);
            break;
          }
          case "doc-end": {
            if (!this.doc) {
              const msg = "Unexpected doc-end without preceding document";
              this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", msg));
              break;
            }
            this.doc.directives.docEnd = true;
            const end = resolveEnd.resolveEnd(token.end, token.offset + token.source.length, this.doc.options.strict, this.onError);
            this.decorate(this.doc, true);
            if (end.comment) {
              const dc = this.doc.comment;
              this.doc.comment = dc ? `${dc}
${end.comment}` : end.comment;
            }
            this.doc.range[2] = end.offset;
            break;
          }
          default:
            this.errors.push(new errors.YAMLParseError(getErrorPos(token), "UNEXPECTED_TOKEN", `Unsupported token ${token.type}`));
        }
      }
      /**
       * Call at end of input to yield any remaining document.
       *
       * @param forceDoc - If the stream contains no document, still emit a final document including any comments and directives that would be applied to a subsequent document.
       * @param endOffset - Should be set if `forceDoc` is also set, to set the document range end and to indicate errors correctly.
       */
      *end(forceDoc = false, endOffset = -1) {
        if (this.doc) {
          this.decorate(this.doc, true);
          yield this.doc;
          this.doc = null;
        } else if (forceDoc) {
          const opts = Object.assign({ _directives: this.directives }, this.options);
          const doc = new Document.Document(void 0, opts);
          if (this.atDirectives)
            this.onError(endOffset, "MISSING_CHAR", "Missing directives-end indicator line");
          doc.range = [0, endOffset, endOffset];
          this.decorate(doc, false);
          yield doc;
        }
      }
    };
    exports.Composer = Composer;
  }
});

// node_modules/yaml/dist/parse/cst-scalar.js
var require_cst_scalar = __commonJS({
  "node_modules/yaml/dist/parse/cst-scalar.js"(exports) {
    "use strict";
    var resolveBlockScalar = require_resolve_block_scalar();
    var resolveFlowScalar = require_resolve_flow_scalar();
    var errors = require_errors();
    var stringifyString = require_stringifyString();
    function resolveAsScalar(token, strict = true, onError) {
      if (token) {
        const _onError = (pos, code, message) => {
          const offset = typeof pos === "number" ? pos : Array.isArray(pos) ? pos[0] : pos.offset;
          if (onError)
            onError(offset, code, message);
          else
            throw new errors.YAMLParseError([offset, offset + 1], code, message);
        };
        switch (token.type) {
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return resolveFlowScalar.resolveFlowScalar(token, strict, _onError);
          case "block-scalar":
            return resolveBlockScalar.resolveBlockScalar({ options: { strict } }, token, _onError);
        }
      }
      return null;
    }
    function createScalarToken(value, context) {
      const { implicitKey = false, indent, inFlow = false, offset = -1, type = "PLAIN" } = context;
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey,
        indent: indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      const end = context.end ?? [
        { type: "newline", offset: -1, indent, source: "\n" }
      ];
      switch (source[0]) {
        case "|":
        case ">": {
          const he = source.indexOf("\n");
          const head = source.substring(0, he);
          const body = source.substring(he + 1) + "\n";
          const props = [
            { type: "block-scalar-header", offset, indent, source: head }
          ];
          if (!addEndtoBlockProps(props, end))
            props.push({ type: "newline", offset: -1, indent, source: "\n" });
          return { type: "block-scalar", offset, indent, props, source: body };
        }
        case '"':
          return { type: "double-quoted-scalar", offset, indent, source, end };
        case "'":
          return { type: "single-quoted-scalar", offset, indent, source, end };
        default:
          return { type: "scalar", offset, indent, source, end };
      }
    }
    function setScalarValue(token, value, context = {}) {
      let { afterKey = false, implicitKey = false, inFlow = false, type } = context;
      let indent = "indent" in token ? token.indent : null;
      if (afterKey && typeof indent === "number")
        indent += 2;
      if (!type)
        switch (token.type) {
          case "single-quoted-scalar":
            type = "QUOTE_SINGLE";
            break;
          case "double-quoted-scalar":
            type = "QUOTE_DOUBLE";
            break;
          case "block-scalar": {
            const header = token.props[0];
            if (header.type !== "block-scalar-header")
              throw new Error("Invalid block scalar header");
            type = header.source[0] === ">" ? "BLOCK_FOLDED" : "BLOCK_LITERAL";
            break;
          }
          default:
            type = "PLAIN";
        }
      const source = stringifyString.stringifyString({ type, value }, {
        implicitKey: implicitKey || indent === null,
        indent: indent !== null && indent > 0 ? " ".repeat(indent) : "",
        inFlow,
        options: { blockQuote: true, lineWidth: -1 }
      });
      switch (source[0]) {
        case "|":
        case ">":
          setBlockScalarValue(token, source);
          break;
        case '"':
          setFlowScalarValue(token, source, "double-quoted-scalar");
          break;
        case "'":
          setFlowScalarValue(token, source, "single-quoted-scalar");
          break;
        default:
          setFlowScalarValue(token, source, "scalar");
      }
    }
    function setBlockScalarValue(token, source) {
      const he = source.indexOf("\n");
      const head = source.substring(0, he);
      const body = source.substring(he + 1) + "\n";
      if (token.type === "block-scalar") {
        const header = token.props[0];
        if (header.type !== "block-scalar-header")
          throw new Error("Invalid block scalar header");
        header.source = head;
        token.source = body;
      } else {
        const { offset } = token;
        const indent = "indent" in token ? token.indent : -1;
        const props = [
          { type: "block-scalar-header", offset, indent, source: head }
        ];
        if (!addEndtoBlockProps(props, "end" in token ? token.end : void 0))
          props.push({ type: "newline", offset: -1, indent, source: "\n" });
        for (const key2 of Object.keys(token))
          if (key2 !== "type" && key2 !== "offset")
            delete token[key2];
        Object.assign(token, { type: "block-scalar", indent, props, source: body });
      }
    }
    function addEndtoBlockProps(props, end) {
      if (end)
        for (const st of end)
          switch (st.type) {
            case "space":
            case "comment":
              props.push(st);
              break;
            case "newline":
              props.push(st);
              return true;
          }
      return false;
    }
    function setFlowScalarValue(token, source, type) {
      switch (token.type) {
        case "scalar":
        case "double-quoted-scalar":
        case "single-quoted-scalar":
          token.type = type;
          token.source = source;
          break;
        case "block-scalar": {
          const end = token.props.slice(1);
          let oa = source.length;
          if (token.props[0].type === "block-scalar-header")
            oa -= token.props[0].source.length;
          for (const tok of end)
            tok.offset += oa;
          delete token.props;
          Object.assign(token, { type, source, end });
          break;
        }
        case "block-map":
        case "block-seq": {
          const offset = token.offset + source.length;
          const nl = { type: "newline", offset, indent: token.indent, source: "\n" };
          delete token.items;
          Object.assign(token, { type, source, end: [nl] });
          break;
        }
        default: {
          const indent = "indent" in token ? token.indent : -1;
          const end = "end" in token && Array.isArray(token.end) ? token.end.filter((st) => st.type === "space" || st.type === "comment" || st.type === "newline") : [];
          for (const key2 of Object.keys(token))
            if (key2 !== "type" && key2 !== "offset")
              delete token[key2];
          Object.assign(token, { type, indent, source, end });
        }
      }
    }
    exports.createScalarToken = createScalarToken;
    exports.resolveAsScalar = resolveAsScalar;
    exports.setScalarValue = setScalarValue;
  }
});

// node_modules/yaml/dist/parse/cst-stringify.js
var require_cst_stringify = __commonJS({
  "node_modules/yaml/dist/parse/cst-stringify.js"(exports) {
    "use strict";
    var stringify = (cst) => "type" in cst ? stringifyToken(cst) : stringifyItem(cst);
    function stringifyToken(token) {
      switch (token.type) {
        case "block-scalar": {
          let res = "";
          for (const tok of token.props)
            res += stringifyToken(tok);
          return res + token.source;
        }
        case "block-map":
        case "block-seq": {
          let res = "";
          for (const item of token.items)
            res += stringifyItem(item);
          return res;
        }
        case "flow-collection": {
          let res = token.start.source;
          for (const item of token.items)
            res += stringifyItem(item);
          for (const st of token.end)
            res += st.source;
          return res;
        }
        case "document": {
          let res = stringifyItem(token);
          if (token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
        default: {
          let res = token.source;
          if ("end" in token && token.end)
            for (const st of token.end)
              res += st.source;
          return res;
        }
      }
    }
    function stringifyItem({ start, key: key2, sep: sep2, value }) {
      let res = "";
      for (const st of start)
        res += st.source;
      if (key2)
        res += stringifyToken(key2);
      if (sep2)
        for (const st of sep2)
          res += st.source;
      if (value)
        res += stringifyToken(value);
      return res;
    }
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/parse/cst-visit.js
var require_cst_visit = __commonJS({
  "node_modules/yaml/dist/parse/cst-visit.js"(exports) {
    "use strict";
    var BREAK = /* @__PURE__ */ Symbol("break visit");
    var SKIP = /* @__PURE__ */ Symbol("skip children");
    var REMOVE = /* @__PURE__ */ Symbol("remove item");
    function visit(cst, visitor) {
      if ("type" in cst && cst.type === "document")
        cst = { start: cst.start, value: cst.value };
      _visit(Object.freeze([]), cst, visitor);
    }
    visit.BREAK = BREAK;
    visit.SKIP = SKIP;
    visit.REMOVE = REMOVE;
    visit.itemAtPath = (cst, path) => {
      let item = cst;
      for (const [field, index] of path) {
        const tok = item?.[field];
        if (tok && "items" in tok) {
          item = tok.items[index];
        } else
          return void 0;
      }
      return item;
    };
    visit.parentCollection = (cst, path) => {
      const parent = visit.itemAtPath(cst, path.slice(0, -1));
      const field = path[path.length - 1][0];
      const coll = parent?.[field];
      if (coll && "items" in coll)
        return coll;
      throw new Error("Parent collection not found");
    };
    function _visit(path, item, visitor) {
      let ctrl = visitor(item, path);
      if (typeof ctrl === "symbol")
        return ctrl;
      for (const field of ["key", "value"]) {
        const token = item[field];
        if (token && "items" in token) {
          for (let i = 0; i < token.items.length; ++i) {
            const ci = _visit(Object.freeze(path.concat([[field, i]])), token.items[i], visitor);
            if (typeof ci === "number")
              i = ci - 1;
            else if (ci === BREAK)
              return BREAK;
            else if (ci === REMOVE) {
              token.items.splice(i, 1);
              i -= 1;
            }
          }
          if (typeof ctrl === "function" && field === "key")
            ctrl = ctrl(item, path);
        }
      }
      return typeof ctrl === "function" ? ctrl(item, path) : ctrl;
    }
    exports.visit = visit;
  }
});

// node_modules/yaml/dist/parse/cst.js
var require_cst = __commonJS({
  "node_modules/yaml/dist/parse/cst.js"(exports) {
    "use strict";
    var cstScalar = require_cst_scalar();
    var cstStringify = require_cst_stringify();
    var cstVisit = require_cst_visit();
    var BOM = "\uFEFF";
    var DOCUMENT = "";
    var FLOW_END = "";
    var SCALAR = "";
    var isCollection = (token) => !!token && "items" in token;
    var isScalar = (token) => !!token && (token.type === "scalar" || token.type === "single-quoted-scalar" || token.type === "double-quoted-scalar" || token.type === "block-scalar");
    function prettyToken(token) {
      switch (token) {
        case BOM:
          return "<BOM>";
        case DOCUMENT:
          return "<DOC>";
        case FLOW_END:
          return "<FLOW_END>";
        case SCALAR:
          return "<SCALAR>";
        default:
          return JSON.stringify(token);
      }
    }
    function tokenType(source) {
      switch (source) {
        case BOM:
          return "byte-order-mark";
        case DOCUMENT:
          return "doc-mode";
        case FLOW_END:
          return "flow-error-end";
        case SCALAR:
          return "scalar";
        case "---":
          return "doc-start";
        case "...":
          return "doc-end";
        case "":
        case "\n":
        case "\r\n":
          return "newline";
        case "-":
          return "seq-item-ind";
        case "?":
          return "explicit-key-ind";
        case ":":
          return "map-value-ind";
        case "{":
          return "flow-map-start";
        case "}":
          return "flow-map-end";
        case "[":
          return "flow-seq-start";
        case "]":
          return "flow-seq-end";
        case ",":
          return "comma";
      }
      switch (source[0]) {
        case " ":
        case "	":
          return "space";
        case "#":
          return "comment";
        case "%":
          return "directive-line";
        case "*":
          return "alias";
        case "&":
          return "anchor";
        case "!":
          return "tag";
        case "'":
          return "single-quoted-scalar";
        case '"':
          return "double-quoted-scalar";
        case "|":
        case ">":
          return "block-scalar-header";
      }
      return null;
    }
    exports.createScalarToken = cstScalar.createScalarToken;
    exports.resolveAsScalar = cstScalar.resolveAsScalar;
    exports.setScalarValue = cstScalar.setScalarValue;
    exports.stringify = cstStringify.stringify;
    exports.visit = cstVisit.visit;
    exports.BOM = BOM;
    exports.DOCUMENT = DOCUMENT;
    exports.FLOW_END = FLOW_END;
    exports.SCALAR = SCALAR;
    exports.isCollection = isCollection;
    exports.isScalar = isScalar;
    exports.prettyToken = prettyToken;
    exports.tokenType = tokenType;
  }
});

// node_modules/yaml/dist/parse/lexer.js
var require_lexer = __commonJS({
  "node_modules/yaml/dist/parse/lexer.js"(exports) {
    "use strict";
    var cst = require_cst();
    function isEmpty(ch) {
      switch (ch) {
        case void 0:
        case " ":
        case "\n":
        case "\r":
        case "	":
          return true;
        default:
          return false;
      }
    }
    var hexDigits = new Set("0123456789ABCDEFabcdef");
    var tagChars = new Set("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-#;/?:@&=+$_.!~*'()");
    var flowIndicatorChars = new Set(",[]{}");
    var invalidAnchorChars = new Set(" ,[]{}\n\r	");
    var isNotAnchorChar = (ch) => !ch || invalidAnchorChars.has(ch);
    var Lexer = class {
      constructor() {
        this.atEnd = false;
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        this.buffer = "";
        this.flowKey = false;
        this.flowLevel = 0;
        this.indentNext = 0;
        this.indentValue = 0;
        this.lineEndPos = null;
        this.next = null;
        this.pos = 0;
      }
      /**
       * Generate YAML tokens from the `source` string. If `incomplete`,
       * a part of the last line may be left as a buffer for the next call.
       *
       * @returns A generator of lexical tokens
       */
      *lex(source, incomplete = false) {
        if (source) {
          if (typeof source !== "string")
            throw TypeError("source is not a string");
          this.buffer = this.buffer ? this.buffer + source : source;
          this.lineEndPos = null;
        }
        this.atEnd = !incomplete;
        let next = this.next ?? "stream";
        while (next && (incomplete || this.hasChars(1)))
          next = yield* this.parseNext(next);
      }
      atLineEnd() {
        let i = this.pos;
        let ch = this.buffer[i];
        while (ch === " " || ch === "	")
          ch = this.buffer[++i];
        if (!ch || ch === "#" || ch === "\n")
          return true;
        if (ch === "\r")
          return this.buffer[i + 1] === "\n";
        return false;
      }
      charAt(n) {
        return this.buffer[this.pos + n];
      }
      continueScalar(offset) {
        let ch = this.buffer[offset];
        if (this.indentNext > 0) {
          let indent = 0;
          while (ch === " ")
            ch = this.buffer[++indent + offset];
          if (ch === "\r") {
            const next = this.buffer[indent + offset + 1];
            if (next === "\n" || !next && !this.atEnd)
              return offset + indent + 1;
          }
          return ch === "\n" || indent >= this.indentNext || !ch && !this.atEnd ? offset + indent : -1;
        }
        if (ch === "-" || ch === ".") {
          const dt = this.buffer.substr(offset, 3);
          if ((dt === "---" || dt === "...") && isEmpty(this.buffer[offset + 3]))
            return -1;
        }
        return offset;
      }
      getLine() {
        let end = this.lineEndPos;
        if (typeof end !== "number" || end !== -1 && end < this.pos) {
          end = this.buffer.indexOf("\n", this.pos);
          this.lineEndPos = end;
        }
        if (end === -1)
          return this.atEnd ? this.buffer.substring(this.pos) : null;
        if (this.buffer[end - 1] === "\r")
          end -= 1;
        return this.buffer.substring(this.pos, end);
      }
      hasChars(n) {
        return this.pos + n <= this.buffer.length;
      }
      setNext(state) {
        this.buffer = this.buffer.substring(this.pos);
        this.pos = 0;
        this.lineEndPos = null;
        this.next = state;
        return null;
      }
      peek(n) {
        return this.buffer.substr(this.pos, n);
      }
      *parseNext(next) {
        switch (next) {
          case "stream":
            return yield* this.parseStream();
          case "line-start":
            return yield* this.parseLineStart();
          case "block-start":
            return yield* this.parseBlockStart();
          case "doc":
            return yield* this.parseDocument();
          case "flow":
            return yield* this.parseFlowCollection();
          case "quoted-scalar":
            return yield* this.parseQuotedScalar();
          case "block-scalar":
            return yield* this.parseBlockScalar();
          case "plain-scalar":
            return yield* this.parsePlainScalar();
        }
      }
      *parseStream() {
        let line = this.getLine();
        if (line === null)
          return this.setNext("stream");
        if (line[0] === cst.BOM) {
          yield* this.pushCount(1);
          line = line.substring(1);
        }
        if (line[0] === "%") {
          let dirEnd = line.length;
          let cs = line.indexOf("#");
          while (cs !== -1) {
            const ch = line[cs - 1];
            if (ch === " " || ch === "	") {
              dirEnd = cs - 1;
              break;
            } else {
              cs = line.indexOf("#", cs + 1);
            }
          }
          while (true) {
            const ch = line[dirEnd - 1];
            if (ch === " " || ch === "	")
              dirEnd -= 1;
            else
              break;
          }
          const n = (yield* this.pushCount(dirEnd)) + (yield* this.pushSpaces(true));
          yield* this.pushCount(line.length - n);
          this.pushNewline();
          return "stream";
        }
        if (this.atLineEnd()) {
          const sp = yield* this.pushSpaces(true);
          yield* this.pushCount(line.length - sp);
          yield* this.pushNewline();
          return "stream";
        }
        yield cst.DOCUMENT;
        return yield* this.parseLineStart();
      }
      *parseLineStart() {
        const ch = this.charAt(0);
        if (!ch && !this.atEnd)
          return this.setNext("line-start");
        if (ch === "-" || ch === ".") {
          if (!this.atEnd && !this.hasChars(4))
            return this.setNext("line-start");
          const s = this.peek(3);
          if ((s === "---" || s === "...") && isEmpty(this.charAt(3))) {
            yield* this.pushCount(3);
            this.indentValue = 0;
            this.indentNext = 0;
            return s === "---" ? "doc" : "stream";
          }
        }
        this.indentValue = yield* this.pushSpaces(false);
        if (this.indentNext > this.indentValue && !isEmpty(this.charAt(1)))
          this.indentNext = this.indentValue;
        return yield* this.parseBlockStart();
      }
      *parseBlockStart() {
        const [ch0, ch1] = this.peek(2);
        if (!ch1 && !this.atEnd)
          return this.setNext("block-start");
        if ((ch0 === "-" || ch0 === "?" || ch0 === ":") && isEmpty(ch1)) {
          const n = (yield* this.pushCount(1)) + (yield* this.pushSpaces(true));
          this.indentNext = this.indentValue + 1;
          this.indentValue += n;
          return "block-start";
        }
        return "doc";
      }
      *parseDocument() {
        yield* this.pushSpaces(true);
        const line = this.getLine();
        if (line === null)
          return this.setNext("doc");
        let n = yield* this.pushIndicators();
        switch (line[n]) {
          case "#":
            yield* this.pushCount(line.length - n);
          // fallthrough
          case void 0:
            yield* this.pushNewline();
            return yield* this.parseLineStart();
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel = 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            return "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "doc";
          case '"':
          case "'":
            return yield* this.parseQuotedScalar();
          case "|":
          case ">":
            n += yield* this.parseBlockScalarHeader();
            n += yield* this.pushSpaces(true);
            yield* this.pushCount(line.length - n);
            yield* this.pushNewline();
            return yield* this.parseBlockScalar();
          default:
            return yield* this.parsePlainScalar();
        }
      }
      *parseFlowCollection() {
        let nl, sp;
        let indent = -1;
        do {
          nl = yield* this.pushNewline();
          if (nl > 0) {
            sp = yield* this.pushSpaces(false);
            this.indentValue = indent = sp;
          } else {
            sp = 0;
          }
          sp += yield* this.pushSpaces(true);
        } while (nl + sp > 0);
        const line = this.getLine();
        if (line === null)
          return this.setNext("flow");
        if (indent !== -1 && indent < this.indentNext && line[0] !== "#" || indent === 0 && (line.startsWith("---") || line.startsWith("...")) && isEmpty(line[3])) {
          const atFlowEndMarker = indent === this.indentNext - 1 && this.flowLevel === 1 && (line[0] === "]" || line[0] === "}");
          if (!atFlowEndMarker) {
            this.flowLevel = 0;
            yield cst.FLOW_END;
            return yield* this.parseLineStart();
          }
        }
        let n = 0;
        while (line[n] === ",") {
          n += yield* this.pushCount(1);
          n += yield* this.pushSpaces(true);
          this.flowKey = false;
        }
        n += yield* this.pushIndicators();
        switch (line[n]) {
          case void 0:
            return "flow";
          case "#":
            yield* this.pushCount(line.length - n);
            return "flow";
          case "{":
          case "[":
            yield* this.pushCount(1);
            this.flowKey = false;
            this.flowLevel += 1;
            return "flow";
          case "}":
          case "]":
            yield* this.pushCount(1);
            this.flowKey = true;
            this.flowLevel -= 1;
            return this.flowLevel ? "flow" : "doc";
          case "*":
            yield* this.pushUntil(isNotAnchorChar);
            return "flow";
          case '"':
          case "'":
            this.flowKey = true;
            return yield* this.parseQuotedScalar();
          case ":": {
            const next = this.charAt(1);
            if (this.flowKey || isEmpty(next) || next === ",") {
              this.flowKey = false;
              yield* this.pushCount(1);
              yield* this.pushSpaces(true);
              return "flow";
            }
          }
          // fallthrough
          default:
            this.flowKey = false;
            return yield* this.parsePlainScalar();
        }
      }
      *parseQuotedScalar() {
        const quote = this.charAt(0);
        let end = this.buffer.indexOf(quote, this.pos + 1);
        if (quote === "'") {
          while (end !== -1 && this.buffer[end + 1] === "'")
            end = this.buffer.indexOf("'", end + 2);
        } else {
          while (end !== -1) {
            let n = 0;
            while (this.buffer[end - 1 - n] === "\\")
              n += 1;
            if (n % 2 === 0)
              break;
            end = this.buffer.indexOf('"', end + 1);
          }
        }
        const qb = this.buffer.substring(0, end);
        let nl = qb.indexOf("\n", this.pos);
        if (nl !== -1) {
          while (nl !== -1) {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = qb.indexOf("\n", cs);
          }
          if (nl !== -1) {
            end = nl - (qb[nl - 1] === "\r" ? 2 : 1);
          }
        }
        if (end === -1) {
          if (!this.atEnd)
            return this.setNext("quoted-scalar");
          end = this.buffer.length;
        }
        yield* this.pushToIndex(end + 1, false);
        return this.flowLevel ? "flow" : "doc";
      }
      *parseBlockScalarHeader() {
        this.blockScalarIndent = -1;
        this.blockScalarKeep = false;
        let i = this.pos;
        while (true) {
          const ch = this.buffer[++i];
          if (ch === "+")
            this.blockScalarKeep = true;
          else if (ch > "0" && ch <= "9")
            this.blockScalarIndent = Number(ch) - 1;
          else if (ch !== "-")
            break;
        }
        return yield* this.pushUntil((ch) => isEmpty(ch) || ch === "#");
      }
      *parseBlockScalar() {
        let nl = this.pos - 1;
        let indent = 0;
        let ch;
        loop: for (let i2 = this.pos; ch = this.buffer[i2]; ++i2) {
          switch (ch) {
            case " ":
              indent += 1;
              break;
            case "\n":
              nl = i2;
              indent = 0;
              break;
            case "\r": {
              const next = this.buffer[i2 + 1];
              if (!next && !this.atEnd)
                return this.setNext("block-scalar");
              if (next === "\n")
                break;
            }
            // fallthrough
            default:
              break loop;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("block-scalar");
        if (indent >= this.indentNext) {
          if (this.blockScalarIndent === -1)
            this.indentNext = indent;
          else {
            this.indentNext = this.blockScalarIndent + (this.indentNext === 0 ? 1 : this.indentNext);
          }
          do {
            const cs = this.continueScalar(nl + 1);
            if (cs === -1)
              break;
            nl = this.buffer.indexOf("\n", cs);
          } while (nl !== -1);
          if (nl === -1) {
            if (!this.atEnd)
              return this.setNext("block-scalar");
            nl = this.buffer.length;
          }
        }
        let i = nl + 1;
        ch = this.buffer[i];
        while (ch === " ")
          ch = this.buffer[++i];
        if (ch === "	") {
          while (ch === "	" || ch === " " || ch === "\r" || ch === "\n")
            ch = this.buffer[++i];
          nl = i - 1;
        } else if (!this.blockScalarKeep) {
          do {
            let i2 = nl - 1;
            let ch2 = this.buffer[i2];
            if (ch2 === "\r")
              ch2 = this.buffer[--i2];
            const lastChar = i2;
            while (ch2 === " ")
              ch2 = this.buffer[--i2];
            if (ch2 === "\n" && i2 >= this.pos && i2 + 1 + indent > lastChar)
              nl = i2;
            else
              break;
          } while (true);
        }
        yield cst.SCALAR;
        yield* this.pushToIndex(nl + 1, true);
        return yield* this.parseLineStart();
      }
      *parsePlainScalar() {
        const inFlow = this.flowLevel > 0;
        let end = this.pos - 1;
        let i = this.pos - 1;
        let ch;
        while (ch = this.buffer[++i]) {
          if (ch === ":") {
            const next = this.buffer[i + 1];
            if (isEmpty(next) || inFlow && flowIndicatorChars.has(next))
              break;
            end = i;
          } else if (isEmpty(ch)) {
            let next = this.buffer[i + 1];
            if (ch === "\r") {
              if (next === "\n") {
                i += 1;
                ch = "\n";
                next = this.buffer[i + 1];
              } else
                end = i;
            }
            if (next === "#" || inFlow && flowIndicatorChars.has(next))
              break;
            if (ch === "\n") {
              const cs = this.continueScalar(i + 1);
              if (cs === -1)
                break;
              i = Math.max(i, cs - 2);
            }
          } else {
            if (inFlow && flowIndicatorChars.has(ch))
              break;
            end = i;
          }
        }
        if (!ch && !this.atEnd)
          return this.setNext("plain-scalar");
        yield cst.SCALAR;
        yield* this.pushToIndex(end + 1, true);
        return inFlow ? "flow" : "doc";
      }
      *pushCount(n) {
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos += n;
          return n;
        }
        return 0;
      }
      *pushToIndex(i, allowEmpty) {
        const s = this.buffer.slice(this.pos, i);
        if (s) {
          yield s;
          this.pos += s.length;
          return s.length;
        } else if (allowEmpty)
          yield "";
        return 0;
      }
      *pushIndicators() {
        let n = 0;
        loop: while (true) {
          switch (this.charAt(0)) {
            case "!":
              n += yield* this.pushTag();
              n += yield* this.pushSpaces(true);
              continue loop;
            case "&":
              n += yield* this.pushUntil(isNotAnchorChar);
              n += yield* this.pushSpaces(true);
              continue loop;
            case "-":
            // this is an error
            case "?":
            // this is an error outside flow collections
            case ":": {
              const inFlow = this.flowLevel > 0;
              const ch1 = this.charAt(1);
              if (isEmpty(ch1) || inFlow && flowIndicatorChars.has(ch1)) {
                if (!inFlow)
                  this.indentNext = this.indentValue + 1;
                else if (this.flowKey)
                  this.flowKey = false;
                n += yield* this.pushCount(1);
                n += yield* this.pushSpaces(true);
                continue loop;
              }
            }
          }
          break loop;
        }
        return n;
      }
      *pushTag() {
        if (this.charAt(1) === "<") {
          let i = this.pos + 2;
          let ch = this.buffer[i];
          while (!isEmpty(ch) && ch !== ">")
            ch = this.buffer[++i];
          return yield* this.pushToIndex(ch === ">" ? i + 1 : i, false);
        } else {
          let i = this.pos + 1;
          let ch = this.buffer[i];
          while (ch) {
            if (tagChars.has(ch))
              ch = this.buffer[++i];
            else if (ch === "%" && hexDigits.has(this.buffer[i + 1]) && hexDigits.has(this.buffer[i + 2])) {
              ch = this.buffer[i += 3];
            } else
              break;
          }
          return yield* this.pushToIndex(i, false);
        }
      }
      *pushNewline() {
        const ch = this.buffer[this.pos];
        if (ch === "\n")
          return yield* this.pushCount(1);
        else if (ch === "\r" && this.charAt(1) === "\n")
          return yield* this.pushCount(2);
        else
          return 0;
      }
      *pushSpaces(allowTabs) {
        let i = this.pos - 1;
        let ch;
        do {
          ch = this.buffer[++i];
        } while (ch === " " || allowTabs && ch === "	");
        const n = i - this.pos;
        if (n > 0) {
          yield this.buffer.substr(this.pos, n);
          this.pos = i;
        }
        return n;
      }
      *pushUntil(test) {
        let i = this.pos;
        let ch = this.buffer[i];
        while (!test(ch))
          ch = this.buffer[++i];
        return yield* this.pushToIndex(i, false);
      }
    };
    exports.Lexer = Lexer;
  }
});

// node_modules/yaml/dist/parse/line-counter.js
var require_line_counter = __commonJS({
  "node_modules/yaml/dist/parse/line-counter.js"(exports) {
    "use strict";
    var LineCounter = class {
      constructor() {
        this.lineStarts = [];
        this.addNewLine = (offset) => this.lineStarts.push(offset);
        this.linePos = (offset) => {
          let low = 0;
          let high = this.lineStarts.length;
          while (low < high) {
            const mid = low + high >> 1;
            if (this.lineStarts[mid] < offset)
              low = mid + 1;
            else
              high = mid;
          }
          if (this.lineStarts[low] === offset)
            return { line: low + 1, col: 1 };
          if (low === 0)
            return { line: 0, col: offset };
          const start = this.lineStarts[low - 1];
          return { line: low, col: offset - start + 1 };
        };
      }
    };
    exports.LineCounter = LineCounter;
  }
});

// node_modules/yaml/dist/parse/parser.js
var require_parser = __commonJS({
  "node_modules/yaml/dist/parse/parser.js"(exports) {
    "use strict";
    var node_process = __require("process");
    var cst = require_cst();
    var lexer = require_lexer();
    function includesToken(list, type) {
      for (let i = 0; i < list.length; ++i)
        if (list[i].type === type)
          return true;
      return false;
    }
    function findNonEmptyIndex(list) {
      for (let i = 0; i < list.length; ++i) {
        switch (list[i].type) {
          case "space":
          case "comment":
          case "newline":
            break;
          default:
            return i;
        }
      }
      return -1;
    }
    function isFlowToken(token) {
      switch (token?.type) {
        case "alias":
        case "scalar":
        case "single-quoted-scalar":
        case "double-quoted-scalar":
        case "flow-collection":
          return true;
        default:
          return false;
      }
    }
    function getPrevProps(parent) {
      switch (parent.type) {
        case "document":
          return parent.start;
        case "block-map": {
          const it = parent.items[parent.items.length - 1];
          return it.sep ?? it.start;
        }
        case "block-seq":
          return parent.items[parent.items.length - 1].start;
        /* istanbul ignore next should not happen */
        default:
          return [];
      }
    }
    function getFirstKeyStartProps(prev) {
      if (prev.length === 0)
        return [];
      let i = prev.length;
      loop: while (--i >= 0) {
        switch (prev[i].type) {
          case "doc-start":
          case "explicit-key-ind":
          case "map-value-ind":
          case "seq-item-ind":
          case "newline":
            break loop;
        }
      }
      while (prev[++i]?.type === "space") {
      }
      return prev.splice(i, prev.length);
    }
    function arrayPushArray(target, source) {
      if (source.length < 1e5)
        Array.prototype.push.apply(target, source);
      else
        for (let i = 0; i < source.length; ++i)
          target.push(source[i]);
    }
    function fixFlowSeqItems(fc) {
      if (fc.start.type === "flow-seq-start") {
        for (const it of fc.items) {
          if (it.sep && !it.value && !includesToken(it.start, "explicit-key-ind") && !includesToken(it.sep, "map-value-ind")) {
            if (it.key)
              it.value = it.key;
            delete it.key;
            if (isFlowToken(it.value)) {
              if (it.value.end)
                arrayPushArray(it.value.end, it.sep);
              else
                it.value.end = it.sep;
            } else
              arrayPushArray(it.start, it.sep);
            delete it.sep;
          }
        }
      }
    }
    var Parser = class {
      /**
       * @param onNewLine - If defined, called separately with the start position of
       *   each new line (in `parse()`, including the start of input).
       */
      constructor(onNewLine) {
        this.atNewLine = true;
        this.atScalar = false;
        this.indent = 0;
        this.offset = 0;
        this.onKeyLine = false;
        this.stack = [];
        this.source = "";
        this.type = "";
        this.lexer = new lexer.Lexer();
        this.onNewLine = onNewLine;
      }
      /**
       * Parse `source` as a YAML stream.
       * If `incomplete`, a part of the last line may be left as a buffer for the next call.
       *
       * Errors are not thrown, but yielded as `{ type: 'error', message }` tokens.
       *
       * @returns A generator of tokens representing each directive, document, and other structure.
       */
      *parse(source, incomplete = false) {
        if (this.onNewLine && this.offset === 0)
          this.onNewLine(0);
        for (const lexeme of this.lexer.lex(source, incomplete))
          yield* this.next(lexeme);
        if (!incomplete)
          yield* this.end();
      }
      /**
       * Advance the parser by the `source` of one lexical token.
       */
      *next(source) {
        this.source = source;
        if (node_process.env.LOG_TOKENS)
          console.log("|", cst.prettyToken(source));
        if (this.atScalar) {
          this.atScalar = false;
          yield* this.step();
          this.offset += source.length;
          return;
        }
        const type = cst.tokenType(source);
        if (!type) {
          const message = `Not a YAML token: ${source}`;
          yield* this.pop({ type: "error", offset: this.offset, message, source });
          this.offset += source.length;
        } else if (type === "scalar") {
          this.atNewLine = false;
          this.atScalar = true;
          this.type = "scalar";
        } else {
          this.type = type;
          yield* this.step();
          switch (type) {
            case "newline":
              this.atNewLine = true;
              this.indent = 0;
              if (this.onNewLine)
                this.onNewLine(this.offset + source.length);
              break;
            case "space":
              if (this.atNewLine && source[0] === " ")
                this.indent += source.length;
              break;
            case "explicit-key-ind":
            case "map-value-ind":
            case "seq-item-ind":
              if (this.atNewLine)
                this.indent += source.length;
              break;
            case "doc-mode":
            case "flow-error-end":
              return;
            default:
              this.atNewLine = false;
          }
          this.offset += source.length;
        }
      }
      /** Call at end of input to push out any remaining constructions */
      *end() {
        while (this.stack.length > 0)
          yield* this.pop();
      }
      get sourceToken() {
        const st = {
          type: this.type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
        return st;
      }
      *step() {
        const top = this.peek(1);
        if (this.type === "doc-end" && top?.type !== "doc-end") {
          while (this.stack.length > 0)
            yield* this.pop();
          this.stack.push({
            type: "doc-end",
            offset: this.offset,
            source: this.source
          });
          return;
        }
        if (!top)
          return yield* this.stream();
        switch (top.type) {
          case "document":
            return yield* this.document(top);
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return yield* this.scalar(top);
          case "block-scalar":
            return yield* this.blockScalar(top);
          case "block-map":
            return yield* this.blockMap(top);
          case "block-seq":
            return yield* this.blockSequence(top);
          case "flow-collection":
            return yield* this.flowCollection(top);
          case "doc-end":
            return yield* this.documentEnd(top);
        }
        yield* this.pop();
      }
      peek(n) {
        return this.stack[this.stack.length - n];
      }
      *pop(error) {
        const token = error ?? this.stack.pop();
        if (!token) {
          const message = "Tried to pop an empty stack";
          yield { type: "error", offset: this.offset, source: "", message };
        } else if (this.stack.length === 0) {
          yield token;
        } else {
          const top = this.peek(1);
          if (token.type === "block-scalar") {
            token.indent = "indent" in top ? top.indent : 0;
          } else if (token.type === "flow-collection" && top.type === "document") {
            token.indent = 0;
          }
          if (token.type === "flow-collection")
            fixFlowSeqItems(token);
          switch (top.type) {
            case "document":
              top.value = token;
              break;
            case "block-scalar":
              top.props.push(token);
              break;
            case "block-map": {
              const it = top.items[top.items.length - 1];
              if (it.value) {
                top.items.push({ start: [], key: token, sep: [] });
                this.onKeyLine = true;
                return;
              } else if (it.sep) {
                it.value = token;
              } else {
                Object.assign(it, { key: token, sep: [] });
                this.onKeyLine = !it.explicitKey;
                return;
              }
              break;
            }
            case "block-seq": {
              const it = top.items[top.items.length - 1];
              if (it.value)
                top.items.push({ start: [], value: token });
              else
                it.value = token;
              break;
            }
            case "flow-collection": {
              const it = top.items[top.items.length - 1];
              if (!it || it.value)
                top.items.push({ start: [], key: token, sep: [] });
              else if (it.sep)
                it.value = token;
              else
                Object.assign(it, { key: token, sep: [] });
              return;
            }
            /* istanbul ignore next should not happen */
            default:
              yield* this.pop();
              yield* this.pop(token);
          }
          if ((top.type === "document" || top.type === "block-map" || top.type === "block-seq") && (token.type === "block-map" || token.type === "block-seq")) {
            const last = token.items[token.items.length - 1];
            if (last && !last.sep && !last.value && last.start.length > 0 && findNonEmptyIndex(last.start) === -1 && (token.indent === 0 || last.start.every((st) => st.type !== "comment" || st.indent < token.indent))) {
              if (top.type === "document")
                top.end = last.start;
              else
                top.items.push({ start: last.start });
              token.items.splice(-1, 1);
            }
          }
        }
      }
      *stream() {
        switch (this.type) {
          case "directive-line":
            yield { type: "directive", offset: this.offset, source: this.source };
            return;
          case "byte-order-mark":
          case "space":
          case "comment":
          case "newline":
            yield this.sourceToken;
            return;
          case "doc-mode":
          case "doc-start": {
            const doc = {
              type: "document",
              offset: this.offset,
              start: []
            };
            if (this.type === "doc-start")
              doc.start.push(this.sourceToken);
            this.stack.push(doc);
            return;
          }
        }
        yield {
          type: "error",
          offset: this.offset,
          message: `Unexpected ${this.type} token in YAML stream`,
          source: this.source
        };
      }
      *document(doc) {
        if (doc.value)
          return yield* this.lineEnd(doc);
        switch (this.type) {
          case "doc-start": {
            if (findNonEmptyIndex(doc.start) !== -1) {
              yield* this.pop();
              yield* this.step();
            } else
              doc.start.push(this.sourceToken);
            return;
          }
          case "anchor":
          case "tag":
          case "space":
          case "comment":
          case "newline":
            doc.start.push(this.sourceToken);
            return;
        }
        const bv = this.startBlockValue(doc);
        if (bv)
          this.stack.push(bv);
        else {
          yield {
            type: "error",
            offset: this.offset,
            message: `Unexpected ${this.type} token in YAML document`,
            source: this.source
          };
        }
      }
      *scalar(scalar) {
        if (this.type === "map-value-ind") {
          const prev = getPrevProps(this.peek(2));
          const start = getFirstKeyStartProps(prev);
          let sep2;
          if (scalar.end) {
            sep2 = scalar.end;
            sep2.push(this.sourceToken);
            delete scalar.end;
          } else
            sep2 = [this.sourceToken];
          const map = {
            type: "block-map",
            offset: scalar.offset,
            indent: scalar.indent,
            items: [{ start, key: scalar, sep: sep2 }]
          };
          this.onKeyLine = true;
          this.stack[this.stack.length - 1] = map;
        } else
          yield* this.lineEnd(scalar);
      }
      *blockScalar(scalar) {
        switch (this.type) {
          case "space":
          case "comment":
          case "newline":
            scalar.props.push(this.sourceToken);
            return;
          case "scalar":
            scalar.source = this.source;
            this.atNewLine = true;
            this.indent = 0;
            if (this.onNewLine) {
              let nl = this.source.indexOf("\n") + 1;
              while (nl !== 0) {
                this.onNewLine(this.offset + nl);
                nl = this.source.indexOf("\n", nl) + 1;
              }
            }
            yield* this.pop();
            break;
          /* istanbul ignore next should not happen */
          default:
            yield* this.pop();
            yield* this.step();
        }
      }
      *blockMap(map) {
        const it = map.items[map.items.length - 1];
        switch (this.type) {
          case "newline":
            this.onKeyLine = false;
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              it.start.push(this.sourceToken);
            }
            return;
          case "space":
          case "comment":
            if (it.value) {
              map.items.push({ start: [this.sourceToken] });
            } else if (it.sep) {
              it.sep.push(this.sourceToken);
            } else {
              if (this.atIndentedComment(it.start, map.indent)) {
                const prev = map.items[map.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  map.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
        }
        if (this.indent >= map.indent) {
          const atMapIndent = !this.onKeyLine && this.indent === map.indent;
          const atNextItem = atMapIndent && (it.sep || it.explicitKey) && this.type !== "seq-item-ind";
          let start = [];
          if (atNextItem && it.sep && !it.value) {
            const nl = [];
            for (let i = 0; i < it.sep.length; ++i) {
              const st = it.sep[i];
              switch (st.type) {
                case "newline":
                  nl.push(i);
                  break;
                case "space":
                  break;
                case "comment":
                  if (st.indent > map.indent)
                    nl.length = 0;
                  break;
                default:
                  nl.length = 0;
              }
            }
            if (nl.length >= 2)
              start = it.sep.splice(nl[1]);
          }
          switch (this.type) {
            case "anchor":
            case "tag":
              if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start });
                this.onKeyLine = true;
              } else if (it.sep) {
                it.sep.push(this.sourceToken);
              } else {
                it.start.push(this.sourceToken);
              }
              return;
            case "explicit-key-ind":
              if (!it.sep && !it.explicitKey) {
                it.start.push(this.sourceToken);
                it.explicitKey = true;
              } else if (atNextItem || it.value) {
                start.push(this.sourceToken);
                map.items.push({ start, explicitKey: true });
              } else {
                this.stack.push({
                  type: "block-map",
                  offset: this.offset,
                  indent: this.indent,
                  items: [{ start: [this.sourceToken], explicitKey: true }]
                });
              }
              this.onKeyLine = true;
              return;
            case "map-value-ind":
              if (it.explicitKey) {
                if (!it.sep) {
                  if (includesToken(it.start, "newline")) {
                    Object.assign(it, { key: null, sep: [this.sourceToken] });
                  } else {
                    const start2 = getFirstKeyStartProps(it.start);
                    this.stack.push({
                      type: "block-map",
                      offset: this.offset,
                      indent: this.indent,
                      items: [{ start: start2, key: null, sep: [this.sourceToken] }]
                    });
                  }
                } else if (it.value) {
                  map.items.push({ start: [], key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start, key: null, sep: [this.sourceToken] }]
                  });
                } else if (isFlowToken(it.key) && !includesToken(it.sep, "newline")) {
                  const start2 = getFirstKeyStartProps(it.start);
                  const key2 = it.key;
                  const sep2 = it.sep;
                  sep2.push(this.sourceToken);
                  delete it.key;
                  delete it.sep;
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: start2, key: key2, sep: sep2 }]
                  });
                } else if (start.length > 0) {
                  it.sep = it.sep.concat(start, this.sourceToken);
                } else {
                  it.sep.push(this.sourceToken);
                }
              } else {
                if (!it.sep) {
                  Object.assign(it, { key: null, sep: [this.sourceToken] });
                } else if (it.value || atNextItem) {
                  map.items.push({ start, key: null, sep: [this.sourceToken] });
                } else if (includesToken(it.sep, "map-value-ind")) {
                  this.stack.push({
                    type: "block-map",
                    offset: this.offset,
                    indent: this.indent,
                    items: [{ start: [], key: null, sep: [this.sourceToken] }]
                  });
                } else {
                  it.sep.push(this.sourceToken);
                }
              }
              this.onKeyLine = true;
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (atNextItem || it.value) {
                map.items.push({ start, key: fs, sep: [] });
                this.onKeyLine = true;
              } else if (it.sep) {
                this.stack.push(fs);
              } else {
                Object.assign(it, { key: fs, sep: [] });
                this.onKeyLine = true;
              }
              return;
            }
            default: {
              const bv = this.startBlockValue(map);
              if (bv) {
                if (bv.type === "block-seq") {
                  if (!it.explicitKey && it.sep && !includesToken(it.sep, "newline")) {
                    yield* this.pop({
                      type: "error",
                      offset: this.offset,
                      message: "Unexpected block-seq-ind on same line with key",
                      source: this.source
                    });
                    return;
                  }
                } else if (atMapIndent) {
                  map.items.push({ start });
                }
                this.stack.push(bv);
                return;
              }
            }
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *blockSequence(seq) {
        const it = seq.items[seq.items.length - 1];
        switch (this.type) {
          case "newline":
            if (it.value) {
              const end = "end" in it.value ? it.value.end : void 0;
              const last = Array.isArray(end) ? end[end.length - 1] : void 0;
              if (last?.type === "comment")
                end?.push(this.sourceToken);
              else
                seq.items.push({ start: [this.sourceToken] });
            } else
              it.start.push(this.sourceToken);
            return;
          case "space":
          case "comment":
            if (it.value)
              seq.items.push({ start: [this.sourceToken] });
            else {
              if (this.atIndentedComment(it.start, seq.indent)) {
                const prev = seq.items[seq.items.length - 2];
                const end = prev?.value?.end;
                if (Array.isArray(end)) {
                  arrayPushArray(end, it.start);
                  end.push(this.sourceToken);
                  seq.items.pop();
                  return;
                }
              }
              it.start.push(this.sourceToken);
            }
            return;
          case "anchor":
          case "tag":
            if (it.value || this.indent <= seq.indent)
              break;
            it.start.push(this.sourceToken);
            return;
          case "seq-item-ind":
            if (this.indent !== seq.indent)
              break;
            if (it.value || includesToken(it.start, "seq-item-ind"))
              seq.items.push({ start: [this.sourceToken] });
            else
              it.start.push(this.sourceToken);
            return;
        }
        if (this.indent > seq.indent) {
          const bv = this.startBlockValue(seq);
          if (bv) {
            this.stack.push(bv);
            return;
          }
        }
        yield* this.pop();
        yield* this.step();
      }
      *flowCollection(fc) {
        const it = fc.items[fc.items.length - 1];
        if (this.type === "flow-error-end") {
          let top;
          do {
            yield* this.pop();
            top = this.peek(1);
          } while (top?.type === "flow-collection");
        } else if (fc.end.length === 0) {
          switch (this.type) {
            case "comma":
            case "explicit-key-ind":
              if (!it || it.sep)
                fc.items.push({ start: [this.sourceToken] });
              else
                it.start.push(this.sourceToken);
              return;
            case "map-value-ind":
              if (!it || it.value)
                fc.items.push({ start: [], key: null, sep: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                Object.assign(it, { key: null, sep: [this.sourceToken] });
              return;
            case "space":
            case "comment":
            case "newline":
            case "anchor":
            case "tag":
              if (!it || it.value)
                fc.items.push({ start: [this.sourceToken] });
              else if (it.sep)
                it.sep.push(this.sourceToken);
              else
                it.start.push(this.sourceToken);
              return;
            case "alias":
            case "scalar":
            case "single-quoted-scalar":
            case "double-quoted-scalar": {
              const fs = this.flowScalar(this.type);
              if (!it || it.value)
                fc.items.push({ start: [], key: fs, sep: [] });
              else if (it.sep)
                this.stack.push(fs);
              else
                Object.assign(it, { key: fs, sep: [] });
              return;
            }
            case "flow-map-end":
            case "flow-seq-end":
              fc.end.push(this.sourceToken);
              return;
          }
          const bv = this.startBlockValue(fc);
          if (bv)
            this.stack.push(bv);
          else {
            yield* this.pop();
            yield* this.step();
          }
        } else {
          const parent = this.peek(2);
          if (parent.type === "block-map" && (this.type === "map-value-ind" && parent.indent === fc.indent || this.type === "newline" && !parent.items[parent.items.length - 1].sep)) {
            yield* this.pop();
            yield* this.step();
          } else if (this.type === "map-value-ind" && parent.type !== "flow-collection") {
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            fixFlowSeqItems(fc);
            const sep2 = fc.end.splice(1, fc.end.length);
            sep2.push(this.sourceToken);
            const map = {
              type: "block-map",
              offset: fc.offset,
              indent: fc.indent,
              items: [{ start, key: fc, sep: sep2 }]
            };
            this.onKeyLine = true;
            this.stack[this.stack.length - 1] = map;
          } else {
            yield* this.lineEnd(fc);
          }
        }
      }
      flowScalar(type) {
        if (this.onNewLine) {
          let nl = this.source.indexOf("\n") + 1;
          while (nl !== 0) {
            this.onNewLine(this.offset + nl);
            nl = this.source.indexOf("\n", nl) + 1;
          }
        }
        return {
          type,
          offset: this.offset,
          indent: this.indent,
          source: this.source
        };
      }
      startBlockValue(parent) {
        switch (this.type) {
          case "alias":
          case "scalar":
          case "single-quoted-scalar":
          case "double-quoted-scalar":
            return this.flowScalar(this.type);
          case "block-scalar-header":
            return {
              type: "block-scalar",
              offset: this.offset,
              indent: this.indent,
              props: [this.sourceToken],
              source: ""
            };
          case "flow-map-start":
          case "flow-seq-start":
            return {
              type: "flow-collection",
              offset: this.offset,
              indent: this.indent,
              start: this.sourceToken,
              items: [],
              end: []
            };
          case "seq-item-ind":
            return {
              type: "block-seq",
              offset: this.offset,
              indent: this.indent,
              items: [{ start: [this.sourceToken] }]
            };
          case "explicit-key-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            start.push(this.sourceToken);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, explicitKey: true }]
            };
          }
          case "map-value-ind": {
            this.onKeyLine = true;
            const prev = getPrevProps(parent);
            const start = getFirstKeyStartProps(prev);
            return {
              type: "block-map",
              offset: this.offset,
              indent: this.indent,
              items: [{ start, key: null, sep: [this.sourceToken] }]
            };
          }
        }
        return null;
      }
      atIndentedComment(start, indent) {
        if (this.type !== "comment")
          return false;
        if (this.indent <= indent)
          return false;
        return start.every((st) => st.type === "newline" || st.type === "space");
      }
      *documentEnd(docEnd) {
        if (this.type !== "doc-mode") {
          if (docEnd.end)
            docEnd.end.push(this.sourceToken);
          else
            docEnd.end = [this.sourceToken];
          if (this.type === "newline")
            yield* this.pop();
        }
      }
      *lineEnd(token) {
        switch (this.type) {
          case "comma":
          case "doc-start":
          case "doc-end":
          case "flow-seq-end":
          case "flow-map-end":
          case "map-value-ind":
            yield* this.pop();
            yield* this.step();
            break;
          case "newline":
            this.onKeyLine = false;
          // fallthrough
          case "space":
          case "comment":
          default:
            if (token.end)
              token.end.push(this.sourceToken);
            else
              token.end = [this.sourceToken];
            if (this.type === "newline")
              yield* this.pop();
        }
      }
    };
    exports.Parser = Parser;
  }
});

// node_modules/yaml/dist/public-api.js
var require_public_api = __commonJS({
  "node_modules/yaml/dist/public-api.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var errors = require_errors();
    var log = require_log();
    var identity = require_identity();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    function parseOptions(options) {
      const prettyErrors = options.prettyErrors !== false;
      const lineCounter$1 = options.lineCounter || prettyErrors && new lineCounter.LineCounter() || null;
      return { lineCounter: lineCounter$1, prettyErrors };
    }
    function parseAllDocuments(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      const docs = Array.from(composer$1.compose(parser$1.parse(source)));
      if (prettyErrors && lineCounter2)
        for (const doc of docs) {
          doc.errors.forEach(errors.prettifyError(source, lineCounter2));
          doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
        }
      if (docs.length > 0)
        return docs;
      return Object.assign([], { empty: true }, composer$1.streamInfo());
    }
    function parseDocument(source, options = {}) {
      const { lineCounter: lineCounter2, prettyErrors } = parseOptions(options);
      const parser$1 = new parser.Parser(lineCounter2?.addNewLine);
      const composer$1 = new composer.Composer(options);
      let doc = null;
      for (const _doc of composer$1.compose(parser$1.parse(source), true, source.length)) {
        if (!doc)
          doc = _doc;
        else if (doc.options.logLevel !== "silent") {
          doc.errors.push(new errors.YAMLParseError(_doc.range.slice(0, 2), "MULTIPLE_DOCS", "Source contains multiple documents; please use YAML.parseAllDocuments()"));
          break;
        }
      }
      if (prettyErrors && lineCounter2) {
        doc.errors.forEach(errors.prettifyError(source, lineCounter2));
        doc.warnings.forEach(errors.prettifyError(source, lineCounter2));
      }
      return doc;
    }
    function parse4(src, reviver, options) {
      let _reviver = void 0;
      if (typeof reviver === "function") {
        _reviver = reviver;
      } else if (options === void 0 && reviver && typeof reviver === "object") {
        options = reviver;
      }
      const doc = parseDocument(src, options);
      if (!doc)
        return null;
      doc.warnings.forEach((warning) => log.warn(doc.options.logLevel, warning));
      if (doc.errors.length > 0) {
        if (doc.options.logLevel !== "silent")
          throw doc.errors[0];
        else
          doc.errors = [];
      }
      return doc.toJS(Object.assign({ reviver: _reviver }, options));
    }
    function stringify(value, replacer, options) {
      let _replacer = null;
      if (typeof replacer === "function" || Array.isArray(replacer)) {
        _replacer = replacer;
      } else if (options === void 0 && replacer) {
        options = replacer;
      }
      if (typeof options === "string")
        options = options.length;
      if (typeof options === "number") {
        const indent = Math.round(options);
        options = indent < 1 ? void 0 : indent > 8 ? { indent: 8 } : { indent };
      }
      if (value === void 0) {
        const { keepUndefined } = options ?? replacer ?? {};
        if (!keepUndefined)
          return void 0;
      }
      if (identity.isDocument(value) && !_replacer)
        return value.toString(options);
      return new Document.Document(value, _replacer, options).toString(options);
    }
    exports.parse = parse4;
    exports.parseAllDocuments = parseAllDocuments;
    exports.parseDocument = parseDocument;
    exports.stringify = stringify;
  }
});

// node_modules/yaml/dist/index.js
var require_dist = __commonJS({
  "node_modules/yaml/dist/index.js"(exports) {
    "use strict";
    var composer = require_composer();
    var Document = require_Document();
    var Schema = require_Schema();
    var errors = require_errors();
    var Alias = require_Alias();
    var identity = require_identity();
    var Pair = require_Pair();
    var Scalar = require_Scalar();
    var YAMLMap = require_YAMLMap();
    var YAMLSeq = require_YAMLSeq();
    var cst = require_cst();
    var lexer = require_lexer();
    var lineCounter = require_line_counter();
    var parser = require_parser();
    var publicApi = require_public_api();
    var visit = require_visit();
    exports.Composer = composer.Composer;
    exports.Document = Document.Document;
    exports.Schema = Schema.Schema;
    exports.YAMLError = errors.YAMLError;
    exports.YAMLParseError = errors.YAMLParseError;
    exports.YAMLWarning = errors.YAMLWarning;
    exports.Alias = Alias.Alias;
    exports.isAlias = identity.isAlias;
    exports.isCollection = identity.isCollection;
    exports.isDocument = identity.isDocument;
    exports.isMap = identity.isMap;
    exports.isNode = identity.isNode;
    exports.isPair = identity.isPair;
    exports.isScalar = identity.isScalar;
    exports.isSeq = identity.isSeq;
    exports.Pair = Pair.Pair;
    exports.Scalar = Scalar.Scalar;
    exports.YAMLMap = YAMLMap.YAMLMap;
    exports.YAMLSeq = YAMLSeq.YAMLSeq;
    exports.CST = cst;
    exports.Lexer = lexer.Lexer;
    exports.LineCounter = lineCounter.LineCounter;
    exports.Parser = parser.Parser;
    exports.parse = publicApi.parse;
    exports.parseAllDocuments = publicApi.parseAllDocuments;
    exports.parseDocument = publicApi.parseDocument;
    exports.stringify = publicApi.stringify;
    exports.visit = visit.visit;
    exports.visitAsync = visit.visitAsync;
  }
});

// src/cli/common.ts
function limitsFrom(a) {
  const positive = (name, int) => {
    const v = a.numbers[name];
    if (v === void 0) return void 0;
    if (!(v > 0) || int && !Number.isInteger(v)) {
      throw new UsageError(`--${name} must be a positive ${int ? "whole number" : "number"}`);
    }
    return v;
  };
  const mb = positive("max-input-mb", false) ?? positive("max-inflated-mb", false);
  return {
    maxInputBytes: mb !== void 0 ? Math.floor(mb * MIB) : void 0,
    maxStackDepth: positive("max-stack-depth", true),
    maxFrames: positive("max-frames", true),
    maxJsonNodes: positive("max-json-nodes", true)
  };
}
function readOptionsFrom(a) {
  return { limits: limitsFrom(a), allFrames: a.flags["all-frames"] };
}
var LIMIT_OPTIONS, READ_OPTIONS;
var init_common = __esm({
  "src/cli/common.ts"() {
    "use strict";
    init_errors();
    init_limits();
    LIMIT_OPTIONS = {
      "max-input-mb": {
        kind: "number",
        description: `refuse an input (file, inflated gzip, server answer, unpacked artifact) over this many MiB (default ${DEFAULT_LIMITS.maxInputBytes / MIB})`
      },
      "max-inflated-mb": { kind: "number", description: "old name of --max-input-mb" },
      "max-stack-depth": {
        kind: "number",
        description: `refuse stacks deeper than this many frames (default ${DEFAULT_LIMITS.maxStackDepth})`
      },
      "max-frames": {
        kind: "number",
        description: `refuse to decode more stack frames than this (default ${DEFAULT_LIMITS.maxFrames.toExponential(1).replace("e+", "e")})`
      },
      "max-json-nodes": {
        kind: "number",
        description: `refuse JSON profiles with more values than this (default ${DEFAULT_LIMITS.maxJsonNodes.toExponential(1).replace("e+", "e")})`
      }
    };
    READ_OPTIONS = {
      ...LIMIT_OPTIONS,
      "all-frames": { kind: "boolean", description: "ignore a pprof profile's drop_frames" }
    };
  }
});

// src/util/fs.ts
import { closeSync as closeSync2, fsyncSync, mkdirSync, openSync as openSync2, renameSync, rmSync, writeSync } from "node:fs";
import { basename as basename5, dirname as dirname3, join as join3 } from "node:path";
function writeFileAtomic(path, data) {
  const dir = dirname3(path);
  mkdirSync(dir, { recursive: true });
  const tmp = join3(dir, `.${basename5(path)}.${process.pid}.${Date.now().toString(36)}.tmp`);
  try {
    const fd = openSync2(tmp, "w");
    try {
      const bytes = typeof data === "string" ? Buffer.from(data) : data;
      let off = 0;
      while (off < bytes.length) off += writeSync(fd, bytes, off, bytes.length - off);
      fsyncSync(fd);
    } finally {
      closeSync2(fd);
    }
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}
var init_fs = __esm({
  "src/util/fs.ts"() {
    "use strict";
  }
});

// src/util/url.ts
function decode6(s) {
  try {
    return decodeURIComponent(s.replace(/\+/g, " "));
  } catch {
    return s;
  }
}
function parts(url) {
  const h = url.indexOf("#");
  const hash2 = h >= 0 ? url.slice(h) : "";
  const noHash = h >= 0 ? url.slice(0, h) : url;
  const q = noHash.indexOf("?");
  return q >= 0 ? { head: noHash.slice(0, q), query: noHash.slice(q + 1), hash: hash2 } : { head: noHash, query: void 0, hash: hash2 };
}
function redactUrl(url) {
  const { head, query, hash: hash2 } = parts(url);
  const h = head.replace(USER_INFO, "$1");
  if (query === void 0) return h + hash2;
  const q = query.split("&").map((kv) => {
    const eq = kv.indexOf("=");
    const k = eq >= 0 ? kv.slice(0, eq) : kv;
    return eq >= 0 && SECRET_PARAM.test(decode6(k)) ? `${k}=***` : kv;
  }).join("&");
  return `${h}?${q}${hash2}`;
}
function urlSecrets(url) {
  if (!url) return [];
  const out = [];
  const { head, query } = parts(url);
  const m = USER_INFO.exec(head);
  if (m) {
    const info = m[2].slice(0, -1);
    out.push(info, decode6(info));
    const c = info.indexOf(":");
    if (c >= 0) out.push(info.slice(c + 1), decode6(info.slice(c + 1)));
  }
  for (const kv of (query ?? "").split("&")) {
    const eq = kv.indexOf("=");
    if (eq > 0 && SECRET_PARAM.test(decode6(kv.slice(0, eq))) && eq < kv.length - 1) {
      out.push(kv.slice(eq + 1), decode6(kv.slice(eq + 1)));
    }
  }
  return [...new Set(out.filter((s) => s.length > 0))];
}
var SECRET_PARAM, USER_INFO;
var init_url = __esm({
  "src/util/url.ts"() {
    "use strict";
    SECRET_PARAM = /^(token|access_token|id_token|bearer|auth|authorization|password|passwd|pass|pwd|secret|client_secret|basic|user|username|api[-_]?key|apikey|key|sig|signature|x-amz-signature|x-goog-signature|session|sessionid|jwt)$/i;
    USER_INFO = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*@)/i;
  }
});

// src/captureset/write.ts
import { createHash as createHash2, randomBytes } from "node:crypto";
import { mkdirSync as mkdirSync2, readdirSync as readdirSync2, renameSync as renameSync2, rmdirSync, rmSync as rmSync2, statSync as statSync3 } from "node:fs";
import { basename as basename6, dirname as dirname4, join as join4 } from "node:path";
function sha256(bytes) {
  return createHash2("sha256").update(bytes).digest("hex");
}
function captureEntry(file, bytes, fields) {
  const { file: _file, sha256: _sha, bytes: _bytes, ...rest } = fields;
  return { file, ...rest, sha256: sha256(bytes), bytes: bytes.length };
}
function writeCaptureFile(dir, file, bytes) {
  writeFileAtomic(join4(dir, file), bytes);
}
function manifestText(manifest) {
  const m = { ...manifest };
  if (m.source?.url) m.source = { ...m.source, url: redactUrl(m.source.url) };
  if (m.load) {
    m.load = {
      ...m.load,
      ...m.load.urls ? { urls: m.load.urls.map(redactUrl) } : {},
      ...m.load.mix ? { mix: m.load.mix.map((x) => ({ ...x, url: redactUrl(x.url) })) } : {}
    };
  }
  return JSON.stringify(m, null, 2) + "\n";
}
function writeManifest(dir, manifest) {
  const path = join4(dir, MANIFEST_FILE);
  writeFileAtomic(path, manifestText(manifest));
  return path;
}
function writeCaptureSet(dir, files, manifest, opts = {}) {
  let existing;
  try {
    if (!statSync3(dir).isDirectory()) throw new UsageError(`${dir} exists and is not a directory`);
    existing = readdirSync2(dir);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    if (e.code !== "ENOENT") {
      throw new UsageError(`cannot use ${dir}: ${e.message}`);
    }
  }
  if (existing && existing.length > 0 && !opts.replace) {
    throw new UsageError(`${dir} already exists and is not empty; choose a new --out folder`);
  }
  const parent = dirname4(dir);
  const tmp = join4(parent, `.${basename6(dir)}.tmp-${randomBytes(4).toString("hex")}`);
  try {
    mkdirSync2(parent, { recursive: true });
    mkdirSync2(tmp);
    for (const f of files) writeCaptureFile(tmp, f.name, f.bytes);
    writeManifest(tmp, manifest);
    if (existing && existing.length > 0) rmSync2(dir, { recursive: true, force: true });
    else if (existing) rmdirSync(dir);
    renameSync2(tmp, dir);
  } catch (e) {
    rmSync2(tmp, { recursive: true, force: true });
    if (e instanceof UsageError) throw e;
    throw new UsageError(`cannot write ${dir}: ${e.message}`);
  }
  return [...files.map((f) => join4(dir, f.name)), join4(dir, MANIFEST_FILE)];
}
var init_write = __esm({
  "src/captureset/write.ts"() {
    "use strict";
    init_errors();
    init_fs();
    init_url();
    init_manifest();
  }
});

// src/util/retry.ts
async function retry(fn, opts) {
  const aborted = () => opts.abortError ? opts.abortError() : opts.signal?.reason;
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (e) {
      if (!opts.isRetryable(e) || attempt > opts.retries) {
        throw opts.giveUp ? opts.giveUp(e, attempt) : e;
      }
      if (opts.signal?.aborted) throw aborted();
      const delay = retryDelayMs(attempt, opts, opts.retryAfterMs?.(e));
      opts.onRetry?.(attempt, delay, e);
      await wait(delay, opts.signal, aborted);
    }
  }
}
function retryDelayMs(attempt, opts, retryAfterMs2) {
  if (retryAfterMs2 !== void 0) return Math.round(retryAfterMs2);
  const jitter = opts.jitter ? 1 - opts.jitter + Math.random() * 2 * opts.jitter : 1;
  return Math.round(Math.min(opts.maxMs, opts.baseMs * 2 ** (attempt - 1) * jitter));
}
function wait(ms, signal, abortError) {
  const reason = () => abortError ? abortError() : signal?.reason;
  return new Promise((resolve8, reject) => {
    if (signal?.aborted) return reject(reason());
    const onAbort = () => {
      clearTimeout(t);
      reject(reason());
    };
    const t = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve8();
    }, ms);
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
var init_retry = __esm({
  "src/util/retry.ts"() {
    "use strict";
  }
});

// src/capture/loadgen.ts
import { readFileSync as readFileSync4 } from "node:fs";
import http from "node:http";
import https from "node:https";
import { resolve as resolvePath } from "node:path";
import { performance } from "node:perf_hooks";
function windowBetween(a, b) {
  const seconds = Math.max(1e-9, (b.at - a.at) / 1e3);
  const completed = b.completed - a.completed;
  return {
    seconds,
    sent: b.sent - a.sent,
    completed,
    failed: b.failed - a.failed,
    dropped: b.dropped - a.dropped,
    sentRate: (b.sent - a.sent) / seconds,
    completedRate: completed / seconds,
    meanLatencyMs: completed > 0 ? (b.latencyMsSum - a.latencyMsSum) / completed : 0
  };
}
function errorReason(e) {
  const err = e;
  return err?.code ?? err?.message ?? String(e);
}
function parseLoadMix(spec, base, cwd = process.cwd()) {
  const resolveUrl = (p) => {
    try {
      return new URL(p, base).toString();
    } catch {
      throw new UsageError(`load mix: cannot resolve "${p}" against --load-url ${base}`);
    }
  };
  const s = spec.trim();
  if (s.startsWith("@")) {
    const file = s.slice(1);
    let json;
    try {
      json = JSON.parse(readFileSync4(resolvePath(cwd, file), "utf8"));
    } catch (e) {
      throw new UsageError(`load mix file ${file}: ${e.message}`);
    }
    if (!Array.isArray(json) || json.length === 0) {
      throw new UsageError(`load mix file ${file}: expected a non-empty JSON array`);
    }
    return json.map((raw, i) => {
      const e = raw;
      const path = e.url ?? e.path;
      if (typeof path !== "string")
        throw new UsageError(`load mix file ${file}[${i}]: needs "path" or "url"`);
      const weight = e.weight === void 0 ? 1 : Number(e.weight);
      if (!(weight > 0))
        throw new UsageError(`load mix file ${file}[${i}]: weight must be positive`);
      const headers = e.headers;
      if (headers !== void 0 && (typeof headers !== "object" || headers === null)) {
        throw new UsageError(`load mix file ${file}[${i}]: headers must be an object`);
      }
      const body = e.body === void 0 ? void 0 : typeof e.body === "string" ? e.body : JSON.stringify(e.body);
      return {
        method: String(e.method ?? "GET").toUpperCase(),
        url: resolveUrl(path),
        weight,
        body,
        headers
      };
    });
  }
  const parts2 = s.split(",").map((p) => p.trim()).filter(Boolean);
  if (parts2.length === 0) throw new UsageError("--load-mix is empty");
  return parts2.map((p) => {
    const m = /^(?:([A-Za-z]+)\s+)?(\S+?)(?:=(\d+(?:\.\d+)?))?$/.exec(p);
    if (!m) {
      throw new UsageError(
        `--load-mix entry "${p}" is not "[METHOD] PATH[=WEIGHT]" (e.g. "GET /checkout=8,POST /search=2")`
      );
    }
    const weight = m[3] === void 0 ? 1 : Number(m[3]);
    if (!(weight > 0)) throw new UsageError(`--load-mix entry "${p}": weight must be positive`);
    return { method: (m[1] ?? "GET").toUpperCase(), url: resolveUrl(m[2]), weight };
  });
}
function parseHeaders(list) {
  const out = {};
  for (const h of list) {
    const i = h.indexOf(":");
    if (i <= 0) throw new UsageError(`--load-header "${h}" is not "Name: value"`);
    out[h.slice(0, i).trim()] = h.slice(i + 1).trim();
  }
  return out;
}
var WeightedPicker, LoadGenerator;
var init_loadgen = __esm({
  "src/capture/loadgen.ts"() {
    "use strict";
    init_errors();
    WeightedPicker = class {
      constructor(items) {
        this.items = items;
        if (items.length === 0) throw new Error("empty mix");
        this.current = items.map(() => 0);
        this.total = items.reduce((s, t) => s + t.weight, 0);
      }
      items;
      current;
      total;
      next() {
        let best = 0;
        for (let i = 0; i < this.items.length; i++) {
          this.current[i] += this.items[i].weight;
          if (this.current[i] > this.current[best]) best = i;
        }
        this.current[best] -= this.total;
        return this.items[best];
      }
    };
    LoadGenerator = class {
      opts;
      picker;
      httpAgent;
      httpsAgent;
      parsed = /* @__PURE__ */ new Map();
      live = /* @__PURE__ */ new Set();
      timer;
      startedAt = 0;
      issued = 0;
      stopping = false;
      c = { sent: 0, completed: 0, failed: 0, dropped: 0, resent: 0, latencyMsSum: 0 };
      /** Failure reasons ("ECONNREFUSED", "HTTP 500", "timeout") and how often each happened. */
      errors = /* @__PURE__ */ new Map();
      lastError;
      constructor(options) {
        if (!(options.rate > 0) || !Number.isFinite(options.rate)) {
          throw new UsageError(`load rate must be a positive number, got ${options.rate}`);
        }
        if (options.targets.length === 0) throw new UsageError("the load mix is empty");
        for (const t of options.targets) {
          if (!(t.weight > 0)) throw new UsageError(`load mix weight must be positive (${t.url})`);
          const u = new URL(t.url);
          if (u.protocol !== "http:" && u.protocol !== "https:") {
            throw new UsageError(`load URL must be http:// or https://, got ${t.url}`);
          }
          this.parsed.set(t.url, u);
        }
        const maxInFlight = options.maxInFlight ?? Math.min(4096, Math.max(64, Math.ceil(options.rate)));
        this.opts = {
          rate: options.rate,
          targets: options.targets,
          maxInFlight,
          requestTimeoutMs: options.requestTimeoutMs ?? 1e4,
          headers: options.headers ?? {},
          tickMs: options.tickMs ?? 5
        };
        this.picker = new WeightedPicker(options.targets);
        const agentOpts = {
          keepAlive: true,
          maxSockets: maxInFlight,
          maxFreeSockets: maxInFlight,
          timeout: 2e3
        };
        this.httpAgent = new http.Agent(agentOpts);
        this.httpsAgent = new https.Agent(agentOpts);
      }
      get rate() {
        return this.opts.rate;
      }
      get maxInFlight() {
        return this.opts.maxInFlight;
      }
      get running() {
        return this.timer !== void 0;
      }
      start() {
        if (this.timer || this.stopping) return;
        this.startedAt = performance.now();
        this.issued = 0;
        this.tick();
        this.timer = setInterval(() => this.tick(), this.opts.tickMs);
      }
      /** Stops new arrivals for now; requests in flight finish and are counted. */
      pause() {
        if (!this.timer) return;
        clearInterval(this.timer);
        this.timer = void 0;
        this.paused = true;
        this.pausedAt = performance.now();
      }
      /**
       * Arrivals again, at the same rate, from now: the clock is moved so that the arrivals missed
       * while paused are not sent in a burst (nor counted as due).
       */
      resume() {
        if (!this.paused || this.stopping) return;
        this.paused = false;
        const now = performance.now();
        this.pausedMs += now - this.pausedAt;
        this.pausedDue += this.dueAt(now) - this.issued;
        this.tick();
        this.timer = setInterval(() => this.tick(), this.opts.tickMs);
      }
      snapshot() {
        const at = performance.now();
        return {
          due: this.startedAt ? this.dueAt(at) : 0,
          ...this.c,
          inFlight: this.live.size,
          at
        };
      }
      /** Totals since start (rates over the time it was running, not paused). */
      summary() {
        return windowBetween(
          {
            due: 0,
            sent: 0,
            completed: 0,
            failed: 0,
            dropped: 0,
            resent: 0,
            inFlight: 0,
            latencyMsSum: 0,
            at: this.startedAt + this.pausedMs + (this.paused ? performance.now() - this.pausedAt : 0)
          },
          this.snapshot()
        );
      }
      /** Stops arrivals and abandons requests still in flight (they are not counted). */
      async stop() {
        this.stopping = true;
        if (this.timer) clearInterval(this.timer);
        this.timer = void 0;
        for (const r of this.live) r.destroy();
        this.live.clear();
        this.httpAgent.destroy();
        this.httpsAgent.destroy();
      }
      /** Arrivals that fell due while paused: skipped, not sent. */
      pausedDue = 0;
      /** Time spent paused, left out of the totals' rates. */
      pausedMs = 0;
      pausedAt = 0;
      paused = false;
      dueAt(now) {
        return Math.floor((now - this.startedAt) * this.opts.rate / 1e3) + 1 - this.pausedDue;
      }
      tick() {
        if (this.stopping) return;
        const due = this.dueAt(performance.now());
        while (this.issued < due) {
          this.issued++;
          if (this.live.size >= this.opts.maxInFlight) {
            this.c.dropped++;
            continue;
          }
          this.send(this.picker.next());
        }
      }
      fail(reason) {
        this.c.failed++;
        this.errors.set(reason, (this.errors.get(reason) ?? 0) + 1);
        this.lastError = reason;
      }
      /**
       * Sends one request. `resend` is set for the single retry of a request whose reused
       * keep-alive socket was closed by the server before any answer (the request never reached
       * the application; counting it as failed would blame the service for a client-side race).
       */
      send(t, resend) {
        const u = this.parsed.get(t.url);
        const mod = u.protocol === "https:" ? https : http;
        const t0 = resend?.t0 ?? performance.now();
        let settled = false;
        let answered = false;
        const settle = (ok, reason) => {
          if (settled) return;
          settled = true;
          this.live.delete(req);
          if (this.stopping) return;
          if (ok) {
            this.c.completed++;
            this.c.latencyMsSum += performance.now() - t0;
          } else this.fail(reason ?? "error");
        };
        const req = mod.request(
          u,
          {
            method: t.method,
            agent: u.protocol === "https:" ? this.httpsAgent : this.httpAgent,
            headers: { ...this.opts.headers, ...t.headers }
          },
          (res) => {
            answered = true;
            const status = res.statusCode ?? 0;
            res.on("error", (e) => settle(false, errorReason(e)));
            res.on("aborted", () => settle(false, "response cut short"));
            res.on("close", () => settle(false, "response cut short"));
            res.on(
              "end",
              () => status >= 400 ? settle(false, `HTTP ${status}`) : settle(res.complete, "response cut short")
            );
            res.resume();
          }
        );
        this.live.add(req);
        if (!resend) this.c.sent++;
        const timeoutMs = Math.max(1, this.opts.requestTimeoutMs - (performance.now() - t0));
        req.setTimeout(timeoutMs, () => {
          settle(false, "timeout");
          req.destroy();
        });
        req.on("error", (e) => {
          if (!settled && !answered && !resend && !this.stopping && req.reusedSocket && e.code === "ECONNRESET") {
            settled = true;
            this.live.delete(req);
            this.c.resent++;
            this.send(t, { t0 });
            return;
          }
          settle(false, errorReason(e));
        });
        req.end(t.body);
      }
    };
  }
});

// src/capture/errors.ts
var CaptureError;
var init_errors3 = __esm({
  "src/capture/errors.ts"() {
    "use strict";
    CaptureError = class extends Error {
      constructor(kind, message, retryable = false, status) {
        super(message);
        this.kind = kind;
        this.retryable = retryable;
        this.status = status;
      }
      kind;
      retryable;
      status;
      name = "CaptureError";
    };
  }
});

// src/capture/check-profile.ts
function checkProfile(bytes, name, sampleType, emptyHint, limits) {
  let profile;
  try {
    profile = readProfile(bytes, name, { limits });
  } catch (e) {
    if (e instanceof ProfileError) {
      if (e.code === "empty") {
        throw new CaptureError("empty", `${name}: the profile has no samples: ${emptyHint}`);
      }
      if (e.code === "too-large") throw new CaptureError("too-large", e.message);
      const retryable = e.code === "gzip" || e.code === "protobuf";
      throw new CaptureError("decode", `${name}: not a usable profile: ${e.detail}`, retryable);
    }
    throw e;
  }
  const warnings = [...profile.warnings];
  let idx = profile.defaultSampleType;
  let chosen = profile.sampleTypes[idx]?.type ?? "samples";
  if (sampleType) {
    try {
      idx = selectSampleType(profile, sampleType, name);
      chosen = sampleType;
    } catch {
      warnings.push(
        `${name} has no sample type "${sampleType}" (it has ${profile.sampleTypes.map((t) => t.type).join(", ")}); recording "${chosen}"`
      );
    }
  }
  let total = 0;
  for (const v of profile.values[idx] ?? []) total += Math.abs(v);
  if (total === 0) {
    throw new CaptureError("empty", `${name}: every sample of "${chosen}" is zero: ${emptyHint}`);
  }
  return { profile, sampleType: chosen, total, ext: extensionFor(bytes, profile), warnings };
}
function extensionFor(bytes, p) {
  switch (p.format) {
    case "pprof":
      return isGzip(bytes) ? ".pb.gz" : ".pb";
    case "folded":
      return ".folded";
    case "perf-script":
      return ".perf.txt";
    case "speedscope":
      return ".speedscope.json";
    case "cpuprofile":
      return ".cpuprofile";
    case "jfr":
      return isGzip(bytes) ? ".jfr.gz" : ".jfr";
  }
}
var init_check_profile = __esm({
  "src/capture/check-profile.ts"() {
    "use strict";
    init_errors2();
    init_detect();
    init_read3();
    init_aggregate();
    init_errors3();
  }
});

// src/capture/command.ts
import { spawn, spawnSync } from "node:child_process";
function shellQuote(s) {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s;
  return `'${s.replace(/'/g, `'\\''`)}'`;
}
function quoteFor(context, v) {
  if (context === "'") return `'${shellQuote(v)}'`;
  if (context === '"') return v.replace(/[\\"$`]/g, (c) => `\\${c}`);
  return shellQuote(v);
}
function placeholdersIn(template) {
  const found = /* @__PURE__ */ new Set();
  for (const m of template.matchAll(/\{([a-z]+)\}/g)) {
    if (PLACEHOLDERS.includes(m[1])) found.add(m[1]);
  }
  return [...found];
}
function substitute(template, vars, option = "--capture-command") {
  let out = "";
  let quote = "";
  for (let i = 0; i < template.length; i++) {
    const c = template[i];
    if (quote !== "'" && c === "\\" && i + 1 < template.length) {
      out += c + template[i + 1];
      i++;
      continue;
    }
    if (quote === "" && (c === "'" || c === '"')) quote = c;
    else if (quote !== "" && c === quote) quote = "";
    if (c === "{") {
      const m = /^\{([a-z]+)\}/.exec(template.slice(i));
      if (m && PLACEHOLDERS.includes(m[1])) {
        const name = m[1];
        const v = vars[name];
        if (v === void 0) {
          const hint = name === "pid" ? " (give --pid)" : "";
          throw new UsageError(`${option} uses {${name}} but it has no value here${hint}`);
        }
        out += quoteFor(quote, String(v));
        i += m[0].length - 1;
        continue;
      }
    }
    out += c;
  }
  if (quote !== "") throw new UsageError(`${option}: unbalanced ${quote} quote`);
  return out;
}
function killGroup(child, sig) {
  if (child.pid === void 0) return;
  if (process.platform === "win32") {
    spawnSync("taskkill", ["/pid", String(child.pid), "/T", "/F"], { stdio: "ignore" });
    return;
  }
  try {
    process.kill(-child.pid, sig);
  } catch {
    try {
      child.kill(sig);
    } catch {
    }
  }
}
function installExitHook() {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on("exit", () => {
    for (const c of live) killGroup(c, "SIGKILL");
  });
}
function startCommand(command, opts = {}) {
  installExitHook();
  const win = process.platform === "win32";
  const child = win ? spawn(command, {
    shell: true,
    cwd: opts.cwd,
    env: opts.env,
    stdio: ["ignore", "pipe", "pipe"]
  }) : spawn("/bin/sh", ["-c", command], {
    cwd: opts.cwd,
    env: opts.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"]
  });
  live.add(child);
  let tail = "";
  const chunks = [];
  let stdoutBytes = 0;
  let overflow = false;
  const maxStdout = opts.maxStdoutBytes ?? 512 * 1024 * 1024;
  const partial = { stdout: "", stderr: "" };
  const onData = (stream) => (b) => {
    if (stream === "stdout" && opts.collectStdout) {
      stdoutBytes += b.length;
      if (stdoutBytes > maxStdout) overflow = true;
      else chunks.push(b);
      return;
    }
    const s = b.toString("utf8");
    tail = (tail + s).slice(-TAIL_BYTES);
    if (opts.onLine) {
      const lines = (partial[stream] + s).split(/\r?\n|\r/);
      partial[stream] = lines.pop() ?? "";
      for (const l of lines) if (l.trim()) opts.onLine(stream, l);
    }
  };
  child.stdout?.on("data", onData("stdout"));
  child.stderr?.on("data", onData("stderr"));
  let done = false;
  const exited = new Promise((resolve8) => {
    child.once("error", (e) => {
      live.delete(child);
      done = true;
      resolve8({ code: null, signal: null, error: e.message });
    });
    child.once("close", (code, signal) => {
      live.delete(child);
      done = true;
      resolve8({ code, signal });
    });
  });
  let stopping;
  return {
    pid: child.pid,
    command,
    exited,
    get hasExited() {
      return done;
    },
    stop(graceMs = 2e3) {
      if (stopping) return stopping;
      stopping = (async () => {
        killGroup(child, "SIGTERM");
        if (!done) {
          let timer;
          const killed = await Promise.race([
            exited.then(() => false),
            new Promise((r) => timer = setTimeout(() => r(true), graceMs))
          ]);
          clearTimeout(timer);
          if (killed) {
            killGroup(child, "SIGKILL");
            await Promise.race([exited, new Promise((r) => setTimeout(r, 2e3))]);
          }
        }
        killGroup(child, "SIGKILL");
        live.delete(child);
        return exited;
      })();
      return stopping;
    },
    tail: () => tail.trim(),
    stdout: () => Buffer.concat(chunks),
    stdoutOverflow: () => overflow
  };
}
async function runCommand(command, opts) {
  const rc = startCommand(command, opts);
  let timedOut = false;
  let aborted = false;
  const timer = setTimeout(() => {
    timedOut = true;
    void rc.stop();
  }, opts.timeoutMs);
  const onAbort = () => {
    aborted = true;
    void rc.stop(500);
  };
  if (opts.signal?.aborted) onAbort();
  else opts.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    const info = await rc.exited;
    await rc.stop(500);
    return {
      ...info,
      timedOut,
      aborted,
      tail: rc.tail(),
      stdout: rc.stdout(),
      stdoutOverflow: rc.stdoutOverflow()
    };
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener("abort", onAbort);
  }
}
function describeExit(e) {
  if (e.error) return `could not start: ${e.error}`;
  if (e.signal) return `killed by ${e.signal}`;
  if (e.code === 127) return "exit code 127 (command not found)";
  return `exit code ${e.code}`;
}
var PLACEHOLDERS, TAIL_BYTES, live, exitHookInstalled;
var init_command = __esm({
  "src/capture/command.ts"() {
    "use strict";
    init_errors();
    PLACEHOLDERS = ["pid", "seconds", "out", "type", "url"];
    TAIL_BYTES = 4096;
    live = /* @__PURE__ */ new Set();
    exitHookInstalled = false;
  }
});

// src/capture/endpoints.ts
function isKnownType(t) {
  return KNOWN_TYPES.includes(t);
}
function sampleTypeFor(type) {
  return isKnownType(type) ? SAMPLE_TYPES[type] : void 0;
}
function emptyProfileHint(type) {
  switch (type) {
    case "block":
      return "block profiling is off unless the service calls runtime.SetBlockProfileRate(rate) with rate > 0; otherwise the service was idle";
    case "mutex":
      return "mutex profiling is off unless the service calls runtime.SetMutexProfileFraction(n) with n > 0; otherwise the service was idle";
    default:
      return "the service looks idle during the capture window: drive it with --load-url/--rate (built-in load) or --load-command, or raise --seconds";
  }
}
function resolveEndpoint(url, type, path) {
  let base;
  try {
    base = new URL(url.replace(/\{(seconds|type)\}/g, "0"));
  } catch {
    throw new UsageError(`--url ${JSON.stringify(url)} is not a valid URL`);
  }
  if (base.protocol !== "http:" && base.protocol !== "https:") {
    throw new UsageError(`--url must be http:// or https://, got ${base.protocol}`);
  }
  let template;
  if (path !== void 0) {
    if (!path.startsWith("/")) throw new UsageError(`--path must start with "/", got "${path}"`);
    template = url.replace(/\/+$/, "") + path;
  } else if (base.pathname !== "/" || base.search !== "") {
    template = url;
  } else {
    if (!isKnownType(type)) {
      throw new UsageError(
        `no default endpoint for --type ${type}; give the full URL template (e.g. --url 'http://127.0.0.1:8080/profile?seconds={seconds}') or --path`
      );
    }
    template = url.replace(/\/+$/, "") + GO_PATHS[type];
  }
  return { template, duration: template.includes("{seconds}") };
}
function checkSecondsForEndpoint(ep, seconds, isGoDefault) {
  if (isGoDefault && ep.duration && !Number.isInteger(seconds)) {
    throw new UsageError(
      `--seconds must be a whole number for Go's net/http/pprof endpoints (got ${seconds})`
    );
  }
}
function fillTemplate(template, vars) {
  return template.replace(/\{seconds\}/g, encodeURIComponent(String(vars.seconds))).replace(/\{type\}/g, encodeURIComponent(vars.type));
}
function usesGoDefaults(url, path) {
  if (path !== void 0) return false;
  try {
    const u = new URL(url);
    return u.pathname === "/" && u.search === "";
  } catch {
    return false;
  }
}
function fileStem(type) {
  return type.replace(/[^A-Za-z0-9_.-]+/g, "_").slice(0, 40) || "profile";
}
var KNOWN_TYPES, GO_PATHS, SAMPLE_TYPES;
var init_endpoints = __esm({
  "src/capture/endpoints.ts"() {
    "use strict";
    init_errors();
    KNOWN_TYPES = ["cpu", "allocs", "heap", "block", "mutex", "goroutine"];
    GO_PATHS = {
      cpu: "/debug/pprof/profile?seconds={seconds}",
      // Delta profiles: only what was allocated / blocked during the window.
      allocs: "/debug/pprof/allocs?seconds={seconds}",
      block: "/debug/pprof/block?seconds={seconds}",
      mutex: "/debug/pprof/mutex?seconds={seconds}",
      // In-use memory is a state, not a rate: a snapshot at the end of the window, after a GC so
      // that it is current (a delta of in-use bytes can be negative and is hard to read).
      heap: "/debug/pprof/heap?gc=1",
      goroutine: "/debug/pprof/goroutine"
    };
    SAMPLE_TYPES = {
      cpu: "cpu",
      allocs: "alloc_space",
      heap: "inuse_space",
      block: "delay",
      mutex: "delay",
      goroutine: "goroutine"
    };
  }
});

// src/capture/time.ts
function fmtSeconds(s) {
  return s >= 10 ? `${Math.round(s)} s` : `${Math.round(s * 10) / 10} s`;
}
function sleep(ms, signal) {
  return wait(ms, signal, () => new CaptureError("aborted", "interrupted"));
}
var init_time = __esm({
  "src/capture/time.ts"() {
    "use strict";
    init_retry();
    init_errors3();
  }
});

// src/capture/http-get.ts
import http2 from "node:http";
import https2 from "node:https";
function hostPort(u) {
  return `${u.hostname}:${u.port || (u.protocol === "https:" ? 443 : 80)}`;
}
function networkError(e, u) {
  const code = e.code ?? "";
  switch (code) {
    case "ECONNREFUSED":
      return new CaptureError(
        "refused",
        `connection refused by ${hostPort(u)}: is the service running, and is the profiling endpoint on that port?`,
        true
      );
    case "ENOTFOUND":
    case "EAI_NONAME":
      return new CaptureError("dns", `cannot resolve host "${u.hostname}" (${code})`, false);
    case "EAI_AGAIN":
      return new CaptureError("dns", `temporary DNS failure for "${u.hostname}" (${code})`, true);
    case "ECONNRESET":
    case "EPIPE":
      return new CaptureError(
        "truncated",
        `connection to ${hostPort(u)} reset (${code}) before the profile was complete`,
        true
      );
    case "EHOSTUNREACH":
    case "ENETUNREACH":
    case "ETIMEDOUT":
      return new CaptureError("network", `cannot reach ${hostPort(u)} (${code})`, true);
    default:
      return new CaptureError(
        "network",
        `request to ${u.origin} failed: ${e.message}${code ? ` (${code})` : ""}`,
        true
      );
  }
}
function httpGetOnce(url, opts) {
  const u = new URL(url);
  const mod = u.protocol === "https:" ? https2 : http2;
  const maxBytes = opts.maxBytes ?? 256 * 1024 * 1024;
  return new Promise((resolve8, reject) => {
    let finished = false;
    const finish2 = (err, res) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      opts.signal?.removeEventListener("abort", onAbort);
      if (err) {
        req.destroy();
        reject(err);
      } else resolve8(res);
    };
    const onAbort = () => finish2(new CaptureError("aborted", "interrupted"));
    const req = mod.get(u, { agent: false, headers: opts.headers }, (res) => {
      const status = res.statusCode ?? 0;
      const contentType = String(res.headers["content-type"] ?? "");
      const chunks = [];
      let got = 0;
      const declared = res.headers["content-length"] !== void 0 ? Number(res.headers["content-length"]) : void 0;
      res.on("data", (b) => {
        got += b.length;
        if (status >= 200 && status < 300 && got > maxBytes) {
          finish2(
            new CaptureError(
              "too-large",
              `profile from ${redactUrl(url)} is larger than ${maxBytes} bytes`
            )
          );
          return;
        }
        if (status >= 200 && status < 300) chunks.push(b);
        else if (got < 4096) chunks.push(b);
      });
      const cutShort = () => finish2(
        new CaptureError(
          "truncated",
          `response from ${redactUrl(url)} cut short: got ${got}${declared !== void 0 ? ` of ${declared}` : ""} bytes before the connection closed`,
          true,
          status
        )
      );
      res.on("aborted", cutShort);
      res.on("error", cutShort);
      res.on("close", () => {
        if (!res.complete) cutShort();
      });
      res.on("end", () => {
        if (!res.complete || declared !== void 0 && got < declared) return cutShort();
        if (status < 200 || status >= 300) {
          const text = Buffer.concat(chunks).toString("utf8").replace(/\s+/g, " ").trim().slice(0, 300);
          const retryable = status >= 500 || status === 429 || status === 408;
          let hint = "";
          if (status === 404)
            hint = " (check --url, --path and --type: is net/http/pprof registered on this mux?)";
          else if (status >= 300 && status < 400)
            hint = ` (redirect to ${res.headers.location ?? "?"}; give the final URL)`;
          else if (status === 400 && /WriteTimeout/i.test(text))
            hint = " (lower --seconds below the server's WriteTimeout)";
          return finish2(
            new CaptureError(
              "http",
              `HTTP ${status} from ${redactUrl(url)}${text ? `: ${text}` : ""}${hint}`,
              retryable,
              status
            )
          );
        }
        finish2(void 0, { bytes: Buffer.concat(chunks), status, contentType });
      });
    });
    req.on("error", (e) => finish2(networkError(e, u)));
    const timer = setTimeout(
      () => finish2(
        new CaptureError(
          "timeout",
          `no complete answer from ${redactUrl(url)} within ${fmtSeconds(opts.timeoutMs / 1e3)}${opts.deadlineNote ? ` (${opts.deadlineNote})` : ""}: the endpoint hangs or is overloaded`,
          false
        )
      ),
      opts.timeoutMs
    );
    if (opts.signal?.aborted) onAbort();
    else opts.signal?.addEventListener("abort", onAbort, { once: true });
  });
}
var init_http_get = __esm({
  "src/capture/http-get.ts"() {
    "use strict";
    init_errors3();
    init_time();
    init_url();
  }
});

// src/capture/load.ts
import { performance as performance2 } from "node:perf_hooks";
function loadRecord(o, role) {
  if (!o.load) return { kind: "none" };
  if (o.load.kind === "command") return { kind: "command", command: o.load.command };
  const targets = role === "baseline" ? o.load.baselineTargets : o.load.targets;
  return {
    kind: "builtin",
    rate: o.load.rate,
    urls: [...new Set(targets.map((t) => redactUrl(t.url)))],
    mix: targets.map((t) => ({ method: t.method, url: redactUrl(t.url), weight: t.weight }))
  };
}
function startLoad(run) {
  const load = run.o.load;
  if (load?.kind === "builtin") startGenerators(run, load);
  else if (load?.kind === "command") startLoadCommand(run, load);
}
function startGenerators(run, l) {
  const { sets } = run;
  for (const s of sets) {
    s.gen = new LoadGenerator({
      rate: l.rate,
      targets: s.targets,
      maxInFlight: l.maxInFlight,
      requestTimeoutMs: l.requestTimeoutMs,
      headers: l.headers
    });
  }
  for (const s of sets) s.gen.start();
  const mix2 = sets[sets.length - 1].targets;
  run.progress({
    kind: "info",
    message: `load: ${l.rate} req/s open-loop${sets.length > 1 ? " to each build" : ""} (${mix2.map((t) => `${t.method} ${redactUrl(t.url)}${mix2.length > 1 ? ` x${t.weight}` : ""}`).join(", ")})`
  });
}
function startLoadCommand(run, l) {
  const secs = Math.ceil(run.plannedS * 1.5 + 30);
  const cmd = substitute(
    l.command,
    { seconds: secs, url: l.loadUrl, type: run.o.type },
    "--load-command"
  );
  const lc = startCommand(cmd, {});
  run.loadCommand = lc;
  void lc.exited.then((info) => {
    if (run.stoppingLoad) return;
    const ranFor = (performance2.now() - run.startedAt) / 1e3;
    run.loadFailure = new CaptureError(
      "load",
      `the load command exited early (${describeExit(info)}) after ${fmtSeconds(ranFor)}; it must keep running until the last capture ends${lc.tail() ? `. Its last output:
${lc.tail()}` : ""}`
    );
    run.abort.abort();
  });
  run.progress({ kind: "info", message: `load: started \`${l.command}\` (pid ${lc.pid ?? "?"})` });
}
async function stopLoad(run) {
  run.stoppingLoad = true;
  for (const s of run.sets) await s.gen?.stop();
  if (run.loadCommand) await run.loadCommand.stop(3e3);
}
function checkWarmupLoad(run, before) {
  const { warmupS } = run.settings;
  run.sets.forEach((s, i) => {
    if (!s.gen) return;
    const w = windowBetween(before[i], s.gen.snapshot());
    if (w.completed === 0) {
      throw new CaptureError(
        "load",
        `the load generator completed no request during the ${fmtSeconds(warmupS)} warm-up${s.role ? ` (${s.role})` : ""}: ${w.failed} failed (${describeLoadErrors(s.gen) || "no answer"}); check --load-url${s.role === "baseline" ? " / --baseline-load-url" : ""}`
      );
    }
  });
}
function warnLowLoadTotals(run) {
  for (const s of run.sets) {
    if (!s.gen) continue;
    const sum = summarizeLoad(s.role, s.gen);
    if (sum.sentRate < sum.askedRate * run.settings.rateWarn) {
      run.warn(
        `load${s.role ? ` (${s.role})` : ""}: achieved ${sum.sentRate.toFixed(1)} req/s of the asked ${sum.askedRate} over the run (${sum.dropped} dropped)`
      );
    }
  }
}
function loadSummaries(run) {
  const withGen = run.sets.filter((s) => s.gen);
  return withGen.length ? withGen.map((s) => summarizeLoad(s.role, s.gen)) : void 0;
}
function summarizeLoad(role, gen) {
  const w = gen.summary();
  return {
    role,
    askedRate: gen.rate,
    sentRate: w.sentRate,
    completedRate: w.completedRate,
    sent: w.sent,
    completed: w.completed,
    failed: w.failed,
    dropped: w.dropped,
    seconds: w.seconds,
    errors: Object.fromEntries(gen.errors)
  };
}
function describeLoadErrors(gen) {
  const parts2 = [...gen.errors.entries()].sort((a, b) => b[1] - a[1]).slice(0, 3);
  return parts2.map(([k, n]) => `${k} x${n}`).join(", ");
}
var init_load = __esm({
  "src/capture/load.ts"() {
    "use strict";
    init_command();
    init_errors3();
    init_loadgen();
    init_time();
    init_url();
  }
});

// src/capture/fingerprint.ts
import os from "node:os";
function runnerFingerprint(runtimeVersion) {
  const cpus = os.cpus();
  const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : cpus.length;
  const fp = {
    cpuModel: (cpus[0]?.model ?? "unknown").replace(/\s+/g, " ").trim(),
    cores,
    os: `${os.type()} ${os.release()}`,
    arch: os.arch(),
    node: process.version
  };
  if (runtimeVersion) fp.runtimeVersion = runtimeVersion;
  return fp;
}
var init_fingerprint = __esm({
  "src/capture/fingerprint.ts"() {
    "use strict";
  }
});

// src/capture/run.ts
import { randomBytes as randomBytes2 } from "node:crypto";
import { join as join5 } from "node:path";
import { performance as performance3 } from "node:perf_hooks";
function reporter(progress = () => {
}) {
  const warnings = [];
  return {
    progress,
    warnings,
    warn: (message) => {
      warnings.push(message);
      progress({ kind: "warning", message });
    }
  };
}
function createRun(o, settings, sets, out) {
  const totalCaptures = o.captures * sets.length;
  const abort = new AbortController();
  return {
    ...out,
    o,
    settings,
    sets,
    totalCaptures,
    plannedS: settings.warmupS + totalCaptures * (o.seconds + CAPTURE_OVERHEAD_S),
    startedAt: performance3.now(),
    abort,
    signal: abort.signal,
    temps: /* @__PURE__ */ new Set(),
    stoppingLoad: false
  };
}
function newSets(o, settings, endpoints) {
  const fingerprint = runnerFingerprint(o.runtimeVersion);
  const createdAt = (/* @__PURE__ */ new Date()).toISOString();
  const run = { id: randomBytes2(8).toString("hex"), interleaved: settings.interleaved };
  const { sampleType } = settings;
  const roles = settings.interleaved ? ["baseline", "canary"] : [void 0];
  return roles.map((role) => {
    const dir = role ? join5(o.outDir, role) : o.outDir;
    const isBase = role === "baseline";
    const url = isBase ? o.baselineUrl : o.url;
    const endpoint = isBase ? endpoints.baseline : endpoints.canary;
    const source = endpoint ? {
      kind: "http",
      // no credentials in a manifest: user-info removed, token-like parameters blanked
      url: redactUrl(fillTemplate(endpoint.template, { seconds: o.seconds, type: o.type }))
    } : { kind: "command", command: o.captureCommand };
    const labels = { ...o.labels ?? {} };
    const manifest = {
      formatVersion: MANIFEST_FORMAT_VERSION,
      tool: { name: "profile-gate", version: VERSION },
      createdAt,
      source,
      profileType: o.type,
      ...sampleType ? { sampleType } : {},
      labels,
      runner: fingerprint,
      load: loadRecord(o, role),
      captures: [],
      run,
      incomplete: { reason: "capture in progress", requestedCaptures: o.captures }
    };
    return {
      role,
      dir,
      url,
      endpoint,
      pid: isBase ? o.baselinePid : o.pid,
      targets: o.load?.kind === "builtin" ? isBase ? o.load.baselineTargets : o.load.targets : void 0,
      manifest
    };
  });
}
function writeSetFile(s, file, bytes) {
  writingTo(join5(s.dir, file), () => writeCaptureFile(s.dir, file, bytes));
}
function writeSetManifest(s) {
  writingTo(join5(s.dir, MANIFEST_FILE), () => writeManifest(s.dir, s.manifest));
}
function writingTo(path, write) {
  try {
    write();
  } catch (e) {
    throw new CaptureError("io", `cannot write ${path}: ${e.message}`);
  }
}
var CAPTURE_OVERHEAD_S;
var init_run = __esm({
  "src/capture/run.ts"() {
    "use strict";
    init_manifest();
    init_write();
    init_url();
    init_version();
    init_endpoints();
    init_errors3();
    init_fingerprint();
    init_load();
    CAPTURE_OVERHEAD_S = 0.3;
  }
});

// src/capture/attempt.ts
import { randomBytes as randomBytes3 } from "node:crypto";
import { existsSync as existsSync4, readFileSync as readFileSync5, rmSync as rmSync3 } from "node:fs";
import { join as join6 } from "node:path";
import { performance as performance4 } from "node:perf_hooks";
async function captureOnce(run, s, n, index) {
  const stem = `${fileStem(run.o.type)}-${String(n).padStart(3, "0")}`;
  const win = openWindow(s.gen, run.o.seconds);
  let bytes;
  let end;
  try {
    bytes = s.endpoint ? await fetchOverHttp(run, s.endpoint) : await runCaptureCommand(run, s, stem);
  } finally {
    end = win.close();
  }
  const window2 = win.start.counters && end.counters ? windowBetween(win.start.counters, end.counters) : void 0;
  const checked = checkCapture(run, s, bytes, stem, index, window2);
  const file = stem + checked.ext;
  writeSetFile(s, file, bytes);
  const entry = captureEntry(file, bytes, {
    ...s.role ? { role: s.role } : {},
    start: iso2(win.start.epoch),
    end: iso2(end.epoch),
    durationSeconds: Math.round(end.at - win.start.at) / 1e3
  });
  if (window2) {
    entry.requests = {
      completed: window2.completed,
      failed: window2.failed,
      dropped: window2.dropped
    };
  }
  run.progress({
    kind: "capture-done",
    index,
    total: run.totalCaptures,
    role: s.role,
    entry,
    window: window2,
    askedRate: s.gen?.rate
  });
  if (window2 && s.gen) warnIfLoadShort(run, s.gen, s, index, window2);
  return entry;
}
function openWindow(gen, seconds) {
  const edge = () => {
    const counters = gen?.snapshot();
    return { epoch: Date.now(), at: performance4.now(), counters };
  };
  const start = edge();
  let end;
  const timer = setTimeout(() => {
    end = edge();
  }, seconds * 1e3);
  return {
    start,
    close: () => {
      clearTimeout(timer);
      return end ??= edge();
    }
  };
}
async function fetchOverHttp(run, endpoint) {
  const { o } = run;
  const grace = run.settings.graceMs;
  const url = fillTemplate(endpoint.template, { seconds: o.seconds, type: o.type });
  let timeoutMs = o.seconds * 1e3 + grace;
  if (!endpoint.duration) {
    await sleep(o.seconds * 1e3, run.signal);
    timeoutMs = grace || 1e3;
  }
  const { bytes } = await httpGetOnce(url, {
    timeoutMs,
    maxBytes: o.limits?.maxInputBytes ?? DEFAULT_LIMITS.maxInputBytes,
    signal: run.signal,
    headers: o.headers,
    deadlineNote: endpoint.duration ? `--seconds ${o.seconds} + ${fmtSeconds(grace / 1e3)} grace; raise --timeout-grace if it is only slow` : `${fmtSeconds(grace / 1e3)} grace for a snapshot`
  });
  return bytes;
}
async function runCaptureCommand(run, s, stem) {
  const { o } = run;
  const deadlineMs = o.seconds * 1e3 + run.settings.graceMs;
  const tmp = tempPath(s.dir, stem + ".out");
  run.temps.add(tmp);
  try {
    const wantsOut = placeholdersIn(o.captureCommand).includes("out");
    const cmd = substitute(o.captureCommand, {
      pid: s.pid,
      seconds: o.seconds,
      out: tmp,
      type: o.type,
      url: o.url
    });
    const r = await runCommand(cmd, {
      timeoutMs: deadlineMs,
      signal: run.signal,
      collectStdout: !wantsOut
    });
    if (r.aborted) throw new CaptureError("aborted", "interrupted");
    if (r.timedOut) {
      throw new CaptureError(
        "timeout",
        `capture command did not finish within ${fmtSeconds(deadlineMs / 1e3)} (--seconds ${o.seconds} + grace)${r.tail ? `; its last output:
${r.tail}` : ""}`
      );
    }
    if (r.code !== 0) {
      throw new CaptureError(
        "command",
        `capture command failed (${describeExit(r)})${r.tail ? `; its last output:
${r.tail}` : ""}`,
        r.code !== 127 && !r.error
      );
    }
    if (!wantsOut) {
      if (r.stdoutOverflow)
        throw new CaptureError("too-large", "capture command printed more than 512 MiB");
      return r.stdout;
    }
    if (!existsSync4(tmp)) {
      throw new CaptureError(
        "command",
        `capture command exited 0 but wrote nothing at {out}${r.tail ? `; its output:
${r.tail}` : ""}`,
        true
      );
    }
    return readFileSync5(tmp);
  } finally {
    rmSync3(tmp, { force: true });
    run.temps.delete(tmp);
  }
}
function checkCapture(run, s, bytes, stem, index, window2) {
  const { sampleType, emptyHint } = run.settings;
  let checked;
  try {
    checked = checkProfile(bytes, stem, sampleType, emptyHint, run.o.limits);
  } catch (e) {
    if (e instanceof CaptureError && e.kind === "empty" && window2 && s.gen) {
      e.message += ` (load in this window: ${window2.completed} requests completed, ${window2.failed} failed${s.gen.lastError ? `, last error ${s.gen.lastError}` : ""})`;
    }
    throw e;
  }
  for (const w of checked.warnings) run.warn(w);
  if (sampleType === void 0 && s.manifest.sampleType === void 0)
    s.manifest.sampleType = checked.sampleType;
  if (window2 && window2.completed === 0 && window2.failed + window2.dropped > 0) {
    throw new CaptureError(
      "load",
      `no load request completed during capture ${index} (${window2.failed} failed, ${window2.dropped} dropped; ${describeLoadErrors(s.gen)}): the capture would not be under load; check --load-url`
    );
  }
  return checked;
}
function warnIfLoadShort(run, gen, s, index, window2) {
  const asked = gen.rate;
  const limit = asked * run.settings.rateWarn;
  const which = `capture ${index}${s.role ? ` (${s.role})` : ""}`;
  if (window2.sentRate < limit) {
    run.warn(
      `${which}: the load generator sent ${window2.sentRate.toFixed(1)} req/s of the asked ${asked}` + (window2.dropped > 0 ? ` (${window2.dropped} arrivals dropped: ${gen.maxInFlight} requests already in flight, the service is slower than the asked rate)` : "")
    );
  } else if (window2.completedRate < limit) {
    run.warn(
      `${which}: the service completed ${window2.completedRate.toFixed(1)} req/s of the asked ${asked} (${window2.failed} failed${gen.lastError ? `, last error ${gen.lastError}` : ""})`
    );
  }
}
function tempPath(dir, stem) {
  return join6(dir, `.${stem}.tmp-${process.pid}-${randomBytes3(4).toString("hex")}`);
}
function iso2(epochMs) {
  return new Date(epochMs).toISOString();
}
var init_attempt = __esm({
  "src/capture/attempt.ts"() {
    "use strict";
    init_write();
    init_check_profile();
    init_command();
    init_endpoints();
    init_errors3();
    init_limits();
    init_http_get();
    init_load();
    init_loadgen();
    init_run();
    init_time();
  }
});

// src/capture/options.ts
import { existsSync as existsSync5, mkdirSync as mkdirSync3, readdirSync as readdirSync3, rmSync as rmSync4 } from "node:fs";
import { join as join7 } from "node:path";
function settingsOf(o) {
  return {
    graceMs: (o.timeoutGraceSeconds ?? DEFAULT_GRACE_S) * 1e3,
    retries: o.retries ?? 3,
    backoffMs: o.retryBackoffMs ?? 500,
    interleaved: o.baselineUrl !== void 0 || o.baselinePid !== void 0,
    warmupS: o.warmupSeconds ?? (o.load ? 3 : 0),
    sampleType: o.sampleType ?? sampleTypeFor(o.type),
    emptyHint: emptyProfileHint(o.type),
    tickMs: o.progressIntervalMs ?? 1e3,
    rateWarn: o.rateWarnFraction ?? 0.9
  };
}
function validate(o) {
  if (!o.outDir) throw new UsageError("an output folder is needed (--out DIR)");
  if (!o.type || !/^[A-Za-z0-9_.-]+$/.test(o.type)) {
    throw new UsageError(
      `--type must be a profile kind such as cpu, allocs, heap, block, mutex (got "${o.type}")`
    );
  }
  if (!Number.isInteger(o.captures) || o.captures < 1 || o.captures > 1e3) {
    throw new UsageError(`--captures must be a whole number from 1 to 1000 (got ${o.captures})`);
  }
  if (!(o.seconds > 0) || o.seconds > 3600) {
    throw new UsageError(`--seconds must be above 0 and at most 3600 (got ${o.seconds})`);
  }
  if (o.warmupSeconds !== void 0 && !(o.warmupSeconds >= 0 && o.warmupSeconds <= 3600)) {
    throw new UsageError(`--warmup must be from 0 to 3600 seconds (got ${o.warmupSeconds})`);
  }
  if (o.url === void 0 === (o.captureCommand === void 0)) {
    throw new UsageError("give exactly one of --url (a profiling endpoint) and --capture-command");
  }
  if (o.baselineUrl !== void 0 && o.url === void 0) {
    throw new UsageError(
      "--baseline-url goes with --url (use --baseline-pid with --capture-command)"
    );
  }
  if (o.baselinePid !== void 0 && o.captureCommand === void 0) {
    throw new UsageError("--baseline-pid goes with --capture-command");
  }
  for (const [name, v] of [
    ["--pid", o.pid],
    ["--baseline-pid", o.baselinePid]
  ]) {
    if (v !== void 0 && !(Number.isInteger(v) && v > 0))
      throw new UsageError(`${name} must be a positive whole number`);
  }
  if (o.timeoutGraceSeconds !== void 0 && !(o.timeoutGraceSeconds >= 0)) {
    throw new UsageError("--timeout-grace must be 0 or more seconds");
  }
  if (o.retries !== void 0 && !(Number.isInteger(o.retries) && o.retries >= 0 && o.retries <= 20)) {
    throw new UsageError("--retries must be a whole number from 0 to 20");
  }
  if (o.captureCommand) {
    const used = placeholdersIn(o.captureCommand);
    if (used.includes("pid") && o.pid === void 0) {
      throw new UsageError("--capture-command uses {pid}: give --pid");
    }
    if (o.baselinePid !== void 0 && !used.includes("pid")) {
      throw new UsageError(
        "--baseline-pid needs {pid} in --capture-command (to tell the builds apart)"
      );
    }
    substitute(o.captureCommand, {
      pid: o.pid ?? 1,
      seconds: o.seconds,
      out: "/x",
      type: o.type,
      url: ""
    });
  }
  for (const [k, v] of Object.entries(o.labels ?? {})) {
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(k))
      throw new UsageError(`label name "${k}" must be letters, digits, _ . -`);
    if (typeof v !== "string") throw new UsageError(`label ${k} needs a string value`);
  }
  const ab = o.baselineUrl !== void 0 || o.baselinePid !== void 0;
  if (o.load?.kind === "builtin") {
    if (!(o.load.rate > 0) || !Number.isFinite(o.load.rate) || o.load.rate > 1e5) {
      throw new UsageError(
        `--rate must be above 0 and at most 100000 requests/s (got ${o.load.rate})`
      );
    }
    if (o.load.targets.length === 0) throw new UsageError("the load mix is empty");
    if (ab && !o.load.baselineTargets?.length) {
      throw new UsageError(
        "--baseline-load-url is needed with a baseline: both builds must get the same load (each gets --rate)"
      );
    }
  }
  if (o.load?.kind === "command" && !o.load.command.trim())
    throw new UsageError("--load-command is empty");
}
function prepareOutDirs(o, dirs, interleaved, warn) {
  if (interleaved && existsSync5(o.outDir)) {
    const stray = readdirSync3(o.outDir).filter(
      (f) => !f.startsWith(".") && f !== "baseline" && f !== "canary"
    );
    if (stray.length > 0 && !o.overwrite) {
      throw new UsageError(
        `output folder ${o.outDir} is not empty (${stray.slice(0, 3).join(", ")}); use a new folder or --force`
      );
    }
  }
  for (const dir of dirs) prepareDir(dir, o.overwrite ?? false, warn);
}
function prepareDir(dir, overwrite, warn) {
  if (existsSync5(dir)) {
    const visible = readdirSync3(dir).filter((f) => !f.startsWith("."));
    const theirs = visible.filter((f) => f !== "baseline" && f !== "canary");
    if (theirs.length > 0) {
      if (!overwrite) {
        throw new UsageError(
          `output folder ${dir} is not empty (${theirs.slice(0, 3).join(", ")}${theirs.length > 3 ? ", ..." : ""}); use a new folder or --force to replace the set in it`
        );
      }
      const mf = join7(dir, MANIFEST_FILE);
      if (existsSync5(mf)) {
        try {
          const old = readManifestFile(mf);
          for (const c of old.captures) {
            if (typeof c.file === "string" && !c.file.includes("/") && !c.file.includes("\\")) {
              rmSync4(join7(dir, c.file), { force: true });
            }
          }
        } catch {
        }
        rmSync4(mf, { force: true });
      }
      const left = readdirSync3(dir).filter(
        (f) => !f.startsWith(".") && f !== "baseline" && f !== "canary"
      );
      if (left.length > 0) {
        warn(
          `output folder ${dir} still holds files not made by this tool (${left.slice(0, 3).join(", ")}): compare reads every file in the folder`
        );
      }
    }
  }
  mkdirSync3(dir, { recursive: true });
}
var DEFAULT_GRACE_S;
var init_options = __esm({
  "src/capture/options.ts"() {
    "use strict";
    init_manifest();
    init_errors();
    init_command();
    init_endpoints();
    DEFAULT_GRACE_S = 15;
  }
});

// src/capture/retry.ts
function withRetries(fn, opts) {
  return retry(fn, {
    retries: opts.retries,
    baseMs: opts.backoffMs,
    maxMs: opts.maxBackoffMs ?? 8e3,
    isRetryable: (e) => e instanceof CaptureError && e.retryable,
    onRetry: opts.onRetry,
    giveUp: (e, attempt) => {
      const err = e instanceof CaptureError ? e : new CaptureError("io", e?.message ?? String(e));
      if (err.retryable && attempt > 1) err.message += ` (gave up after ${attempt} attempts)`;
      return err;
    },
    signal: opts.signal,
    abortError: () => new CaptureError("aborted", "interrupted")
  });
}
function retryInRun(run, s, index, fn) {
  return withRetries(fn, {
    retries: run.settings.retries,
    backoffMs: run.settings.backoffMs,
    signal: run.signal,
    onRetry: (attempt, delayMs, e) => run.progress({ kind: "retry", index, role: s.role, attempt, delayMs, reason: e.message })
  });
}
var init_retry2 = __esm({
  "src/capture/retry.ts"() {
    "use strict";
    init_retry();
    init_errors3();
  }
});

// src/capture/safety.ts
import { lookup } from "node:dns/promises";
import { isIP } from "node:net";
function v4Parts(ip) {
  return ip.split(".").map((x) => Number(x));
}
function classifyIp(ip) {
  const bare = ip.replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  const kind = isIP(bare);
  if (kind === 4) {
    const [a, b] = v4Parts(bare);
    if (a === 127) return "loopback";
    if (a === 0) return "loopback";
    if (a === 10) return "private";
    if (a === 172 && b >= 16 && b <= 31) return "private";
    if (a === 192 && b === 168) return "private";
    if (a === 169 && b === 254) return "private";
    if (a === 100 && b >= 64 && b <= 127) return "private";
    return "public";
  }
  if (kind === 6) {
    const lower = bare.toLowerCase();
    if (lower === "::1" || lower === "::") return "loopback";
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
    if (mapped) return classifyIp(mapped[1]);
    const first = parseInt(lower.split(":")[0] || "0", 16);
    if ((first & 65024) === 64512) return "private";
    if ((first & 65472) === 65152) return "private";
    return "public";
  }
  throw new Error(`not an IP address: ${ip}`);
}
async function checkTarget(url, what = "profiling endpoint", resolve8 = defaultResolve) {
  const u = new URL(url);
  const host = u.hostname.replace(/^\[|\]$/g, "");
  let addresses;
  if (isIP(host)) addresses = [host];
  else if (host === "localhost" || host.endsWith(".localhost")) addresses = ["127.0.0.1"];
  else {
    try {
      addresses = await resolve8(host);
    } catch {
      return { url, host, addresses: [] };
    }
  }
  if (addresses.length === 0) return { url, host, addresses };
  const order = ["loopback", "private", "public"];
  let worst = "loopback";
  for (const a of addresses) {
    const c = classifyIp(a);
    if (order.indexOf(c) > order.indexOf(worst)) worst = c;
  }
  const out = { url, host, class: worst, addresses };
  if (worst === "public") {
    const shown = isIP(host) ? host : `${host} (${addresses.join(", ")})`;
    out.warning = `the ${what} ${shown} is not a loopback or private address. Profiling endpoints are admin surfaces: bind them to localhost or an internal port, never to a public interface.`;
  }
  return out;
}
async function defaultResolve(host) {
  const res = await lookup(host, { all: true });
  return res.map((r) => r.address);
}
var init_safety = __esm({
  "src/capture/safety.ts"() {
    "use strict";
  }
});

// src/capture/probe.ts
import net from "node:net";
async function resolveEndpoints(o, warn) {
  const canary = o.url !== void 0 ? resolveEndpoint(o.url, o.type, o.path) : void 0;
  const baseline = o.baselineUrl !== void 0 ? resolveEndpoint(o.baselineUrl, o.type, o.path) : void 0;
  if (canary) checkSecondsForEndpoint(canary, o.seconds, usesGoDefaults(o.url, o.path));
  if (baseline)
    checkSecondsForEndpoint(baseline, o.seconds, usesGoDefaults(o.baselineUrl, o.path));
  const safetyTargets = [];
  if (o.url) safetyTargets.push([o.url.replace(/\{(seconds|type)\}/g, "0"), "profiling endpoint"]);
  if (o.baselineUrl)
    safetyTargets.push([
      o.baselineUrl.replace(/\{(seconds|type)\}/g, "0"),
      "baseline profiling endpoint"
    ]);
  for (const [u, what] of safetyTargets) {
    const s = await checkTarget(u, what);
    if (s.warning) warn(s.warning);
  }
  return { canary, baseline };
}
async function probeEndpoints(run) {
  for (const s of run.sets) {
    if (!s.url) continue;
    const url = s.url.replace(/\{(seconds|type)\}/g, "0");
    await retryInRun(run, s, 0, () => tcpProbe(url, 5e3, run.signal));
  }
}
function tcpProbe(url, timeoutMs, signal) {
  const u = new URL(url);
  const port = Number(u.port || (u.protocol === "https:" ? 443 : 80));
  return new Promise((resolve8, reject) => {
    const sock = net.connect({ host: u.hostname.replace(/^\[|\]$/g, ""), port });
    const done = (err) => {
      clearTimeout(t);
      signal?.removeEventListener("abort", onAbort);
      sock.destroy();
      if (err) reject(err);
      else resolve8();
    };
    const onAbort = () => done(new CaptureError("aborted", "interrupted"));
    const t = setTimeout(
      () => done(
        new CaptureError(
          "network",
          `cannot connect to ${u.host} within ${fmtSeconds(timeoutMs / 1e3)}`,
          true
        )
      ),
      timeoutMs
    );
    sock.once("connect", () => done());
    sock.once("error", (e) => {
      const code = e.code ?? "";
      if (code === "ECONNREFUSED") {
        done(
          new CaptureError(
            "refused",
            `connection refused by ${u.host}: is the service running, and is the profiling endpoint on that port?`,
            true
          )
        );
      } else if (code === "ENOTFOUND" || code === "EAI_NONAME") {
        done(new CaptureError("dns", `cannot resolve host "${u.hostname}" (${code})`));
      } else done(new CaptureError("network", `cannot connect to ${u.host}: ${e.message}`, true));
    });
    if (signal?.aborted) onAbort();
    else signal?.addEventListener("abort", onAbort, { once: true });
  });
}
var init_probe = __esm({
  "src/capture/probe.ts"() {
    "use strict";
    init_endpoints();
    init_errors3();
    init_retry2();
    init_safety();
    init_time();
  }
});

// src/capture/runner.ts
import { rmSync as rmSync5 } from "node:fs";
import { join as join8 } from "node:path";
import { performance as performance5 } from "node:perf_hooks";
async function runCapture(options, hooks = {}) {
  const o = options;
  validate(o);
  const out = reporter(hooks.progress);
  const settings = settingsOf(o);
  const endpoints = await resolveEndpoints(o, out.warn);
  const sets = newSets(o, settings, endpoints);
  prepareOutDirs(
    o,
    sets.map((s) => s.dir),
    settings.interleaved,
    out.warn
  );
  const run = createRun(o, settings, sets, out);
  const detach = forwardAbort(hooks.signal, run.abort);
  let failure;
  try {
    await probeEndpoints(run);
    startLoad(run);
    await warmUp(run);
    await takeCaptures(run);
  } catch (e) {
    failure = failureOf(run, e, hooks.signal);
  } finally {
    stopTicker(run);
    detach();
    await stopLoad(run);
    for (const t of run.temps) rmSync5(t, { force: true });
  }
  if (!failure) warnLowLoadTotals(run);
  finishManifests(run, failure);
  if (failure) throw new CaptureRunError(failure, runResult(run));
  return runResult(run);
}
function forwardAbort(outer, inner) {
  const onAbort = () => inner.abort();
  if (outer?.aborted) inner.abort();
  else outer?.addEventListener("abort", onAbort, { once: true });
  return () => outer?.removeEventListener("abort", onAbort);
}
async function warmUp(run) {
  const { warmupS } = run.settings;
  if (warmupS <= 0) return;
  run.progress({ kind: "info", message: `warm-up: ${fmtSeconds(warmupS)}` });
  const before = run.sets.map((s) => s.gen?.snapshot());
  startTicker(run, "warmup", warmupS, run.totalCaptures);
  await sleep(warmupS * 1e3, run.signal);
  stopTicker(run);
  checkWarmupLoad(run, before);
}
async function takeCaptures(run) {
  const { o, totalCaptures } = run;
  let index = 0;
  for (let n = 1; n <= o.captures; n++) {
    for (const s of run.sets) {
      const i = ++index;
      if (run.signal.aborted) throw new CaptureError("aborted", "interrupted");
      await loadOnly(run, s);
      run.progress({
        kind: "capture-start",
        index: i,
        total: totalCaptures,
        role: s.role,
        seconds: o.seconds
      });
      startTicker(run, "capture", o.seconds, totalCaptures - i, s, i);
      try {
        const entry = await retryInRun(run, s, i, () => captureOnce(run, s, n, i));
        s.manifest.captures.push(entry);
        writeSetManifest(s);
      } finally {
        stopTicker(run);
      }
    }
  }
}
async function loadOnly(run, s) {
  if (!run.settings.interleaved || !s.gen) return;
  let switched = false;
  for (const other of run.sets) {
    if (other === s || !other.gen?.running) continue;
    other.gen.pause();
    switched = true;
  }
  if (!s.gen.running) {
    s.gen.resume();
    switched = true;
  }
  if (switched) await sleep(ALTERNATE_SETTLE_MS, run.signal);
}
function failureOf(run, e, outer) {
  if (run.loadFailure) return run.loadFailure;
  if (outer?.aborted) return new CaptureError("aborted", "interrupted");
  if (e instanceof UsageError) return new CaptureError("io", e.message);
  if (e instanceof CaptureError) return e;
  return new CaptureError("io", e?.message ?? String(e));
}
function finishManifests(run, failure) {
  for (const s of run.sets) {
    if (failure) {
      s.manifest.incomplete = {
        reason: failure.kind === "aborted" ? "interrupted" : failure.message.split("\n")[0],
        requestedCaptures: run.o.captures
      };
    } else delete s.manifest.incomplete;
    try {
      writeSetManifest(s);
    } catch (e) {
      if (!failure) throw e;
    }
  }
}
function runResult(run) {
  const sets = run.sets.map((s) => ({
    role: s.role,
    dir: s.dir,
    manifestPath: join8(s.dir, MANIFEST_FILE),
    manifest: s.manifest
  }));
  const canary = sets[sets.length - 1];
  return {
    manifest: canary.manifest,
    manifestPath: canary.manifestPath,
    sets,
    warnings: run.warnings,
    load: loadSummaries(run)
  };
}
function startTicker(run, phase, lengthS, capturesLeftAfter, s, index) {
  const t0 = performance5.now();
  const gen = s?.gen ?? run.sets[run.sets.length - 1].gen;
  const base = gen?.snapshot();
  clearInterval(run.ticker);
  run.ticker = setInterval(() => {
    const elapsed = (performance5.now() - t0) / 1e3;
    const left = Math.max(0, lengthS - elapsed);
    const ev = {
      kind: "tick",
      phase,
      index,
      total: index !== void 0 ? run.totalCaptures : void 0,
      role: s?.role,
      secondsLeft: left,
      totalSecondsLeft: left + capturesLeftAfter * (run.o.seconds + CAPTURE_OVERHEAD_S)
    };
    if (gen && base) {
      const w = windowBetween(base, gen.snapshot());
      ev.askedRate = gen.rate;
      ev.sentRate = w.sentRate;
      ev.completedRate = w.completedRate;
      ev.failed = w.failed;
    }
    run.progress(ev);
  }, run.settings.tickMs);
  run.ticker.unref?.();
}
function stopTicker(run) {
  clearInterval(run.ticker);
  run.ticker = void 0;
}
var CaptureRunError, ALTERNATE_SETTLE_MS;
var init_runner = __esm({
  "src/capture/runner.ts"() {
    "use strict";
    init_manifest();
    init_errors();
    init_attempt();
    init_errors3();
    init_load();
    init_loadgen();
    init_options();
    init_probe();
    init_retry2();
    init_run();
    init_time();
    CaptureRunError = class extends CaptureError {
      constructor(cause, partial) {
        super(cause.kind, cause.message, false, cause.status);
        this.partial = partial;
      }
      partial;
    };
    ALTERNATE_SETTLE_MS = 500;
  }
});

// src/cli/capture.ts
var capture_exports = {};
__export(capture_exports, {
  CAPTURE_USAGE: () => CAPTURE_USAGE,
  captureCommand: () => captureCommand,
  captureOptionsFromArgs: () => captureOptionsFromArgs,
  progressPrinter: () => progressPrinter,
  registerCaptureSecrets: () => registerCaptureSecrets
});
import { resolve as resolve7 } from "node:path";
function parseLabels(list) {
  const out = {};
  for (const l of list) {
    const i = l.indexOf("=");
    if (i <= 0) throw new UsageError(`--label "${l}" is not KEY=VALUE`);
    out[l.slice(0, i)] = l.slice(i + 1);
  }
  return out;
}
function captureOptionsFromArgs(argv, cwd) {
  const a = parseArgs(argv, SPEC4);
  if (a.positionals.length)
    throw new UsageError(`unexpected argument "${a.positionals[0]}"
${CAPTURE_USAGE}`);
  const s = a.strings;
  const n = a.numbers;
  if (!s.out) throw new UsageError(`--out DIR is needed
${CAPTURE_USAGE}`);
  if (!s.url && !s["capture-command"])
    throw new UsageError(`--url or --capture-command is needed
${CAPTURE_USAGE}`);
  const mixSpec = s["load-mix"];
  let load;
  if (s["load-url"] && s["load-command"])
    throw new UsageError("give --load-url (built-in load) or --load-command, not both");
  if (s["load-url"]) {
    if (n.rate === void 0) throw new UsageError("--load-url needs --rate (requests per second)");
    const targetsFor = (base) => mixSpec ? parseLoadMix(mixSpec, base, cwd) : [{ method: "GET", url: new URL(base).toString(), weight: 1 }];
    const checkUrl = (u, opt) => {
      try {
        new URL(u);
      } catch {
        throw new UsageError(`${opt} "${u}" is not a valid URL`);
      }
    };
    checkUrl(s["load-url"], "--load-url");
    if (s["baseline-load-url"]) checkUrl(s["baseline-load-url"], "--baseline-load-url");
    const maxInFlight = n["max-in-flight"];
    if (maxInFlight !== void 0 && !(Number.isInteger(maxInFlight) && maxInFlight > 0)) {
      throw new UsageError("--max-in-flight must be a positive whole number");
    }
    const rt = n["request-timeout"];
    if (rt !== void 0 && !(rt > 0)) throw new UsageError("--request-timeout must be positive");
    load = {
      kind: "builtin",
      rate: n.rate,
      targets: targetsFor(s["load-url"]),
      baselineTargets: s["baseline-load-url"] ? targetsFor(s["baseline-load-url"]) : void 0,
      maxInFlight,
      requestTimeoutMs: rt !== void 0 ? rt * 1e3 : void 0,
      headers: parseHeaders(a.lists["load-header"])
    };
  } else {
    for (const k of ["rate", "max-in-flight", "request-timeout"]) {
      if (n[k] !== void 0)
        throw new UsageError(`--${k} goes with --load-url (the built-in load generator)`);
    }
    if (mixSpec) throw new UsageError("--load-mix goes with --load-url");
    if (s["baseline-load-url"]) throw new UsageError("--baseline-load-url goes with --load-url");
    if (s["load-command"]) load = { kind: "command", command: s["load-command"] };
  }
  return {
    outDir: resolve7(cwd, s.out),
    type: s.type ?? "cpu",
    captures: n.captures ?? 5,
    seconds: n.seconds ?? 5,
    warmupSeconds: n.warmup,
    url: s.url,
    baselineUrl: s["baseline-url"],
    path: s.path,
    headers: parseHeaders(a.lists.header),
    captureCommand: s["capture-command"],
    pid: n.pid,
    baselinePid: n["baseline-pid"],
    sampleType: s["sample-type"],
    labels: parseLabels(a.lists.label),
    load,
    timeoutGraceSeconds: n["timeout-grace"],
    retries: n.retries,
    runtimeVersion: s["runtime-version"],
    overwrite: a.flags.force,
    limits: limitsFrom(a)
  };
}
function registerCaptureSecrets(o) {
  const urls = [o.url, o.baselineUrl];
  const headers = { ...o.headers };
  if (o.load?.kind === "builtin") {
    for (const t of [...o.load.targets, ...o.load.baselineTargets ?? []]) urls.push(t.url);
    Object.assign(headers, o.load.headers);
  }
  const secretHeaders = Object.entries(headers).filter(([k]) => /auth|token|secret|key|cookie|session|passw/i.test(k)).map(([, v]) => v);
  registerSecret(
    ...urls.flatMap(urlSecrets),
    ...secretHeaders,
    ...secretHeaders.map((v) => v.replace(/^(Bearer|Basic|Token)\s+/i, ""))
  );
}
function rate(x) {
  return x === void 0 ? "?" : x >= 100 ? x.toFixed(0) : x.toFixed(1);
}
function reasons(errors) {
  const top = Object.entries(errors).sort((a, b) => b[1] - a[1]).slice(0, 3);
  return top.length ? ` (${top.map(([k, n]) => `${k} x${n}`).join(", ")})` : "";
}
function kb(b) {
  return b >= 1024 * 1024 ? `${(b / 1024 / 1024).toFixed(1)} MB` : `${(b / 1024).toFixed(1)} KB`;
}
function progressPrinter(io, interactive, quiet) {
  const actions = io.env.GITHUB_ACTIONS === "true";
  let lastTickLine = 0;
  let open = false;
  const line = (s) => {
    if (open) io.status?.(void 0);
    open = false;
    io.stderr(s + "\n");
  };
  return (e) => {
    switch (e.kind) {
      case "warning":
        if (actions && io.annotate) {
          if (open) io.status?.(void 0);
          open = false;
          io.annotate("warning", e.message);
        } else line(`warning: ${e.message}`);
        return;
      case "info":
        if (!quiet) line(e.message);
        return;
      case "retry":
        if (!quiet) {
          line(
            `${e.index ? `capture ${e.index}` : "connect"}${e.role ? ` (${e.role})` : ""}: attempt ${e.attempt} failed, retrying in ${fmtSeconds(e.delayMs / 1e3)}: ${e.reason.split("\n")[0]}`
          );
        }
        return;
      case "capture-start":
        if (!quiet)
          line(
            `capture ${e.index}/${e.total}${e.role ? ` (${e.role})` : ""}: ${fmtSeconds(e.seconds)} ...`
          );
        return;
      case "capture-done": {
        if (quiet) return;
        const r = e.entry.requests;
        const w = e.window;
        const load = r && w ? `; ${r.completed} requests (${rate(w.completedRate)} req/s, asked ${rate(e.askedRate)}), ${r.failed} failed${r.dropped ? `, ${r.dropped} dropped` : ""}` : "";
        line(
          `capture ${e.index}/${e.total}${e.role ? ` (${e.role})` : ""}: ${e.entry.file} ${kb(e.entry.bytes)} in ${e.entry.durationSeconds.toFixed(2)} s${load}`
        );
        return;
      }
      case "tick": {
        if (quiet) return;
        const what = e.phase === "warmup" ? "warm-up" : `capture ${e.index}/${e.total}${e.role ? ` (${e.role})` : ""}`;
        const load = e.askedRate !== void 0 ? ` | load ${rate(e.sentRate)}/${rate(e.askedRate)} req/s sent, ${rate(e.completedRate)} completed${e.failed ? `, ${e.failed} failed` : ""}` : "";
        const text = `${what}: ${fmtSeconds(e.secondsLeft)} left (run ~${fmtSeconds(e.totalSecondsLeft)})${load}`;
        if (interactive && io.status) {
          io.status(text);
          open = true;
        } else {
          const now = Date.now();
          if (now - lastTickLine >= 5e3 && e.secondsLeft >= 0.5) {
            lastTickLine = now;
            line(text);
          }
        }
        return;
      }
    }
  };
}
async function captureCommand(argv, io, signal) {
  const a = parseArgs(argv, SPEC4);
  if (a.flags.help) {
    io.stdout(helpText(CAPTURE_USAGE, SPEC4) + "\n");
    return 0;
  }
  const options = captureOptionsFromArgs(argv, io.cwd);
  registerCaptureSecrets(options);
  const interactive = Boolean(io.status) && !io.env.CI;
  const progress = progressPrinter(io, interactive, a.flags.quiet);
  const ac = new AbortController();
  let signals = 0;
  const onSignal = () => {
    signals++;
    if (signals === 1) {
      io.stderr(
        "\ninterrupted: stopping load and commands, keeping completed captures (again to force)\n"
      );
      ac.abort();
    } else process.exit(130);
  };
  const onOuter = () => ac.abort();
  if (signal?.aborted) ac.abort();
  signal?.addEventListener("abort", onOuter, { once: true });
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);
  try {
    const res = await runCapture(options, { signal: ac.signal, progress });
    if (a.flags.json) {
      io.stdout(
        safeJsonText(
          JSON.stringify(
            res.sets.length === 1 ? res.manifest : Object.fromEntries(res.sets.map((s) => [s.role, s.manifest])),
            null,
            2
          )
        ) + "\n"
      );
    } else {
      for (const s of res.sets) {
        io.stdout(
          `wrote ${s.manifest.captures.length} ${options.type} capture(s)${s.role ? ` of the ${s.role}` : ""} to ${s.dir} (manifest ${s.manifestPath})
`
        );
      }
      for (const l of res.load ?? []) {
        io.stdout(
          `load${l.role ? ` (${l.role})` : ""}: ${rate(l.sentRate)} req/s sent of ${rate(l.askedRate)} asked, ${rate(l.completedRate)} completed/s; ${l.completed} completed, ${l.failed} failed${reasons(l.errors)}, ${l.dropped} dropped
`
        );
      }
    }
    return 0;
  } catch (e) {
    if (e instanceof CaptureRunError) {
      const kept2 = e.partial.sets.map((s) => `${s.manifest.captures.length} of ${options.captures} in ${s.dir}`).join(", ");
      if (e.kind === "aborted") {
        io.stderr(`profile-gate: interrupted; kept ${kept2} (manifest marks the set incomplete)
`);
        return 130;
      }
      io.stderr(
        `profile-gate: error: ${e.message}
kept ${kept2} (manifest marks the set incomplete)
`
      );
      return 2;
    }
    if (e instanceof CaptureError) {
      io.stderr(`profile-gate: error: ${e.message}
`);
      return 2;
    }
    throw e;
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    signal?.removeEventListener("abort", onOuter);
  }
}
var SPEC4, CAPTURE_USAGE;
var init_capture = __esm({
  "src/cli/capture.ts"() {
    "use strict";
    init_errors();
    init_loadgen();
    init_runner();
    init_errors3();
    init_time();
    init_args();
    init_common();
    init_secrets();
    init_url();
    init_safe_text();
    SPEC4 = {
      url: {
        kind: "string",
        description: "profiling endpoint: base URL (Go pprof paths) or URL template with {seconds}"
      },
      type: {
        kind: "string",
        description: "cpu (default), allocs, heap, block, mutex, goroutine, or a custom name"
      },
      captures: { kind: "number", description: "captures per build, one at a time (default 5)" },
      seconds: { kind: "number", description: "length of each capture window (default 5)" },
      out: { kind: "string", description: "output folder (capture files + manifest.json)" },
      warmup: {
        kind: "number",
        description: "seconds of load before the first capture (default 3 with load)"
      },
      label: { kind: "multi", description: "KEY=VALUE recorded in the manifest (repeatable)" },
      path: {
        kind: "string",
        description: "path template replacing the Go default (e.g. '/prof?s={seconds}')"
      },
      header: {
        kind: "multi",
        description: "'Name: value' sent to the profiling endpoint (repeatable)"
      },
      "baseline-url": {
        kind: "string",
        description: "endpoint of the running baseline: interleaved A/B captures"
      },
      "load-url": {
        kind: "string",
        description: "built-in open-loop load: target URL (base for --load-mix)"
      },
      "baseline-load-url": {
        kind: "string",
        description: "built-in load target of the baseline build (A/B)"
      },
      rate: {
        kind: "number",
        description: "built-in load: requests per second offered (to each build)"
      },
      "load-mix": { kind: "string", description: "weighted mix 'GET /a=8,POST /b=2' or @mix.json" },
      "load-header": {
        kind: "multi",
        description: "'Name: value' added to load requests (repeatable)"
      },
      "max-in-flight": {
        kind: "number",
        description: "built-in load: in-flight cap; arrivals past it are dropped"
      },
      "request-timeout": {
        kind: "number",
        description: "built-in load: per-request timeout in seconds (default 10)"
      },
      "load-command": {
        kind: "string",
        description: "run your own load tool for the whole period ({seconds} = run time bound)"
      },
      "capture-command": {
        kind: "string",
        description: "profiler command per capture ({pid} {seconds} {out} {type})"
      },
      pid: { kind: "number", description: "process id for {pid}" },
      "baseline-pid": { kind: "number", description: "baseline process id for {pid}: interleaved A/B" },
      "sample-type": {
        kind: "string",
        description: "sample type recorded in the manifest (default from --type)"
      },
      "runtime-version": {
        kind: "string",
        description: "runtime of the service for the fingerprint (e.g. go1.22.1)"
      },
      "timeout-grace": {
        kind: "number",
        description: "seconds past --seconds before a capture counts as hung (default 15)"
      },
      retries: {
        kind: "number",
        description: "extra attempts per capture for retryable failures (default 3)"
      },
      force: { kind: "boolean", description: "replace an earlier set in --out" },
      ...LIMIT_OPTIONS,
      json: { kind: "boolean", description: "print the manifest(s) as JSON on stdout" },
      quiet: {
        kind: "boolean",
        short: "q",
        description: "no progress lines (warnings and errors still shown)"
      },
      help: { kind: "boolean", short: "h" }
    };
    CAPTURE_USAGE = `Usage: profile-gate capture --url URL --out DIR [--type cpu] [--captures K] [--seconds S]
         [--load-url URL --rate R [--load-mix SPEC] | --load-command CMD] [--warmup S]
         [--baseline-url URL [--baseline-load-url URL]] [--label k=v ...]
       profile-gate capture --capture-command 'py-spy record --pid {pid} --duration {seconds} --format raw -o {out}' --pid N --out DIR ...

Takes K captures one after another (never overlapping) while a fixed load runs, and writes them
to DIR with manifest.json (times, request counts, sha256, runner fingerprint). With a baseline,
captures alternate baseline/canary and go to DIR/baseline and DIR/canary.
Profiling endpoints are admin surfaces: bind them to localhost or an internal port only.
See docs/capture.md.`;
  }
});

// src/cli/main.ts
init_errors();
init_safe_text();
init_version();
init_args();

// src/cli/calibrate.ts
init_errors();

// src/util/format.ts
function formatValue(v, unit) {
  const a = Math.abs(v);
  const u = unit.toLowerCase();
  const num = (x, suffix) => {
    const d = Math.abs(x) >= 100 ? 0 : Math.abs(x) >= 10 ? 1 : 2;
    return `${x.toFixed(d)}${suffix}`;
  };
  if (u === "nanoseconds" || u === "ns") {
    if (a >= 1e9) return num(v / 1e9, "s");
    if (a >= 1e6) return num(v / 1e6, "ms");
    if (a >= 1e3) return num(v / 1e3, "us");
    return `${v}ns`;
  }
  if (u === "microseconds" || u === "us") return formatValue(v * 1e3, "nanoseconds");
  if (u === "milliseconds" || u === "ms") return formatValue(v * 1e6, "nanoseconds");
  if (u === "seconds" || u === "s") return formatValue(v * 1e9, "nanoseconds");
  if (u === "bytes" || u === "b") {
    if (a >= 1 << 30) return num(v / (1 << 30), "GB");
    if (a >= 1 << 20) return num(v / (1 << 20), "MB");
    if (a >= 1 << 10) return num(v / (1 << 10), "kB");
    return `${v}B`;
  }
  if (Number.isInteger(v)) return String(v);
  return v.toPrecision(4);
}
function pct(x, digits = 2) {
  return `${(x * 100).toFixed(digits)}%`;
}

// src/stats/explain.ts
var TYPE_LABELS = {
  cpu: "CPU",
  samples: "samples",
  sample: "samples",
  wall: "wall time",
  time: "time",
  alloc_space: "alloc-space",
  alloc_objects: "alloc-objects",
  inuse_space: "inuse-space",
  inuse_objects: "inuse-objects",
  space: "space",
  objects: "objects",
  delay: "delay",
  contentions: "contentions",
  goroutine: "goroutines"
};
function typeLabel(type) {
  return TYPE_LABELS[type.type] ?? type.type;
}
function metricLabel(metric, type) {
  const t = typeLabel(type);
  if (metric === "per-unit") return `${t} per request`;
  return `${metric}-${t}`;
}
function signed(x, digits = 1, suffix = "pp") {
  if (!Number.isFinite(x)) return x > 0 ? "+inf" : "-inf";
  const r = Number(x.toFixed(digits));
  return `${r >= 0 ? "+" : ""}${r.toFixed(digits)}${suffix}`;
}
function share(x, digits = 1) {
  return `${x.toFixed(digits)}%`;
}
function ciText(fd, suffix = "pp") {
  if (!Number.isFinite(fd.ciLowPp) || !Number.isFinite(fd.ciHighPp)) return "CI unknown";
  return `${signed(fd.ciLowPp, 1, "")}..${signed(fd.ciHighPp, 1, suffix)}`;
}
function describeDelta(fd, type, confidence, unitName) {
  const conf = `${Math.round(confidence * 1e3) / 10}% CI`;
  if (fd.metric === "per-unit") {
    const t = typeLabel(type);
    const verb2 = fd.deltaPp >= 0 ? "grew" : "shrank";
    const core2 = `${t} per ${unitName} ${verb2} ${signed(fd.deltaPp, 1, "%")} (${formatValue(fd.baselineShare, type.unit)} -> ${formatValue(fd.canaryShare, type.unit)} per ${unitName}, ${conf} ${ciText(fd, "%")})`;
    return withStatus(core2, fd, "%");
  }
  const label = metricLabel(fd.metric, type);
  const verb = fd.deltaPp >= 0 ? "grew" : "shrank";
  const from = fd.inBaseline ? share(fd.baselineShare) : `${share(fd.baselineShare)}, new`;
  const to = fd.inCanary ? share(fd.canaryShare) : `${share(fd.canaryShare)}, vanished`;
  const core = `${fd.function} ${label} ${verb} ${signed(fd.deltaPp).replace(/^[+-]/, "")} (${from} -> ${to}, ${conf} ${ciText(fd)})`;
  return withStatus(core, fd, "pp");
}
function withStatus(core, fd, unit) {
  const b = fd.budget;
  const budgetText = b.pp !== void 0 ? `the ${trim(b.pp)}${unit} budget${b.source.startsWith("config") ? ` (${b.source})` : ""}` : "the budget";
  switch (fd.status) {
    case "regression":
      if (b.ratio !== void 0 && !(fd.deltaPp > (b.pp ?? Infinity))) {
        return `${core}, ${fd.ratio === null ? "new" : `${fd.ratio.toFixed(2)}x`}, over the ${trim(b.ratio)}x ratio budget`;
      }
      return `${core}, over ${budgetText}`;
    case "grew":
      if (fd.movedFrom)
        return `${core}, looks moved from ${fd.movedFrom} (renamed or refactored), not counted`;
      return `${core}, within ${budgetText}`;
    case "improvement":
      return core;
    case "ignored":
      return `${core.replace(/, [\d.]+% CI CI unknown/, "")}, ignored by config`;
    default:
      if (fd.movedTo) return `${core}, looks moved to ${fd.movedTo} (renamed or refactored)`;
      if (fd.diluted) {
        return `${core}, only diluted by the growth elsewhere (${signed(fd.diluted.deltaPp)} of the rest, not significant)`;
      }
      return `${core}, not significant (~)`;
  }
}
function trim(x) {
  return String(Number(x.toFixed(3)));
}

// src/captureset/load.ts
init_aggregate();
init_errors2();
init_limits();
init_normalize();
init_read3();
init_errors();
import { existsSync as existsSync2 } from "node:fs";
import { basename as basename4, dirname, join as join2, resolve as resolve2 } from "node:path";

// src/captureset/files.ts
init_errors2();
init_errors();
init_limits();
init_read3();
import {
  closeSync,
  existsSync,
  fstatSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync
} from "node:fs";
import { basename as basename3, join, relative, resolve, sep } from "node:path";
var NOT_PROFILES = /^(manifest\.json|.*\.md|\..*)$/;
function globToRegex(glob) {
  let re = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    if (c === "*") {
      if (glob[i + 1] === "*") {
        re += ".*";
        i++;
        if (glob[i + 1] === "/") i++;
      } else re += "[^/]*";
    } else if (c === "?") re += "[^/]";
    else if (c === "[" && glob.indexOf("]", i + 2) > 0) {
      const end = glob.indexOf("]", i + 2);
      let body = glob.slice(i + 1, end).replace(/\\/g, "\\\\");
      if (body.startsWith("!")) body = "^" + body.slice(1);
      re += `[${body}]`;
      i = end;
    } else if ("\\^$.|+()[]{}".includes(c)) re += "\\" + c;
    else re += c;
  }
  return new RegExp(`^${re}$`);
}
function walk(dir, out) {
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (e.name === "node_modules" || e.name === ".git") continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) walk(p, out);
    else if (e.isFile()) out.push(p);
  }
}
function expandPath(arg, cwd) {
  if (/[*?[]/.test(arg) && !existsSync(resolve(cwd, arg))) {
    const abs = resolve(cwd, arg);
    const fixed = abs.split(/[*?[]/)[0];
    const root = fixed.endsWith(sep) ? fixed : fixed.slice(0, fixed.lastIndexOf(sep) + 1);
    const re = globToRegex(relative(root, abs).split(sep).join("/"));
    const all = [];
    try {
      walk(root, all);
    } catch {
      return [];
    }
    return all.filter(
      (f) => re.test(relative(root, f).split(sep).join("/")) && !NOT_PROFILES.test(basename3(f))
    ).sort();
  }
  const p = resolve(cwd, arg);
  let st;
  try {
    st = statSync(p);
  } catch {
    throw new UsageError(`${arg}: no such file or directory`);
  }
  if (st.isDirectory()) {
    return readdirSync(p, { withFileTypes: true }).filter((e) => e.isFile() && !NOT_PROFILES.test(e.name)).map((e) => join(p, e.name)).sort();
  }
  return [p];
}
function expandPaths(args, cwd, what) {
  const files = /* @__PURE__ */ new Set();
  for (const a of args) {
    const got = expandPath(a, cwd);
    if (got.length === 0) throw new UsageError(`${what}: ${a} matches no profile files`);
    for (const f of got) files.add(f);
  }
  return [...files];
}
function readFileBytes(path, display, maxBytes = DEFAULT_LIMITS.maxInputBytes) {
  let fd;
  try {
    fd = openSync(path, "r");
    const size = fstatSync(fd).size;
    if (size > maxBytes) {
      throw limitError(
        display,
        `the file is ${size} bytes, more than ${maxBytes}`,
        "maxInputBytes"
      );
    }
    return new Uint8Array(readFileSync(fd));
  } catch (e) {
    if (e instanceof ProfileError) throw e;
    throw new ProfileError("io", display, `cannot read file (${e.message})`);
  } finally {
    if (fd !== void 0) closeSync(fd);
  }
}
function readTotalsFile(path, display, normalize, opts = {}) {
  const budget = budgetFor(opts);
  return readTotals(readFileBytes(path, display, budget.limits.maxInputBytes), display, normalize, {
    ...opts,
    budget
  });
}
function displayName(path, cwd) {
  const rel = relative(cwd, path);
  return rel && !rel.startsWith("..") ? rel : path;
}

// src/captureset/load.ts
init_manifest();
function manifestIn(dir, cache, cwd) {
  const cached = cache.get(dir);
  if (cached !== void 0) return cached;
  const p = resolve2(dir, MANIFEST_FILE);
  let m = null;
  if (existsSync2(p)) {
    const manifest = readManifestFile(p);
    const byFile = new Map(manifest.captures.map((c) => [c.file, c]));
    for (const c of manifest.captures) {
      if (!existsSync2(join2(dir, c.file))) {
        throw new ProfileError(
          "manifest",
          displayName(p, cwd),
          `lists ${JSON.stringify(c.file)}, which is not in ${displayName(dir, cwd) || "."}`
        );
      }
    }
    m = { manifest, byFile };
  }
  cache.set(dir, m);
  return m;
}
function decode5(bytes, name, opts, norm, budget) {
  const read = { ...opts.read, budget };
  if (opts.need === "totals") return { totals: readTotals(bytes, name, norm, read) };
  return { profile: readProfile(bytes, name, { ...read, fold: norm.fold }) };
}
function loadSide(side, opts, cache, norm, budget) {
  if (side.captures) {
    return side.captures.map((c) => ({
      name: c.name,
      ...decode5(c.bytes, c.name, opts, norm, budget),
      units: c.units,
      manifest: side.manifest ?? null
    }));
  }
  return expandPaths(side.paths ?? [], opts.cwd, side.label).map((f) => {
    const name = displayName(f, opts.cwd);
    const folder = manifestIn(dirname(f), cache, opts.cwd);
    const entry = folder?.byFile.get(basename4(f));
    if (folder && !entry) {
      throw new ProfileError(
        "manifest",
        name,
        `is not listed in the ${MANIFEST_FILE} of its folder: a capture set holds what its manifest lists (remove the file, or compare it from another folder)`
      );
    }
    const bytes = readFileBytes(f, name, budget.limits.maxInputBytes);
    if (entry) verifyCaptureFile(entry, bytes, name);
    return {
      name,
      ...decode5(bytes, name, opts, norm, budget),
      units: entry?.requests?.completed,
      dropped: entry?.requests?.dropped,
      windowSeconds: entry?.durationSeconds || void 0,
      manifest: folder?.manifest ?? null
    };
  });
}
function loadCaptureSets(sides, opts) {
  const cache = /* @__PURE__ */ new Map();
  const norm = makeNormalizer(opts.normalizeNames);
  const budget = opts.read?.budget ?? new Budget(opts.read?.limits, opts.need === "stacks");
  const loaded = sides.map((side) => {
    const l = loadSide(side, opts, cache, norm, budget);
    if (l.length === 0) throw new UsageError(`no ${side.label} profiles given`);
    return l;
  });
  const first = loaded[0][0];
  const meta = (l) => l.profile ?? l.totals;
  const typeName = opts.type ?? first.manifest?.sampleType ?? meta(first).sampleTypes[meta(first).defaultSampleType].type;
  const toCapture = (l) => {
    const m = meta(l);
    const t = selectSampleType(m, typeName, l.name);
    return {
      name: l.name,
      totals: l.profile ? aggregate(l.profile, t, norm) : l.totals.totals[t],
      period: m.period,
      periodType: m.periodType,
      durationNanos: m.durationNanos,
      units: l.units,
      dropped: l.dropped,
      windowSeconds: l.windowSeconds,
      profile: l.profile
    };
  };
  return {
    sets: loaded.map((l) => l.map(toCapture)),
    manifests: loaded.map(
      (l) => [...new Set(l.map((x) => x.manifest).filter(Boolean))]
    ),
    typeName
  };
}

// src/stats/distributions.ts
var LANCZOS = [
  0.9999999999998099,
  676.5203681218851,
  -1259.1392167224028,
  771.3234287776531,
  -176.6150291621406,
  12.507343278686905,
  -0.13857109526572012,
  9984369578019572e-21,
  15056327351493116e-23
];
function logGamma(x) {
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = LANCZOS[0];
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += LANCZOS[i] / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}
function betaContinuedFraction(x, a, b) {
  const TINY = 1e-300;
  let c = 1;
  let d = 1 - (a + b) * x / (a + 1);
  if (Math.abs(d) < TINY) d = TINY;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    h *= d * c;
    aa = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < TINY) d = TINY;
    c = 1 + aa / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return h;
}
function incompleteBeta(x, a, b) {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const lnFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x);
  if (x < (a + 1) / (a + b + 2)) return Math.exp(lnFront) * betaContinuedFraction(x, a, b) / a;
  return 1 - Math.exp(lnFront) * betaContinuedFraction(1 - x, b, a) / b;
}
function normalUpperTail(z) {
  if (z < 0) return 1 - normalUpperTail(-z);
  const x = z * z / 2;
  const a = 0.5;
  const lnFront = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    let sum = 1 / a;
    let term = sum;
    for (let n = 1; n < 500; n++) {
      term *= x / (a + n);
      sum += term;
      if (term < sum * 1e-16) break;
    }
    return (1 - sum * Math.exp(lnFront)) / 2;
  }
  const TINY = 1e-300;
  let b = x + 1 - a;
  let c = 1 / TINY;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 500; i++) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < TINY) d = TINY;
    c = b + an / c;
    if (Math.abs(c) < TINY) c = TINY;
    d = 1 / d;
    const del = d * c;
    h *= del;
    if (Math.abs(del - 1) < 1e-15) break;
  }
  return Math.exp(lnFront) * h / 2;
}
function tUpperTail(t, df) {
  if (!Number.isFinite(df)) return normalUpperTail(t);
  if (t < 0) return 1 - tUpperTail(-t, df);
  return 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
}
function tQuantileUpper(p, df) {
  if (p <= 0) return Infinity;
  if (p >= 1) return -Infinity;
  if (p > 0.5) return -tQuantileUpper(1 - p, df);
  let lo = 0;
  let hi = 1;
  while (tUpperTail(hi, df) > p) {
    lo = hi;
    hi *= 2;
    if (hi > 1e12) return Infinity;
  }
  for (let i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
    const mid = (lo + hi) / 2;
    if (tUpperTail(mid, df) > p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

// src/stats/random.ts
function splitmix32(seed) {
  let s = seed >>> 0;
  return () => {
    s = s + 2654435769 >>> 0;
    let z = s;
    z = Math.imul(z ^ z >>> 16, 2246822507) >>> 0;
    z = Math.imul(z ^ z >>> 13, 3266489909) >>> 0;
    return (z ^ z >>> 16) >>> 0;
  };
}
var Rng = class {
  a;
  b;
  c;
  d;
  constructor(seed) {
    const sm = splitmix32(Math.floor(seed) >>> 0);
    this.a = sm();
    this.b = sm();
    this.c = sm();
    this.d = sm();
    for (let i = 0; i < 12; i++) this.next();
  }
  /** Next 32-bit unsigned integer. */
  next() {
    const t = (this.a + this.b >>> 0) + this.d >>> 0;
    this.d = this.d + 1 >>> 0;
    this.a = this.b ^ this.b >>> 9;
    this.b = this.c + (this.c << 3) >>> 0;
    this.c = (this.c << 21 | this.c >>> 11) >>> 0;
    this.c = this.c + t >>> 0;
    return t;
  }
  /** Uniform integer in [0, n) without modulo bias. */
  int(n) {
    const limit = 4294967296 - 4294967296 % n;
    let x = this.next();
    while (x >= limit) x = this.next();
    return x % n;
  }
};

// src/stats/bootstrap.ts
function estimate(kind, b, c) {
  if (kind === "share") return c - b;
  return b > 0 && c > 0 ? Math.log(c / b) : 0;
}
function bootstrapRows(rows, totals, nB, nC, opts) {
  const { replicates, confidence, seed, onProgress } = opts;
  const F = rows.length;
  const baseline = new Float64Array(F);
  const canary = new Float64Array(F);
  const delta = new Float64Array(F);
  const ratioOf = (row2, w, from, count) => {
    const den = row2.den ?? totals;
    let a = 0;
    let b = 0;
    for (let i = 0; i < count; i++) {
      const wi = w ? w[i] : 1;
      if (wi === 0) continue;
      a += wi * row2.num[from + i];
      b += wi * den[from + i];
    }
    return b === 0 ? 0 : a / b;
  };
  for (let f = 0; f < F; f++) {
    const r = rows[f];
    baseline[f] = ratioOf(r, null, 0, nB);
    canary[f] = ratioOf(r, null, nB, nC);
    delta[f] = estimate(r.kind, baseline[f], canary[f]);
  }
  const se = new Float64Array(F);
  const pAdjusted = new Float64Array(F).fill(1);
  const criticalRow = new Float64Array(F).fill(Infinity);
  const dfRow = new Float64Array(F).fill(Infinity);
  if (nB < 2 || nC < 2 || F === 0 || replicates < 10) {
    for (let f = 0; f < F; f++) se[f] = Math.sqrt(rows[f].seFloor ** 2 + (rows[f].driftVar ?? 0));
    return {
      delta,
      baseline,
      canary,
      se,
      critical: Infinity,
      criticalRow,
      dfRow,
      pAdjusted,
      replicates: 0
    };
  }
  const kB = Math.sqrt(nB / (nB - 1));
  const kC = Math.sqrt(nC / (nC - 1));
  const rng = new Rng(seed);
  const normal = new NormalStream(seed + 1540483477);
  const driftSd = rows.map((r) => Math.sqrt(r.driftVar ?? 0));
  const anyDrift = driftSd.some((x) => x > 0);
  const wB = new Float64Array(nB);
  const wC = new Float64Array(nC);
  const dev = new Float32Array(replicates * F);
  for (let r = 0; r < replicates; r++) {
    wB.fill(0);
    wC.fill(0);
    for (let i = 0; i < nB; i++) wB[rng.int(nB)]++;
    for (let i = 0; i < nC; i++) wC[rng.int(nC)]++;
    let tB = 0;
    let tC = 0;
    for (let i = 0; i < nB; i++) tB += wB[i] * totals[i];
    for (let i = 0; i < nC; i++) tC += wC[i] * totals[nB + i];
    const base = r * F;
    for (let f = 0; f < F; f++) {
      const row2 = rows[f];
      let sb;
      let sc;
      if (row2.den) {
        sb = ratioOf(row2, wB, 0, nB);
        sc = ratioOf(row2, wC, nB, nC);
      } else {
        const num = row2.num;
        let a = 0;
        for (let i = 0; i < nB; i++) if (wB[i] !== 0) a += wB[i] * num[i];
        let c2 = 0;
        for (let i = 0; i < nC; i++) if (wC[i] !== 0) c2 += wC[i] * num[nB + i];
        sb = tB === 0 ? 0 : a / tB;
        sc = tC === 0 ? 0 : c2 / tC;
      }
      const b = baseline[f] + kB * (sb - baseline[f]);
      const c = canary[f] + kC * (sc - canary[f]);
      let d = estimate(row2.kind, b, c) - delta[f];
      if (anyDrift && driftSd[f] > 0) d += driftSd[f] * normal.next();
      dev[base + f] = d;
    }
    if (onProgress && (r + 1) % 2e3 === 0) onProgress(r + 1, replicates);
  }
  for (let f = 0; f < F; f++) {
    let s = 0;
    for (let r = 0; r < replicates; r++) {
      const d = dev[r * F + f];
      s += d * d;
    }
    const floor = Math.sqrt(rows[f].seFloor ** 2 + (rows[f].driftVar ?? 0));
    se[f] = Math.max(Math.sqrt(s / replicates), floor, 1e-12);
  }
  const maxT = new Float64Array(replicates);
  for (let r = 0; r < replicates; r++) {
    let m = 0;
    const base = r * F;
    for (let f = 0; f < F; f++) {
      const t = Math.abs(dev[base + f]) / se[f];
      if (t > m) m = t;
    }
    maxT[r] = m;
  }
  const sorted = Float64Array.from(maxT).sort();
  const zCritical = sorted[Math.min(replicates - 1, Math.ceil(confidence * replicates) - 1)];
  const dfCap = opts.tCorrection === false ? Infinity : nB + nC - 2;
  const tail = normalUpperTail(zCritical);
  const critical = tQuantileUpper(tail, dfCap);
  for (let f = 0; f < F; f++) {
    const drift = rows[f].driftVar ?? 0;
    const cap = Math.max(se[f] * se[f] - drift, 1e-30);
    const df = drift > 0 ? Math.min(1e6, (cap + drift) ** 2 / (cap * cap) * dfCap) : dfCap;
    dfRow[f] = df;
    criticalRow[f] = df === dfCap ? critical : tQuantileUpper(tail, df);
    const t = tQuantileUpper(tUpperTail(Math.abs(delta[f]) / se[f], df), Infinity);
    let lo = 0;
    let hi = replicates;
    while (lo < hi) {
      const mid = lo + hi >>> 1;
      if (sorted[mid] < t) lo = mid + 1;
      else hi = mid;
    }
    pAdjusted[f] = (replicates - lo + 1) / (replicates + 1);
  }
  return { delta, baseline, canary, se, critical, criticalRow, dfRow, pAdjusted, replicates };
}
var NormalStream = class {
  rng;
  spare = NaN;
  constructor(seed) {
    this.rng = new Rng(seed);
  }
  next() {
    if (!Number.isNaN(this.spare)) {
      const s = this.spare;
      this.spare = NaN;
      return s;
    }
    const u1 = (this.rng.next() + 1) / 4294967296;
    const u2 = this.rng.next() / 4294967296;
    const r = Math.sqrt(-2 * Math.log(u1));
    this.spare = r * Math.sin(2 * Math.PI * u2);
    return r * Math.cos(2 * Math.PI * u2);
  }
};

// src/stats/config.ts
var import_yaml = __toESM(require_dist(), 1);
init_errors();

// src/stats/settings.ts
init_errors();
var SETTINGS = [
  {
    key: "type",
    name: "sample-type",
    kind: "string",
    description: "sample type compared (cpu, alloc_space, delay, ...); default: the manifest's, else the profile's default",
    default: void 0,
    aliases: { cli: ["type"] }
  },
  {
    key: "budgetPp",
    name: "budget-pp",
    kind: "number",
    description: "allowed growth of a function's self share, percentage points",
    default: 5,
    min: 0,
    aliases: { config: ["budgets.self-pp"] }
  },
  {
    key: "budgetCumPp",
    name: "budget-cum-pp",
    kind: "number",
    description: "allowed growth of a function's cumulative share, percentage points",
    default: 10,
    min: 0,
    aliases: { config: ["budgets.cum-pp"] }
  },
  {
    key: "budgetRatio",
    name: "budget-ratio",
    kind: "number",
    description: "allowed canary/baseline self-share ratio for functions at or above min-share (0 = off)",
    default: 0,
    min: 0,
    aliases: { config: ["budgets.ratio"] }
  },
  {
    key: "minShare",
    name: "min-share",
    kind: "number",
    description: "functions whose larger share is below this percentage are not tested",
    default: 1,
    min: 0,
    max: 100,
    exclusiveMax: true
  },
  {
    key: "confidence",
    name: "confidence",
    kind: "number",
    description: "family-wise confidence of the simultaneous intervals, e.g. 0.95 (or 95)",
    default: 0.95,
    min: 0.5,
    max: 1,
    exclusiveMin: true,
    exclusiveMax: true,
    rangeNote: "or a percentage such as 95",
    normalize: (v) => v > 50 && v < 100 ? v / 100 : v
  },
  {
    key: "bootstrap",
    name: "bootstrap",
    kind: "integer",
    description: "bootstrap resamples",
    default: 1e4,
    min: 100,
    max: 1e6
  },
  {
    key: "seed",
    name: "seed",
    kind: "integer",
    description: "random seed of the bootstrap (the same seed gives the same result)",
    default: 1,
    min: 0
  },
  {
    key: "budgetPerUnitPct",
    name: "budget-per-unit-pct",
    kind: "number",
    description: "allowed growth of the cost per request, percent (0 = off)",
    default: 10,
    min: 0,
    aliases: { action: ["budget-per-unit"], config: ["budgets.per-unit-pct"] }
  },
  {
    key: "normalizeNames",
    name: "normalize-names",
    kind: "string",
    description: "function-name normalization: on, off, all, or a list of rules",
    default: "on"
  },
  {
    key: "onUnderpowered",
    name: "on-underpowered",
    kind: "choice",
    choices: ["warn", "fail"],
    description: "when a tested row could not see a change of its budget: warn (list it), or fail (verdict inconclusive)",
    default: "warn"
  },
  {
    key: "onHardwareMismatch",
    name: "on-hardware-mismatch",
    kind: "choice",
    choices: ["skip-per-unit", "warn", "fail"],
    description: "when the two sets ran on different hardware: skip-per-unit (cost per request does not decide), warn, or fail",
    default: "skip-per-unit"
  },
  {
    key: "calibration",
    name: "calibration",
    kind: "string",
    description: "calibration file with the run-to-run drift model (made by calibrate --out); relative to the config file when set there",
    default: void 0
  }
];
var RULE_SETTINGS = [
  "budgetPp",
  "budgetCumPp",
  "budgetRatio"
];
var RULE_ALIASES = {
  "self-pp": "budget-pp",
  "cum-pp": "budget-cum-pp",
  ratio: "budget-ratio"
};
var DEFAULT_SETTINGS = Object.fromEntries(
  SETTINGS.map((s) => [s.key, s.default])
);
function settingByKey(key2) {
  const s = SETTINGS.find((x) => x.key === key2);
  if (!s) throw new Error(`no setting ${String(key2)}`);
  return s;
}
function rangeText(s) {
  const kind = s.kind === "integer" ? "a whole number" : "a number";
  const lo = s.min === void 0 ? "" : `${s.exclusiveMin ? ">" : ">="} ${s.min}`;
  const hi = s.max === void 0 ? "" : `${s.exclusiveMax ? "<" : "<="} ${s.max}`;
  const range = [lo, hi].filter(Boolean).join(" and ");
  return `${kind}${range ? ` ${range}` : ""}${s.rangeNote ? `, ${s.rangeNote}` : ""}`;
}
function checkSetting(s, raw, where) {
  if (s.kind === "string" || s.kind === "choice") {
    if (typeof raw !== "string" || raw.trim() === "")
      return { problem: `${where}: expected text, got ${JSON.stringify(raw)}` };
    const v2 = raw.trim();
    if (s.choices && !s.choices.includes(v2)) {
      return { problem: `${where}: "${v2}" is not one of ${s.choices.join(", ")}` };
    }
    return { value: v2 };
  }
  const n = typeof raw === "string" && raw.trim() !== "" ? Number(raw) : raw;
  if (typeof n !== "number" || !Number.isFinite(n)) {
    return { problem: `${where}: ${JSON.stringify(raw)} is not a number` };
  }
  const v = s.normalize ? s.normalize(n) : n;
  if (s.kind === "integer" && !Number.isInteger(v)) {
    return { problem: `${where}: ${JSON.stringify(raw)} is not a whole number` };
  }
  const bad = s.min !== void 0 && (s.exclusiveMin ? v <= s.min : v < s.min) || s.max !== void 0 && (s.exclusiveMax ? v >= s.max : v > s.max);
  if (bad)
    return { problem: `${where}: ${String(raw)} is out of range (expected ${rangeText(s)})` };
  return { value: v };
}
function settingValue(s, raw, where) {
  const c = checkSetting(s, raw, where);
  if ("problem" in c) throw new UsageError(c.problem);
  return c.value;
}
function validateSettings(s) {
  for (const spec of SETTINGS) {
    const v = s[spec.key];
    if (v === void 0 && spec.default === void 0) continue;
    const c = checkSetting(spec, v, spec.name);
    if ("problem" in c) throw new UsageError(c.problem);
  }
  if (s.budgetRatio > 0 && s.budgetRatio <= 1)
    throw new UsageError(
      `budget-ratio must be above 1 (or 0 to switch it off), got ${s.budgetRatio}`
    );
}
function resolveSettings(explicit, cfg) {
  const out = {};
  for (const spec of SETTINGS) {
    out[spec.key] = explicit[spec.key] ?? cfg?.settings[spec.key] ?? spec.default;
  }
  const s = { ...out, config: cfg };
  validateSettings(s);
  return s;
}

// src/stats/config.ts
var CONFIG_FILE_NAMES = [".profile-gate.yml", ".profile-gate.yaml"];
var LIST_KEYS = ["ignore", "functions"];
function isMapping(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function unknownKey(k, allowed, where, file) {
  throw new UsageError(`${file}: unknown key "${k}" in ${where} (allowed: ${allowed.join(", ")})`);
}
function parseConfig(text, file) {
  let doc;
  try {
    doc = (0, import_yaml.parse)(text);
  } catch (e) {
    throw new UsageError(`${file}: not valid YAML (${e.message.split("\n")[0]})`);
  }
  const cfg = { file, settings: {}, ignore: [], functions: [], deprecated: [] };
  if (doc === null || doc === void 0) return cfg;
  if (!isMapping(doc)) throw new UsageError(`${file}: expected a mapping at the top level`);
  const set = (key2, raw, where) => {
    cfg.settings[key2] = settingValue(
      settingByKey(key2),
      raw,
      `${file}: ${where}`
    );
  };
  const topKeys = [...SETTINGS.map((s) => s.name), ...LIST_KEYS];
  for (const [k, v] of Object.entries(doc)) {
    const spec = SETTINGS.find((s) => s.name === k);
    if (spec) set(spec.key, v, k);
    else if (k === "budgets") readOldBudgets(v, file, cfg, set);
    else if (!LIST_KEYS.includes(k)) unknownKey(k, topKeys, "the top level", file);
  }
  if (doc.ignore !== void 0) {
    if (!Array.isArray(doc.ignore) || doc.ignore.some((x) => typeof x !== "string")) {
      throw new UsageError(`${file}: ignore must be a list of function names or globs`);
    }
    cfg.ignore = doc.ignore;
  }
  if (doc.functions !== void 0) {
    if (!Array.isArray(doc.functions)) throw new UsageError(`${file}: functions must be a list`);
    doc.functions.forEach((r, i) => cfg.functions.push(readRule(r, i, file, cfg)));
  }
  return cfg;
}
function readOldBudgets(v, file, cfg, set) {
  if (!isMapping(v)) throw new UsageError(`${file}: budgets must be a mapping`);
  const byAlias = /* @__PURE__ */ new Map();
  for (const s of SETTINGS) {
    for (const a of s.aliases?.config ?? []) byAlias.set(a.replace(/^budgets\./, ""), s.key);
  }
  for (const [k, raw] of Object.entries(v)) {
    const key2 = byAlias.get(k);
    if (!key2) unknownKey(k, [...byAlias.keys()], "budgets", file);
    set(key2, raw, `budgets.${k}`);
    cfg.deprecated.push(
      `${file}: budgets.${k} is an old spelling; write ${settingByKey(key2).name}: at the top level`
    );
  }
}
function readRule(r, i, file, cfg) {
  const where = `functions[${i}]`;
  if (!isMapping(r)) {
    throw new UsageError(`${file}: ${where} must be a mapping with a "match" key`);
  }
  const budgetKeys = RULE_SETTINGS.map((k) => settingByKey(k).name);
  const allowed = ["match", "ignore", ...budgetKeys];
  if (typeof r.match !== "string" || r.match === "") {
    throw new UsageError(`${file}: ${where}.match must be a function name or glob`);
  }
  const rule = { match: r.match };
  for (const [k, v] of Object.entries(r)) {
    if (k === "match") continue;
    if (k === "ignore") {
      if (typeof v !== "boolean")
        throw new UsageError(`${file}: ${where}.ignore must be true or false`);
      rule.ignore = v;
      continue;
    }
    const name = RULE_ALIASES[k] ?? k;
    if (!budgetKeys.includes(name)) unknownKey(k, allowed, where, file);
    if (name !== k) {
      cfg.deprecated.push(`${file}: ${where}.${k} is an old spelling; write ${name}`);
    }
    const spec = SETTINGS.find((s) => s.name === name);
    const value = settingValue(spec, v, `${file}: ${where}.${k}`);
    rule[spec.key] = value;
  }
  return rule;
}
var globCache = /* @__PURE__ */ new Map();
function globMatch(pattern, name) {
  let re = globCache.get(pattern);
  if (!re) {
    re = new RegExp(
      "^" + pattern.split("").map((c) => c === "*" ? ".*" : c === "?" ? "." : c.replace(/[\\^$.|+()[\]{}]/g, "\\$&")).join("") + "$"
    );
    globCache.set(pattern, re);
  }
  return re.test(name);
}

// src/stats/budget.ts
function budgetFor2(ri, s) {
  if (ri.metric === "per-unit") return { source: "per-unit budget", pp: s.budgetPerUnitPct };
  const rule = s.config?.functions.find((r) => !r.ignore && globMatch(r.match, ri.function));
  if (ri.metric === "self") {
    if (rule && (rule.budgetPp !== void 0 || rule.budgetRatio !== void 0)) {
      return {
        source: `config rule "${rule.match}"`,
        pp: rule.budgetPp ?? s.budgetPp,
        ratio: rule.budgetRatio ?? (s.budgetRatio || void 0)
      };
    }
    return { source: "self budget", pp: s.budgetPp, ratio: s.budgetRatio || void 0 };
  }
  if (rule && rule.budgetCumPp !== void 0) {
    return { source: `config rule "${rule.match}"`, pp: rule.budgetCumPp };
  }
  return { source: "cum budget", pp: s.budgetCumPp };
}

// src/stats/causes.ts
function half(f) {
  return Number.isFinite(f.ciHighPp - f.ciLowPp) ? (f.ciHighPp - f.ciLowPp) / 2 : Infinity;
}
function sameGrowth(a, b) {
  return Math.abs(a.deltaPp - b.deltaPp) <= half(a) + half(b);
}
function findCauses(regressions) {
  const byDelta = (a, b) => b.deltaPp - a.deltaPp || (a.function < b.function ? -1 : a.function > b.function ? 1 : 0);
  const causes = regressions.filter((f) => f.metric === "self").sort(byDelta).map((f) => ({ function: f.function, kind: "self", rows: [f], reason: "" }));
  const selfCauses = [...causes];
  const spread = [];
  for (const g of regressions.filter((f) => f.metric === "cum").sort(byDelta)) {
    const home = selfCauses.find(
      (c) => c.function === g.function || sameGrowth(c.rows[0], g) && g.canaryShare >= c.rows[0].canaryShare
    );
    if (home) home.rows.push(g);
    else spread.push(g);
  }
  spread.sort(
    (a, b) => Number(b.inBaseline) - Number(a.inBaseline) || a.canaryShare - b.canaryShare || byDelta(a, b)
  );
  const spreadCauses = [];
  for (const g of spread) {
    const home = spreadCauses.find((c) => sameGrowth(c.rows[0], g));
    if (home) home.rows.push(g);
    else spreadCauses.push({ function: g.function, kind: "spread", rows: [g], reason: "" });
  }
  causes.push(...spreadCauses);
  causes.sort((a, b) => byDelta(a.rows[0], b.rows[0]));
  for (const u of regressions.filter((f) => f.metric === "per-unit")) {
    if (causes.length) causes[0].rows.push(u);
    else causes.push({ function: u.function, kind: "per-unit", rows: [u], reason: "" });
  }
  return causes;
}
function causeSentence(c, type) {
  const [first, ...rest] = c.rows;
  const also = rest.filter((r) => !(r.metric === "cum" && r.function === c.function && c.kind === "self")).map(
    (r) => r.metric === "per-unit" ? `${metricLabel("per-unit", type)} ${signed(r.deltaPp, 1, "%")}` : `${r.function} ${r.metric} ${signed(r.deltaPp)}`
  );
  const lead = c.kind === "spread" ? `spread regression under ${c.function}: ${first.reason}` : first.reason;
  return also.length ? `${lead}; also raising ${joinList(also)}` : lead;
}
function joinList(xs) {
  if (xs.length <= 1) return xs.join("");
  if (xs.length <= 4) return `${xs.slice(0, -1).join(", ")} and ${xs[xs.length - 1]}`;
  return `${xs.slice(0, 3).join(", ")} and ${xs.length - 3} more rows`;
}

// src/stats/classify.ts
function isOverBudget(e, budget, minShare) {
  if (e.delta > (budget.pp ?? Infinity)) return true;
  return e.metric === "self" && budget.ratio !== void 0 && budget.ratio > 0 && e.largerShare >= minShare && (e.ratio === null || e.ratio > budget.ratio);
}
function classify(e, budget, minShare) {
  const significant = Number.isFinite(e.high - e.low) && (e.low > 0 || e.high < 0);
  const overBudget = isOverBudget(e, budget, minShare);
  let status = "unchanged";
  if (significant && e.delta > 0) status = overBudget ? "regression" : "grew";
  else if (significant && e.delta < 0) status = "improvement";
  return { status, significant, overBudget };
}

// src/stats/comparability.ts
init_errors();
var MIN_CAPTURES = 3;
var TOTALS_RATIO_WARNING = 2;
var PERIOD_TOLERANCE = 0.05;
var MAX_DROPPED = 0.05;
var MAX_RATE_DIFFERENCE = 0.05;
function checkComparable(baseline, canary) {
  const warnings = [];
  const inconclusive = [];
  const all = [...baseline, ...canary];
  const nB = baseline.length;
  const nC = canary.length;
  const type = baseline[0].totals.type;
  for (const c of all) {
    const t = c.totals.type;
    if (t.type !== type.type || t.unit !== type.unit) {
      throw new UsageError(
        `not comparable: ${c.name} has sample type ${t.type} (${t.unit}) but ${baseline[0].name} has ${type.type} (${type.unit}); compare sets of one sample type (--sample-type picks it)`
      );
    }
  }
  const periods2 = all.map((c) => c.period).filter((p) => p > 0);
  if (periods2.length) {
    const lo = Math.min(...periods2);
    const hi = Math.max(...periods2);
    if (hi > lo * (1 + PERIOD_TOLERANCE)) {
      warnings.push(
        `captures have different sampling periods (${[...new Set(periods2)].slice(0, 6).join(", ")}); shares are still compared, but check both builds were profiled the same way`
      );
    }
  }
  if (nB < MIN_CAPTURES || nC < MIN_CAPTURES) {
    inconclusive.push(
      `only ${nB} baseline and ${nC} canary captures: at least ${MIN_CAPTURES} per side are needed to estimate how much shares vary between captures (5-10 recommended)`
    );
  }
  for (const [side, cs] of [
    ["baseline", baseline],
    ["canary", canary]
  ]) {
    if (cs.reduce((s, c) => s + c.totals.total, 0) <= 0) {
      inconclusive.push(
        `the ${side} captures have a total of 0: an idle service or empty profiles`
      );
    } else {
      for (const c of cs) {
        if (c.totals.total <= 0) {
          warnings.push(`${c.name} has a total of ${c.totals.total}: an empty or idle capture`);
        }
      }
    }
    const neg = cs.find((c) => c.totals.self.some((v) => v < 0));
    if (neg) {
      inconclusive.push(
        `${neg.name} has negative values: a difference of two profiles (a diff pprof), not a capture`
      );
    }
  }
  const rate2 = (cs) => {
    const withDur = cs.every((c) => c.durationNanos > 0);
    const sum = cs.reduce((s, c) => s + c.totals.total, 0);
    const dur = cs.reduce((s, c) => s + c.durationNanos, 0);
    return withDur ? sum / (dur / 1e9) : sum / cs.length;
  };
  const rB = rate2(baseline);
  const rC = rate2(canary);
  if (rB > 0 && rC > 0 && (rC / rB > TOTALS_RATIO_WARNING || rB / rC > TOTALS_RATIO_WARNING)) {
    warnings.push(
      `the sets' totals differ ${Math.max(rC / rB, rB / rC).toFixed(1)}x (baseline ${fmtNum(rB)}, canary ${fmtNum(rC)} ${type.unit}${baseline.every((c) => c.durationNanos > 0) ? " per second" : " per capture"}): different load or a different environment? shares may not be comparable`
    );
  }
  return { inconclusive, warnings, perUnit: perUnitTrusted(baseline, canary, warnings) };
}
function perUnitTrusted(baseline, canary, warnings) {
  const all = [...baseline, ...canary];
  const units = all.map((c) => c.units ?? 0);
  if (units.every((u) => u <= 0)) return false;
  if (units.some((u) => u <= 0)) {
    warnings.push("only some captures carry request counts: cost per request is not checked");
    return false;
  }
  for (const [side, cs] of [
    ["baseline", baseline],
    ["canary", canary]
  ]) {
    const done = cs.reduce((s, c) => s + (c.units ?? 0), 0);
    const dropped = cs.reduce((s, c) => s + (c.dropped ?? 0), 0);
    if (dropped / (done + dropped) > MAX_DROPPED) {
      warnings.push(
        `the load was not held on the ${side} side (${(100 * dropped / (done + dropped)).toFixed(1)}% of arrivals dropped): cost per request is not checked`
      );
      return false;
    }
  }
  const achieved = (cs) => {
    const secs = cs.reduce((s, c) => s + (c.windowSeconds ?? c.durationNanos / 1e9), 0);
    return secs > 0 ? cs.reduce((s, c) => s + (c.units ?? 0), 0) / secs : NaN;
  };
  const aB = achieved(baseline);
  const aC = achieved(canary);
  if (aB > 0 && aC > 0 && Math.abs(aC / aB - 1) > MAX_RATE_DIFFERENCE) {
    warnings.push(
      `the two sides served different request rates (baseline ${aB.toFixed(0)}/s, canary ${aC.toFixed(0)}/s): cost per request is not checked`
    );
    return false;
  }
  return true;
}
function fmtNum(x) {
  return x >= 1e6 ? x.toExponential(2) : x.toFixed(1);
}

// src/stats/table.ts
function sumRange(arr, from, to) {
  let s = 0;
  for (let i = from; i < to; i++) s += arr[i];
  return s;
}
function effectiveSamples(cs) {
  return cs.reduce((s, c) => {
    const p = c.period > 0 && c.periodType?.unit === c.totals.type.unit ? c.period : 0;
    return s + (p > 0 ? c.totals.total / p : c.totals.samples);
  }, 0);
}
function buildTable(baseline, canary) {
  const all = [...baseline, ...canary];
  const names = [];
  const index = /* @__PURE__ */ new Map();
  const rawNames = /* @__PURE__ */ new Map();
  const maps = all.map(
    (c) => c.totals.names.map((n2) => {
      let id = index.get(n2);
      if (id === void 0) {
        id = names.length;
        names.push(n2);
        index.set(n2, id);
      }
      return id;
    })
  );
  for (const c of all) {
    for (const [n2, raws] of c.totals.rawNames) {
      const l = rawNames.get(n2) ?? [];
      const seen = new Set(l);
      for (const r of raws) {
        if (!seen.has(r)) {
          seen.add(r);
          l.push(r);
        }
      }
      rawNames.set(n2, l);
    }
  }
  const n = all.length;
  const nB = baseline.length;
  const F = names.length;
  const selfM = new Float64Array(F * n);
  const cumM = new Float64Array(F * n);
  const totals = new Float64Array(n);
  all.forEach((c, i) => {
    totals[i] = c.totals.total;
    const m = maps[i];
    for (let k = 0; k < m.length; k++) {
      selfM[m[k] * n + i] += c.totals.self[k];
      cumM[m[k] * n + i] += c.totals.cum[k];
    }
  });
  return {
    names,
    rawNames,
    n,
    nB,
    nC: canary.length,
    selfM,
    cumM,
    totals,
    totB: sumRange(totals, 0, nB),
    totC: sumRange(totals, nB, n),
    NB: Math.max(1, effectiveSamples(baseline)),
    NC: Math.max(1, effectiveSamples(canary))
  };
}
function presentIn(t, f, from, to) {
  for (let i = from; i < to; i++) {
    if (t.selfM[f * t.n + i] !== 0 || t.cumM[f * t.n + i] !== 0) return true;
  }
  return false;
}

// src/stats/dilution.ts
function applyDilution(t, causes, rows, settings, tCorrection) {
  const shareCauses = causes.filter((c) => c.kind !== "per-unit");
  if (shareCauses.length === 0) return;
  const index = new Map(t.names.map((n2, i) => [n2, i]));
  const { n, nB } = t;
  const excluded = new Float64Array(n);
  for (const c of shareCauses) {
    const f = index.get(c.function);
    if (f === void 0) continue;
    const M = c.kind === "self" ? t.selfM : t.cumM;
    for (let i = 0; i < n; i++) excluded[i] += M[f * n + i];
  }
  const den = Float64Array.from(t.totals, (x, i) => Math.max(0, x - excluded[i]));
  const inCause = new Set(shareCauses.flatMap((c) => c.rows));
  const candidates = rows.filter(
    (r) => r.fd.status === "improvement" && r.info.fnIndex >= 0 && !inCause.has(r.fd)
  );
  if (candidates.length === 0) return;
  const dB = sumRange(den, 0, nB) || 1;
  const dC = sumRange(den, nB, n) || 1;
  const b = bootstrapRows(
    candidates.map(({ info }) => {
      const M = info.metric === "self" ? t.selfM : t.cumM;
      const num = M.subarray(info.fnIndex * n, info.fnIndex * n + n);
      const pB = Math.min(1, sumRange(num, 0, nB) / dB);
      const pC = Math.min(1, sumRange(num, nB, n) / dC);
      return {
        num,
        den,
        kind: "share",
        seFloor: Math.sqrt(pB * (1 - pB) / t.NB + pC * (1 - pC) / t.NC),
        driftVar: info.driftVar
      };
    }),
    t.totals,
    nB,
    t.nC,
    {
      replicates: settings.bootstrap,
      confidence: settings.confidence,
      seed: settings.seed,
      tCorrection
    }
  );
  candidates.forEach(({ fd }, k) => {
    const d = b.delta[k];
    const h = b.criticalRow[k] * b.se[k];
    if (d + h < 0) return;
    fd.diluted = { deltaPp: d * 100, ciLowPp: (d - h) * 100, ciHighPp: (d + h) * 100 };
    fd.status = "unchanged";
    fd.significant = false;
  });
}

// src/stats/moves.ts
function findMoves(functions) {
  const vanished = functions.filter(
    (f) => f.metric !== "per-unit" && f.inBaseline && !f.inCanary && f.status !== "ignored"
  );
  const used = /* @__PURE__ */ new Set();
  const appeared = functions.filter((f) => (f.status === "regression" || f.status === "grew") && !f.inBaseline).sort((a, b) => b.canaryShare - a.canaryShare || (a.function < b.function ? -1 : 1));
  const moves = [];
  for (const f of appeared) {
    let best;
    for (const v of vanished) {
      if (used.has(v) || v.metric !== f.metric) continue;
      const combined = f.canaryShare - v.baselineShare;
      const similar = v.baselineShare >= 0.5 * f.canaryShare && v.baselineShare <= 2 * f.canaryShare;
      if (combined <= (f.budget.pp ?? Infinity) && similar) {
        if (!best || Math.abs(v.baselineShare - f.canaryShare) < Math.abs(best.baselineShare - f.canaryShare))
          best = v;
      }
    }
    if (best) {
      used.add(best);
      moves.push({ row: f, from: best });
    }
  }
  return moves;
}

// src/stats/power.ts
var POWER = 0.8;
function mde(se, critical, df) {
  if (!Number.isFinite(critical) || !Number.isFinite(se)) return NaN;
  return (critical + tQuantileUpper(1 - POWER, df)) * se;
}
function underpowered(rows) {
  return rows.filter(
    (f) => f.status !== "ignored" && f.status !== "regression" && f.budget.pp !== void 0 && Number.isFinite(f.mdePp) && f.mdePp > f.budget.pp
  ).map((f) => ({
    function: f.function,
    metric: f.metric,
    mdePp: f.mdePp,
    budgetPp: f.budget.pp
  })).sort(
    (a, b) => b.mdePp / Math.max(b.budgetPp, 1e-9) - a.mdePp / Math.max(a.budgetPp, 1e-9) || (a.function < b.function ? -1 : 1)
  );
}
function detectable(rows) {
  let best;
  for (const f of rows) {
    if (f.metric !== "self" || f.status === "ignored" || !Number.isFinite(f.mdePp)) continue;
    if (!best || f.baselineShare > best.baselineShare) best = f;
  }
  return best ? { mdePp: best.mdePp, sharePct: best.baselineShare } : void 0;
}

// src/stats/drift.ts
init_errors();
var CALIBRATION_FORMAT = "profile-gate-calibration";
var PRIOR_DF = 4;
var LIST_MIN_SHARE = 0.5;
function runShare(num, tot, from, to) {
  const T = sumRange(tot, from, to);
  const p = T === 0 ? 0 : sumRange(num, from, to) / T;
  const k = to - from;
  let v = 0;
  for (let i = from; i < to; i++) {
    const e = num[i] - p * tot[i];
    v += e * e;
  }
  v = T === 0 || k < 2 ? 0 : v / (T * T) * k / (k - 1);
  return { p, v };
}
function momentEstimate(shares) {
  const R = shares.length;
  const mean = shares.reduce((s, x) => s + x.p, 0) / R;
  const between = shares.reduce((s, x) => s + (x.p - mean) ** 2, 0) / (R - 1);
  const within = shares.reduce((s, x) => s + x.v, 0) / R;
  return { mean, sigma2: Math.max(0, between - within) };
}
function estimateDrift(runs, sampleType) {
  if (runs.length < 3) {
    throw new UsageError(
      `a drift model needs at least 3 known-good runs (got ${runs.length}): run-to-run variance cannot be told from capture noise with fewer`
    );
  }
  const all = runs.flat();
  const t = buildTable(all, []);
  const bounds = [];
  let at = 0;
  for (const r of runs) {
    bounds.push([at, at + r.length]);
    at += r.length;
  }
  const R = runs.length;
  const n = t.n;
  const rows = [];
  for (const metric of ["self", "cum"]) {
    const M = metric === "self" ? t.selfM : t.cumM;
    for (let f = 0; f < t.names.length; f++) {
      const num = M.subarray(f * n, f * n + n);
      const shares = bounds.map(([a, b]) => runShare(num, t.totals, a, b));
      const est = momentEstimate(shares);
      if (est.mean <= 0) continue;
      rows.push({ name: t.names[f], metric, ...est });
    }
  }
  const kappa = { self: 0, cum: 0 };
  for (const metric of ["self", "cum"]) {
    let num = 0;
    let den = 0;
    for (const r of rows) {
      if (r.metric !== metric || r.mean * 100 < 1) continue;
      num += r.sigma2;
      den += r.mean * (1 - r.mean);
    }
    kappa[metric] = den > 0 ? num / den : 0;
  }
  const functions = {};
  const df = R - 1;
  for (const r of rows) {
    if (r.mean * 100 < LIST_MIN_SHARE) continue;
    const prior = kappa[r.metric] * r.mean * (1 - r.mean);
    const shrunk = (df * r.sigma2 + PRIOR_DF * prior) / (df + PRIOR_DF);
    (functions[r.name] ??= {})[r.metric] = {
      share: round(r.mean * 100, 4),
      sigmaPp: round(Math.sqrt(shrunk) * 100, 4),
      rawSigmaPp: round(Math.sqrt(r.sigma2) * 100, 4),
      df
    };
  }
  const model = {
    format: CALIBRATION_FORMAT,
    version: 1,
    sampleType,
    runs: R,
    capturesPerRun: runs.map((r) => r.length),
    kappa: { self: round(kappa.self, 8), cum: round(kappa.cum, 8) },
    functions
  };
  if (all.every((c) => (c.units ?? 0) > 0)) {
    const logs = bounds.map(([a, b], r) => {
      const T = sumRange(t.totals, a, b);
      const U = runs[r].reduce((s, c) => s + c.units, 0);
      return { p: Math.log(T / U), v: perUnitWithinVar(t.totals, all, a, b) };
    });
    model.perUnitSigmaPct = round(Math.sqrt(momentEstimate(logs).sigma2) * 100, 4);
  }
  return model;
}
function perUnitWithinVar(tot, all, from, to) {
  const k = to - from;
  if (k < 2) return 0;
  let T = 0;
  let U = 0;
  for (let i = from; i < to; i++) {
    T += tot[i];
    U += all[i].units;
  }
  const r = T / U;
  let v = 0;
  for (let i = from; i < to; i++) {
    const e = tot[i] - r * all[i].units;
    v += e * e;
  }
  return v / (T * T) * k / (k - 1);
}
function round(x, d) {
  return Number(x.toFixed(d));
}
function shareDriftVariance(model, fn, metric, p) {
  const row2 = model.functions[fn]?.[metric];
  if (row2) return (row2.sigmaPp / 100) ** 2;
  const q = Math.min(1, Math.max(0, p));
  return model.kappa[metric] * q * (1 - q);
}
function perUnitDriftVariance(model) {
  return model.perUnitSigmaPct === void 0 ? 0 : (model.perUnitSigmaPct / 100) ** 2;
}
function isObject4(v) {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}
function parseDriftModel(text, file) {
  let j;
  try {
    j = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${file}: not valid JSON (${e.message})`);
  }
  const bad = (what) => {
    throw new UsageError(`${file}: not a profile-gate calibration file (${what})`);
  };
  if (!isObject4(j) || j.format !== CALIBRATION_FORMAT)
    bad(`"format" is not "${CALIBRATION_FORMAT}"`);
  const o = j;
  if (o.version !== 1) bad(`version ${JSON.stringify(o.version)} is not supported (1 is)`);
  const nonNeg = (v) => typeof v === "number" && Number.isFinite(v) && v >= 0;
  if (typeof o.sampleType !== "string") bad('"sampleType" is missing');
  if (!Number.isInteger(o.runs) || o.runs < 3)
    bad('"runs" must be a whole number >= 3');
  if (!isObject4(o.kappa) || !nonNeg(o.kappa.self) || !nonNeg(o.kappa.cum))
    bad('"kappa" must hold non-negative "self" and "cum"');
  if (o.perUnitSigmaPct !== void 0 && !nonNeg(o.perUnitSigmaPct))
    bad('"perUnitSigmaPct" must be a non-negative number');
  if (!isObject4(o.functions)) bad('"functions" must be an object');
  for (const [name, v] of Object.entries(o.functions)) {
    if (!isObject4(v)) bad(`functions["${name.slice(0, 80)}"] must be an object`);
    for (const m of ["self", "cum"]) {
      const r = v[m];
      if (r === void 0) continue;
      if (!isObject4(r) || !nonNeg(r.sigmaPp) || !nonNeg(r.share))
        bad(`functions["${name.slice(0, 80)}"].${m} needs non-negative "share" and "sigmaPp"`);
    }
  }
  return {
    format: CALIBRATION_FORMAT,
    version: 1,
    sampleType: o.sampleType,
    runs: o.runs,
    capturesPerRun: Array.isArray(o.capturesPerRun) ? o.capturesPerRun : [],
    kappa: o.kappa,
    perUnitSigmaPct: o.perUnitSigmaPct,
    functions: o.functions
  };
}

// src/stats/rows.ts
function selectRows(t, captures, settings, perUnit, drift) {
  const { n, nB, selfM, cumM, totB, totC, NB, NC, names } = t;
  const cfg = settings.config;
  const ignoredName = (name) => (cfg?.ignore ?? []).some((g) => globMatch(g, name)) || (cfg?.functions ?? []).some((r) => r.ignore && globMatch(r.match, name));
  const floor = settings.minShare / 100;
  const rows = [];
  const info = [];
  const ignored = [];
  const cumSeen = /* @__PURE__ */ new Map();
  for (const metric of ["self", "cum"]) {
    const M = metric === "self" ? selfM : cumM;
    for (let f = 0; f < names.length; f++) {
      const num = M.subarray(f * n, f * n + n);
      if (metric === "cum" && sameValues(num, selfM.subarray(f * n, f * n + n))) continue;
      const pB = totB === 0 ? 0 : sumRange(num, 0, nB) / totB;
      const pC = totC === 0 ? 0 : sumRange(num, nB, n) / totC;
      if (Math.max(Math.abs(pB), Math.abs(pC)) < floor) continue;
      const pooled = (totB + totC === 0 ? 0 : sumRange(num, 0, n) / (totB + totC)) || 0;
      const driftVar = drift ? 2 * shareDriftVariance(drift, names[f], metric, pooled) : 0;
      const row2 = { function: names[f], metric, fnIndex: f, driftVar };
      if (ignoredName(names[f])) {
        ignored.push(row2);
        continue;
      }
      if (metric === "cum") {
        const key2 = Array.prototype.join.call(num, ",");
        const twin = cumSeen.get(key2);
        if (twin) {
          (twin.sameAs ??= []).push(names[f]);
          continue;
        }
        cumSeen.set(key2, row2);
      }
      const q = (p) => Math.min(1, Math.max(0, p));
      const seFloor = Math.sqrt(q(pB) * (1 - q(pB)) / NB + q(pC) * (1 - q(pC)) / NC);
      rows.push({ num, kind: "share", seFloor, driftVar });
      info.push(row2);
    }
  }
  if (perUnit && settings.budgetPerUnitPct > 0) {
    const driftVar = drift ? 2 * perUnitDriftVariance(drift) : 0;
    rows.push({
      num: Float64Array.from(t.totals),
      den: Float64Array.from(captures, (c) => c.units ?? 0),
      kind: "relative",
      seFloor: Math.sqrt(1 / NB + 1 / NC),
      driftVar
    });
    info.push({ function: "(total)", metric: "per-unit", fnIndex: -1, driftVar });
  }
  return { rows, info, ignored };
}
function sameValues(a, b) {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

// src/stats/verdict.ts
function verdictOf(causes, inconclusive, underpowered2, settings) {
  if (causes.length > 0) return "fail";
  if (inconclusive.length > 0) return "inconclusive";
  if (underpowered2.length > 0 && settings.onUnderpowered === "fail") return "inconclusive";
  return "pass";
}
function underpoweredReason(u) {
  const w = u[0];
  return `${u.length} tested row${u.length === 1 ? "" : "s"} could not see a change of their budget's size (e.g. ${w.function} ${w.metric}: detectable ${w.mdePp.toFixed(1)}, budget ${w.budgetPp}) and on-underpowered is fail`;
}

// src/stats/compare.ts
var T_CORRECTION = true;
function compareCaptures(baseline, canary, settings, opts = {}) {
  const nB = baseline.length;
  const nC = canary.length;
  if (nB === 0 || nC === 0) throw new Error("compareCaptures needs at least one capture per side");
  const type = baseline[0].totals.type;
  const check = checkComparable(baseline, canary);
  const inconclusive = [...check.inconclusive, ...opts.inconclusive ?? []];
  const warnings = check.warnings;
  let perUnit = check.perUnit;
  const mismatch = opts.hardwareMismatch;
  if (mismatch && settings.onHardwareMismatch === "skip-per-unit" && perUnit) {
    perUnit = false;
    warnings.push(
      `${mismatch}: cost per request is not checked (on-hardware-mismatch: skip-per-unit); shares still are`
    );
  } else if (mismatch && settings.onHardwareMismatch === "warn") {
    warnings.push(
      `${mismatch}: absolute costs such as cost per request may differ for that reason alone`
    );
  }
  const table = buildTable(baseline, canary);
  const drift = opts.sameRun ? void 0 : opts.drift;
  const selected = selectRows(table, [...baseline, ...canary], settings, perUnit, drift);
  const tCorrection = opts.tCorrection ?? T_CORRECTION;
  const canDecide = !check.inconclusive.length;
  const b = bootstrapRows(selected.rows, table.totals, nB, nC, {
    replicates: canDecide ? settings.bootstrap : 0,
    confidence: settings.confidence,
    seed: settings.seed,
    tCorrection,
    onProgress: opts.onProgress
  });
  const tested = selected.info.map((info, k) => ({
    info,
    fd: testedRow(info, k, b, table, settings)
  }));
  const functions = [
    ...tested.map((r) => r.fd),
    ...selected.ignored.map((ri) => ignoredRow(ri, table))
  ];
  for (const m of findMoves(functions)) {
    m.row.status = "grew";
    m.row.movedFrom = m.from.function;
    if (m.from.status === "improvement") m.from.status = "unchanged";
    m.from.movedTo = m.row.function;
  }
  const causes = findCauses(functions.filter((f) => f.status === "regression"));
  applyDilution(table, causes, tested, settings, tCorrection);
  const unitName = "request";
  for (const fd of functions) fd.reason = describeDelta(fd, type, settings.confidence, unitName);
  for (const c of causes) c.reason = causeSentence(c, type);
  if (mismatch && settings.onHardwareMismatch === "fail") {
    causes.push({
      function: "(runner)",
      kind: "hardware",
      rows: [],
      reason: `${mismatch}, and on-hardware-mismatch is fail`
    });
  }
  const byDelta = (a, b2) => b2.deltaPp - a.deltaPp || cmpStr(a.function, b2.function) || cmpStr(a.metric, b2.metric);
  functions.sort(byDelta);
  const metricOrder = { self: 0, cum: 1, "per-unit": 2 };
  const regressions = functions.filter((f) => f.status === "regression").sort((a, b2) => metricOrder[a.metric] - metricOrder[b2.metric] || byDelta(a, b2));
  const grew = functions.filter((f) => f.status === "grew");
  const improvements = functions.filter((f) => f.status === "improvement").reverse();
  const underpowered2 = canDecide ? underpowered(functions) : [];
  const verdict = verdictOf(causes, inconclusive, underpowered2, settings);
  if (verdict === "inconclusive" && inconclusive.length === 0) {
    inconclusive.push(underpoweredReason(underpowered2));
  }
  const sumSamples = (cs) => cs.reduce((s, c) => s + c.totals.samples, 0);
  return {
    verdict,
    inconclusive,
    causes,
    underpowered: underpowered2,
    critical: b.critical,
    detectable: canDecide ? detectable(functions) : void 0,
    drift: driftNote(opts, settings),
    type,
    regressions,
    improvements,
    grew,
    functions,
    warnings,
    settings: {
      ...settings,
      config: settings.config,
      baselineCaptures: nB,
      canaryCaptures: nC
    },
    baseline: {
      captures: baseline.map((c) => c.name),
      total: table.totB,
      samples: sumSamples(baseline)
    },
    canary: { captures: canary.map((c) => c.name), total: table.totC, samples: sumSamples(canary) }
  };
}
function driftNote(opts, s) {
  if (opts.sameRun) {
    return {
      modelled: false,
      reason: "same run (interleaved A/B): no run-to-run drift between the sides"
    };
  }
  if (opts.drift) {
    return {
      modelled: true,
      reason: `run-to-run drift from ${opts.drift.runs} known-good runs added to every interval`,
      calibration: s.calibration
    };
  }
  return {
    modelled: false,
    reason: "different runs, drift not modelled (no calibration): intervals see capture noise only, budgets must absorb run-to-run drift"
  };
}
function testedRow(ri, k, b, t, settings) {
  const perUnit = ri.metric === "per-unit";
  const d = b.delta[k];
  const half2 = b.criticalRow[k] * b.se[k];
  const show = (x) => perUnit ? (Math.exp(x) - 1) * 100 : Math.min(100, Math.max(-100, x * 100));
  const delta = show(d);
  const low = Number.isFinite(half2) ? show(d - half2) : -Infinity;
  const high = Number.isFinite(half2) ? show(d + half2) : Infinity;
  const budget = budgetFor2(ri, settings);
  const ratio = b.baseline[k] === 0 ? null : b.canary[k] / b.baseline[k];
  const c = classify(
    {
      metric: ri.metric,
      delta,
      low,
      high,
      ratio,
      largerShare: Math.max(b.baseline[k], b.canary[k]) * 100
    },
    budget,
    settings.minShare
  );
  const fd = {
    function: ri.function,
    metric: ri.metric,
    baselineShare: perUnit ? b.baseline[k] : b.baseline[k] * 100,
    canaryShare: perUnit ? b.canary[k] : b.canary[k] * 100,
    deltaPp: delta,
    ciLowPp: Number.isFinite(half2) ? low : NaN,
    ciHighPp: Number.isFinite(half2) ? high : NaN,
    ratio,
    pValue: b.pAdjusted[k],
    significant: c.significant,
    status: c.status,
    inBaseline: perUnit ? true : presentIn(t, ri.fnIndex, 0, t.nB),
    inCanary: perUnit ? true : presentIn(t, ri.fnIndex, t.nB, t.n),
    budget,
    overBudget: c.overBudget,
    reason: "",
    // per-unit rows: a log-scale SE of x is about x * 100 percent
    mdePp: mde(b.se[k] * 100, b.criticalRow[k], b.dfRow[k]),
    driftPp: Math.sqrt(ri.driftVar) * 100
  };
  const raws = t.rawNames.get(ri.function);
  if (raws) fd.rawNames = raws;
  if (ri.sameAs) fd.sameAs = ri.sameAs;
  return fd;
}
function ignoredRow(ri, t) {
  const { n, nB } = t;
  const M = ri.metric === "self" ? t.selfM : t.cumM;
  const pB = sumRange(M, ri.fnIndex * n, ri.fnIndex * n + nB) / (t.totB || 1);
  const pC = sumRange(M, ri.fnIndex * n + nB, ri.fnIndex * n + n) / (t.totC || 1);
  return {
    function: ri.function,
    metric: ri.metric,
    baselineShare: pB * 100,
    canaryShare: pC * 100,
    deltaPp: (pC - pB) * 100,
    ciLowPp: NaN,
    ciHighPp: NaN,
    ratio: pB === 0 ? null : pC / pB,
    pValue: 1,
    significant: false,
    status: "ignored",
    inBaseline: presentIn(t, ri.fnIndex, 0, nB),
    inCanary: presentIn(t, ri.fnIndex, nB, n),
    budget: { source: "ignore list" },
    overBudget: false,
    reason: "",
    mdePp: NaN,
    driftPp: 0
  };
}
function cmpStr(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

// src/stats/calibrate.ts
function upperQuantile(values, target) {
  if (values.length === 0) return 0;
  const s = [...values].sort((a, b) => a - b);
  const k = Math.min(s.length - 1, Math.ceil((1 - target) * s.length) - 1);
  return s[Math.max(0, k)];
}
function suggest(x) {
  return Math.max(0.5, Math.ceil(x * 1.25 * 2) / 2);
}
function calibrate(runs, settings, target = 0.01) {
  const pairs = [];
  const zero = { ...settings, budgetPp: 0, budgetCumPp: 0, budgetRatio: 0, budgetPerUnitPct: 0 };
  for (const a of runs) {
    for (const b of runs) {
      if (a === b) continue;
      const c0 = compareCaptures(a.captures, b.captures, zero);
      const withSettings = compareCaptures(a.captures, b.captures, settings);
      const others = runs.filter((r) => r !== a && r !== b);
      const failsWithDrift = others.length >= 3 ? compareCaptures(a.captures, b.captures, settings, {
        drift: estimateDrift(
          others.map((r) => r.captures),
          a.captures[0].totals.type.type
        )
      }).verdict === "fail" : void 0;
      const pick2 = (metric, sig) => {
        let best = 0;
        let fn;
        for (const f of c0.functions) {
          if (f.metric !== metric || sig && !(f.significant && f.deltaPp > 0)) continue;
          if (f.deltaPp > best) {
            best = f.deltaPp;
            fn = f.function;
          }
        }
        return { best, fn };
      };
      const ss = pick2("self", true);
      const sc = pick2("cum", true);
      pairs.push({
        baseline: a.name,
        canary: b.name,
        maxSelfPp: pick2("self", false).best,
        maxCumPp: pick2("cum", false).best,
        maxSigSelfPp: ss.best,
        maxSigCumPp: sc.best,
        maxSigSelfFn: ss.fn,
        maxSigCumFn: sc.fn,
        significant: c0.functions.filter((f) => f.significant && f.deltaPp > 0).length,
        failsWithSettings: withSettings.verdict === "fail",
        ...failsWithDrift === void 0 ? {} : { failsWithDrift }
      });
    }
  }
  return {
    runs: runs.map((r) => r.name),
    pairs,
    recommended: {
      budgetPp: suggest(
        upperQuantile(
          pairs.map((p) => p.maxSigSelfPp),
          target
        )
      ),
      budgetCumPp: suggest(
        upperQuantile(
          pairs.map((p) => p.maxSigCumPp),
          target
        )
      )
    },
    falseAlarmRateWithSettings: pairs.length ? pairs.filter((p) => p.failsWithSettings).length / pairs.length : 0,
    ...pairs.length && pairs[0].failsWithDrift !== void 0 ? { falseAlarmRateWithDrift: pairs.filter((p) => p.failsWithDrift).length / pairs.length } : {},
    target
  };
}

// src/stats/plan.ts
var MAX_CAPTURES = 200;
function planCaptures(runs, model, budgetPp, observed, opts = {}) {
  const lengths = opts.lengths ?? [5, 10];
  const all = runs.flat();
  const t = buildTable(all, []);
  const k0 = Math.round(all.length / runs.length);
  const s0 = all.reduce((s, c) => s + c.durationNanos, 0) / all.length / 1e9 || 5;
  const n = t.n;
  const rows = [];
  for (let f = 0; f < t.names.length; f++) {
    const num = t.selfM.subarray(f * n, f * n + n);
    const share2 = sumRange(num, 0, n) / (t.totB || 1);
    if (share2 * 100 < (opts.minSharePct ?? 1)) continue;
    let v = 0;
    let df = 0;
    let at = 0;
    for (const r of runs) {
      const tot = sumRange(t.totals, at, at + r.length);
      const p = tot === 0 ? 0 : sumRange(num, at, at + r.length) / tot;
      for (let i = at; i < at + r.length; i++) {
        const q = t.totals[i] === 0 ? 0 : num[i] / t.totals[i];
        v += (q - p) ** 2;
      }
      df += r.length - 1;
      at += r.length;
    }
    rows.push({ name: t.names[f], f, share: share2, v1: df > 0 ? v / df : 0 });
  }
  rows.sort((a, b) => b.share - a.share);
  const tail = tUpperTail(observed.critical, observed.df);
  const power = (k, secs, v1, drift2) => {
    const df = 2 * k - 2;
    const c = tQuantileUpper(tail, df);
    return mde(Math.sqrt(2 * v1 * (s0 / secs) / k + 2 * drift2) * 100, c, df);
  };
  const fewest = (secs, v1, drift2) => {
    for (let k = 3; k <= MAX_CAPTURES; k++) {
      if (power(k, secs, v1, drift2) <= budgetPp) return { captures: k, seconds: secs };
    }
    return null;
  };
  return {
    captures: k0,
    seconds: Math.round(s0 * 10) / 10,
    lengths,
    rows: rows.slice(0, opts.top ?? 5).map((r) => {
      const drift2 = shareDriftVariance(model, r.name, "self", r.share);
      const z = tQuantileUpper(tail, Infinity);
      return {
        function: r.name,
        sharePct: r.share * 100,
        budgetPp,
        nowSequentialPp: power(k0, s0, r.v1, drift2),
        nowInterleavedPp: power(k0, s0, r.v1, 0),
        sequential: lengths.map((secs) => fewest(secs, r.v1, drift2)),
        interleaved: lengths.map((secs) => fewest(secs, r.v1, 0)),
        driftFloorPp: mde(Math.sqrt(2 * drift2) * 100, z, Infinity)
      };
    })
  };
}

// src/pipeline/config.ts
init_errors();
import { existsSync as existsSync3, readFileSync as readFileSync3 } from "node:fs";
import { dirname as dirname2, resolve as resolve3 } from "node:path";
function loadConfig(cwd, configPath) {
  if (configPath) {
    const p = resolve3(cwd, configPath);
    if (!existsSync3(p)) throw new UsageError(`config file ${configPath} does not exist`);
    return parseConfig(readFileSync3(p, "utf8"), configPath);
  }
  for (const name of CONFIG_FILE_NAMES) {
    const p = resolve3(cwd, name);
    if (existsSync3(p)) return parseConfig(readFileSync3(p, "utf8"), name);
  }
  return void 0;
}
function settingsFor(cwd, explicit, configPath) {
  return resolveSettings(explicit, loadConfig(cwd, configPath));
}
function readCalibration(cwd, path, configFile, sampleType) {
  const p = resolve3(configFile ? dirname2(resolve3(cwd, configFile)) : cwd, path);
  let text;
  try {
    text = readFileSync3(p, "utf8");
  } catch (e) {
    throw new UsageError(`calibration file ${path}: cannot read it (${e.message})`);
  }
  const m = parseDriftModel(text, path);
  if (m.sampleType !== sampleType) {
    throw new UsageError(
      `calibration file ${path} was made for sample type ${m.sampleType}, but this comparison is of ${sampleType}`
    );
  }
  return m;
}

// src/pipeline/calibrate.ts
function calibrateRuns(req) {
  const settings = settingsFor(req.cwd, req.settings, req.configPath);
  const { sets, typeName } = loadCaptureSets(
    req.runs.map((d) => ({ label: d, paths: [d] })),
    {
      cwd: req.cwd,
      need: "totals",
      read: req.read,
      type: settings.type,
      normalizeNames: settings.normalizeNames
    }
  );
  const calibration = calibrate(
    sets.map((captures, i) => ({ name: req.runs[i], captures })),
    { ...settings, type: typeName },
    req.target
  );
  if (sets.length < 3) return { calibration, settings, typeName };
  const drift = estimateDrift(sets, typeName);
  const probe = compareCaptures(sets[0], sets[1], { ...settings, type: typeName });
  const plan = planCaptures(sets, drift, settings.budgetPp, {
    critical: probe.critical,
    df: sets[0].length + sets[1].length - 2
  });
  return { calibration, settings, typeName, drift, plan };
}

// src/cli/calibrate.ts
init_args();
init_common();

// src/cli/compare.ts
init_errors();
import { resolve as resolve4 } from "node:path";

// src/report/json.ts
var round2 = (x, d = 4) => Number.isFinite(x) ? Number(x.toFixed(d)) : null;
function fnJson(f) {
  return {
    function: f.function,
    metric: f.metric,
    baselineShare: round2(f.baselineShare),
    canaryShare: round2(f.canaryShare),
    deltaPp: round2(f.deltaPp),
    ciLowPp: round2(f.ciLowPp),
    ciHighPp: round2(f.ciHighPp),
    ratio: f.ratio === null ? null : round2(f.ratio),
    pValue: round2(f.pValue, 6),
    significant: f.significant,
    status: f.status,
    inBaseline: f.inBaseline,
    inCanary: f.inCanary,
    budget: f.budget,
    overBudget: f.overBudget,
    reason: f.reason,
    mdePp: round2(f.mdePp),
    driftPp: round2(f.driftPp),
    ...f.rawNames ? { rawNames: f.rawNames } : {},
    ...f.movedFrom ? { movedFrom: f.movedFrom } : {},
    ...f.movedTo ? { movedTo: f.movedTo } : {},
    ...f.sameAs ? { sameAs: f.sameAs } : {},
    ...f.diluted ? {
      diluted: {
        deltaPp: round2(f.diluted.deltaPp),
        ciLowPp: round2(f.diluted.ciLowPp),
        ciHighPp: round2(f.diluted.ciHighPp)
      }
    } : {}
  };
}
function causeJson(c) {
  return {
    function: c.function,
    kind: c.kind,
    reason: c.reason,
    rows: c.rows.map((r) => ({
      function: r.function,
      metric: r.metric,
      deltaPp: round2(r.deltaPp)
    }))
  };
}
function comparisonJson(c) {
  const { config, ...settings } = c.settings;
  return {
    verdict: c.verdict,
    inconclusive: c.inconclusive,
    causes: c.causes.map(causeJson),
    underpowered: c.underpowered.map((u) => ({ ...u, mdePp: round2(u.mdePp) })),
    detectable: c.detectable ? { mdePp: round2(c.detectable.mdePp), sharePct: round2(c.detectable.sharePct) } : null,
    drift: c.drift,
    criticalValue: round2(c.critical),
    type: c.type,
    regressions: c.regressions.map(fnJson),
    improvements: c.improvements.map(fnJson),
    grew: c.grew.map(fnJson),
    functions: c.functions.map(fnJson),
    warnings: c.warnings,
    settings: { ...settings, configFile: config?.file ?? null },
    baseline: c.baseline,
    canary: c.canary
  };
}
function renderJson(c) {
  return JSON.stringify(comparisonJson(c), null, 2) + "\n";
}

// src/report/tree.ts
init_aggregate();
init_limits();
init_normalize();
function resolveTypeIndex(p, sel, file = "(report)") {
  if (typeof sel === "function") return sel(p);
  if (typeof sel === "string") return selectSampleType(p, sel, file);
  return sel;
}
function buildFlameTree(baseline, canary, opts = {}) {
  const normalize = typeof opts.normalize === "function" ? opts.normalize : makeNormalizer(opts.normalize ?? "on");
  const names = [];
  const nameIndex = /* @__PURE__ */ new Map();
  let type;
  const totals = { baseline: 0, canary: 0 };
  let cap = 1024;
  let nodeFn = new Int32Array(cap);
  let nodeParent = new Int32Array(cap);
  let lastChild = new Int32Array(cap);
  let vals = [new Float64Array(cap), new Float64Array(cap)];
  let count = 1;
  nodeFn[0] = -1;
  nodeParent[0] = -1;
  const childOf = /* @__PURE__ */ new Map();
  const FN_SPAN = 2 ** 26;
  const maxFrames = opts.maxFrames ?? DEFAULT_LIMITS.maxFrames;
  const maxNodes = Math.max(1024, Math.floor(maxFrames / FLAME_NODE_COST));
  const tooMany = () => limitError(
    "(flame graph)",
    `the flame graph would have more than ${maxNodes.toLocaleString("en-US")} nodes (distinct call paths), 1 per ${FLAME_NODE_COST} frames of the frame budget`,
    "maxFrames"
  );
  const grow = () => {
    cap *= 2;
    const g32 = (a) => {
      const b = new Int32Array(cap);
      b.set(a);
      return b;
    };
    const g64 = (a) => {
      const b = new Float64Array(cap);
      b.set(a);
      return b;
    };
    nodeFn = g32(nodeFn);
    nodeParent = g32(nodeParent);
    lastChild = g32(lastChild);
    vals = vals.map(g64);
  };
  const addSide = (profiles, sideIdx) => {
    const side = sideIdx === 0 ? "baseline" : "canary";
    for (const p of profiles) {
      const t = opts.type === void 0 ? p.defaultSampleType : resolveTypeIndex(p, opts.type);
      if (!type) type = p.sampleTypes[t];
      const map = new Int32Array(p.functions.length);
      p.functions.forEach((raw, i) => {
        const name = normalize(raw);
        let id = nameIndex.get(name);
        if (id === void 0) {
          id = names.length;
          if (id >= FN_SPAN) throw new Error("too many functions for a flame graph");
          names.push(name);
          nameIndex.set(name, id);
        }
        map[i] = id;
      });
      const v = p.values[t];
      const off = p.stackOffsets;
      const frames = p.stackFrames;
      const samples = off.length - 1;
      let total = 0;
      for (let s = 0; s < samples; s++) total += v[s];
      totals[side] += total;
      vals[sideIdx][0] += total;
      if (total === 0) continue;
      let V = vals[sideIdx];
      for (let s = 0; s < samples; s++) {
        const x = v[s];
        if (x === 0) continue;
        let node = 0;
        for (let f = off[s + 1] - 1; f >= off[s]; f--) {
          const id = map[frames[f]];
          const last = lastChild[node];
          let child = last > 0 && nodeFn[last] === id ? last : void 0;
          const key2 = node * FN_SPAN + id;
          if (child === void 0) child = childOf.get(key2);
          if (child === void 0) {
            if (count === cap) {
              grow();
              V = vals[sideIdx];
            }
            if (count >= maxNodes) throw tooMany();
            child = count++;
            nodeFn[child] = id;
            nodeParent[child] = node;
            childOf.set(key2, child);
          }
          V[child] += x;
          lastChild[node] = child;
          node = child;
        }
      }
    }
  };
  addSide(baseline, 0);
  addSide(canary, 1);
  const kB = totals.baseline === 0 ? 0 : 100 / totals.baseline;
  const kC = totals.canary === 0 ? 0 : 100 / totals.canary;
  const objs = new Array(count);
  let maxDepth2 = 0;
  for (let i = 0; i < count; i++) {
    const parent = nodeParent[i];
    const depth = i === 0 ? 0 : objs[parent].depth + 1;
    if (depth > maxDepth2) maxDepth2 = depth;
    const fn = nodeFn[i];
    objs[i] = {
      fn,
      name: fn < 0 ? "all" : names[fn],
      depth,
      baseline: vals[0][i],
      canary: vals[1][i],
      baselineShare: vals[0][i] * kB,
      canaryShare: vals[1][i] * kC,
      children: []
    };
    if (i > 0) objs[parent].children.push(objs[i]);
  }
  for (const o of objs) {
    if (o.children.length > 1) {
      o.children.sort((a, b) => a.name < b.name ? -1 : a.name > b.name ? 1 : 0);
    }
  }
  return {
    type: type ?? { type: "", unit: "" },
    names,
    root: objs[0],
    baselineTotal: totals.baseline,
    canaryTotal: totals.canary,
    baselineCaptures: baseline.length,
    canaryCaptures: canary.length,
    nodeCount: count,
    maxDepth: maxDepth2
  };
}
function selfShares(node) {
  let b = node.baselineShare;
  let c = node.canaryShare;
  for (const ch of node.children) {
    b -= ch.baselineShare;
    c -= ch.canaryShare;
  }
  return { baseline: Math.max(0, b), canary: Math.max(0, c) };
}
function walkTree(root, visit) {
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop();
    if (visit(node) === false) continue;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]);
  }
}
function indexDeltas(c) {
  const m = /* @__PURE__ */ new Map();
  if (!c) return m;
  for (const d of c.functions) {
    if (d.metric !== "self" && d.metric !== "cum") continue;
    const e = m.get(d.function) ?? {};
    e[d.metric] = d;
    m.set(d.function, e);
  }
  return m;
}
function colorScale(c, metric = "self") {
  let max = 0;
  if (c) {
    for (const d of c.functions) {
      if (d.metric === metric && d.significant && d.status !== "ignored") {
        max = Math.max(max, Math.abs(d.deltaPp));
      }
    }
  }
  return { fullPp: Math.max(0.5, max) };
}
function frameTone(d) {
  if (!d) return "untested";
  if (!d.significant || d.status === "ignored" || d.status === "unchanged") return "unchanged";
  return d.deltaPp > 0 ? "grew" : d.deltaPp < 0 ? "shrank" : "unchanged";
}
var RED_LIGHT = [252, 196, 186];
var RED_FULL = [200, 24, 24];
var BLUE_LIGHT = [190, 208, 250];
var BLUE_FULL = [28, 78, 200];
function mix(a, b, t) {
  return [0, 1, 2].map((i) => Math.round(a[i] + (b[i] - a[i]) * t));
}
function hash(s) {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}
function frameColor(name, d, scale) {
  const tone = frameTone(d);
  let rgb;
  if (tone === "grew" || tone === "shrank") {
    const t = 0.2 + 0.8 * Math.min(1, Math.abs(d.deltaPp) / scale.fullPp);
    rgb = tone === "grew" ? mix(RED_LIGHT, RED_FULL, t) : mix(BLUE_LIGHT, BLUE_FULL, t);
  } else {
    const g = (tone === "untested" ? 214 : 192) + hash(name) % 18;
    rgb = [g, g, tone === "untested" ? g - 4 : g];
  }
  return "#" + rgb.map((x) => x.toString(16).padStart(2, "0")).join("");
}
function fmtPp(x, digits = 2) {
  const v = Math.abs(x) < 0.5 * 10 ** -digits ? 0 : x;
  return `${v > 0 ? "+" : v < 0 ? "-" : ""}${Math.abs(v).toFixed(digits)}pp`;
}
function fmtSigned(x, digits = 2) {
  const v = Math.abs(x) < 0.5 * 10 ** -digits ? 0 : x;
  return `${v > 0 ? "+" : v < 0 ? "-" : ""}${Math.abs(v).toFixed(digits)}`;
}
function fmtDelta(d, digits = 2) {
  return `${fmtPp(d.deltaPp, digits)} [${fmtSigned(d.ciLowPp, digits)}, ${fmtSigned(d.ciHighPp, digits)}]`;
}

// src/report/chart.ts
init_safe_text();
init_secrets();
function shortName(name) {
  const paren = name.indexOf("(");
  const head = paren >= 0 ? name.slice(0, paren) : name;
  const slash = head.lastIndexOf("/");
  return slash >= 0 && slash < name.length - 1 ? name.slice(slash + 1) : name;
}
function pick(deltas, o) {
  const metric = o.metric ?? "self";
  return deltas.filter(
    (d) => d.metric === metric && d.status !== "ignored" && (o.significantOnly === false || d.significant) && Number.isFinite(d.deltaPp)
  ).sort((a, b) => Math.abs(b.deltaPp) - Math.abs(a.deltaPp) || (a.function < b.function ? -1 : 1)).slice(0, o.top ?? 8);
}
function mermaidLabel(s) {
  return replaceControlsOneLine(maskSecrets(s)).replace(/["[\]`\\]/g, "'");
}
function unitOf(metric) {
  return metric === "per-unit" ? "%" : "pp";
}
function interval(d) {
  const u = unitOf(d.metric);
  const p = d.metric === "per-unit" ? `${fmtSigned(d.deltaPp)}%` : fmtPp(d.deltaPp);
  return `${p} (${fmtSigned(d.ciLowPp)}..${fmtSigned(d.ciHighPp)}${u})`;
}
function mermaidDeltaChart(deltas, o = {}) {
  const picked = pick(deltas, o);
  if (picked.length === 0) return "";
  const grew = picked.filter((d) => d.deltaPp > 0);
  const shown = grew.length > 0 ? grew : picked;
  const sign = grew.length > 0 ? 1 : -1;
  const metric = o.metric ?? "self";
  const u = unitOf(metric);
  const max = Math.max(
    ...shown.map((d) => Math.max(Math.abs(d.deltaPp), sign * d.ciHighPp, -sign * d.ciLowPp))
  );
  const top = niceCeil(max);
  const labels = shown.map(
    (d) => `"${mermaidLabel(`${shortenName(shortName(d.function), 200)} ${interval(d)}`)}"`
  );
  const values = shown.map((d) => Number(Math.abs(d.deltaPp).toFixed(3)));
  const what = metric === "cum" ? "total share" : metric === "per-unit" ? "cost per unit" : "self share";
  const title = o.title ?? `${sign > 0 ? "Largest growth" : "Largest shrink"} in ${what} (${u}, interval in labels)`;
  const lines = [
    "```mermaid",
    "xychart-beta horizontal",
    `    title "${mermaidLabel(title)}"`,
    `    x-axis [${labels.join(", ")}]`,
    `    y-axis "${sign > 0 ? "growth" : "shrink"} (${u})" 0 --> ${top}`,
    `    bar [${values.join(", ")}]`,
    "```"
  ];
  return lines.join("\n") + "\n";
}
function niceCeil(x) {
  if (!(x > 0)) return 1;
  const p = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10])
    if (m * p >= x) return Number((m * p).toPrecision(3));
  return Number((10 * p).toPrecision(3));
}
function textDeltaChart(deltas, o = {}) {
  const picked = pick(deltas, o);
  if (picked.length === 0) return "";
  const width = o.barWidth ?? 24;
  const max = Math.max(...picked.map((d) => Math.abs(d.deltaPp))) || 1;
  const names = picked.map((d) => {
    const s = replaceControlsOneLine(maskSecrets(shortName(d.function))).replace(/`/g, "'");
    return s.length > 48 ? s.slice(0, 47) + "\u2026" : s;
  });
  const nameW = Math.max(...names.map((n) => n.length));
  const u = unitOf(o.metric ?? "self");
  const nums = picked.map(
    (d) => `${fmtSigned(d.deltaPp)}${u} [${fmtSigned(d.ciLowPp)}..${fmtSigned(d.ciHighPp)}]`
  );
  const numW = Math.max(...nums.map((n) => n.length));
  const rows = picked.map((d, i) => {
    const n = Math.max(1, Math.round(Math.abs(d.deltaPp) / max * width));
    const bar = (d.deltaPp >= 0 ? "\u2587" : "\u2591").repeat(n).padEnd(width, " ");
    return `${names[i].padEnd(nameW)}  ${bar}  ${nums[i].padStart(numW)}  ${d.status}`.trimEnd();
  });
  const legend = "\u2587 grew  \u2591 shrank; interval = simultaneous confidence interval";
  return ["```text", ...rows, legend, "```"].join("\n") + "\n";
}
function renderDeltaChart(deltas, opts = {}) {
  const style = opts.style ?? "mermaid";
  if (style === "text") return textDeltaChart(deltas, opts);
  if (style === "mermaid") return mermaidDeltaChart(deltas, opts);
  const m = mermaidDeltaChart(deltas, opts);
  const t = textDeltaChart(deltas, opts);
  return m && t ? `${m}
${t}` : m || t;
}

// src/report/text.ts
init_safe_text();

// src/report/untrusted.ts
function rowNames(f) {
  const out = [f.function];
  if (f.movedFrom) out.push(f.movedFrom);
  if (f.movedTo) out.push(f.movedTo);
  if (f.sameAs) out.push(...f.sameAs);
  return out;
}
function causeNames(k) {
  return [k.function, ...k.rows.flatMap(rowNames)];
}

// src/report/text.ts
function headline(c) {
  const n = c.causes.length;
  const what = `${typeLabel(c.type)}, ${c.settings.baselineCaptures} baseline vs ${c.settings.canaryCaptures} canary captures, ${Math.round(c.settings.confidence * 1e3) / 10}% simultaneous intervals`;
  switch (c.verdict) {
    case "fail":
      return `FAIL: ${n} regression${n === 1 ? "" : "s"} (${what})`;
    case "inconclusive":
      return `INCONCLUSIVE: no verdict could be reached (${what})`;
    default:
      return `PASS: no significant regression over budget (${what})`;
  }
}
var UNDERPOWERED_SHOWN = 5;
function underpoweredLine(u) {
  const unit = u.metric === "per-unit" ? "%" : "pp";
  const what = u.metric === "per-unit" ? "cost per request" : `${u.function} ${u.metric}`;
  return `${what}: detectable ${u.mdePp.toFixed(1)}${unit}, budget ${u.budgetPp}${unit}`;
}
function detectableText(c) {
  const d = c.detectable;
  if (!d) return void 0;
  return `this setup detects self growth of ${d.mdePp.toFixed(1)}pp or more in functions around ${d.sharePct.toFixed(1)}% share (80% power)`;
}
function tableRows(c, limit) {
  const seen = /* @__PURE__ */ new Set();
  const rows = [];
  const add = (f) => {
    if (!seen.has(f) && rows.length < limit) {
      seen.add(f);
      rows.push(f);
    }
  };
  c.regressions.forEach(add);
  c.grew.forEach(add);
  c.improvements.forEach(add);
  [...c.functions].sort((a, b) => Math.abs(b.deltaPp) - Math.abs(a.deltaPp)).forEach(add);
  return rows;
}
function cell(f) {
  if (f.metric === "per-unit") {
    return [
      "(per request)",
      f.baselineShare.toPrecision(4),
      f.canaryShare.toPrecision(4),
      signed(f.deltaPp, 1, "%"),
      ciText(f, "%")
    ];
  }
  return [f.metric, share(f.baselineShare), share(f.canaryShare), signed(f.deltaPp), ciText(f)];
}
function mark(f) {
  switch (f.status) {
    case "regression":
      return "FAIL";
    case "grew":
      return f.movedFrom ? "moved" : "grew";
    case "improvement":
      return "better";
    case "ignored":
      return "ignored";
    default:
      return f.diluted ? "diluted" : "~";
  }
}
function renderText(c, opts = {}) {
  const out = [];
  out.push(`profile-gate: ${safeLine(headline(c))}`);
  for (const r of c.inconclusive) out.push(`no verdict: ${safeSentence(r)}`);
  for (const w of c.warnings) out.push(`warning: ${safeSentence(w)}`);
  if (c.causes.length) {
    out.push("", "Regressions:");
    for (const r of c.causes) out.push(`  ${safeSentence(r.reason, causeNames(r))}`);
  }
  if (c.grew.length) {
    out.push("", "Significant growth within budget:");
    for (const r of c.grew.slice(0, 5)) out.push(`  ${safeSentence(r.reason, rowNames(r))}`);
  }
  if (c.improvements.length) {
    out.push("", "Top improvements:");
    for (const r of c.improvements.slice(0, 5))
      out.push(`  ${safeSentence(r.reason, rowNames(r))}`);
  }
  if (c.underpowered.length) {
    out.push("", "Underpowered (a change of the budget's size could pass unseen here):");
    for (const u of c.underpowered.slice(0, UNDERPOWERED_SHOWN))
      out.push(`  ${safeSentence(underpoweredLine(u), [u.function])}`);
    if (c.underpowered.length > UNDERPOWERED_SHOWN) {
      out.push(`  ... and ${c.underpowered.length - UNDERPOWERED_SHOWN} more (all in --json)`);
    }
  }
  const power = detectableText(c);
  if (power) out.push("", `Power: ${power}; drift: ${safeSentence(c.drift.reason)}`);
  const rows = tableRows(c, opts.limit ?? 15);
  if (rows.length) {
    const data = rows.map((f) => [
      f.sameAs ? `${safeName(f.function)} (+${f.sameAs.length} same)` : safeName(f.function),
      ...cell(f),
      mark(f)
    ]);
    const head = ["function", "metric", "baseline", "canary", "delta", "CI", ""];
    const w = head.map((h, i) => Math.max(h.length, ...data.map((d) => d[i].length)));
    w[0] = Math.min(w[0], 60);
    const fmt = (d) => d.map((x, i) => {
      const v = i === 0 && x.length > w[0] ? "\u2026" + x.slice(x.length - w[0] + 1) : x;
      return i === 0 || i === 1 ? v.padEnd(w[i]) : v.padStart(w[i]);
    }).join("  ").trimEnd();
    out.push("", fmt(head), ...data.map(fmt));
    out.push(
      `(${safeLine(metricLabel("self", c.type))} and ${safeLine(metricLabel("cum", c.type))} shares of each side's total; ~ = not significant; diluted = a shrink that is only the others' growth)`
    );
  }
  return out.join("\n") + "\n";
}

// src/util/safe-markdown.ts
init_safe_text();
init_secrets();
function mdText(text) {
  return replaceControlsOneLine(maskSecrets(shortenLongRuns(text))).replace(/[@#]/g, `$&${ZWSP}`).replace(/\bGH-/gi, (m) => `${m[0]}${ZWSP}${m.slice(1)}`).replace(/:\/\//g, `:${ZWSP}//`).replace(/\bwww\./gi, (m) => `${m.slice(0, 3)}${ZWSP}.`).replace(/[\\`*_[\]<>!&|~#]/g, "\\$&");
}
function mdBlock(text) {
  return escapeBlockStart(mdText(text.replace(/^\s+/, "")));
}
function escapeBlockStart(md) {
  return md.replace(/^(?:[-+=>]|\d{1,9}(?=[.)]))/, (m) => /^\d/.test(m) ? `${m}\\` : `\\${m}`);
}
function mdCode(name, opts = {}) {
  let s = replaceControlsOneLine(maskSecrets(shortenName(name)));
  let longest = 0;
  for (const m of s.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  if (opts.table) s = s.replace(/\|/g, "\\|");
  const fence = "`".repeat(longest + 1);
  const pad = s === "" || /^[` ]|[` ]$/.test(s) ? " " : "";
  return `${fence}${pad}${s}${pad}${fence}`;
}
function mdSentence(text, names, opts = {}) {
  const known = names.filter((n) => typeof n === "string" && n !== "");
  const out = mapNames(text, known, (n) => mdCode(n, opts), mdText);
  return out.startsWith("`") ? out : escapeBlockStart(out.replace(/^\s+/, ""));
}

// src/report/markdown.ts
function mdCell(s) {
  return mdText(s);
}
function mdCode2(s) {
  return mdCode(s, { table: true });
}
function row(f) {
  if (f.metric === "per-unit") {
    return `| (cost per request) | per request | ${f.baselineShare.toPrecision(4)} | ${f.canaryShare.toPrecision(4)} | ${signed(f.deltaPp, 1, "%")} | ${ciText(f, "%")} | ${mark(f)} |`;
  }
  return `| ${mdCode2(f.function)} | ${f.metric} | ${share(f.baselineShare)} | ${share(f.canaryShare)} | ${signed(f.deltaPp)} | ${ciText(f)} | ${mark(f)} |`;
}
function renderMarkdown(c, opts = {}) {
  const icon = c.verdict === "fail" ? ":x:" : c.verdict === "inconclusive" ? ":grey_question:" : ":white_check_mark:";
  const out = [
    `## ${icon} ${mdText(opts.title ?? "profile-gate")}: ${mdText(headline(c))}`,
    ""
  ];
  if (c.inconclusive.length) {
    out.push("**No verdict could be reached**", "");
    for (const r of c.inconclusive) out.push(`- ${mdBlock(r)}`);
    out.push("");
  }
  for (const w of c.warnings) out.push(`> [!WARNING]
> ${mdBlock(w)}`, "");
  if (c.causes.length) {
    out.push("**Regressions**", "");
    for (const r of c.causes) out.push(`- ${mdSentence(r.reason, causeNames(r))}`);
    out.push("");
  }
  if (c.improvements.length) {
    out.push("**Top improvements**", "");
    for (const r of c.improvements.slice(0, 5)) {
      out.push(`- ${mdSentence(r.reason, rowNames(r))}`);
    }
    out.push("");
  }
  if (c.underpowered.length) {
    out.push("**Underpowered**: a change of the budget's size could pass unseen in these rows", "");
    for (const u of c.underpowered.slice(0, UNDERPOWERED_SHOWN))
      out.push(`- ${mdSentence(underpoweredLine(u), [u.function])}`);
    if (c.underpowered.length > UNDERPOWERED_SHOWN) {
      out.push(
        `- ... and ${c.underpowered.length - UNDERPOWERED_SHOWN} more (all in comparison.json)`
      );
    }
    out.push("");
  }
  const power = detectableText(c);
  if (power) out.push(`_Power: ${mdCell(power)}. Drift: ${mdCell(c.drift.reason)}._`, "");
  const rows = tableRows(c, opts.limit ?? 15);
  if (rows.length) {
    out.push(
      `| function | metric | baseline | canary | delta | ${Math.round(c.settings.confidence * 100)}% CI | |`,
      "|---|---|--:|--:|--:|--:|---|",
      ...rows.map(row),
      "",
      `_Shares of each side's total ${mdText(typeLabel(c.type))}; \`~\` = not significant; diluted = a shrink that is only the others' growth. Intervals hold simultaneously for all tested functions._`,
      ""
    );
  }
  if (opts.chart) out.push(opts.chart, "");
  if (opts.links?.length) {
    out.push(opts.links.map((l) => `[${mdCell(l.name)}](${l.url})`).join(" \xB7 "), "");
  }
  const s = c.settings;
  out.push(
    "<details><summary>Settings</summary>",
    "",
    `budgets: self ${s.budgetPp}pp, cum ${s.budgetCumPp}pp${s.budgetRatio ? `, ratio ${s.budgetRatio}x` : ""}, per request ${s.budgetPerUnitPct}% \xB7 min share ${s.minShare}% \xB7 confidence ${s.confidence} \xB7 ${s.bootstrap} bootstrap resamples, seed ${s.seed} \xB7 names: ${mdText(String(s.normalizeNames))}${s.config?.file ? ` \xB7 config ${mdCell(s.config.file)}` : ""}`,
    "",
    `baseline: ${c.baseline.captures.length} captures, ${c.baseline.samples} samples \xB7 canary: ${c.canary.captures.length} captures, ${c.canary.samples} samples`,
    "",
    "</details>",
    ""
  );
  return out.join("\n");
}

// src/report/write-reports.ts
init_normalize();
init_fs();

// src/report/flamegraph-html.ts
init_safe_text();

// src/report/flamegraph-page/generated.ts
var PAGE_SCRIPT = '"use strict";(()=>{function g(e){let t=document.getElementById(e);if(!t)throw new Error(`flame graph: no #${e}`);return t}var fe=performance.now(),l=JSON.parse(g("pg-data").textContent??""),pe=performance.now(),C=l.fn.length,E=l.depth,A=l.fn,q=l.bs,P=l.cs,Le=l.bv,Ae=l.cv,W=l.names,ee=W.length,R=18,te=3,Be=.1,Y=Math.floor(3e4/18),O=new Int32Array(C),V=new Int32Array(C),ne=0;{let e=[];for(let t=0;t<C;t++){for(;e.length&&E[e[e.length-1]]>=E[t];)O[e.pop()]=t;V[t]=e.length?e[e.length-1]:-1,e.push(t),E[t]>ne&&(ne=E[t])}for(;e.length;)O[e.pop()]=C}var Ce={};l.tests.forEach(e=>{Ce[e[0]]={self:e[1],cum:e[2]}});var ie=l.width==="baseline"?"baseline":"canary",le=l.colorBy==="cum"?"cum":"self",K=new Float64Array(C),u=0;function ve(){return ie==="canary"?P:q}function Te(){let e=ve(),t=new Float64Array(C);K[0]=0;for(let r=1;r<C;r++){let n=V[r];K[r]=K[n]+t[n],t[n]+=e[r]}}Te();var he={};function ke(e){let t=he[e];if(t)return t;let r=parseInt(e.slice(1,3),16),n=parseInt(e.slice(3,5),16),o=parseInt(e.slice(5,7),16);return t=.299*r+.587*n+.114*o<140?"#fff":"#111",he[e]=t,t}function Ee(){return le==="cum"?l.colorCum:l.colorSelf}var w=g("pg-canvas"),d=w.getContext("2d"),Ne=g("pg-wrap"),c=g("pg-tip"),Z=g("pg-status"),Se=g("pg-crumbs"),X=g("pg-search"),Ie=\'12px ui-monospace,SFMono-Regular,Menlo,Consolas,"DejaVu Sans Mono",monospace\',re=7,H=null,M=new Int32Array(1024),B=new Float64Array(1024),k=new Float64Array(1024),b=0,U=[],_=[],D=0,L=0,I=0;function be(e,t,r){if(b===M.length){let n=new Int32Array(b*2);n.set(M),M=n;let o=new Float64Array(b*2);o.set(B),B=o;let a=new Float64Array(b*2);a.set(k),k=a}M[b]=e,B[b]=t,k[b]=r,b++}function De(e,t){let r=Math.floor((t-2*te)/re);if(r<3)return"";if(e.length<=r)return e;let n=e.lastIndexOf("/"),o=n>=0&&n<e.length-1?e.slice(n+1):e;return o.length<=r?o:o.slice(0,r-1)+"\\u2026"}function G(){let e=ve();e[u]>0||(u=0),D=Math.max(200,Ne.clientWidth);let t=K[u],r=e[u]>0?e[u]:1,n=D/r;b=0;let o=[];for(let s=V[u];s>=0;s=V[s])o.push(s);let a=E[u],f=[];for(let s=u,h=O[u];s<h;){if(e[s]*n<Be){s=O[s];continue}let y=E[s];y>a&&(a=y),(f[y]||(f[y]=[])).push(s),s++}I=a+1>Y?Math.max(0,Math.min(E[u]-4,a+1-Y)):0;let v=a+1-I>Y;L=Math.min(a+1-I,Y),U=new Array(L),_=new Array(L);for(let s=0;s<L;s++){let h=s+I;if(U[s]=b,h<E[u])be(o[o.length-1-h],0,D);else{let T=f[h]||[];for(let y=0;y<T.length;y++){let N=T[y];be(N,(K[N]-t)*n,e[N]*n)}}_[s]=b}let i=window.devicePixelRatio||1,p=L*R+2;w.style.width=D+"px",w.style.height=p+"px",w.width=Math.round(D*i),w.height=Math.round(p*i),d.setTransform(i,0,0,i,0,0),d.clearRect(0,0,D,p),d.font=Ie,d.textBaseline="middle",re=d.measureText("mmmmmmmmmm").width/10||7;let $=Ee();for(let s=0;s<L;s++){let h=s*R;for(let T=U[s];T<_[s];T++){let y=M[T],N=B[T],S=k[T],J=A[y],de=$[J],Fe=s+I<E[u]||H&&!H[J];if(d.globalAlpha=Fe?.35:1,d.fillStyle=de,d.fillRect(N,h,S>1.5?S-.5:S,R-1),H&&H[J]&&(d.globalAlpha=1,d.strokeStyle="#8250df",d.lineWidth=2,S>3&&d.strokeRect(N+1,h+1,S-2.5,R-3)),S>3*re+2*te){let me=De(W[J],S);me&&(d.fillStyle=ke(de),d.fillText(me,N+te,h+R/2))}}}d.globalAlpha=1;let z=[];for(let s=u;s>=0;s=V[s])z.push(W[A[s]]);Se.textContent=(u===0?"Click a frame to zoom; Escape or Reset to zoom out.":"Zoomed: "+z.reverse().join(" \\u203A "))+(I?" ("+I+" outer frames not drawn)":"")+(v?" (stacks deeper than "+Y+" frames are cut here: click a deep frame to zoom)":""),j.drawn=b}function Re(e,t){let r=Math.floor(t/R);if(r<0||r>=L)return-1;let n=U[r],o=_[r]-1;for(;n<=o;){let a=n+o>>1;if(B[a]>e)o=a-1;else if(B[a]+k[a]<e)n=a+1;else return a}return-1}function x(e){return(Math.abs(e)>=10?e.toFixed(1):e.toFixed(2))+"%"}function F(e){let t=Math.abs(e)<.005?0:e;return(t>0?"+":t<0?"-":"")+Math.abs(t).toFixed(2)}var ge={nanoseconds:1,ns:1,microseconds:1e3,us:1e3,milliseconds:1e6,ms:1e6,seconds:1e9,s:1e9};function we(e){let t=(l.unit||"").toLowerCase();function r(n,o){let a=Math.abs(n)>=100?0:Math.abs(n)>=10?1:2;return n.toFixed(a)+o}if(ge[t]){let n=e*ge[t],o=Math.abs(n);return o>=1e9?r(n/1e9,"s"):o>=1e6?r(n/1e6,"ms"):o>=1e3?r(n/1e3,"us"):r(n,"ns")}if(t==="bytes"){let n=Math.abs(e);return n>=1073741824?r(e/1073741824,"GB"):n>=1048576?r(e/1048576,"MB"):n>=1024?r(e/1024,"kB"):e+"B"}return Number.isInteger(e)?String(e):e.toPrecision(4)}function ye(e,t){let r=t[e];for(let n=e+1,o=O[e];n<o;n=O[n])r-=t[n];return Math.max(0,r)}function m(e,t,r){let n=document.createElement(e);return t&&(n.className=t),r!==void 0&&(n.textContent=r),n}function Me(e,t){let r=m("div","row");if(!t)return r.textContent=e+": not tested (below the minimum share)",r;r.appendChild(document.createTextNode(e+": "));let n=t[7]&&t[6]!=="unchanged"&&t[6]!=="ignored"?t[2]>0?"grew":"shrank":"";return r.appendChild(m("span",n,F(t[2])+"pp ["+F(t[3])+", "+F(t[4])+"]")),r.appendChild(document.createTextNode(" "+x(t[0])+" \\u2192 "+x(t[1])+" \\xB7 "+t[6]+" (p"+(t[5]<.001?"<0.001":"="+t[5].toFixed(3))+")")),r}function He(e,t,r){let n=M[e],o=A[n];c.textContent="",c.appendChild(m("div","name",W[o]));let a=P[n]-q[n],f=m("div","row");f.appendChild(document.createTextNode("this frame: baseline "+x(q[n])+" \\u2192 canary "+x(P[n])+" ")),f.appendChild(m("span",Math.abs(a)>=.005?a>0?"grew":"shrank":"",F(a)+"pp")),c.appendChild(f);let v=ye(n,q),i=ye(n,P);if(c.appendChild(m("div","row","self in this frame: baseline "+x(v)+" \\u2192 canary "+x(i)+" ("+F(i-v)+"pp)")),c.appendChild(m("div","row","value: baseline "+we(Le[n])+" ("+l.captures[0]+" captures) \\xB7 canary "+we(Ae[n])+" ("+l.captures[1]+" captures)")),n!==0){let h=Ce[o]||{};c.appendChild(m("div","row","function, all call paths ("+Math.round(l.confidence*100)+"% interval):")),c.appendChild(Me("  self",h.self)),c.appendChild(Me("  total",h.cum))}c.style.display="block";let p=c.offsetWidth,$=c.offsetHeight,z=t+14,s=r+14;z+p>window.innerWidth-4&&(z=Math.max(4,t-p-14)),s+$>window.innerHeight-4&&(s=Math.max(4,r-$-14)),c.style.left=z+"px",c.style.top=s+"px"}w.addEventListener("mousemove",e=>{let t=w.getBoundingClientRect(),r=Re(e.clientX-t.left,e.clientY-t.top);if(r<0){c.style.display="none";return}He(r,e.clientX,e.clientY)});w.addEventListener("mouseleave",()=>{c.style.display="none"});w.addEventListener("click",e=>{let t=w.getBoundingClientRect(),r=Re(e.clientX-t.left,e.clientY-t.top);r<0||ce(M[r])});function ce(e){u=e,c.style.display="none",G()}function ue(){let e=X.value;if(!e){H=null,Z.textContent="",G();return}let t,r=/^\\/(.*)\\/([a-z]*)$/.exec(e);if(r)try{let i=new RegExp(r[1],r[2].indexOf("i")>=0?"i":"");t=p=>i.test(p)}catch{Z.textContent="invalid regular expression";return}else if(e.charAt(0)==="="){let i=e.slice(1);t=p=>p===i}else{let i=e.toLowerCase();t=p=>p.toLowerCase().indexOf(i)>=0}let n=new Uint8Array(ee);H=n;let o=0;for(let i=0;i<ee-1;i++)t(W[i])&&(n[i]=1,o++);let a=0,f=0,v=0;for(let i=0;i<C;i++)n[A[i]]&&a++;for(let i=0;i<C;)n[A[i]]?(f+=P[i],v+=q[i],i=O[i]):i++;Z.textContent=a+" frames in "+o+" functions match: canary "+x(f)+", baseline "+x(v)+" ("+F(f-v)+"pp)",j.match={frames:a,functions:o,canary:f,baseline:v},G()}var oe=0;X.addEventListener("input",()=>{clearTimeout(oe),oe=setTimeout(ue,120)});X.addEventListener("keydown",e=>{e.key==="Enter"&&(clearTimeout(oe),ue())});g("pg-reset").addEventListener("click",()=>{X.value="",H=null,Z.textContent="",j.match=null,ce(0)});var se=g("pg-width"),ae=g("pg-color");se.value=ie;ae.value=le;se.addEventListener("change",()=>{ie=se.value,Te(),G()});ae.addEventListener("change",()=>{le=ae.value,G()});document.addEventListener("keydown",e=>{e.key==="Escape"?(c.style.display="none",ce(0)):e.key==="/"&&document.activeElement!==X&&(e.preventDefault(),X.focus())});var xe=0;window.addEventListener("resize",()=>{clearTimeout(xe),xe=setTimeout(G,80)});var We=g("pg-changes");l.changes.forEach(e=>{let t=document.createElement("tr");t.appendChild(m("td","",e[0])),t.appendChild(m("td","",e[1]==="cum"?"total":e[1])),t.appendChild(m("td","",x(e[2]))),t.appendChild(m("td","",x(e[3]))),t.appendChild(m("td","",F(e[4])+"pp ["+F(e[5])+", "+F(e[6])+"]")),t.appendChild(m("td","",e[7])),t.addEventListener("click",()=>{X.value="="+e[0],ue(),window.scrollTo(0,0)}),We.appendChild(t)});l.changes.length||(g("pg-changes-note").textContent=l.verdict?"No significant changes.":"No comparison attached: colours are neutral.");var j={nodes:C,functions:ee-1,maxDepth:ne,drawn:0,match:null,find(e){let t=-1,r=0;for(let o=0;o<L;o++)for(let a=U[o];a<_[o];a++)W[A[M[a]]]===e&&(t<0||k[a]>k[t])&&(t=a,r=o);if(t<0)return null;let n=w.getBoundingClientRect();return{node:M[t],x:B[t],y:r*R,w:k[t],h:R-1,clientX:n.left+B[t],clientY:n.top+r*R,color:Ee()[A[M[t]]],canvasWidth:D}},focusName(){return W[A[u]]}};window.profileGateFlame=j;G();var Q=performance.now();j.timings={parseMs:pe-fe,firstRenderMs:Q-pe,scriptMs:Q-fe,sinceNavigationMs:Q};j.ready=!0;})();';
var PAGE_STYLE = "*{box-sizing:border-box}body{margin:0;font:13px/1.4 system-ui,-apple-system,Segoe UI,Roboto,sans-serif;color:#1f2328;background:#fff}header{position:sticky;top:0;z-index:2;background:#fff;border-bottom:1px solid #d0d7de;padding:8px 12px}h1{font-size:18px;margin:0 0 2px}h1 .verdict{padding:1px 8px;border-radius:10px;color:#fff;font-size:14px;vertical-align:2px}.fail{background:#cf222e}.pass{background:#1a7f37}.none{background:#6e7781}.sub{color:#57606a;margin:0 0 6px}.controls{display:flex;flex-wrap:wrap;gap:8px;align-items:center}.controls input[type=search]{width:260px;padding:3px 6px;font:inherit;border:1px solid #8c959f;border-radius:4px}.controls button,.controls select{font:inherit;padding:2px 8px;border:1px solid #8c959f;border-radius:4px;background:#f6f8fa;cursor:pointer}#pg-status{color:#57606a}.legend{display:flex;align-items:center;gap:6px;color:#57606a}.legend .bar{width:160px;height:10px;border-radius:2px;background:linear-gradient(90deg,#1c4ec8,#bed0fa,#c4c4c4,#fcc4ba,#c81818)}.legend .sw{display:inline-block;width:12px;height:10px;border-radius:2px;vertical-align:-1px}.legend .sw-ns{background:#c8c8c8}.legend .sw-nt{background:#e0e0dc}main{padding:6px 12px 24px}#pg-crumbs{min-height:18px;color:#57606a;font-size:12px;margin-bottom:4px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}#pg-wrap{position:relative;width:100%}canvas{display:block;cursor:pointer}#pg-tip{position:fixed;z-index:5;display:none;max-width:560px;pointer-events:none;background:#fff;border:1px solid #8c959f;border-radius:6px;box-shadow:0 4px 14px #0000002e;padding:6px 9px;font-size:12px}#pg-tip .name{font:600 12px ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;word-break:break-all;margin-bottom:3px}#pg-tip .row{white-space:nowrap}#pg-tip .grew{color:#cf222e;font-weight:600}#pg-tip .shrank{color:#0550ae;font-weight:600}h2{font-size:15px;margin:16px 0 6px}table{border-collapse:collapse;font-size:12px}td,th{border-bottom:1px solid #d8dee4;padding:3px 8px;text-align:right;white-space:nowrap}td:first-child,th:first-child{text-align:left;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;white-space:normal;word-break:break-all;max-width:640px}tbody tr{cursor:pointer}tbody tr:hover{background:#f6f8fa}.note{color:#57606a;font-size:12px}";
var PAGE_SCRIPT_HASH = "'sha256-0TlvELnUbmdgN8Txv12/NyYDcD65E8Ll0wvwLl8irEA='";
var PAGE_STYLE_HASH = "'sha256-m0KEVet0lBqknmAFnJzIRCXZ7s28dLMqRiJM0o/RXHw='";

// src/report/flamegraph-html.ts
function escapeHtml(s) {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]
  );
}
function jsonForScript(value) {
  return safeJsonText(JSON.stringify(value)).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
var r6 = (x) => x === 0 ? 0 : Number(x.toPrecision(6));
function testRow(d) {
  return [
    r6(d.baselineShare),
    r6(d.canaryShare),
    r6(d.deltaPp),
    r6(d.ciLowPp),
    r6(d.ciHighPp),
    r6(d.pValue),
    d.status,
    d.significant ? 1 : 0
  ];
}
function flameGraphData(tree, comparison, opts = {}) {
  const tests = indexDeltas(comparison);
  const scaleSelf = colorScale(comparison, "self");
  const scaleCum = colorScale(comparison, "cum");
  const depth = [];
  const fn = [];
  const bs = [];
  const cs = [];
  const bv = [];
  const cv = [];
  walkTree(tree.root, (n) => {
    depth.push(n.depth);
    fn.push(n.fn);
    bs.push(r6(n.baselineShare));
    cs.push(r6(n.canaryShare));
    bv.push(n.baseline);
    cv.push(n.canary);
  });
  const names = [...tree.names, "all"];
  const rootFn = names.length - 1;
  for (let i = 0; i < fn.length; i++) if (fn[i] < 0) fn[i] = rootFn;
  const colorSelf = [];
  const colorCum = [];
  const testList = [];
  names.forEach((name, i) => {
    const t = i === rootFn ? {} : tests.get(name) ?? {};
    colorSelf.push(i === rootFn ? "#d8d8d8" : frameColor(name, t.self, scaleSelf));
    colorCum.push(i === rootFn ? "#d8d8d8" : frameColor(name, t.cum, scaleCum));
    if (t.self || t.cum) {
      testList.push([i, t.self ? testRow(t.self) : null, t.cum ? testRow(t.cum) : null]);
    }
  });
  const inTree = new Set(tree.names);
  const changes = [];
  if (comparison) {
    const sig = comparison.functions.filter(
      (d) => d.significant && d.status !== "ignored" && d.status !== "unchanged"
    );
    sig.sort(
      (a, b) => (b.status === "regression" ? 1 : 0) - (a.status === "regression" ? 1 : 0) || Math.abs(b.deltaPp) - Math.abs(a.deltaPp)
    );
    for (const d of sig.slice(0, 40)) {
      changes.push([
        d.function,
        d.metric,
        r6(d.baselineShare),
        r6(d.canaryShare),
        r6(d.deltaPp),
        r6(d.ciLowPp),
        r6(d.ciHighPp),
        d.status + (inTree.has(d.function) ? "" : " (not in the call tree)")
      ]);
    }
  }
  return {
    v: 1,
    title: opts.title ?? "profile-gate",
    subtitle: opts.subtitle ?? "",
    verdict: comparison?.verdict ?? "",
    type: tree.type.type,
    unit: tree.type.unit,
    captures: [tree.baselineCaptures, tree.canaryCaptures],
    totals: [tree.baselineTotal, tree.canaryTotal],
    confidence: comparison?.settings.confidence ?? 0,
    width: opts.width ?? "canary",
    colorBy: opts.colorBy ?? "self",
    names,
    colorSelf,
    colorCum,
    tests: testList,
    changes,
    depth,
    fn,
    bs,
    cs,
    bv,
    cv
  };
}
function renderFlameGraphHtml(tree, comparison, opts = {}) {
  const data = flameGraphData(tree, comparison, opts);
  const title = opts.title ?? "profile-gate";
  const verdict = comparison?.verdict;
  const csp = `default-src 'none'; script-src ${PAGE_SCRIPT_HASH}; style-src ${PAGE_STYLE_HASH}`;
  const sub = [
    `${tree.type.type || "value"}${tree.type.unit ? ` (${tree.type.unit})` : ""}`,
    `${tree.baselineCaptures} baseline vs ${tree.canaryCaptures} canary capture${tree.canaryCaptures === 1 ? "" : "s"}`,
    comparison ? `${comparison.regressions.length} regression${comparison.regressions.length === 1 ? "" : "s"}, ${comparison.grew.length} grew, ${comparison.improvements.length} improvement${comparison.improvements.length === 1 ? "" : "s"}` : "no statistics attached",
    `${tree.nodeCount} frames, ${tree.names.length} functions`
  ].join(" \xB7 ");
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}${verdict ? `: ${verdict.toUpperCase()}` : ""} \xB7 differential flame graph</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header>
<h1>${escapeHtml(title)} <span class="verdict ${verdict ?? "none"}">${verdict ? verdict.toUpperCase() : "NO VERDICT"}</span></h1>
<p class="sub">${escapeHtml(sub)}${opts.subtitle ? `<br>${escapeHtml(opts.subtitle)}` : ""}</p>
<div class="controls">
<input id="pg-search" type="search" placeholder="Search functions (text, /regex/, =exact)" aria-label="Search functions">
<button id="pg-reset" type="button">Reset</button>
<label>Width <select id="pg-width"><option value="canary">canary</option><option value="baseline">baseline</option></select></label>
<label>Colour <select id="pg-color"><option value="self">self change</option><option value="cum">total change</option></select></label>
<span class="legend"><span>shrank</span><span class="bar"></span><span>grew</span> <span class="sw sw-ns"></span> not significant <span class="sw sw-nt"></span> not tested</span>
<span id="pg-status" aria-live="polite"></span>
</div>
</header>
<main>
<div id="pg-crumbs"></div>
<div id="pg-wrap"><canvas id="pg-canvas" aria-label="differential flame graph"></canvas></div>
<div id="pg-tip" role="tooltip"></div>
<h2>Significant changes</h2>
<p class="note">Shares are in percent of each side's total (values and totals summed over the side's captures); deltas in percentage points with the simultaneous confidence interval. Frame width = share of the chosen side; frames narrower than 0.1px are hidden until you zoom. Click a row to highlight the function.</p>
<table><thead><tr><th>function</th><th>metric</th><th>baseline</th><th>canary</th><th>delta [interval]</th><th>status</th></tr></thead><tbody id="pg-changes"></tbody></table>
<p class="note" id="pg-changes-note"></p>
</main>
<script type="application/json" id="pg-data">${jsonForScript(data)}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}

// src/report/flamegraph-svg.ts
init_safe_text();
var XML_INVALID = new RegExp(
  `[${String.fromCharCode(0)}-${String.fromCharCode(8)}${String.fromCharCode(11, 12)}${String.fromCharCode(14)}-${String.fromCharCode(31)}\uFFFE\uFFFF]`,
  "g"
);
function escapeXml(s) {
  return (
    // C1 controls, direction overrides and the like (util/safe-text.ts) shown as U+FFFD too
    replaceControls(s).replace(XML_INVALID, "\uFFFD").replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\uFFFD").replace(
      /[&<>"']/g,
      (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]
    )
  );
}
var pct3 = (x) => `${Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2)}%`;
function testText(label, d) {
  if (!d) return `${label}: not tested`;
  return `${label}: ${fmtDelta(d)} ${pct3(d.baselineShare)} \u2192 ${pct3(d.canaryShare)} \xB7 ${d.status}`;
}
function luminance(hex) {
  const r = parseInt(hex.slice(1, 3), 16);
  const g = parseInt(hex.slice(3, 5), 16);
  const b = parseInt(hex.slice(5, 7), 16);
  return 0.299 * r + 0.587 * g + 0.114 * b;
}
function fitLabel(name, px, charPx) {
  const max = Math.floor(px / charPx);
  if (max < 3) return "";
  if (name.length <= max) return name;
  const s = name.lastIndexOf("/");
  const short = s >= 0 && s < name.length - 1 ? name.slice(s + 1) : name;
  if (short.length <= max) return short;
  return short.slice(0, max - 1) + "\u2026";
}
function renderFlameGraphSvg(tree, comparison, opts = {}) {
  const W = opts.width ?? 1200;
  const ROW = opts.rowHeight ?? 16;
  const colorBy = opts.colorBy ?? "self";
  let basis = opts.basis ?? "canary";
  if (basis === "canary" && tree.root.canaryShare <= 0) basis = "baseline";
  const share2 = (n) => basis === "canary" ? n.canaryShare : n.baselineShare;
  const tests = indexDeltas(comparison);
  const scale = colorScale(comparison, colorBy);
  const FONT = 11;
  const charPx = FONT * 0.61;
  const PAD = 3;
  const top = 66;
  const rootShare = share2(tree.root) || 1;
  const k = W / rootShare;
  const minPx = widthForFrames(tree.root, (n) => share2(n) * k, opts.minFramePx ?? 0.3);
  const frames = [];
  let deepest = 0;
  const stack = [[tree.root, 0]];
  while (stack.length > 0) {
    const [node, x] = stack.pop();
    const w = share2(node) * k;
    if (w < minPx) continue;
    if (node.depth > deepest) deepest = node.depth;
    const y = top + node.depth * ROW;
    const t = node.fn >= 0 ? tests.get(node.name) : void 0;
    const d = colorBy === "cum" ? t?.cum : t?.self;
    const fill = node.fn < 0 ? "#d8d8d8" : frameColor(node.name, d, scale);
    const self2 = selfShares(node);
    const tip = [
      node.name,
      `this frame: baseline ${pct3(node.baselineShare)} \u2192 canary ${pct3(node.canaryShare)} (${fmtPp(node.canaryShare - node.baselineShare)})`,
      `self here: baseline ${pct3(self2.baseline)} \u2192 canary ${pct3(self2.canary)}`,
      ...node.fn >= 0 ? [testText("function self", t?.self), testText("function total", t?.cum)] : []
    ].join("\n");
    const label = fitLabel(node.name, w - 2 * PAD, charPx);
    frames.push(
      `<g><title>${escapeXml(tip)}</title><rect x="${x.toFixed(2)}" y="${y}" width="${Math.max(0.1, w > 1.5 ? w - 0.5 : w).toFixed(2)}" height="${ROW - 1}" fill="${fill}"/>` + (label ? `<text x="${(x + PAD).toFixed(2)}" y="${y + ROW / 2 + 4}" fill="${luminance(fill) < 140 ? "#fff" : "#111"}">${escapeXml(label)}</text>` : "") + "</g>"
    );
    let cx = x;
    const kids = [];
    for (const c of node.children) {
      kids.push([c, cx]);
      cx += share2(c) * k;
    }
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]);
  }
  const H = top + (deepest + 1) * ROW + 8;
  const title = opts.title ?? "profile-gate";
  const verdict = comparison ? comparison.verdict.toUpperCase() : "NO VERDICT";
  const vColor = comparison?.verdict === "fail" ? "#cf222e" : comparison ? "#1a7f37" : "#6e7781";
  const sub = `${tree.type.type} (${tree.type.unit}) \xB7 ${tree.baselineCaptures} baseline vs ${tree.canaryCaptures} canary captures \xB7 width = ${basis} share \xB7 colour = ${colorBy === "cum" ? "total" : "self"} share change`;
  const legend = [];
  let lx = 4;
  const text = (t) => {
    legend.push(`<text x="${lx}" y="56" class="s">${escapeXml(t)}</text>`);
    lx += Math.ceil(t.length * 6.6) + 6;
  };
  const swatch = (fill) => {
    legend.push(`<rect x="${lx}" y="47" width="14" height="10" fill="${fill}"/>`);
    lx += 14;
  };
  text("shrank");
  for (const t of [1, 0.66, 0.33, 0])
    swatch(frameColor("", fakeDelta(-scale.fullPp * (0.1 + 0.9 * t)), scale));
  swatch("#c8c8c8");
  for (const t of [0, 0.33, 0.66, 1])
    swatch(frameColor("", fakeDelta(scale.fullPp * (0.1 + 0.9 * t)), scale));
  lx += 6;
  text(`grew (full colour at ${fmtPp(scale.fullPp, 1)})`);
  lx += 10;
  swatch("#c8c8c8");
  lx += 4;
  text("not significant");
  swatch("#e0e0dc");
  lx += 4;
  text("not tested");
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="ui-monospace,SFMono-Regular,Menlo,Consolas,'DejaVu Sans Mono',monospace" font-size="${FONT}">
<style>text{pointer-events:none}.t{font:600 16px system-ui,sans-serif}.s{font:12px system-ui,sans-serif;fill:#57606a}g:hover rect{stroke:#000;stroke-width:.6}</style>
<rect width="100%" height="100%" fill="#fff"/>
<text x="4" y="20" class="t">${escapeXml(title)} <tspan fill="${vColor}">${verdict}</tspan></text>
<text x="4" y="38" class="s">${escapeXml(sub)}</text>
${legend.join("")}
${frames.join("\n")}
</svg>
`;
}
var MAX_SVG_FRAMES = 2e4;
function widthForFrames(root, width, minPx) {
  const count = (px2) => {
    let n = 0;
    const stack = [root];
    while (stack.length > 0 && n <= MAX_SVG_FRAMES) {
      const node = stack.pop();
      if (width(node) < px2) continue;
      n++;
      for (const c of node.children) stack.push(c);
    }
    return n;
  };
  let px = minPx;
  while (count(px) > MAX_SVG_FRAMES && px < 1e6) px *= 2;
  return px;
}
function fakeDelta(deltaPp) {
  return {
    function: "",
    metric: "self",
    baselineShare: 0,
    canaryShare: 0,
    deltaPp,
    ciLowPp: deltaPp,
    ciHighPp: deltaPp,
    ratio: null,
    pValue: 0,
    significant: true,
    status: deltaPp > 0 ? "grew" : "improvement",
    inBaseline: true,
    inCanary: true,
    budget: { source: "legend" },
    overBudget: false,
    reason: "",
    mdePp: NaN,
    driftPp: 0
  };
}

// src/report/pprof-writer.ts
var import_minimal3 = __toESM(require_minimal2(), 1);
init_normalize();
import { gzipSync } from "node:zlib";
var PprofEncoder = class {
  constructor(sampleTypes) {
    this.sampleTypes = sampleTypes;
    if (sampleTypes.length === 0) throw new Error("pprof needs at least one sample type");
  }
  sampleTypes;
  strings = [""];
  stringIndex = /* @__PURE__ */ new Map([["", 0]]);
  fnIndex = /* @__PURE__ */ new Map();
  fnNames = [];
  sampleIndex = /* @__PURE__ */ new Map();
  sampleLocs = [];
  sampleVals = [];
  sampleLabels = [];
  comments = [];
  period = 0;
  periodType;
  timeNanos = 0;
  durationNanos = 0;
  defaultSampleType;
  str(s) {
    let i = this.stringIndex.get(s);
    if (i === void 0) {
      i = this.strings.length;
      this.strings.push(s);
      this.stringIndex.set(s, i);
    }
    return i;
  }
  /** Location id (= function id) of a function name. */
  location(name) {
    let id = this.fnIndex.get(name);
    if (id === void 0) {
      id = this.fnNames.length + 1;
      this.fnNames.push(this.str(name));
      this.fnIndex.set(name, id);
    }
    return id;
  }
  comment(text) {
    this.comments.push(text);
  }
  /** Adds (or merges into an identical) sample; `locations` leaf first. */
  addSample(locations, values, labels = []) {
    if (values.length !== this.sampleTypes.length) {
      throw new Error(`sample has ${values.length} values for ${this.sampleTypes.length} types`);
    }
    const key2 = `${locations.join(",")}|${labels.length ? JSON.stringify(labels) : ""}`;
    const i = this.sampleIndex.get(key2);
    if (i !== void 0) {
      const v = this.sampleVals[i];
      for (let k = 0; k < v.length; k++) v[k] += values[k];
      return;
    }
    this.sampleIndex.set(key2, this.sampleLocs.length);
    this.sampleLocs.push(locations.slice());
    this.sampleVals.push(values.slice());
    this.sampleLabels.push(labels);
  }
  /** The uncompressed protobuf message. */
  encode() {
    const w = import_minimal3.default.Writer.create();
    const valueType = (field, t) => {
      const type = this.str(t.type);
      const unit = this.str(t.unit);
      w.uint32(field << 3 | 2).fork();
      if (type) w.uint32(8).int64(type);
      if (unit) w.uint32(16).int64(unit);
      w.ldelim();
    };
    for (const t of this.sampleTypes) {
      this.str(t.type);
      this.str(t.unit);
    }
    if (this.periodType) {
      this.str(this.periodType.type);
      this.str(this.periodType.unit);
    }
    const labelIdx = this.sampleLabels.map(
      (ls) => ls.map((l) => ({
        key: this.str(l.key),
        str: l.str !== void 0 ? this.str(l.str) : 0,
        num: l.num,
        unit: l.unit ? this.str(l.unit) : 0
      }))
    );
    const commentIdx = this.comments.map((c) => this.str(c));
    const defaultType = this.defaultSampleType ? this.str(this.defaultSampleType) : 0;
    for (const t of this.sampleTypes) valueType(1, t);
    for (let s = 0; s < this.sampleLocs.length; s++) {
      const vals = this.sampleVals[s];
      if (vals.every((v) => Math.round(v) === 0)) continue;
      w.uint32(2 << 3 | 2).fork();
      const locs = this.sampleLocs[s];
      if (locs.length > 0) {
        w.uint32(1 << 3 | 2).fork();
        for (const l of locs) w.uint64(l);
        w.ldelim();
      }
      w.uint32(2 << 3 | 2).fork();
      for (const v of vals) w.int64(Math.round(v));
      w.ldelim();
      for (const l of labelIdx[s]) {
        w.uint32(3 << 3 | 2).fork();
        w.uint32(8).int64(l.key);
        if (l.str) w.uint32(16).int64(l.str);
        else if (l.num !== void 0) w.uint32(24).int64(Math.round(l.num));
        if (l.unit) w.uint32(32).int64(l.unit);
        w.ldelim();
      }
      w.ldelim();
    }
    for (let i = 0; i < this.fnNames.length; i++) {
      const id = i + 1;
      w.uint32(4 << 3 | 2).fork();
      w.uint32(8).uint64(id);
      w.uint32(4 << 3 | 2).fork().uint32(8).uint64(id).ldelim();
      w.ldelim();
    }
    for (let i = 0; i < this.fnNames.length; i++) {
      w.uint32(5 << 3 | 2).fork();
      w.uint32(8).uint64(i + 1);
      w.uint32(16).int64(this.fnNames[i]);
      w.ldelim();
    }
    for (const s of this.strings) w.uint32(6 << 3 | 2).string(s);
    if (this.timeNanos) w.uint32(9 << 3).int64(this.timeNanos);
    if (this.durationNanos) w.uint32(10 << 3).int64(this.durationNanos);
    if (this.periodType) valueType(11, this.periodType);
    if (this.period) w.uint32(12 << 3).int64(Math.round(this.period));
    if (commentIdx.length > 0) {
      w.uint32(13 << 3 | 2).fork();
      for (const c of commentIdx) w.int64(c);
      w.ldelim();
    }
    if (defaultType) w.uint32(14 << 3).int64(defaultType);
    return w.finish();
  }
};
function normalizerOf(n) {
  return typeof n === "function" ? n : makeNormalizer(n ?? "on");
}
function finish(enc, gzip) {
  const bytes = enc.encode();
  return gzip === false ? bytes : new Uint8Array(gzipSync(bytes));
}
function addProfile(enc, p, typeIndex, normalize, sign, extra) {
  const locOf = p.functions.map((raw) => enc.location(normalize(raw)));
  const vals = p.values[typeIndex];
  const off = p.stackOffsets;
  const frames = p.stackFrames;
  const locs = [];
  for (let s = 0; s + 1 < off.length; s++) {
    const v = vals[s];
    if (v === 0) continue;
    locs.length = 0;
    for (let k = off[s]; k < off[s + 1]; k++) locs.push(locOf[frames[k]]);
    const set = p.sampleLabelSet ? p.sampleLabelSet[s] : -1;
    const own = set >= 0 ? p.labelSets[set] : [];
    const labels = extra.length ? [...own.filter((l) => !extra.some((e) => e.key === l.key)), ...extra] : own;
    enc.addSample(locs, [v * sign], labels);
  }
}
function sideEncoder(baseline, canary, type) {
  const sel = (p) => type === void 0 ? p.defaultSampleType : resolveTypeIndex(p, type);
  const baseIdx = baseline.map(sel);
  const canIdx = canary.map(sel);
  const all = [
    ...canary.map((p, i) => [p, canIdx[i]]),
    ...baseline.map((p, i) => [p, baseIdx[i]])
  ];
  if (all.length === 0) throw new Error("no profiles to write");
  const [first, t0] = all[0];
  const vt = first.sampleTypes[t0];
  for (const [p, t] of all) {
    const u = p.sampleTypes[t];
    if (u.unit !== vt.unit) {
      throw new Error(
        `cannot combine sample types ${vt.type} (${vt.unit}) and ${u.type} (${u.unit}) in one pprof`
      );
    }
  }
  const enc = new PprofEncoder([{ type: vt.type, unit: vt.unit }]);
  const withPeriod = all.find(([p]) => p.period) ?? all[0];
  enc.period = withPeriod[0].period;
  enc.periodType = withPeriod[0].periodType;
  const times = all.map(([p]) => p.timeNanos).filter((t) => t > 0);
  enc.timeNanos = times.length ? Math.min(...times) : 0;
  enc.durationNanos = canary.reduce((a, p) => a + (p.durationNanos || 0), 0);
  return { enc, baseIdx, canIdx };
}
function diffPprof(baseline, canary, opts = {}) {
  const normalize = normalizerOf(opts.normalize);
  const { enc, baseIdx, canIdx } = sideEncoder(baseline, canary, opts.type);
  canary.forEach((p, i) => addProfile(enc, p, canIdx[i], normalize, 1, []));
  const base = [{ key: "pprof::base", str: "true" }];
  baseline.forEach((p, i) => addProfile(enc, p, baseIdx[i], normalize, -1, base));
  enc.comment(
    `profile-gate diff: ${canary.length} canary capture(s) minus ${baseline.length} baseline capture(s) (baseline samples negated, labelled pprof::base=true)`
  );
  return finish(enc, opts.gzip);
}
function mergedPprof(baseline, canary, opts = {}) {
  const normalize = normalizerOf(opts.normalize);
  const { enc, baseIdx, canIdx } = sideEncoder(baseline, canary, opts.type);
  enc.durationNanos += baseline.reduce((a, p) => a + (p.durationNanos || 0), 0);
  const labels = (side, name) => name !== void 0 ? [
    { key: "side", str: side },
    { key: "capture", str: name }
  ] : [{ key: "side", str: side }];
  canary.forEach(
    (p, i) => addProfile(enc, p, canIdx[i], normalize, 1, labels("canary", opts.names?.canary?.[i]))
  );
  baseline.forEach(
    (p, i) => addProfile(enc, p, baseIdx[i], normalize, 1, labels("baseline", opts.names?.baseline?.[i]))
  );
  enc.comment(
    `profile-gate merged: ${canary.length} canary and ${baseline.length} baseline capture(s), labelled side=canary|baseline`
  );
  return finish(enc, opts.gzip);
}

// src/report/write-reports.ts
function typeIndexFor(p, type, capture) {
  let i = p.sampleTypes.findIndex((t) => t.type === type.type && t.unit === type.unit);
  if (i < 0) i = p.sampleTypes.findIndex((t) => t.type === type.type);
  if (i < 0) {
    throw new Error(
      `capture ${capture} has no sample type ${type.type} (${type.unit}); it has ${p.sampleTypes.map((t) => t.type).join(", ")}`
    );
  }
  return i;
}
function profilesOf(captures, side) {
  return captures.map((c) => {
    if (!c.profile) {
      throw new Error(
        `${side} capture ${c.name} has no decoded profile; reports need the profiles`
      );
    }
    return c.profile;
  });
}
function treeOfRun(run, maxFrames) {
  const type = run.comparison.type;
  const normalize = makeNormalizer(run.comparison.settings.normalizeNames);
  return buildFlameTree(profilesOf(run.baseline, "baseline"), profilesOf(run.canary, "canary"), {
    type: (p) => typeIndexFor(p, type, "(report)"),
    normalize,
    maxFrames
  });
}
function writeReports(run, paths, opts = {}) {
  const out = [];
  const c = run.comparison;
  const normalize = makeNormalizer(c.settings.normalizeNames);
  const type = (p) => typeIndexFor(p, c.type, "(report)");
  const write = (kind, path, data) => {
    writeFileAtomic(path, data);
    out.push({
      kind,
      path,
      bytes: typeof data === "string" ? Buffer.byteLength(data) : data.byteLength
    });
  };
  let tree;
  if (paths.html || paths.svg) tree = treeOfRun(run, opts.maxFrames);
  if (paths.html && tree) {
    write(
      "html",
      paths.html,
      renderFlameGraphHtml(tree, c, { title: opts.title, subtitle: opts.subtitle, ...opts.html })
    );
  }
  if (paths.svg && tree) {
    write("svg", paths.svg, renderFlameGraphSvg(tree, c, { title: opts.title, ...opts.svg }));
  }
  if (paths.diffPprof || paths.mergedPprof) {
    const base = profilesOf(run.baseline, "baseline");
    const can = profilesOf(run.canary, "canary");
    if (paths.diffPprof)
      write("diffPprof", paths.diffPprof, diffPprof(base, can, { type, normalize }));
    if (paths.mergedPprof) {
      write(
        "mergedPprof",
        paths.mergedPprof,
        mergedPprof(base, can, {
          type,
          normalize,
          names: {
            baseline: run.baseline.map((x) => x.name),
            canary: run.canary.map((x) => x.name)
          }
        })
      );
    }
  }
  return out;
}

// src/captureset/differences.ts
function differences(base, can) {
  const out = [];
  if (base.length === 0 || can.length === 0) return out;
  const b = base[0];
  const c = can[0];
  if (b.profileType !== c.profileType) {
    out.push(
      `manifests disagree on the profile type: baseline ${b.profileType}, canary ${c.profileType}`
    );
  }
  if (b.runner && c.runner) {
    if (b.runner.cpuModel !== c.runner.cpuModel || b.runner.cores !== c.runner.cores) {
      out.push(
        `captured on different machines: baseline ${b.runner.cpuModel} x${b.runner.cores}, canary ${c.runner.cpuModel} x${c.runner.cores}; shares shift with the hardware`
      );
    }
  }
  const rb = b.load?.rate;
  const rc = c.load?.rate;
  if (rb && rc && rb !== rc)
    out.push(`different offered load: baseline ${rb} req/s, canary ${rc} req/s`);
  const durs = (ms) => new Set(ms.flatMap((m) => m.captures.map((e) => e.durationSeconds)));
  const db = durs(base);
  const dc = durs(can);
  if (db.size === 1 && dc.size === 1 && [...db][0] !== [...dc][0]) {
    out.push(`different capture lengths: baseline ${[...db][0]} s, canary ${[...dc][0]} s`);
  }
  return out;
}
function sameRun(base, can) {
  if (base.length !== 1 || can.length !== 1) return false;
  const a = base[0].run;
  const b = can[0].run;
  return !!a && !!b && a.interleaved && b.interleaved && a.id === b.id;
}
function incompleteSets(base, can) {
  const out = [];
  for (const [side, ms] of [
    ["baseline", base],
    ["canary", can]
  ]) {
    for (const m of ms) {
      if (m.incomplete) {
        out.push(
          `the ${side} set is incomplete (${m.captures.length} of ${m.incomplete.requestedCaptures} captures: ${m.incomplete.reason})`
        );
      }
    }
  }
  return out;
}
function hardwareMismatch(base, can) {
  const a = base[0]?.runner;
  const b = can[0]?.runner;
  if (!a || !b) return void 0;
  const osName = (s) => s.split(" ")[0];
  const fields = [
    ["CPU", a.cpuModel, b.cpuModel],
    ["cores", a.cores, b.cores],
    ["OS", osName(a.os), osName(b.os)],
    ["arch", a.arch, b.arch],
    ["runtime", a.runtimeVersion, b.runtimeVersion]
  ];
  const diff = fields.filter(([, x, y]) => x !== void 0 && y !== void 0 && x !== y).map(([k, x, y]) => `${k} ${x} vs ${y}`);
  return diff.length ? `baseline and canary ran on different hardware (${diff.join(", ")})` : void 0;
}

// src/sources/fetch.ts
init_write();
init_manifest();
init_detect();
init_errors2();
init_limits();
init_read3();
init_version();
import { gzipSync as gzipSync2 } from "node:zlib";

// src/sources/auth.ts
init_errors();
init_secrets();
var makeMasker2 = makeMasker;
function sourceAuth(spec, env) {
  const a = spec.auth;
  const get = (key2, name) => {
    const v = env[name];
    if (v === void 0 || v.trim() === "") {
      if (a.explicit.includes(key2)) {
        throw new UsageError(`${key2}-env=${name} is given but $${name} is not set (or empty)`);
      }
      return void 0;
    }
    return v.trim();
  };
  const token = get("token", a.tokenEnv);
  const basic = get("basic", a.basicEnv);
  const tenantEnv = a.tenant === void 0 ? get("tenant", a.tenantEnv) : void 0;
  const extra = get("headers", a.headersEnv);
  const headers = {};
  const secrets = [];
  const used = [];
  if (token !== void 0 && basic !== void 0) {
    throw new UsageError(
      `both $${a.tokenEnv} (bearer) and $${a.basicEnv} (basic) are set; unset one of them`
    );
  }
  if (token !== void 0) {
    if (/[\r\n]/.test(token)) throw new UsageError(`$${a.tokenEnv} contains a line break`);
    const t = token.replace(/^Bearer\s+/i, "");
    headers["authorization"] = `Bearer ${t}`;
    secrets.push(token, t);
    used.push(`bearer token from $${a.tokenEnv}`);
  }
  if (basic !== void 0) {
    const colon = basic.indexOf(":");
    if (colon <= 0 || /[\r\n]/.test(basic)) {
      throw new UsageError(`$${a.basicEnv} must be user:password (value not shown)`);
    }
    const b64 = Buffer.from(basic, "utf8").toString("base64");
    headers["authorization"] = `Basic ${b64}`;
    secrets.push(basic, b64, basic.slice(colon + 1));
    used.push(`basic auth from $${a.basicEnv}`);
  }
  const tenant = a.tenant ?? tenantEnv;
  if (tenant !== void 0) {
    if (!/^[\x21-\x7e]+$/.test(tenant)) {
      throw new UsageError(
        `the tenant id (from $${a.tenantEnv}) must be printable ASCII without spaces`
      );
    }
    headers["x-scope-orgid"] = tenant;
    if (a.tenant === void 0) secrets.push(tenant);
    used.push(a.tenant !== void 0 ? "tenant from the spec" : `tenant from $${a.tenantEnv}`);
  }
  if (extra !== void 0) {
    let n = 0;
    for (const line of extra.split(/\r?\n/)) {
      if (line.trim() === "") continue;
      const m = /^\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*:\s*(.*?)\s*$/.exec(line);
      if (!m) {
        throw new UsageError(
          `$${a.headersEnv}: line ${n + 1} is not "Name: value" (value not shown)`
        );
      }
      headers[m[1].toLowerCase()] = m[2];
      secrets.push(m[2]);
      n++;
    }
    used.push(`${n} header(s) from $${a.headersEnv}`);
  }
  registerSecret(...secrets);
  return {
    headers,
    mask: makeMasker2(secrets),
    summary: used.length ? used.join(", ") : "no credentials"
  };
}

// src/sources/http.ts
init_errors();
init_retry();
init_version();
var SourceError = class extends UsageError {
};
var AttemptError = class extends Error {
  constructor(message, retryable, retryAfterMs2) {
    super(message);
    this.retryable = retryable;
    this.retryAfterMs = retryAfterMs2;
  }
  retryable;
  retryAfterMs;
};
var USER_AGENT = `profile-gate/${VERSION}`;
var MAX_BACKOFF_MS = 15e3;
var MAX_RETRY_AFTER_MS = 3e4;
function formatMs(ms) {
  return ms >= 1e3 ? `${+(ms / 1e3).toFixed(1)} s` : `${ms} ms`;
}
function sendWithRetries(ctx, req, handle) {
  const attempts = ctx.retries + 1;
  return retry(() => attemptOnce(ctx, req, handle), {
    retries: ctx.retries,
    baseMs: ctx.retryBaseMs,
    maxMs: MAX_BACKOFF_MS,
    jitter: 0.25,
    isRetryable: (e) => e instanceof AttemptError && e.retryable,
    retryAfterMs: (e) => e.retryAfterMs,
    onRetry: (attempt, delay, e) => ctx.log(
      ctx.mask(
        `${ctx.what}: ${e.message}; retrying in ${formatMs(delay)} (attempt ${attempt + 1} of ${attempts})`
      )
    ),
    giveUp: (e, attempt) => {
      if (!(e instanceof AttemptError)) return e;
      const tail = attempt === 1 ? "" : e.retryable ? ` (gave up after ${attempt} attempts)` : ` (attempt ${attempt})`;
      return new SourceError(ctx.mask(`${ctx.what}: ${e.message}${tail}`));
    },
    signal: ctx.signal,
    abortError: () => new SourceError(ctx.mask(`${ctx.what}: aborted`))
  });
}
async function attemptOnce(ctx, req, handle) {
  const timeout = AbortSignal.timeout(ctx.timeoutMs);
  const signal = ctx.signal ? AbortSignal.any([ctx.signal, timeout]) : timeout;
  let response;
  try {
    const res = await ctx.fetch(req.url, {
      method: req.method,
      headers: { "user-agent": USER_AGENT, ...req.headers, ...ctx.headers },
      body: req.body,
      signal,
      // Redirects are not followed: tenant and extra headers would go to another host.
      redirect: "manual"
    });
    if (res.status >= 300 && res.status < 400) {
      await res.body?.cancel().catch(() => void 0);
      const to = res.headers.get("location");
      throw new AttemptError(
        `HTTP ${res.status} redirect to ${to ?? "(no location)"}; redirects are not followed (credentials must not leave the configured host): put the final URL in the source spec`,
        false
      );
    }
    response = {
      status: res.status,
      headers: res.headers,
      body: await readBody(res, ctx.maxResponseBytes)
    };
  } catch (e) {
    if (ctx.signal?.aborted) throw new SourceError(ctx.mask(`${ctx.what}: aborted`));
    if (timeout.aborted) {
      throw new SourceError(
        ctx.mask(
          `${ctx.what}: no complete response from ${origin(req.url)} within ${formatMs(ctx.timeoutMs)} (raise timeout= in the source spec, or query a shorter window per slice)`
        )
      );
    }
    throw e instanceof AttemptError ? e : networkFailure(e, req.url);
  }
  return handle(response);
}
function origin(url) {
  try {
    return new URL(url).origin;
  } catch {
    return url;
  }
}
function networkFailure(e, url) {
  const err = e;
  const cause = err?.cause;
  const code = cause?.code ?? cause?.errors?.find((x) => x?.code)?.code ?? err?.code ?? cause?.message ?? err?.message;
  if (code === "bad port") {
    return new AttemptError(
      `cannot use ${origin(url)}: fetch refuses this port (it is on the WHATWG "bad ports" list)`,
      false
    );
  }
  const permanent = code === "ENOTFOUND" || code === "ERR_INVALID_URL";
  return new AttemptError(
    `cannot reach ${origin(url)} (${code ?? "unknown network error"})`,
    !permanent
  );
}
async function readBody(res, limit) {
  const len = Number(res.headers.get("content-length"));
  if (Number.isFinite(len) && len > limit) {
    await res.body?.cancel().catch(() => void 0);
    throw new AttemptError(`response of ${len} bytes exceeds the ${limit}-byte limit`, false);
  }
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks = [];
  let total = 0;
  for (; ; ) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => void 0);
      throw new AttemptError(`response exceeds the ${limit}-byte limit`, false);
    }
    chunks.push(value);
  }
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.byteLength;
  }
  return out;
}
function retryableStatus(status) {
  return status === 429 || status >= 500 && status !== 501;
}
function retryAfterMs(h) {
  const v = h.get("retry-after");
  if (!v) return void 0;
  let ms;
  if (/^\d+(\.\d+)?$/.test(v.trim())) ms = Number(v) * 1e3;
  else {
    const t = Date.parse(v);
    if (!Number.isFinite(t)) return void 0;
    ms = t - Date.now();
  }
  return Math.max(0, Math.min(MAX_RETRY_AFTER_MS, ms));
}
function describeBody(body, contentType) {
  if (body.length === 0) return "empty body";
  const text = new TextDecoder("utf-8", { fatal: false }).decode(body.subarray(0, 4096));
  if (/html/i.test(contentType ?? "") || /^\s*<(!doctype|html)/i.test(text)) {
    const title = /<title>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
    return `an HTML page${title ? ` ("${title.slice(0, 80)}")` : ""} (a proxy or login page?)`;
  }
  const clean = text.replace(/[\x00-\x08\x0e-\x1f\x7f]/g, "?").replace(/\s+/g, " ").trim();
  return clean.length > 300 ? `"${clean.slice(0, 300)}..."` : `"${clean}"`;
}
function withHint(msg, hint) {
  return hint ? `${msg}. ${hint}` : msg;
}
function statusHint(status, kind) {
  if (status === 401 || status === 403) {
    return "Check the credentials: $PROFILE_GATE_SOURCE_TOKEN (bearer) or $PROFILE_GATE_SOURCE_BASIC (user:password)" + (kind === "pyroscope" ? ", and $PROFILE_GATE_SOURCE_TENANT (X-Scope-OrgID) on multi-tenant installs." : ".");
  }
  if (status === 404) {
    return kind === "pyroscope" ? "Is this a Pyroscope server, and does the URL carry the right path prefix?" : "Is this a Parca server, and does the URL carry the right path prefix (the API is under PREFIX/api)?";
  }
  return "";
}

// src/sources/proto.ts
var import_minimal4 = __toESM(require_minimal2(), 1);
var WIRE_VARINT = 0;
var WIRE_LEN = 2;
var key = (field, wire) => (field << 3 | wire) >>> 0;
function encodeSelectMergeProfileRequest(r) {
  const w = import_minimal4.default.Writer.create();
  w.uint32(key(1, WIRE_LEN)).string(r.profileTypeId);
  w.uint32(key(2, WIRE_LEN)).string(r.labelSelector);
  w.uint32(key(3, WIRE_VARINT)).int64(r.startMs);
  w.uint32(key(4, WIRE_VARINT)).int64(r.endMs);
  return w.finish();
}
var PARCA_MODE_MERGE = 2;
var PARCA_REPORT_TYPE_PPROF = 1;
function writeTimestamp(w, field, ms) {
  const seconds = Math.floor(ms / 1e3);
  const nanos = (ms - seconds * 1e3) * 1e6;
  w.uint32(key(field, WIRE_LEN)).fork();
  if (seconds !== 0) w.uint32(key(1, WIRE_VARINT)).int64(seconds);
  if (nanos !== 0) w.uint32(key(2, WIRE_VARINT)).int32(nanos);
  w.ldelim();
}
function encodeParcaQueryRequest(q) {
  const w = import_minimal4.default.Writer.create();
  w.uint32(key(1, WIRE_VARINT)).int32(PARCA_MODE_MERGE);
  w.uint32(key(3, WIRE_LEN)).fork();
  w.uint32(key(1, WIRE_LEN)).string(q.query);
  writeTimestamp(w, 2, q.startMs);
  writeTimestamp(w, 3, q.endMs);
  w.ldelim();
  w.uint32(key(5, WIRE_VARINT)).int32(PARCA_REPORT_TYPE_PPROF);
  return w.finish();
}
var REPORT_FIELDS = {
  5: "flamegraph",
  6: "pprof",
  7: "top",
  8: "callgraph"
};
function decodeParcaQueryResponse(buf) {
  const r = import_minimal4.default.Reader.create(buf);
  const out = {};
  while (r.pos < r.len) {
    const tag = r.uint32();
    const field = tag >>> 3;
    const wire = tag & 7;
    if (field === 0) throw new Error("field number 0");
    if (REPORT_FIELDS[field] && wire === WIRE_LEN) {
      out.report = REPORT_FIELDS[field];
      if (field === 6) out.pprof = new Uint8Array(r.bytes());
      else r.skipType(wire);
    } else if (field === 9 && wire === WIRE_VARINT) {
      out.total = Number(r.int64().toString());
    } else {
      r.skipType(wire);
    }
  }
  return out;
}

// src/sources/parca.ts
var PARCA_GRPC_WEB_PATH = "/api/parca.query.v1alpha1.QueryService/Query";
var PARCA_REST_PATH = "/api/profiles/query";
var GRPC_CODES = [
  "OK",
  "CANCELLED",
  "UNKNOWN",
  "INVALID_ARGUMENT",
  "DEADLINE_EXCEEDED",
  "NOT_FOUND",
  "ALREADY_EXISTS",
  "PERMISSION_DENIED",
  "RESOURCE_EXHAUSTED",
  "FAILED_PRECONDITION",
  "ABORTED",
  "OUT_OF_RANGE",
  "UNIMPLEMENTED",
  "INTERNAL",
  "UNAVAILABLE",
  "DATA_LOSS",
  "UNAUTHENTICATED"
];
var GRPC_TRANSIENT = /* @__PURE__ */ new Set([8, 14]);
async function parcaQueryMerge(spec, range, ctx) {
  return spec.transport === "rest" ? parcaRest(spec, range, ctx) : parcaGrpcWeb(spec, range, ctx);
}
function grpcWebFrame(message, flag = 0) {
  const out = new Uint8Array(5 + message.length);
  out[0] = flag;
  new DataView(out.buffer).setUint32(1, message.length, false);
  out.set(message, 5);
  return out;
}
function parseGrpcWebBody(body) {
  const out = { messages: [] };
  const dv = new DataView(body.buffer, body.byteOffset, body.byteLength);
  let pos = 0;
  while (pos < body.length) {
    if (body.length - pos < 5) throw new Error(`truncated frame header at byte ${pos}`);
    const flag = body[pos];
    const len = dv.getUint32(pos + 1, false);
    const start = pos + 5;
    if (start + len > body.length) {
      throw new Error(
        `frame at byte ${pos} claims ${len} bytes but only ${body.length - start} follow`
      );
    }
    const payload = body.subarray(start, start + len);
    if (flag & 128) {
      out.trailers = parseTrailers(new TextDecoder().decode(payload));
    } else if (flag & 1) {
      throw new Error("compressed gRPC-web message (no grpc-accept-encoding was offered)");
    } else if (flag !== 0) {
      throw new Error(`unknown frame flag 0x${flag.toString(16)} (not a gRPC-web body?)`);
    } else {
      out.messages.push(payload);
    }
    pos = start + len;
  }
  return out;
}
function parseTrailers(text) {
  const out = {};
  for (const line of text.split(/\r?\n/)) {
    const c = line.indexOf(":");
    if (c <= 0) continue;
    out[line.slice(0, c).trim().toLowerCase()] = line.slice(c + 1).trim();
  }
  return out;
}
function decodeGrpcMessage(m) {
  if (!m) return "";
  try {
    return decodeURIComponent(m);
  } catch {
    return m;
  }
}
function grpcFailure(code, message, httpStatus) {
  const name = GRPC_CODES[code] ?? `code ${code}`;
  let hint = "";
  if (code === 16 || code === 7) hint = statusHint(401, "parca");
  else if (code === 12) hint = statusHint(404, "parca");
  else if (code === 5)
    hint = " Nothing matched: check the query (profile type and labels), or use a wider window or fewer slices.";
  const http3 = httpStatus !== 200 ? `HTTP ${httpStatus}, ` : "";
  return new AttemptError(
    withHint(`${http3}gRPC ${name}: ${message || "(no message)"}`, hint),
    GRPC_TRANSIENT.has(code) || retryableStatus(httpStatus)
  );
}
async function parcaGrpcWeb(spec, range, ctx) {
  const msg = encodeParcaQueryRequest({
    query: spec.query,
    startMs: range.startMs,
    endMs: range.endMs
  });
  return sendWithRetries(
    ctx,
    {
      method: "POST",
      url: spec.baseUrl + PARCA_GRPC_WEB_PATH,
      headers: {
        "content-type": "application/grpc-web+proto",
        accept: "application/grpc-web+proto",
        "x-grpc-web": "1",
        "grpc-timeout": `${ctx.timeoutMs}m`
      },
      body: grpcWebFrame(msg)
    },
    (res) => handleGrpcWeb(res)
  );
}
function handleGrpcWeb(res) {
  const ct = res.headers.get("content-type");
  const headerStatus = res.headers.get("grpc-status");
  if (headerStatus !== null && headerStatus.trim() !== "0") {
    throw grpcFailure(
      Number(headerStatus),
      decodeGrpcMessage(res.headers.get("grpc-message")),
      res.status
    );
  }
  if (res.status !== 200 || !/^application\/grpc-web/i.test(ct ?? "")) {
    const what = res.status === 200 ? `unexpected content type ${ct ?? "(none)"}` : `HTTP ${res.status}`;
    throw new AttemptError(
      withHint(`${what}: ${describeBody(res.body, ct)}`, statusHint(res.status, "parca")),
      retryableStatus(res.status),
      retryAfterMs(res.headers)
    );
  }
  let parsed;
  try {
    parsed = parseGrpcWebBody(res.body);
  } catch (e) {
    throw new AttemptError(`malformed gRPC-web response: ${e.message}`, false);
  }
  const status = parsed.trailers?.["grpc-status"] ?? headerStatus ?? void 0;
  if (status === void 0) {
    throw new AttemptError(
      "gRPC-web response without grpc-status (cut off, or not a gRPC-web server?)",
      true
    );
  }
  if (status !== "0") {
    throw grpcFailure(
      Number(status),
      decodeGrpcMessage(parsed.trailers?.["grpc-message"]),
      res.status
    );
  }
  if (parsed.messages.length !== 1) {
    throw new AttemptError(
      `expected one QueryResponse message, got ${parsed.messages.length}`,
      false
    );
  }
  return pprofOf(parsed.messages[0]);
}
function pprofOf(message) {
  let r;
  try {
    r = decodeParcaQueryResponse(message);
  } catch (e) {
    throw new AttemptError(`cannot decode QueryResponse: ${e.message}`, false);
  }
  if (r.report && r.report !== "pprof") {
    throw new AttemptError(
      `the server answered with a ${r.report} report instead of pprof (a Parca too old for REPORT_TYPE_PPROF?)`,
      false
    );
  }
  return r.pprof ?? new Uint8Array(0);
}
async function parcaRest(spec, range, ctx) {
  const q = new URLSearchParams({
    mode: "MODE_MERGE",
    reportType: "REPORT_TYPE_PPROF",
    "merge.query": spec.query,
    "merge.start": new Date(range.startMs).toISOString(),
    "merge.end": new Date(range.endMs).toISOString()
  });
  return sendWithRetries(
    ctx,
    {
      method: "GET",
      url: `${spec.baseUrl}${PARCA_REST_PATH}?${q.toString()}`,
      headers: { accept: "application/json" }
    },
    (res) => handleRest(res)
  );
}
function handleRest(res) {
  const ct = res.headers.get("content-type");
  let json;
  if (/json/i.test(ct ?? "") || /^\s*\{/.test(new TextDecoder().decode(res.body.subarray(0, 16)))) {
    try {
      const j = JSON.parse(new TextDecoder().decode(res.body));
      if (typeof j === "object" && j !== null && !Array.isArray(j))
        json = j;
    } catch {
      json = void 0;
    }
  }
  if (res.status !== 200) {
    if (json && typeof json.code === "number") {
      const f = grpcFailure(json.code, String(json.message ?? ""), res.status);
      throw new AttemptError(f.message, f.retryable, retryAfterMs(res.headers));
    }
    throw new AttemptError(
      withHint(
        `HTTP ${res.status}: ${describeBody(res.body, ct)}`,
        statusHint(res.status, "parca")
      ),
      retryableStatus(res.status),
      retryAfterMs(res.headers)
    );
  }
  if (!json) {
    throw new AttemptError(
      `expected a JSON QueryResponse, got ${ct ?? "no content type"}: ${describeBody(res.body, ct)}`,
      false
    );
  }
  for (const other of ["flamegraph", "top", "callgraph"]) {
    if (json[other] !== void 0 && json[other] !== null && json.pprof === void 0) {
      throw new AttemptError(
        `the server answered with a ${other} report instead of pprof (a Parca too old for REPORT_TYPE_PPROF?)`,
        false
      );
    }
  }
  const p = json.pprof;
  if (p === void 0 || p === null || p === "") return new Uint8Array(0);
  if (typeof p !== "string" || !/^[A-Za-z0-9+/_-]*={0,2}$/.test(p)) {
    throw new AttemptError('the JSON field "pprof" is not base64', false);
  }
  return new Uint8Array(
    Buffer.from(p, p.includes("-") || p.includes("_") ? "base64url" : "base64")
  );
}

// src/sources/pyroscope.ts
var SELECT_MERGE_PROFILE_PATH = "/querier.v1.QuerierService/SelectMergeProfile";
var TRANSIENT_CONNECT_CODES = /* @__PURE__ */ new Set(["unavailable", "resource_exhausted"]);
async function pyroscopeSelectMergeProfile(spec, range, ctx) {
  const body = encodeSelectMergeProfileRequest({
    profileTypeId: spec.profileType,
    labelSelector: spec.selector,
    startMs: range.startMs,
    endMs: range.endMs
  });
  return sendWithRetries(
    ctx,
    {
      method: "POST",
      url: spec.baseUrl + SELECT_MERGE_PROFILE_PATH,
      headers: {
        "content-type": "application/proto",
        accept: "application/proto",
        "connect-protocol-version": "1",
        "connect-timeout-ms": String(ctx.timeoutMs)
      },
      body
    },
    (res) => {
      const ct = res.headers.get("content-type");
      if (res.status === 200) {
        if (ct && !/^application\/(proto|x-protobuf|octet-stream)/i.test(ct)) {
          throw new AttemptError(
            `expected a binary protobuf (application/proto) but got ${ct}: ${describeBody(res.body, ct)}`,
            false
          );
        }
        return res.body;
      }
      const err = parseConnectError(res.body, ct);
      const transient = retryableStatus(res.status) || err?.code !== void 0 && TRANSIENT_CONNECT_CODES.has(err.code);
      const what = err ? `${err.code ?? "error"}: ${err.message ?? "(no message)"}` : describeBody(res.body, ct);
      throw new AttemptError(
        withHint(`HTTP ${res.status}, ${what}`, statusHint(res.status, "pyroscope")),
        transient,
        retryAfterMs(res.headers)
      );
    }
  );
}
function parseConnectError(body, contentType) {
  if (body.length === 0 || body.length > 1 << 20) return void 0;
  const text = new TextDecoder().decode(body);
  if (!/json/i.test(contentType ?? "") && !text.trimStart().startsWith("{")) return void 0;
  try {
    const j = JSON.parse(text);
    if (typeof j !== "object" || j === null) return void 0;
    const o = j;
    const code = typeof o.code === "string" ? o.code : void 0;
    const message = typeof o.message === "string" ? o.message : void 0;
    if (code === void 0 && message === void 0) return void 0;
    return { code, message };
  } catch {
    return void 0;
  }
}

// src/sources/spec.ts
init_errors();
var DEFAULT_SLICES = 10;
var DEFAULT_TIMEOUT_MS = 6e4;
var DEFAULT_RETRIES = 3;
var MAX_SLICES = 1e3;
var DEFAULT_ENV = {
  token: "PROFILE_GATE_SOURCE_TOKEN",
  basic: "PROFILE_GATE_SOURCE_BASIC",
  tenant: "PROFILE_GATE_SOURCE_TENANT",
  headers: "PROFILE_GATE_SOURCE_HEADERS"
};
var DEFAULT_PORT = { pyroscope: 4040, parca: 7070 };
var KNOWN_PARAMS = [
  "type",
  "query",
  "from",
  "to",
  "slices",
  "transport",
  "timeout",
  "retries",
  "tenant",
  "token-env",
  "basic-env",
  "tenant-env",
  "headers-env"
];
var SECRET_PARAMS = /^(token|access_token|bearer|auth|authorization|password|passwd|pass|secret|basic|user|username|api[-_]?key|apikey|key)$/i;
var FORMS = "pyroscope://HOST[:PORT][/PREFIX]?..., pyroscope+http(s)://..., parca://..., parca+http(s)://...";
function fail(msg) {
  throw new UsageError(`source spec: ${msg}`);
}
function parseSourceSpec(text, overrides = {}, what = "source spec") {
  const failW = (msg) => {
    throw new UsageError(`${what}: ${msg}`);
  };
  try {
    return parseInner(text, overrides);
  } catch (e) {
    if (e instanceof UsageError && what !== "source spec") {
      failW(e.message.replace(/^source spec: /, ""));
    }
    throw e;
  }
}
function parseInner(text, overrides) {
  const spec = text.trim();
  if (spec === "") fail("empty; expected " + FORMS);
  const m = /^([a-z][a-z0-9+.-]*):\/\//i.exec(spec);
  if (!m) fail(`missing scheme; expected ${FORMS}`);
  const scheme = m[1].toLowerCase();
  const sm = /^(pyroscope|parca)(?:\+(https?))?$/.exec(scheme);
  if (!sm) fail(`unsupported scheme "${scheme}://"; expected ${FORMS}`);
  const kind = sm[1];
  const protocol = sm[2] ?? "http";
  const q = spec.indexOf("?");
  const location = (q >= 0 ? spec.slice(0, q) : spec).trim();
  const queryString = q >= 0 ? spec.slice(q + 1) : "";
  const rest = location.slice(m[0].length);
  const authority = rest.split(/[/#]/)[0];
  if (authority.includes("@")) {
    fail(
      `credentials in the URL are not accepted (they would end up in logs and manifests); put user:password in $${DEFAULT_ENV.basic} or a bearer token in $${DEFAULT_ENV.token}`
    );
  }
  if (location.includes("#")) fail('the URL must not contain a "#" fragment');
  let url;
  try {
    url = new URL(`${protocol}://${rest}`);
  } catch {
    fail(`invalid host or URL "${protocol}://${rest}"`);
  }
  if (!url.hostname) fail("missing host");
  const port = url.port || (sm[2] ? "" : String(DEFAULT_PORT[kind]));
  const path = url.pathname.replace(/\/+$/, "");
  const baseUrl = `${protocol}://${url.hostname.includes(":") && !url.hostname.startsWith("[") ? `[${url.hostname}]` : url.hostname}${port ? `:${port}` : ""}${path}`;
  const params = parseParams(queryString);
  for (const [k, v] of Object.entries(overrides)) {
    if (v !== void 0) params.set(k, v);
  }
  const rawQuery = params.get("query");
  const rawType = params.get("type");
  if (rawQuery === void 0 && rawType === void 0) {
    fail(
      kind === "pyroscope" ? 'missing query; give type=process_cpu:cpu:nanoseconds:cpu:nanoseconds&query={service_name="..."}' : 'missing query; give query=parca_agent:samples:count:cpu:nanoseconds:delta{job="..."}'
    );
  }
  let typePart = "";
  let selector = "{}";
  if (rawQuery !== void 0) {
    const brace = rawQuery.indexOf("{");
    if (brace >= 0) {
      typePart = rawQuery.slice(0, brace).trim();
      selector = rawQuery.slice(brace).trim();
    } else {
      typePart = rawQuery.trim();
    }
  }
  if (rawType !== void 0) {
    if (typePart && typePart !== rawType.trim()) {
      fail(`type=${rawType} disagrees with the profile type "${typePart}" in query=; give it once`);
    }
    typePart = rawType.trim();
  }
  if (!typePart) {
    fail(
      kind === "pyroscope" ? "missing profile type; add type=NAME:SAMPLE_TYPE:UNIT:PERIOD_TYPE:PERIOD_UNIT (e.g. process_cpu:cpu:nanoseconds:cpu:nanoseconds)" : "missing profile type; write query=NAME:SAMPLE_TYPE:UNIT:PERIOD_TYPE:PERIOD_UNIT[:delta]{...}"
    );
  }
  const typeParts = validateProfileType(typePart, kind);
  const matchers = parseSelector(selector);
  const labels = {};
  for (const mt of matchers) if (mt.op === "=") labels[mt.name] = mt.value;
  const fromText = params.get("from");
  if (fromText === void 0)
    fail("missing from= (e.g. from=now-1h, RFC3339, or unix seconds / ms)");
  const from = parseTime(fromText, "from");
  const to = parseTime(params.get("to") ?? "now", "to");
  if (from.kind === to.kind) {
    const a = from.kind === "now" ? from.offsetMs : from.ms;
    const b = to.kind === "now" ? to.offsetMs : to.ms;
    if (!(a < b)) fail(`from=${from.text} is not before to=${to.text}`);
  }
  const slices = parseIntParam(params.get("slices"), "slices", DEFAULT_SLICES, 1, MAX_SLICES);
  const retries = parseIntParam(params.get("retries"), "retries", DEFAULT_RETRIES, 0, 10);
  const timeoutText = params.get("timeout");
  let timeoutMs = DEFAULT_TIMEOUT_MS;
  if (timeoutText !== void 0) {
    const t = /^\d+(\.\d+)?$/.test(timeoutText) ? Number(timeoutText) * 1e3 : parseDuration(timeoutText);
    if (t === void 0 || !(t >= 100) || t > 36e5) {
      fail(`timeout=${timeoutText}: expected a duration between 100ms and 1h (e.g. 30s, 2m)`);
    }
    timeoutMs = Math.round(t);
  }
  const transportText = params.get("transport");
  let transport = "grpc-web";
  if (transportText !== void 0) {
    if (kind !== "parca")
      fail("transport= applies to parca sources only (Pyroscope is queried over Connect)");
    if (transportText !== "grpc-web" && transportText !== "rest") {
      fail(`transport=${transportText}: expected grpc-web or rest`);
    }
    transport = transportText;
  }
  const auth = {
    tokenEnv: DEFAULT_ENV.token,
    basicEnv: DEFAULT_ENV.basic,
    tenantEnv: DEFAULT_ENV.tenant,
    headersEnv: DEFAULT_ENV.headers,
    explicit: []
  };
  for (const key2 of ["token", "basic", "tenant", "headers"]) {
    const v = params.get(`${key2}-env`);
    if (v === void 0) continue;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(v)) {
      fail(`${key2}-env=${v}: expected the NAME of an environment variable (letters, digits, _)`);
    }
    auth[`${key2}Env`] = v;
    auth.explicit.push(key2);
  }
  const tenant = params.get("tenant");
  if (tenant !== void 0) {
    if (!/^[\x21-\x7e]+$/.test(tenant)) fail("tenant= must be printable ASCII without spaces");
    if (auth.explicit.includes("tenant")) fail("give either tenant= or tenant-env=, not both");
    auth.tenant = tenant;
  }
  const sampleType = typeParts[1];
  return {
    kind,
    baseUrl,
    profileType: typePart,
    selector,
    matchers,
    labels,
    query: `${typePart}${selector}`,
    sampleType,
    profileKind: profileKindOf(typeParts),
    from,
    to,
    slices,
    transport,
    timeoutMs,
    retries,
    auth
  };
}
function parseParams(qs) {
  const out = /* @__PURE__ */ new Map();
  for (const rawPart of qs.split("&")) {
    const part = rawPart.trim();
    if (part === "") continue;
    const eq = part.indexOf("=");
    const rawKey = (eq >= 0 ? part.slice(0, eq) : part).trim();
    let key2;
    try {
      key2 = decodeURIComponent(rawKey);
    } catch {
      fail(`parameter name "${rawKey}" has a bad %-escape`);
    }
    if (SECRET_PARAMS.test(key2)) {
      fail(
        `parameter "${key2}" looks like a secret; secrets are never read from the spec. Set $${DEFAULT_ENV.token} (bearer token), $${DEFAULT_ENV.basic} (user:password) or $${DEFAULT_ENV.tenant} (X-Scope-OrgID), or name other variables with token-env= / basic-env= / tenant-env=`
      );
    }
    if (!KNOWN_PARAMS.includes(key2)) {
      fail(`unknown parameter "${key2}" (known: ${KNOWN_PARAMS.join(", ")})`);
    }
    if (eq < 0) fail(`parameter "${key2}" needs a value (${key2}=...)`);
    let value;
    try {
      value = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      fail(`parameter "${key2}" has a bad %-escape (write a literal % as %25)`);
    }
    if (out.has(key2)) fail(`parameter "${key2}" is given twice`);
    if (value === "") fail(`parameter "${key2}" is empty`);
    out.set(key2, value);
  }
  return out;
}
function parseIntParam(v, name, dflt, min, max) {
  if (v === void 0) return dflt;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) {
    fail(`${name}=${v}: expected a whole number from ${min} to ${max}`);
  }
  return Number(v);
}
function validateProfileType(t, kind) {
  const parts2 = t.split(":");
  const okLen = kind === "pyroscope" ? parts2.length === 5 : parts2.length === 5 || parts2.length === 6;
  const shape = kind === "pyroscope" ? "NAME:SAMPLE_TYPE:SAMPLE_UNIT:PERIOD_TYPE:PERIOD_UNIT (e.g. process_cpu:cpu:nanoseconds:cpu:nanoseconds)" : "NAME:SAMPLE_TYPE:SAMPLE_UNIT:PERIOD_TYPE:PERIOD_UNIT[:delta] (e.g. parca_agent:samples:count:cpu:nanoseconds:delta)";
  if (!okLen || parts2.slice(0, 5).some((p) => !/^[A-Za-z0-9_.\-/]+$/.test(p))) {
    fail(`profile type "${t}" is not of the form ${shape}`);
  }
  if (parts2.length === 6 && parts2[5] !== "delta") {
    fail(`profile type "${t}": the sixth field can only be "delta"`);
  }
  return parts2;
}
function profileKindOf(parts2) {
  const [name, sample, , period] = parts2;
  if (sample === "alloc_space" || sample === "alloc_objects") return "allocs";
  if (sample === "inuse_space" || sample === "inuse_objects") return "heap";
  if (name === "block" || name === "mutex") return name;
  if (name === "goroutine" || name === "goroutines") return "goroutine";
  if (sample === "cpu" || period === "cpu" || /cpu/.test(name)) return "cpu";
  return name;
}
function parseSelector(sel) {
  const s = sel.trim();
  const bad = (why) => fail(`label selector ${s}: ${why} (expected {name="value", ...})`);
  if (!s.startsWith("{") || !s.endsWith("}")) bad("must be enclosed in { }");
  const out = [];
  let i = 1;
  const end = s.length - 1;
  const ws = () => {
    while (i < end && /\s/.test(s[i])) i++;
  };
  const quoted = () => {
    const q = s[i];
    let v = "";
    i++;
    while (i < end && s[i] !== q) {
      if (s[i] === "\\" && q !== "`") {
        const n = s[i + 1];
        if (n === void 0 || i + 1 >= end) bad("unfinished escape");
        v += n === "n" ? "\n" : n === "t" ? "	" : n;
        i += 2;
      } else v += s[i++];
    }
    if (i >= end) bad(`unterminated ${q}-quoted string`);
    i++;
    return v;
  };
  ws();
  while (i < end) {
    let name;
    if (s[i] === '"') name = quoted();
    else {
      const m2 = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(s.slice(i, end));
      if (!m2) bad(`expected a label name at "${s.slice(i, end)}"`);
      name = m2[0];
      i += name.length;
    }
    ws();
    const m = /^(=~|!~|!=|=)/.exec(s.slice(i, end));
    if (!m) bad(`expected =, !=, =~ or !~ after ${name}`);
    const op = m[1];
    i += op.length;
    ws();
    if (!`"'\``.includes(s[i]) || i >= end) bad(`expected a quoted value after ${name}${op}`);
    const value = quoted();
    if (op === "=~" || op === "!~") {
      try {
        new RegExp(value);
      } catch (e) {
        bad(`${name}${op}"${value}" is not a valid regular expression (${e.message})`);
      }
    }
    out.push({ name, op, value });
    ws();
    if (i < end) {
      if (s[i] !== ",") bad(`expected "," or "}" after ${name}${op}"${value}"`);
      i++;
      ws();
    }
  }
  return out;
}
var UNIT_MS = {
  ms: 1,
  s: 1e3,
  m: 6e4,
  h: 36e5,
  d: 864e5,
  w: 6048e5
};
function parseDuration(text) {
  const t = text.trim();
  if (!/^(\d+(\.\d+)?(ms|s|m|h|d|w))+$/.test(t)) return void 0;
  let total = 0;
  for (const m of t.matchAll(/(\d+(?:\.\d+)?)(ms|s|m|h|d|w)/g))
    total += Number(m[1]) * UNIT_MS[m[2]];
  return total;
}
var RFC3339 = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;
function parseTime(text, name) {
  const t = text.trim();
  if (t === "now") return { kind: "now", offsetMs: 0, text: t };
  const rel = /^now\s*-\s*(.+)$/.exec(t);
  if (rel) {
    const d = parseDuration(rel[1]);
    if (d === void 0 || d <= 0) {
      fail(
        `${name}=${t}: bad relative time; write now-30m, now-1h, now-1h30m, now-2d (units ms s m h d w)`
      );
    }
    return { kind: "now", offsetMs: -Math.round(d), text: t };
  }
  if (/^\d+$/.test(t)) {
    const n = Number(t);
    if (n < 1e11) return { kind: "absolute", ms: n * 1e3, text: t };
    if (n < 1e14) return { kind: "absolute", ms: n, text: t };
    fail(
      `${name}=${t}: too many digits for unix seconds or milliseconds (microseconds and nanoseconds are not accepted)`
    );
  }
  const m = RFC3339.exec(t);
  if (m) {
    const ms = Date.parse(t.replace(" ", "T"));
    const [mo, d, h, mi, s] = [m[2], m[3], m[4], m[5], m[6]].map(Number);
    if (Number.isFinite(ms) && mo >= 1 && mo <= 12 && d >= 1 && d <= 31 && h < 24 && mi < 60 && s < 61) {
      return { kind: "absolute", ms, text: t };
    }
  }
  fail(
    `${name}=${t}: not a time; expected now, now-1h, RFC3339 with a zone (2024-05-01T12:00:00Z), or unix seconds / milliseconds`
  );
}
function resolveTime(t, nowMs) {
  return t.kind === "absolute" ? t.ms : nowMs + t.offsetMs;
}
function resolveWindow(spec, now) {
  const nowMs = now.getTime();
  const startMs = resolveTime(spec.from, nowMs);
  const endMs = resolveTime(spec.to, nowMs);
  if (!(startMs < endMs)) {
    fail(
      `from=${spec.from.text} (${new Date(startMs).toISOString()}) is not before to=${spec.to.text} (${new Date(endMs).toISOString()})`
    );
  }
  if (startMs > nowMs)
    fail(`from=${spec.from.text} is in the future (${new Date(startMs).toISOString()})`);
  if ((endMs - startMs) / spec.slices < 1e3) {
    fail(
      `a window of ${endMs - startMs} ms cannot be split into ${spec.slices} slices of at least 1 s; widen it or lower slices=`
    );
  }
  return { startMs, endMs };
}
function sliceWindow(w, k) {
  if (!Number.isInteger(k) || k < 1)
    throw new RangeError(`slice count ${k} is not a positive integer`);
  const span = w.endMs - w.startMs;
  const at = (i) => w.startMs + Math.floor(i * span / k);
  const out = [];
  for (let i = 0; i < k; i++)
    out.push({ startMs: at(i), endMs: i === k - 1 ? w.endMs : at(i + 1) });
  return out;
}
function describeSource(spec) {
  const extra = spec.kind === "parca" ? ` via ${spec.transport}` : "";
  return `${spec.kind} ${spec.baseUrl}${extra} ${spec.query}`;
}

// src/sources/fetch.ts
function sliceFileName(i, k) {
  const width = Math.max(2, String(k).length);
  return `slice-${String(i + 1).padStart(width, "0")}.pb.gz`;
}
async function fetchSourceCaptures(spec, opts) {
  const now = opts.now ?? /* @__PURE__ */ new Date();
  const window2 = resolveWindow(spec, now);
  const slices = sliceWindow(window2, spec.slices);
  const auth = sourceAuth(spec, opts.env);
  const log = (m) => opts.log(auth.mask(m));
  const sliceMs = (window2.endMs - window2.startMs) / spec.slices;
  log(
    `${describeSource(spec)}: ${spec.slices} slice(s) of ${formatMs(Math.round(sliceMs))} over [${iso(window2.startMs)}, ${iso(window2.endMs)}) (${auth.summary})`
  );
  if (sliceMs < 3e4) {
    log(
      `warning: slices of ${formatMs(Math.round(sliceMs))} are shorter than a few agent push intervals (typically 10-15 s); expect noisy or empty slices; widen the window or lower slices=`
    );
  }
  const limits = {
    ...opts.limits,
    maxInputBytes: opts.maxInflatedBytes ?? opts.limits?.maxInputBytes
  };
  const maxInput = new Budget(limits).limits.maxInputBytes;
  const captures = [];
  const entries = [];
  for (let i = 0; i < slices.length; i++) {
    const s = slices[i];
    let attemptStart = Date.now();
    const fetchFn = opts.fetch ?? globalThis.fetch;
    const label = `slice ${i + 1}/${slices.length} [${iso(s.startMs)}, ${iso(s.endMs)})`;
    const ctx = {
      what: `${spec.kind} ${spec.kind === "pyroscope" ? "SelectMergeProfile" : "Query"} for ${label}`,
      headers: auth.headers,
      mask: auth.mask,
      timeoutMs: spec.timeoutMs,
      retries: spec.retries,
      retryBaseMs: opts.retryBaseMs ?? 500,
      signal: opts.signal,
      log,
      fetch: ((...a) => {
        attemptStart = Date.now();
        return fetchFn(...a);
      }),
      maxResponseBytes: opts.maxResponseBytes ?? maxInput
    };
    const range = { startMs: s.startMs, endMs: s.endMs - 1 };
    const t0 = Date.now();
    const raw = spec.kind === "pyroscope" ? await pyroscopeSelectMergeProfile(spec, range, ctx) : await parcaQueryMerge(spec, range, ctx);
    const name = sliceFileName(i, slices.length);
    const emptyMsg = () => `${label} of ${spec.kind} query ${spec.query} returned no samples. Check that the selector matches a service that was running and pushing profiles then (profile type and labels), or use a wider window (from=/to=) or fewer slices (slices=${spec.slices} now).`;
    if (raw.length === 0) throw new SourceError(auth.mask(emptyMsg()));
    let samples;
    let types;
    try {
      const budget = new Budget(limits, false, {
        at: attemptStart + spec.timeoutMs,
        what: `timeout=${formatMs(spec.timeoutMs)} (the request's timeout covers decoding its answer; raise timeout= in the source spec)`
      });
      const p = readProfile(raw, `${label} (${name})`, { budget });
      samples = p.stackOffsets.length - 1;
      types = p.sampleTypes.map((t) => t.type);
    } catch (e) {
      if (e instanceof ProfileError && e.code === "empty")
        throw new SourceError(auth.mask(emptyMsg()));
      if (e instanceof ProfileError) {
        throw new SourceError(
          auth.mask(
            `${label}: the ${spec.kind} server's answer is not a usable pprof profile: ${e.detail}`
          )
        );
      }
      throw e;
    }
    if (!types.includes(spec.sampleType)) {
      log(
        `warning: ${label}: the profile's sample types are ${types.join(", ") || "(none)"}, not the requested "${spec.sampleType}"`
      );
    }
    const bytes = isGzip(raw) ? raw : new Uint8Array(gzipSync2(raw));
    const start = new Date(s.startMs);
    const end = new Date(s.endMs);
    captures.push({ name, bytes, start, end });
    entries.push(
      captureEntry(name, bytes, {
        start: start.toISOString(),
        end: end.toISOString(),
        durationSeconds: (s.endMs - s.startMs) / 1e3
      })
    );
    log(
      `${label}: ${samples} samples, ${bytes.length} bytes (gzipped) in ${formatMs(Date.now() - t0)}`
    );
  }
  const manifest = {
    formatVersion: MANIFEST_FORMAT_VERSION,
    tool: { name: "profile-gate", version: VERSION },
    createdAt: now.toISOString(),
    source: {
      kind: spec.kind,
      // No credentials can be in baseUrl: the spec parser refuses user:password@ and secrets.
      url: spec.baseUrl,
      query: spec.query
    },
    profileType: spec.profileKind,
    sampleType: spec.sampleType,
    labels: { ...spec.labels },
    captures: entries
  };
  return { captures, manifest };
}
function iso(ms) {
  return new Date(ms).toISOString();
}
function writeSourceCaptures(dir, result) {
  writeCaptureSet(
    dir,
    result.captures.map((c) => ({ name: c.name, bytes: c.bytes })),
    result.manifest
  );
}

// src/pipeline/compare.ts
async function sideSpec(label, input, req) {
  if ("paths" in input) return { label, paths: input.paths };
  const log = req.log ?? (() => {
  });
  log(`reading the ${label} from ${describeSource(input.source)}`);
  const res = await fetchSourceCaptures(input.source, {
    env: req.env,
    log,
    limits: {
      ...req.read?.limits,
      maxInputBytes: req.read?.maxInflatedBytes ?? req.read?.limits?.maxInputBytes
    }
  });
  return {
    label,
    captures: res.captures.map((c) => ({ name: `${label}-source/${c.name}`, bytes: c.bytes })),
    manifest: res.manifest
  };
}
async function compare(req) {
  const settings = settingsFor(req.cwd, req.settings, req.configPath);
  const log = req.log ?? (() => {
  });
  for (const d of settings.config?.deprecated ?? []) log(`note: ${d}`);
  const sides = [
    await sideSpec("baseline", req.baseline, req),
    await sideSpec("canary", req.canary, req)
  ];
  const { sets, manifests, typeName } = loadCaptureSets(sides, {
    cwd: req.cwd,
    need: req.need,
    read: req.read,
    type: settings.type,
    normalizeNames: settings.normalizeNames
  });
  const [baseline, canary] = sets;
  log(`read ${baseline.length} baseline and ${canary.length} canary captures (${typeName})`);
  const drift = settings.calibration ? readCalibration(req.cwd, settings.calibration, settings.config?.file, typeName) : void 0;
  const comparison = compareCaptures(
    baseline,
    canary,
    { ...settings, type: typeName },
    {
      onProgress: (done, total) => log(`bootstrap ${done}/${total}`),
      drift,
      sameRun: sameRun(manifests[0], manifests[1]),
      inconclusive: incompleteSets(manifests[0], manifests[1]),
      hardwareMismatch: hardwareMismatch(manifests[0], manifests[1])
    }
  );
  comparison.warnings.push(...differences(manifests[0], manifests[1]));
  return { comparison, baseline, canary };
}

// src/cli/compare.ts
init_fs();
init_safe_text();
init_args();
init_common();

// src/cli/settings.ts
function describe(description, dflt) {
  return dflt === void 0 ? description : `${description} (default ${String(dflt)})`;
}
function settingOptions() {
  const out = {};
  for (const s of SETTINGS) {
    const kind = s.kind === "string" || s.kind === "choice" ? "string" : "number";
    out[s.name] = { kind, description: describe(s.description, s.default) };
    for (const a of s.aliases?.cli ?? []) {
      out[a] = { kind, description: `same as --${s.name}` };
    }
  }
  return out;
}
function settingsFromArgs(a) {
  const out = {};
  for (const s of SETTINGS) {
    for (const flag of [s.name, ...s.aliases?.cli ?? []]) {
      const raw = s.kind === "string" || s.kind === "choice" ? a.strings[flag] : a.numbers[flag];
      if (raw !== void 0) out[s.key] = settingValue(s, raw, `--${flag}`);
    }
  }
  return out;
}

// src/cli/compare.ts
var COMPARE_SPEC = {
  baseline: { kind: "list", description: "baseline captures: files, directories or globs" },
  canary: { kind: "list", description: "canary captures: files, directories or globs" },
  "baseline-source": {
    kind: "string",
    description: "read the baseline from Pyroscope/Parca (see docs/fleet-sources.md)"
  },
  "canary-source": { kind: "string", description: "read the canary from Pyroscope/Parca" },
  ...settingOptions(),
  config: { kind: "string", description: "config file (default .profile-gate.yml if present)" },
  json: { kind: "string", description: "write the JSON report to FILE (- = stdout)" },
  markdown: { kind: "string", description: "write the markdown report to FILE (- = stdout)" },
  html: { kind: "string", description: "write a differential flame graph (self-contained HTML)" },
  svg: { kind: "string", description: "write the same flame graph as a static SVG" },
  "diff-pprof": {
    kind: "string",
    description: "write a pprof with -diff_base semantics (go tool pprof -http FILE)"
  },
  "merged-pprof": {
    kind: "string",
    description: "write canary and baseline as one labelled pprof"
  },
  quiet: { kind: "boolean", short: "q", description: "no progress messages" },
  ...READ_OPTIONS,
  help: { kind: "boolean", short: "h" }
};
var USAGE = "Usage: profile-gate compare --baseline PATH... --canary PATH... [--sample-type T] [--budget-pp N] [--budget-cum-pp N] [--budget-ratio X] [--min-share PCT] [--confidence 0.95] [--bootstrap N] [--seed N] [--config FILE] [--json FILE] [--markdown FILE]";
var EXIT_CODES = { pass: 0, fail: 1, inconclusive: 3 };
var STACK_REPORTS = ["html", "svg", "diff-pprof", "merged-pprof"];
function emit(io, target, text) {
  if (target === void 0) return;
  if (target === "-") io.stdout(text);
  else writeFileAtomic(resolve4(io.cwd, target), text);
}
async function compareCommand(argv, io) {
  const a = parseArgs(argv, COMPARE_SPEC);
  if (a.flags.help) {
    io.stdout(helpText(USAGE, COMPARE_SPEC) + "\n");
    return 0;
  }
  if (a.positionals.length)
    throw new UsageError(`unexpected argument "${a.positionals[0]}"
${USAGE}`);
  for (const side2 of ["baseline", "canary"]) {
    const hasSource = a.strings[`${side2}-source`] !== void 0;
    if (!a.lists[side2].length && !hasSource) {
      throw new UsageError(`--${side2} (or --${side2}-source) is required
${USAGE}`);
    }
    if (a.lists[side2].length && hasSource) {
      throw new UsageError(`give either --${side2} or --${side2}-source, not both`);
    }
  }
  const quiet = a.flags.quiet || a.strings.json === "-" || a.strings.markdown === "-";
  const log = quiet ? void 0 : (m) => io.stderr(`profile-gate: ${m}
`);
  const side = (name) => {
    const text = a.strings[`${name}-source`];
    return text === void 0 ? { paths: a.lists[name] } : { source: parseSourceSpec(text, {}, `--${name}-source`) };
  };
  const read = readOptionsFrom(a);
  const run = await compare({
    baseline: side("baseline"),
    canary: side("canary"),
    cwd: io.cwd,
    env: io.env,
    settings: settingsFromArgs(a),
    configPath: a.strings.config,
    read,
    need: STACK_REPORTS.some((k) => a.strings[k]) ? "stacks" : "totals",
    log
  });
  const c = run.comparison;
  const json = renderJson(c);
  emit(io, a.strings.json, a.strings.json === "-" ? safeJsonText(json) : json);
  emit(io, a.strings.markdown, renderMarkdown(c, { chart: renderDeltaChart(c.functions) }));
  const abs = (k) => a.strings[k] ? resolve4(io.cwd, a.strings[k]) : void 0;
  const written = writeReports(
    run,
    {
      html: abs("html"),
      svg: abs("svg"),
      diffPprof: abs("diff-pprof"),
      mergedPprof: abs("merged-pprof")
    },
    { maxFrames: read.limits?.maxFrames }
  );
  for (const w of written) log?.(`wrote ${w.kind} ${w.path} (${w.bytes} bytes)`);
  if (a.strings.json !== "-" && a.strings.markdown !== "-") io.stdout(renderText(c));
  return EXIT_CODES[c.verdict];
}

// src/cli/calibrate.ts
init_fs();
init_safe_text();
import { resolve as resolve5 } from "node:path";
var SPEC = {
  runs: { kind: "list", description: "two or more folders, each one known-good run of captures" },
  target: { kind: "number", description: "false-alarm rate to stay under (default 0.01)" },
  "sample-type": COMPARE_SPEC["sample-type"],
  type: COMPARE_SPEC.type,
  "budget-pp": COMPARE_SPEC["budget-pp"],
  "budget-cum-pp": COMPARE_SPEC["budget-cum-pp"],
  "min-share": COMPARE_SPEC["min-share"],
  confidence: COMPARE_SPEC.confidence,
  bootstrap: { kind: "number", description: "bootstrap resamples (default 2000 here)" },
  seed: COMPARE_SPEC.seed,
  config: COMPARE_SPEC.config,
  "normalize-names": COMPARE_SPEC["normalize-names"],
  json: { kind: "string", description: "write the calibration as JSON to FILE (- = stdout)" },
  out: {
    kind: "string",
    description: "write the run-to-run drift model (3+ runs) as a calibration file for compare --calibration"
  },
  ...READ_OPTIONS,
  help: { kind: "boolean", short: "h" }
};
var USAGE2 = "Usage: profile-gate calibrate --runs DIR DIR... [--target 0.01] [compare options]";
async function calibrateCommand(argv, io) {
  const a = parseArgs(argv, SPEC);
  if (a.flags.help) {
    io.stdout(helpText(USAGE2, SPEC) + "\n");
    return 0;
  }
  const dirs = [...a.lists.runs, ...a.positionals];
  if (dirs.length < 2) throw new UsageError(`calibrate needs at least two runs
${USAGE2}`);
  const target = a.numbers.target ?? 0.01;
  if (!(target > 0 && target < 1)) throw new UsageError("--target must be between 0 and 1");
  const explicit = settingsFromArgs(a);
  explicit.bootstrap ??= 2e3;
  const {
    calibration: cal,
    settings,
    typeName,
    drift,
    plan
  } = calibrateRuns({
    runs: dirs,
    cwd: io.cwd,
    settings: explicit,
    configPath: a.strings.config,
    read: readOptionsFrom(a),
    target
  });
  if (a.strings.out) {
    if (!drift)
      throw new UsageError("--out needs at least 3 known-good runs to estimate the drift");
    writeFileAtomic(resolve5(io.cwd, a.strings.out), JSON.stringify(drift, null, 2) + "\n");
  }
  if (a.strings.json) {
    const json = JSON.stringify({ ...cal, plan, drift }, null, 2) + "\n";
    emit(io, a.strings.json, a.strings.json === "-" ? safeJsonText(json) : json);
  }
  if (a.strings.json === "-") return 0;
  const lines = [
    `profile-gate calibrate: ${dirs.length} known-good runs, ${cal.pairs.length} ordered pairs, ${safeLine(typeName)}`,
    "",
    "baseline -> canary: largest growth seen (any function) / largest significant growth"
  ];
  for (const p of cal.pairs) {
    lines.push(
      `  ${safeName(p.baseline)} -> ${safeName(p.canary)}: self ${signed(p.maxSelfPp)} / ${p.maxSigSelfPp ? `${signed(p.maxSigSelfPp)} ${safeName(p.maxSigSelfFn ?? "")}` : "none"}; cum ${signed(p.maxCumPp)} / ${p.maxSigCumPp ? `${signed(p.maxSigCumPp)} ${safeName(p.maxSigCumFn ?? "")}` : "none"}${p.failsWithSettings ? "  <- would FAIL with current budgets" : ""}`
    );
  }
  lines.push(
    "",
    `With the current budgets (self ${settings.budgetPp}pp, cum ${settings.budgetCumPp}pp): false alarms on ${Math.round(cal.falseAlarmRateWithSettings * 100)}% of pairs.`,
    `Budgets that would have kept false alarms at or under ${target * 100}% on these runs (+25% margin): --budget-pp ${cal.recommended.budgetPp} --budget-cum-pp ${cal.recommended.budgetCumPp}`,
    cal.falseAlarmRateWithDrift !== void 0 ? `With the drift model (estimated without each pair's own runs): false alarms on ${Math.round(cal.falseAlarmRateWithDrift * 100)}% of pairs.` : "",
    cal.pairs.length < 20 ? `Only ${cal.pairs.length} pairs: the estimate is rough; more known-good runs make it firmer.` : ""
  );
  if (drift) {
    lines.push(
      "",
      `Run-to-run drift (${drift.runs} runs): pooled kappa self ${drift.kappa.self.toExponential(2)}, cum ${drift.kappa.cum.toExponential(2)}${drift.perUnitSigmaPct !== void 0 ? `, cost per request +-${drift.perUnitSigmaPct.toFixed(1)}%` : ""}${a.strings.out ? `; written to ${a.strings.out} (use it with compare --calibration)` : "; --out FILE writes it for compare --calibration"}`
    );
  }
  if (plan) lines.push("", ...planLines(plan));
  io.stdout(lines.filter((l, i, arr) => l !== "" || arr[i - 1] !== "").join("\n") + "\n");
  return 0;
}
function planLines(p) {
  const opt = (o) => o ? `${o.captures} x ${o.seconds} s` : "not reachable";
  const out = [
    `Captures needed to see self growth of ${p.rows[0]?.budgetPp ?? "?"}pp (80% power), top functions:`,
    `  (these runs: ${p.captures} x ${p.seconds} s per side)`
  ];
  for (const r of p.rows) {
    out.push(
      `  ${safeName(r.function)} (${r.sharePct.toFixed(1)}%): now detects ${r.nowSequentialPp.toFixed(1)}pp between runs, ${r.nowInterleavedPp.toFixed(1)}pp interleaved; needs ${p.lengths.map((s, i) => `${opt(r.sequential[i])}`).join(" or ")} sequential (drift alone: ${r.driftFloorPp.toFixed(1)}pp), ${p.lengths.map((s, i) => `${opt(r.interleaved[i])}`).join(" or ")} interleaved`
    );
  }
  return out;
}

// src/cli/fetch.ts
init_errors();
import { resolve as resolve6 } from "node:path";
init_args();
init_common();
init_safe_text();
var SPEC2 = {
  source: {
    kind: "string",
    description: "pyroscope[+http|+https]://HOST[:PORT]?... or parca[+http|+https]://HOST[:PORT]?..."
  },
  out: { kind: "string", description: "folder to create (must not exist or be empty)" },
  from: { kind: "string", description: "overrides from= (now-1h, RFC3339, unix s/ms)" },
  to: { kind: "string", description: "overrides to= (default now)" },
  slices: { kind: "number", description: `overrides slices= (default ${DEFAULT_SLICES})` },
  timeout: { kind: "string", description: "overrides timeout= per request (default 60s)" },
  retries: { kind: "number", description: `overrides retries= (default ${DEFAULT_RETRIES})` },
  quiet: { kind: "boolean", short: "q", description: "no progress lines on stderr" },
  ...LIMIT_OPTIONS,
  help: { kind: "boolean", short: "h" }
};
var FETCH_USAGE = `Usage: profile-gate fetch --source SPEC --out DIR [--from T] [--to T] [--slices K]

Reads [from, to) from a continuous-profiling backend as K equal slices (one merge query each)
and saves them as DIR/slice-NN.pb.gz plus DIR/manifest.json.

SPEC examples:
  pyroscope://127.0.0.1:4040?type=process_cpu:cpu:nanoseconds:cpu:nanoseconds&query={service_name="checkout",version="1.4.2"}&from=now-1h&to=now&slices=10
  parca+https://parca.example.com?query=parca_agent:samples:count:cpu:nanoseconds:delta{job="api"}&from=now-2h&slices=12&transport=rest

Credentials come from the environment only, never from SPEC:
  $${DEFAULT_ENV.token} (bearer token), $${DEFAULT_ENV.basic} (user:password),
  $${DEFAULT_ENV.tenant} (X-Scope-OrgID), $${DEFAULT_ENV.headers} ("Name: value" lines);
  token-env= / basic-env= / tenant-env= / headers-env= in SPEC name other variables.`;
async function fetchCommand(argv, io) {
  try {
    const a = parseArgs(argv, SPEC2);
    if (a.flags.help) {
      io.stdout(helpText(FETCH_USAGE, SPEC2) + "\n");
      return 0;
    }
    const source = a.strings.source ?? a.positionals[0];
    if (!source) throw new UsageError(`--source is required
${FETCH_USAGE}`);
    if (a.positionals.length > (a.strings.source ? 0 : 1)) {
      throw new UsageError(
        `unexpected argument(s) (quote the source spec: it contains & and {}): ${a.positionals.join(" ").slice(0, 80)}`
      );
    }
    if (!a.strings.out) throw new UsageError("--out DIR is required");
    const num = (n) => n === void 0 ? void 0 : String(n);
    const spec = parseSourceSpec(
      source,
      {
        from: a.strings.from,
        to: a.strings.to,
        slices: num(a.numbers.slices),
        timeout: a.strings.timeout,
        retries: num(a.numbers.retries)
      },
      "--source"
    );
    const out = resolve6(io.cwd, a.strings.out);
    const quiet = a.flags.quiet;
    const result = await fetchSourceCaptures(spec, {
      env: io.env,
      limits: limitsFrom(a),
      log: (m) => {
        if (!quiet) io.stderr(`profile-gate fetch: ${m}
`);
      }
    });
    writeSourceCaptures(out, result);
    io.stdout(
      `wrote ${result.captures.length} capture(s) of ${spec.kind} ${spec.query} to ${a.strings.out}
`
    );
    return 0;
  } catch (e) {
    if (isUserError(e)) {
      io.stderr(`profile-gate fetch: error: ${shortenLongRuns(e.message)}
`);
      return 2;
    }
    throw e;
  }
}

// src/cli/top.ts
init_aggregate();
init_errors2();
init_errors();
init_normalize();
init_safe_text();
init_args();
init_common();
var SPEC3 = {
  "sample-type": {
    kind: "string",
    description: "sample type by name (default: the profile default)"
  },
  type: { kind: "string", description: "same as --sample-type" },
  json: { kind: "boolean", description: "print JSON instead of a table" },
  "normalize-names": { kind: "string", description: "on (default), off, all, or a list of rules" },
  limit: { kind: "number", description: "rows in the table (default 30; 0 = all)" },
  ...READ_OPTIONS,
  help: { kind: "boolean", short: "h" }
};
var TOP_USAGE = "Usage: profile-gate top FILE... [--sample-type T] [--json] [--normalize-names off]";
function topTotals(files, io, type, normalize, readOpts = {}) {
  const norm = makeNormalizer(normalize);
  const totals = [];
  for (const f of files) {
    const name = displayName(f, io.cwd);
    const p = readTotalsFile(f, name, norm, readOpts);
    const t = p.totals[selectSampleType(p, type, name)];
    if (totals.length > 0 && (t.type.type !== totals[0].type.type || t.type.unit !== totals[0].type.unit)) {
      throw new ProfileError(
        "sample-type",
        name,
        `sample type ${t.type.type} (${t.type.unit}) differs from the first file's ${totals[0].type.type} (${totals[0].type.unit}); pick one with --sample-type`
      );
    }
    totals.push(t);
  }
  return mergeTotals(totals);
}
function sortedRows(t) {
  const idx = t.names.map((_, i) => i).filter((i) => t.self[i] !== 0 || t.cum[i] !== 0);
  idx.sort(
    (a, b) => Math.abs(t.self[b]) - Math.abs(t.self[a]) || Math.abs(t.cum[b]) - Math.abs(t.cum[a]) || (t.names[a] < t.names[b] ? -1 : t.names[a] > t.names[b] ? 1 : 0)
  );
  return idx;
}
async function topCommand(argv, io) {
  const a = parseArgs(argv, SPEC3);
  if (a.flags.help) {
    io.stdout(helpText(TOP_USAGE, SPEC3) + "\n");
    return 0;
  }
  if (a.positionals.length === 0) throw new UsageError(`no profile files given
${TOP_USAGE}`);
  const files = expandPaths(a.positionals, io.cwd, "top");
  const t = topTotals(
    files,
    io,
    a.strings["sample-type"] ?? a.strings.type,
    a.strings["normalize-names"],
    readOptionsFrom(a)
  );
  const rows = sortedRows(t);
  if (a.flags.json) {
    const out = {
      type: t.type.type,
      unit: t.type.unit,
      total: t.total,
      functions: rows.map((i) => ({ function: t.names[i], self: t.self[i], cum: t.cum[i] }))
    };
    io.stdout(safeJsonText(JSON.stringify(out, null, 2)) + "\n");
    return 0;
  }
  const limit = a.numbers.limit ?? 30;
  const shown = limit > 0 ? rows.slice(0, limit) : rows;
  const u = t.type.unit;
  io.stdout(
    `Type: ${safeLine(t.type.type)} (${safeLine(u)})  Total: ${formatValue(t.total, u)} in ${t.samples} samples from ${files.length} file(s)
`
  );
  if (shown.length < rows.length) {
    io.stdout(`Showing top ${shown.length} of ${rows.length} functions (--limit 0 for all)
`);
  }
  const w = 10;
  io.stdout(
    `${"flat".padStart(w)} ${"flat%".padStart(7)} ${"sum%".padStart(7)} ${"cum".padStart(w)} ${"cum%".padStart(7)}  function
`
  );
  let sum = 0;
  const notes = [];
  for (const i of shown) {
    sum += t.self[i];
    const tot = t.total || 1;
    const raw = t.rawNames.get(t.names[i]);
    const name = safeName(t.names[i]);
    io.stdout(
      `${formatValue(t.self[i], u).padStart(w)} ${pct(t.self[i] / tot).padStart(7)} ${pct(sum / tot).padStart(7)} ${formatValue(t.cum[i], u).padStart(w)} ${pct(t.cum[i] / tot).padStart(7)}  ${name}${raw ? " *" : ""}
`
    );
    if (raw)
      notes.push(
        `  ${name} <- ${raw.slice(0, 5).map(safeName).join(", ")}${raw.length > 5 ? `, ... (${raw.length} names)` : ""}`
      );
  }
  if (notes.length) {
    io.stdout(
      `
* normalized names (raw names merged into them; --normalize-names off to keep them apart):
${notes.join("\n")}
`
    );
  }
  return 0;
}

// src/cli/main.ts
var COMMANDS = {
  top: {
    run: async () => topCommand,
    summary: "per-function self and cumulative values of profiles"
  },
  compare: {
    run: async () => compareCommand,
    summary: "compare baseline and canary captures; exit 1 on a regression"
  },
  capture: {
    run: async () => (await Promise.resolve().then(() => (init_capture(), capture_exports))).captureCommand,
    summary: "repeated captures from a live service under a fixed load"
  },
  fetch: {
    run: async () => fetchCommand,
    summary: "save a capture set read from Grafana Pyroscope or Parca"
  },
  calibrate: {
    run: async () => calibrateCommand,
    summary: "suggest budgets from several known-good (A/A) runs"
  }
};
function usage() {
  const lines = [
    `profile-gate ${VERSION}: fail a deploy when a function got measurably more expensive`,
    "",
    "Usage: profile-gate <command> [options]   (profile-gate <command> --help for details)",
    "",
    "Commands:",
    ...Object.entries(COMMANDS).map(([k, v]) => `  ${k.padEnd(10)} ${v.summary}`),
    "",
    "Exit codes: 0 pass, 1 regression found, 2 bad input or usage, 3 no verdict (inconclusive)."
  ];
  return lines.join("\n") + "\n";
}
async function runCli(argv, rawIO = processIO()) {
  const io = safeIO(rawIO);
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === "--help" || cmd === "-h" || cmd === "help") {
    io.stdout(usage());
    return cmd ? 0 : 2;
  }
  if (cmd === "--version" || cmd === "-v") {
    io.stdout(`${VERSION}
`);
    return 0;
  }
  const c = COMMANDS[cmd];
  if (!c) {
    io.stderr(`profile-gate: unknown command "${cmd}"

${usage()}`);
    return 2;
  }
  try {
    return await (await c.run())(rest, io);
  } catch (e) {
    if (isUserError(e)) {
      io.stderr(`profile-gate: error: ${shortenLongRuns(e.message)}
`);
      return 2;
    }
    const err = e;
    io.stderr(
      `profile-gate: internal error: ${shortenLongRuns(err?.message ?? String(e))}
` + (io.env.PROFILE_GATE_DEBUG ? `${err?.stack}
` : "Set PROFILE_GATE_DEBUG=1 for a stack trace, and please report it.\n")
    );
    return 2;
  }
}

// src/cli.ts
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}
runCli(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`profile-gate: internal error: ${e?.stack ?? String(e)}
`);
    process.exitCode = 2;
  }
);
