/**
 * A strict in-memory fake of the Excel JavaScript API subset the add-in uses. Unlike
 * office-addin-mock it runs a batch the way Excel does: calls only queue commands; `context.sync()`
 * runs them in order, and the first that fails rejects the sync (the commands before it stay
 * applied, the ones after it never run). Each rule below quotes the documentation it comes from
 * (`@types/office-js` doc comments unless another page is named), where it is enforced:
 * - deleting a VeryHidden sheet fails with InvalidOperation (`Worksheet.delete`);
 * - `getItem` of a missing sheet and `add` of a bad name fail at sync, not at the call;
 * - sheet names: at most 31 characters, none of \ / ? * [ ] :, not blank, not "History", unique ignoring case;
 * - `null` in a values or numberFormat array leaves that cell as it is;
 * - `isNullObject` is known only after a sync;
 * - a protected structure or a read-only file refuses adding and deleting sheets;
 * - a hidden sheet cannot be activated;
 * - an API above the host's ExcelApi set fails (ApiNotFound), with `apiVersion` set;
 * - `getCellProperties` (ExcelApi 1.9) gives "a 2D array where each item represents the requested
 *   properties of the corresponding cell", its `value` known only after a sync; a fill colour is
 *   `#RRGGBB` (`RangeFill.color`: "in the form #RRGGBB"), and a cell without fill reads `#FFFFFF`.
 * Beyond the documented rules it enforces what Excel on the web enforces:
 * - a values or numberFormat array must match the range's shape;
 * - a string starting with `=`, `+`, `-` or `@` becomes a formula unless the cell is formatted as text (`@`);
 * - a request over 5 MB fails (RequestPayloadSizeLimitExceeded), and so does a response over 5 MB;
 * - loading more than 5 million cells at once fails;
 * - reading a property that was not loaded and synced throws PropertyNotLoaded.
 */
export const LIMIT_BYTES = 5 * 1024 * 1024;
export const LIMIT_CELLS = 5_000_000;
const SHEET_ROWS = 1_048_576;
const SHEET_COLS = 16_384;

type V = string | number | boolean;
export interface FakeSheet {
  id: string;
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
  /** Solid fills by `row,col` (0-based), `#RRGGBB`: the user's colour marks, and fills the add-in set. */
  fills: Map<string, string>;
  deleted?: boolean;
}

export interface FakeOptions {
  /** The workbook's structure is protected (Review > Protect Workbook). */
  protectedStructure?: boolean;
  /** The file is open read-only. */
  readOnly?: boolean;
  /**
   * The highest ExcelApi set the host supports (e.g. 1.7 for Excel 2016 MSI, 1.8 for Excel 2019).
   * Each API documents its set (`[Api set: ExcelApi 1.x]`); a call above it fails at sync with ApiNotFound.
   */
  apiVersion?: number;
}

/** An error as Office.js raises it: `code` is what callers test. */
export class FakeOfficeError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "RichApi.Error";
  }
}
const fail = (code: string, message: string) => {
  throw new FakeOfficeError(code, message);
};

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

class NotLoaded extends FakeOfficeError {
  constructor(p: string) {
    super("PropertyNotLoaded", p);
  }
}

/**
 * Excel's rules for a new sheet's name. The type says only "The name must be fewer than 32
 * characters" (`Worksheet.name`) and "If specified, the name should be unique"
 * (`WorksheetCollection.add`); Excel's own message for an invalid name adds the rest: "The name
 * that you type does not exceed 31 characters. The name does not contain any of the following
 * characters: : \ / ? * [ or ]. You did not leave the name blank." and a sheet cannot be named
 * "History" (reserved for the change history). Uniqueness ignores case, as in Excel's UI.
 */
function checkNewName(name: string, sheets: FakeSheet[]) {
  if (name === "") fail("InvalidArgument", "a sheet name cannot be blank");
  if (name.length > 31) fail("InvalidArgument", `"${name}" is longer than 31 characters`);
  if (/[\\/?*[\]:]/.test(name)) fail("InvalidArgument", `"${name}" contains one of \\ / ? * [ ] :`);
  if (name.toLowerCase() === "history") fail("InvalidArgument", '"History" is reserved');
  if (sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()))
    fail("ItemAlreadyExists", `a sheet named "${name}" exists`);
}

type Step = (() => number | void) & { label?: string };
type SheetRef = () => FakeSheet;

