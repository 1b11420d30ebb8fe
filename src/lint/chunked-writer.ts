// Output of `lint` written a finding at a time, gathered into chunks: one `write` a finding would be one system call
// each (process.stdout to a file or pipe writes synchronously), and the whole text as one string is what the
// streaming avoids (tens of MB for 25,000 findings).

/** The chunk size: large enough to make system calls rare, small enough to stay a young-generation string. */
const CHUNK_CHARS = 64 * 1024;

export interface ChunkedWriter {
  write(text: string): void;
  /** Writes what is gathered; call once at the end. */
  flush(): void;
}

/** Gathers writes into chunks of about `chunkChars` characters before passing them on. */
export function chunkedWriter(write: (text: string) => void, chunkChars = CHUNK_CHARS): ChunkedWriter {
  let pending = '';
  return {
    write(text) {
      pending += text;
      if (pending.length >= chunkChars) {
        write(pending);
        pending = '';
      }
    },
    flush() {
      if (pending.length > 0) write(pending);
      pending = '';
    },
  };
}
