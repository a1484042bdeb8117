/**
 * One sticky PR comment per gate (service + profile type): found by a hidden marker and edited
 * in place on every run, never a new comment per push. A token that may not write (pull
 * requests from forks get a read-only GITHUB_TOKEN) skips the comment with a warning.
 */
import type { GitHubRest, IssueComment } from './rest.js';
import { GitHubApiError } from './rest.js';

/** GitHub rejects comment bodies over 65536 characters. */
export const MAX_COMMENT_CHARS = 65_000;

export function commentMarker(key: string): string {
  return `<!-- profile-gate:${key} -->`;
}

export type CommentResult =
  | { action: 'created' | 'updated'; id: number; url: string }
  | { action: 'skipped'; reason: string };

export async function upsertStickyComment(
  rest: GitHubRest,
  target: { owner: string; repo: string; issue: number },
  key: string,
  body: string,
): Promise<CommentResult> {
  const marker = commentMarker(key);
  let full = body.includes(marker) ? body : `${marker}\n${body}`;
  if (full.length > MAX_COMMENT_CHARS) {
    // cut at a line end, so that no escape, code span or table row is left half written
    const cut = full.lastIndexOf('\n', MAX_COMMENT_CHARS - 200);
    full = `${full.slice(0, cut > 0 ? cut : MAX_COMMENT_CHARS - 200)}\n\n_(cut: the full report is in the job summary)_\n`;
  }
  const { owner, repo, issue } = target;
  try {
    const comments = await rest.listIssueComments(owner, repo, issue);
    const mine = comments.find((c: IssueComment) => (c.body ?? '').includes(marker));
    if (mine) {
      const c = await rest.updateIssueComment(owner, repo, mine.id, full);
      return { action: 'updated', id: c.id, url: c.html_url };
    }
    const c = await rest.createIssueComment(owner, repo, issue, full);
    return { action: 'created', id: c.id, url: c.html_url };
  } catch (e) {
    if (e instanceof GitHubApiError && (e.forbidden || e.status === 404)) {
      return {
        action: 'skipped',
        reason:
          `${e.message}. The token may not write to this pull request (pull requests from forks get a read-only token, ` +
          'or the job lacks `permissions: pull-requests: write`). The verdict is in the job summary; to comment on fork PRs use the workflow_run pattern (docs/action.md).',
      };
    }
    throw e;
  }
}
