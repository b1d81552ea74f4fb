/**
 * A strict in-memory fake of the Excel JavaScript API subset the add-in uses. Unlike
 * office-addin-mock it enforces what Excel enforces:
 * - a values or numberFormat array must match the range's shape;
 * - a string starting with `=`, `+`, `-` or `@` becomes a formula unless the cell is formatted as text (`@`);
 * - a request over 5 MB fails (RequestPayloadSizeLimitExceeded), and so does a response over 5 MB;
 * - loading more than 5 million cells at once fails;
 * - reading a property that was not loaded and synced throws PropertyNotLoaded.
 */
export const LIMIT_BYTES = 5 * 1024 * 1024;
export const LIMIT_CELLS = 5_000_000;

type V = string | number | boolean;
export interface FakeSheet {
  tables: string[];
  name: string;
  values: V[][];
  formats: string[][];
  formulas: Set<string>;
  visibility: string;
  props: Record<string, unknown>;
  charts: { type: string; title: string }[];
  merges: string[];
  breaks: string[];
  conditional: string[];
}

const utf8 = (s: string) => Buffer.byteLength(s, "utf8");
const FORMULA_START = /^[=+\-@]/;

function colIndex(letters: string) {
  let n = 0;
  for (const ch of letters) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}
function parseA1(a: string) {
  const [p, q] = a.replace(/\$/g, "").split(":");
  const one = (x: string) => {
    const m = x.match(/^([A-Z]+)(\d+)$/)!;
    return { r: +m[2] - 1, c: colIndex(m[1]) };
  };
  const s = one(p),
    e = one(q ?? p);
  return { r: s.r, c: s.c, rows: e.r - s.r + 1, cols: e.c - s.c + 1 };
}

class NotLoaded extends Error {
  constructor(p: string) {
    super(`PropertyNotLoaded: ${p}`);
    this.name = "PropertyNotLoaded";
  }
}

export class StrictExcel {
  readonly sheets: FakeSheet[] = [];
  syncs = 0;
  largestRequest = 0;
  largestResponse = 0;
  /** Responses refused for their size (the adapter must split and retry). */
  refusedResponses = 0;
  private pendingBytes = 0;
  private pendingLoads: (() => number)[] = [];
  private pendingErrors: Error[] = [];
  private pendingOps: (() => void)[] = [];

  constructor(init: Record<string, V[][]> = {}) {
    for (const [name, values] of Object.entries(init)) this.addSheet(name, values);
  }

