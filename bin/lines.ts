// Reads a byte stream as lines of text, decoding invalid UTF-8 as U+FFFD instead of failing.
import type { Readable } from "node:stream";

export async function* readLines(stream: Readable): AsyncGenerator<string> {
  const decoder = new TextDecoder("utf-8", { fatal: false });
  let rest = "";
  for await (const chunk of stream) {
    rest += decoder.decode(chunk as Uint8Array, { stream: true });
    let nl = rest.indexOf("\n");
    while (nl >= 0) {
      yield rest.slice(0, nl).replace(/\r$/, "");
      rest = rest.slice(nl + 1);
      nl = rest.indexOf("\n");
    }
  }
  rest += decoder.decode();
  if (rest !== "") yield rest.replace(/\r$/, "");
}
