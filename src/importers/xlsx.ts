/**
 * Excel workbooks (.xlsx), read with exceljs. exceljs reads asynchronously while the study
 * loader is synchronous (it is called from synchronous code throughout), so the workbook is read
 * in a worker thread and this thread waits for it; the worksheets come back as grids.
 */
import { MessageChannel, Worker, receiveMessageOnPort } from "node:worker_threads";
import type { Grid } from "./grid.ts";
import type { SheetRows } from "./xlsx-worker.ts";

export type Workbook = { ok: true; sheets: Grid[] } | { ok: false; message: string };

/** Time allowed for one workbook; a workbook of a study's size reads in well under a second. */
const TIMEOUT_MS = 120_000;

/**
 * The worker's entry: whatever happens (even the reader failing to load), it answers and wakes
 * the waiting thread, so a failure is an error message, never a hang.
 */
const BOOT = `
const { workerData } = require("node:worker_threads");
const { module, path, port, signal } = workerData;
import(module)
  .then((m) => m.readSheets(path))
  .then((sheets) => port.postMessage({ ok: true, sheets }))
  .catch((e) => port.postMessage({ ok: false, message: e && e.message ? e.message : String(e) }))
  .finally(() => { Atomics.store(signal, 0, 1); Atomics.notify(signal, 0); });
`;

export function readWorkbook(path: string, file: string): Workbook {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const module = new URL("./xlsx-worker.ts", import.meta.url).href;
  const worker = new Worker(BOOT, { eval: true, workerData: { module, path, port: port2, signal }, transferList: [port2] });
  try {
    if (Atomics.wait(signal, 0, 0, TIMEOUT_MS) === "timed-out") {
      return { ok: false, message: `could not be read within ${TIMEOUT_MS / 1000} s` };
    }
    const reply = receiveMessageOnPort(port1)?.message as
      | { ok: true; sheets: SheetRows[] }
      | { ok: false; message: string }
      | undefined;
    if (reply === undefined) return { ok: false, message: "could not be read: the reader stopped without an answer" };
    if (!reply.ok) return { ok: false, message: `cannot be read as an .xlsx workbook: ${reply.message}` };
    return {
      ok: true,
      sheets: reply.sheets.map((s) => ({ file, sheet: s.name, lettered: true, rows: s.rows })),
    };
  } finally {
    port1.close();
    void worker.terminate();
  }
}