export class StrictExcel {
  readonly sheets: FakeSheet[] = [];
  syncs = 0;
  largestRequest = 0;
  largestResponse = 0;
  /** `getCellProperties` calls made (each reads one range, however many cells). */
  cellPropertyReads = 0;
  /** Responses refused for their size (the adapter must split and retry). */
  refusedResponses = 0;
  /** When set, the sync with this number (1-based, counted over the fake's life) fails with nothing applied. */
  failAtSync?: number;
  /**
   * The share of that sync's commands Excel ran before the failure (0: none). Excel runs a batch in
   * order and keeps what ran, so a run can be cut between a sheet's add and its first values.
   */
  failAfter = 0;
  /** When set, a sync fails right after running the command with this label (e.g. `add:评分表`), once. */
  failAfterCommand?: string;
  private pendingBytes = 0;
  private queue: Step[] = [];
  private nextId = 1;

  constructor(
    init: Record<string, V[][]> = {},
    readonly options: FakeOptions = {},
  ) {
    for (const [name, values] of Object.entries(init)) this.addSheet(name, values);
  }

  /** A sheet as it exists before the add-in runs (no API rules apply). */
  addSheet(name: string, values: V[][] = []): FakeSheet {
    const s = this.newSheet(name, values, this.newId());
    this.sheets.push(s);
    return s;
  }
  private newSheet(name: string, values: V[][] = [], id = ""): FakeSheet {
    const width = Math.max(0, ...values.map((r) => r.length));
    return {
      id,
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
      fills: new Map(),
    };
  }
  /** Excel gives a sheet its id when the add runs. */
  private newId() {
    return `{${String(this.nextId++).padStart(8, "0")}-0000-4000-8000-000000000000}`;
  }
  sheet(name: string) {
    return this.sheets.find((s) => s.name === name);
  }

  /** Excel.run's equivalent. */
  run = async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> =>
    batch(this.context() as unknown as Excel.RequestContext);

  /** The pending request never reached Excel (refused on the way): nothing of it runs. */
  dropPending() {
    this.queue = [];
    this.pendingBytes = 0;
  }

  /** Queues a command: its request bytes now, its effect at the next sync. */
  private queueStep(bytes: number, step: Step = () => undefined, label?: string) {
    this.pendingBytes += bytes + 64;
    this.queue.push(Object.assign(step, { label }));
  }

  /** A command of ExcelApi `version`: refused at sync by a host below it. */
  private api(version: number, what: string) {
    const has = this.options.apiVersion;
    if (has !== undefined && version > has)
      this.queueStep(0, () => fail("ApiNotFound", `${what} needs ExcelApi ${version}; the host has ${has}`));
  }

  private structureChange(what: string) {
    // `WorkbookProtection.protected`: "Specifies if the workbook is protected." Excel's help (Protect a
    // workbook): protecting the structure "prevents users from adding, moving, deleting, hiding, and renaming
    // worksheets". `Workbook.readOnly`: "Returns `true` if the workbook is open in read-only mode."
    if (this.options.protectedStructure) fail("InvalidOperation", `${what}: the workbook's structure is protected`);
    if (this.options.readOnly) fail("InvalidOperation", `${what}: the workbook is read-only`);
  }

  private async sync() {
    this.syncs++;
    const request = this.pendingBytes;
    this.pendingBytes = 0;
    this.largestRequest = Math.max(this.largestRequest, request);
    const steps = this.queue.splice(0);
    if (request > LIMIT_BYTES)
      throw new FakeOfficeError("RequestPayloadSizeLimitExceeded", `the request is ${request} bytes`);
    if (this.failAtSync === this.syncs) {
      for (const step of steps.slice(0, Math.floor(steps.length * this.failAfter))) step();
      throw new FakeOfficeError("GeneralException", "the connection was lost");
    }
    let response = 0;
    // In order; the first failure rejects the sync and the rest never runs.
    for (const step of steps) {
      response += step() ?? 0;
      if (this.failAfterCommand && step.label === this.failAfterCommand) {
        this.failAfterCommand = undefined;
        throw new FakeOfficeError("GeneralException", "the connection was lost");
      }
    }
    if (response > LIMIT_BYTES) {
      this.refusedResponses++;
      throw new FakeOfficeError("ResponsePayloadSizeLimitExceeded", `the response is ${response} bytes`);
    }
    this.largestResponse = Math.max(this.largestResponse, response);
  }

