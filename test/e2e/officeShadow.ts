/**
 * Runs the adapter against the strict fake (for what Excel answers) and, command for command,
 * against Office.js's own request builder (for what Excel on the web would be sent): every call
 * goes to both, every read answers from the fake, and the real context's request executor
 * captures each serialized request instead of sending it. A request over 5 MB is refused as Excel
 * on the web refuses it (RequestPayloadSizeLimitExceeded), on both sides.
 */
import type { StrictExcel } from "../fakes/strictExcel";

export const EXCEL_WEB_LIMIT = 5 * 1024 * 1024;

interface Pair {
  fake: unknown;
  real: unknown;
}
type Obj = Record<string | symbol, unknown>;

const pairs = new WeakMap<object, Pair>();
const unwrap = (side: "fake" | "real", v: unknown) =>
  typeof v === "object" && v !== null && pairs.has(v) ? pairs.get(v)![side] : v;

/** A sink for objects only the fake can name (loaded collection items): the real side gets nothing. */
const sink: unknown = new Proxy(() => sink, { get: () => sink, set: () => true, apply: () => sink });

function pair(fake: unknown, real: unknown): unknown {
  if (typeof fake !== "object" || fake === null || Array.isArray(fake)) return fake;
  const proxy = new Proxy(fake as Obj, {
    get(target, key) {
      const fv = target[key];
      if (typeof fv === "function")
        return (...args: unknown[]) => {
          const f = (fv as (...a: unknown[]) => unknown).apply(
            target,
            args.map((a) => unwrap("fake", a)),
          );
          const rf = (real as Obj)[key] as ((...a: unknown[]) => unknown) | undefined;
          const r =
            real === sink || !rf
              ? sink
              : rf.apply(
                  real,
                  args.map((a) => unwrap("real", a)),
                );
          return pair(f, r);
        };
      if (key === "items" && Array.isArray(fv)) return fv.map((item: unknown) => pair(item, sink));
      if (typeof fv === "object" && fv !== null && !Array.isArray(fv))
        return pair(fv, real === sink ? sink : (real as Obj)[key]);
      return fv;
    },
    set(target, key, value) {
      target[key] = value;
      if (real !== sink) (real as Obj)[key] = value;
      return true;
    },
  });
  pairs.set(proxy, { fake, real });
  return proxy;
}

interface RequestBody {
  Actions: { Id: number; ActionType: number; ObjectPathId: number }[];
  ObjectPaths: Record<string, { ObjectPathType: number }>;
}

/**
 * What Excel answers that the builder needs to keep going: an object made by a method (a range,
 * an added sheet) gets a reference id, as Excel.run's objects do, so later requests may use it.
 * Loaded values are not answered here: reads come from the fake.
 */
function answers(body: RequestBody) {
  return body.Actions.filter((a) => a.ActionType === 1 && body.ObjectPaths[a.ObjectPathId]?.ObjectPathType === 3).map(
    (a) => ({
      ActionId: a.Id,
      Value: { _ReferenceId: `{${String(a.Id).padStart(8, "0")}-F00D-4B1D-9A2E-6C0FFEE00001}` },
    }),
  );
}

export interface Capture {
  /** Bytes of every request the builder produced, in order (UTF-8 of the JSON body). */
  requests: number[];
  /** Requests refused for their size. */
  refused: number;
}

/** An `Excel.run` over both sides. `Excel` is the real library (excel-web-16.00.debug.js) in the page. */
export function shadowRun(fake: StrictExcel, capture: Capture) {
  const encoder = new TextEncoder();
  return async <T>(batch: (ctx: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const real = new Excel.RequestContext();
    let refusedNow = false;
    (real as unknown as { _requestExecutor: unknown })._requestExecutor = {
      executeAsync(_custom: unknown, _flags: number, message: { Body: RequestBody }) {
        const bytes = encoder.encode(JSON.stringify(message.Body)).length;
        capture.requests.push(bytes);
        refusedNow = bytes > EXCEL_WEB_LIMIT;
        if (refusedNow) capture.refused++;
        return Promise.resolve({
          HttpStatusCode: refusedNow ? 413 : 200,
          ErrorCode: refusedNow ? "RequestPayloadSizeLimitExceeded" : null,
          ErrorMessage: refusedNow ? `the request is ${bytes} bytes` : null,
          Headers: {},
          Body: refusedNow ? null : { Results: answers(message.Body) },
        });
      },
    };
    return fake.run(async (fakeCtx) => {
      const ctx = {
        workbook: pair(fakeCtx.workbook, real.workbook),
        sync: async () => {
          try {
            await real.sync();
          } catch (e) {
            if (!refusedNow) throw e;
            fake.dropPending();
            throw e;
          }
          await fakeCtx.sync();
        },
      };
      return batch(ctx as unknown as Excel.RequestContext);
    });
  };
}
