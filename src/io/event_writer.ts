import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { RuntimeError, TypeError } from '../errors.js';
import { Graph } from '../graph/graph.js';
import { NDArray } from '../graph/ndarray.js';
import { protoType } from '../proto/tf_protos.js';
import { graphToGraphDef, type GraphDefObject } from './graph_def.js';
import { encodeGraphDef } from './graph_def_codec.js';
import { tfRecord } from './tfrecord.js';

const EventType = protoType('Event');
const SummaryType = protoType('Summary');

/** A serialized Summary: bytes, a fetched summary NDArray, or a summary object. */
export type SummaryLike = Uint8Array | NDArray | { value: unknown[] };

/**
 * TF1's tf.summary.FileWriter: writes `events.out.tfevents.<time>.<host>` in `logdir` as
 * TFRecords of Event protos, which TensorBoard reads (graph tab from addGraph, scalars and
 * histograms from addSummary). Each event is appended as it is added.
 * @example
 * const writer = new tf.summary.FileWriter('logs', tf.getDefaultGraph());
 * writer.addSummary((await sess.run(merged)), step);
 * writer.close();
 */
export class FileWriter {
  readonly logdir: string;
  readonly path: string;
  private closed = false;

  constructor(logdir: string, graph?: Graph | GraphDefObject | null, options: { filenameSuffix?: string } = {}) {
    this.logdir = logdir;
    mkdirSync(logdir, { recursive: true });
    const now = Date.now() / 1000;
    this.path = join(logdir, `events.out.tfevents.${String(Math.floor(now)).padStart(10, '0')}.${hostname()}${options.filenameSuffix ?? ''}`);
    writeFileSync(this.path, tfRecord(EventType.encode(EventType.fromObject({ wallTime: now, fileVersion: 'brain.Event:2' })).finish()));
    if (graph) this.addGraph(graph);
  }

  /** Adds a Summary (as fetched from a summary op) at `globalStep`. */
  addSummary(summary: SummaryLike, globalStep = 0): void {
    let message: object;
    if (summary instanceof NDArray) {
      const bytes = summary.bytes?.[0];
      if (summary.dtype !== 'string' || !bytes) throw new TypeError('addSummary expects a fetched summary (a scalar string NDArray)');
      message = SummaryType.decode(bytes);
    } else if (summary instanceof Uint8Array) {
      message = SummaryType.decode(summary);
    } else {
      message = SummaryType.fromObject(summary);
    }
    this.write({ wallTime: Date.now() / 1000, step: globalStep, summary: message });
  }

  /** Adds the graph for TensorBoard's graph tab. */
  addGraph(graph: Graph | GraphDefObject, globalStep?: number): void {
    const gd = graph instanceof Graph ? graphToGraphDef(graph) : graph;
    this.write({ wallTime: Date.now() / 1000, ...(globalStep === undefined ? {} : { step: globalStep }), graphDef: encodeGraphDef(gd) });
  }

  /** Events are written as they are added; kept for TF's API. */
  flush(): void {
    this.checkOpen();
  }

  close(): void {
    this.closed = true;
  }

  private checkOpen(): void {
    if (this.closed) throw new RuntimeError(`FileWriter for ${this.logdir} is closed`);
  }

  private write(event: Record<string, unknown>): void {
    this.checkOpen();
    appendFileSync(this.path, tfRecord(EventType.encode(EventType.fromObject(event)).finish()));
  }
}