  addSheet(name: string, values: V[][] = []): FakeSheet {
    const width = Math.max(0, ...values.map((r) => r.length));
    const s: FakeSheet = {
      name,
      values: values.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? "")),
      formats: values.map(() => Array(width).fill("General")),
      formulas: new Set(),
      tables: [],
      visibility: "Visible",
      props: {},
      charts: [],
      merges: [],
      breaks: [],
      conditional: [],
    };
    this.sheets.push(s);
    return s;
  }
  sheet(name: string) {
    return this.sheets.find((s) => s.name === name);
  }

  /** Excel.run's equivalent. */
  run = async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> =>
    batch(this.context() as unknown as Excel.RequestContext);

  private queueBytes(n: number) {
    this.pendingBytes += n + 64;
  }

  private async sync() {
    this.syncs++;
    const request = this.pendingBytes;
    this.pendingBytes = 0;
    this.largestRequest = Math.max(this.largestRequest, request);
    const errors = this.pendingErrors.splice(0);
    const ops = this.pendingOps.splice(0);
    const loads = this.pendingLoads.splice(0);
    if (request > LIMIT_BYTES) throw new Error(`RequestPayloadSizeLimitExceeded: ${request} bytes`);
    if (errors.length) throw errors[0];
    for (const op of ops) op();
    let response = 0;
    for (const l of loads) response += l();
    if (response > LIMIT_BYTES) {
      this.refusedResponses++;
      throw new Error(`ResponsePayloadSizeLimitExceeded: ${response} bytes`);
    }
    this.largestResponse = Math.max(this.largestResponse, response);
  }

  private context() {
    const fake = this;
    const worksheets = {
      _loaded: false,
      load(_p: string) {
        fake.pendingLoads.push(() => {
          worksheets._loaded = true;
          return fake.sheets.length * 40;
        });
      },
      get items() {
        if (!worksheets._loaded) throw new NotLoaded("worksheets.items");
        return fake.sheets.map((s) => fake.sheetProxy(s, true));
      },
      getItem(name: string) {
        const s = fake.sheet(name);
        if (!s) throw new Error(`ItemNotFound: ${name}`);
        return fake.sheetProxy(s, false);
      },
      getItemOrNullObject(name: string) {
        const s = fake.sheet(name);
        return s ? Object.assign(fake.sheetProxy(s, false), { isNullObject: false }) : { isNullObject: true };
      },
      add(name: string) {
        if (fake.sheet(name)) throw new Error(`ItemAlreadyExists: ${name}`);
        if (name.length > 31 || /[\\/?*[\]:]/.test(name)) throw new Error(`InvalidArgument: sheet name ${name}`);
        fake.queueBytes(utf8(name));
        return fake.sheetProxy(fake.addSheet(name), false);
      },
    };
    return {
      workbook: {
        worksheets,
        application: {
          suspendApiCalculationUntilNextSync() {
            fake.queueBytes(16);
          },
          suspendScreenUpdatingUntilNextSync() {
            fake.queueBytes(16);
          },
        },
      },
      sync: () => fake.sync(),
    };
  }

  private sheetProxy(s: FakeSheet, loaded: boolean) {
    const fake = this;
    return {
      get name() {
        if (!loaded) throw new NotLoaded("worksheet.name");
        return s.name;
      },
      get visibility() {
        if (!loaded) throw new NotLoaded("worksheet.visibility");
        return s.visibility;
      },
      set visibility(v: string) {
        fake.queueBytes(20);
        s.visibility = v;
      },
      delete() {
        fake.queueBytes(20);
        const i = fake.sheets.indexOf(s);
        if (i >= 0) fake.sheets.splice(i, 1);
      },
      activate() {
        fake.queueBytes(10);
      },
      getUsedRangeOrNullObject(_valuesOnly?: boolean) {
        let maxR = -1,
          maxC = -1,
          minR = Infinity,
          minC = Infinity;
        s.values.forEach((row, r) =>
          row.forEach((v, c) => {
            if (v !== "" && v !== null) {
              maxR = Math.max(maxR, r);
              maxC = Math.max(maxC, c);
              minR = Math.min(minR, r);
              minC = Math.min(minC, c);
            }
          }),
        );
        if (maxR < 0)
          return {
            isNullObject: true,
            load() {
              /* nothing to load */
            },
          };
        return fake.rangeProxy(s, minR, minC, maxR - minR + 1, maxC - minC + 1);
      },
      getRangeByIndexes(r: number, c: number, rows: number, cols: number) {
        return fake.rangeProxy(s, r, c, rows, cols);
      },
      getRange(a: string) {
        const p = parseA1(a);
        return fake.rangeProxy(s, p.r, p.c, p.rows, p.cols);
      },
      freezePanes: {
        freezeRows(n: number) {
          fake.queueBytes(10);
          s.props.freezeRows = n;
        },
        freezeColumns(n: number) {
          fake.queueBytes(10);
          s.props.freezeCols = n;
        },
      },
      pageLayout: new Proxy(
        {
          setPrintTitleRows(a: string) {
            fake.queueBytes(20);
            s.props.printTitleRows = a;
          },
        } as Record<string, unknown>,
        {
          set(t, k, v) {
            fake.queueBytes(40);
            s.props[`page.${String(k)}`] = v;
            t[k as string] = v;
            return true;
          },
        },
      ),
      horizontalPageBreaks: {
        add(a: string) {
          fake.queueBytes(20);
          s.breaks.push(a);
        },
      },
      tables: {
        add(address: string, hasHeaders: boolean) {
          fake.queueBytes(60);
          const p = parseA1(address);
          // Excel refuses a table over merged cells or with repeated header names.
          if (
            s.merges.some((m) => {
              const [r, , rows] = m.split(",").map(Number);
              return r + rows - 1 >= p.r && r <= p.r + p.rows - 1;
            })
          )
            fake.pendingErrors.push(new Error("InvalidOperation: a table cannot overlap merged cells"));
          if (hasHeaders) {
            const h = s.values[p.r]?.slice(p.c, p.c + p.cols) ?? [];
            if (new Set(h).size !== h.length)
              fake.pendingErrors.push(new Error("InvalidArgument: table headers must be unique"));
          }
          s.tables.push(address);
          return { style: "" };
        },
      },
      charts: {
        add(type: string, _range: unknown, _by: string) {
          fake.queueBytes(100);
          const chart = { type, title: "" };
          s.charts.push(chart);
          return {
            title: {
              set text(t: string) {
                chart.title = t;
              },
            },
            top: 0,
            left: 0,
          };
        },
      },
    };
  }

  private rangeProxy(s: FakeSheet, r: number, c: number, rows: number, cols: number) {
    const fake = this;
    let loaded = new Set<string>();
    const ensure = () => {
      while (s.values.length < r + rows) {
        s.values.push([]);
        s.formats.push([]);
      }
      const width = Math.max(c + cols, s.values[0]?.length ?? 0);
      for (let i = 0; i < s.values.length; i++) {
        while (s.values[i].length < width) s.values[i].push("");
        while (s.formats[i].length < width) s.formats[i].push("General");
      }
    };
    const read = (p: string) => {
      if (!loaded.has(p)) throw new NotLoaded(`range.${p}`);
    };
    const shapeOk = (m: unknown[][], what: string) => {
      if (!Array.isArray(m) || m.length !== rows || m.some((row) => !Array.isArray(row) || row.length !== cols)) {
        fake.pendingErrors.push(
          new Error(
            `InvalidArgument: ${what} is ${m.length}×${(m[0] as unknown[])?.length} but the range is ${rows}×${cols}`,
          ),
        );
        return false;
      }
      return true;
    };
    const format = (target: string) =>
      new Proxy({} as Record<string, unknown>, {
        get(_t, k) {
          if (k === "font" || k === "fill") return format(`${target}.${String(k)}`);
          return undefined;
        },
        set(_t, k, v) {
          fake.queueBytes(40);
          s.props[`${target}.${String(k)}@${r},${c}`] = v;
          return true;
        },
      });
    return {
      isNullObject: false,
      load(props: string | string[]) {
        const list = (Array.isArray(props) ? props : props.split(",")).map((p) => p.trim());
        fake.queueBytes(40);
        fake.pendingLoads.push(() => {
          const cells = rows * cols;
          if ((list.includes("values") || list.includes("numberFormat")) && cells > LIMIT_CELLS)
            throw new Error(`the range has ${cells} cells, more than Excel loads at once`);
          loaded = new Set(list);
          let bytes = 64;
          ensure();
          if (list.includes("values"))
            bytes += utf8(JSON.stringify(s.values.slice(r, r + rows).map((x) => x.slice(c, c + cols))));
          if (list.includes("numberFormat"))
            bytes += utf8(JSON.stringify(s.formats.slice(r, r + rows).map((x) => x.slice(c, c + cols))));
          return bytes;
        });
      },
      get rowIndex() {
        read("rowIndex");
        return r;
      },
      get columnIndex() {
        read("columnIndex");
        return c;
      },
      get rowCount() {
        read("rowCount");
        return rows;
      },
      get columnCount() {
        read("columnCount");
        return cols;
      },
      get values() {
        read("values");
        return s.values.slice(r, r + rows).map((x) => x.slice(c, c + cols));
      },
      get numberFormat() {
        read("numberFormat");
        return s.formats.slice(r, r + rows).map((x) => x.slice(c, c + cols));
      },
      set numberFormat(m: string[][]) {
        fake.queueBytes(utf8(JSON.stringify(m)));
        if (!shapeOk(m, "numberFormat")) return;
        ensure();
        // Formats apply before later values in the same batch, as in Excel.
        m.forEach((row, i) =>
          row.forEach((f, j) => {
            s.formats[r + i][c + j] = f;
          }),
        );
      },
      set values(m: V[][]) {
        fake.queueBytes(utf8(JSON.stringify(m)));
        if (!shapeOk(m, "values")) return;
        ensure();
        m.forEach((row, i) =>
          row.forEach((v, j) => {
            const key = `${r + i},${c + j}`;
            s.values[r + i][c + j] = v === null ? "" : v;
            if (typeof v === "string" && FORMULA_START.test(v) && s.formats[r + i][c + j] !== "@") s.formulas.add(key);
            else s.formulas.delete(key);
          }),
        );
      },
      format: Object.assign(format("format"), {}),
      merge() {
        fake.queueBytes(20);
        s.merges.push(`${r},${c},${rows},${cols}`);
      },
      select() {
        fake.queueBytes(10);
        s.props.selected = `${r},${c}`;
      },
      conditionalFormats: {
        add(type: string) {
          fake.queueBytes(60);
          s.conditional.push(type);
          return { cellValue: { format: { fill: {}, font: {} }, rule: {} }, dataBar: { positiveFormat: {} } };
        },
      },
    };
  }
}
