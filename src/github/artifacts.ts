/**
 * Artifact transfer behind a small interface, so the gate logic can be tested in-process with a
 * fake. The real one is @actions/artifact's DefaultArtifactClient:
 * - download by id from another run: REST `GET /repos/{o}/{r}/actions/artifacts/{id}/zip`
 *   (302 to a signed blob URL), then the zip is streamed and unpacked;
 * - upload: Twirp `CreateArtifact` on ACTIONS_RESULTS_URL (signed upload URL back), Azure
 *   block-blob upload of the zip to that URL, then Twirp `FinalizeArtifact` (artifact id back).
 */
import { DefaultArtifactClient } from '@actions/artifact';

export interface FindBy {
  token: string;
  workflowRunId: number;
  repositoryOwner: string;
  repositoryName: string;
}

export interface ArtifactTransfer {
  download(artifactId: number, dir: string, findBy: FindBy): Promise<void>;
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
    async download(artifactId, dir, findBy) {
      await get().downloadArtifact(artifactId, { path: dir, findBy });
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