  /** A sheet by name or id, resolved when the batch runs. */
  private byKey(key: string): SheetRef {
    return () => {
      const k = key.toLowerCase();
      const s = this.sheets.find((x) => x.name.toLowerCase() === k || x.id.toLowerCase() === k);
      // `getItem` has no OrNullObject semantics: a missing sheet is ItemNotFound when the batch runs.
      return s ?? fail("ItemNotFound", `no sheet "${key}"`);
    };
  }

  private context() {
    const fake = this;
    let listed: FakeSheet[] | null = null;
    const worksheets = {
      load(_p?: string) {
        fake.queueStep(40, () => {
          listed = fake.sheets.slice();
          return fake.sheets.length * 120;
        });
      },
      get items() {
        if (!listed) throw new NotLoaded("worksheets.items");
        return listed.map((s) => fake.sheetProxy(() => s, s));
      },
      getItem(key: string) {
        return fake.sheetProxy(fake.byKey(key));
      },
      getItemOrNullObject(key: string) {
        let found: FakeSheet | null | undefined;
        fake.queueStep(utf8(key), () => {
          found = fake.sheets.find((x) => x.name.toLowerCase() === key.toLowerCase() || x.id === key) ?? null;
        });
        const ws = fake.sheetProxy(() => found ?? fail("InvalidObjectPath", `"${key}" is a null object`));
        // Loading a null object is no error: its properties simply stay unavailable.
        const loadSheet = ws.load;
        ws.load = (p?: string) => {
          if (fake.sheets.some((x) => x.name.toLowerCase() === key.toLowerCase() || x.id === key)) loadSheet(p);
        };
        // OfficeExtension.ClientObject.isNullObject: "You must call context.sync() before reading the isNullObject property."
        return Object.defineProperty(ws, "isNullObject", {
          get() {
            if (found === undefined) throw new NotLoaded("isNullObject");
            return found === null;
          },
        });
      },
      add(name: string) {
        const s = fake.newSheet(name);
        // `getItem`/`add` are queued: an invalid or duplicate name is reported by the sync, not by the call.
        fake.queueStep(
          utf8(name),
          () => {
            fake.structureChange(`add "${name}"`);
            checkNewName(name, fake.sheets);
            s.id = fake.newId();
            fake.sheets.push(s);
          },
          `add:${name}`,
        );
        return fake.sheetProxy(() => (fake.sheets.includes(s) ? s : fail("ItemNotFound", `"${name}" was not added`)));
      },
    };
    let wbLoaded = false;
    const protection = {
      load(_p?: string) {
        fake.api(1.7, "workbook.protection");
        fake.queueStep(20, () => {
          wbLoaded = true;
          return 20;
        });
      },
      get protected() {
        if (!wbLoaded) throw new NotLoaded("protection.protected");
        return !!fake.options.protectedStructure;
      },
    };
    return {
      workbook: {
        worksheets,
        protection,
        load(_p?: string) {
          fake.api(1.8, "workbook.readOnly");
          protection.load();
        },
        get readOnly() {
          if (!wbLoaded) throw new NotLoaded("workbook.readOnly");
          return !!fake.options.readOnly;
        },
        application: {
          suspendApiCalculationUntilNextSync() {
            fake.api(1.6, "suspendApiCalculationUntilNextSync");
            fake.queueStep(16);
          },
          suspendScreenUpdatingUntilNextSync() {
            fake.api(1.9, "suspendScreenUpdatingUntilNextSync");
            fake.queueStep(16);
          },
        },
      },
      sync: () => fake.sync(),
    };
  }

