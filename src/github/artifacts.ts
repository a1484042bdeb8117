/**
 * Artifact transfer behind a small interface, so the gate logic can be tested in-process with a
 * fake. The real one is @actions/artifact's DefaultArtifactClient:
 * - download by id from another run: REST `GET /repos/{o}/{r}/actions/artifacts/{id}/zip`
 *   (302 to a signed blob URL), then the zip is streamed and unpacked;
 * - upload: Twirp `CreateArtifact` on ACTIONS_RESULTS_URL (signed upload URL back), Azure
 *   block-blob upload of the zip to that URL, then Twirp `FinalizeArtifact` (artifact id back).
 */
import { DefaultArtifactClient } from '@actions/artifact';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_LIMITS } from '../profile/limits.js';
import {
  ArtifactError,
  extractZip,
  MAX_ARTIFACT_ENTRIES,
  type UnzipLimits,
} from './artifact-zip.js';

export interface FindBy {
  token: string;
  workflowRunId: number;
  repositoryOwner: string;
  repositoryName: string;
}

export interface ArtifactTransfer {
  /** Downloads an artifact and unpacks its files into `dir` (within `limits`). */
  download(artifactId: number, dir: string, findBy: FindBy, limits?: UnzipLimits): Promise<void>;
  upload(
    name: string,
    files: string[],
    rootDir: string,
    retentionDays: number,
  ): Promise<{ id: number; size: number }>;
  /** Uploads need the runner's ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL. */
  canUpload(): boolean;
}

export function actionsArtifactTransfer(env: Record<string, string | undefined>): ArtifactTransfer {
  let client: DefaultArtifactClient | undefined;
  const get = () => (client ??= new DefaultArtifactClient());
  return {
    async download(artifactId, dir, findBy, limits) {
      // the zip as it is (@actions/artifact would unpack it without any limit), then unpacked
      // here within the limits (artifact-zip.ts)
      const zipDir = `${dir}.zip.d`;
      rmSync(zipDir, { recursive: true, force: true });
      mkdirSync(zipDir, { recursive: true });
      try {
        await get().downloadArtifact(artifactId, { path: zipDir, findBy, skipDecompress: true });
        const got = readdirSync(zipDir);
        if (got.length !== 1) {
          throw new ArtifactError(
            `artifact ${artifactId}: expected one zip, got ${got.length} files`,
          );
        }
        extractZip(join(zipDir, got[0]), dir, {
          maxBytes: limits?.maxBytes ?? DEFAULT_LIMITS.maxInputBytes,
          maxEntries: limits?.maxEntries ?? MAX_ARTIFACT_ENTRIES,
        });
      } finally {
        rmSync(zipDir, { recursive: true, force: true });
      }
    },
    async upload(name, files, rootDir, retentionDays) {
      const res = await get().uploadArtifact(name, files, rootDir, { retentionDays });
      if (res.id === undefined) throw new Error(`artifact ${name}: upload returned no id`);
      return { id: res.id, size: res.size ?? 0 };
    },
    canUpload() {
      return Boolean(env.ACTIONS_RUNTIME_TOKEN && env.ACTIONS_RESULTS_URL);
    },
  };
}
