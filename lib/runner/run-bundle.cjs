// @ts-check
/**
 * Runs the command-line simulator's bundle (build-cli.mjs) with V8's code cache. Node 20 caches
 * no compiled code for ES modules, so the bundle's chunks are scripts, each compiled with the
 * bytecode a previous run left next to it; without it every start parses the chunks and compiles
 * the lexer, parser and simulator function by function as they are first called.
 *
 * A chunk's cache is written once per chunk text and V8 version, after a run, so that it holds
 * the functions the run compiled lazily, not only the top level; it is rewritten when V8 rejects
 * it (other V8 flags). Its name holds the hash of the chunk's text: V8 checks only the source's
 * length, so a cache must never be used with another text.
 */
const { readFileSync, renameSync, writeFileSync } = require("node:fs");
const vm = require("node:vm");

/**
 * @typedef {{ exports: object }} Module
 * @typedef {(exports: object, require: (id: string) => unknown, module: Module) => void} Chunk
 */

/**
 * Loads the entry chunk, which runs the command.
 * @param {string} dir the bundle's directory, ending with a separator
 * @param {import("./build-cli.mjs").CliManifest} manifest
 */
function runBundle(dir, manifest) {
  /** @type {Map<string, Module>} */
  const modules = new Map();
  /** @type {{ script: vm.Script, cacheFile: string }[]} */
  const uncached = [];

  /** @param {string} id "./chunk-….js" from a chunk, or a Node built-in */
  function requireChunk(id) {
    if (!id.startsWith("./")) {
      // Dependencies are bundled: what is left is Node's own.
      const builtin = process.getBuiltinModule(id);
      if (builtin === undefined) throw new Error(`the command-line bundle requires ${id}`);
      return builtin;
    }
    const name = id.slice(2);
    const loaded = modules.get(name);
    if (loaded) return loaded.exports;
    /** @type {Module} */
    const chunk = { exports: {} };
    modules.set(name, chunk);
    const file = dir + name;
    const cacheFile = `${file}.${manifest.hashes[name]}.v8-${process.versions.v8}.cache`;
    const cachedData = readCache(cacheFile);
    // latin1: esbuild writes ASCII (it escapes the rest), and that is the cheapest decoding.
    const script = new vm.Script(readFileSync(file, "latin1"), { filename: file, cachedData });
    if (cachedData === undefined || script.cachedDataRejected) {
      if (uncached.length === 0) process.once("beforeExit", () => uncached.forEach(writeCache));
      uncached.push({ script, cacheFile });
    }
    /** @type {Chunk} */ (script.runInThisContext())(chunk.exports, requireChunk, chunk);
    return chunk.exports;
  }

  requireChunk(`./${manifest.entry}`);
}

/** @param {string} cacheFile */
function readCache(cacheFile) {
  try {
    return readFileSync(cacheFile);
  } catch {
    return undefined; // not written yet: this run writes it
  }
}

/** @param {{ script: vm.Script, cacheFile: string }} chunk */
function writeCache({ script, cacheFile }) {
  // By rename: runs started meanwhile (test files in parallel) read a whole cache or none.
  const temporary = `${cacheFile}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, script.createCachedData());
    renameSync(temporary, cacheFile);
  } catch {
    // A read-only install runs without the cache.
  }
}

module.exports = { runBundle };
