/** One migration script as read from the repository. */
export interface Revision {
  id: string;
  /** Parents through `down_revision`, in file order; empty for a base. */
  downRevisions: string[];
  /** Extra edges through `depends_on` (revision ids; branch labels already resolved by the graph). */
  dependsOn: string[];
  branchLabels: string[];
  /** Path relative to the repository root, with forward slashes. */
  file: string;
  /** 1-based line of the `revision =` assignment. */
  line: number;
  /** First line of the module docstring (Alembic's revision message), or '' when there is none. */
  message: string;
}
