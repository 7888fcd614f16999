// Hot reload: watches the corpus folder, validates every change, and hands over only a corpus that loads.
import { watch, type FSWatcher } from "node:fs";
import { buildCorpus, readCorpusFiles, CorpusError, type Problem } from "./corpus.js";
import type { Corpus } from "./types.js";

export interface CorpusWatcher {
  close(): void;
}

export interface WatchOptions {
  /** A valid new corpus, ready to be swapped in. */
  readonly onCorpus: (corpus: Corpus) => void;
  /** The change is invalid: the previous corpus keeps serving. */
  readonly onProblems: (problems: readonly Problem[]) => void;
  /** Editors write in bursts (temp file, rename, chmod): wait for quiet before reloading, in ms. */
  readonly debounceMs?: number;
}

export function watchCorpus(dir: string, options: WatchOptions): CorpusWatcher {
  let timer: NodeJS.Timeout | undefined;
  const reload = () => {
    timer = undefined;
    try {
      const { corpus, problems } = buildCorpus(readCorpusFiles(dir));
      if (corpus) options.onCorpus(corpus);
      else options.onProblems(problems);
    } catch (err) {
      options.onProblems(err instanceof CorpusError ? err.problems : [{ file: dir, entry: "-", problem: String((err as Error).message) }]);
    }
  };
  const watcher: FSWatcher = watch(dir, { persistent: false }, (_event, name) => {
    if (name && !/\.ya?ml$/i.test(name.toString())) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(reload, options.debounceMs ?? 150);
  });
  // The folder was removed or replaced: say so once and stop, rather than watch nothing in silence.
  watcher.on("error", (err) => {
    watcher.close();
    options.onProblems([{ file: dir, entry: "-", problem: `watching stopped (${err.message}); restart the bot to pick up changes` }]);
  });
  return {
    close() {
      if (timer) clearTimeout(timer);
      watcher.close();
    },
  };
}
