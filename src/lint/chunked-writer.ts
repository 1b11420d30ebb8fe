// Output of `lint` made a finding at a time and written in chunks. One `write` a finding would be one system call
// each; the whole text as one string is what the streaming avoids (tens of MB for 25,000 findings); and a stream
// that cannot take a chunk at once (stdout to a pipe) queues it and writes it only when the event loop runs, so a
// loop that never waits queues the whole output (measured: +100 MB for --json into a pipe). Hence: chunks, and a
// wait after each until the stream has written what it queued.

/** The chunk size: large enough to make system calls rare, small enough to keep little queued. */
const CHUNK_CHARS = 64 * 1024;

/** Writes `pieces` in chunks of about `chunkChars` characters, awaiting `drained()` after each chunk. */
export async function writeChunked(
  pieces: Iterable<string>,
  write: (text: string) => void,
  drained: () => Promise<void>,
  chunkChars = CHUNK_CHARS,
): Promise<void> {
  let pending = '';
  for (const piece of pieces) {
    pending += piece;
    if (pending.length >= chunkChars) {
      write(pending);
      pending = '';
      await drained();
    }
  }
  if (pending.length > 0) write(pending);
}
