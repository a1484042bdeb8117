/**
 * The pprof reader's locations as the samples use them: each location expands to a run of
 * frames (builder function ids, leaf first; an inlined call is a frame of its own), with
 * what drop_frames cuts marked per location (pprof's Prune).
 */
import { ProfileError } from '../errors.js';
import type { ProfileBuilder } from '../model.js';
import {
  IdTable,
  unsymbolizedName,
  type LocationTable,
  type RawFunction,
  type RawMapping,
  type StringLookup,
} from './messages.js';
import type { Reader } from './varint.js';

/** The tables a location's lines refer to. */
export interface LocationContext {
  file: string;
  r: Reader;
  str: StringLookup;
  builder: ProfileBuilder;
  functions: RawFunction[];
  fnIds: IdTable;
  /** display name of every function ('' when it has none: named by its address) */
  fnName: string[];
  mappings: RawMapping[];
  mapIds: IdTable;
  /** whether drop_frames drops a function; undefined when nothing is dropped */
  shouldDrop: ((name: string) => boolean) | undefined;
}

export interface LocationFrames {
  ids: IdTable;
  /** where each location's frames start in `frames` (one more entry at the end) */
  start: Uint32Array;
  frames: Uint32Array;
  /** 0 = keep, 1 = prune beneath (inner lines were cut), 2 = prune the whole location */
  prune: Uint8Array;
  anyPrune: boolean;
}

export function buildLocations(locs: LocationTable, c: LocationContext): LocationFrames {
  const { builder, functions, fnIds, fnName, shouldDrop } = c;
  const nLocs = locs.id.length;
  const ids = new IdTable(locs.id, 'location', c.file);
  const locStart = new Uint32Array(nLocs + 1);
  const locPrune = new Uint8Array(nLocs);
  const locFramesList: number[] = [];
  let anyPrune = false;
  const fnBuilderId = new Int32Array(functions.length).fill(-1);
  const { lineStart, lineFn } = locs;
  const unsymbolized = (li: number, mapping: RawMapping | undefined) =>
    builder.fn(unsymbolizedName(locs.addressAt[li], mapping, c.str, c.r));
  for (let li = 0; li < nLocs; li++) {
    const mapping = mappingOf(locs, li, c);
    locStart[li] = locFramesList.length;
    const a = lineStart[li];
    const b = lineStart[li + 1];
    // lines leafward of a dropped one are cut (pprof's Prune)
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
    // builder ids of the location's lines; function ids are resolved once each
    for (let k = a; k < b; k++) {
      const fid = lineFn[k];
      let id: number;
      if (fid === 0) {
        id = unsymbolized(li, mapping);
      } else {
        const fi = fnIds.get(fid);
        if (fi < 0)
          throw new ProfileError(
            'invalid-reference',
            c.file,
            `location ${locs.id[li]} refers to function ${fid}, which does not exist`,
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
    anyPrune,
  };
}

/** The mapping of location `li` (undefined when it has none). */
function mappingOf(locs: LocationTable, li: number, c: LocationContext): RawMapping | undefined {
  const mappingId = locs.mappingId[li];
  if (mappingId === 0) return undefined;
  const mi = c.mapIds.get(mappingId);
  if (mi < 0)
    throw new ProfileError(
      'invalid-reference',
      c.file,
      `location ${locs.id[li]} refers to mapping ${mappingId}, which does not exist`,
    );
  return c.mappings[mi];
}

/**
 * The outermost of the lines [a, b) (leaf first) whose function drop_frames drops, or a - 1
 * when there is none.
 */
function outermostDroppedLine(
  lineFn: number[],
  a: number,
  b: number,
  c: LocationContext,
  shouldDrop: (name: string) => boolean,
): number {
  let i = b - 1;
  for (; i >= a; i--) {
    const fid = lineFn[i];
    const fi = fid === 0 ? -1 : c.fnIds.get(fid);
    if (fi >= 0 && shouldDrop(c.str(c.functions[fi].name, 'function name'))) break;
  }
  return i;
}
