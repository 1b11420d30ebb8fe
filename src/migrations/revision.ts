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
  /** 1-based line of the `down_revision =` assignment (missing-parent points there); the reader always sets it. */
  downLine?: number;
  /** Fields that could not be evaluated statically (their value above is empty): the graph cannot be trusted. */
  unknownFields?: string[];
  /** First line of the module docstring (Alembic's revision message), or '' when there is none. */
  message: string;
}