  private sheetProxy(ref: SheetRef, listed?: FakeSheet) {
    const fake = this;
    const live = (): FakeSheet => {
      const s = ref();
      return s.deleted ? fail("ItemNotFound", `"${s.name}" was deleted`) : s;
    };
    const op = (bytes: number, f: (s: FakeSheet) => void) => fake.queueStep(bytes, () => f(live()));
    let loaded: FakeSheet | undefined = listed;
    const prop = <K extends keyof FakeSheet>(k: K) => {
      if (!loaded) throw new NotLoaded(`worksheet.${k}`);
      return loaded[k];
    };
    const collection = (kind: "tables" | "charts") => {
      let items: unknown[] | null = null;
      return {
        load(_p?: string) {
          fake.queueStep(30, () => {
            const s = live();
            items = (kind === "tables" ? s.tables : s.charts).slice();
            return items.length * 40;
          });
        },
        get items() {
          if (!items) throw new NotLoaded(`${kind}.items`);
          return items.map((item) => ({
            delete() {
              op(20, (s) => {
                const list: unknown[] = kind === "tables" ? s.tables : s.charts;
                const at = list.indexOf(item);
                if (at < 0) fail("ItemNotFound", `the ${kind} item is gone`);
                list.splice(at, 1);
              });
            },
          }));
        },
      };
    };
    const tables = collection("tables");
    const charts = collection("charts");
    return {
      load(_p?: string) {
        fake.queueStep(30, () => {
          loaded = { ...live() };
          return 120;
        });
      },
      get name() {
        return prop("name");
      },
      get id() {
        return prop("id");
      },
      get visibility() {
        return prop("visibility");
      },
      set visibility(v: string) {
        op(20, (s) => {
          s.visibility = v;
        });
      },
      delete() {
        op(20, (s) => {
          fake.structureChange(`delete "${s.name}"`);
          // Worksheet.delete: "Note that if the worksheet's visibility is set to "VeryHidden", the delete
          // operation will fail with an `InvalidOperation` exception."
          if (s.visibility === "VeryHidden") fail("InvalidOperation", `"${s.name}" is VeryHidden`);
          fake.sheets.splice(fake.sheets.indexOf(s), 1);
          s.deleted = true;
        });
      },
      activate() {
        op(10, (s) => {
          // Excel: a hidden sheet cannot be the active sheet ("Activate method of Worksheet class failed").
          if (s.visibility !== "Visible") fail("InvalidOperation", `"${s.name}" is hidden and cannot be activated`);
          s.props.active = true;
        });
      },
      getUsedRangeOrNullObject(_valuesOnly?: boolean) {
        return fake.usedRange(live);
      },
      getRangeByIndexes(r: number, c: number, rows: number, cols: number) {
        return fake.rangeProxy(live, r, c, rows, cols);
      },
      getRange(a?: string) {
        if (a === undefined) return fake.rangeProxy(live, 0, 0, SHEET_ROWS, SHEET_COLS);
        const p = parseA1(a);
        return fake.rangeProxy(live, p.r, p.c, p.rows, p.cols);
      },
      freezePanes: {
        freezeRows(n: number) {
          fake.api(1.7, "freezeRows");
          op(10, (s) => {
            s.props.freezeRows = n;
          });
        },
        freezeColumns(n: number) {
          fake.api(1.7, "freezeColumns");
          op(10, (s) => {
            s.props.freezeCols = n;
          });
        },
        unfreeze() {
          fake.api(1.7, "unfreeze");
          op(10, (s) => {
            delete s.props.freezeRows;
            delete s.props.freezeCols;
          });
        },
      },
      pageLayout: new Proxy(
        {
          setPrintTitleRows(a: string) {
            fake.api(1.9, "setPrintTitleRows");
            op(20, (s) => {
              s.props.printTitleRows = a;
            });
          },
        } as Record<string, unknown>,
        {
          set(t, k, v) {
            fake.api(1.9, "pageLayout");
            op(40, (s) => {
              s.props[`page.${String(k)}`] = v;
            });
            t[k as string] = v;
            return true;
          },
        },
      ),
      horizontalPageBreaks: {
        add(a: string) {
          fake.api(1.9, "horizontalPageBreaks");
          op(20, (s) => {
            s.breaks.push(a);
          });
        },
        removePageBreaks() {
          fake.api(1.9, "removePageBreaks");
          op(20, (s) => {
            s.breaks = [];
          });
        },
      },
      tables: {
        add(address: string, hasHeaders: boolean) {
          op(60, (s) => {
            const p = parseA1(address);
            // Excel refuses a table over merged cells or with repeated header names.
            if (
              s.merges.some((m) => {
                const [r, , rows] = m.split(",").map(Number);
                return r + rows - 1 >= p.r && r <= p.r + p.rows - 1;
              })
            )
              fail("InvalidOperation", "a table cannot overlap merged cells");
            if (s.tables.length) fail("InvalidOperation", "a table cannot overlap another table");
            if (hasHeaders) {
              const h = s.values[p.r]?.slice(p.c, p.c + p.cols) ?? [];
              if (new Set(h).size !== h.length) fail("InvalidArgument", "table headers must be unique");
            }
            s.tables.push(address);
          });
          return { style: "" };
        },
        load: tables.load,
        get items() {
          return tables.items;
        },
      },
      charts: {
        add(type: string, _range: unknown, _by: string) {
          const chart = { type, title: "" };
          op(100, (s) => {
            s.charts.push(chart);
          });
          return {
            title: {
              set text(t: string) {
                op(40, () => {
                  chart.title = t;
                });
              },
            },
            top: 0,
            left: 0,
          };
        },
        load: charts.load,
        get items() {
          return charts.items;
        },
      },
    };
  }

