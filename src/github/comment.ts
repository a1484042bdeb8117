/**
 * One sticky PR comment per gate (service + profile type): found by a hidden marker and edited
 * in place on every run, never a new comment per push.
 *
 * Only comments the token's own identity wrote are candidates (the marker alone is not enough:
 * anyone can quote it in a comment of theirs, and editing that would fail or, worse, succeed
 * with a maintainer's token). The identity is GraphQL's `viewer` (rest.ts whoAmI): for the
 * GITHUB_TOKEN, `github-actions[bot]`; when it cannot be told, comments by
 * `github-actions[bot]` only. A body that did not change is not sent again.
 *
 * A token that may not write (pull requests from forks get a read-only GITHUB_TOKEN) skips the
 * comment with a warning; so does any other API failure: the comment never decides the job.
 */
import type { GitHubRest, IssueComment } from './rest.js';
import { GitHubApiError } from './rest.js';

/** GitHub rejects comment bodies over 65536 characters. */
export const MAX_COMMENT_CHARS = 65_000;

/** The GITHUB_TOKEN's identity (its app's bot user). */
export const ACTIONS_BOT = { login: 'github-actions[bot]', id: 41898282 };

export function commentMarker(key: string): string {
  return `<!-- profile-gate:${key} -->`;
}

export type CommentResult =
  | { action: 'created' | 'updated' | 'unchanged'; id: number; url: string }
  | { action: 'skipped'; reason: string };

/** The body as it is posted: the marker first, cut under GitHub's limit. */
export function commentBody(key: string, body: string): string {
  const marker = commentMarker(key);
  let full = body.startsWith(marker) ? body : `${marker}\n${body}`;
  if (full.length > MAX_COMMENT_CHARS) {
    // cut at a line end, so that no escape, code span or table row is left half written
    const cut = full.lastIndexOf('\n', MAX_COMMENT_CHARS - 200);
    full = `${full.slice(0, cut > 0 ? cut : MAX_COMMENT_CHARS - 200)}\n\n_(cut: the full report is in the job summary)_\n`;
  }
  return full;
}

/** Does this comment's author match the identity (by id when both have one, else by login)? */
function byMe(c: IssueComment, me: { login: string; id?: number }): boolean {
  const u = c.user;
  if (!u) return false;
  if (me.id !== undefined && typeof u.id === 'number') return u.id === me.id;
  // GraphQL gives a bot's login with or without [bot]; REST always with it
  const norm = (s: string) => s.toLowerCase().replace(/\[bot\]$/, '');
  return norm(u.login) === norm(me.login) && (u.type !== 'Bot') === !/\[bot\]$/i.test(me.login);
}

export async function upsertStickyComment(
  rest: GitHubRest,
  target: { owner: string; repo: string; issue: number },
  key: string,
  body: string,
): Promise<CommentResult> {
  const marker = commentMarker(key);
  const full = commentBody(key, body);
  const { owner, repo, issue } = target;
  try {
    const me = (await rest.whoAmI()) ?? ACTIONS_BOT;
    const comments = await rest.listIssueComments(owner, repo, issue);
    const mine = comments.find((c) => byMe(c, me) && (c.body ?? '').startsWith(marker));
    if (mine) {
      if (mine.body === full) return { action: 'unchanged', id: mine.id, url: mine.html_url };
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
    return {
      action: 'skipped',
      reason: `${(e as Error).message}. The verdict is in the job summary.`,
    };
  }
}
