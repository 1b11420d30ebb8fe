/** A problem found in the repository or the run, shown as an annotation at its file and line. */
export type Severity = 'error' | 'warning' | 'notice';

export type FindingKind =
  | 'duplicate-revision'
  | 'missing-parent'
  | 'cycle'
  | 'multiple-heads'
  | 'unparseable-revision-file'
  | 'revision-id-too-long'
  | 'invalid-revision-id'
  // Reader: a file that could not be read safely (not a regular file, outside the repository, too big, unreadable).
  | 'unreadable-revision-file'
  // Reader: branch_labels that cannot be evaluated statically; the revision is read without labels (a warning).
  | 'unknown-branch-labels'
  | 'duplicate-branch-label'
  | 'branch-label-is-revision-id'
  | 'down-revision-is-branch-label'
  // Outside the graph: the version check and later stages add their own kinds.
  | (string & {});

export interface Finding {
  severity: Severity;
  kind: FindingKind;
  message: string;
  /** Path relative to the repository root, with forward slashes. */
  file?: string;
  /** 1-based line. */
  line?: number;
}