  /** `getUsedRangeOrNullObject`: its extent is known only when the batch runs. */
  private usedRange(live: SheetRef) {
    let dims: { r: number; c: number; rows: number; cols: number } | null | undefined;
    const need = () => {
      if (dims === undefined) throw new NotLoaded("usedRange");
      if (dims === null) throw new FakeOfficeError("InvalidObjectPath", "the used range is a null object");
      return dims;
    };
    return {
      load(_p?: string) {
        this.queue();
      },
      queue: () =>
        this.queueStep(40, () => {
          const s = live();
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
          dims = maxR < 0 ? null : { r: minR, c: minC, rows: maxR - minR + 1, cols: maxC - minC + 1 };
          return 80;
        }),
      get isNullObject() {
        if (dims === undefined) throw new NotLoaded("isNullObject");
        return dims === null;
      },
      get rowIndex() {
        return need().r;
      },
      get columnIndex() {
        return need().c;
      },
      get rowCount() {
        return need().rows;
      },
      get columnCount() {
        return need().cols;
      },
    };
  }

  private rangeProxy(live: SheetRef, r: number, c: number, rows: number, cols: number) {
    const fake = this;
    const got: { values?: V[][]; numberFormat?: string[][] } = {};
    const ensure = (s: FakeSheet) => {
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
    const slice = <T>(m: T[][]) => m.slice(r, r + rows).map((x) => x.slice(c, c + cols));
    const shapeOk = (m: unknown[][], what: string) => {
      if (!Array.isArray(m) || m.length !== rows || m.some((row) => !Array.isArray(row) || row.length !== cols))
        fail(
          "InvalidArgument",
          `${what} is ${m.length}×${(m[0] as unknown[])?.length} but the range is ${rows}×${cols}`,
        );
    };
    const op = (bytes: number, f: (s: FakeSheet) => void) => fake.queueStep(bytes, () => f(live()));
    const format = (target: string): Record<string, unknown> =>
      new Proxy({} as Record<string, unknown>, {
        get(_t, k) {
          if (k === "font" || k === "fill") return format(`${target}.${String(k)}`);
          return undefined;
        },
        set(_t, k, v) {
          op(40, (s) => {
            s.props[`${target}.${String(k)}@${r},${c}`] = v;
            if (target === "format.fill" && k === "color" && rows * cols <= 1_000_000)
              for (let i = r; i < r + rows; i++) for (let j = c; j < c + cols; j++) s.fills.set(`${i},${j}`, String(v));
          });
          return true;
        },
      });
    return {
      isNullObject: false,
      load(props: string | string[]) {
        const list = (Array.isArray(props) ? props : props.split(",")).map((p) => p.trim());
        fake.queueStep(40, () => {
          const s = live();
          const cells = rows * cols;
          if ((list.includes("values") || list.includes("numberFormat")) && cells > LIMIT_CELLS)
            fail("InvalidArgument", `the range has ${cells} cells, more than Excel loads at once`);
          let bytes = 64;
          ensure(s);
          if (list.includes("values")) {
            got.values = slice(s.values);
            bytes += utf8(JSON.stringify(got.values));
          }
          if (list.includes("numberFormat")) {
            got.numberFormat = slice(s.formats);
            bytes += utf8(JSON.stringify(got.numberFormat));
          }
          return bytes;
        });
      },
      get values() {
        return (
          got.values ??
          (() => {
            throw new NotLoaded("range.values");
          })()
        );
      },
      get numberFormat() {
        return (
          got.numberFormat ??
          (() => {
            throw new NotLoaded("range.numberFormat");
          })()
        );
      },
      set numberFormat(m: (string | null)[][]) {
        op(utf8(JSON.stringify(m)), (s) => {
          shapeOk(m, "numberFormat");
          ensure(s);
          // Blank and null values page: "To set values, number format, or formula for only specific
          // cells within a range, specify [them] for those cells in the 2-D array, and specify null
          // for all other cells in the 2-D array."
          m.forEach((row, i) =>
            row.forEach((f, j) => {
              if (f !== null) s.formats[r + i][c + j] = f;
            }),
          );
        });
      },
      set values(m: (V | null)[][]) {
        op(utf8(JSON.stringify(m)), (s) => {
          shapeOk(m, "values");
          ensure(s);
          m.forEach((row, i) =>
            row.forEach((v, j) => {
              if (v === null) return; // null leaves the cell unchanged (see numberFormat)
              const key = `${r + i},${c + j}`;
              s.values[r + i][c + j] = v;
              // Range.values: "If the returned value starts with a plus ("+"), minus ("-"), or equal sign
              // ("="), Excel interprets this value as a formula." (and `@` too, unless formatted as text)
              if (typeof v === "string" && FORMULA_START.test(v) && s.formats[r + i][c + j] !== "@")
                s.formulas.add(key);
              else s.formulas.delete(key);
            }),
          );
        });
      },
      format: format("format"),
      merge() {
        op(20, (s) => {
          s.merges.push(`${r},${c},${rows},${cols}`);
        });
      },
      unmerge() {
        op(20, (s) => {
          s.merges = s.merges.filter((m) => {
            const [mr, mc] = m.split(",").map(Number);
            return !(mr >= r && mr < r + rows && mc >= c && mc < c + cols);
          });
        });
      },
      /** Range.clear(): contents, formats (number formats back to General), merges; whole rows emptied. */
      clear(_applyTo?: string) {
        op(20, (s) => {
          for (let i = r; i < Math.min(s.values.length, r + rows); i++)
            for (let j = c; j < Math.min(s.values[i].length, c + cols); j++) {
              s.values[i][j] = "";
              s.formats[i][j] = "General";
              s.formulas.delete(`${i},${j}`);
            }
          for (const k of [...s.fills.keys()]) {
            const [i, j] = k.split(",").map(Number);
            if (i >= r && i < r + rows && j >= c && j < c + cols) s.fills.delete(k);
          }
          if (rows === SHEET_ROWS && cols === SHEET_COLS) {
            s.values = [];
            s.formats = [];
            s.merges = [];
            for (const k of Object.keys(s.props)) if (k.startsWith("format.")) delete s.props[k];
          }
        });
      },
      getCellProperties(options: Excel.CellPropertiesLoadOptions) {
        const keys = JSON.stringify(options);
        // Only the fill colour is modelled: asking for anything else must not quietly come back empty.
        if (keys !== JSON.stringify({ format: { fill: { color: true } } }))
          throw new Error(`the fake models getCellProperties for format.fill.color only, not ${keys}`);
        fake.api(1.9, "getCellProperties");
        fake.cellPropertyReads++;
        let value: Excel.CellProperties[][] | undefined;
        fake.queueStep(utf8(keys) + 80, () => {
          const s = live();
          if (rows * cols > LIMIT_CELLS) fail("InvalidArgument", `the range has ${rows * cols} cells`);
          value = Array.from({ length: rows }, (_, i) =>
            Array.from({ length: cols }, (_, j) => ({
              format: { fill: { color: s.fills.get(`${r + i},${c + j}`) ?? "#FFFFFF" } },
            })),
          );
          return utf8(JSON.stringify(value));
        });
        return {
          get value() {
            if (!value) throw new NotLoaded("getCellProperties.value");
            return value;
          },
        };
      },
      select() {
        op(10, (s) => {
          s.props.selected = `${r},${c}`;
        });
      },
      conditionalFormats: {
        add(type: string) {
          fake.api(1.6, "conditionalFormats");
          op(60, (s) => {
            s.conditional.push(type);
          });
          return { cellValue: { format: { fill: {}, font: {} }, rule: {} }, dataBar: { positiveFormat: {} } };
        },
        clearAll() {
          fake.api(1.6, "conditionalFormats.clearAll");
          op(20, (s) => {
            s.conditional = [];
          });
        },
      },
    };
  }
}
