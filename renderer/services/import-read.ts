/**
 * Reading a picked file's Blob without holding more than needed: its first bytes for detection, the
 * whole of it for one-article files, and a decoded text stream (optionally gunzipped) for archives.
 * Uses only web platform streams, so it runs the same in the worker and in Node tests.
 */

/** The first `n` bytes (fewer for a shorter file). Rejects when the blob cannot be read. */
export async function readHead(blob: Blob, n: number): Promise<Uint8Array> {
  return new Uint8Array(await blob.slice(0, n).arrayBuffer());
}

/** Every byte of the blob. Rejects when it cannot be read. */
export async function readAll(blob: Blob): Promise<Uint8Array> {
  return new Uint8Array(await blob.arrayBuffer());
}

/**
 * The blob as decoded UTF-8 text chunks (a BOM is dropped), gunzipped first when `gzip` is true.
 * `onBytes(n)` is told how many raw (compressed) bytes each chunk consumed, for progress.
 * The iterator rejects (TypeError from the stream) when a gzip stream is truncated or corrupt.
 */
export async function* textChunks(blob: Blob, gzip: boolean, onBytes: (n: number) => void): AsyncGenerator<string> {
  const counted = blob.stream().pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, ctl) {
        onBytes(chunk.byteLength);
        ctl.enqueue(chunk);
      },
    }),
  );
  const raw = gzip
    ? counted.pipeThrough(new DecompressionStream('gzip') as unknown as TransformStream<Uint8Array, Uint8Array>)
    : counted;
  const reader = raw
    .pipeThrough(new TextDecoderStream('utf-8') as unknown as TransformStream<Uint8Array, string>)
    .getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      if (value) yield value;
    }
  } finally {
    // Stops the file read and the decompressor when the consumer leaves early (cancel, storage failure).
    reader.cancel().catch(() => {});
  }
}
