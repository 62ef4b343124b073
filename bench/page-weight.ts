/**
 * The JavaScript a page makes the browser download on first load (every <script src> in its
 * HTML), raw and gzipped, against a running server: `npm run bench:pages -- http://127.0.0.1:3000`.
 * Monaco is loaded lazily (after first paint), so it must not appear here.
 */
import { gzipSync } from "node:zlib";

const base = process.argv[2] ?? "http://127.0.0.1:3000";
const pages = ["/", "/learn", "/learn/qml-foundations/qubits", "/learn/qml-foundations/vqe"];

async function weigh(path: string) {
  const html = await (await fetch(new URL(path, base))).text();
  // noModule scripts are legacy polyfills that modern browsers never download.
  const scripts = [...html.matchAll(/<script([^>]+)>/g)]
    .filter((m) => !/noModule/i.test(m[1]))
    .flatMap((m) => /src="([^"]+)"/.exec(m[1])?.[1] ?? []);
  let raw = 0;
  let gzip = 0;
  for (const src of new Set(scripts)) {
    const body = Buffer.from(await (await fetch(new URL(src, base))).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body).length;
  }
  const htmlGzip = gzipSync(Buffer.from(html)).length;
  return {
    path,
    scripts: new Set(scripts).size,
    raw,
    gzip,
    htmlGzip,
    monaco: /monaco/i.test(html),
  };
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
console.log("| page | scripts | JS raw | JS gzip | HTML gzip | Monaco in first load |");
console.log("| --- | --- | --- | --- | --- | --- |");
for (const path of pages) {
  const w = await weigh(path);
  console.log(
    `| ${w.path} | ${w.scripts} | ${kib(w.raw)} | ${kib(w.gzip)} | ${kib(w.htmlGzip)} | ${w.monaco ? "yes" : "no"} |`,
  );
}
